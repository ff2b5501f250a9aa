/**
 * Municipal consolidation (pure): schools' reports → «Свод» for one period, the tidy «Данные»
 * table, and findings. Files that could not be read arrive as findings and are listed; every
 * other school is consolidated.
 */
import { runChecks } from "../checks";
import { comparePeriods, formatPeriod, parsePeriodKey, periodKey } from "../periods";
import type { SheetPlan } from "../plan";
import type { ReportData } from "../report";
import type { Lang, Period, Target, Text } from "../types";
import { tidyTable, type TidyTable } from "./data";
import { figuresFor } from "./figures";
import { buildSummarySheet } from "./summary";

export * from "./figures";
export * from "./data";
export * from "./summary";

export interface ConsolidationSource {
  label: string;
  report: ReportData;
}

export type ConsolidationFindingCode = "file" | "duplicate" | "noPeriod" | "check";

export interface ConsolidationFinding {
  label: string;
  code: ConsolidationFindingCode;
  message: Text;
}

export interface ConsolidateOptions {
  /** The period of «Свод»; null: the latest period most schools report. */
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
  /** Periods any school reports, chronological, with how many schools report each. */
  periods: { period: Period; schools: number }[];
  /** School names in column order (duplicates dropped). */
  schools: string[];
  summary: SheetPlan;
  data: TidyTable;
  findings: ConsolidationFinding[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** The periods of the schools with their counts; the default is the latest reported by most schools. */
export function periodsOfSchools(reports: ReportData[]): { period: Period; schools: number }[] {
  const counts = new Map<string, number>();
  for (const r of reports) for (const p of r.periods) counts.set(periodKey(p), (counts.get(periodKey(p)) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => ({ period: parsePeriodKey(k) as Period, schools: n })).sort((a, b) => comparePeriods(a.period, b.period));
}

export function defaultPeriod(periods: { period: Period; schools: number }[]): Period | null {
  const max = periods.reduce((m, p) => Math.max(m, p.schools), 0);
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
  const reports = kept.map((s) => s.report);
  const periods = periodsOfSchools(reports);
  const period = o.period ?? defaultPeriod(periods);
  if (!period) return null;
  const key = periodKey(period);
  const lang = o.lang;
  const names = kept.map((s) => s.report.school || s.label);
  kept.forEach((s, i) => {
    if (!s.report.periods.some((p) => periodKey(p) === key))
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
  const data = tidyTable(kept.map((s, i) => ({ name: names[i], report: s.report })), lang);
  return { period, periods, schools: names, summary, data, findings };
}
