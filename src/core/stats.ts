/**
 * Chance told from change for shares of small groups. A share is known with its count x and its
 * denominator n, so its random variation is known too:
 *
 * - Wilson 95 % interval of p = x / n (z = 1.96):
 *   centre = (p + z²/2n) / (1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * - Change from x1/n1 to x2/n2: Newcombe's hybrid score interval for d = p2 − p1 (built from the two
 *   Wilson intervals [l1, u1], [l2, u2]):
 *   L = d − √((p2 − l2)² + (u1 − p1)²), U = d + √((u2 − p2)² + (p1 − l1)²).
 *   The change is significant when the interval excludes 0 (L > 0: a rise, U < 0: a fall);
 *   otherwise it is «в пределах случайных колебаний».
 * With equal denominators a change of one pupil is never significant (checked for n < 15 by a test;
 * in fact up to n = 40). Pure; never throws.
 */
import { fail, ok } from "./calc";
import type { Calc, Text } from "./types";

export const Z95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

const fmt = (x: number) => String(x).replace(".", ",").replace("-", "−");

/** Count and total must be whole numbers, 0 ≤ count ≤ total, total > 0. */
export function checkCounts(count: number, total: number): Calc<true> {
  if (![count, total].every(Number.isFinite)) return fail("value", { ru: "Недопустимое число", en: "Not a valid number" });
  if (count < 0 || total < 0) return fail("value", { ru: `Отрицательное количество: ${fmt(Math.min(count, total))}`, en: `Negative count: ${Math.min(count, total)}` });
  if (!Number.isInteger(count) || !Number.isInteger(total)) {
    const x = Number.isInteger(count) ? total : count;
    return fail("value", { ru: `Количество должно быть целым: ${fmt(x)}`, en: `A count must be a whole number: ${x}` });
  }
  if (total === 0) return fail("div0", { ru: "Целое равно нулю", en: "The whole is zero" });
  if (count > total) return fail("value", { ru: `Часть (${fmt(count)}) больше целого (${fmt(total)})`, en: `The part (${count}) exceeds the whole (${total})` });
  return ok(true);
}

/** The Wilson 95 % interval of the share count / total (inputs assumed valid). */
function wilsonUnchecked(count: number, total: number): Interval {
  const p = count / total;
  const z2 = Z95 * Z95;
  const d = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / d;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / d;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** The Wilson 95 % interval of count / total. */
export function wilson(count: number, total: number): Calc<Interval> {
  const bad = checkCounts(count, total);
  if (!bad.ok) return bad;
  return ok(wilsonUnchecked(count, total));
}

/** 1 a significant rise, −1 a significant fall, 0 within random variation (Newcombe, 95 %). */
export type Significance = 1 | 0 | -1;

/** Newcombe's 95 % interval of p2 − p1 and the verdict. */
export function changeSignificance(count1: number, total1: number, count2: number, total2: number): Calc<{ verdict: Significance; lower: number; upper: number }> {
  const a = checkCounts(count1, total1);
  if (!a.ok) return a;
  const b = checkCounts(count2, total2);
  if (!b.ok) return b;
  const p1 = count1 / total1;
  const p2 = count2 / total2;
  const w1 = wilsonUnchecked(count1, total1);
  const w2 = wilsonUnchecked(count2, total2);
  const d = p2 - p1;
  const lower = d - Math.sqrt((p2 - w2.lower) ** 2 + (w1.upper - p1) ** 2);
  const upper = d + Math.sqrt((w2.upper - p2) ** 2 + (p1 - w1.lower) ** 2);
  const eps = 1e-12;
  const verdict: Significance = lower > eps ? 1 : upper < -eps ? -1 : 0;
  return ok({ verdict, lower, upper });
}

/** «1 учащийся», «2 учащихся», «11 учащихся», «21 учащийся»; "1 pupil", "2 pupils". */
export function pupils(k: number): Text {
  const a = Math.abs(k);
  const one = a % 10 === 1 && a % 100 !== 11;
  return { ru: `${a} ${one ? "учащийся" : "учащихся"}`, en: `${a} ${a === 1 ? "pupil" : "pupils"}` };
}

/** A signed change in pupils: «+1 учащийся», «−3 учащихся». */
export function pupilsChange(k: number): Text {
  const sign = k > 0 ? "+" : k < 0 ? "−" : "±";
  const p = pupils(k);
  return { ru: `${sign}${p.ru}`, en: `${k < 0 ? "-" : sign}${p.en}` };
}
