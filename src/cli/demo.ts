/**
 * `npm run demo`: a production build of the demo (src/demo) into dist/demo/, served on
 * http://localhost:3000 as soon as it is written, and rebuilt when a source changes (reload the
 * page to see it). A production build is quicker to first page than the development server, and
 * what it serves is what `npm run demo:build` writes. `npm run demo:dev` keeps webpack's dev server.
 */
import * as path from "node:path";
import { serveDir, ROOT } from "./bench-pane";

const HELP = `Usage: npm run demo [-- --port N]

Builds the browser demo (the real task pane beside a simulated workbook) and serves it on
http://localhost:3000 (PORT=N or --port N for another port). The first build takes about
20–40 s on a 2-core machine; after a source change the page is rebuilt (reload it).
Options:
  --port N    port to serve on (default 3000, or the PORT variable)
  --help      this text`;

type Stats = { hasErrors(): boolean; toString(o: unknown): string; endTime?: number; startTime?: number };

export function parseDemoArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): { port: number } | { help: true } | { error: string } {
  let port = Number(env.PORT) || 3000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return { help: true };
    const value = a === "--port" ? argv[++i] : a.startsWith("--port=") ? a.slice(7) : undefined;
    if (value === undefined) return { error: `Unknown argument: ${a} (see --help)` };
    port = Number(value);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `--port needs a number from 1 to 65535, not «${value}»` };
  }
  return { port };
}

async function main(): Promise<number> {
  const args = parseDemoArgs(process.argv.slice(2));
  if ("help" in args) {
    console.log(HELP);
    return 0;
  }
  if ("error" in args) {
    console.error(args.error);
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js"));
  const out = path.join(ROOT, "dist/demo");
  const config = await factory({ demo: true, outDir: out }, { mode: "production" });
  config.context = ROOT;
  // Served from this machine only: skip minification (half the build time) and keep webpack's
  // cache between runs (node_modules/.cache), so a second start takes seconds.
  config.optimization = { ...config.optimization, minimize: false };
  config.cache = { type: "filesystem", cacheDirectory: path.join(ROOT, "node_modules/.cache/webpack-demo"), buildDependencies: { config: [path.join(ROOT, "webpack.config.js")] } };
  const started = Date.now();
  console.log("Сборка демо… (первая сборка — 20–40 с) / Building the demo… (first build 20–40 s)");
  let server: { url: string } | undefined;
  const compiler = webpack(config);
  compiler.watch({ aggregateTimeout: 300 }, async (err: Error | null, stats?: Stats) => {
    if (err || !stats || stats.hasErrors()) {
      console.error(err ? err.message : stats?.toString({ all: false, errors: true }));
      return;
    }
    if (!server) {
      server = await serveDir(out, {}, "index.html", args.port);
      console.log(`Демо готово за ${((Date.now() - started) / 1000).toFixed(0)} с: ${server.url} (Ctrl+C — остановить)`);
      console.log(`Demo ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${server.url} (Ctrl+C to stop)`);
    } else {
      console.log(`Пересобрано — обновите страницу / Rebuilt: reload ${server.url}`);
    }
  });
  return new Promise<number>(() => undefined); // serves until interrupted
}

if (require.main === module) {
  main().then((code) => (process.exitCode = code), (e) => {
    console.error(String(e instanceof Error ? e.message : e));
    process.exitCode = 1;
  });
}
