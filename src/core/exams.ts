/**
 * Exam facts as data, one row per exam session: the minimum results for the school certificate and
 * whether the session's results compare with other years (and which yearly indicators of that school
 * year do not compare either). Years are school-year start years (2023 = 2023/24, whose exam session
 * is in June 2024). Update the table when the rules change; code reads only it.
 * Sources: domain.md, «Facts checked against sources (2026)».
 */
import { getIndicator } from "./catalog";
import { parsePeriodKey } from "./periods";
import type { Text } from "./types";

/** ЕГЭ Russian (points 0–100), ЕГЭ profile / basic maths, ОГЭ Russian / maths (marks 2–5). */
export type ExamSubject = "ege_rus" | "ege_math_prof" | "ege_math_base" | "oge_rus" | "oge_math";

type Minimums = Record<ExamSubject, number | null>;

export interface ExamSession {
  /** School year (start year) of the session: 2019 is the June 2020 session. */
  startYear: number;
  /**
   * Certificate minimum per subject. `null`: no certificate minimum that session (the exam was not
   * held, or was held for university admission only).
   */
  minimum: Minimums;
  /** Present when results of this session must not be compared with other years. */
  notComparable?: {
    reason: Text;
    /** The exam-session indicators concerned; absent: every exam-session (E) indicator. */
    examItems?: string[];
    /** Yearly (Y) indicators of the same school year that do not compare either. */
    yearItems?: string[];
  };
}

/** Since the 2015 session: ЕГЭ Russian 24 points, profile maths 27 points, basic maths «3»; ОГЭ «3». */
const REGULAR: Minimums = { ege_rus: 24, ege_math_prof: 27, ege_math_base: 3, oge_rus: 3, oge_math: 3 };
const NONE: Minimums = { ege_rus: null, ege_math_prof: null, ege_math_base: null, oge_rus: null, oge_math: null };

/** The yearly certificate indicators (1.14–1.17). */
const CERTIFICATES = ["no_cert_9", "no_cert_11", "honors_cert_9", "honors_cert_11"];

/** Sessions whose rules differ from REGULAR; every other session from 2014/15 on is regular. */
const SPECIAL: readonly ExamSession[] = [
  {
    startYear: 2013,
    // Minimums of 2014 are not recorded here (the checked facts start with 2015).
    minimum: NONE,
    notComparable: {
      reason: {
        ru: "ГИА-2014: ЕГЭ по математике — единый экзамен (деление на базовый и профильный уровни — с 2015 года)",
        en: "Exams 2014: EGE mathematics was a single exam (split into basic and profile levels from 2015)",
      },
      examItems: ["ege_math_avg", "ege_math_prof_avg", "ege_math_base_avg", "ege_math_below_min"],
    },
  },
  {
    startYear: 2019,
    minimum: NONE,
    notComparable: {
      reason: {
        ru: "ГИА-2020: ОГЭ отменены, ЕГЭ сдавали только поступающие в вузы, аттестаты выданы по годовым отметкам",
        en: "Exams 2020: the OGE was cancelled, only university applicants took the EGE, certificates were issued on annual marks",
      },
      yearItems: CERTIFICATES,
    },
  },
  {
    startYear: 2020,
    minimum: { ege_rus: 24, ege_math_prof: null, ege_math_base: null, oge_rus: 3, oge_math: 3 },
    notComparable: {
      reason: {
        ru: "ГИА-2021: ЕГЭ по русскому языку для аттестата — только у поступающих в вузы (остальные — ГВЭ-аттестат), профильная математика — только для поступления, базовая не проводилась; ОГЭ только по русскому языку и математике",
        en: "Exams 2021: the EGE in Russian counted for the certificate only for university applicants (others took the GVE), profile maths was for admission only, basic maths was not held; the OGE only in Russian and maths",
      },
    },
  },
];

/** The first school year whose session the table knows (2013/14: the June 2014 session). */
export const FIRST_EXAM_YEAR = 2013;

/** The session of a school year, or undefined before the data. */
export function examSession(startYear: number): ExamSession | undefined {
  if (!Number.isInteger(startYear) || startYear < FIRST_EXAM_YEAR) return undefined;
  return SPECIAL.find((s) => s.startYear === startYear) ?? { startYear, minimum: REGULAR };
}

/** The scale each exam result is given on. */
export const EXAM_SCALES: Readonly<Record<ExamSubject, { min: number; max: number }>> = {
  ege_rus: { min: 0, max: 100 },
  ege_math_prof: { min: 0, max: 100 },
  ege_math_base: { min: 2, max: 5 },
  oge_rus: { min: 2, max: 5 },
  oge_math: { min: 2, max: 5 },
};

/**
 * The certificate minimum of a subject in the session of the given school year; undefined when the
 * session had none (not held, or admission only) or is not recorded (before 2014/15).
 */
export function examMinimum(subject: ExamSubject, startYear: number): number | undefined {
  return examSession(startYear)?.minimum[subject] ?? undefined;
}

/** Exam sessions whose results must not be compared with other years, and why. */
export const NON_COMPARABLE_EXAM_YEARS: readonly { startYear: number; reason: Text }[] = SPECIAL.filter((s) => s.notComparable).map((s) => ({
  startYear: s.startYear,
  reason: s.notComparable!.reason,
}));

/** False for an exam session known to be incomparable for some of its results. */
export function isExamYearComparable(startYear: number): boolean {
  return !examSession(startYear)?.notComparable;
}

/**
 * Why the value of an indicator in a period (a period key) does not compare with other years, or
 * null when it does: exam-session items of a changed session, and the yearly items the session names.
 */
export function notComparableReason(indicatorId: string, period: string): Text | null {
  const p = parsePeriodKey(period);
  const ind = getIndicator(indicatorId);
  const nc = p && ind ? examSession(p.startYear)?.notComparable : undefined;
  if (!p || !ind || !nc) return null;
  if (p.kind === "E") return !nc.examItems || nc.examItems.includes(indicatorId) ? nc.reason : null;
  if (p.kind === "Y") return nc.yearItems?.includes(indicatorId) ? nc.reason : null;
  return null;
}
