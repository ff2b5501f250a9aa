/**
 * Automatic list numbers of a Word document (word/numbering.xml): Word shows «1.», «1.1», «II.» in
 * front of a numbered paragraph without storing them in its text, and a copy to Excel pastes them.
 * Supported: the numbering formats of school documents (decimal, roman, latin and Russian letters,
 * bullets), level texts («%1.%2.»), start values, start overrides, deeper levels restarting after a
 * higher one. Not supported (the paragraph keeps its text only): numbering through paragraph styles,
 * legal-style and other rare formats.
 */
import { XlsxReadError } from "./limits";
import type { XmlHandler } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the number: "\t" (Word's default), " " or "". */
  suffix: string;
}

export interface Numbering {
  /** The label of the next paragraph of list `numId` at level `ilvl` ("" when none), counting it. */
  next(numId: string, ilvl: number): string;
}

const MAX_LEVELS = 9;
const MAX_LISTS = 5_000;

function attr(a: Record<string, string>, local: string): string | undefined {
  if (local in a) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

const int = (v: string | undefined, dflt: number) => (v !== undefined && /^-?\d{1,9}$/.test(v.trim()) ? Number(v) : dflt);

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const parts: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of parts) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

const RU = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ";
/** A, B … Z, AA, BB … as Word counts letters. */
function letters(n: number, alphabet: string): string {
  if (n <= 0) return String(n);
  const k = alphabet.length;
  return alphabet[(n - 1) % k].repeat(Math.floor((n - 1) / k) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman": return roman(n);
    case "lowerRoman": return roman(n).toLowerCase();
    case "upperLetter": return letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    case "lowerLetter": return letters(n, "abcdefghijklmnopqrstuvwxyz");
    case "russianUpper": return letters(n, RU);
    case "russianLower": return letters(n, RU.toLowerCase());
    case "decimalZero": return n < 10 ? `0${n}` : String(n);
    case "none": return "";
    default: return String(n);
  }
}

/** Reads word/numbering.xml. */
export function numberingReader(): XmlHandler & { numbering(): Numbering } {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  let curAbstract: Level[] | null = null;
  let curLevel: Level | null = null;
  let curNum: { abstractId: string; overrides: Map<number, number> } | null = null;
  let overrideLevel = -1;

  const reader: XmlHandler & { numbering(): Numbering } = {
    open(name, a) {
      if (abstract.size + nums.size > MAX_LISTS) throw new XlsxReadError("tooManyParts", `over ${MAX_LISTS} lists`);
      if (name === "abstractNum") {
        curAbstract = [];
        abstract.set(attr(a, "abstractNumId") ?? "", curAbstract);
      } else if (name === "lvl" && curAbstract) {
        const i = int(attr(a, "ilvl"), -1);
        curLevel = { start: 1, format: "decimal", text: "", suffix: "\t" };
        if (i >= 0 && i < MAX_LEVELS) curAbstract[i] = curLevel;
      } else if (curLevel && name === "start") curLevel.start = int(attr(a, "val"), 1);
      else if (curLevel && name === "numFmt") curLevel.format = attr(a, "val") ?? "decimal";
      else if (curLevel && name === "lvlText") curLevel.text = (attr(a, "val") ?? "").slice(0, 100);
      else if (curLevel && name === "suff") curLevel.suffix = attr(a, "val") === "space" ? " " : attr(a, "val") === "nothing" ? "" : "\t";
      else if (name === "num") {
        curNum = { abstractId: "", overrides: new Map() };
        nums.set(attr(a, "numId") ?? "", curNum);
      } else if (curNum && name === "abstractNumId") curNum.abstractId = attr(a, "val") ?? "";
      else if (curNum && name === "lvlOverride") overrideLevel = int(attr(a, "ilvl"), -1);
      else if (curNum && name === "startOverride" && overrideLevel >= 0 && overrideLevel < MAX_LEVELS) curNum.overrides.set(overrideLevel, int(attr(a, "val"), 1));
    },
    close(name) {
      if (name === "abstractNum") curAbstract = null;
      else if (name === "lvl") curLevel = null;
      else if (name === "num") curNum = null;
      else if (name === "lvlOverride") overrideLevel = -1;
    },
    text() {},
    numbering() {
      // Counters per list: lists of one abstract numbering continue each other unless they restart.
      const counters = new Map<string, number[]>();
      return {
        next(numId, ilvl) {
          const num = nums.get(numId);
          const levels = num ? abstract.get(num.abstractId) : undefined;
          if (!num || !levels || ilvl < 0 || ilvl >= MAX_LEVELS || !levels[ilvl]) return "";
          const key = num.overrides.size ? `n${numId}` : `a${num.abstractId}`;
          let c = counters.get(key);
          if (!c) counters.set(key, (c = []));
          const startOf = (i: number) => num.overrides.get(i) ?? levels[i]?.start ?? 1;
          c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl] + 1;
          for (let i = ilvl + 1; i < MAX_LEVELS; i++) c[i] = undefined as unknown as number;
          const lvl = levels[ilvl];
          if (lvl.format === "bullet") return "•" + (lvl.suffix === "" ? "" : " ");
          const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
            const i = Number(d) - 1;
            const v = i === ilvl ? c![ilvl] : c![i] ?? startOf(i);
            return formatNumber(v, levels[i]?.format ?? "decimal");
          });
          return label === "" ? "" : label + lvl.suffix;
        },
      };
    },
  };
  return reader;
}
