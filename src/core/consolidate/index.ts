/**
 * Municipal consolidation (pure): schools' reports → «Свод» for one period, the tidy «Данные»
 * table, and findings. Files that could not be read arrive as findings and are listed; every
 * other school is consolidated.
 */
import { runChecks } from "../checks";
import { formatPeriod, formatSchoolYear, periodKey } from "../periods";
import type { SheetPlan } from "../plan";
import type { ReportData } from "../report";
import type { Lang, Period, Target, Text } from "../types";
import { tidyTable, type TidyTable } from "./data";
import { figuresFor } from "./figures";
import { buildSummarySheet } from "./summary";
import { maxOf } from "../arrays";
import { hasDataIn, selectSchools, type Exclusion } from "./selection";

export * from "./figures";
export * from "./data";
export * from "./summary";
export * from "./selection";

export interface ConsolidationSource {
  label: string;
  report: ReportData;
}

export type ConsolidationFindingCode = "file" | "duplicate" | "noData" | "otherYear" | "noPeriod" | "check";

export interface ConsolidationFinding {
  label: string;
  code: ConsolidationFindingCode;
  message: Text;
}

export interface ConsolidateOptions {
  /** The period of «Свод»; null: the latest period most schools have data in. */
  period: Period | null;
  lang: Lang;
  targets: Target[];
  /** The sheet name «Свод» gets. */
  summaryName: string;
  /** Findings from reading the files (passed through, listed first). */
  sourceFindings?: ConsolidationFinding[];
}

export interface Consolidation {
  period: Period;
  /** Periods the consolidated schools have data in, chronological, with how many schools each. */
  periods: { period: Period; schools: number }[];
  /** School names in column order (duplicates, files without data and of another school year dropped). */
  schools: string[];
  summary: SheetPlan;
  data: TidyTable;
  findings: ConsolidationFinding[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The periods the schools have data in, with their counts (files without data and of a school
 * year other than the majority's left out); the default is the latest most schools filled.
 */
export function periodsOfSchools(reports: ReportData[]): { period: Period; schools: number }[] {
  return selectSchools(reports).periods;
}

export function defaultPeriod(periods: { period: Period; schools: number }[]): Period | null {
  const max = maxOf(periods.map((p) => p.schools), 0);
  const best = periods.filter((p) => p.schools === max && max > 0);
  return best.length ? best[best.length - 1].period : null;
}

/** Null when there is no school with any period to consolidate. */
export function consolidate(sources: ConsolidationSource[], o: ConsolidateOptions): Consolidation | null {
  const findings: ConsolidationFinding[] = [...(o.sourceFindings ?? [])];
  const seen = new Map<string, string>();
  const kept: ConsolidationSource[] = [];
  for (const s of sources) {
    const name = s.report.school || s.label;
    const k = norm(name);
    const first = seen.get(k);
    if (first !== undefined) {
      findings.push({
        label: s.label,
        code: "duplicate",
        message: {
          ru: `«${s.label}»: школа «${name}» уже взята из «${first}»; этот файл не сведён. Уберите лишний файл или исправьте название школы в «Паспорте».`,
          en: `«${s.label}»: school «${name}» already comes from «${first}»; this file was not consolidated. Remove the extra file or fix the school name in the passport.`,
        },
      });
      continue;
    }
    seen.set(k, s.label);
    kept.push(s);
  }
  const selection = selectSchools(kept.map((s) => s.report));
  const taken: ConsolidationSource[] = [];
  kept.forEach((s, i) => {
    const ex = selection.excluded[i];
    if (ex) findings.push(exclusionFinding(s, ex));
    else taken.push(s);
  });
  const reports = taken.map((s) => s.report);
  const periods = selection.periods;
  const period = o.period ?? defaultPeriod(periods);
  if (!period || !taken.length) return null;
  const key = periodKey(period);
  const lang = o.lang;
  const names = taken.map((s) => s.report.school || s.label);
  taken.forEach((s, i) => {
    if (!hasDataIn(s.report, period))
      findings.push({
        label: s.label,
        code: "noPeriod",
        message: {
          ru: `«${names[i]}»: нет данных за период «${formatPeriod(period, "ru")}» — столбец школы пуст.`,
          en: `«${names[i]}»: no data for ${formatPeriod(period, "en")} — the school's column is empty.`,
        },
      });
    for (const f of runChecks(s.report.data)) {
      if (f.severity !== "error" || (f.period !== undefined && f.period !== key)) continue;
      findings.push({ label: s.label, code: "check", message: { ru: `«${names[i]}»: ${f.message.ru}`, en: `«${names[i]}»: ${f.message.en}` } });
    }
  });
  const figures = figuresFor(reports, period);
  const summary = buildSummarySheet({
    name: o.summaryName,
    lang,
    period,
    schools: names,
    figures,
    targets: o.targets,
    findings: findings.map((f) => f.message),
  });
  const data = tidyTable(taken.map((s, i) => ({ name: names[i], report: s.report })), lang);
  return { period, periods, schools: names, summary, data, findings };
}

function exclusionFinding(s: ConsolidationSource, ex: Exclusion): ConsolidationFinding {
  const name = s.report.school || s.label;
  if (ex.reason === "noData")
    return {
      label: s.label,
      code: "noData",
      message: {
        ru: `«${name}» (${s.label}): в файле нет данных ни за один период — школа не включена в свод. Проверьте, тот ли это файл.`,
        en: `«${name}» (${s.label}): the file has no data for any period — the school is not in the summary. Check that it is the right file.`,
      },
    };
  const y = formatSchoolYear(ex.year);
  const m = formatSchoolYear(ex.majority);
  return {
    label: s.label,
    code: "otherYear",
    message: {
      ru: `«${name}» (${s.label}): отчёт за ${y} учебный год, а у большинства школ — за ${m}; школа не включена в свод. Попросите у школы отчёт за ${m}.`,
      en: `«${name}» (${s.label}): the report is for the ${y} school year, while most schools report ${m}; the school is not in the summary. Ask the school for its ${m} report.`,
    },
  };
}
