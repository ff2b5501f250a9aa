/**
 * School grade statistics from the counts of students (or marks) n5…n2: quality (качество знаний),
 * success (успеваемость), average mark (средний балл) and СОУ (степень обученности, Симонов).
 */
import { badCount, fail, fmtRu as fmt, ok, share, type Num } from "./calc";
import type { Calc } from "./types";

/** Every count must be a whole number ≥ 0; null counts are missing data. */
function checkCounts(counts: Num[]): Calc<never> | null {
  for (const c of counts) {
    const bad = badCount(c);
    if (bad) return bad;
  }
  return null;
}

const anyMissing = (xs: Num[]): boolean => xs.some((x) => x === null || x === undefined);

/** A part of the graded students over N (default: everyone graded); N below the graded total is an error. */
function partOf(part: number, graded: number, N: Num | undefined): Calc<number | null> {
  if (N === undefined || N === null) return share(part, graded);
  if (N < graded) {
    return fail("value", {
      ru: `Знаменатель (${fmt(N)}) меньше числа получивших отметки (${fmt(graded)})`,
      en: `The denominator (${N}) is less than the number graded (${graded})`,
    });
  }
  return share(part, N);
}

/** Качество знаний: (n5 + n4) / N. */
export function quality(n5: Num, n4: Num, n3: Num, n2: Num, N?: Num): Calc<number | null> {
  const counts = [n5, n4, n3, n2];
  const bad = checkCounts(N === undefined ? counts : [...counts, N]);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const [a, b, c, d] = counts as number[];
  return partOf(a + b, a + b + c + d, N);
}

/** Успеваемость: (n5 + n4 + n3) / N. */
export function success(n5: Num, n4: Num, n3: Num, n2: Num, N?: Num): Calc<number | null> {
  const counts = [n5, n4, n3, n2];
  const bad = checkCounts(N === undefined ? counts : [...counts, N]);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const [a, b, c, d] = counts as number[];
  return partOf(a + b + c, a + b + c + d, N);
}

/** Средний балл: (5n5 + 4n4 + 3n3 + 2n2) / (n5 + n4 + n3 + n2), on the 2–5 scale. */
export function gradeAvg(n5: Num, n4: Num, n3: Num, n2: Num): Calc<number | null> {
  const counts = [n5, n4, n3, n2];
  const bad = checkCounts(counts);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const [a, b, c, d] = counts as number[];
  const total = a + b + c + d;
  if (total === 0) return fail("div0", { ru: "Нет ни одной отметки", en: "No marks at all" });
  return ok((5 * a + 4 * b + 3 * c + 2 * d) / total);
}

/** СОУ: (100n5 + 64n4 + 36n3 + 16n2 + 7n_na) / N / 100, N = the sum of all counts (a fraction). */
export function sou(n5: Num, n4: Num, n3: Num, n2: Num, nNa?: Num): Calc<number | null> {
  const counts = [n5, n4, n3, n2];
  const bad = checkCounts(nNa === undefined ? counts : [...counts, nNa]);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const [a, b, c, d] = counts as number[];
  const e = nNa ?? 0;
  const total = a + b + c + d + e;
  if (total === 0) return fail("div0", { ru: "Нет ни одного учащегося", en: "No students at all" });
  return ok((100 * a + 64 * b + 36 * c + 16 * d + 7 * e) / total / 100);
}
