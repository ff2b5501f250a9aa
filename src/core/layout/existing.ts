/**
 * What our sheets already hold, read back before re-inserting (so that nothing typed is lost).
 * Pure: works on a grid of cell contents in input form (typed.ts: formulas as "=…", texts that
 * would read as formulas with Excel's "'" prefix), from Office.js reads or an .xlsx.
 */

import type { SheetKind } from "../plan";
import { parsePeriodKey } from "../periods";
import { LAYOUT, PASSPORT } from "./grid";
import { parseMarker } from "./markers";
import { widthOf } from "../arrays";
import { typedText } from "./typed";

/** A typed cell in input form (see typed.ts). */
export type CellContent = string | number | boolean;

export interface ExistingSheet {
  name: string;
  kind: SheetKind;
  /** Period keys found in the period-key row, in column order. */
  periods: string[];
  /** Indicator id → period key → what was typed (input cells only; blanks left out). */
  values: Record<string, Record<string, CellContent>>;
  /** Every indicator row found (id and labels), in sheet order; rows unknown to the catalog are kept by these. */
  rows: { id: string; number: string; name: string; unit: string }[];
  /** Passport only: field id → value. */
  fields: Record<string, CellContent>;
  /** Where things were (1-based), so formulas typed on the sheet can follow them: indicator (or passport field) id → row. */
  rowOf: Record<string, number>;
  /** Period key → the column of its value cell. */
  periodCol: Record<string, number>;
}

export interface ExistingReport {
  /** Names of all sheets of the workbook in order, ours and others'. */
  sheetNames: string[];
  /** Our sheets (found by the A1 marker): the first one of each kind. */
  sheets: ExistingSheet[];
}

/** A typed cell: anything but an empty cell is kept (a text of spaces too). */
function content(v: unknown): CellContent | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  return String(v);
}

/** A label cell as shown (our labels are constants). */
function label(v: unknown): string {
  const c = content(v);
  return c === null ? "" : typedText(c);
}

/**
 * Read one of our sheets from its cell grid. `grid[r][c]` is the cell at (origin.row + r,
 * origin.col + c), 1-based origin (usually A1). Returns null when A1 holds no marker of ours.
 */
export function readSheetGrid(name: string, grid: unknown[][], origin: { row: number; col: number } = { row: 1, col: 1 }): ExistingSheet | null {
  const at = (row: number, col: number): unknown => grid[row - origin.row]?.[col - origin.col];
  const marker = parseMarker(at(1, 1));
  if (!marker) return null;
  const sheet: ExistingSheet = { name, kind: marker.kind, periods: [], values: {}, rows: [], fields: {}, rowOf: {}, periodCol: {} };
  const lastRow = origin.row + grid.length - 1;
  if (marker.kind === "passport") {
    for (let r = PASSPORT.firstFieldRow; r <= lastRow; r++) {
      const id = at(r, PASSPORT.idCol);
      if (typeof id !== "string" || !id.trim() || sheet.rowOf[id.trim()]) continue;
      sheet.rowOf[id.trim()] = r;
      const v = content(at(r, PASSPORT.valueCol));
      if (v !== null) sheet.fields[id.trim()] = v;
    }
    return sheet;
  }
  const width = widthOf(grid);
  const lastCol = origin.col + width - 1;
  const keyCols: { key: string; col: number }[] = [];
  for (let c = LAYOUT.firstPeriodCol; c <= lastCol; c++) {
    const k = at(LAYOUT.periodKeyRow, c);
    if (typeof k === "string" && parsePeriodKey(k.trim())) {
      const key = k.trim();
      if (!sheet.periods.includes(key)) {
        sheet.periods.push(key);
        keyCols.push({ key, col: c });
        sheet.periodCol[key] = c;
      }
    }
  }
  for (let r = LAYOUT.firstDataRow; r <= lastRow; r++) {
    const idCell = at(r, LAYOUT.idCol);
    if (typeof idCell !== "string" || !idCell.trim()) continue;
    const id = idCell.trim();
    if (sheet.rowOf[id]) continue;
    sheet.rowOf[id] = r;
    sheet.rows.push({
      id,
      number: label(at(r, LAYOUT.numberCol)),
      name: label(at(r, LAYOUT.nameCol)),
      unit: label(at(r, LAYOUT.unitCol)),
    });
    for (const { key, col } of keyCols) {
      const v = content(at(r, col));
      if (v === null) continue;
      (sheet.values[id] ??= {})[key] = v;
    }
  }
  return sheet;
}
