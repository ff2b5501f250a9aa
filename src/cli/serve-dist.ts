/**
 * `npm run serve:dist`: a small static server for dist/ with the headers Office needs — the sample
 * host of README «Развёртывание / Deploy». Excel fetches functions.json cross-origin (from the
 * Office origin on the web), so the metadata gets CORS and a JSON content type; every file gets
 * its MIME type, `nosniff` and `no-cache` (file names are not hashed: a new build must reach users).
 * GET and HEAD only, no directory listings, nothing outside the root (no `..`, no symlinks out).
 * Office loads add-ins over https only: put it behind a TLS reverse proxy (README: nginx).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";

export const DEFAULT_PORT = 8080;
const DEFAULT_ROOT = path.resolve(__dirname, "../../dist");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** The headers a file is served with (besides Content-Length). */
export function headersFor(file: string): Record<string, string> {
  const ext = path.extname(file).toLowerCase();
  const headers: Record<string, string> = {
    "Content-Type": MIME[ext] ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
  };
  // The custom functions metadata is fetched cross-origin by Excel.
  if (ext === ".json") headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

/** The file under `root` a request path names, or null when it is outside, hidden or malformed. */
export function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const parts = decoded.split("/").filter((p) => p !== "");
  if (parts.some((p) => p === ".." || p === "." || p.startsWith("."))) return null;
  const full = path.join(root, ...parts);
  const rel = path.relative(root, full);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? null : full;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** The server (not listening yet). */
export function createDistServer(root: string = DEFAULT_ROOT): http.Server {
  const realRoot = fs.realpathSync(root);
  return http.createServer((req, res) => {
    const send = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", ...extra });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const file = fileFor(realRoot, req.url ?? "/");
    if (!file) return send(404, "Not found\n");
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(file);
      stat = fs.statSync(real);
    } catch {
      return send(404, "Not found\n");
    }
    // A symlink may not lead out of the root; directories are not listed.
    if (!isInside(realRoot, real) || !stat.isFile()) return send(404, "Not found\n");
    res.writeHead(200, { ...headersFor(real), "Content-Length": String(stat.size) });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(real)
      .on("error", () => res.destroy())
      .pipe(res);
  });
}

const USAGE = `Usage: npm run serve:dist -- [--port N] [--host H] [--root DIR]

Serves the built add-in (dist/, after npm run build) over http with the headers Office needs:
MIME types, CORS and application/json on functions.json, nosniff, no-cache.
Office loads add-ins over https only: put this behind a TLS reverse proxy (README, «Deploy»).

  --port N     port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H     address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --root DIR   folder to serve (default dist/)
  --help       this text`;

interface Options {
  port: number;
  host: string;
  root: string;
}

/** Parses the command line; a string is an error message. */
export function parseArgs(argv: string[]): Options | "help" | string {
  const o: Options = { port: DEFAULT_PORT, host: "127.0.0.1", root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === "--help" || a === "-h") return "help";
    else if (a === "--port") {
      const v = value();
      if (!/^\d+$/.test(v ?? "") || Number(v) > 65535) return `--port needs a number 0–65535, got ${v ?? "nothing"}`;
      o.port = Number(v);
    } else if (a === "--host") {
      const v = value();
      if (!v) return "--host needs an address";
      o.host = v;
    } else if (a === "--root") {
      const v = value();
      if (!v) return "--root needs a folder";
      o.root = path.resolve(v);
    } else return `unknown argument: ${a}`;
  }
  return o;
}

function main(argv: string[]): void {
  const o = parseArgs(argv);
  if (o === "help") {
    console.log(USAGE);
    return;
  }
  if (typeof o === "string") {
    console.error(`serve-dist: ${o}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(path.join(o.root, "manifest.xml"))) {
    console.error(`serve-dist: ${o.root} has no manifest.xml — run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  const server = createDistServer(o.root);
  server.on("error", (e) => {
    console.error(`serve-dist: ${e.message}`);
    process.exitCode = 1;
  });
  server.listen(o.port, o.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : o.port;
    const host = o.host.includes(":") ? `[${o.host}]` : o.host;
    console.log(`Serving ${o.root} at http://${host}:${port}/ (Ctrl+C to stop)`);
  });
}

if (require.main === module) main(process.argv.slice(2));
