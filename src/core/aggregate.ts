/**
 * Many schools into one figure: a share is the sum of counts over the sum of denominators (never
 * the mean of the schools' shares); an average is weighted (e.g. by the number of graduates).
 */
import { fail, fmtRu, nonFinite, ok, share, type Num } from "./calc";
import type { Calc, Polarity } from "./types";

export interface SchoolShare {
  school?: string;
  count: Num;
  denominator: Num;
}

export interface WeightedValue {
  school?: string;
  value: Num;
  weight: Num;
}

export interface AggregateShare {
  count: number;
  denominator: number;
  share: number | null;
  /** How many schools had both numbers. */
  schools: number;
}

const named = (school: string | undefined, i: number): string => (typeof school === "string" && school.trim() ? school : `#${i + 1}`);

/** An error of one school, its name (or position) first. */
function ofSchool(school: string | undefined, i: number, e: Calc<never>): Calc<never> {
  if (e.ok) return e;
  const who = named(school, i);
  return fail(e.error.code, { ru: `${who}: ${e.error.message.ru}`, en: `${who}: ${e.error.message.en}` });
}

const tooLarge = (): Calc<never> => fail("value", { ru: "Значения слишком велики для расчёта", en: "Values too large to compute" });
const notAList = (): Calc<never> => fail("value", { ru: "Ожидался список школ", en: "A list of schools was expected" });

/** Sum of counts / sum of denominators over the schools that reported both; blank when none did. */
export function aggregateShare(items: SchoolShare[]): Calc<AggregateShare | null> {
  if (!Array.isArray(items)) return notAList();
  let count = 0;
  let denominator = 0;
  let schools = 0;
  for (let i = 0; i < items.length; i++) {
    const it: Partial<SchoolShare> = items[i] ?? {};
    const bad = nonFinite(it.count, it.denominator);
    if (bad) return ofSchool(it.school, i, bad);
    if (it.count === null || it.denominator === null || it.count === undefined || it.denominator === undefined) continue;
    const own = share(it.count, it.denominator);
    // A school with 0 of 0 adds nothing and is no error; a negative number or part > whole is.
    if (!own.ok && own.error.code === "value") return ofSchool(it.school, i, own);
    count += it.count;
    denominator += it.denominator;
    schools++;
  }
  if (schools === 0) return ok(null);
  if (!Number.isFinite(count) || !Number.isFinite(denominator)) return tooLarge();
  return ok({ count, denominator, share: denominator > 0 ? count / denominator : null, schools });
}

/**
 * A weighted mean of the schools' averages (weights such as the number of graduates who sat the
 * exam). An unweighted mean would let a school of 3 graduates count as much as one of 120.
 */
export function aggregateAverage(items: WeightedValue[]): Calc<number | null> {
  if (!Array.isArray(items)) return notAList();
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < items.length; i++) {
    const it: Partial<WeightedValue> = items[i] ?? {};
    const bad = nonFinite(it.value, it.weight);
    if (bad) return ofSchool(it.school, i, bad);
    if (it.value === null || it.weight === null || it.value === undefined || it.weight === undefined) continue;
    if (it.weight < 0) return ofSchool(it.school, i, fail("value", { ru: `отрицательный вес: ${fmtRu(it.weight)}`, en: `negative weight: ${it.weight}` }));
    sum += it.value * it.weight;
    weights += it.weight;
  }
  if (weights === 0) return ok(null);
  const mean = sum / weights;
  return Number.isFinite(mean) ? ok(mean) : tooLarge();
}

/**
 * Competition ranking (1, 2, 2, 4), 1 = best by polarity; ties share a rank; missing values, a
 * neutral (0) or invalid polarity → null. A repeated key keeps its last entry.
 */
export function rank(values: { key: string; value: Num }[], polarity: Polarity): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!Array.isArray(values)) return out;
  const items = values.filter((v) => typeof v === "object" && v !== null);
  for (const v of items) out.set(v.key, null);
  if (polarity !== 1 && polarity !== -1) return out;
  const last = new Map(items.map((v) => [v.key, v]));
  const ranked = [...last.values()].filter((v) => typeof v.value === "number" && Number.isFinite(v.value));
  const sorted = [...ranked].sort((a, b) => ((b.value as number) - (a.value as number)) * polarity);
  sorted.forEach((v, i) => {
    const prev = sorted[i - 1];
    out.set(v.key, i > 0 && prev.value === v.value ? (out.get(prev.key) as number) : i + 1);
  });
  return out;
}
