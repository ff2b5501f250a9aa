/**
 * A sheet's cells as readers see them: either a dense grid from A1 (what Office gives for a used
 * range) or sparse cells (what the file reader keeps, so a far cell costs one entry, not a grid).
 * Also the limits Excel puts on the text of a cell. Pure.
 */

/** Excel holds at most this many characters in a cell. */
export const EXCEL_MAX_TEXT = 32767;

/** A text over Excel's cell limit, kept by its length only (a file reader never holds it in full). */
export class OverlongText {
  constructor(readonly length: number) {}
}

/** Cells by 1-based row and column; only cells that hold something (null: a formula without a cached value). */
export class SparseCells {
  private readonly byRow = new Map<number, Map<number, unknown>>();
  private sortedRows: number[] | null = null;
  /** Cells held. */
  size = 0;
  lastRow = 0;
  lastCol = 0;

  /**
   * `base`: the cells this one overrides; rows and columns are the base's (a formula view: formula
   * text where there is one, else the value).
   */
  constructor(private readonly base?: SparseCells) {}

  get(row: number, col: number): unknown {
    const own = this.byRow.get(row)?.get(col);
    return own === undefined && this.base ? this.base.get(row, col) : own;
  }

  set(row: number, col: number, value: unknown): void {
    let r = this.byRow.get(row);
    if (!r) {
      r = new Map();
      this.byRow.set(row, r);
      this.sortedRows = null;
    }
    if (!r.has(col)) this.size++;
    r.set(col, value);
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }

  /** Rows holding a cell, ascending. */
  rows(): readonly number[] {
    if (this.base) return this.base.rows();
    this.sortedRows ??= [...this.byRow.keys()].sort((a, b) => a - b);
    return this.sortedRows;
  }

  /** Columns holding a cell in a row, ascending. */
  cols(row: number): number[] {
    if (this.base) return this.base.cols(row);
    const r = this.byRow.get(row);
    return r ? [...r.keys()].sort((a, b) => a - b) : [];
  }
}

/** A dense grid from A1 (rows may be ragged or missing) or sparse cells. */
export type Grid = readonly (readonly unknown[] | undefined)[] | SparseCells;

/** The cell at a 1-based row and column; undefined when empty or outside. */
export function cellAt(g: Grid, row: number, col: number): unknown {
  return g instanceof SparseCells ? g.get(row, col) : g[row - 1]?.[col - 1];
}

/** Rows from `from` on that may hold a cell, ascending. */
export function gridRows(g: Grid, from = 1): number[] {
  if (g instanceof SparseCells) return g.rows().filter((r) => r >= from);
  const out: number[] = [];
  for (let r = from; r <= g.length; r++) out.push(r);
  return out;
}

/** Columns from `from` on that may hold a cell in a row, ascending. */
export function gridCols(g: Grid, row: number, from = 1): number[] {
  if (g instanceof SparseCells) return g.cols(row).filter((c) => c >= from);
  const out: number[] = [];
  const len = g[row - 1]?.length ?? 0;
  for (let c = from; c <= len; c++) out.push(c);
  return out;
}

/** The last row and column that may hold a cell (no spread of rows into Math.max). */
export function gridExtent(g: Grid): { rows: number; cols: number } {
  if (g instanceof SparseCells) return { rows: g.lastRow, cols: g.lastCol };
  return { rows: g.length, cols: longestRow(g) };
}

/** The length of the longest row. */
export function longestRow(rows: readonly (readonly unknown[] | undefined)[]): number {
  let w = 0;
  for (const r of rows) if (r && r.length > w) w = r.length;
  return w;
}

/**
 * Why a text cannot be a cell's text in Excel: longer than 32,767 characters, or holding control
 * characters (other than tab and line breaks) or a lone surrogate. Null when it can.
 */
export function textIssue(s: string): "tooLong" | "control" | null {
  if (s.length > EXCEL_MAX_TEXT) return "tooLong";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return "control";
    } else if (c >= 0x7f && c <= 0x9f) return "control";
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return "control";
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return "control";
    else if (c === 0xfffe || c === 0xffff) return "control";
  }
  return null;
}

/** A text shown inside a message: control characters and lone surrogates replaced, cut to `max` characters. */
export function shownText(s: string, max = 60): string {
  let out = "";
  const end = Math.min(s.length, max);
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += s.slice(i, i + 2);
      i++;
    } else out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) ? "\uFFFD" : s[i];
  }
  return s.length > max ? `${out}…` : out;
}
