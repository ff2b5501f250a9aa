/**
 * Formula text as a user of Russian Excel types and sees it, and the invariant (English) form the
 * workbook stores: arguments separated by «;», a decimal comma, Russian names of built-in functions
 * (ЕСЛИ, СУММ). `range.formulas` is invariant and `range.formulasLocal` local in Excel; the demo's
 * formula bar is local. Text in double quotes and quoted sheet names are never changed; EDU.*
 * names pass as written (the host takes both EDU.SHARE and EDU.ДОЛЯ, as the add-in's metadata does).
 */
import type { Lang } from "../core/types";

// HyperFormula's Russian function names (taken from Excel's): SUM → СУММ.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ruRU = require("hyperformula/commonjs/i18n/languages/ruRU").default as { functions: Record<string, string> };

const toRu = new Map<string, string>();
const fromRu = new Map<string, string>();
for (const [en, ru] of Object.entries(ruRU.functions)) {
  if (en === ru) continue;
  toRu.set(en.toUpperCase(), ru.toUpperCase());
  fromRu.set(ru.toUpperCase(), en.toUpperCase());
}

type Token = { kind: "text" | "name" | "number" | "sep" | "other"; s: string };

const NAME_START = /[\p{L}_\\]/u;
const NAME_PART = /[\p{L}\p{N}_.]/u;

/** Splits a formula into quoted parts, names, numbers (with `decimal`), argument separators and the rest. */
function tokenize(formula: string, decimal: string, argSep: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out.push({ kind: "text", s: formula.slice(i, j + 1) });
      i = j + 1;
    } else if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < formula.length && NAME_PART.test(formula[j])) j++;
      out.push({ kind: "name", s: formula.slice(i, j) });
      i = j;
    } else if (/\d/.test(ch) || (ch === decimal && /\d/.test(formula[i + 1] ?? ""))) {
      const dec = decimal === "." ? "\\." : decimal;
      const m = new RegExp(`^\\d*(?:${dec}\\d*)?(?:[eE][+-]?\\d+)?`).exec(formula.slice(i));
      const s = m && m[0] !== "" ? m[0] : ch;
      out.push({ kind: "number", s });
      i += s.length;
    } else if (ch === argSep) {
      out.push({ kind: "sep", s: ch });
      i++;
    } else {
      out.push({ kind: "other", s: ch });
      i++;
    }
  }
  return out;
}

function translate(formula: string, from: { decimal: string; sep: string }, to: { decimal: string; sep: string }, names: Map<string, string> | null): string {
  if (!formula.startsWith("=")) return formula;
  const tokens = tokenize(formula, from.decimal, from.sep);
  return tokens
    .map((t, k) => {
      if (t.kind === "sep") return to.sep;
      if (t.kind === "number") return from.decimal === to.decimal ? t.s : t.s.replace(from.decimal, to.decimal);
      if (t.kind === "name" && names && tokens[k + 1]?.s === "(" && !/^EDU\./i.test(t.s)) return names.get(t.s.toUpperCase()) ?? t.s;
      return t.s;
    })
    .join("");
}

const RU = { decimal: ",", sep: ";" };
const EN = { decimal: ".", sep: "," };

/** What the workbook stores for a formula typed in the workbook's language (text that is not a formula passes unchanged). */
export function toInvariant(typed: string, lang: Lang): string {
  return lang === "ru" ? translate(typed, RU, EN, fromRu) : typed;
}

/** The formula as a user of the workbook's language sees it in the formula bar. */
export function toLocal(formula: string, lang: Lang): string {
  return lang === "ru" ? translate(formula, EN, RU, toRu) : formula;
}
