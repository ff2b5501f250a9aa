/**
 * One school's report sheets (from a file or from the open workbook) → SchoolSource and findings.
 * Text a cell of Excel cannot hold (over 32,767 characters, control characters) is left out with a
 * finding; nothing here throws on what a file holds.
 */
import { cellAt, gridCols, gridRows, OverlongText, shownText, SparseCells, textIssue, type Grid } from "../../core/cells";
import { getIndicator } from "../../core/catalog";
import { columnLetter, LAYOUT } from "../../core/layout/grid";
import { parseAnyMarker, SHEET_KINDS } from "../../core/layout/markers";
import { parsePeriodKey } from "../../core/periods";
import { readReport, type ReportData, type ReportSheet } from "../../core/report";
import type { Text } from "../../core/types";
import { SCHOOL_FILE_MESSAGES, type SourceFindingCode } from "../../i18n/schoolFiles";

export type { SourceFindingCode };

export interface SchoolSource {
  /** The file name, or the label of a sheet set in the open workbook. */
  label: string;
  report: ReportData;
}

export interface SourceFinding {
  label: string;
  code: SourceFindingCode;
  message: Text;
  detail?: string;
}

export type FileRead = { ok: true; school: SchoolSource; findings: SourceFinding[] } | { ok: false; finding: SourceFinding };

/** A finding; the label and detail are shown shortened, without control characters. */
export function sourceFinding(label: string, code: SourceFindingCode, detail = ""): SourceFinding {
  const shown = shownText(detail, 200);
  return { label, code, message: SCHOOL_FILE_MESSAGES[code](shownText(label, 120), shown), ...(detail ? { detail: shown } : {}) };
}

export interface SheetGrids {
  name: string;
  values: Grid;
  formulas: Grid;
}

/** Up to five items, then the count. */
const listed = (items: readonly string[]) => items.slice(0, 5).join(", ") + (items.length > 5 ? ` … (${items.length})` : "");

/** A cell Excel could not hold as text. */
const badText = (v: unknown) => v instanceof OverlongText || (typeof v === "string" && textIssue(v) !== null);

/** The grid without the cells whose text Excel could not hold (a sparse copy when there are any). */
function withoutBadText(g: Grid, sheet: string, found: string[]): Grid {
  let bad: Set<number> | null = null;
  const key = (r: number, c: number) => r * 16384 + c;
  for (const r of gridRows(g)) {
    for (const c of gridCols(g, r)) {
      if (!badText(cellAt(g, r, c))) continue;
      (bad ??= new Set()).add(key(r, c));
      found.push(`${shownText(sheet, 31)}!${columnLetter(c)}${r}`);
    }
  }
  if (!bad) return g;
  const copy = new SparseCells();
  for (const r of gridRows(g)) {
    for (const c of gridCols(g, r)) {
      const v = cellAt(g, r, c);
      if (v !== undefined && !bad.has(key(r, c))) copy.set(r, c, v);
    }
  }
  return copy;
}

/**
 * One school's sheet set (our report sheets as dense or sparse grids) → SchoolSource and findings.
 * Shared by the file reader and the open-workbook reader.
 */
export function readSchoolSheets(label: string, grids: readonly SheetGrids[]): FileRead {
  const sheets: ReportSheet[] = [];
  const badCells: string[] = [];
  let badOnPassport = false;
  for (const g of grids) {
    const m = parseAnyMarker(cellAt(g.values, 1, 1));
    if (!m || !SHEET_KINDS.includes(m.kind) || sheets.some((s) => s.kind === m.kind)) continue;
    const before = badCells.length;
    const values = withoutBadText(g.values, g.name, badCells);
    if (m.kind === "passport" && badCells.length > before) badOnPassport = true;
    sheets.push({ name: g.name, kind: m.kind, values, formulas: g.formulas });
  }
  if (sheets.length === 0) return { ok: false, finding: sourceFinding(label, "notOurs") };
  const findings: SourceFinding[] = [];
  if (badCells.length) findings.push(sourceFinding(label, "badText", listed(badCells)));
  const report = readReport(sheets);
  if (!sheets.some((s) => s.kind === "passport")) findings.push(sourceFinding(label, "noPassport"));
  else if (!report.school && !badOnPassport) findings.push(sourceFinding(label, "noSchoolName"));
  if (!report.school) {
    report.school = shownText(label.replace(/\.xlsx$/i, ""), 200);
    report.data.school = report.school;
  }
  const unknown = new Set<string>();
  const badPeriods = new Set<string>();
  for (const s of sheets) {
    if (s.kind === "passport") continue;
    for (const r of gridRows(s.values, LAYOUT.firstDataRow)) {
      const id = cellAt(s.values, r, LAYOUT.idCol);
      if (typeof id === "string" && id.trim() && !getIndicator(id.trim())) unknown.add(shownText(id.trim()));
    }
    for (const c of gridCols(s.values, LAYOUT.periodKeyRow, LAYOUT.firstPeriodCol)) {
      const k = cellAt(s.values, LAYOUT.periodKeyRow, c);
      if (typeof k === "string" && k.trim() && !parsePeriodKey(k.trim())) badPeriods.add(shownText(k.trim()));
    }
  }
  if (unknown.size) findings.push(sourceFinding(label, "unknownIndicator", listed([...unknown])));
  if (badPeriods.size) findings.push(sourceFinding(label, "badPeriod", listed([...badPeriods])));
  // A value of the wrong unit (a share above 100 %, a fractional count, a score off the scale).
  const bad: string[] = [];
  for (const [id, byPeriod] of Object.entries(report.data.observations)) {
    for (const [key, o] of Object.entries(byPeriod)) if (o.value.kind === "error") bad.push(`${id} ${key}`);
  }
  if (bad.length) findings.push(sourceFinding(label, "badValue", listed(bad)));
  if (report.periods.length === 0) return { ok: false, finding: sourceFinding(label, "empty") };
  return { ok: true, school: { label, report }, findings };
}
