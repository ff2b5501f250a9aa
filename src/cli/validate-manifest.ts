/**
 * Offline checks of manifest.xml (`npm run validate`). `office-addin-manifest validate` needs an
 * online service; these checks cover what breaks this add-in: well-formed XML, the shared-runtime
 * rules (one resid for runtime, functions page, function file and task pane, else #BUSY! forever),
 * every resid defined, one https origin, URLs pointing at files the build emits, one functions
 * metadata file for every locale, the CustomFunctionsRuntime version src/functions needs,
 * localisation, permissions and icon sizes. XML is parsed by `sax` in strict mode (the parser under xml2js,
 * already installed with office-addin-manifest).
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";

export interface Check {
  name: string;
  ok: boolean;
  /** Why the check failed (or what it found). */
  detail: string;
}

export interface ValidateOptions {
  /** Folder that `https://<origin>/assets/…` maps to its `assets/` under; default: the repository. */
  root?: string;
  /** Folder of the custom functions' source, scanned for the CustomFunctionsRuntime they need; default src/functions. */
  functionsSource?: string;
}

/** Files the build (webpack.config.js) emits at the site root, besides assets/*. */
export const EMITTED_FILES = ["taskpane.html", "functions.js", "functions.json", "help.html"];

const REPO_ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS_SOURCE = path.join(REPO_ROOT, "src/functions");

/**
 * What raises the CustomFunctionsRuntime requirement (learn.microsoft.com, custom functions
 * requirement sets): 1.2 adds CustomFunctions.Error; 1.3 adds "new ErrorCode options" and custom
 * messages beyond #VALUE! (@types/custom-functions-runtime marks every ErrorCode member 1.3);
 * 1.4 the data-types integration.
 */
const RUNTIME_FEATURES: { pattern: RegExp; version: string; what: string }[] = [
  { pattern: /\bCustomFunctions\.Error\b(?!Code)/, version: "1.2", what: "CustomFunctions.Error" },
  { pattern: /\bCustomFunctions\.ErrorCode\b/, version: "1.3", what: "CustomFunctions.ErrorCode" },
  { pattern: /\ballowCustomDataForDataTypeAny\b/, version: "1.4", what: "allowCustomDataForDataTypeAny" },
];

const compareVersions = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** The lowest CustomFunctionsRuntime the given source text needs (comments ignored), and why. */
export function customFunctionsRuntimeNeeded(code: string): { version: string; because: string[] } {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
  let version = "1.1";
  const because: string[] = [];
  for (const f of RUNTIME_FEATURES) {
    if (!f.pattern.test(text)) continue;
    because.push(`${f.what} (${f.version})`);
    if (compareVersions(f.version, version) > 0) version = f.version;
  }
  return { version, because };
}

/** The TypeScript/JavaScript source of the custom functions, concatenated. */
function functionsCode(dir: string): string {
  if (!fs.existsSync(dir)) return "";
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

interface Element {
  /** Local name without prefix, e.g. "Image" for bt:Image. */
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  parent?: Element;
}

interface SaxTag {
  local: string;
  attributes: Record<string, { local: string; prefix: string; value: string }>;
}
interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: SaxTag) => void;
  onclosetag: () => void;
  ontext: (t: string) => void;
  write(s: string): SaxParser;
  close(): SaxParser;
}
const sax = createRequire(__filename)("sax") as { parser(strict: boolean, opts: object): SaxParser };

/** Parses XML strictly into a small element tree; returns an error message when malformed. */
export function parseXml(xml: string): Element | string {
  const parser = sax.parser(true, { xmlns: true, trim: false });
  let root: Element | undefined;
  let current: Element | undefined;
  let error: string | undefined;
  parser.onerror = (e) => {
    error = error ?? e.message.split("\n").join(" ");
  };
  parser.onopentag = (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.prefix && a.prefix !== "xmlns" ? `${a.prefix}:${a.local}` : a.local] = a.value;
    const el: Element = { name: tag.local, attrs, children: [], text: "", parent: current };
    if (current) current.children.push(el);
    else root = el;
    current = el;
  };
  parser.onclosetag = () => {
    current = current?.parent;
  };
  parser.ontext = (t) => {
    if (current) current.text += t;
  };
  try {
    parser.write(xml).close();
  } catch (e) {
    error = error ?? (e instanceof Error ? e.message : String(e));
  }
  if (error) return error;
  return root ?? "no root element";
}

function all(el: Element, name: string, out: Element[] = []): Element[] {
  if (el.name === name) out.push(el);
  for (const c of el.children) all(c, name, out);
  return out;
}
const child = (el: Element | undefined, name: string) => el?.children.find((c) => c.name === name);
const childPath = (el: Element | undefined, ...names: string[]) => names.reduce<Element | undefined>((e, n) => child(e, n), el);

/** Reads width and height from a PNG header; undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return undefined;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Collection = "Urls" | "Images" | "ShortStrings" | "LongStrings";
/** Which resource collection a resid on an element of this name must come from. */
const RESID_KIND: Record<string, Collection> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_LENGTH: Partial<Record<Collection, number>> = { ShortStrings: 125, LongStrings: 250 };

/** Runs every check on the manifest text. Never throws. */
export function validateManifest(xml: string, options: ValidateOptions = {}): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail = "") => checks.push({ name, ok, detail: ok ? detail : detail || "failed" });

  const root = parseXml(xml);
  if (typeof root === "string") {
    check("XML is well-formed", false, root);
    return checks;
  }
  check("XML is well-formed", true);
  try {
    runChecks(root, options.root ?? REPO_ROOT, options.functionsSource ?? FUNCTIONS_SOURCE, check);
  } catch (e) {
    check("manifest could be checked", false, e instanceof Error ? e.message : String(e));
  }
  return checks;
}

function runChecks(root: Element, assetRoot: string, functionsDir: string, check: (name: string, ok: boolean, detail?: string) => void): void {
  check("root is an Excel task pane add-in", root.name === "OfficeApp" && root.attrs["xsi:type"] === "TaskPaneApp", `<${root.name} xsi:type="${root.attrs["xsi:type"] ?? ""}">`);
  const id = child(root, "Id")?.text.trim() ?? "";
  check("Id is a GUID", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id), `Id "${id}"`);
  const version = child(root, "Version")?.text.trim() ?? "";
  check("Version has four numbers", /^\d+\.\d+\.\d+\.\d+$/.test(version), `Version "${version}"`);
  const locale = child(root, "DefaultLocale")?.text.trim() ?? "";
  check("DefaultLocale is ru-RU", locale === "ru-RU", `DefaultLocale "${locale}"`);
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    const en = el?.children.find((c) => c.name === "Override" && c.attrs.Locale === "en-US");
    check(`${name} is Russian with an en-US override`, !!el?.attrs.DefaultValue && /[А-Яа-яЁё]/.test(el.attrs.DefaultValue) && !!en?.attrs.Value, `${name} needs a Russian DefaultValue and <Override Locale="en-US">`);
  }
  const hosts = all(child(root, "Hosts") ?? root, "Host").map((h) => h.attrs.Name);
  check("host is Workbook", hosts.length === 1 && hosts[0] === "Workbook", `hosts: ${hosts.join(", ") || "none"}`);
  const permissions = child(root, "Permissions")?.text.trim();
  check("Permissions are exactly ReadWriteDocument", permissions === "ReadWriteDocument", `Permissions "${permissions ?? ""}"`);

  const sets = all(child(root, "Requirements") ?? { name: "", attrs: {}, children: [], text: "" }, "Set");
  const set = (n: string) => sets.find((s) => s.attrs.Name === n);
  check("requires SharedRuntime 1.1", set("SharedRuntime")?.attrs.MinVersion === "1.1", "<Set Name=\"SharedRuntime\" MinVersion=\"1.1\"/> missing");
  const needed = customFunctionsRuntimeNeeded(functionsCode(functionsDir));
  const declared = set("CustomFunctionsRuntime")?.attrs.MinVersion;
  check(
    "requires the CustomFunctionsRuntime the functions use",
    !!declared && /^\d+(\.\d+)*$/.test(declared) && compareVersions(declared, needed.version) >= 0,
    `${declared ? `CustomFunctionsRuntime ${declared} declared` : "no <Set Name=\"CustomFunctionsRuntime\"/>"}; src/functions needs ${needed.version}: ${needed.because.join(", ") || "nothing beyond 1.1"}`,
  );

  // Resources
  const resources = childPath(root, "VersionOverrides", "Resources");
  const defined: Record<Collection, Map<string, Element>> = { Urls: new Map(), Images: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const duplicates: string[] = [];
  for (const kind of Object.keys(defined) as Collection[]) {
    for (const el of child(resources, kind)?.children ?? []) {
      const rid = el.attrs.id;
      if (!rid) continue;
      if (defined[kind].has(rid)) duplicates.push(rid);
      defined[kind].set(rid, el);
    }
  }
  check("resource ids are unique", duplicates.length === 0, `duplicated: ${duplicates.join(", ")}`);

  const host = childPath(root, "VersionOverrides", "Hosts", "Host");
  const withResid: Element[] = [];
  const collect = (el: Element) => {
    if (el.attrs.resid !== undefined) withResid.push(el);
    el.children.forEach(collect);
  };
  if (host) collect(host);
  const undefinedIds = withResid
    .filter((el) => {
      const kind = RESID_KIND[el.name];
      return kind ? !defined[kind].has(el.attrs.resid) : !Object.values(defined).some((m) => m.has(el.attrs.resid));
    })
    .map((el) => `${el.name} resid="${el.attrs.resid}" (expected in bt:${RESID_KIND[el.name] ?? "any"})`);
  check("every resid is defined", withResid.length > 0 && undefinedIds.length === 0, undefinedIds.join("; ") || "no resid found");

  const missingEn = [...defined.ShortStrings.values(), ...defined.LongStrings.values()]
    .filter((s) => s.attrs.id !== "Functions.Namespace")
    .filter((s) => !s.children.some((c) => c.name === "Override" && c.attrs.Locale === "en-US" && c.attrs.Value))
    .map((s) => s.attrs.id);
  check("every string has an en-US override", missingEn.length === 0, `no en-US override: ${missingEn.join(", ")}`);
  const tooLong: string[] = [];
  for (const kind of ["ShortStrings", "LongStrings"] as const) {
    for (const s of defined[kind].values()) {
      const texts = [s.attrs.DefaultValue ?? "", ...s.children.map((c) => c.attrs.Value ?? "")];
      if (texts.some((t) => t.length > (MAX_LENGTH[kind] ?? Infinity))) tooLong.push(`${s.attrs.id} (> ${MAX_LENGTH[kind]})`);
    }
  }
  check("strings fit Office length limits", tooLong.length === 0, `too long: ${tooLong.join(", ")}`);

  // Shared runtime
  const runtimes = child(host, "Runtimes");
  const runtime = child(runtimes, "Runtime");
  check("Runtimes come first in the host", host?.children[0]?.name === "Runtimes", "<Runtimes> must be the first child of <Host>");
  check("runtime lifetime is long", runtime?.attrs.lifetime === "long", `lifetime="${runtime?.attrs.lifetime ?? ""}"`);
  const cf = all(host ?? root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  const taskpaneAction = all(host ?? root, "Action").find((a) => a.attrs["xsi:type"] === "ShowTaskpane");
  const resids = {
    Runtime: runtime?.attrs.resid,
    "CustomFunctions Page": childPath(cf, "Page", "SourceLocation")?.attrs.resid,
    FunctionFile: all(host ?? root, "FunctionFile")[0]?.attrs.resid,
    "ShowTaskpane SourceLocation": child(taskpaneAction, "SourceLocation")?.attrs.resid,
  };
  const distinct = new Set(Object.values(resids));
  check(
    "one resid for runtime, functions page, function file and task pane",
    distinct.size === 1 && !distinct.has(undefined),
    Object.entries(resids).map(([k, v]) => `${k}=${v ?? "missing"}`).join(", "),
  );
  const ns = defined.ShortStrings.get(childPath(cf, "Namespace")?.attrs.resid ?? "")?.attrs.DefaultValue;
  check("custom functions namespace is EDU", ns === "EDU", `namespace "${ns ?? ""}"`);

  // URLs
  const urlOf = (resid: string | undefined) => (resid ? defined.Urls.get(resid)?.attrs.DefaultValue : undefined);
  const urls: { where: string; url: string }[] = [];
  for (const [where, el] of [
    ["IconUrl", child(root, "IconUrl")],
    ["HighResolutionIconUrl", child(root, "HighResolutionIconUrl")],
    ["SupportUrl", child(root, "SupportUrl")],
    ["DefaultSettings/SourceLocation", childPath(root, "DefaultSettings", "SourceLocation")],
  ] as const) {
    if (el?.attrs.DefaultValue) urls.push({ where, url: el.attrs.DefaultValue });
  }
  for (const kind of ["Urls", "Images"] as const) {
    for (const [rid, el] of defined[kind]) {
      urls.push({ where: rid, url: el.attrs.DefaultValue ?? "" });
      for (const o of el.children) if (o.name === "Override") urls.push({ where: `${rid}[${o.attrs.Locale}]`, url: o.attrs.Value ?? "" });
    }
  }
  const taskpaneUrl = urlOf(resids.Runtime);
  const origin = taskpaneUrl ? safeUrl(taskpaneUrl)?.origin : undefined;
  const badUrls = urls.filter(({ url }) => {
    const u = safeUrl(url);
    return !u || u.protocol !== "https:" || u.origin !== origin;
  });
  check("every URL is https on one origin", !!origin && badUrls.length === 0, badUrls.map((b) => `${b.where}: ${b.url}`).join("; ") || "no task pane URL");

  const pathOf = (url: string | undefined) => {
    const u = url ? safeUrl(url) : undefined;
    const base = origin && taskpaneUrl ? new URL(".", taskpaneUrl).pathname : "/";
    return u && u.origin === origin && u.pathname.startsWith(base) ? u.pathname.slice(base.length) : undefined;
  };
  const expect = (name: string, url: string | undefined, file: string) =>
    check(name, pathOf(url) === file, `${url ?? "missing"} should end in /${file}`);
  expect("task pane URL points to taskpane.html", taskpaneUrl, "taskpane.html");
  expect("DefaultSettings points to taskpane.html", childPath(root, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue, "taskpane.html");
  expect("functions script points to functions.js", urlOf(childPath(cf, "Script", "SourceLocation")?.attrs.resid), "functions.js");
  const metadata = defined.Urls.get(childPath(cf, "Metadata", "SourceLocation")?.attrs.resid ?? "");
  expect("functions metadata points to functions.json", metadata?.attrs.DefaultValue, "functions.json");
  // Every display language loads the same metadata (it registers the English and the Russian names):
  // a per-locale file would leave the names the add-in writes unregistered somewhere (office-js 891).
  const otherMetadata = (metadata?.children ?? []).filter((c) => c.name === "Override" && pathOf(c.attrs.Value) !== "functions.json");
  check(
    "one functions metadata file for every locale",
    !!metadata && otherMetadata.length === 0,
    otherMetadata.map((o) => `${o.attrs.Locale}: ${o.attrs.Value}`).join("; ") || "no metadata URL",
  );
  const notEmitted = urls.filter(({ url }) => {
    const p = pathOf(url);
    return p !== undefined && !EMITTED_FILES.includes(p) && !p.startsWith("assets/");
  });
  check("every URL names a file the build emits", notEmitted.length === 0, notEmitted.map((n) => `${n.where}: ${n.url}`).join("; "));

  // Icons: the file behind each URL exists in assets/ and has the declared pixel size.
  const iconProblems: string[] = [];
  const iconUses: { where: string; url: string | undefined; size: number }[] = [
    { where: "IconUrl", url: child(root, "IconUrl")?.attrs.DefaultValue, size: 32 },
    { where: "HighResolutionIconUrl", url: child(root, "HighResolutionIconUrl")?.attrs.DefaultValue, size: 64 },
  ];
  for (const img of withResid.filter((e) => e.name === "Image")) {
    iconUses.push({ where: img.attrs.resid, url: defined.Images.get(img.attrs.resid)?.attrs.DefaultValue, size: Number(img.attrs.size) });
  }
  for (const icon of all(host ?? root, "Icon")) {
    const sizes = icon.children.map((c) => c.attrs.size);
    for (const need of ["16", "32", "80"]) if (!sizes.includes(need)) iconProblems.push(`<Icon> under ${icon.parent?.name} lacks size ${need}`);
  }
  for (const use of iconUses) {
    const p = pathOf(use.url);
    if (!p || !p.startsWith("assets/")) {
      iconProblems.push(`${use.where}: ${use.url ?? "missing"} is not under assets/`);
      continue;
    }
    const file = path.join(assetRoot, ...p.split("/"));
    const size = fs.existsSync(file) ? pngSize(fs.readFileSync(file)) : undefined;
    if (!fs.existsSync(file)) iconProblems.push(`${use.where}: ${p} does not exist`);
    else if (!size) iconProblems.push(`${use.where}: ${p} is not a PNG`);
    else if (size.width !== use.size || size.height !== use.size) iconProblems.push(`${use.where}: ${p} is ${size.width}×${size.height}, expected ${use.size}×${use.size}`);
  }
  check("icons exist in assets/ with the declared sizes", iconProblems.length === 0, iconProblems.join("; "));
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** CLI: validates manifest.xml (or the path given), prints one line per check, exit 1 on failure. */
const HELP = `Usage: npm run validate [-- FILE]

Checks an add-in manifest offline (default: manifest.xml; e.g. dist/manifest.xml after a build):
well-formed XML, the shared-runtime rules, resids, URLs, localized overrides, permissions and
icon sizes. One line per check; exit 1 when one fails.
  --help   this text`;

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith("-"));
  if (unknown) {
    console.error(`Unknown argument: ${unknown} (see --help)`);
    return 2;
  }
  const file = path.resolve(argv[0] ?? path.join(REPO_ROOT, "manifest.xml"));
  if (!fs.existsSync(file)) {
    console.error(`validate-manifest: ${file} not found`);
    return 1;
  }
  const checks = validateManifest(fs.readFileSync(file, "utf8"));
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.ok ? "" : ` — ${c.detail}`}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed ? `${failed} of ${checks.length} checks failed: ${path.relative(process.cwd(), file)}` : `all ${checks.length} checks passed: ${path.relative(process.cwd(), file)}`);
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
