/** Cell styles in layers (sheet, column, row, cell), as Excel keeps whole-column and whole-row formats. */

import { MAX_COLS, Rect, isWholeColumns, isWholeRows } from "./address";

export interface Border {
  style: string;
  color: string;
  weight: string;
}

export type Edge = "top" | "bottom" | "left" | "right";

export interface Style {
  numberFormat?: string;
  fill?: string | null;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontName?: string;
  underline?: string;
  hAlign?: string;
  vAlign?: string;
  indent?: number;
  wrap?: boolean;
  locked?: boolean;
  formulaHidden?: boolean;
  borders?: Partial<Record<Edge, Border>>;
}

export type FullStyle = Required<Omit<Style, "borders">> & { borders: Partial<Record<Edge, Border>> };

export const DEFAULT_STYLE: FullStyle = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  bold: false,
  italic: false,
  fontSize: 11,
  fontName: "Calibri",
  underline: "None",
  hAlign: "General",
  vAlign: "Bottom",
  indent: 0,
  wrap: false,
  locked: true,
  formulaHidden: false,
  borders: {},
};

export const cellKey = (r: number, c: number): number => r * MAX_COLS + c;
export const keyRow = (k: number): number => Math.floor(k / MAX_COLS);
export const keyCol = (k: number): number => k % MAX_COLS;

function merge(into: Style, patch: Style): Style {
  const out: Style = { ...into };
  for (const [k, v] of Object.entries(patch) as [keyof Style, unknown][]) {
    if (k === "borders") out.borders = { ...(into.borders ?? {}), ...(v as Style["borders"]) };
    else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function without(style: Style, patch: Style): Style {
  const out: Style = { ...style };
  for (const k of Object.keys(patch) as (keyof Style)[]) {
    if (k === "borders" && out.borders) {
      const b = { ...out.borders };
      for (const e of Object.keys(patch.borders ?? {}) as Edge[]) delete b[e];
      out.borders = b;
    } else delete out[k];
  }
  return out;
}

export class StyleLayers {
  sheet: Style = {};
  cols = new Map<number, Style>();
  rows = new Map<number, Style>();
  cells = new Map<number, Style>();

  get(r: number, c: number): FullStyle {
    let s: Style = merge(DEFAULT_STYLE, this.sheet);
    const col = this.cols.get(c);
    if (col) s = merge(s, col);
    const row = this.rows.get(r);
    if (row) s = merge(s, row);
    const cell = this.cells.get(cellKey(r, c));
    if (cell) s = merge(s, cell);
    return s as FullStyle;
  }

  private patchCell(r: number, c: number, patch: Style): void {
    const k = cellKey(r, c);
    this.cells.set(k, merge(this.cells.get(k) ?? {}, patch));
  }

  /** Apply a style patch to a rectangle; whole columns / rows / sheet are stored as layers. */
  apply(rect: Rect, patch: Style): void {
    const wc = isWholeColumns(rect);
    const wr = isWholeRows(rect);
    if (wc && wr) {
      this.sheet = merge(this.sheet, patch);
      for (const m of [this.cols, this.rows, this.cells]) for (const [k, s] of m) m.set(k, without(s, patch));
      return;
    }
    if (wc) {
      for (let c = rect.c0; c <= rect.c1; c++) this.cols.set(c, merge(this.cols.get(c) ?? {}, patch));
      for (const [k, s] of this.cells) if (k % MAX_COLS >= rect.c0 && k % MAX_COLS <= rect.c1) this.cells.set(k, merge(s, patch));
      for (const r of this.rows.keys()) for (let c = rect.c0; c <= rect.c1; c++) this.patchCell(r, c, patch);
      return;
    }
    if (wr) {
      for (let r = rect.r0; r <= rect.r1; r++) this.rows.set(r, merge(this.rows.get(r) ?? {}, patch));
      for (const [k, s] of this.cells) {
        const r = keyRow(k);
        if (r >= rect.r0 && r <= rect.r1) this.cells.set(k, merge(s, patch));
      }
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) this.patchCell(r, c, patch);
  }

  /** Reset a rectangle's formats to the defaults (range.clear("Formats")). */
  clear(rect: Rect): void {
    const all: Style = { ...DEFAULT_STYLE, borders: { top: none(), bottom: none(), left: none(), right: none() } };
    this.apply(rect, all);
  }

  /** Keys of cells that carry a style of their own (for the used range). */
  styledKeys(): Iterable<number> {
    return this.cells.keys();
  }
}

export const none = (): Border => ({ style: "None", color: "#000000", weight: "Thin" });

/** Every cell of a rectangle, clipped to `limit` (the used area) for whole columns / rows. */
export function* cellsOf(rect: Rect, limit?: Rect): Generator<[number, number]> {
  const r1 = limit && isWholeColumns(rect) ? Math.min(rect.r1, limit.r1) : rect.r1;
  const c1 = limit && isWholeRows(rect) ? Math.min(rect.c1, limit.c1) : rect.c1;
  for (let r = rect.r0; r <= r1; r++) for (let c = rect.c0; c <= c1; c++) yield [r, c];
}
