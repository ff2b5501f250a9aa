/**
 * Queue a WorkbookPlan's writes on an Excel request context. The caller syncs once at the end;
 * `flush` is called only when the queued request would pass the payload budget (chunking).
 */

import type { PlanCell, PlanStyle, PlanValidation, SheetPlan, WorkbookPlan } from "../core/plan";
import { parseRangeAddress, rangeAddress, columnLetter } from "../core/layout/grid";
import { styleRects } from "./rects";
import { widthOf } from "../core/arrays";

/** Keep every request under this many bytes (Excel on the web rejects 5 MB; our rule is 4 MB). */
export const REQUEST_BUDGET = 3_500_000;
/** A rough per-action overhead of the serialized request, in bytes. */
const ACTION_BYTES = 120;
/** Row blocks of cell writes are cut at about this size. */
const BLOCK_BYTES = 400_000;

/** What we know about one of our sheets already in the workbook. */
export interface SheetState {
  name: string;
  protected: boolean;
  /** The used range ("A1:F30"), without the sheet name; null when empty. */
  usedAddress: string | null;
}

export interface Capabilities {
  /** ExcelApi 1.8: data validation. */
  validation: boolean;
  /** ExcelApi 1.9: page layout, indent level. */
  pageLayout: boolean;
  /** ExcelApi 1.6: conditional formats and suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
}

/** Counts what was queued; flushes (an extra, counted sync) before the budget would be passed. */
export class RequestBudget {
  bytes = 0;
  maxBytes = 0;
  chunkSyncs = 0;
  constructor(private readonly flush: () => Promise<void>, private readonly budget = REQUEST_BUDGET) {}

  /** Reserve room for an action of about `payload` bytes; syncs first when it would not fit. */
  async reserve(payload: number): Promise<void> {
    const n = payload + ACTION_BYTES;
    if (this.bytes > 0 && this.bytes + n > this.budget) {
      await this.flush();
      this.chunkSyncs++;
      this.bytes = 0;
    }
    this.bytes += n;
    this.maxBytes = Math.max(this.maxBytes, this.bytes);
  }

  /** The request was sent by the caller's own sync. */
  sent(): void {
    this.bytes = 0;
  }
}

/** UTF-8 bytes of a string (Cyrillic text is two bytes a letter: requests are measured in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Bytes of a value as sent in a request (JSON, UTF-8). */
export const size = (v: unknown): number => utf8Length(JSON.stringify(v) ?? "");

/**
 * A constant as it must be sent in `range.formulas`/`values`: every non-empty text gets Excel's
 * text prefix, a leading apostrophe (as when typed), so Excel never re-reads it — a school name
 * "=HYPERLINK(…)" stays text, and so do "01.09.2024", "21 %", "TRUE", "#N/A" or "42/21" typed as
 * text, which Excel would otherwise turn into a date, a number, a boolean or an error. Excel keeps
 * such an entry as text and hides the apostrophe (reading `values`/`formulas` back returns the
 * text without it: OfficeDev/office-js#6687); text that itself starts with "'" keeps it.
 */
export function asConstant(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && v !== "" ? `'${v}` : v;
}

/** Points for a width in characters (Calibri 11: about 7 px per character plus padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function lastColumn(sheet: SheetPlan): number {
  return widthOf(sheet.cells, Math.max(1, sheet.columnWidths.length));
}

/** Apply one style to a range (all format properties the style names). */
function applyStyle(range: Excel.Range, s: PlanStyle, caps: Capabilities): void {
  const f = range.format;
  if (s.fill) f.fill.color = s.fill;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.wrap) f.wrapText = true;
  if (s.horizontal) f.horizontalAlignment = s.horizontal === "left" ? "Left" : s.horizontal === "center" ? "Center" : "Right";
  if (s.vertical) f.verticalAlignment = s.vertical === "top" ? "Top" : s.vertical === "center" ? "Center" : "Bottom";
  if (s.indent && caps.pageLayout) f.indentLevel = s.indent;
  f.protection.locked = s.locked;
}

function validationRule(v: PlanValidation): Excel.DataValidationRule {
  const r = v.rule;
  if (r.kind === "list") return { list: { inCellDropDown: true, source: r.items.join(",") } };
  if (r.kind === "custom") return { custom: { formula: r.formula } };
  const basic: Excel.BasicDataValidation =
    r.max === undefined ? { formula1: r.min, operator: "GreaterThanOrEqualTo" } : { formula1: r.min, formula2: r.max, operator: "Between" };
  return r.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
}

/**
 * Queue the cells of rows `row1`… and columns `col1`…`col2` (`cells` in sheet coordinates) in row
 * blocks: number formats first (so "@" cells keep text), then values and formulas, then the
 * style rectangles.
 */
export async function queueCells(
  ws: Excel.Worksheet,
  cells: (PlanCell | null)[][],
  styles: Record<string, PlanStyle>,
  area: { row1: number; col1: number; col2: number },
  caps: Capabilities,
  budget: RequestBudget,
): Promise<void> {
  const { row1, col1, col2 } = area;
  const lastRow = cells.length;
  let r0 = row1 - 1;
  while (r0 < lastRow) {
    const formats: string[][] = [];
    const contents: (string | number | boolean)[][] = [];
    let bytes = 0;
    let r = r0;
    while (r < lastRow && (r === r0 || bytes < BLOCK_BYTES)) {
      const row = cells[r] ?? [];
      const f: string[] = [];
      const v: (string | number | boolean)[] = [];
      for (let c = col1 - 1; c < col2; c++) {
        const cell = row[c];
        f.push((cell?.style && styles[cell.style]?.numberFormat) || "General");
        v.push(cell?.formula ?? (cell?.value === undefined ? "" : asConstant(cell.value)));
      }
      bytes += size(f) + size(v);
      formats.push(f);
      contents.push(v);
      r++;
    }
    await budget.reserve(bytes);
    const range = ws.getRange(rangeAddress(r0 + 1, col1, r, col2));
    range.numberFormat = formats;
    range.formulas = contents;
    r0 = r;
  }
  for (const rect of styleRects({ cells })) {
    const s = styles[rect.style];
    if (!s || rect.col2 < col1 || rect.col1 > col2 || rect.row2 < row1) continue;
    await budget.reserve(size(s) * 2);
    applyStyle(ws.getRange(rangeAddress(Math.max(row1, rect.row1), Math.max(col1, rect.col1), rect.row2, Math.min(col2, rect.col2))), s, caps);
  }
}

/** Queue one sheet. `sheet` is the worksheet proxy (new or existing). */
async function queueSheet(ws: Excel.Worksheet, plan: WorkbookPlan, sheet: SheetPlan, state: SheetState | undefined, caps: Capabilities, budget: RequestBudget): Promise<void> {
  const lastCol = lastColumn(sheet);
  const lastRow = Math.max(1, sheet.cells.length);

  if (state) {
    // Clear what the old version of the sheet covered (values, formats, merges, rules).
    const old = state.usedAddress ? parseRangeAddress(state.usedAddress) : null;
    const area = rangeAddress(1, 1, Math.max(lastRow, old?.row2 ?? 1), Math.max(lastCol, old?.col2 ?? 1));
    await budget.reserve(4 * area.length);
    const r = ws.getRange(area);
    r.unmerge();
    r.clear("All");
    if (caps.validation) r.dataValidation.clear();
    if (caps.conditionalFormats) r.conditionalFormats.clearAll();
    ws.freezePanes.unfreeze();
  }
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;

  // Column widths (a single-cell range sets the whole column's width).
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    await budget.reserve(40);
    ws.getRange(`${columnLetter(c + 1)}1`).format.columnWidth = charsToPoints(sheet.columnWidths[c]);
  }

  // Row heights for wrapped text, one action per run of equal heights.
  const heights = sheet.rowHeights ?? [];
  for (let r = 0; r < heights.length; ) {
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === heights[r]) end++;
    if (heights[r] > 0) {
      await budget.reserve(40);
      ws.getRange(`${r + 1}:${end + 1}`).format.rowHeight = heights[r];
    }
    r = end + 1;
  }

  await queueCells(ws, sheet.cells, plan.styles, { row1: 1, col1: 1, col2: lastCol }, caps, budget);
  for (const m of sheet.merges) {
    await budget.reserve(40);
    ws.getRange(m).merge(false);
  }
  // Wrapped names: let Excel fit row heights.
  await budget.reserve(40);
  ws.getRange(rangeAddress(1, 1, lastRow, lastCol)).format.autofitRows();

  if (caps.validation) {
    for (const v of sheet.validations) {
      await budget.reserve(size(v) + 200);
      const dv = ws.getRange(v.range).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = validationRule(v);
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      dv.errorAlert = { showAlert: true, style: "Warning", title: v.error.title, message: v.error.message };
    }
  }
  if (caps.conditionalFormats) {
    for (const cf of sheet.conditionalFormats) {
      await budget.reserve(size(cf) + 200);
      const c = ws.getRange(cf.range).conditionalFormats.add("Custom");
      c.custom.rule.formula = cf.formula;
      if (cf.style.fill) c.custom.format.fill.color = cf.style.fill;
      if (cf.style.fontColor) c.custom.format.font.color = cf.style.fontColor;
      if (cf.style.bold) c.custom.format.font.bold = true;
    }
  }
  await budget.reserve(80);
  if (sheet.frozenRows > 0 && sheet.frozenColumns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, sheet.frozenRows, sheet.frozenColumns)));
  else if (sheet.frozenRows > 0) ws.freezePanes.freezeRows(sheet.frozenRows);
  else if (sheet.frozenColumns > 0) ws.freezePanes.freezeColumns(sheet.frozenColumns);

  if (caps.pageLayout) {
    await budget.reserve(200);
    const pl = ws.pageLayout;
    pl.orientation = sheet.pageLayout.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.zoom = { horizontalFitToPages: sheet.pageLayout.fitToPagesWide, verticalFitToPages: 0 };
    if (sheet.pageLayout.printTitleRows) {
      const [a, b] = sheet.pageLayout.printTitleRows.split(":");
      pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
    if (sheet.pageLayout.printTitleColumns) {
      const [a, b] = sheet.pageLayout.printTitleColumns.split(":");
      pl.setPrintTitleColumns(`$${a}:$${b ?? a}`);
    }
    if (sheet.pageLayout.printArea) pl.setPrintArea(sheet.pageLayout.printArea);
  }
  if (sheet.protection.protected) {
    await budget.reserve(200);
    ws.protection.protect({
      allowFormatColumns: sheet.protection.allowFormatColumns,
      allowFormatRows: sheet.protection.allowFormatRows,
      allowSort: sheet.protection.allowSort,
      allowAutoFilter: false,
    });
  }
}

/**
 * Queue the whole plan. Our existing protected sheets are unprotected first, before any other
 * write, so that a password-protected sheet fails the batch before anything has changed.
 */
export async function queuePlan(context: Excel.RequestContext, plan: WorkbookPlan, states: Map<string, SheetState>, caps: Capabilities, budget: RequestBudget): Promise<void> {
  const sheets = context.workbook.worksheets;
  const proxies: Excel.Worksheet[] = [];
  for (const sheet of plan.sheets) {
    const state = sheet.existing ? states.get(sheet.name) : undefined;
    await budget.reserve(60 + sheet.name.length);
    const ws = state ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
    if (state?.protected) ws.protection.unprotect();
    proxies.push(ws);
  }
  for (let i = 0; i < plan.sheets.length; i++) {
    const sheet = plan.sheets[i];
    await queueSheet(proxies[i], plan, sheet, sheet.existing ? states.get(sheet.name) : undefined, caps, budget);
  }
  for (const n of plan.names) {
    await budget.reserve(size(n));
    context.workbook.names.add(n.name, n.ref);
  }
  if (proxies.length) proxies[0].activate();
}
