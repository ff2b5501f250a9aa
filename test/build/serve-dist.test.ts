/**
 * `npm run serve:dist` (src/cli/serve-dist.ts): started as a process on a free port over a sample
 * site folder, it sends the MIME types and headers Office needs (CORS + JSON on functions.json),
 * refuses every way out of the folder, and the nginx snippet in README «Deploy» sends the same
 * headers.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { fileFor, headersFor, parseArgs } from "../../src/cli/serve-dist";

const ROOT = path.resolve(__dirname, "../..");
const TS_NODE = path.join(ROOT, "node_modules/ts-node/dist/bin.js");
const CLI = path.join(ROOT, "src/cli/serve-dist.ts");

/** A raw request: the path goes out exactly as given (no URL normalisation by the client). */
function get(port: number, rawPath: string, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serve:dist", () => {
  let base: string;
  let site: string;
  let child: ChildProcess;
  let port: number;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), "serve-dist-"));
    site = path.join(base, "site");
    fs.mkdirSync(path.join(site, "assets"), { recursive: true });
    fs.writeFileSync(path.join(base, "secret.txt"), "SECRET");
    fs.writeFileSync(path.join(site, "manifest.xml"), "<OfficeApp/>");
    fs.writeFileSync(path.join(site, "functions.json"), '{"functions":[]}');
    fs.writeFileSync(path.join(site, "functions.js"), "CustomFunctions.associate('A', () => 1);");
    fs.writeFileSync(path.join(site, "taskpane.html"), "<!doctype html><title>x</title>");
    fs.writeFileSync(path.join(site, "assets", "icon-16.png"), Buffer.from("89504e470d0a1a0a", "hex"));
    fs.writeFileSync(path.join(site, ".env"), "HIDDEN");
    fs.symlinkSync(path.join(base, "secret.txt"), path.join(site, "link.txt"));
    child = spawn(process.execPath, [TS_NODE, "--transpile-only", CLI, "--port", "0", "--root", site], { stdio: ["ignore", "pipe", "pipe"] });
    port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (c) => {
        out += String(c);
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on("exit", (code) => reject(new Error(`serve-dist exited with ${code}: ${out}`)));
    });
  }, 30000);

  afterAll(() => {
    child?.kill();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it("serves functions.json as JSON with CORS, no-cache and nosniff", async () => {
    const r = await get(port, "/functions.json");
    expect(r.status).toBe(200);
    expect(r.body).toBe('{"functions":[]}');
    expect(r.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "access-control-allow-origin": "*",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "content-length": "16",
    });
  });

  it("serves each file with its MIME type, CORS only on the metadata, HEAD without a body", async () => {
    const types: Record<string, string> = {
      "/functions.js": "text/javascript; charset=utf-8",
      "/taskpane.html": "text/html; charset=utf-8",
      "/manifest.xml": "application/xml; charset=utf-8",
      "/assets/icon-16.png": "image/png",
      "/taskpane.html?_host_Info=Excel$Win32$16.01$ru-RU": "text/html; charset=utf-8",
    };
    for (const [p, type] of Object.entries(types)) {
      const r = await get(port, p);
      expect([p, r.status, r.headers["content-type"], r.headers["access-control-allow-origin"]]).toEqual([p, 200, type, undefined]);
    }
    const head = await get(port, "/functions.json", "HEAD");
    expect([head.status, head.body, head.headers["content-length"]]).toEqual([200, "", "16"]);
    expect((await get(port, "/functions.json", "POST")).status).toBe(405);
    expect((await get(port, "/")).status).toBe(404); // no directory listing
    expect((await get(port, "/assets/")).status).toBe(404);
    expect((await get(port, "/nothing.js")).status).toBe(404);
  });

  it("refuses every way out of the folder, hidden files and symlinks out", async () => {
    for (const p of [
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/..%5csecret.txt",
      "/assets/..\\..\\secret.txt",
      "/%00functions.json",
      "/%E0%A4%A",
      "/.env",
      "/link.txt",
      "//etc/passwd",
      "/" + encodeURIComponent(path.join(base, "secret.txt")),
    ]) {
      const r = await get(port, p);
      expect([p, r.status]).toEqual([p, 404]);
      expect(r.body).not.toContain("SECRET");
      expect(r.body).not.toContain("HIDDEN");
    }
  });

  it("maps paths inside the root only", () => {
    const root = path.resolve("/srv/site");
    expect(fileFor(root, "/functions.json")).toBe(path.join(root, "functions.json"));
    expect(fileFor(root, "/assets/icon-16.png?x=1")).toBe(path.join(root, "assets", "icon-16.png"));
    for (const bad of ["/", "/../x", "/a/%2e%2e/%2e%2e/x", "/%ZZ", "/a\\..\\x", "/.git/config"]) expect(fileFor(root, bad)).toBeNull();
  });

  it("takes --port, --host, --root and --help; rejects bad arguments", () => {
    expect(parseArgs(["--port", "0", "--host", "0.0.0.0", "--root", "x"])).toEqual({ port: 0, host: "0.0.0.0", root: path.resolve("x") });
    expect(parseArgs(["--help"])).toBe("help");
    expect(parseArgs(["--port", "99999"])).toMatch(/--port needs a number/);
    expect(parseArgs(["--verbose"])).toBe("unknown argument: --verbose");
    const help = spawnSync(process.execPath, [TS_NODE, "--transpile-only", CLI, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--port N");
    expect(help.stdout).toContain("https");
    const bad = spawnSync(process.execPath, [TS_NODE, "--transpile-only", CLI, "--port", "x"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--port needs a number");
    const noBuild = spawnSync(process.execPath, [TS_NODE, "--transpile-only", CLI, "--root", base, "--port", "0"], { encoding: "utf8" });
    expect(noBuild.status).toBe(1);
    expect(noBuild.stderr).toContain("npm run build");
  });
});

describe("the nginx snippet in README «Deploy»", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const nginx = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const jsonLocation = /location ~ \\\.json\$ \{([\s\S]*?)\}/.exec(nginx)?.[1] ?? "";
  const serverLevel = nginx.replace(jsonLocation, "");
  const addHeader = (block: string, name: string, value: string) =>
    new RegExp(`^\\s*add_header\\s+['"]?${name}['"]?\\s+['"]?${value.replace(/[*]/g, "\\*")}['"]?\\s+always;`, "mi").test(block);

  it("exists with a location for the metadata", () => {
    expect(nginx).toContain("root ");
    expect(jsonLocation).not.toBe("");
  });

  it.each(["functions.json", "functions.js", "taskpane.html", "manifest.xml", "icon-16.png"])("sends what serve:dist sends for %s", (file) => {
    const headers = headersFor(file);
    const block = file.endsWith(".json") ? jsonLocation : serverLevel;
    for (const [name, value] of Object.entries(headers)) {
      if (name === "Content-Type") {
        const [mime, charset] = value.split(/;\s*charset=/);
        const ext = path.extname(file).slice(1);
        expect(nginx).toMatch(new RegExp(`^\\s*${mime.replace("/", "\\/")}\\s+[^;]*\\b${ext}\\b[^;]*;`, "m"));
        if (charset) {
          expect(nginx).toMatch(new RegExp(`^\\s*charset\\s+${charset};`, "m"));
          expect(nginx).toMatch(new RegExp(`^\\s*charset_types\\s[^;]*\\b${mime.replace("/", "\\/")}\\b`, "m"));
        }
      } else {
        expect([file, name, addHeader(block, name, value)]).toEqual([file, name, true]);
      }
    }
    if (!file.endsWith(".json")) expect(addHeader(serverLevel, "Access-Control-Allow-Origin", "*")).toBe(false);
  });
});
