/**
 * Phrases of real road maps that the deadline grammar (deadlines.ts) reads through tables: the
 * summing-up after a school quarter or half-year («по итогам четверти»), and a qualifier naming the
 * plan an event follows («…, согласно плану-графику»). See deadlines.ts for what they mean.
 */
import { daysInMonth } from "./dates";
import type { Ymd } from "./dates";

/** The spans of a recurring deadline in school year Y. */
export type Recur = (Y: number) => [Ymd, Ymd][];

const ORDINALS: [RegExp, number][] = [[/^iv$|^четверт/, 4], [/^iii$|^трет/, 3], [/^ii$|^втор/, 2], [/^i$|^перв/, 1]];

/** The month after each school quarter ends (Q1 → November, Q2 → January, Q3 → April, Q4 → June), as «по итогам учебного года» → June. */
const AFTER_QUARTER: [number, number][] = [[0, 11], [1, 1], [1, 4], [1, 6]];
const monthOf = (Y: number, [dy, m]: [number, number]): [Ymd, Ymd] => [[Y + dy, m, 1], [Y + dy, m, daysInMonth(Y + dy, m)]];
const ORDINAL_WORD = "(i|ii|iii|iv|1|2|3|4|1-?[йяо]|2-?[йяо]|3-?[йяо]|4-?[йяо]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)";
const AFTER = "(по (итогам|окончании|завершении)|в конце)";
const AFTER_EACH_QUARTER = new RegExp(`^${AFTER} (каждой )?(четверти|четвертей)$`);
const AFTER_EACH_HALF = new RegExp(`^${AFTER} (каждого )?(полугодия|полугодий)$`);
const AFTER_ONE_QUARTER = new RegExp(`^${AFTER} ${ORDINAL_WORD} (уч |учебной )?четверти$`);
const AFTER_ONE_HALF = new RegExp(`^${AFTER} ${ORDINAL_WORD} (уч |учебного )?полугодия$`);

/** 1…4 for an ordinal word («I», «2-й», «третьей»), else 0. */
function ordinalOf(w: string): number {
  const d = /^([1-4])/.exec(w);
  if (d) return Number(d[1]);
  for (const [re, n] of ORDINALS) if (re.test(w)) return n;
  return 0;
}

/** «по итогам (I) четверти / полугодия» → the month after the period, in every program year (null: not such a phrase). */
export function afterPeriod(plain: string): Recur | null {
  if (AFTER_EACH_QUARTER.test(plain)) return (Y) => AFTER_QUARTER.map((m) => monthOf(Y, m));
  if (AFTER_EACH_HALF.test(plain)) return (Y) => [monthOf(Y, AFTER_QUARTER[1]), monthOf(Y, AFTER_QUARTER[3])];
  const q = AFTER_ONE_QUARTER.exec(plain);
  if (q) {
    const n = ordinalOf(q[3]);
    return n ? (Y) => [monthOf(Y, AFTER_QUARTER[n - 1])] : null;
  }
  const h = AFTER_ONE_HALF.exec(plain);
  if (h) {
    const n = ordinalOf(h[3]);
    return n === 1 || n === 2 ? (Y) => [monthOf(Y, AFTER_QUARTER[n === 1 ? 1 : 3])] : null;
  }
  return null;
}

/**
 * A qualifier naming the plan the event follows («, согласно плану-графику», «(по отдельному
 * графику)», «в соответствии с положением», «по плану школы»): the text before it, or null.
 */
const QUALIFIER = /(^|[ ,;:(-])(согласно|в соответствии с|по (отдельному |утвержденному |индивидуальному |составленному |школьному )?(план[а-я]*|график[а-я]*|положени[а-я]*|приказ[а-я]*|расписани[а-я]*|циклограмм[а-я]*))(?![а-я])/;

export function withoutQualifier(s: string): string | null {
  const m = QUALIFIER.exec(s);
  if (!m || m.index === 0) return null;
  const head = s.slice(0, m.index).replace(/[ ,;:(-]+$/, "").trim();
  return head === "" ? null : head;
}

