/**
 * The task pane's Content-Security-Policy, in Chromium (or Chrome/Edge): a production build with
 * office.js from node_modules (`--env officeJs=local`, as the demo does), served on localhost. The
 * page sets script-src to exactly 'self' and Microsoft's office.js host and frame-src to exactly
 * the frames office.js opens itself; it renders under that policy without a violation; office.js's
 * telemetry frame (opened by a 3 s timer outside Office) is opened here on purpose, before any
 * assertion, so that the verdict never depends on timing: it is allowed by the policy and answered
 * by a local stub. Our own code makes no other request outside its origin — also when the lazily
 * loaded screens open.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { BROWSER_ARGS, requireBrowser } from "../../src/cli/tools";
import { DIST, OFFICE_JS_FRAMES, OFFICE_JS_HOST, OFFICE_TELEMETRY_FRAME, ROOT, offlineRoutes, serveDir, tempDir } from "../../src/cli/bench-pane";

jest.setTimeout(240_000);

const load = createRequire(__filename);
type ConfigFactory = (env: Record<string, string>, argv: { mode: string }) => Promise<Record<string, unknown>>;

/** The CSP of an HTML page's meta tag(s): directive → sources. */
function cspOf(html: string): { count: number; directives: Record<string, string[]> } {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)].map((m) => m[0]);
  const content = metas.map((m) => /\bcontent="([^"]*)"/i.exec(m)?.[1] ?? /\bcontent='([^']*)'/i.exec(m)?.[1] ?? "")[0] ?? "";
  const directives: Record<string, string[]> = {};
  for (const part of content.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives[name.toLowerCase()] = sources;
  }
  return { count: metas.length, directives };
}

async function buildLocal(out: string): Promise<void> {
  const webpack = load("webpack") as (config: object) => {
    run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: string): string }) => void): void;
    close(cb: () => void): void;
  };
  const config = await (load(path.join(ROOT, "webpack.config.js")) as ConfigFactory)({ officeJs: "local" }, { mode: "production" });
  const compiler = webpack({ ...config, context: ROOT, devtool: false, output: { ...(config.output as object), path: out }, stats: "none" });
  const errors = await new Promise<string>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else resolve(stats?.hasErrors() ? stats.toString("errors-only") : "");
    }),
  );
  if (errors) throw new Error(errors);
}

let out: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
/** URL → why it failed in the browser ("csp": refused by the policy, never sent). */
const failures = new Map<string, string>();
/** Requests outside the page's origin that got past the policy (the route aborts them): must stay empty. */
const escaped: string[] = [];
const pageErrors: string[] = [];
/** office.js's own frames, answered by a local stub. */
const officeFrames: string[] = [];

beforeAll(async () => {
  const executablePath = requireBrowser();
  out = tempDir("shnor-csp-");
  await buildLocal(out);
  server = await serveDir(out);
  browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
  context = await browser.newContext({ locale: "ru-RU" });
  context.on("request", (r) => requests.push(r.url()));
  context.on("requestfailed", (r) => failures.set(r.url(), r.failure()?.errorText ?? ""));
  await offlineRoutes(context, new URL(server.url).origin, escaped, officeFrames);
  // Record every CSP violation the page reports, from before its first script.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole("heading", { name: "Мониторинг ШНОР" }).waitFor();
  // office.js opens its telemetry frame 3 s after its ULS endpoint appears: open it now, so every
  // run sees the same requests whatever the machine's speed.
  const frame = page.waitForRequest((r) => r.url().split("?")[0] === OFFICE_TELEMETRY_FRAME, { timeout: 30_000 });
  await page.waitForFunction(() => !!(window as unknown as { OSF?: { Logger?: { ulsEndpoint?: unknown } } }).OSF?.Logger?.ulsEndpoint, undefined, { timeout: 30_000 });
  await page.evaluate(() => (window as unknown as { OSF: { Logger: { allowUploadingData(): void } } }).OSF.Logger.allowUploadingData());
  await frame;
  await page.locator(`iframe[src^="${OFFICE_TELEMETRY_FRAME}"]`).waitFor({ state: "attached" });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

describe("Content-Security-Policy of the task pane", () => {
  it("the template and both builds set one CSP: scripts from 'self' and the office.js host, frames only office.js's own", () => {
    const files = [path.join(ROOT, "src/taskpane/taskpane.html"), path.join(out, "taskpane.html")];
    if (fs.existsSync(path.join(DIST, "taskpane.html"))) files.push(path.join(DIST, "taskpane.html"));
    for (const file of files) {
      const { count, directives } = cspOf(fs.readFileSync(file, "utf8"));
      expect({ file, count }).toEqual({ file, count: 1 });
      expect({ file, scriptSrc: directives["script-src"] }).toEqual({ file, scriptSrc: ["'self'", OFFICE_JS_HOST] });
      expect({ file, frameSrc: directives["frame-src"] }).toEqual({ file, frameSrc: OFFICE_JS_FRAMES });
      expect(directives["object-src"]).toEqual(["'none'"]);
      expect(directives["default-src"]).toBeUndefined(); // script-src is the policy that governs scripts
    }
  });

  it("office.js's telemetry frame is allowed by the policy and never leaves the machine (local stub)", async () => {
    expect(officeFrames.map((u) => u.split("?")[0])).toEqual([OFFICE_TELEMETRY_FRAME]);
    expect(failures.has(officeFrames[0])).toBe(false);
    expect(await violations()).toEqual([]);
  });

  it("the production page renders under the policy with office.js from its own origin, without a violation or a script error", async () => {
    expect(requests.some((u) => u.endsWith("/office-js/office.js"))).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    expect(await violations()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the lazily loaded screens load under the policy too", async () => {
    const before = requests.length;
    await page.getByRole("tab", { name: "Свод" }).click();
    await page.getByRole("tab", { name: "Отправка" }).click();
    await page.waitForLoadState("networkidle");
    const chunks = requests.slice(before).filter((u) => u.endsWith(".js"));
    const lazyBuilt = fs.readdirSync(out).filter((f) => f.endsWith(".js") && !["taskpane.js", "functions.js"].includes(f));
    if (lazyBuilt.length) expect(chunks.length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("enforces the policy: eval, new Function, inline script and a script from another host are refused", async () => {
    // A probe script served from the page's own origin (allowed), trying what the policy forbids.
    await page.route("**/__probe.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `const w = window; w.__probe = [];
          try { w.__probe.push("eval:" + (0, eval)("1 + 1")); } catch (e) { w.__probe.push("eval:" + e.name); }
          try { w.__probe.push("function:" + new Function("return 2")()); } catch (e) { w.__probe.push("function:" + e.name); }`,
      }),
    );
    await page.evaluate(() => {
      for (const src of ["__probe.js", "https://example.org/x.js"]) {
        const s = document.createElement("script");
        s.src = src;
        document.head.appendChild(s);
      }
      const inline = document.createElement("script");
      inline.textContent = "window.__inline = true;";
      document.head.appendChild(inline);
    });
    await page.waitForFunction(() => (window as unknown as { __probe?: string[] }).__probe?.length === 2);
    expect(await page.evaluate(() => (window as unknown as { __probe: string[] }).__probe)).toEqual(["eval:EvalError", "function:EvalError"]);
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length >= 4);
    const v = await violations();
    expect(v.filter((x) => x.includes("eval")).length).toBe(2);
    expect(v.some((x) => x.startsWith("script-src") && x.includes("example.org"))).toBe(true);
    expect(v.some((x) => x.startsWith("script-src") && x.endsWith("inline"))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
    expect(failures.get("https://example.org/x.js")).toBe("csp");
    expect(escaped).toEqual([]);
  });

  it("the page made no request outside its own origin (the probe's foreign script was refused before sending)", () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(3);
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u) && !officeFrames.includes(u));
    expect(outside.filter((u) => failures.get(u) !== "csp")).toEqual([]);
    expect(outside).toEqual(["https://example.org/x.js"]);
    expect(officeFrames.length).toBe(1);
    expect(escaped).toEqual([]);
  });
});
