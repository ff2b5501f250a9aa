/**
 * Which formulas call our custom functions (the scope of «Подготовить к отправке»; the rules are
 * described in src/core/share.ts): a scanner over the formula text that skips string literals,
 * quoted sheet names and bracketed parts.
 */

const IDENT_START = /[\p{L}_\\]/u;
const IDENT = /[\p{L}\p{N}_.\\]/u;
const OURS = /^(EDU\.[\p{L}\p{N}_.]+|_xldudf_EDU_[\p{L}\p{N}_]+)$/iu;

/** Skip a quoted run starting at `i` (the opening quote); doubled quotes are escapes. Returns the index after it. */
function skipQuoted(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** The custom functions (upper case, as written: "EDU.DELTA") a formula calls; [] for a non-formula. */
export function customCalls(formula: unknown): string[] {
  if (typeof formula !== "string") return [];
  const f = formula.startsWith("{=") ? formula.slice(1) : formula;
  if (!f.startsWith("=")) return [];
  const out: string[] = [];
  let i = 1;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") i = skipQuoted(f, i, ch);
    else if (ch === "[") {
      let depth = 0;
      do {
        if (f[i] === "[") depth++;
        else if (f[i] === "]") depth--;
        i++;
      } while (i < f.length && depth > 0);
    } else if (/[0-9]/.test(ch)) {
      while (i < f.length && /[0-9.]/.test(f[i])) i++;
      if (/[eE]/.test(f[i] ?? "") && /[+\-0-9]/.test(f[i + 1] ?? "")) i += 2;
    } else if (IDENT_START.test(ch)) {
      const start = i;
      while (i < f.length && IDENT.test(f[i])) i++;
      const name = f.slice(start, i);
      let j = i;
      while (f[j] === " ") j++;
      if (f[j] === "(" && OURS.test(name)) out.push(name.toUpperCase());
    } else i++;
  }
  return out;
}

export const callsCustomFunction = (formula: unknown): boolean => customCalls(formula).length > 0;

/** An array formula as some readers return it ("{=…}"). */
export const isBracedArray = (formula: unknown): boolean => typeof formula === "string" && formula.startsWith("{=");
