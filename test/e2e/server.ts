/** Test helpers: build the demo with webpack's Node API and serve a folder on a free localhost port. */
import * as path from "path";
import { serveDir } from "../../src/cli/bench-pane";

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
