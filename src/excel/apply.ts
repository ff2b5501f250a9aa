/**
 * Queue a WorkbookPlan's writes on an Excel request context. The caller syncs once at the end;
 * `flush` is called only when the queued request would pass the payload budget (chunking).
 */

import type { PlanCell, PlanStyle, PlanValidation, SheetPlan, WorkbookPlan } from "../core/plan";
import { parseRangeAddress, rangeAddress, columnLetter } from "../core/layout/grid";
import { styleRects } from "./rects";
import { widthOf } from "../core/arrays";

/**
 * Keep every request under this many bytes as Office.js serializes it (Excel on the web rejects
 * 5 MB; our rule is 4 MB; the estimate below is never under the real size).
 */
export const REQUEST_BUDGET = 3_500_000;
/** Row blocks of cell writes are cut at about this size. */
const BLOCK_BYTES = 400_000;

/**
 * What Office.js adds to a request around the arguments, in bytes: every proxy is an object path
 * plus an Instantiate action, a range also `_KeepReference` and a second Instantiate, every write
 * or call an action naming its object. Measured with Microsoft's client (src/cli/officejs-bytes.ts)
 * at 6-digit ids, rounded up; test/budgets/officejs.test.ts checks the estimate stays above the
 * real size of every request the commands send.
 */
export const OFFICE_BYTES = {
  /** A new range proxy (getRange, getRangeByIndexes, …), its address aside. */
  range: 400,
  /** Another new proxy: a navigation property (format, fill, protection, …) or a method's object. */
  object: 200,
  /** A property write or a method call, its arguments aside. */
  action: 150,
} as const;

/** Office.js bytes of so many new ranges, other proxies and actions (arguments aside). */
export function officeBytes(c: { ranges?: number; objects?: number; actions?: number }): number {
  return (c.ranges ?? 0) * OFFICE_BYTES.range + (c.objects ?? 0) * OFFICE_BYTES.object + (c.actions ?? 0) * OFFICE_BYTES.action;
}

/** Office.js cuts a 2-D write of more cells than this into row chunks (setRangePropertiesInBulk). */
const OFFICE_CHUNK_CELLS = 1500;

/**
 * Office.js bytes of one 2-D write of `rows` × `cols` (its array aside): one action, or past
 * 1,500 cells an array-size check plus, per chunk of about 1,500 cells, three range proxies
 * (getRow, getRow, getBoundingRect with its argument path; six Instantiate actions: about four
 * objects' worth) and the chunk's own action (with its list of last-used paths: two actions' worth).
 */
export function arrayWriteBytes(rows: number, cols: number): number {
  if (rows * cols <= OFFICE_CHUNK_CELLS) return officeBytes({ actions: 1 });
  const chunks = Math.ceil(rows / Math.max(1, Math.round(OFFICE_CHUNK_CELLS / cols)));
  return officeBytes({ objects: 4 * chunks, actions: 1 + 2 * chunks });
}

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

  /**
   * Reserve room for what is about to be queued: `payload` bytes of arguments (JSON, UTF-8) and
   * `overhead` bytes of Office.js' own (officeBytes); syncs first when it would not fit.
   */
  async reserve(payload: number, overhead: number): Promise<void> {
    const n = payload + overhead;
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

/** Office.js bytes of applyStyle on a new range. */
function styleOverhead(s: PlanStyle, caps: Capabilities): number {
  const font = [s.fontColor, s.bold, s.italic, s.fontSize].filter(Boolean).length;
  const format = [s.wrap, s.horizontal, s.vertical, s.indent && caps.pageLayout].filter(Boolean).length;
  // Objects: format, protection, and fill / font when used; actions: every property written.
  return officeBytes({ ranges: 1, objects: 2 + (s.fill ? 1 : 0) + (font ? 1 : 0), actions: 1 + (s.fill ? 1 : 0) + font + format });
}

function validationRule(v: PlanValidation): Excel.DataValidationRule {
  const r = v.rule;
  if (r.kind === "list") return { list: { inCellDropDown: true, source: r.items.join(",") } };
  if (r.kind === "listFrom") return { list: { inCellDropDown: true, source: `=${r.source}` } };
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
    const address = rangeAddress(r0 + 1, col1, r, col2);
    await budget.reserve(bytes + size(address), OFFICE_BYTES.range + 2 * arrayWriteBytes(r - r0, col2 - col1 + 1));
    const range = ws.getRange(address);
    range.numberFormat = formats;
    range.formulas = contents;
    r0 = r;
  }
  // Number formats went with the values above: styles differing only in them share one range.
  const look = (name: string) => {
    const st = styles[name];
    if (!st) return `?${name}`;
    const { numberFormat: _, ...rest } = st;
    return JSON.stringify(rest, Object.keys(rest).sort());
  };
  for (const rect of styleRects({ cells }, look)) {
    const s = styles[rect.style];
    if (!s || rect.col2 < col1 || rect.col1 > col2 || rect.row2 < row1) continue;
    await budget.reserve(size(s) + 20, styleOverhead(s, caps));
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
    // unmerge, clear, dataValidation.clear, conditionalFormats.clearAll, freezePanes.unfreeze.
    await budget.reserve(size(area) + 10, officeBytes({ ranges: 1, objects: 3, actions: 5 }));
    const r = ws.getRange(area);
    r.unmerge();
    r.clear("All");
    if (caps.validation) r.dataValidation.clear();
    if (caps.conditionalFormats) r.conditionalFormats.clearAll();
    ws.freezePanes.unfreeze();
  }
  if (sheet.tabColor) {
    await budget.reserve(size(sheet.tabColor), officeBytes({ actions: 1 }));
    ws.tabColor = sheet.tabColor;
  }

  // Column widths (a single-cell range sets the whole column's width).
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    await budget.reserve(20, officeBytes({ ranges: 1, objects: 1, actions: 1 }));
    ws.getRange(`${columnLetter(c + 1)}1`).format.columnWidth = charsToPoints(sheet.columnWidths[c]);
  }
  // Hidden helper columns (ExcelApi 1.2); a column hidden by an older version of the sheet is shown again.
  if (sheet.hiddenColumns?.length) {
    const shown = rangeAddress(1, 1, 1, Math.max(lastCol, (state?.usedAddress ? parseRangeAddress(state.usedAddress)?.col2 : undefined) ?? 1));
    await budget.reserve(size(shown) + 10, officeBytes({ ranges: 1, actions: 1 }));
    ws.getRange(shown).columnHidden = false;
    for (const c of sheet.hiddenColumns) {
      await budget.reserve(20, officeBytes({ ranges: 1, actions: 1 }));
      ws.getRange(`${columnLetter(c)}1`).columnHidden = true;
    }
  }

  // Row heights for wrapped text, one action per run of equal heights.
  const heights = sheet.rowHeights ?? [];
  for (let r = 0; r < heights.length; ) {
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === heights[r]) end++;
    if (heights[r] > 0) {
      await budget.reserve(30, officeBytes({ ranges: 1, objects: 1, actions: 1 }));
      ws.getRange(`${r + 1}:${end + 1}`).format.rowHeight = heights[r];
    }
    r = end + 1;
  }

  await queueCells(ws, sheet.cells, plan.styles, { row1: 1, col1: 1, col2: lastCol }, caps, budget);
  for (const m of sheet.merges) {
    await budget.reserve(size(m) + 10, officeBytes({ ranges: 1, actions: 1 }));
    ws.getRange(m).merge(false);
  }
  // Wrapped names: let Excel fit row heights.
  await budget.reserve(20, officeBytes({ ranges: 1, objects: 1, actions: 1 }));
  ws.getRange(rangeAddress(1, 1, lastRow, lastCol)).format.autofitRows();

  // Machine keys (period keys) stay readable but out of sight and off paper.
  for (const r of sheet.hiddenRows ?? []) {
    await budget.reserve(20, officeBytes({ ranges: 1, actions: 1 }));
    ws.getRange(`${r}:${r}`).rowHidden = true;
  }

  if (caps.validation) {
    for (const v of sheet.validations) {
      const rule = validationRule(v);
      const prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      const errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle, title: v.error.title, message: v.error.message };
      await budget.reserve(size([v.range, rule, prompt, errorAlert]) + 10, officeBytes({ ranges: 1, objects: 1, actions: 4 }));
      const dv = ws.getRange(v.range).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = rule;
      dv.prompt = prompt;
      dv.errorAlert = errorAlert;
    }
  }
  if (caps.conditionalFormats) {
    for (const cf of sheet.conditionalFormats) {
      await budget.reserve(size(cf) + 20, officeBytes({ ranges: 1, objects: 7, actions: 4 }));
      const c = ws.getRange(cf.range).conditionalFormats.add("Custom");
      c.custom.rule.formula = cf.formula;
      if (cf.style.fill) c.custom.format.fill.color = cf.style.fill;
      if (cf.style.fontColor) c.custom.format.font.color = cf.style.fontColor;
      if (cf.style.bold) c.custom.format.font.bold = true;
    }
  }
  await budget.reserve(20, officeBytes({ ranges: 1, objects: 1, actions: 1 }));
  if (sheet.frozenRows > 0 && sheet.frozenColumns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, sheet.frozenRows, sheet.frozenColumns)));
  else if (sheet.frozenRows > 0) ws.freezePanes.freezeRows(sheet.frozenRows);
  else if (sheet.frozenColumns > 0) ws.freezePanes.freezeColumns(sheet.frozenColumns);

  if (caps.pageLayout) {
    await budget.reserve(160, officeBytes({ objects: 1, actions: 5 }));
    const pl = ws.pageLayout;
    pl.orientation = sheet.pageLayout.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.zoom = sheet.pageLayout.scale ? { scale: sheet.pageLayout.scale } : { horizontalFitToPages: sheet.pageLayout.fitToPagesWide, verticalFitToPages: 0 };
    if (sheet.pageLayout.printTitleRows) {
      const [a, b] = sheet.pageLayout.printTitleRows.split(":");
      pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
    if (sheet.pageLayout.printTitleColumns) {
      const [a, b] = sheet.pageLayout.printTitleColumns.split(":");
      pl.setPrintTitleColumns(`$${a}:$${b ?? a}`);
    }
    if (sheet.pageLayout.printArea) pl.setPrintArea(sheet.pageLayout.printArea);
    if (sheet.pageLayout.footer) {
      await budget.reserve(size(sheet.pageLayout.footer) + 20, officeBytes({ objects: 2, actions: 1 }));
      pl.headersFooters.defaultForAllPages.centerFooter = sheet.pageLayout.footer;
    }
  }
  if (sheet.protection.protected) {
    await budget.reserve(120, officeBytes({ objects: 1, actions: 1 }));
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
    await budget.reserve(size(sheet.name), officeBytes(state?.protected ? { objects: 2, actions: 1 } : { objects: 1 }));
    const ws = state ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
    if (state?.protected) ws.protection.unprotect();
    proxies.push(ws);
  }
  for (let i = 0; i < plan.sheets.length; i++) {
    const sheet = plan.sheets[i];
    await queueSheet(proxies[i], plan, sheet, sheet.existing ? states.get(sheet.name) : undefined, caps, budget);
  }
  for (const n of plan.names) {
    await budget.reserve(size(n), officeBytes({ objects: 1, actions: 1 }));
    context.workbook.names.add(n.name, n.ref);
  }
  if (proxies.length) {
    await budget.reserve(0, officeBytes({ actions: 1 }));
    proxies[0].activate();
  }
}
