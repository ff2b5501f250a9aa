/**
 * The pane must load in the oldest webview Office gives it: Safari 14 on Mac (ES2020; no regex
 * lookbehind before Safari 16.4 — one lookbehind anywhere in a bundle is a SyntaxError and a blank
 * pane). Every JavaScript file of dist/ (pane, functions bundle, lazy chunks — our code and the
 * third-party code webpack copies in untranspiled) and every inline script of the HTML pages is
 * parsed with acorn at ecmaVersion 2020 (so ES2021+ syntax — `??=`, class fields and static blocks,
 * top-level await, hashbang, RegExp flags d and v — fails), and every regex literal and
 * RegExp("…") constructor with a literal pattern is checked for lookbehind. Needs dist/ (`npm test`
 * builds it first). office-js/ (Microsoft's office.js, loaded from its CDN in production) and
 * demo/ (never shipped) are left out.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import type * as Acorn from "acorn";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
// acorn is webpack's own parser: resolve it from webpack so the test uses what the build uses.
const acorn = createRequire(require.resolve("webpack/package.json"))("acorn") as typeof Acorn;
const { SYNTAX_TARGET } = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as { SYNTAX_TARGET: string };

/** Index of the first lookbehind group in a regex pattern, or -1 (escapes and character classes skipped). */
function lookbehindAt(pattern: string): number {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(" && (pattern.startsWith("(?<=", i) || pattern.startsWith("(?<!", i))) return i;
  }
  return -1;
}

interface Problem {
  file: string;
  line: number;
  what: string;
}

type Node = Acorn.Node & Record<string, unknown>;

/** Visits every AST node (plain recursive walk over child nodes). */
function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, visit);
    return;
  }
  if (!node || typeof node !== "object" || typeof (node as { type?: unknown }).type !== "string") return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== "loc" && value && typeof value === "object") walk(value, visit);
}

/** The static text of a RegExp constructor argument: a string, or a template's fixed parts; else null. */
function staticText(arg: Node | undefined): string | null {
  if (!arg) return null;
  if (arg.type === "Literal" && typeof arg.value === "string") return arg.value;
  if (arg.type === "TemplateLiteral") return (arg.quasis as { value: { cooked: string | null } }[]).map((q) => q.value.cooked ?? "").join("\u0000");
  return null;
}

/** Syntax problems of one script for an ES2020 webview without lookbehind; [] when it loads. */
function scriptProblems(code: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (pos: number) => code.slice(0, pos).split("\n").length;
  let ast: Acorn.Node;
  const regexes: { pattern: string; flags: string; pos: number }[] = [];
  try {
    ast = acorn.parse(code, {
      ecmaVersion: Number(SYNTAX_TARGET.replace(/^es/i, "")) as Acorn.ecmaVersion,
      sourceType: "script",
      allowHashBang: false,
      onToken: (t) => {
        if (t.type.label === "regexp") regexes.push({ ...((t as unknown as { value: { pattern: string; flags: string } }).value), pos: t.start });
      },
    });
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return [{ file, line: lineOf(pos), what: `${(e as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 40), pos + 40))}` }];
  }
  for (const r of regexes) {
    if (lookbehindAt(r.pattern) >= 0) problems.push({ file, line: lineOf(r.pos), what: `regex lookbehind /${r.pattern}/${r.flags}` });
  }
  walk(ast, (n) => {
    if (n.type !== "NewExpression" && n.type !== "CallExpression") return;
    const callee = n.callee as Node;
    const isRegExp = (callee.type === "Identifier" && callee.name === "RegExp") || (callee.type === "MemberExpression" && (callee.property as Node).name === "RegExp");
    if (!isRegExp) return;
    const [patternArg, flagsArg] = n.arguments as Node[];
    const pattern = staticText(patternArg);
    if (pattern !== null && lookbehindAt(pattern) >= 0) problems.push({ file, line: lineOf(n.start), what: `RegExp constructor with a lookbehind: ${JSON.stringify(pattern)}` });
    const flags = staticText(flagsArg);
    if (flags !== null && /[dv]/.test(flags)) problems.push({ file, line: lineOf(n.start), what: `RegExp flags "${flags}" (newer than ES2020)` });
  });
  return problems;
}

/** Every shipped .js file of dist/ and the inline scripts of its HTML pages. */
function shippedScripts(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const rel = path.relative(DIST, full).split(path.sep).join("/");
      if (e.isDirectory()) {
        if (rel !== "office-js" && rel !== "demo") visit(full);
      } else if (e.name.endsWith(".js")) {
        out.push({ file: rel, code: fs.readFileSync(full, "utf8") });
      } else if (e.name.endsWith(".html")) {
        const html = fs.readFileSync(full, "utf8");
        let i = 0;
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          if (!/\bsrc=/i.test(m[1]) && m[2].trim() !== "") out.push({ file: `${rel} (inline script ${++i})`, code: m[2] });
        }
      }
    }
  };
  visit(DIST);
  return out;
}

describe("the detector", () => {
  it("finds lookbehind in literals and in RegExp constructors, not in classes or escapes", () => {
    expect(lookbehindAt("(?<!\\d)(\\d{4})")).toBe(0);
    expect(lookbehindAt("a|(?<=\\.)(?=[a-z])")).toBe(2);
    expect(lookbehindAt("[(?<=]x\\(?<!y")).toBe(-1);
    expect(lookbehindAt("(?<year>\\d{4})")).toBe(-1); // named groups are fine (Safari 11.1)
    const problems = scriptProblems('var a = /(?<!\\d)x/g; var b = new RegExp("(?<=a)b"); var c = RegExp(`^${a}(?<!z)`, "v"); var d = /[(?<=]/;', "t.js");
    expect(problems.map((p) => p.what)).toEqual([
      "regex lookbehind /(?<!\\d)x/g",
      'RegExp constructor with a lookbehind: "(?<=a)b"',
      'RegExp constructor with a lookbehind: "^\\u0000(?<!z)"',
      'RegExp flags "v" (newer than ES2020)',
    ]);
  });

  it("rejects syntax newer than the target and accepts ES2020", () => {
    expect(SYNTAX_TARGET).toBe("es2020");
    for (const newer of ["a ??= 1;", "a ||= 1;", "x = 1_000;", "class A { static { } }", "class A { x = 1 }", "class A { #x; }", "await 1;", "#!/usr/bin/env node\n1;", "var r = /a/d;", "var r = /a/v;"]) {
      expect(scriptProblems(newer, "t.js")).toHaveLength(1);
    }
    const es2020 = "const a = b?.c ?? 1n; async function y(z) { for await (const x of z) {} } import('x'); const r = /(?<y>a)\\p{L}/su; class B { static m() {} }";
    expect(scriptProblems(es2020, "t.js")).toEqual([]);
  });
});

describe("dist/ loads in Safari 14 (ES2020, no lookbehind)", () => {
  let scripts: { file: string; code: string }[];
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "taskpane.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does it).");
    scripts = shippedScripts();
  });

  it("covers the pane, the functions bundle and the lazy chunks", () => {
    const files = scripts.map((s) => s.file);
    expect(files).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
    expect(files.length).toBeGreaterThan(5);
  });

  it("every emitted script parses as ES2020 and has no lookbehind", () => {
    const problems = scripts.flatMap((s) => scriptProblems(s.code, s.file));
    expect(problems).toEqual([]);
  });
});
