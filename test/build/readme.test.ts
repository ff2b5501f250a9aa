/**
 * The README is accurate: every repository path it names exists, every `npm run` script it names is
 * in package.json, and every command-line tool answers --help (exit 0, a usage text).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const SCRIPTS = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const TS_NODE = path.join(ROOT, "node_modules/ts-node/dist/bin.js");

/** `a/{b,c}.ts` → [a/b.ts, a/c.ts]. */
function expandBraces(p: string): string[] {
  const m = /\{([^}]*)\}/.exec(p);
  if (!m) return [p];
  return m[1].split(",").flatMap((alt) => expandBraces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length)));
}

/** Paths of the repository named in inline code (`src/…`, `test/…`, `assets/…`, `.ci/…`). */
function namedPaths(): string[] {
  const out = new Set<string>();
  for (const m of README.matchAll(/`([^`\n]+)`/g)) {
    for (const token of m[1].split(/\s+/)) {
      if (/^(src|test|assets|\.ci)\//.test(token)) out.add(token.replace(/[),.;:]+$/, ""));
    }
  }
  return [...out];
}

function exists(p: string): boolean {
  if (!p.includes("*")) return fs.existsSync(path.join(ROOT, p));
  const dir = path.join(ROOT, path.dirname(p));
  const re = new RegExp(`^${path.basename(p).replace(/[.+^$()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => re.test(f));
}

describe("README", () => {
  it("names only files and folders that exist", () => {
    const paths = namedPaths().flatMap(expandBraces);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it("names only npm scripts that exist", () => {
    const named = new Set<string>();
    for (const m of README.matchAll(/npm run ([a-z][\w:-]*)/g)) named.add(m[1]);
    for (const m of README.matchAll(/npm (start|stop|test)\b/g)) named.add(m[1]);
    expect(named.size).toBeGreaterThan(8);
    expect([...named].filter((s) => !(s in SCRIPTS))).toEqual([]);
  });

  it("the set-up is `npm ci` then `npm test`, and CI runs exactly those", () => {
    expect(README).toMatch(/```sh\nnpm ci\nnpm test\n```/);
    const ci = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
    const commands = ci.split("\n").map((l) => l.trim()).filter((l) => /^npm\b/.test(l));
    expect(commands).toEqual(["npm ci", "npm test"]);
  });

  // Each command-line tool behind an npm script answers --help with its usage and exit 0.
  const clis = Object.entries(SCRIPTS)
    .map(([name, cmd]) => [name, /ts-node --transpile-only (src\/cli\/[\w-]+\.ts)$/.exec(cmd)?.[1]] as const)
    .filter((e): e is readonly [string, string] => !!e[1] && !["start", "stop", "icons"].includes(e[0]));

  it("covers the command-line tools", () => {
    expect(clis.map(([n]) => n).sort()).toEqual(expect.arrayContaining(["bench", "demo", "provision", "template", "validate"]));
  });

  it.each(clis)("npm run %s -- --help prints its usage and exits 0", (_name, file) => {
    const res = spawnSync(process.execPath, [TS_NODE, "--transpile-only", path.join(ROOT, file), "--help"], { cwd: ROOT, encoding: "utf8", timeout: 110_000 });
    expect({ status: res.status, stderr: res.stderr }).toEqual({ status: 0, stderr: "" });
    expect(res.stdout).toMatch(/^Usage: npm run /);
  }, 120_000);
});
