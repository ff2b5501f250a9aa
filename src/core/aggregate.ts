/**
 * Many schools into one figure: a share is the sum of counts over the sum of denominators (never
 * the mean of the schools' shares); an average is weighted (e.g. by the number of graduates).
 */
import { fail, nonFinite, ok, share, type Num } from "./calc";
import type { Calc, Polarity } from "./types";

export interface SchoolShare {
  school?: string;
  count: Num;
  denominator: Num;
}

export interface AggregateShare {
  count: number;
  denominator: number;
  share: number | null;
  /** How many schools had both numbers. */
  schools: number;
}

const named = (school: string | undefined, i: number): string => school ?? `#${i + 1}`;

/** Sum of counts / sum of denominators over the schools that reported both; blank when none did. */
export function aggregateShare(items: SchoolShare[]): Calc<AggregateShare | null> {
  let count = 0;
  let denominator = 0;
  let schools = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const bad = nonFinite(it.count, it.denominator);
    if (bad) return bad;
    if (it.count === null || it.denominator === null || it.count === undefined || it.denominator === undefined) continue;
    const own = share(it.count, it.denominator);
    if (!own.ok && own.error.code === "value") {
      const who = named(it.school, i);
      return fail("value", { ru: `${who}: ${own.error.message.ru}`, en: `${who}: ${own.error.message.en}` });
    }
    count += it.count;
    denominator += it.denominator;
    schools++;
  }
  if (schools === 0) return ok(null);
  return ok({ count, denominator, share: denominator > 0 ? count / denominator : null, schools });
}

/**
 * A weighted mean of the schools' averages (weights such as the number of graduates who sat the
 * exam). An unweighted mean would let a school of 3 graduates count as much as one of 120.
 */
export function aggregateAverage(items: { school?: string; value: Num; weight: Num }[]): Calc<number | null> {
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const bad = nonFinite(it.value, it.weight);
    if (bad) return bad;
    if (it.value === null || it.weight === null || it.value === undefined || it.weight === undefined) continue;
    if (it.weight < 0) {
      const who = named(it.school, i);
      return fail("value", { ru: `${who}: отрицательный вес`, en: `${who}: negative weight` });
    }
    sum += it.value * it.weight;
    weights += it.weight;
  }
  return ok(weights > 0 ? sum / weights : null);
}

/** Competition ranking, 1 = best by polarity; ties share a rank; missing values and neutral → null. */
export function rank(values: { key: string; value: Num }[], polarity: Polarity): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const ranked = values.filter((v) => typeof v.value === "number" && Number.isFinite(v.value));
  for (const v of values) out.set(v.key, null);
  if (polarity === 0) return out;
  const sorted = [...ranked].sort((a, b) => ((b.value as number) - (a.value as number)) * polarity);
  sorted.forEach((v, i) => {
    const prev = sorted[i - 1];
    out.set(v.key, i > 0 && prev.value === v.value ? (out.get(prev.key) as number) : i + 1);
  });
  return out;
}
