/**
 * Every EDU.* name the add-in writes into a workbook is registered in EVERY functions metadata file
 * the built manifest can make Excel load (the default URL and each locale override), and so are the
 * Russian names users type. A formula written from code with a name the loaded metadata does not
 * register shows #NAME? (office-js issues 891, 6614): with one file per display language, the
 * English names the add-in writes were missing from the Russian one.
 *
 * The formulas come from the real commands (plan → apply) run on the simulated host: a report of
 * several periods and every section, filled; targets, «Динамика», road map, «Риски» with the
 * highlighting, and «Свод» (consolidation of the open workbook) — in Russian and in English.
 * Needs dist/ (`npm test` builds it first).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseXml } from "../../src/cli/validate-manifest";
import { ALL_SECTIONS, fillReport, schoolYears } from "../../src/cli/bench-commands";
import { customCalls } from "../../src/core/share";
import type { Lang, Period } from "../../src/core/types";
import { PASTE } from "../../src/demo/sampleRoadmap";
import { comparePeriods, insertTargets, refreshRisks, type CommandResult } from "../../src/excel/commands";
import { consolidate } from "../../src/excel/consolidate";
import { insertReport } from "../../src/excel/insertReport";
import { importRoadmap } from "../../src/excel/roadmap";
import { IMPLEMENTATIONS } from "../../src/functions/impl";
import namesRu from "../../src/functions/names-ru.json";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";

const DIST = path.resolve(__dirname, "../../dist");

type XmlElement = Exclude<ReturnType<typeof parseXml>, string>;
const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);

interface MetadataFile {
  /** "default" or the override's locale. */
  locale: string;
  url: string;
  file: string;
  /** Full names as typed in a cell, upper case: "EDU.DYNAMICS". */
  names: Set<string>;
}

/** The functions metadata files a manifest can make Excel load, read from `root` (the site's folder). */
function metadataFiles(manifestXml: string, root: string): { namespace: string; files: MetadataFile[] } {
  const doc = parseXml(manifestXml);
  if (typeof doc === "string") throw new Error(`manifest.xml: ${doc}`);
  const cf = all(doc, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  if (!cf) throw new Error("manifest.xml has no CustomFunctions extension point");
  const resource = (kind: string, id: string | undefined) => all(doc, kind).find((e) => e.attrs.id === id);
  const namespace = resource("String", child(cf, "Namespace")?.attrs.resid)?.attrs.DefaultValue;
  const metadataUrl = resource("Url", child(child(cf, "Metadata"), "SourceLocation")?.attrs.resid);
  const taskpaneUrl = resource("Url", all(doc, "Runtime")[0]?.attrs.resid)?.attrs.DefaultValue;
  if (!namespace || !metadataUrl?.attrs.DefaultValue || !taskpaneUrl) throw new Error("manifest.xml: namespace, metadata or task pane URL missing");
  const base = new URL(".", taskpaneUrl).href;
  const urls = [
    { locale: "default", url: metadataUrl.attrs.DefaultValue },
    ...metadataUrl.children.filter((o) => o.name === "Override").map((o) => ({ locale: o.attrs.Locale, url: o.attrs.Value })),
  ];
  const files = urls.map(({ locale, url }) => {
    if (!url.startsWith(base)) throw new Error(`${locale}: ${url} is not under ${base}`);
    const file = path.join(root, ...url.slice(base.length).split("/"));
    const metadata = JSON.parse(fs.readFileSync(file, "utf8")) as { functions: { id: string; name: string }[] };
    return { locale, url, file, names: new Set(metadata.functions.map((f) => `${namespace}.${f.name}`.toUpperCase())) };
  });
  return { namespace, files };
}

/** Names of `wanted` missing from each file: { "ru-RU": ["EDU.DYNAMICS"] }; {} when all are registered everywhere. */
function missingNames(files: MetadataFile[], wanted: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of files) {
    const missing = [...wanted].filter((n) => !f.names.has(n.toUpperCase())).sort();
    if (missing.length) out[f.locale] = missing;
  }
  return out;
}

function ok<T>(what: string, r: CommandResult<T>): T {
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code} ${r.error.message.en}`);
  return r;
}

/** Every formula in the simulated workbook: cells, conditional-format rules, names. */
function formulasIn(host: SimHost): string[] {
  const out: string[] = [];
  const asFormula = (f: unknown) => (typeof f === "string" && f !== "" ? (f.startsWith("=") ? f : `=${f}`) : null);
  for (const { name } of host.inspect.sheetNames()) {
    for (const row of host.inspect.grid(name).cells) for (const c of row) if (c.formula) out.push(c.formula);
    for (const cf of host.inspect.conditionalFormats(name)) {
      for (const f of Object.values(cf.rule as Record<string, unknown>)) {
        const g = asFormula(f);
        if (g) out.push(g);
      }
    }
  }
  for (const n of host.inspect.names()) out.push(n.formula);
  return out;
}

/** The full report flow of the task pane, in `lang`; returns the formulas it left in the workbook. */
async function writtenFormulas(lang: Lang): Promise<string[]> {
  const periods = schoolYears(2022, 2);
  const host = createSimHost({ plugins: [registerEduFunctions()], sheets: [lang === "ru" ? "Лист1" : "Sheet1"] });
  const uninstall = installSimHost(host);
  try {
    const school = lang === "ru" ? "МБОУ СОШ № 1" : "School 1";
    ok("insert", await insertReport({ school, schoolYear: 2022, periods, sections: ALL_SECTIONS, lang }));
    expect(await fillReport(host, periods)).toBeGreaterThan(0);
    ok("targets", await insertTargets({ lang }));
    const earlier: Period = { startYear: 2022, kind: "Y" };
    const later: Period = { startYear: 2023, kind: "Y" };
    ok("compare", await comparePeriods({ earlier, later, lang }));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Paste");
      const range = ws.getRange(`A1:F${PASTE.length}`);
      range.values = PASTE;
      ws.activate();
      range.select();
      await context.sync();
    });
    ok("roadmap", await importRoadmap({ lang }));
    ok("risks", await refreshRisks({ lang, today: "2024-06-30" }));
    ok("consolidate", await consolidate({ sources: [], useOpenWorkbook: true, period: null, lang }));
    const sheets = host.inspect.sheetNames().map((s) => s.name);
    for (const kind of ["targets", "dynamics", "roadmap", "risks", "summary"]) expect(sheets.some((n) => String(host.inspect.cell(n, "A1").value).endsWith(`:${kind}`))).toBe(true);
    return formulasIn(host);
  } finally {
    uninstall();
  }
}

describe("the EDU.* names the add-in writes resolve in every display language", () => {
  let manifest: { namespace: string; files: MetadataFile[] };
  const written = new Map<Lang, string[]>();

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "manifest.xml"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does it).");
    manifest = metadataFiles(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"), DIST);
    for (const lang of ["ru", "en"] as Lang[]) written.set(lang, await writtenFormulas(lang));
  }, 120000);

  const calledNames = (lang: Lang) => new Set(written.get(lang)!.flatMap((f) => customCalls(f)));

  it("finds the metadata files of dist/manifest.xml (default URL and every locale override)", () => {
    expect(manifest.namespace).toBe("EDU");
    expect(manifest.files.map((f) => f.locale)).toEqual(["default"]);
    expect(manifest.files.map((f) => path.relative(DIST, f.file))).toEqual(["functions.json"]);
  });

  it.each(["ru", "en"] as Lang[])("collects the EDU.* calls of a full report in %s (not vacuous)", (lang) => {
    const formulas = written.get(lang)!;
    expect(formulas.length).toBeGreaterThan(300);
    const names = calledNames(lang);
    // «Динамика» writes these five; the other sheets use native formulas (they must open without the add-in).
    for (const n of ["EDU.DELTA", "EDU.GROWTH", "EDU.DYNAMICS", "EDU.TARGETSTATUS", "EDU.TARGETGAP"]) expect(names).toContain(n);
  });

  it.each(["ru", "en"] as Lang[])("registers every written name in every metadata file (%s)", (lang) => {
    const names = calledNames(lang);
    expect(names.size).toBeGreaterThan(0);
    expect(missingNames(manifest.files, names)).toEqual({});
    // The add-in writes the invariant (English) names only.
    for (const n of names) expect(n).toMatch(/^EDU\.[A-Z0-9._]+$/);
  });

  it("registers the English and the Russian name of every function in every metadata file", () => {
    const english = Object.keys(IMPLEMENTATIONS).map((id) => `EDU.${id}`);
    const russian = Object.values(namesRu as Record<string, { name: string }>).map((e) => `EDU.${e.name}`);
    expect(russian).toContain("EDU.ДИНАМИКА");
    expect(russian).toContain("EDU.ДОЛЯ");
    expect(missingNames(manifest.files, [...english, ...russian])).toEqual({});
    for (const f of manifest.files) expect(f.names.size).toBe(english.length + russian.length);
  });

  it("would catch the former per-locale scheme (a ru-RU file with Russian names only)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-meta-"));
    try {
      const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
      fs.writeFileSync(path.join(dir, "functions.json"), JSON.stringify({ functions: metadata.functions.filter((f) => !f.id.startsWith("RU.")) }));
      fs.writeFileSync(path.join(dir, "functions-ru.json"), JSON.stringify({ functions: metadata.functions.filter((f) => f.id.startsWith("RU.")) }));
      const xml = fs
        .readFileSync(path.join(DIST, "manifest.xml"), "utf8")
        .replace(/(<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]*)functions\.json") \/>/, '$1><bt:Override Locale="ru-RU" Value="$2functions-ru.json" /></bt:Url>');
      const old = metadataFiles(xml, dir);
      expect(old.files.map((f) => f.locale)).toEqual(["default", "ru-RU"]);
      expect(missingNames(old.files, calledNames("ru"))).toEqual({ "ru-RU": ["EDU.DELTA", "EDU.DYNAMICS", "EDU.GROWTH", "EDU.TARGETGAP", "EDU.TARGETSTATUS"] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
