/**
 * Municipal consolidation (pure): schools' reports → «Свод» for one or several periods side by
 * side, the tidy «Данные» table (every period), and findings. Files that could not be read arrive as findings and are listed; every
 * other school is consolidated.
 */
import { runChecks } from "../checks";
import { IMPOSSIBLE_RULES, impossibleData, type ImpossibleData } from "../judge";
import { comparePeriods, formatPeriod, formatSchoolYear, periodKey } from "../periods";
import type { SheetPlan } from "../plan";
import type { ReportData } from "../report";
import type { Lang, Period, Target, Text } from "../types";
import { tidyTable, type TidyTable } from "./data";
import { figuresFor } from "./figures";
import { buildSummarySheet } from "./summary";
import { maxOf } from "../arrays";
import { hasDataIn, selectSchools, type Exclusion } from "./selection";
import { invalidFindings } from "./invalid";
import { changePairs } from "./change";

export * from "./figures";
export * from "./data";
export * from "./summary";
export * from "./columns";
export * from "./selection";
export * from "./invalid";
export * from "./change";

export interface ConsolidationSource {
  label: string;
  report: ReportData;
}

export type ConsolidationFindingCode = "file" | "duplicate" | "noData" | "otherYear" | "noPeriod" | "invalid" | "check";

export interface ConsolidationFinding {
  label: string;
  code: ConsolidationFindingCode;
  message: Text;
}

export interface ConsolidateOptions {
  /**
   * The period(s) of «Свод», side by side in chronological order; null or none: the latest period
   * most schools have data in.
   */
  period: Period | readonly Period[] | null;
  lang: Lang;
  targets: Target[];
  /** The sheet name «Свод» gets. */
  summaryName: string;
  /** Findings from reading the files (passed through, listed first). */
  sourceFindings?: ConsolidationFinding[];
}

export interface Consolidation {
  /** The latest chosen period. */
  period: Period;
  /** Every chosen period, chronological (the column blocks of «Свод»). */
  chosen: Period[];
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
  const chosen = choosePeriods(o.period, periods);
  if (!chosen.length || !taken.length) return null;
  const keys = new Set(chosen.map(periodKey));
  const lang = o.lang;
  const names = taken.map((s) => s.report.school || s.label);
  const impossible: ImpossibleData[] = [];
  taken.forEach((s, i) => {
    for (const period of chosen) {
      if (hasDataIn(s.report, period)) continue;
      findings.push({
        label: s.label,
        code: "noPeriod",
        message: {
          ru: `«${names[i]}»: нет данных за период «${formatPeriod(period, "ru")}» — столбец школы пуст.`,
          en: `«${names[i]}»: no data for ${formatPeriod(period, "en")} — the school's column is empty.`,
        },
      });
    }
    const checks = runChecks(s.report.data);
    impossible.push(impossibleData(s.report, checks));
    findings.push(...invalidFindings(s.label, names[i], checks, impossible[i], chosen));
    for (const f of checks) {
      if (f.severity !== "error" || IMPOSSIBLE_RULES.has(f.rule) || (f.period !== undefined && !keys.has(f.period))) continue;
      findings.push({ label: s.label, code: "check", message: { ru: `«${names[i]}»: ${f.message.ru}`, en: `«${names[i]}»: ${f.message.en}` } });
    }
  });
  const summary = buildSummarySheet({
    name: o.summaryName,
    lang,
    blocks: chosen.map((period) => ({ period, figures: figuresFor(reports, period, impossible) })),
    changes: changePairs(chosen),
    schools: names,
    targets: o.targets,
    findings: findings.map((f) => f.message),
  });
  const data = tidyTable(taken.map((s, i) => ({ name: names[i], report: s.report })), lang);
  return { period: chosen[chosen.length - 1], chosen, periods, schools: names, summary, data, findings };
}

/** The chosen periods, chronological and without repeats; none given: the automatic one. */
export function choosePeriods(given: Period | readonly Period[] | null, periods: { period: Period; schools: number }[]): Period[] {
  const list: readonly Period[] = given === null ? [] : Array.isArray(given) ? given : [given as Period];
  const seen = new Set<string>();
  const out = list.filter((p) => !seen.has(periodKey(p)) && seen.add(periodKey(p))).sort(comparePeriods);
  if (out.length) return out;
  const auto = defaultPeriod(periods);
  return auto ? [auto] : [];
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
