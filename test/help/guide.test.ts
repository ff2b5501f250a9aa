/**
 * The user guide (src/taskpane/help.html, shipped as dist/help.html): up to date with its generator,
 * a section for every function and every indicator, links and pictures that resolve, examples whose
 * results the functions give, nothing loaded from outside and no script (CSP-friendly); every
 * function's helpUrl points at its section on the manifest's own base URL.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import { SaxesParser } from "saxes";
import { CATALOG } from "../../src/core/catalog";
import { IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";
import { buildGuide, functionsMetadata, GUIDE_FILE, SIGNATURES_FILE } from "../../src/cli/guide";
import { functionAnchor, indicatorAnchor } from "../../src/help/anchors";
import type { FunctionMeta } from "../../src/help/render";

const ROOT = path.resolve(__dirname, "../..");
const html = fs.readFileSync(GUIDE_FILE, "utf8");
const namesRu = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/names-ru.json"), "utf8")) as Record<string, { name: string }>;

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Every element of the page (it must parse as XML) and its text. */
function parse(page: string): { elements: Element[]; text: string } {
  const elements: Element[] = [];
  let text = "";
  const parser = new SaxesParser();
  parser.on("opentag", (node) => elements.push({ name: node.name.toLowerCase(), attributes: node.attributes as Record<string, string> }));
  parser.on("text", (t) => (text += t));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(page).close();
  return { elements, text };
}

let metadata: FunctionMeta[];
const page = parse(html);
const ids = page.elements.map((e) => e.attributes.id).filter((id): id is string => typeof id === "string");

beforeAll(async () => {
  metadata = await functionsMetadata();
}, 60000);

describe("the user guide", () => {
  it("is what `npm run guide` generates (the catalog, the functions and the text cannot drift)", async () => {
    const built = await buildGuide();
    expect(html === built.html).toBe(true);
    expect(fs.readFileSync(SIGNATURES_FILE, "utf8") === built.signatures).toBe(true);
  }, 60000);

  it("has a section for every function, with its Russian and English names", () => {
    expect(metadata.length).toBe(Object.keys(IMPLEMENTATIONS).length);
    for (const f of metadata) {
      const section = page.elements.find((e) => e.name === "section" && e.attributes.id === functionAnchor(f.id));
      expect(section).toBeDefined();
      expect(page.text).toContain(`EDU.${namesRu[f.id].name} (EDU.${f.name})`);
    }
  });

  it("has a row for every indicator of the catalog: its name, and how it is counted", () => {
    for (const ind of CATALOG) {
      expect(ids).toContain(indicatorAnchor(ind.id));
      expect(page.text).toContain(ind.name.ru);
      expect(page.text).toContain(ind.short.ru);
    }
    expect(page.text).toContain("подлежащих аттестации");
    expect(page.text).toMatch(/«–».*не ноль/);
    expect(page.text).toMatch(/Пусто.*Данных ещё нет/);
  });

  it("has unique ids, and every link resolves to one of them", () => {
    expect(new Set(ids).size).toBe(ids.length);
    const hrefs = page.elements.filter((e) => e.name === "a").map((e) => e.attributes.href);
    expect(hrefs.length).toBeGreaterThan(100);
    for (const href of hrefs) {
      expect(href).toMatch(/^#/);
      expect(ids).toContain(href.slice(1));
    }
  });

  it("loads nothing from outside, runs no script and has no inline style (its CSP allows 'self' only)", () => {
    const names = new Set(page.elements.map((e) => e.name));
    for (const banned of ["script", "iframe", "object", "embed", "form", "base", "style"]) expect(names.has(banned)).toBe(false);
    for (const e of page.elements) {
      for (const [attr, value] of Object.entries(e.attributes)) {
        expect(attr.startsWith("on")).toBe(false);
        expect(attr).not.toBe("style");
        if (["href", "src", "srcset", "action", "data"].includes(attr)) expect(value).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
      }
    }
    const csp = page.elements.find((e) => e.name === "meta" && e.attributes["http-equiv"] === "Content-Security-Policy");
    expect(csp?.attributes.content).toMatch(/default-src 'none'/);
    expect(csp?.attributes.content).not.toMatch(/unsafe-inline|https?:/);
    const sheets = page.elements.filter((e) => e.name === "link" && e.attributes.rel === "stylesheet");
    expect(sheets.map((s) => s.attributes.href)).toEqual(["help.css"]);
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/help.css"))).toBe(true);
  });

  it("shows each journey's pictures, which exist and are described", () => {
    const images = page.elements.filter((e) => e.name === "img");
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const img of images) {
      expect(img.attributes.src).toMatch(/^assets\/screenshots\/[\w.-]+\.png$/);
      expect(fs.existsSync(path.join(ROOT, img.attributes.src))).toBe(true);
      expect(img.attributes.alt.length).toBeGreaterThan(5);
    }
    for (const id of ["j-fill", "j-compare", "j-targets", "j-roadmap", "j-consolidate", "j-share", "j-selftest"]) expect(ids).toContain(id);
  });

  it("gives examples whose results the functions give (read back from the page's text)", () => {
    const byRuName = new Map(Object.entries(namesRu).map(([id, n]) => [n.name, id as FunctionId]));
    const examples = [...page.text.matchAll(/=EDU\.([А-ЯЁ.]+[А-ЯЁ])\(([^)]*)\) → (−?\d+(?:,\d+)?|пусто)/g)];
    const seen = new Set<FunctionId>();
    for (const [, name, argText, shown] of examples) {
      const id = byRuName.get(name);
      expect(id).toBeDefined();
      seen.add(id!);
      if (/[A-Z]+\d+:[A-Z]+\d+/.test(argText)) continue; // a range (TREND): its values are in the note
      const args = argText.split(";").map((a) => (a === "" ? undefined : /^".*"$/.test(a) ? a.slice(1, -1) : Number(a.replace(",", "."))));
      const got = (IMPLEMENTATIONS[id!] as (...a: unknown[]) => unknown)(...args);
      if (shown === "пусто") {
        expect(got).toBe("");
        continue;
      }
      const decimals = shown.split(",")[1]?.length ?? 0;
      expect(Math.abs((got as number) - Number(shown.replace(",", ".").replace("−", "-")))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
    }
    expect([...seen].sort()).toEqual(Object.keys(IMPLEMENTATIONS).sort());
  });
});

describe("helpUrl of every function", () => {
  type Config = ((env: Record<string, string>, argv: { mode: string }) => Promise<{ plugins: object[] }>) & {
    addRussianTwins(metadata: unknown, namesRu: unknown): { metadata: { functions: FunctionMeta[] }; errors: string[] };
    addHelpUrls(metadata: unknown, baseUrl: string): { functions: (FunctionMeta & { helpUrl: string })[] };
    DEV_URL: string;
  };
  const config = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as Config;
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const supportUrl = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)![1];

  it("points, for the English name and the Russian twin, at the function's section on the manifest's base URL", () => {
    const { metadata: both, errors } = config.addRussianTwins({ functions: metadata }, namesRu);
    expect(errors).toEqual([]);
    const withHelp = config.addHelpUrls(both, config.DEV_URL).functions;
    expect(withHelp).toHaveLength(2 * metadata.length);
    for (const f of withHelp) {
      const url = new URL(f.helpUrl);
      expect(`${url.origin}${url.pathname}`).toBe(supportUrl);
      expect(ids).toContain(url.hash.slice(1));
      expect(url.hash.slice(1)).toBe(functionAnchor(f.id));
    }
  });

  it("follows the public URL the manifest is rewritten to", async () => {
    const base = "https://addin.example.org/shnor/";
    const built = await config({ publicUrl: base }, { mode: "production" });
    const twins = built.plugins.find((p) => p.constructor.name === "RussianTwinsPlugin") as { baseUrl: string };
    expect(twins.baseUrl).toBe(base);
    const copy = built.plugins.find((p) => p.constructor.name === "CopyPlugin") as { patterns: { from: string; transform?: (c: Buffer) => string }[] };
    const rewritten = copy.patterns.find((p) => p.from === "manifest.xml")!.transform!(Buffer.from(manifest));
    expect(rewritten).toContain(`<SupportUrl DefaultValue="${base}help.html" />`);
    expect(config.addHelpUrls({ functions: [{ id: "RU.SHARE" }] }, twins.baseUrl).functions[0].helpUrl).toBe(`${base}help.html#fn-share`);
  });
});
