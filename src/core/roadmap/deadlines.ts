/**
 * Russian road-map deadlines («Сроки») → occurrences, read against the program's school years
 * (school year Y = Sep 1 of Y … Aug 31 of Y+1). Case, «ё», any dash (- – —), line breaks, extra
 * spaces, «г.», «гг.», «года», «уч. г.» and month declensions (январь / января / январе, янв.) are
 * forgiven. What is not understood is {kind: "unparsed"}: never a guess (so «до января 2023»,
 * ambiguous, is unparsed, and so is an impossible date such as 31.02.2023).
 *
 * Meanings (Y runs over the program years; "recurring" = expanded over them):
 * - «Январь 2023» → Jan 1…31, 2023; «20.12.2023», «20 декабря 2023 г.» → that day;
 *   «Ноябрь 2020 – апрель 2021», «01.09.2023 – 31.05.2024», «с 1 по 15 сентября 2023» → the span.
 *   A year written on one end only applies to both («Май - июнь 2021»; «Ноябрь - январь 2021» →
 *   Nov 2020 … Jan 2021). Text after a dash, comma, colon or bracket that holds no further date
 *   is a comment and ignored («февраль 2023 – выезд в школу»).
 * - Without a year (recurring): «сентябрь», «25.10–10.11» sit in the program year's autumn when
 *   the month is September…December and in its spring (Y+1) otherwise; several spans may be listed
 *   («25.10– 10.11; 25.03- 10.04», «октябрь, март»). A span that crosses Aug 31 is unparsed. A list
 *   mixing dated and year-less items is unparsed.
 * - «до X», «к X», «не позднее X» (X a day) and «до конца X» (any X) → from the program start
 *   (Sep 1 of the first year) to X (just X when X is earlier); without a year (recurring) → from
 *   Sep 1 of Y to X. «до января 2023» (month, no «конца») is unparsed.
 * - «2023 год», «в 2023 г.» → calendar year; «2021-2023 гг.», «2021–2023» → Jan 1, 2021 … Dec 31,
 *   2023 (a dash between years without «уч.» names calendar years). «IV квартал 2023» → calendar
 *   quarter; «I полугодие 2023» → calendar half-year (Jan–Jun).
 * - A school year («2023-2024 уч. год», «2023/24», «в течение 2022-2023 и 2023-2024 уч годов»)
 *   → Sep 1 … May 31 of it, the teaching year. «I полугодие 2023/24 уч. года» → Sep 1 … Dec 31,
 *   II → Jan 1 … May 31; «I четверть 2023/24» → Sep–Oct, II Nov–Dec, III Jan–Mar, IV Apr–May
 *   (the quarters of periodEndDate in track.ts); without a year these recur.
 * - «в течение учебного года», «учебный год», «до конца учебного года» → Sep 1 … May 31 of each Y.
 * - «ежегодно», «в течение года», «1 раз в год», «каждый год» → the whole school year, Sep 1 …
 *   Aug 31, of each Y. «ежегодно» before or after another year-less deadline just repeats it
 *   («ежегодно в сентябре»); with a dated deadline it is unparsed.
 * - «По итогам учебного года», «по итогам года», «в конце учебного года» → June of each Y+1;
 *   «по итогам (каждой) четверти» → the month after each school quarter (November, January, April,
 *   June), «по итогам I четверти» → the month after that one; «по итогам полугодия» → January and
 *   June, «по итогам II полугодия» → June: the summing-up follows the period it sums up.
 * - A qualifier naming the plan («в течение года, согласно плану-графику», «ежемесячно (по
 *   отдельному графику)», «сентябрь 2025 в соответствии с положением») is dropped when the text
 *   before it is a deadline; alone it is undated (schedule), as below.
 * - «ежеквартально», «1 раз в четверть/квартал» → the four school quarters of each Y;
 *   «1 раз в полугодие», «2 раза в год», «ежеполугодно» → both school half-years of each Y;
 *   «ежемесячно» → each month September…May of each Y.
 * - «в течение всего периода (реализации программы)» → Sep 1 of the first year … Aug 31 after the
 *   last one, once.
 * - Undated: «По (отдельному) графику», «согласно плану-графику» → schedule; «По мере
 *   необходимости», «по запросу» → asNeeded; «По результатам/итогам мониторинга (диагностики,
 *   анализа)» → afterMonitoring; «постоянно», «систематически», «регулярно», «еженедельно»,
 *   «ежедневно» → other.
 * Occurrences are sorted (start, then end) without duplicates and are not clipped: a dated deadline
 * outside the program years is returned as written. Recurring deadlines need valid program years
 * (integers, first ≤ last, at most 30 years); otherwise they are unparsed.
 */
import { cmp, daysInMonth, iso, isoDate, monthEnd, spanOf, yearByMonth } from "./dates";
import type { Point, Ymd } from "./dates";
import type { Deadline, Occurrence, ProgramYears } from "./types";
import { afterPeriod, withoutQualifier, type Recur } from "./phrases";
import { tokenize, validYear, type Tok, type WordClass } from "./deadlineTokens";

type Item = { t: "span"; a: Point; b: Point } | { t: "by"; p: Point };

const isW = (t: Tok | undefined, c: WordClass): boolean => t !== undefined && t.t === "w" && t.c === c;

/** Recursive-descent reading of the token list; every method returns null without side effects on failure. */
class Reader {
  constructor(private readonly toks: Tok[]) {}

  /** Skips «г.», «года», «уч.» after a year. */
  private suffix(i: number): number {
    while (isW(this.toks[i], "yw") || isW(this.toks[i], "school")) i++;
    return i;
  }

  /** Whether «уч.» follows a calendar year («2023 уч. год»): ambiguous, so not read. */
  private schoolAfter(i: number): boolean {
    return this.toks.slice(i, this.suffix(i)).some((t) => isW(t, "school"));
  }

  /** A year that may follow a month, day or quarter: calendar (y) or school (sy). */
  private yearOf(i: number): { y?: number; sy?: number; i: number } {
    const t = this.toks[i];
    if (t?.t === "yr") return this.schoolAfter(i + 1) ? { i } : { y: t.y, i: this.suffix(i + 1) };
    if (t?.t === "sy") return { sy: t.y, i: this.suffix(i + 1) };
    return { i };
  }

  point(i: number): { p: Point; i: number } | null {
    const t = this.toks[i];
    const next = this.toks[i + 1];
    if (!t) return null;
    if (t.t === "date") {
      if (t.y !== undefined) return { p: { k: "day", d: t.d, m: t.m, y: t.y }, i: this.suffix(i + 1) };
      const yr = this.yearOf(i + 1);
      return { p: { k: "day", d: t.d, m: t.m, y: yr.y, sy: yr.sy }, i: yr.i };
    }
    if (t.t === "num" && next?.t === "w" && next.c === "month") {
      const yr = this.yearOf(i + 2);
      return { p: { k: "day", d: t.n, m: next.n, y: yr.y, sy: yr.sy }, i: yr.i };
    }
    if (t.t === "w" && t.c === "month") {
      const yr = this.yearOf(i + 1);
      return { p: { k: "month", m: t.n, y: yr.y, sy: yr.sy }, i: yr.i };
    }
    if ((t.t === "num" || (t.t === "w" && t.c === "ord")) && next?.t === "w") {
      const n = t.n;
      const yr = this.yearOf(i + 2);
      if (next.c === "cq") return { p: { k: "cq", n, y: yr.y, sy: yr.sy }, i: yr.i };
      if (next.c === "half") {
        return yr.y !== undefined ? { p: { k: "ch", n, y: yr.y }, i: yr.i } : { p: { k: "sh", n, sy: yr.sy }, i: yr.i };
      }
      if (next.c === "sq" && yr.y === undefined) return { p: { k: "sq", n, sy: yr.sy }, i: yr.i };
      return null;
    }
    if (t.t === "yr") return this.schoolAfter(i + 1) ? null : { p: { k: "year", y: t.y }, i: this.suffix(i + 1) };
    if (t.t === "yrs") return { p: { k: "years", a: t.a, b: t.b }, i: this.suffix(i + 1) };
    if (t.t === "sy") return { p: { k: "sy", sy: t.y }, i: this.suffix(i + 1) };
    return null;
  }

  /** A range end after «-», «по», «до»; a bare day number may start it («1-15 сентября»). */
  private rangeEnd(i: number): { p: Point; i: number } | null {
    const t = this.toks[i];
    if (t?.t !== "dash" && !isW(t, "to") && !isW(t, "by")) return null;
    return this.point(i + 1);
  }

  item(i: number): { item: Item; i: number } | null {
    while (isW(this.toks[i], "skip")) i++;
    const t = this.toks[i];
    if (isW(t, "by")) {
      const endOf = isW(this.toks[i + 1], "endOf");
      const pt = this.point(i + (endOf ? 2 : 1));
      if (!pt || (!endOf && pt.p.k !== "day")) return null;
      return { item: { t: "by", p: pt.p }, i: pt.i };
    }
    const from = isW(t, "from");
    const start = from ? i + 1 : i;
    const st = this.toks[start];
    if (st?.t === "num") {
      const end = this.rangeEnd(start + 1);
      if (end && end.p.k === "day") {
        const p = end.p;
        return { item: { t: "span", a: { k: "day", d: st.n, m: p.m, y: p.y, sy: p.sy }, b: p }, i: end.i };
      }
    }
    const a = this.point(start);
    if (!a) return null;
    const b = this.rangeEnd(a.i);
    if (b) return { item: { t: "span", a: a.p, b: b.p }, i: b.i };
    return from ? null : { item: { t: "span", a: a.p, b: a.p }, i: a.i };
  }

  /** Items separated by «;», «,» or «и»; then only a comment may follow. */
  list(): Item[] | null {
    const items: Item[] = [];
    let i = 0;
    for (;;) {
      const it = this.item(i);
      if (!it) return null;
      items.push(it.item);
      i = it.i;
      const sep = this.toks[i];
      if ((sep?.t !== "sep" && !isW(sep, "and")) || !this.item(i + 1)) break;
      i++;
    }
    return this.commentOnly(i) ? items : null;
  }

  private commentOnly(i: number): boolean {
    if (i >= this.toks.length) return true;
    const first = this.toks[i];
    if (first.t !== "dash" && first.t !== "sep" && first.t !== "punct") return false;
    return this.toks.slice(i).every((t) => t.t === "dash" || t.t === "sep" || t.t === "punct"
      || (t.t === "w" && t.c !== "month" && t.c !== "ord"));
  }
}

/** Whether a point names its year; year-less points recur in every program year. */
function hasYear(p: Point): boolean {
  return ("y" in p && p.y !== undefined) || ("sy" in p && p.sy !== undefined) || p.k === "years";
}

/** Lets a year written on one end of a range apply to the other («Май - июнь 2021»). */
function shareYear(a: Point, b: Point): [Point, Point] | null {
  const dated = (p: Point): boolean => hasYear(p);
  if (dated(a) === dated(b)) return [a, b];
  const [from, to] = dated(a) ? [a, b] : [b, a];
  if (to.k !== "day" && to.k !== "month") return null;
  if (from.k !== "day" && from.k !== "month" && from.k !== "cq") return null;
  if (from.sy !== undefined) return dated(a) ? [a, { ...to, sy: from.sy }] : [{ ...to, sy: from.sy }, b];
  const y = from.y as number;
  if (dated(a)) {
    const end = { ...to, y };
    const sa = spanOf(a, undefined);
    const se = spanOf(end, undefined);
    return sa && se && cmp(se[1], sa[0]) < 0 ? [a, { ...to, y: y + 1 }] : [a, end];
  }
  const start = { ...to, y };
  const ss = spanOf(start, undefined);
  const sb = spanOf(b, undefined);
  return ss && sb && cmp(ss[0], sb[1]) > 0 ? [{ ...to, y: y - 1 }, b] : [start, b];
}

function programOk(years: ProgramYears): boolean {
  const { firstYear: f, lastYear: l } = years ?? ({} as ProgramYears);
  return Number.isInteger(f) && Number.isInteger(l) && validYear(f) && f <= l && l - f <= 30;
}

function programYears(years: ProgramYears): number[] {
  return Array.from({ length: years.lastYear - years.firstYear + 1 }, (_, k) => years.firstYear + k);
}

function finish(occ: Occurrence[], recurring: boolean): Deadline {
  const seen = new Set<string>();
  const out = occ.filter((o) => !seen.has(o.start + o.end) && seen.add(o.start + o.end))
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.end < y.end ? -1 : x.end > y.end ? 1 : 0));
  return { kind: "dated", occurrences: out, recurring };
}

/** Resolves the items of a deadline: all with years → once; all year-less → in every program year. */
function resolve(items: Item[], years: ProgramYears, annual: boolean): Deadline | null {
  const prepared: { item: Item; dated: boolean }[] = [];
  for (const item of items) {
    if (item.t === "by") { prepared.push({ item, dated: hasYear(item.p) }); continue; }
    const shared = shareYear(item.a, item.b);
    if (!shared) return null;
    prepared.push({ item: { t: "span", a: shared[0], b: shared[1] }, dated: hasYear(shared[0]) });
  }
  const dated = prepared.every((p) => p.dated);
  if (!dated && prepared.some((p) => p.dated)) return null;
  if (dated && annual) return null;
  if (!dated && !programOk(years)) return null;
  const one = (item: Item, Y: number | undefined): Occurrence | null => {
    if (item.t === "by") {
      const s = spanOf(item.p, Y);
      if (!s) return null;
      const startYear = Y ?? (programOk(years) ? years.firstYear : undefined);
      const from: Ymd = startYear === undefined ? s[1] : [startYear, 9, 1];
      return { start: iso(cmp(from, s[1]) <= 0 ? from : s[1]), end: iso(s[1]) };
    }
    const a = spanOf(item.a, Y);
    const b = spanOf(item.b, Y);
    if (!a || !b || cmp(a[0], b[1]) > 0) return null;
    return { start: iso(a[0]), end: iso(b[1]) };
  };
  const occ: Occurrence[] = [];
  for (const Y of dated ? [undefined] : programYears(years)) {
    for (const p of prepared) {
      const o = one(p.item, Y);
      if (!o) return null;
      occ.push(o);
    }
  }
  return finish(occ, !dated);
}

const RECURRING: [RegExp, Recur][] = [
  [/^(в )?(течение |теч )?(всего |каждого )?(уч|учебн(ого|ый|ом))( )?(года|год|году|г)$|^(весь |каждый )?учебный год$|^(до|к) (конца|окончанию) (уч|учебного)( )?(года|г)$/,
    (Y) => [[[Y, 9, 1], [Y + 1, 5, 31]]]],
  [/^$|^(в )?(течение|теч) (всего |каждого )?года$|^(1 |один )?раз в год$|^каждый год$/,
    (Y) => [[[Y, 9, 1], [Y + 1, 8, 31]]]],
  [/^(по )?(итогам|окончании|завершении) (уч|учебного)( )?(года|г)$|^(по итогам|в конце) года$|^в конце (уч|учебного)( )?(года|г)$/,
    (Y) => [[[Y + 1, 6, 1], [Y + 1, 6, 30]]]],
  [/^ежеквартально$|^(1 |один )?раз в (квартал|четверть)$|^(каждый квартал|каждую четверть)$/,
    (Y) => [[[Y, 9, 1], [Y, 10, 31]], [[Y, 11, 1], [Y, 12, 31]], [[Y + 1, 1, 1], [Y + 1, 3, 31]], [[Y + 1, 4, 1], [Y + 1, 5, 31]]]],
  [/^ежеполугодно$|^(1 |один )?раз в (полугодие|полгода)$|^каждое полугодие$|^(2|два) раза в (учебный )?год$/,
    (Y) => [[[Y, 9, 1], [Y, 12, 31]], [[Y + 1, 1, 1], [Y + 1, 5, 31]]]],
  [/^ежемесячно$|^(1 |один )?раз в месяц$|^каждый месяц$/,
    (Y) => [9, 10, 11, 12, 1, 2, 3, 4, 5].map((m): [Ymd, Ymd] => {
      const y = yearByMonth(m, Y);
      return [[y, m, 1], [y, m, daysInMonth(y, m)]];
    })],
];

const WHOLE_PROGRAM = /^(в )?(течение|период|протяжении) (всего )?(периода|срока)( реализации)?( программы| проекта)?$|^весь период( реализации)?( программы| проекта)?$|^(в )?(течение )?(срока )?реализации (программы|проекта)$/;

const UNDATED: [RegExp, Extract<Deadline, { kind: "undated" }>["reason"]][] = [
  [/^(по|согласно|в соответствии с) (отдельному |отдельно |утвержденному |индивидуальному |составленному )?(план(у|ом)?[ -]?)?(график|отдельному плану)/, "schedule"],
  [/^(по|при) (мере )?необходимости|^по (мере )?(запросу|запросам|потребности)/, "asNeeded"],
  [/^по (результатам|итогам) (проведенного |проведения )?(мониторинг|диагностик|анализ|оценочн|впр)/, "afterMonitoring"],
  [/^(постоянно|систематически|регулярно|еженедельно|ежедневно)(?![а-я])/, "other"],
];

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/(не позднее|не позже|в срок до)(?![а-я])/g, "до")
    .trim();
}

/** Normalised words only, for the phrase tables: «В течение учебного года.» → "в течение учебного года". */
function words(s: string): string {
  return s.replace(/[.,;:!()«»"]+/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Removes «ежегодно» as a word of its own at the start or the end, with the separators next to it.
 * (Without a regex lookbehind: older Safari — Office on Mac — cannot parse one.)
 */
function stripAnnually(s: string): string {
  const out = s.replace(/^ежегодно(?![а-я])[ ,:-]*/, "");
  const end = /[ ,:-]*ежегодно$/.exec(out);
  if (!end) return out;
  const ownWord = end[0].length > "ежегодно".length || end.index === 0 || !/[а-я]/.test(out[end.index - 1]);
  return ownWord ? out.slice(0, end.index) : out;
}

/** Reads a deadline text; see the module comment for what each form means. Never throws. */
export function parseDeadline(text: string, years: ProgramYears): Deadline {
  if (typeof text !== "string") return { kind: "unparsed" };
  const read = parseNormalized(normalize(text), years);
  if (read.kind !== "unparsed") return read;
  // «в течение года, согласно плану-графику»: the deadline before the qualifier, when it is one.
  const head = withoutQualifier(normalize(text));
  const before = head === null ? null : parseNormalized(head, years);
  return before && before.kind === "dated" ? before : read;
}

function parseNormalized(text: string, years: ProgramYears): Deadline {
  let s = text;
  if (s === "" || s.length > 300) return { kind: "unparsed" };
  let annual = false;
  const stripped = stripAnnually(s);
  if (stripped !== s) { annual = true; s = stripped; }
  const plain = words(s);
  const after = afterPeriod(plain);
  const recurring: [RegExp, Recur] | undefined = after ? [/./, after] : RECURRING.find(([re]) => re.test(plain));
  if (recurring && (plain !== "" || annual)) {
    if (!programOk(years)) return { kind: "unparsed" };
    const spans = programYears(years).flatMap((Y) => recurring[1](Y));
    return finish(spans.map(([a, b]) => ({ start: iso(a), end: iso(b) })), true);
  }
  if (WHOLE_PROGRAM.test(plain) && !annual) {
    return programOk(years)
      ? finish([{ start: isoDate(years.firstYear, 9, 1), end: monthEnd(years.lastYear + 1, 8) }], false)
      : { kind: "unparsed" };
  }
  const toks = tokenize(s);
  if (!toks.some((t) => t.t === "bad")) {
    const items = new Reader(toks).list();
    const dated = items && resolve(items, years, annual);
    if (dated) return dated;
  }
  if (!annual) for (const [re, reason] of UNDATED) if (re.test(plain)) return { kind: "undated", reason };
  return { kind: "unparsed" };
}
