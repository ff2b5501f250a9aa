/**
 * The «Данные» sheet: one tidy row per school × period × indicator with a value, for PivotTables
 * and Power Query. Kept compact (arrays, not PlanCell objects): 1,000 schools × every indicator ×
 * 8 periods is about half a million rows.
 */
import { CATALOG, isShareLike, unitLabel } from "../catalog";
import { comparePeriods, formatPeriod, formatSchoolYear, periodKey } from "../periods";
import type { ReportData } from "../report";
import type { Lang, Text } from "../types";
import { figureOf } from "./figures";

export const DATA_SHEET_NAME: Text = { ru: "Данные", en: "Data" };

export const DATA_COLUMNS: { id: string; title: Text; format: string; hidden?: true }[] = [
  { id: "school", title: { ru: "Школа", en: "School" }, format: "General" },
  { id: "schoolYear", title: { ru: "Учебный год", en: "School year" }, format: "@" },
  { id: "period", title: { ru: "Период", en: "Period" }, format: "@" },
  { id: "periodKey", title: { ru: "Код периода", en: "Period key" }, format: "@", hidden: true },
  { id: "indicator", title: { ru: "Код показателя", en: "Indicator id" }, format: "@", hidden: true },
  { id: "name", title: { ru: "Показатель", en: "Indicator" }, format: "General" },
  { id: "value", title: { ru: "Значение", en: "Value" }, format: "General" },
  { id: "count", title: { ru: "Численность", en: "Count" }, format: "0" },
  { id: "denominator", title: { ru: "Знаменатель", en: "Denominator" }, format: "0" },
  { id: "unit", title: { ru: "Ед. изм.", en: "Unit" }, format: "General" },
];

export type DataCell = string | number | null;

export interface TidyTable {
  header: string[];
  rows: DataCell[][];
  /** Excel number format per column. */
  formats: string[];
  /** Number format of each row's value cell: shares in percent («0.0%»), counts whole, others as typed. */
  valueFormats: string[];
}

/** Columns (1-based) of machine codes: kept for PivotTables and Power Query, hidden from screen and paper. */
export const DATA_HIDDEN_COLS = DATA_COLUMNS.flatMap((c, i) => (c.hidden ? [i + 1] : []));

/** The column of the value (1-based), formatted per row by `valueFormats`. */
export const DATA_VALUE_COL = DATA_COLUMNS.findIndex((c) => c.id === "value") + 1;

/** «0.0%» for a share (Ч/УВ and plain shares), «0» for a count, «General» otherwise. */
export function valueFormatOf(ind: (typeof CATALOG)[number]): string {
  if (isShareLike(ind)) return "0.0%";
  return ind.unit.kind === "count" ? "0" : "General";
}

/** «–» in the value column marks "not applicable"; numbers are shares 0…1 for Ч/УВ. */
export function tidyTable(schools: { name: string; report: ReportData }[], lang: Lang): TidyTable {
  const rows: DataCell[][] = [];
  const valueFormats: string[] = [];
  const names = CATALOG.map((i) => ({ ind: i, name: i.short[lang], unit: unitLabel(i.unit, lang), format: valueFormatOf(i) }));
  for (const { name, report } of schools) {
    const periods = [...report.periods].sort(comparePeriods);
    for (const p of periods) {
      const key = periodKey(p);
      const label = formatPeriod(p, lang, "short");
      const year = formatSchoolYear(p.startYear);
      for (const { ind, name: indName, unit, format } of names) {
        if (!report.data.observations[ind.id]?.[key]) continue;
        const f = figureOf(report, ind, key);
        if (f.value === null && !f.na && f.count === null) continue;
        rows.push([name, year, label, key, ind.id, indName, f.na ? "–" : f.value, f.count, f.denominator, unit]);
        valueFormats.push(format);
      }
    }
  }
  return { header: DATA_COLUMNS.map((c) => c.title[lang]), rows, formats: DATA_COLUMNS.map((c) => c.format), valueFormats };
}
