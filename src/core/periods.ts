/**
 * School years and reporting periods: canonical keys, labels in ru/en, a forgiving parser for what
 * people type, chronological order and the comparisons analysts usually make. Pure and total: the
 * parsers return null for anything they do not understand and never throw.
 */
import type { Lang, Period, PeriodKind, Periodicity, Text } from "./types";

export const PERIOD_KINDS: readonly PeriodKind[] = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "Y", "E"];

const KINDS_OF: Record<Periodicity, PeriodKind[]> = {
  Q: ["Q1", "Q2", "Q3", "Q4"], H: ["H1", "H2"], Y: ["Y"], E: ["E"],
};

const ROMAN = ["", "I", "II", "III", "IV"];
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

export function isPeriod(p: unknown): p is Period {
  if (typeof p !== "object" || p === null) return false;
  const o = p as Record<string, unknown>;
  return typeof o.startYear === "number" && validYear(o.startYear) && PERIOD_KINDS.includes(o.kind as PeriodKind);
}

/**
 * The first school year the add-in accepts: 2013/14 (the list of приказ № 1324 dates from December
 * 2013); programs' baselines (often 2019/20 or 2020/21) and history go back to it.
 */
export const FIRST_SCHOOL_YEAR = 2013;

/** The school year running on `date`: it starts on 1 September (2026-11-25 → 2026, 2027-05-01 → 2026). */
export function currentSchoolYear(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** The last school year accepted on `today`: the next one (reports are prepared ahead). */
export function lastSchoolYear(today: Date): number {
  return currentSchoolYear(today) + 1;
}

/** A start year from FIRST_SCHOOL_YEAR to the next school year. */
export function isAllowedSchoolYear(y: unknown, today: Date): boolean {
  return typeof y === "number" && Number.isInteger(y) && y >= FIRST_SCHOOL_YEAR && y <= lastSchoolYear(today);
}

/** 2023 → "2023/24". */
export function formatSchoolYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

// No digit right before or after (a lookbehind would say it shorter, but older Safari — Office on
// Mac — cannot parse one: the whole pane would not load). Group 1 is the character before, if any.
const FULL_YEAR = /(^|\D)(\d{4})\s*[/-]\s*(\d{4}|\d{2})(?!\d)/;
const SHORT_YEAR = /(^|\D)(\d{2})\/(\d{2})(?!\d)/;

/** The two numbers of a year match and the text around it, without the character before the year. */
function yearAt(re: RegExp, s: string): { a: string; b: string; rest: string } | null {
  const m = re.exec(s);
  if (!m) return null;
  const start = m.index + m[1].length;
  return { a: m[2], b: m[3], rest: s.slice(0, start) + " " + s.slice(m.index + m[0].length) };
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u2007\u202f\t]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .trim();
}

/** Finds a school year ("2023/24", "2023-2024", "23/24") in normalized text; returns it and the rest. */
function extractSchoolYear(s: string): { startYear: number; rest: string } | null | "invalid" {
  const full = yearAt(FULL_YEAR, s);
  if (full) {
    const y = Number(full.a);
    const end = Number(full.b);
    const ok = full.b.length === 4 ? end === y + 1 : end === (y + 1) % 100;
    if (!ok || !validYear(y)) return "invalid";
    return { startYear: y, rest: full.rest };
  }
  const short = yearAt(SHORT_YEAR, s);
  if (short) {
    const y = 2000 + Number(short.a);
    if (Number(short.b) !== (y + 1) % 100) return "invalid";
    return { startYear: y, rest: short.rest };
  }
  return null;
}

type Token =
  | { t: "kind"; kind: "Q" | "H" | "Y" | "E" }
  | { t: "ord"; n: number }
  | { t: "both"; kind: "Q" | "H"; n: number }
  | { t: "calYear"; year: number }
  | { t: "filler" };

const WORDS: Record<string, Token> = {};
const put = (tok: Token, ...words: string[]): void => words.forEach((w) => (WORDS[w] = tok));
put({ t: "kind", kind: "Q" }, "четверть", "четверти", "четв", "ч", "quarter", "qtr", "term");
put({ t: "kind", kind: "H" }, "полугодие", "полугодия", "полугодии", "полуг", "п/г", "пг", "half", "half-year", "halfyear", "semester");
put({ t: "kind", kind: "Y" }, "год", "года", "г", "уч/год", "year", "sy", "y");
put({ t: "kind", kind: "E" }, "гиа", "огэ/егэ", "егэ/огэ", "exam", "exams", "gia", "e");
put({ t: "filler" }, "за", "по", "итогам", "итоги", "учебный", "учебного", "уч", "уч/г", "гг", "school", "academic", "the", "of", "for", "in", "-");
put({ t: "ord", n: 1 }, "i", "первая", "первое", "первой", "первого", "1-я", "1-е", "1-ое", "1-й", "first", "1st");
put({ t: "ord", n: 2 }, "ii", "вторая", "второе", "второй", "второго", "2-я", "2-е", "2-ое", "2-й", "second", "2nd");
put({ t: "ord", n: 3 }, "iii", "третья", "третьей", "3-я", "3-й", "third", "3rd");
put({ t: "ord", n: 4 }, "iv", "четвертая", "четвертой", "4-я", "4-й", "fourth", "4th");

function classify(raw: string): Token | null {
  const w = raw.replace(/^-+|\.+$/g, "").replace(/^-+/, "");
  if (w === "") return { t: "filler" };
  if (Object.prototype.hasOwnProperty.call(WORDS, w)) return WORDS[w];
  const both = /^([qh])([1-4])$/.exec(w);
  if (both) return { t: "both", kind: both[1] === "q" ? "Q" : "H", n: Number(both[2]) };
  if (/^[1-4]$/.test(w)) return { t: "ord", n: Number(w) };
  if (/^\d{4}$/.test(w)) return { t: "calYear", year: Number(w) };
  if (/^\d{2}$/.test(w)) return { t: "calYear", year: 2000 + Number(w) };
  return null;
}

function tokens(rest: string): Token[] | null {
  const parts = rest
    .replace(/([a-zа-я])-(\d)/g, "$1 $2") // "гиа-2024" → "гиа 2024"
    .replace(/уч\.?\s*г(?:ода|од|г)?\.?(?![a-zа-я])/g, " уч/год ")
    .replace(/\.(?=[a-zа-я])/g, ". ") // "уч.г" → "уч. г": a dot before a letter ends a word
    .split(/[\s,;:()«»"']+/)
    .filter((p) => p !== "");
  const out: Token[] = [];
  for (const p of parts) {
    const tok = classify(p);
    if (!tok) return null;
    if (tok.t !== "filler") out.push(tok);
  }
  return out;
}

/** "2023/24", "2023/2024", "2023-2024", "2023–24", "2023-24 уч. год" → 2023; otherwise null. */
export function parseSchoolYear(text: unknown): number | null {
  if (typeof text === "number") return null;
  if (typeof text !== "string") return null;
  const found = extractSchoolYear(normalize(text));
  if (found === null || found === "invalid") return null;
  const toks = tokens(found.rest);
  if (!toks || toks.some((t) => !(t.t === "kind" && t.kind === "Y"))) return null;
  return found.startYear;
}

/** Canonical ASCII key: "2023/24-H1", "2023/24-Y", "2023/24-E". */
export function periodKey(p: Period): string {
  return `${formatSchoolYear(p.startYear)}-${p.kind}`;
}

/** The inverse of periodKey; null for anything else (case and surrounding spaces are forgiven). */
export function parsePeriodKey(key: unknown): Period | null {
  if (typeof key !== "string") return null;
  const m = /^(\d{4})\/(\d{2})-(Q[1-4]|H[12]|Y|E)$/.exec(key.trim().toUpperCase());
  if (!m) return null;
  const startYear = Number(m[1]);
  if (!validYear(startYear) || Number(m[2]) !== (startYear + 1) % 100) return null;
  return { startYear, kind: m[3] as PeriodKind };
}

/** A human label: ru «I полугодие 2023/24», «2023/24 учебный год», «ГИА-2024»; en "H1 2023/24". */
export function formatPeriod(p: Period, lang: Lang, style: "long" | "short" = "long"): string {
  const long = style === "long";
  const sy = long ? formatSchoolYear(p.startYear) : formatSchoolYear(p.startYear).slice(2);
  const examYear = long ? String(p.startYear + 1) : String((p.startYear + 1) % 100).padStart(2, "0");
  const n = Number(p.kind.slice(1));
  if (lang === "ru") {
    switch (p.kind[0]) {
      case "Q": return `${ROMAN[n]} ${long ? "четверть" : "ч."} ${sy}`;
      case "H": return `${ROMAN[n]} ${long ? "полугодие" : "п/г"} ${sy}`;
      case "Y": return `${sy} ${long ? "учебный год" : "уч. г."}`;
      default: return `ГИА-${examYear}`;
    }
  }
  switch (p.kind[0]) {
    case "Q":
    case "H": return `${p.kind} ${sy}`;
    case "Y": return `${long ? "School year" : "Year"} ${sy}`;
    default: return `Exams ${examYear}`;
  }
}

/**
 * Understands what people type, ru and en: keys ("2023/24-H1"), labels of formatPeriod in both
 * styles, «1 полугодие 2023/24», «первое полугодие 2023/2024 уч. года», «за 2023/24 учебный год»,
 * «ГИА 2024» (the June 2024 session, school year 2023/24), "Q3 2023/24", "Year 2023/24". A bare
 * school year ("2023/24") is the whole year. Unknown → null; never throws.
 */
export function parsePeriod(text: unknown): Period | null {
  if (typeof text !== "string" || text.length > 200) return null;
  const key = parsePeriodKey(text);
  if (key) return key;
  const s = normalize(text);
  const found = extractSchoolYear(s);
  if (found === "invalid") return null;
  const toks = tokens(found ? found.rest : s);
  if (!toks) return null;

  let kind: "Q" | "H" | "Y" | "E" | undefined;
  let ord: number | undefined;
  let calYear: number | undefined;
  const setKind = (k: "Q" | "H" | "Y" | "E"): boolean => {
    // "учебный год" may accompany a quarter or half-year label ("I полугодие 2023/24 уч. года").
    if (k === "Y") { kind = kind ?? "Y"; return true; }
    if (kind !== undefined && kind !== "Y" && kind !== k) return false;
    kind = k;
    return true;
  };
  for (const t of toks) {
    if (t.t === "kind") { if (!setKind(t.kind)) return null; }
    else if (t.t === "both") { if (!setKind(t.kind) || (ord !== undefined && ord !== t.n)) return null; ord = t.n; }
    else if (t.t === "ord") { if (ord !== undefined && ord !== t.n) return null; ord = t.n; }
    else if (t.t === "calYear") { if (calYear !== undefined) return null; calYear = t.year; }
  }

  if (kind === "E") {
    if (ord !== undefined) return null;
    if (found && calYear === undefined) return { startYear: found.startYear, kind: "E" };
    if (!found && calYear !== undefined && validYear(calYear - 1)) return { startYear: calYear - 1, kind: "E" };
    return null;
  }
  if (!found || calYear !== undefined) return null;
  const startYear = found.startYear;
  if (kind === undefined || kind === "Y") return ord === undefined ? { startYear, kind: "Y" } : null;
  if (ord === undefined || (kind === "H" && ord > 2)) return null;
  return { startYear, kind: `${kind}${ord}` as PeriodKind };
}

const END_MONTH: Record<PeriodKind, { month: number; next: boolean }> = {
  Q1: { month: 10, next: false },
  Q2: { month: 12, next: false },
  H1: { month: 12, next: false },
  Q3: { month: 3, next: true },
  Q4: { month: 5, next: true },
  H2: { month: 5, next: true },
  Y: { month: 5, next: true },
  E: { month: 6, next: true },
};

/** The calendar month a period ends in (Q1 October, Q2/H1 December, Q3 March, Q4/H2/Y May, E June). */
export function periodEnd(p: Period): { year: number; month: number } {
  const e = END_MONTH[p.kind];
  return { year: p.startYear + (e.next ? 1 : 0), month: e.month };
}

const LENGTH_RANK: Record<PeriodKind, number> = { Q1: 0, Q2: 0, Q3: 0, Q4: 0, H1: 1, H2: 1, Y: 2, E: 3 };

/** Chronological order by end month; on the same end month the shorter period comes first. */
export function comparePeriods(a: Period, b: Period): number {
  const ea = periodEnd(a);
  const eb = periodEnd(b);
  return ea.year - eb.year || ea.month - eb.month || LENGTH_RANK[a.kind] - LENGTH_RANK[b.kind]
    || PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.startYear === b.startYear && a.kind === b.kind;
}

/** The periods of one school year for the given periodicities, in chronological order. */
export function periodsOf(startYear: number, periodicity: readonly Periodicity[]): Period[] {
  const kinds = new Set(periodicity.flatMap((p) => KINDS_OF[p] ?? []));
  return [...kinds].map((kind) => ({ startYear, kind })).sort(comparePeriods);
}

export type PeriodRelation = "sameLastYear" | "previousYear" | "yearOfHalf" | "previousInYear" | "baseline";

/** What each comparison is called, for labels and pickers. */
export const RELATION_NAMES: Readonly<Record<PeriodRelation, Text>> = {
  sameLastYear: { ru: "тот же период прошлого года", en: "same period last year" },
  previousYear: { ru: "прошлый учебный год", en: "previous school year" },
  yearOfHalf: { ru: "полугодие и весь учебный год", en: "half-year and its school year" },
  previousInYear: { ru: "предыдущий период того же года", en: "previous period of the year" },
  baseline: { ru: "базовый период программы", en: "programme baseline" },
};

/**
 * The periods `p` is usually compared with, most useful first:
 * quarter → same quarter last year, previous quarter (Q2–Q4);
 * half-year → same half-year last year, the school year it belongs to (yearOfHalf; it ends no
 * earlier than p), H2 also with H1, H1 also with the previous school year (the last complete one);
 * year → previous year; exam session → last year's session.
 */
export function comparablePrevious(p: Period): { relation: Exclude<PeriodRelation, "baseline">; period: Period }[] {
  const y = p.startYear;
  const n = Number(p.kind.slice(1));
  switch (p.kind) {
    case "Q1": case "Q2": case "Q3": case "Q4":
      return [
        { relation: "sameLastYear", period: { startYear: y - 1, kind: p.kind } },
        ...(n > 1 ? [{ relation: "previousInYear" as const, period: { startYear: y, kind: `Q${n - 1}` as PeriodKind } }] : []),
      ];
    case "H1":
      return [
        { relation: "sameLastYear", period: { startYear: y - 1, kind: "H1" } },
        { relation: "yearOfHalf", period: { startYear: y, kind: "Y" } },
        { relation: "previousYear", period: { startYear: y - 1, kind: "Y" } },
      ];
    case "H2":
      return [
        { relation: "sameLastYear", period: { startYear: y - 1, kind: "H2" } },
        { relation: "yearOfHalf", period: { startYear: y, kind: "Y" } },
        { relation: "previousInYear", period: { startYear: y, kind: "H1" } },
      ];
    case "Y":
      return [{ relation: "previousYear", period: { startYear: y - 1, kind: "Y" } }];
    case "E":
      return [{ relation: "sameLastYear", period: { startYear: y - 1, kind: "E" } }];
  }
}

export interface PeriodPair {
  relation: PeriodRelation;
  earlier: Period;
  later: Period;
  label: Text;
}

/**
 * How people compare, most usual first (issue 16): a year with the previous year; an exam session
 * with last year's; a half-year (quarter) with the same one of the previous year; any period with
 * the baseline; the previous period of the same kind in the year; a half-year with the previous
 * school year; a half-year with its own year (only when asked for).
 */
function pairRank(p: { relation: PeriodRelation; earlier: Period; later: Period }): number {
  const sameKind = p.earlier.kind[0] === p.later.kind[0];
  switch (p.relation) {
    case "previousYear": return sameKind ? 0 : 6;
    case "sameLastYear": return p.later.kind === "E" ? 1 : p.later.kind[0] === "H" ? 2 : 3;
    case "baseline": return 4;
    case "previousInYear": return 5;
    case "yearOfHalf": return 7;
  }
}

function pairLabel(earlier: Period, later: Period, relation: PeriodRelation): Text {
  const one = (lang: Lang): string =>
    `${formatPeriod(earlier, lang)} → ${formatPeriod(later, lang)} (${RELATION_NAMES[relation][lang]})`;
  return { ru: one("ru"), en: one("en") };
}

/**
 * The usual comparisons among the available periods (pass the periods that have data), in the
 * order people compare (pairRank), newest first within each kind of comparison. Baseline pairs compare every available period after the baseline with it
 * (exam sessions only with an exam baseline, other periods only with a non-exam one); the baseline
 * itself need not be among `available`.
 */
export function suggestedPairs(available: readonly Period[], baseline?: Period): PeriodPair[] {
  const byKey = new Map<string, Period>();
  for (const p of available) if (isPeriod(p)) byKey.set(periodKey(p), { startYear: p.startYear, kind: p.kind });
  const pairs = new Map<string, PeriodPair>();
  const add = (a: Period, b: Period, relation: PeriodRelation): void => {
    const [earlier, later] = comparePeriods(a, b) <= 0 ? [a, b] : [b, a];
    const k = `${periodKey(earlier)}|${periodKey(later)}`;
    if (!pairs.has(k)) pairs.set(k, { relation, earlier, later, label: pairLabel(earlier, later, relation) });
  };
  const all = [...byKey.values()].sort(comparePeriods).reverse();
  for (const p of all) {
    for (const c of comparablePrevious(p)) if (byKey.has(periodKey(c.period))) add(c.period, p, c.relation);
  }
  if (baseline && isPeriod(baseline)) {
    for (const p of all) {
      if ((p.kind === "E") !== (baseline.kind === "E")) continue;
      if (comparePeriods(baseline, p) < 0) add(baseline, p, "baseline");
    }
  }
  return [...pairs.values()].sort((a, b) =>
    pairRank(a) - pairRank(b) || comparePeriods(b.later, a.later) || comparePeriods(b.earlier, a.earlier));
}
