/** The fixed geometry of our sheets and A1 address helpers. Readers rely on these numbers. */

import type { PlanCell } from "../plan";

/** Indicator sheets (base and sections). Rows and columns are 1-based. */
export const LAYOUT = {
  markerRow: 1,
  /** Row 2: column headers and the period labels (merged over each period block). */
  headerRow: 2,
  /** Row 3: the machine-readable period key ("2023/24-H1") at the first column of each block. */
  periodKeyRow: 3,
  /** Row 4: sub-headers of each block («чел./знач.», «%»). */
  subHeaderRow: 4,
  firstDataRow: 5,
  /** Column A: the stable indicator id. */
  idCol: 1,
  numberCol: 2,
  nameCol: 3,
  unitCol: 4,
  firstPeriodCol: 5,
  /** Each period block: the value (count) column, then the share column. */
  blockWidth: 2,
} as const;

/** Passport: column A field id, B label, C value; fields from row 3. */
export const PASSPORT = {
  firstFieldRow: 3,
  idCol: 1,
  labelCol: 2,
  valueCol: 3,
} as const;

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AA" → 27; 0 for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

/** Parse "B3" → {row: 3, col: 2}; null when malformed. */
export function parseCellAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Parse "B3:D7" (or a single cell) into 1-based inclusive bounds. */
export function parseRangeAddress(a1: string): { row1: number; col1: number; row2: number; col2: number } | null {
  const [p, q] = a1.split(":");
  const a = parseCellAddress(p);
  const b = q === undefined ? a : parseCellAddress(q);
  if (!a || !b) return null;
  return { row1: Math.min(a.row, b.row), col1: Math.min(a.col, b.col), row2: Math.max(a.row, b.row), col2: Math.max(a.col, b.col) };
}

/** A sheet name as it appears in a formula: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Column of the value (count) cell of the i-th period block (0-based). */
export function blockValueCol(i: number): number {
  return LAYOUT.firstPeriodCol + i * LAYOUT.blockWidth;
}

/** A growing grid of plan cells, set by 1-based row and column. */
export class CellGrid {
  cells: (PlanCell | null)[][] = [];
  set(row: number, col: number, cell: PlanCell): void {
    while (this.cells.length < row) this.cells.push([]);
    const r = this.cells[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = cell;
  }
}
