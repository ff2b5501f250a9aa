/** Test helpers: build the demo with webpack's Node API, serve a folder on a free localhost port, open it in Chromium. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveDir } from "../../src/cli/bench-pane";
import { BROWSER_ARGS, requireBrowser } from "../../src/cli/tools";

export const ROOT = path.resolve(__dirname, "../..");

/** Build the demo (development mode: quick) into `outDir`. Rejects with webpack's errors. */
export async function buildDemo(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js"));
  const config = await factory({ demo: true, outDir }, { mode: "development" });
  config.context = ROOT;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

/** A static file server on 127.0.0.1 and a free port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  return serveDir(dir, {}, "index.html");
}

/** The demo built, served and open in a fresh headless Chromium profile; `close` undoes all three. */
export interface DemoBrowser {
  server: { url: string; close: () => Promise<void> };
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Build the demo into a temporary folder, serve it, launch Debian's Chromium (src/cli/tools.ts) with a
 * fresh profile and open `query` on it once the pane's heading shows. `watch` runs before the page
 * loads (listeners for requests, console errors …).
 */
export async function openDemo(o: { prefix: string; viewport: { width: number; height: number }; query?: string; watch?: (context: BrowserContext, page: Page) => void }): Promise<DemoBrowser> {
  const executablePath = requireBrowser();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `${o.prefix}-`));
  await buildDemo(out);
  const server = await serve(out);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: BROWSER_ARGS.filter((a) => a !== "--headless"),
    viewport: o.viewport,
    locale: "ru-RU",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  o.watch?.(context, page);
  await page.goto(`${server.url}${o.query ?? ""}`);
  await page.getByRole("heading", { name: "Мониторинг ШНОР" }).waitFor();
  return {
    server,
    context,
    page,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
