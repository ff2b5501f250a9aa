/**
 * What src/excel reads from our sheets, turned into domain data: the school, its periods, a
 * SchoolData for the consistency checks, and per indicator and period the value that is judged
 * against targets (the share for Ч/УВ indicators, the value itself otherwise) with its cell.
 * Pure; never throws.
 */
import { cellAt, gridCols, gridRows, type Grid } from "./cells";
import { CATALOG, getIndicator } from "./catalog";
import { LAYOUT, PASSPORT } from "./layout/grid";
import { parseAnyMarker } from "./layout/markers";
import { levelsFromFields, parseQualityDenominator } from "./layout/strings";
import type { SheetKind } from "./plan";
import { comparePeriods, parsePeriodKey, parseSchoolYear, periodKey } from "./periods";
import type { SeriesPoint } from "./targets";
import type { Indicator, Observation, Period, SchoolData } from "./types";
import { parseValue } from "./values";

/** One of our sheets as read: `values` (computed) and `formulas` (as typed), both from A1. */
export interface ReadSheet {
  name: string;
  kind: SheetKind;
  values: unknown[][];
  formulas: unknown[][];
}

/** One of our sheets as the report reader takes it: dense grids (Office) or sparse cells (files). */
export interface ReportSheet {
  name: string;
  kind: SheetKind;
  values: Grid;
  formulas: Grid;
}

/** A cell of an indicator sheet (1-based). */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface ReportData {
  school: string;
  schoolYear: number | null;
  /** Every period found on the indicator sheets, chronological. */
  periods: Period[];
  data: SchoolData;
  /** Indicator id → period key → the judged cell (share cell for Ч/УВ). */
  cells: Record<string, Record<string, CellRef>>;
  /** Indicator id → period key → the judged number (shares 0…1); only numbers. */
  judged: Record<string, Record<string, number>>;
  /** Our sheets by kind (the first of each kind). */
  sheets: Partial<Record<SheetKind, ReportSheet>>;
}

const cellOf = cellAt;

/** The sheet kind a grid's A1 marker names, or null when it is not ours. */
export function kindOfGrid(grid: Grid): SheetKind | null {
  return parseAnyMarker(cellOf(grid, 1, 1))?.kind ?? null;
}

/** Whether the judged value of an indicator sits in the share column (Ч/УВ) rather than the value column. */
export function judgedInShareColumn(ind: Indicator): boolean {
  return ind.unit.kind === "countShare";
}

/** Build the domain view of the report from our sheets. */
export function readReport(sheets: readonly ReportSheet[]): ReportData {
  const byKind: Partial<Record<SheetKind, ReportSheet>> = {};
  for (const s of sheets) if (!byKind[s.kind]) byKind[s.kind] = s;
  const report: ReportData = {
    school: "",
    schoolYear: null,
    periods: [],
    data: { school: "", observations: {} },
    cells: {},
    judged: {},
    sheets: byKind,
  };

  const passport = byKind.passport;
  if (passport) {
    const fields: Record<string, unknown> = {};
    for (const r of gridRows(passport.values, PASSPORT.firstFieldRow)) {
      const id = cellOf(passport.values, r, PASSPORT.idCol);
      const v = cellOf(passport.values, r, PASSPORT.valueCol);
      if (id === "school" && typeof v === "string") report.school = v.trim();
      if (id === "school_year") report.schoolYear = typeof v === "string" ? parseSchoolYear(v) : null;
      if (id === "quality_denominator") {
        const q = parseQualityDenominator(v);
        if (q) report.data.qualityDenominator = q;
      }
      if (typeof id === "string" && v !== "" && v !== null && v !== undefined) fields[id.trim()] = v;
    }
    const levels = levelsFromFields(fields);
    if (levels) report.data.levels = levels;
  }
  report.data.school = report.school;

  const periodMap = new Map<string, Period>();
  for (const sheet of sheets) {
    if (!["base", "subject", "staff", "facilities", "methods", "partnership", "context"].includes(sheet.kind) || byKind[sheet.kind] !== sheet) continue;
    readIndicatorSheet(sheet, report, periodMap);
  }
  report.periods = [...periodMap.values()].sort(comparePeriods);
  return report;
}

function readIndicatorSheet(sheet: ReportSheet, report: ReportData, periodMap: Map<string, Period>): void {
  const { values } = sheet;
  const blocks: { key: string; col: number }[] = [];
  const seen = new Set<string>();
  for (const c of gridCols(values, LAYOUT.periodKeyRow, LAYOUT.firstPeriodCol)) {
    const p = parsePeriodKey(cellOf(values, LAYOUT.periodKeyRow, c));
    if (!p) continue;
    const key = periodKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push({ key, col: c });
    periodMap.set(key, p);
  }
  for (const r of gridRows(values, LAYOUT.firstDataRow)) {
    const id = cellOf(values, r, LAYOUT.idCol);
    if (typeof id !== "string") continue;
    const ind = getIndicator(id.trim());
    if (!ind || report.cells[ind.id]) continue;
    const cells: Record<string, CellRef> = {};
    const judged: Record<string, number> = {};
    const obs: Record<string, Observation> = {};
    for (const { key, col } of blocks) {
      const raw = cellOf(values, r, col);
      // A share's input cell is formatted as percent: its number is the share Excel shows.
      const value = parseValue(raw === "" ? null : raw, ind.unit, { percentCell: ind.unit.kind === "share" });
      if (value.kind !== "empty") {
        const o: Observation = { value };
        if (ind.id === "quality_4_5" && report.data.qualityDenominator) o.denominatorUsed = report.data.qualityDenominator;
        obs[key] = o;
      }
      const jc = judgedInShareColumn(ind) ? col + 1 : col;
      cells[key] = { sheet: sheet.name, row: r, col: jc };
      const j = judgedInShareColumn(ind) ? cellOf(values, r, jc) : value.kind === "number" ? value.value : null;
      if (typeof j === "number" && Number.isFinite(j)) judged[key] = j;
    }
    report.cells[ind.id] = cells;
    report.judged[ind.id] = judged;
    if (Object.keys(obs).length) report.data.observations[ind.id] = obs;
  }
}

/** The judged values of an indicator, chronological. */
export function seriesOf(report: ReportData, indicatorId: string): SeriesPoint[] {
  const j = report.judged[indicatorId] ?? {};
  return Object.entries(j)
    .map(([key, value]) => ({ period: parsePeriodKey(key) as Period, value }))
    .filter((p) => p.period !== null)
    .sort((a, b) => comparePeriods(a.period, b.period));
}

/** The report periods an indicator is reported in (on its sheet), chronological. */
export function timelineOf(report: ReportData, indicatorId: string): Period[] {
  const ind = getIndicator(indicatorId);
  if (!ind) return [];
  const kinds: Record<string, string> = { Q1: "Q", Q2: "Q", Q3: "Q", Q4: "Q", H1: "H", H2: "H", Y: "Y", E: "E" };
  return report.periods.filter((p) => ind.periodicity.includes(kinds[p.kind] as Indicator["periodicity"][number]));
}

/** Catalog indicators present on the report's sheets, in catalog order. */
export function indicatorsInReport(report: ReportData): Indicator[] {
  return CATALOG.filter((i) => report.cells[i.id]);
}
