/**
 * School grade statistics from the counts of students (or marks) n5…n2: quality (качество знаний),
 * success (успеваемость), average mark (средний балл) and СОУ (степень обученности, Симонов). All
 * take the count of pupils «н/а» and share one denominator rule (see `denominator`).
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

/**
 * The one denominator rule of every grade statistic (Сетевой город's): N is everyone in the class
 * who is graded or «н/а» (not assessed for absence) — n5 + n4 + n3 + n2 + n_na — unless a larger N is
 * given (pupils on the roll). A given N below that sum is an error. A blank n_na counts as 0.
 */
function denominator(graded: number, nNa: Num | undefined, N: Num | undefined): Calc<number> {
  const inN = graded + (nNa ?? 0);
  if (N === undefined || N === null) return ok(inN);
  if (N < inN) {
    return nNa
      ? fail("value", {
        ru: `Знаменатель (${fmt(N)}) меньше числа получивших отметки и «н/а» (${fmt(inN)})`,
        en: `The denominator (${N}) is less than the number graded or not assessed (${inN})`,
      })
      : fail("value", {
        ru: `Знаменатель (${fmt(N)}) меньше числа получивших отметки (${fmt(inN)})`,
        en: `The denominator (${N}) is less than the number graded (${inN})`,
      });
  }
  return ok(N);
}

/** The counts checked and summed, or the reason they cannot be used (null value: a count is blank). */
function prepare(counts: Num[], nNa: Num | undefined, N: Num | undefined): Calc<{ c: number[]; N: number } | null> {
  const bad = checkCounts([...counts, ...(nNa === undefined ? [] : [nNa]), ...(N === undefined ? [] : [N])]);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const c = counts as number[];
  const d = denominator(c[0] + c[1] + c[2] + c[3], nNa, N);
  return d.ok ? ok({ c, N: d.value }) : d;
}

/** A part of N; a zero N (nobody at all) is #DIV/0!. */
function partOfN(counts: Num[], nNa: Num | undefined, N: Num | undefined, part: (c: number[]) => number): Calc<number | null> {
  const p = prepare(counts, nNa, N);
  if (!p.ok || p.value === null) return p as Calc<null>;
  return share(part(p.value.c), p.value.N);
}

/** Качество знаний: (n5 + n4) / N, N = n5 + n4 + n3 + n2 + n_na unless given. */
export function quality(n5: Num, n4: Num, n3: Num, n2: Num, N?: Num, nNa?: Num): Calc<number | null> {
  return partOfN([n5, n4, n3, n2], nNa, N, ([a, b]) => a + b);
}

/** Успеваемость: (n5 + n4 + n3) / N, N = n5 + n4 + n3 + n2 + n_na unless given. */
export function success(n5: Num, n4: Num, n3: Num, n2: Num, N?: Num, nNa?: Num): Calc<number | null> {
  return partOfN([n5, n4, n3, n2], nNa, N, ([a, b, c]) => a + b + c);
}

/**
 * Средний балл: (5n5 + 4n4 + 3n3 + 2n2) / (n5 + n4 + n3 + n2), on the 2–5 scale. A pupil «н/а» has
 * no mark and does not enter the average; n_na is only checked, like in the other statistics.
 */
export function gradeAvg(n5: Num, n4: Num, n3: Num, n2: Num, nNa?: Num): Calc<number | null> {
  const counts = [n5, n4, n3, n2];
  const bad = checkCounts(nNa === undefined ? counts : [...counts, nNa]);
  if (bad) return bad;
  if (anyMissing(counts)) return ok(null);
  const [a, b, c, d] = counts as number[];
  const total = a + b + c + d;
  if (total === 0) return fail("div0", { ru: "Нет ни одной отметки", en: "No marks at all" });
  return ok((5 * a + 4 * b + 3 * c + 2 * d) / total);
}

/** СОУ: (100n5 + 64n4 + 36n3 + 16n2 + 7n_na) / N / 100 (a fraction), N as in quality. */
export function sou(n5: Num, n4: Num, n3: Num, n2: Num, nNa?: Num, N?: Num): Calc<number | null> {
  const p = prepare([n5, n4, n3, n2], nNa, N);
  if (!p.ok || p.value === null) return p as Calc<null>;
  const [a, b, c, d] = p.value.c;
  if (p.value.N === 0) return fail("div0", { ru: "Нет ни одного учащегося", en: "No students at all" });
  return ok((100 * a + 64 * b + 36 * c + 16 * d + 7 * (nNa ?? 0)) / p.value.N / 100);
}
