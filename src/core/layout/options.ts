/** Report options and their validation (before any write). */

import type { Lang, Period, SchoolLevel, SectionId, Text } from "../types";
import { FIRST_SCHOOL_YEAR, formatSchoolYear, isAllowedSchoolYear, isPeriod, lastSchoolYear } from "../periods";
import type { ExistingReport } from "./existing";
import { OPTION_ERRORS, SCHOOL_LEVELS, fill, type QualityDenominator } from "./strings";

export interface ReportOptions {
  school: string;
  municipality?: string;
  program?: string;
  /** Start year of the school year: 2023 for 2023/24. */
  schoolYear: number;
  periods: Period[];
  /** Sections to insert; "base" and the passport are always inserted. */
  sections: SectionId[];
  lang: Lang;
  qualityDenominator?: QualityDenominator;
  /** The levels of education the school has (НОШ: primary; ООШ: primary, basic; СОШ: all). Absent: keep «Паспорт»'s, else all. */
  levels?: SchoolLevel[];
  /** What our sheets already hold (read by src/excel or src/xlsx before re-inserting). */
  existing?: ExistingReport;
  /** The blank template for schools without the add-in may leave the school empty. */
  allowEmptySchool?: boolean;
}

export const REPORT_SECTIONS: readonly SectionId[] = ["subject", "staff", "facilities", "methods", "partnership", "context"];

/** Thrown by buildReportPlan for invalid options; call validateReportOptions first to avoid it. */
export class ReportOptionsError extends Error {
  constructor(readonly messages: Text[]) {
    super(messages.map((m) => m.en).join(" "));
    this.name = "ReportOptionsError";
  }
}

/**
 * All problems of the options, as ru/en messages; [] when they are fine. Never throws. School years
 * (of the report and of its periods) run from 2013/14 to the one after `today`'s.
 */
export function validateReportOptions(o: ReportOptions, today: Date = new Date()): Text[] {
  const errors: Text[] = [];
  if (!o || typeof o !== "object") return [OPTION_ERRORS.emptySchool];
  const validYear = (y: unknown) => isAllowedSchoolYear(y, today);
  if (!o.allowEmptySchool && (typeof o.school !== "string" || o.school.trim() === "")) errors.push(OPTION_ERRORS.emptySchool);
  if (!validYear(o.schoolYear)) {
    const vars = { first: formatSchoolYear(FIRST_SCHOOL_YEAR), last: formatSchoolYear(lastSchoolYear(today)) };
    errors.push({ ru: fill(OPTION_ERRORS.badYear.ru, vars), en: fill(OPTION_ERRORS.badYear.en, vars) });
  }
  if (!Array.isArray(o.periods) || o.periods.length === 0) errors.push(OPTION_ERRORS.noPeriods);
  else {
    for (const p of o.periods) {
      if (!isPeriod(p) || !validYear(p.startYear)) {
        const shown = JSON.stringify(p) ?? String(p);
        errors.push({ ru: fill(OPTION_ERRORS.badPeriod.ru, { period: shown }), en: fill(OPTION_ERRORS.badPeriod.en, { period: shown }) });
        break;
      }
    }
  }
  for (const s of Array.isArray(o.sections) ? o.sections : []) {
    if (s !== "base" && !REPORT_SECTIONS.includes(s)) {
      errors.push({ ru: fill(OPTION_ERRORS.badSection.ru, { section: String(s) }), en: fill(OPTION_ERRORS.badSection.en, { section: String(s) }) });
    }
  }
  if (o.lang !== "ru" && o.lang !== "en") errors.push(OPTION_ERRORS.badLang);
  if (o.levels !== undefined && (!Array.isArray(o.levels) || o.levels.length === 0 || o.levels.some((l) => !SCHOOL_LEVELS.includes(l)))) {
    errors.push(OPTION_ERRORS.noLevels);
  }
  if (o.qualityDenominator !== undefined && o.qualityDenominator !== "students_assessed" && o.qualityDenominator !== "students_total") {
    errors.push(OPTION_ERRORS.badDenominator);
  }
  return errors;
}
