/** The «Fill a report» form as plain data: defaults, the options it yields, and where each problem shows. */
import { validateReportOptions } from "../../core/layout/options";
import { OPTION_ERRORS, type QualityDenominator } from "../../core/layout/strings";
import { SECTIONS } from "../../core/catalog";
import { FIRST_SCHOOL_YEAR, PERIOD_KINDS, currentSchoolYear } from "../../core/periods";
import type { Lang, PeriodKind, SchoolLevel, SectionId, Text } from "../../core/types";
import type { InsertOptions } from "../commands";

export interface ReportForm {
  school: string;
  municipality: string;
  program: string;
  schoolYear: number;
  kinds: PeriodKind[];
  sections: SectionId[];
  qualityDenominator: QualityDenominator;
  sheetLang: Lang;
  /** The levels ticked; undefined until the user changes them (then «Паспорт» keeps its own, or all). */
  levels?: SchoolLevel[];
}

export const LEVEL_ORDER: readonly SchoolLevel[] = ["primary", "basic", "secondary"];

/** The levels the checkboxes show: the ticked ones, or all while untouched. */
export function shownLevels(f: ReportForm): SchoolLevel[] {
  return f.levels ?? [...LEVEL_ORDER];
}

export { currentSchoolYear };

/** Years offered in the picker: the next one down to 2013/14 (baselines and history), newest first. */
export function yearChoices(current: number): number[] {
  const out: number[] = [];
  for (let y = current + 1; y >= FIRST_SCHOOL_YEAR; y--) out.push(y);
  return out;
}

export const DEFAULT_KINDS: readonly PeriodKind[] = ["H1", "Y", "E"];

/** Sections offered: every report section but the base figures; optional ones (partnership, pupil context) start off. */
export const OFFERED_SECTIONS = SECTIONS.filter((s) => s.id !== "base");

export function defaultForm(today: Date, lang: Lang): ReportForm {
  return {
    school: "",
    municipality: "",
    program: "",
    schoolYear: currentSchoolYear(today),
    kinds: [...DEFAULT_KINDS],
    sections: OFFERED_SECTIONS.filter((s) => !s.optional).map((s) => s.id),
    qualityDenominator: "students_assessed",
    sheetLang: lang,
  };
}

/** Toggle a member of a list, keeping a canonical order. */
export function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return order.filter((x) => set.has(x));
}

export const KIND_ORDER = PERIOD_KINDS;
export const SECTION_ORDER: readonly SectionId[] = OFFERED_SECTIONS.map((s) => s.id);

export function formToOptions(f: ReportForm): InsertOptions {
  const trimmed = (s: string) => (s.trim() === "" ? undefined : s.trim());
  return {
    school: f.school.trim(),
    municipality: trimmed(f.municipality),
    program: trimmed(f.program),
    schoolYear: f.schoolYear,
    periods: f.kinds.map((kind) => ({ startYear: f.schoolYear, kind })),
    sections: [...f.sections],
    lang: f.sheetLang,
    qualityDenominator: f.qualityDenominator,
    ...(f.levels ? { levels: [...f.levels] } : {}),
  };
}

/** validateReportOptions's problems, placed by field: school, periods, or the form as a whole. */
export interface FormProblems {
  school?: Text;
  periods?: Text;
  other: Text[];
}

export function formProblems(f: ReportForm, today: Date = new Date()): FormProblems {
  const out: FormProblems = { other: [] };
  for (const p of validateReportOptions(formToOptions(f), today)) {
    if (p === OPTION_ERRORS.emptySchool) out.school = p;
    else if (p === OPTION_ERRORS.noPeriods) out.periods = p;
    else out.other.push(p);
  }
  return out;
}

export function hasProblems(p: FormProblems): boolean {
  return Boolean(p.school || p.periods || p.other.length);
}
