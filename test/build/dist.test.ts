/**
 * Checks the production build in dist/ (`npm test` runs `npm run build` first), the Russian twins
 * webpack.config.js adds to functions.json, and a second build with local office.js and a public URL.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { createRequire } from "module";
import { validateManifest } from "../../src/cli/validate-manifest";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const load = createRequire(__filename);

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}
interface Metadata {
  functions: FunctionMeta[];
}
type ConfigFactory = ((env: Record<string, string>, argv: { mode: string }) => Promise<Record<string, unknown>>) & {
  addRussianTwins(metadata: unknown, namesRu: unknown): { metadata: Metadata; errors: string[] };
  RUSSIAN_ID_PREFIX: string;
};
const configFactory = load(path.join(ROOT, "webpack.config.js")) as ConfigFactory;

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
const readJson = <T>(file: string) => JSON.parse(read(file)) as T;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does it).");
  }
});

describe("dist/ after npm run build", () => {
  it("holds the add-in files", () => {
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "help.html", "manifest.xml"]) {
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    }
    expect(fs.existsSync(path.join(DIST, "functions-ru.json"))).toBe(false); // one metadata file for every locale
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(DIST, `assets/icon-${size}.png`))).toBe(true);
  });

  it("dist/manifest.xml passes every check against the files in dist/", () => {
    const checks = validateManifest(read("manifest.xml"), { root: DIST });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const urls = [...read("manifest.xml").matchAll(/="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    const origin = new URL(urls.find((u) => u.endsWith("/taskpane.html")) ?? "").origin;
    for (const url of urls.filter((u) => new URL(u).origin === origin)) {
      expect(fs.existsSync(path.join(DIST, new URL(url).pathname))).toBe(true);
    }
  });

  it("functions.json registers each function twice: the English name and a Cyrillic twin RU.<ID>", () => {
    const all = readJson<Metadata>("functions.json").functions;
    const en = all.filter((f) => !f.id.startsWith("RU."));
    const ru = all.filter((f) => f.id.startsWith("RU."));
    expect(en.length).toBeGreaterThan(0);
    expect(ru.map((f) => f.id)).toEqual(en.map((f) => `RU.${f.id}`));
    for (const f of en) expect(f.name).toBe(f.id);
    for (const f of ru) expect(f.name).toMatch(/^[А-ЯЁ][А-ЯЁA-Z0-9._]*$/);
    expect(new Set(all.map((f) => f.name.toUpperCase())).size).toBe(all.length);
    for (const f of all) expect(f.id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/); // learn.microsoft.com: ids use A–Z, 0–9, "_" and "."
    for (const f of ru) {
      const source = en.find((e) => `RU.${e.id}` === f.id)!;
      expect(f.parameters.map((p) => p.name)).toEqual(source.parameters.map((p) => p.name));
    }
  });

  it("taskpane.html loads office.js before the functions and task pane bundles", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toMatch(/(^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$)|(^office-js\/office\.js$)/);
    expect(scripts.slice(1)).toEqual(["functions.js", "taskpane.js"]);
    for (const s of scripts.filter((x) => !x.startsWith("https:"))) expect(fs.existsSync(path.join(DIST, s))).toBe(true);
  });

  it("functions.js runs where only a CustomFunctions global exists and associates every id", () => {
    const code = read("functions.js");
    expect(code).not.toMatch(/\b(document|window)\s*[.[]/);
    const associated = new Map<string, unknown>();
    const sandbox = { CustomFunctions: { associate: (id: string, fn: unknown) => associated.set(id, fn) } };
    vm.runInNewContext(code, sandbox, { filename: "functions.js" });
    const ids = readJson<Metadata>("functions.json").functions.map((f) => f.id);
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    for (const fn of associated.values()) expect(typeof fn).toBe("function");
  });

  it("functions.js bundles no React", () => {
    expect(read("functions.js")).not.toMatch(/react\.production|__SECRET_INTERNALS|createElement\(/);
  });
});

describe("addRussianTwins", () => {
  const metadata = {
    functions: [
      { id: "SHARE", name: "SHARE", description: "Share.", parameters: [{ name: "part", description: "Part." }, { name: "whole", description: "Whole." }] },
      { id: "DELTA", name: "DELTA", description: "Delta.", parameters: [{ name: "now" }] },
    ],
  };
  const complete = {
    SHARE: { name: "ДОЛЯ", description: "Доля.", parameters: { part: "Часть.", whole: "Целое." } },
    DELTA: { name: "ИЗМЕНЕНИЕ", description: "Изменение." },
  };

  it("keeps the English entries and adds a Russian twin per id, with names and descriptions by id", () => {
    const { metadata: out, errors } = configFactory.addRussianTwins(metadata, complete);
    expect(errors).toEqual([]);
    expect(configFactory.RUSSIAN_ID_PREFIX).toBe("RU.");
    expect(out.functions.map((f) => [f.id, f.name, f.description])).toEqual([
      ["SHARE", "SHARE", "Share."],
      ["DELTA", "DELTA", "Delta."],
      ["RU.SHARE", "ДОЛЯ", "Доля."],
      ["RU.DELTA", "ИЗМЕНЕНИЕ", "Изменение."],
    ]);
    expect(out.functions[0]).toEqual(metadata.functions[0]);
    expect(out.functions[2].parameters).toEqual([
      { name: "part", description: "Часть." },
      { name: "whole", description: "Целое." },
    ]);
  });

  it("fails when a function id has no Russian entry", () => {
    const { errors } = configFactory.addRussianTwins(metadata, { SHARE: complete.SHARE });
    expect(errors).toEqual(["function DELTA: no Russian entry in names-ru.json"]);
  });

  it("fails on unknown ids, unknown or undescribed parameters, bad, short and duplicate names, reserved ids", () => {
    const { errors } = configFactory.addRussianTwins(metadata, {
      SHARE: { name: "ДОЛЯ", description: "Доля.", parameters: { part: "Часть.", base: "База." } },
      DELTA: { name: "доля", description: "Изменение." },
      RATIO: { name: "ОТНОШЕНИЕ", description: "…" },
    });
    expect(errors).toEqual([
      'function SHARE: names-ru.json describes unknown parameter "base"',
      'function SHARE: no Russian description of parameter "whole" in names-ru.json',
      "function DELTA: Russian name доля is already used by SHARE",
      'names-ru.json: "RATIO" is not a custom function id in functions.json',
    ]);
    expect(configFactory.addRussianTwins(metadata, { ...complete, DELTA: { name: "1ДЕЛЬТА", description: "x" } }).errors[0]).toMatch(
      /Russian name "1ДЕЛЬТА" must start with a letter/,
    );
    expect(configFactory.addRussianTwins(metadata, { ...complete, DELTA: { name: "ИЗ", description: "x" } }).errors[0]).toMatch(/at least three characters/);
    expect(configFactory.addRussianTwins(metadata, { ...complete, DELTA: { name: "share", description: "x" } }).errors).toEqual([
      "function DELTA: Russian name share is already used by SHARE",
    ]);
    const twice = configFactory.addRussianTwins(metadata, complete).metadata;
    expect(configFactory.addRussianTwins(twice, complete).errors).toContain('function RU.SHARE: ids starting with "RU." are reserved for the Russian twins');
  });
});

describe("build with local office.js and a public URL", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-dist-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("copies office.js with the files it fetches and rewrites the manifest URLs", async () => {
    const webpack = load("webpack") as (config: object) => { run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: string): string }) => void): void; close(cb: () => void): void };
    const config = await configFactory({ officeJs: "local", publicUrl: "https://example.org/shnor" }, { mode: "development" });
    const compiler = webpack({ ...config, output: { ...(config.output as object), path: out }, stats: "none" });
    const errors = await new Promise<string>((resolve, reject) =>
      compiler.run((err, stats) => {
        compiler.close(() => undefined);
        if (err) reject(err);
        else resolve(stats?.hasErrors() ? stats.toString("errors-only") : "");
      }),
    );
    expect(errors).toBe("");
    for (const file of ["office.js", "o15apptofilemappingtable.js", "excel-web-16.00.js", "en-us/office_strings.js", "ru-ru/office_strings.js"]) {
      expect(fs.existsSync(path.join(out, "office-js", file))).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, "taskpane.html"), "utf8")).toContain('src="office-js/office.js"');
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('DefaultValue="https://example.org/shnor/functions.json"');
    expect(validateManifest(manifest, { root: out }).filter((c) => !c.ok)).toEqual([]);
  }, 60000);
});
