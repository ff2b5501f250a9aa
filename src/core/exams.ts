/**
 * Exam facts as data: minimum results for the certificate per exam session and the sessions whose
 * results are not comparable with other years. Years are school-year start years (2023 = 2023/24,
 * whose exam session is in June 2024). Update the tables when the rules change; code reads only them.
 */
import type { Text } from "./types";

/** ЕГЭ Russian (points 0–100), ЕГЭ profile / basic maths, ОГЭ Russian / maths (marks 2–5). */
export type ExamSubject = "ege_rus" | "ege_math_prof" | "ege_math_base" | "oge_rus" | "oge_math";

interface MinimumRow {
  /** First school year (start year) the row applies to; it holds until the next row. */
  from: number;
  minimum: Record<ExamSubject, number | null>;
}

/**
 * Minimums for the school certificate (not for university admission). Since the 2015 session:
 * ЕГЭ Russian 24 points, profile mathematics 27 points, basic mathematics mark «3»; ОГЭ mark «3».
 * `null`: the exam was not held that session (2021: basic maths ЕГЭ cancelled; 2020: no ОГЭ and
 * no ЕГЭ for the certificate).
 */
const MINIMUMS: MinimumRow[] = [
  { from: 2014, minimum: { ege_rus: 24, ege_math_prof: 27, ege_math_base: 3, oge_rus: 3, oge_math: 3 } },
  { from: 2019, minimum: { ege_rus: null, ege_math_prof: null, ege_math_base: null, oge_rus: null, oge_math: null } },
  { from: 2020, minimum: { ege_rus: 24, ege_math_prof: 27, ege_math_base: null, oge_rus: 3, oge_math: 3 } },
  { from: 2021, minimum: { ege_rus: 24, ege_math_prof: 27, ege_math_base: 3, oge_rus: 3, oge_math: 3 } },
];

/** The scale each exam result is given on. */
export const EXAM_SCALES: Readonly<Record<ExamSubject, { min: number; max: number }>> = {
  ege_rus: { min: 0, max: 100 },
  ege_math_prof: { min: 0, max: 100 },
  ege_math_base: { min: 2, max: 5 },
  oge_rus: { min: 2, max: 5 },
  oge_math: { min: 2, max: 5 },
};

/**
 * The certificate minimum of a subject in the session of the given school year, or undefined when
 * the exam was not held that year or the year precedes the data (before 2014/15).
 */
export function examMinimum(subject: ExamSubject, startYear: number): number | undefined {
  let row: MinimumRow | undefined;
  for (const r of MINIMUMS) if (r.from <= startYear) row = r;
  const v = row?.minimum[subject];
  return v === null || v === undefined ? undefined : v;
}

/** Exam sessions whose results must not be compared with other years, and why. */
export const NON_COMPARABLE_EXAM_YEARS: readonly { startYear: number; reason: Text }[] = [
  {
    startYear: 2019,
    reason: {
      ru: "ГИА-2020: ОГЭ отменены, ЕГЭ сдавали только поступающие в вузы, аттестаты выданы по годовым отметкам",
      en: "Exams 2020: the OGE was cancelled, only university applicants took the EGE, certificates were issued on annual marks",
    },
  },
  {
    startYear: 2020,
    reason: {
      ru: "ГИА-2021: ОГЭ только по русскому языку и математике (остальные предметы — контрольные работы), ЕГЭ по базовой математике не проводился",
      en: "Exams 2021: the OGE only in Russian and maths (other subjects replaced by control works), no basic-maths EGE",
    },
  },
];

/** False for an exam session known to be incomparable (see NON_COMPARABLE_EXAM_YEARS). */
export function isExamYearComparable(startYear: number): boolean {
  return !NON_COMPARABLE_EXAM_YEARS.some((y) => y.startYear === startYear);
}
