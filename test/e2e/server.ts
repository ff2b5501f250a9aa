/** Test helpers: build the demo with webpack's Node API and serve a folder on a free localhost port. */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";

export const ROOT = path.resolve(__dirname, "../..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".map": "application/json",
};

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
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
