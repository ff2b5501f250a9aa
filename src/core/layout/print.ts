/**
 * How a sheet prints on A4: text never under 8 pt on paper, titles repeated, machine keys off
 * paper. Always a fixed scale (zoom.scale), never «fit to page»: a sheet whose printed columns fit
 * one page width at a legible scale prints at that scale (100 % at most); a wider one at the
 * scale that keeps its smallest text at 8 pt, its title columns repeated on every page, each page
 * holding whole column groups (e.g. a period: value and share), as many as fit.
 */

import type { PlanPageLayout, PlanStyle, SheetPlan } from "../plan";
import { columnLetter, rangeAddress } from "./grid";

/** The smallest text size on paper, in points. */
export const MIN_PRINT_PT = 8;
/** Excel's default font size (Calibri 11): a style without a size prints at it. */
export const DEFAULT_FONT_PT = 11;
/** A4 (210 × 297 mm) in points, less Excel's default margins (0.7" left and right). */
const PRINTABLE_WIDTH = { landscape: 841.9 - 100.8, portrait: 595.3 - 100.8 } as const;
/** Room kept for the ways Excel and LibreOffice round column widths. */
const CUSHION = 0.94;

/** Every printed page says which sheet it is and which page of how many (Excel's codes). */
export const PRINT_FOOTER = "&A — &P / &N";

/** A column width in characters, in points as Excel lays it out (7 px a character plus 5 px padding). */
export function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/**
 * The scale at which columns `points` wide fit one page width, at most 100 %, never under the
 * scale keeping text of `fontPt` at 8 pt (wider then spreads over more pages).
 */
export function fixedScale(points: number, orientation: PlanPageLayout["orientation"], fontPt = DEFAULT_FONT_PT): number {
  const minScale = Math.ceil((100 * MIN_PRINT_PT) / fontPt);
  return Math.max(minScale, Math.min(100, Math.floor((100 * PRINTABLE_WIDTH[orientation] * CUSHION) / points)));
}

export interface PrintInput {
  sheet: Pick<SheetPlan, "cells" | "columnWidths" | "hiddenColumns" | "hiddenRows">;
  styles: Record<string, PlanStyle>;
  orientation: PlanPageLayout["orientation"];
  /** Rows repeated on every page, e.g. "2:4". */
  titleRows?: string;
  /** The columns repeated on every page when the sheet is too wide for one (1-based, inclusive). */
  titleColumns?: { first: number; last: number };
  /** Columns per group after the title columns: a page break never falls inside a group. */
  groupWidth?: number;
  /** The printed block (1-based, inclusive); all written rows and columns by default. */
  area?: { row1: number; col1: number; row2: number; col2: number };
}

/** The smallest font size of a non-empty cell that prints (not in a hidden row or column, inside `area`). */
export function smallestPrintedFont(input: Pick<PrintInput, "sheet" | "styles" | "area">): number {
  const { sheet, styles } = input;
  const hiddenR = new Set(sheet.hiddenRows ?? []);
  const hiddenC = new Set(sheet.hiddenColumns ?? []);
  const area = input.area ?? { row1: 1, col1: 1, row2: sheet.cells.length, col2: Number.MAX_SAFE_INTEGER };
  let min = Number.POSITIVE_INFINITY;
  for (let r = area.row1; r <= Math.min(area.row2, sheet.cells.length); r++) {
    if (hiddenR.has(r)) continue;
    const row = sheet.cells[r - 1] ?? [];
    for (let c = area.col1; c <= Math.min(area.col2, row.length); c++) {
      const cell = row[c - 1];
      if (!cell || hiddenC.has(c) || (cell.value === undefined && cell.formula === undefined) || cell.value === "") continue;
      min = Math.min(min, (cell.style && styles[cell.style]?.fontSize) || DEFAULT_FONT_PT);
    }
  }
  return Number.isFinite(min) ? min : DEFAULT_FONT_PT;
}

/** The page layout of a sheet (see the file comment). */
export function printLayout(input: PrintInput): PlanPageLayout {
  const { sheet, orientation } = input;
  const hiddenC = new Set(sheet.hiddenColumns ?? []);
  const lastCol = Math.max(1, input.area?.col2 ?? Math.max(sheet.columnWidths.length, ...sheet.cells.map((r) => r.length)));
  let col1 = input.area?.col1 ?? 1;
  while (hiddenC.has(col1) && col1 < lastCol) col1++;
  const row2 = input.area?.row2 ?? Math.max(1, sheet.cells.length);
  const area = { row1: input.area?.row1 ?? 1, col1, row2, col2: lastCol };
  const width = (a: number, b: number): number => {
    let w = 0;
    for (let c = a; c <= b; c++) if (!hiddenC.has(c)) w += columnPoints(sheet.columnWidths[c - 1] ?? 8.43);
    return w;
  };
  const usable = PRINTABLE_WIDTH[orientation] * CUSHION;
  const minScale = Math.ceil((100 * MIN_PRINT_PT) / smallestPrintedFont({ ...input, area }));
  const layout: PlanPageLayout = { orientation, fitToPagesWide: 1, printArea: rangeAddress(area.row1, area.col1, area.row2, area.col2), footer: PRINT_FOOTER };
  if (input.titleRows) layout.printTitleRows = input.titleRows;
  const total = width(area.col1, area.col2);
  const fit = Math.floor((100 * usable) / total);
  const titleColumns = input.titleColumns ? { printTitleColumns: `${columnLetter(input.titleColumns.first)}:${columnLetter(input.titleColumns.last)}` } : {};
  // A fixed scale, never a fit: Excel and LibreOffice then print the same text size whatever
  // their fonts make of the column widths. One page wide when that keeps the text legible.
  if (fit >= minScale) return { ...layout, scale: Math.min(100, fit), ...titleColumns };
  if (!input.titleColumns) return { ...layout, scale: minScale };
  // Too wide: title columns on every page, whole groups per page.
  const t = input.titleColumns;
  const titles = width(t.first, t.last);
  const g = Math.max(1, input.groupWidth ?? 1);
  let group = 0;
  for (let c = t.last + 1; c <= area.col2; c += g) group = Math.max(group, width(c, Math.min(area.col2, c + g - 1)));
  const perPage = Math.max(1, Math.floor(((100 * usable) / minScale - titles) / Math.max(1, group)));
  const scale = Math.max(minScale, Math.min(100, Math.floor((100 * usable) / (titles + perPage * group))));
  return { ...layout, scale, ...titleColumns };
}
