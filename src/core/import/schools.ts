/**
 * A municipal table (rows = indicators, columns = schools: «МБОУ СОШ № 1», «СОШ № 5», «Школа 12»)
 * → one consolidation source per school column, as if each school's column had been imported into
 * its own sheet set and read back: the same recognition, readings, derived denominators and counts
 * as planImport (one plan per school column), values typed as the sheets would hold them. Columns
 * that are not schools are left out. Pure; never throws.
 */
import { getIndicator } from "../catalog";
import { runChecks } from "../checks";
import { figureOf } from "../consolidate/figures";
import { comparePeriods, parsePeriodKey, periodKey } from "../periods";
import type { ReportData } from "../report";
import type { Indicator, Observation, Period } from "../types";
import { parseValue } from "../values";
import { tableShape, type TableShape, type ValueColumn } from "./columns";
import { MAX_IMPORT_COLS, MAX_IMPORT_ROWS, planImport } from "./plan";
import type { ImportFinding, ImportGrid, ImportOptions, ImportPlan } from "./types";

export interface SchoolColumn {
  /** 0-based column of the grid. */
  col: number;
  /** The header as written: the school's name and the source's label. */
  label: string;
  /** The single-school plan of this column (the other columns left out). */
  plan: ImportPlan;
  /** What a consolidation takes. */
  source: { label: string; report: ReportData };
}

export interface SchoolFinding extends ImportFinding {
  /** The school column's label. */
  school: string;
}

export interface SchoolsImport {
  shape: TableShape | null;
  schools: SchoolColumn[];
  /** Value columns that are not schools (left out). */
  ignored: ValueColumn[];
  /** Every school's findings, labelled, school by school. */
  findings: SchoolFinding[];
}

/** The school columns of a table (a share column beside a school's column belongs to it). */
export function schoolColumns(shape: TableShape | null): ValueColumn[] {
  return (shape?.columns ?? []).filter((c) => c.meaning.kind === "school" && c.shareOf === undefined);
}

/** How many school columns a grid has (for the pane's offer). */
export function countSchoolColumns(grid: ImportGrid, year: number | null): number {
  return schoolColumns(tableShape(cut(grid), year)).length;
}

const cut = (input: ImportGrid): ImportGrid =>
  (Array.isArray(input) ? input : []).slice(0, MAX_IMPORT_ROWS).map((r) => (Array.isArray(r) ? r.slice(0, MAX_IMPORT_COLS) : []));

/** What the school's sheets would hold after the import of its column, read as the report reader reads it. */
function reportOf(name: string, plan: ImportPlan, o: ImportOptions): ReportData {
  const report: ReportData = { school: name, schoolYear: o.period.startYear, periods: [], data: { school: name, observations: {} }, cells: {}, judged: {}, sheets: {} };
  if (o.levels) report.data.levels = o.levels;
  if (o.qualityDenominator) report.data.qualityDenominator = o.qualityDenominator;
  const periods = new Map<string, Period>();
  for (const r of plan.rows) {
    const ind = getIndicator(r.indicatorId) as Indicator;
    for (const v of r.values) {
      if (v.write === null || !v.period) continue;
      const byKey = (report.data.observations[ind.id] ??= {});
      // The first row of a repeated item is the one written (planImport skips the others).
      if (byKey[v.period]) continue;
      // Typed as the sheet's cell holds it: a share's input cell is formatted as percent.
      const value = parseValue(v.write, ind.unit, { percentCell: ind.unit.kind === "share" });
      if (value.kind !== "number" && value.kind !== "na") continue;
      const obs: Observation = { value };
      if (ind.id === "quality_4_5" && o.qualityDenominator) obs.denominatorUsed = o.qualityDenominator;
      byKey[v.period] = obs;
      periods.set(v.period, parsePeriodKey(v.period) as Period);
    }
  }
  report.periods = [...periods.values()].sort(comparePeriods);
  // The judged values the sheets' formulas would compute (shares = count / denominator).
  for (const [id, byKey] of Object.entries(report.data.observations)) {
    const ind = getIndicator(id) as Indicator;
    for (const key of Object.keys(byKey)) {
      const f = figureOf(report, ind, key);
      if (f.value !== null && Number.isFinite(f.value)) (report.judged[id] ??= {})[key] = f.value;
    }
  }
  return report;
}

/** The sources of a table whose value columns are schools; `o.period` is where every school's values go. */
export function schoolSources(input: ImportGrid, o: ImportOptions): SchoolsImport {
  const grid = cut(input);
  const shape = tableShape(grid, o.period.startYear);
  const cols = schoolColumns(shape);
  const chosen = periodKey(o.period);
  const schools: SchoolColumn[] = [];
  const findings: SchoolFinding[] = [];
  for (const c of cols) {
    // This school's column alone; a share column beside it follows it (planImport).
    const columns: Record<number, string | null> = {};
    for (const x of shape?.columns ?? []) columns[x.col] = x.col === c.col ? chosen : null;
    const plan = planImport(grid, { ...o, columns });
    const label = c.meaning.kind === "school" ? c.meaning.name : c.header;
    schools.push({ col: c.col, label, plan, source: { label, report: reportOf(label, plan, o) } });
    for (const f of plan.findings) {
      findings.push({ ...f, school: label, message: { ru: `«${label}»: ${f.message.ru}`, en: `«${label}»: ${f.message.en}` } });
    }
  }
  const ignored = (shape?.columns ?? []).filter((c) => c.meaning.kind !== "school" && c.shareOf === undefined);
  return { shape, schools, ignored, findings };
}

/**
 * The findings «Свод» should list besides its own: warnings and errors that only the printed table
 * shows (a printed share ≠ count / denominator, denominators that differ …); those the
 * consolidation's checks find again in the school's figures (a part above its whole) are left to it.
 */
export function findingsForSummary(imp: SchoolsImport): SchoolFinding[] {
  const again = new Map<string, Set<string>>();
  for (const s of imp.schools) again.set(s.label, new Set(runChecks(s.source.report.data).map((f) => `${f.rule}|${f.indicatorId}`)));
  return imp.findings.filter((f) => f.severity !== "info" && !again.get(f.school)?.has(`${f.rule}|${f.indicatorId}`));
}
