/**
 * The task pane in dist/: JavaScript size (what loads before the first render, and everything the
 * pane may load) and the time to first render in headless Chromium. Used by `npm run bench`,
 * test/budgets (sizes) and test/e2e/csp.test.ts (the local server and the office.js route).
 *
 * First render: the moment the pane's root heading — the <h1> of the header («Мониторинг ШНОР»
 * in Russian) — is in the DOM with a non-empty layout box, measured by a MutationObserver that is
 * installed before any page script, as performance.now() (milliseconds since navigation start).
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "playwright-core";
import { BROWSER_ARGS, requireBrowser } from "./tools";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
/** Where production loads office.js from (the one script host the pane's CSP allows besides itself). */
export const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";
/** The frames office.js opens itself (the pane's CSP frame-src): its telemetry proxy, Office on the web's trust page. */
export const OFFICE_JS_FRAMES = ["https://telemetryservice.firstpartyapps.oaspapps.com", "https://*.officeapps.live.com"];
/** office.js's telemetry proxy frame (OSF.Logger's ULS endpoint), opened 3 s after office.js starts. */
export const OFFICE_TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
const OFFICE_JS_CDN = `${OFFICE_JS_HOST}/lib/1/hosted/`;
const OFFICE_JS_LOCAL = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/** Task pane JavaScript budgets (issue 8), gzip bytes. */
export const PANE_INITIAL_BUDGET = 160 * 1024;
export const FUNCTIONS_BUDGET = 30 * 1024;

export interface ScriptSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface PaneSizes {
  /** Scripts taskpane.html loads (and preloads) before the first render, in order; office.js excluded. */
  initial: ScriptSize[];
  /** Every other .js file of the build the pane may load later (lazily loaded chunks). */
  lazy: ScriptSize[];
  initialGzip: number;
  initialRaw: number;
  totalGzip: number;
  totalRaw: number;
}

/** gzip at level 9 (what a server's static compression gives at best; the budget's measure). */
export const gzipSize = (bytes: Buffer): number => zlib.gzipSync(bytes, { level: 9 }).length;

function sizeOf(dist: string, file: string): ScriptSize {
  const bytes = fs.readFileSync(path.join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSize(bytes) };
}

/** Local scripts an HTML page loads or preloads, in document order (production HTML may leave attributes unquoted). */
export function pageScripts(html: string): string[] {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag)?.slice(1).find((x) => x !== undefined);
  const out: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const src = m[1] === "script" ? attr(tag, "src") : /\brel=["']?(?:preload|modulepreload)\b/.test(tag) && /\bas=["']?script\b/.test(tag) ? attr(tag, "href") : undefined;
    if (src && !/^(https?:)?\/\//.test(src) && !/(^|\/)office\.js$/.test(src)) out.push(src);
  }
  return out;
}

/** Sizes of the task pane's JavaScript in `dist` (taskpane.html and the top-level .js files). */
export function paneSizes(dist = DIST): PaneSizes {
  const htmlFile = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run \`npm run build\` first.`);
  const initialFiles = pageScripts(fs.readFileSync(htmlFile, "utf8"));
  const initial = initialFiles.map((f) => sizeOf(dist, f));
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !initialFiles.includes(f))
    .sort()
    .map((f) => sizeOf(dist, f));
  const sum = (xs: ScriptSize[], k: "raw" | "gzip") => xs.reduce((a, x) => a + x[k], 0);
  return {
    initial,
    lazy,
    initialGzip: sum(initial, "gzip"),
    initialRaw: sum(initial, "raw"),
    totalGzip: sum(initial, "gzip") + sum(lazy, "gzip"),
    totalRaw: sum(initial, "raw") + sum(lazy, "raw"),
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".map": "application/json",
};

/**
 * A static file server for `dir` on 127.0.0.1 and `port` (0: a free one); `headers` are added to every
 * answer; "/" serves `index`. Also used by the e2e tests (test/e2e/server.ts).
 */
export async function serveDir(dir: string, headers: Record<string, string> = {}, index = "taskpane.html", port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(base, pathname === "/" ? index : pathname);
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store", ...headers });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => reject(new Error(e.code === "EADDRINUSE" ? `port ${port} is in use: choose another (--port N or PORT=N)` : e.message)));
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://localhost:${bound}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * Answer requests for Microsoft's office.js CDN from node_modules/@microsoft/office-js and
 * office.js's telemetry frame with an empty local page (nothing leaves the machine; the frame is
 * recorded in `officeFrames`); any other request outside `allowedOrigin` is aborted and recorded.
 */
export async function offlineRoutes(context: BrowserContext, allowedOrigin: string, blocked: string[], officeFrames: string[] = []): Promise<void> {
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_JS_CDN)) {
      const file = path.join(OFFICE_JS_LOCAL, new URL(url).pathname.slice("/lib/1/hosted/".length));
      if (file.startsWith(OFFICE_JS_LOCAL) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fs.readFileSync(file) });
      } else {
        await route.fulfill({ status: 404, body: "" });
      }
      return;
    }
    if (url.split("?")[0] === OFFICE_TELEMETRY_FRAME) {
      officeFrames.push(url);
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>office.js telemetry (stub)</title>" });
      return;
    }
    const u = new URL(url);
    if (u.origin === allowedOrigin || u.protocol === "data:" || u.protocol === "blob:") {
      await route.continue();
      return;
    }
    blocked.push(url);
    await route.abort();
  });
}

/** Installed before any page script: records when the pane's <h1> first has a layout box. */
const FIRST_RENDER_PROBE = `(() => {
  const w = window;
  const seen = () => {
    const h = document.querySelector("main h1");
    if (!h || !h.textContent || w.__firstRender !== undefined) return;
    const r = h.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) w.__firstRender = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface FirstRender {
  /** Milliseconds from navigation start to the heading, per cold start. */
  runs: number[];
  median: number;
  /** Scripts of our origin fetched before the first render (the first run). */
  scriptsBeforeRender: string[];
  /** Requests outside localhost that were blocked (should be none). */
  blocked: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Time to first render of dist/taskpane.html in headless Chromium: `runs` cold starts, each in a
 * fresh browser context (no cache), office.js answered from node_modules, language ru-RU.
 */
export async function firstRender(dist = DIST, runs = 5): Promise<FirstRender> {
  const executablePath = requireBrowser();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const server = await serveDir(dist);
  const origin = new URL(server.url).origin;
  const browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
  const blocked: string[] = [];
  const times: number[] = [];
  let scriptsBeforeRender: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 360, height: 720 } });
      try {
        await offlineRoutes(context, origin, blocked);
        await context.addInitScript(FIRST_RENDER_PROBE);
        const page = await context.newPage();
        await page.goto(`${server.url}taskpane.html`);
        await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: 30_000 });
        const { t, scripts } = await page.evaluate(() => {
          const t = (window as unknown as { __firstRender: number }).__firstRender;
          const scripts = performance
            .getEntriesByType("resource")
            .filter((e) => e.startTime <= t && /\.js(\?|$)/.test(e.name))
            .map((e) => e.name);
          return { t, scripts };
        });
        times.push(t);
        if (i === 0) scriptsBeforeRender = scripts.filter((s) => s.startsWith(origin)).map((s) => s.slice(origin.length + 1));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { runs: times, median: median(times), scriptsBeforeRender, blocked };
}

/** Bench entry: sizes and first render, through `report` (name, value, unit). */
export async function benchPane(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const s = paneSizes();
  for (const f of [...s.initial, ...s.lazy]) {
    report(`pane.js.${f.file}.raw`, f.raw, "bytes");
    report(`pane.js.${f.file}.gzip`, f.gzip, "bytes gzip");
  }
  report("pane.js.initial.raw", s.initialRaw, `bytes (${s.initial.map((f) => f.file).join(" + ")})`);
  report("pane.js.initial.gzip", s.initialGzip, "bytes gzip");
  report("pane.js.total.raw", s.totalRaw, `bytes (with lazy chunks: ${s.lazy.map((f) => f.file).join(", ") || "none"})`);
  report("pane.js.total.gzip", s.totalGzip, "bytes gzip");
  const r = await firstRender();
  r.runs.forEach((t, i) => report(`pane.firstRender.run${i + 1}`, t, "ms"));
  report("pane.firstRender.median", r.median, `ms (median of ${r.runs.length} cold starts; scripts before render: ${r.scriptsBeforeRender.join(", ")})`);
  if (r.blocked.length) report("pane.blockedRequests", r.blocked.length, `requests (${r.blocked.join(", ")})`);
}

/** A fresh temporary directory (for Chromium profiles and builds). */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
