/**
 * The shared vocabulary of the domain core. Pure data types only: no Office, no React, no DOM.
 * Every other module of src/core builds on these; change them deliberately.
 */

export type Lang = "ru" | "en";

/** A user-facing text in both languages. */
export interface Text {
  ru: string;
  en: string;
}

/** 1: higher is better; -1: lower is better; 0: neutral (shown, never judged). */
export type Polarity = 1 | 0 | -1;

export type SectionId = "base" | "subject" | "staff" | "facilities" | "methods" | "partnership" | "context";

/** Levels of general education a school may have: НОО (grades 1–4), ООО (5–9), СОО (10–11). */
export type SchoolLevel = "primary" | "basic" | "secondary";

/** Q quarter, H half-year, Y school year, E exam session (once a year). */
export type Periodicity = "Q" | "H" | "Y" | "E";

export type Unit =
  /** A plain count of people or items (denominators, ВсОШ participants). */
  | { kind: "count" }
  /**
   * Ч/УВ: a count and its share of a denominator. `denominator` lists indicator ids whose sum is
   * the denominator (usually one). `choices`, when present, are the alternative denominators a
   * school may pick instead (quality_4_5: students_assessed or students_total).
   */
  | { kind: "countShare"; denominator: string[]; choices?: string[] }
  /** An average score on a closed scale, e.g. 2–5 (ОГЭ marks) or 0–100 (ЕГЭ points). */
  | { kind: "average"; min: number; max: number }
  /** An amount per student: units (computers, books; the default) or square metres. Non-negative. */
  | { kind: "ratio"; measure?: "units" | "sqm" }
  /** Yes / no, stored as 1 / 0. */
  | { kind: "yesNo" }
  /** A plain share 0…1 without a count (events_done_share). */
  | { kind: "share" };

export type UnitKind = Unit["kind"];

export interface Indicator {
  /** Stable ASCII id, e.g. "quality_4_5". Never changes once published. */
  id: string;
  /** Official number inside its section, e.g. "1.1", "1.15.1"; "" for denominators. */
  number: string;
  section: SectionId;
  /** Full official wording. */
  name: Text;
  /** Short label for narrow places (charts, task pane). */
  short: Text;
  unit: Unit;
  polarity: Polarity;
  periodicity: Periodicity[];
  /** Where the indicator comes from, e.g. "Приказ Минобрнауки № 1324, прил. 2, п. 1.1". */
  source: string;
  /** The id of the total this row is a part of («в т. ч.»). */
  parent?: string;
  /** A target implied by the program (e.g. staff_fgos_pd: 1 = 100 %). */
  impliedTarget?: number;
  /**
   * A program's item: the number of the official 1324 item it adapts or adds to (ege_math_prof_avg
   * «1.9п» adapts «1.9»). Absent for official items and for the program's own indicators («М…», «5.n»).
   */
  adapts?: string;
  /** The item applies only to a school with one of these levels (ЕГЭ: secondary). Absent: every school. */
  levels?: SchoolLevel[];
}

export type PeriodKind = "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" | "Y" | "E";

/** A reporting period inside a school year; `startYear` 2023 means the school year 2023/24. */
export interface Period {
  startYear: number;
  kind: PeriodKind;
}

/** What a cell or an input holds once understood. */
export type Value =
  | { kind: "number"; value: number }
  /** «–», «-», «н/п»: the item cannot apply. Different from 0 and from "not filled". */
  | { kind: "na" }
  /** Nothing typed yet. */
  | { kind: "empty" }
  | { kind: "error"; message: Text };

/** Excel-facing error codes a calculation may produce. */
export type ErrorCode = "value" | "div0" | "na";

export interface CalcError {
  code: ErrorCode;
  message: Text;
}

/** A calculation result: never thrown, always returned. `value: null` means "blank" (missing data). */
export type Calc<T> = { ok: true; value: T } | { ok: false; error: CalcError };

/** 1 improved / met, 0 unchanged / at risk, -1 worsened / missed. */
export type Judgement = 1 | 0 | -1;

export type Direction = "atLeast" | "atMost";

export interface Milestone {
  period: Period;
  value: number;
}

export interface Target {
  indicatorId: string;
  value: number;
  direction: Direction;
  deadline: Period;
  milestones: Milestone[];
  /** How far short of the target still counts as "at risk" rather than "missed" (same unit). */
  margin: number;
}

export type Severity = "error" | "warning" | "info";

/** A data-quality finding of the consistency checks. */
export interface Finding {
  /** Stable rule id, e.g. "share_mismatch", "part_exceeds_whole". */
  rule: string;
  indicatorId: string;
  /** periodKey() of the period concerned, when the finding is about one period. */
  period?: string;
  severity: Severity;
  message: Text;
  school?: string;
  /** Other indicators whose values (same period) the finding shows to be impossible, e.g. a breakdown above its whole. */
  involves?: string[];
  /** A finding grouped over several indicators for one cause: all of them, indicatorId first. */
  indicators?: string[];
}

/**
 * One indicator in one period as reported by a school. For countShare indicators `value` is the
 * count and `printedShare` the share as the report printed it (if it printed one); for every other
 * unit `value` is the value itself.
 */
export interface Observation {
  value: Value;
  printedShare?: Value;
  /** The denominator id the report actually used for this share, if it says so. */
  denominatorUsed?: string;
}

/** A school's report: indicator id → periodKey → observation. */
export interface SchoolData {
  school: string;
  /** Which denominator the school uses for quality_4_5 (from the «Паспорт» sheet). */
  qualityDenominator?: string;
  observations: Record<string, Record<string, Observation>>;
  /** What the school teaches, when known: used to tell "not applicable" from a wrong value. */
  grades?: { has9?: boolean; has11?: boolean };
  /** The levels the school has («Паспорт»); absent: unknown, every item applies. */
  levels?: SchoolLevel[];
  /** Exam years (by startYear of the school year) whose results are not comparable. */
  nonComparableExamYears?: number[];
}
