/**
 * Which schools and periods a consolidation takes, by data rather than by columns: template files
 * carry every period's columns, so a period counts as reported by a school only where the school
 * has a result in it (denominators alone do not count, unless no school has any result). Files
 * without any value, and schools of a school year other than the majority's, are set apart.
 */
import { isDenominator } from "../denominators";
import { comparePeriods, parsePeriodKey, periodKey } from "../periods";
import type { ReportData } from "../report";
import type { Period } from "../types";

/** Keys of the periods where the report holds a value (a number or «–»): of a result, or of any indicator. */
export function dataPeriodKeys(report: ReportData, withDenominators = false): Set<string> {
  const keys = new Set<string>();
  for (const [id, byKey] of Object.entries(report.data.observations)) {
    if (!withDenominators && isDenominator(id)) continue;
    for (const [k, o] of Object.entries(byKey)) if (o.value.kind === "number" || o.value.kind === "na") keys.add(k);
  }
  return keys;
}

/** The school year of a report: the passport's, else the latest year it has data in; null without data. */
export function schoolYearOf(report: ReportData, keys: Set<string> = dataPeriodKeys(report)): number | null {
  if (report.schoolYear !== null) return report.schoolYear;
  let year: number | null = null;
  for (const k of keys) {
    const p = parsePeriodKey(k);
    if (p && (year === null || p.startYear > year)) year = p.startYear;
  }
  return year;
}

export type Exclusion = { reason: "noData" } | { reason: "otherYear"; year: number; majority: number };

export interface Selection {
  /** Per report: null when taken, else why it is set apart. */
  excluded: (Exclusion | null)[];
  /** The school year most schools with data have (ties → the latest); null without data. */
  year: number | null;
  /** Periods the taken schools have data in, chronological, with how many schools each. */
  periods: { period: Period; schools: number }[];
}

export function selectSchools(reports: ReportData[]): Selection {
  const results = reports.map((r) => dataPeriodKeys(r));
  const any = reports.map((r) => dataPeriodKeys(r, true));
  const years = reports.map((r, i) => (any[i].size ? schoolYearOf(r, results[i].size ? results[i] : any[i]) : null));
  const votes = new Map<number, number>();
  for (const y of years) if (y !== null) votes.set(y, (votes.get(y) ?? 0) + 1);
  let year: number | null = null;
  for (const [y, n] of votes) if (year === null || n > votes.get(year)! || (n === votes.get(year)! && y > year)) year = y;
  const excluded = reports.map((_, i): Exclusion | null => {
    if (!any[i].size) return { reason: "noData" };
    const y = years[i];
    if (y !== null && year !== null && y !== year) return { reason: "otherYear", year: y, majority: year };
    return null;
  });
  const count = (keys: Set<string>[]) => {
    const counts = new Map<string, number>();
    keys.forEach((ks, i) => {
      if (excluded[i]) return;
      for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
    });
    return counts;
  };
  let counts = count(results);
  // Only rolls and graduates filled anywhere: periods by them rather than none.
  if (!counts.size) counts = count(any);
  const periods = [...counts.entries()]
    .map(([k, n]) => ({ period: parsePeriodKey(k), schools: n }))
    .filter((p): p is { period: Period; schools: number } => p.period !== null)
    .sort((a, b) => comparePeriods(a.period, b.period));
  return { excluded, year, periods };
}

/** Whether the report has any value in the period. */
export function hasDataIn(report: ReportData, period: Period): boolean {
  return dataPeriodKeys(report, true).has(periodKey(period));
}
