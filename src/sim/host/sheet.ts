/** The state of one simulated worksheet (everything except cell contents, which live in HyperFormula). */

import type { Rect } from "./address";
import { Codes, fail } from "./errors";
import { StyleLayers } from "./styles";

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

/** An Office.js data-validation rule object, e.g. { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } }. */
export type DataValidationRule = Record<string, Record<string, unknown>>;

export interface ValidationEntry {
  rect: Rect;
  rule?: DataValidationRule;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface CfFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface CondFormatEntry {
  id: string;
  rects: Rect[];
  type: string;
  /** Custom: { formula }; CellValue: { formula1, formula2?, operator }; stored as given for other types. */
  rule: Record<string, unknown>;
  format: CfFormat;
  stopIfTrue: boolean;
  /** Extra settings of stored-only types (IconSet, ColorScale …). */
  extra: Record<string, unknown>;
}

export interface PageLayout {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printGridlines: boolean;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  /** The headers and footers of every page (HeaderFooter.centerFooter …). */
  headersFooters: Partial<Record<"leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter", string>>;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  showTotals: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheetId: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end?: string };
  series: { name: string; values: string }[];
  axes: { category: string; value: string };
}

export class SheetModel {
  styles = new StyleLayers();
  /** Keys (cellKey) of cells holding a value or formula. */
  content = new Set<number>();
  colWidths = new Map<number, number>();
  /** Hidden columns (0-based), Range.columnHidden; the width is kept for when the column is shown. */
  hiddenCols = new Set<number>();
  rowHeights = new Map<number, number>();
  /** Hidden rows (0-based), Range.rowHidden; the height is kept for when the row is shown. */
  hiddenRows = new Set<number>();
  merges: Rect[] = [];
  frozen = { rows: 0, cols: 0 };
  protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: undefined as string | undefined };
  validations: ValidationEntry[] = [];
  condFormats: CondFormatEntry[] = [];
  pageLayout: PageLayout = {
    orientation: "Portrait",
    zoom: { scale: 100 },
    printGridlines: false,
    centerHorizontally: false,
    centerVertically: false,
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    headersFooters: {},
  };
  customProperties = new Map<string, string>();
  tabColor = "";
  visibility = "Visible";
  showGridlines = true;

  constructor(
    /** Changes only when the workbook is reopened (WorkbookModel.reopen). */
    public id: string,
    public name: string,
    public readonly hfId: number,
  ) {}
}

/** Excel's default column width (8.43 characters) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** Format changes on a protected sheet need the matching allowFormat… option. */
export function guardFormat(sheet: SheetModel, kind: "cells" | "columns" | "rows" | "locked", location: string): void {
  if (!sheet.protection.protected) return;
  const o = sheet.protection.options;
  const ok = kind === "cells" ? o.allowFormatCells : kind === "columns" ? o.allowFormatColumns : kind === "rows" ? o.allowFormatRows : false;
  if (!ok) fail(Codes.accessDenied, location);
}
