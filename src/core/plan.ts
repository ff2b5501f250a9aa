/**
 * WorkbookPlan: the report sheets described as pure, deterministic, JSON-serialisable data.
 * src/core/layout builds plans; src/excel applies them through Office.js; src/xlsx writes them
 * with exceljs. Addresses are A1 strings; rows and columns in `cells` are 0-based arrays that map
 * to sheet row 1 / column A.
 */

import type { Lang } from "./types";

/** What kind of our sheet it is; also the last part of its A1 marker. */
export type SheetKind =
  | "passport" | "base" | "subject" | "staff" | "facilities" | "methods" | "partnership" | "context"
  /** Analysis sheets (issue 5): program targets, a comparison of two periods, risks. */
  | "targets" | "dynamics" | "risks"
  /** The program's road map (issue 9): read with the analysis sheets. */
  | "roadmap"
  /** Outputs never read back by the report commands (issue 7): consolidation, tidy data, frozen formulas. */
  | "summary" | "data" | "frozen";

export interface PlanStyle {
  /** Excel number format code, e.g. "0.0%", "0.00", "0", "@". */
  numberFormat?: string;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  /** Font colour "#RRGGBB". */
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** Indent level (Excel indentLevel, 0…15). */
  indent?: number;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Cell protection: locked cells cannot be edited while the sheet is protected. */
  locked: boolean;
}

/** One cell: a constant value or an invariant-form formula ("=A1/B1"), and a style id. */
export interface PlanCell {
  value?: string | number | boolean;
  formula?: string;
  style?: string;
}

export type ValidationRule =
  | { kind: "wholeNumber"; min: number; max?: number }
  | { kind: "decimal"; min: number; max?: number }
  | { kind: "list"; items: string[] }
  /** A drop-down of the values in an absolute range of the same sheet, e.g. "$K$5:$K$80". */
  | { kind: "listFrom"; source: string }
  /** An invariant-form formula relative to the top-left cell of the range (Excel's custom rule). */
  | { kind: "custom"; formula: string };

export interface PlanValidation {
  /** A rectangular A1 range, e.g. "E5:E9". */
  range: string;
  rule: ValidationRule;
  /** Input message shown when the cell is selected (sheet language). */
  prompt: { title: string; message: string };
  /** Message of the (non-blocking, "warning") alert when a typed value breaks the rule. */
  error: { title: string; message: string };
}

/** Conditional formats (used by a later issue); kept generic on purpose. */
export interface PlanConditionalFormat {
  range: string;
  /** An invariant-form formula relative to the top-left cell of `range`. */
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

/** A chart over a block of the same sheet: first column = categories, first row = series names. */
export interface PlanChart {
  /** Stable name, so a refresh can replace it. */
  name: string;
  type: "line";
  title: string;
  /** The data block, A1 on the same sheet, e.g. "A30:C34". */
  source: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface PlanProtection {
  /** Protected without a password. */
  protected: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowSort: boolean;
}

export interface PlanPageLayout {
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide (height unlimited); ignored when `scale` is set. */
  fitToPagesWide: number;
  /**
   * Print at this percentage (Excel's «Установить 100 %» … zoom.scale) instead of fitting: wide sheets
   * split by columns across pages, titles repeated, text kept at 8 pt or more (layout/print.ts).
   */
  scale?: number;
  /** Rows repeated on each printed page, e.g. "1:4". */
  printTitleRows?: string;
  /** Columns repeated on each printed page, e.g. "A:C". */
  printTitleColumns?: string;
  /** The printed range, e.g. "A1:Q40" (helper cells outside it stay off paper); the used range when absent. */
  printArea?: string;
  /** The centre footer of every page in Excel's codes (&A sheet name, &P page, &N pages). */
  footer?: string;
}

export interface PlanName {
  name: string;
  /** Absolute reference, e.g. "'Паспорт'!$C$9". */
  ref: string;
}

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  /** Text of cell A1, e.g. "shnor-monitor:v1:subject". */
  marker: string;
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
  /** rows[r][c] is cell (r+1, c+1); null = nothing written. */
  cells: (PlanCell | null)[][];
  /** Column widths in characters, index 0 = column A. */
  columnWidths: number[];
  /** Hidden columns (1-based), e.g. a helper list for a drop-down; every other column of the plan is shown. */
  hiddenColumns?: number[];
  /** Row heights in points, index 0 = row 1; 0 or missing = default height. */
  rowHeights?: number[];
  /**
   * Hidden rows (1-based): where machine keys live (period keys). Hidden rows and columns keep the
   * marker, ids and keys readable by the add-in but off screen and off paper; positions never change.
   */
  hiddenRows?: number[];
  merges: string[];
  frozenRows: number;
  frozenColumns: number;
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  protection: PlanProtection;
  pageLayout: PlanPageLayout;
  /** The name we wanted, when a foreign sheet already used it and this sheet got another one. */
  renamedFrom?: string;
  /** True when the sheet already exists in the workbook (ours, found by its marker). */
  existing?: boolean;
  /** Charts (applied by src/excel/charts.ts where the Excel version has charts). */
  charts?: PlanChart[];
}

export interface WorkbookPlan {
  lang: Lang;
  /** Sheets in order. */
  sheets: SheetPlan[];
  styles: Record<string, PlanStyle>;
  names: PlanName[];
  /** How many non-empty values typed earlier this plan carries over. */
  valuesKept: number;
}
