/** The inspection API: what tests and the browser demo read and do directly, outside Office.js semantics. */

import type { Text } from "../../core/types";
import { Rect, colIndex, formatRect, parseRect } from "./address";
import type { CellValue } from "./calc";
import type { WorkbookModel } from "./model";
import { isPercentFormat, percentEntry } from "./entry";
import { parseInput } from "./numfmt";
import { conditionalFormatAt, satisfies, validationAt } from "./rules";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SheetModel, ValidationEntry } from "./sheet";
import { cellKey } from "./styles";

export interface CellInfo {
  value: CellValue | "";
  text: string;
  /** The formula text, or null for a constant / empty cell. */
  formula: string | null;
  numberFormat: string;
  /** Fill "#RRGGBB" of the cell's own format, null when none. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  indentLevel: number;
  horizontalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  validation: Omit<ValidationEntry, "rect"> | null;
  /** What the conditional formats give the cell now (null: no matching rule sets it). */
  conditionalFill: string | null;
  conditionalFontColor: string | null;
  conditionalBold: boolean | null;
  /** For an error value: the engine's detail (a custom function's message), else null. */
  errorMessage: string | null;
}

export interface GridSnapshot {
  name: string;
  /** Rows and columns from A1 to the bottom-right of the used range (and the frozen panes). */
  rows: number;
  columns: number;
  cells: {
    value: CellValue | "";
    text: string;
    formula: string | null;
    /** Effective fill: the conditional one when a rule applies, else the cell's own. */
    fill: string | null;
    fontColor: string;
    bold: boolean;
    italic: boolean;
    indentLevel: number;
    horizontalAlignment: string;
    wrapText: boolean;
    locked: boolean;
  }[][];
  merges: string[];
  /** Widths in points, index 0 = column A; 0 for a hidden column. */
  columnWidths: number[];
  rowHeights: number[];
  /** Hidden rows and columns, 0-based (Excel shows and prints neither). */
  hiddenRows: number[];
  hiddenColumns: number[];
  frozen: { rows: number; columns: number };
  protected: boolean;
  tabColor: string;
  visibility: string;
}

export type AlertStyle = "Stop" | "Warning" | "Information";

/**
 * `alert`: the data-validation error alert Excel shows for the refusal (absent for protection and
 * formula errors, which Excel reports in a plain message box).
 */
export type EditResult =
  | { ok: true; warning?: { title: string; message: Text } }
  | { ok: false; title?: string; message: Text; alert?: AlertStyle };

export interface EditOptions {
  /**
   * "accept" (default): a Warning or Information alert is answered Yes / OK, the value is kept and
   * reported as `warning`. "ask": the value is not kept and the alert comes back as a refusal with
   * its style, for the caller to ask the user (and, on Yes / OK, to repeat the edit with "accept").
   */
  alerts?: "accept" | "ask";
  /** Excel's «Enable automatic percent entry» (see entry.ts): on unless false, as Excel's default. */
  autoPercentEntry?: boolean;
}

export type ChangeListener = (event: { source: "api" | "user"; sheet?: string }) => void;

const PROTECTED: Text = {
  ru: "Ячейка или диаграмма, которую вы пытаетесь изменить, находится на защищенном листе. Чтобы внести изменения, снимите защиту листа. Может потребоваться ввести пароль.",
  en: "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
};
const INVALID: Text = {
  ru: "Это значение не соответствует ограничениям проверки данных, установленным для этой ячейки.",
  en: "This value doesn't match the data validation restrictions defined for this cell.",
};
const BAD_FORMULA: Text = { ru: "Обнаружена проблема с этой формулой.", en: "There's a problem with this formula." };

export class Inspector {
  private listeners = new Set<ChangeListener>();

  constructor(private readonly model: WorkbookModel) {}

  private sheet(name: string): SheetModel {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`No sheet named "${name}" in the simulated workbook.`);
    return s;
  }

  private cellAt(a1: string): { r: number; c: number } {
    const rect = parseRect(a1);
    if (!rect || rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new Error(`"${a1}" is not a single-cell A1 address.`);
    return { r: rect.r0, c: rect.c0 };
  }

  /** Sheets in position order. */
  sheetNames(): { name: string; visibility: string }[] {
    return this.model.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  activeSheet(): string {
    return this.model.activeSheet().name;
  }

  cell(sheetName: string, a1: string): CellInfo {
    const sheet = this.sheet(sheetName);
    const { r, c } = this.cellAt(a1);
    const m = this.model;
    const st = sheet.styles.get(r, c);
    const v = validationAt(sheet, r, c);
    const cf = conditionalFormatAt(m, sheet, r, c);
    return {
      value: m.value(sheet, r, c),
      text: m.text(sheet, r, c),
      formula: m.calc.formula(sheet.hfId, r, c) ?? null,
      numberFormat: st.numberFormat,
      fill: st.fill,
      fontColor: st.fontColor,
      bold: st.bold,
      italic: st.italic,
      indentLevel: st.indent,
      horizontalAlignment: st.hAlign,
      wrapText: st.wrap,
      locked: st.locked,
      validation: v ? { rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert, ignoreBlanks: v.ignoreBlanks } : null,
      conditionalFill: cf.fill ?? null,
      conditionalFontColor: cf.fontColor ?? null,
      conditionalBold: cf.bold ?? null,
      errorMessage: sheet.content.has(cellKey(r, c)) ? m.calc.errorMessage(sheet.hfId, r, c) : null,
    };
  }

  grid(sheetName: string): GridSnapshot {
    const sheet = this.sheet(sheetName);
    const m = this.model;
    const used = m.usedRect(sheet, false);
    const rows = Math.max(used ? used.r1 + 1 : 0, sheet.frozen.rows);
    const columns = Math.max(used ? used.c1 + 1 : 0, sheet.frozen.cols);
    const cells: GridSnapshot["cells"] = [];
    for (let r = 0; r < rows; r++) {
      const row: GridSnapshot["cells"][number] = [];
      for (let c = 0; c < columns; c++) {
        const st = sheet.styles.get(r, c);
        const has = sheet.content.has(cellKey(r, c));
        const cf = has || sheet.condFormats.length > 0 ? conditionalFormatAt(m, sheet, r, c) : {};
        row.push({
          value: m.value(sheet, r, c),
          text: has ? m.text(sheet, r, c) : "",
          formula: has ? (m.calc.formula(sheet.hfId, r, c) ?? null) : null,
          fill: cf.fill ?? st.fill,
          fontColor: cf.fontColor ?? st.fontColor,
          bold: cf.bold ?? st.bold,
          italic: cf.italic ?? st.italic,
          indentLevel: st.indent,
          horizontalAlignment: st.hAlign,
          wrapText: st.wrap,
          locked: st.locked,
        });
      }
      cells.push(row);
    }
    return {
      name: sheet.name,
      rows,
      columns,
      cells,
      merges: sheet.merges.map((x) => formatRect(x)),
      columnWidths: Array.from({ length: columns }, (_, c) => (sheet.hiddenCols.has(c) ? 0 : sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH)),
      rowHeights: Array.from({ length: rows }, (_, r) => (sheet.hiddenRows.has(r) ? 0 : sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT)),
      hiddenRows: [...sheet.hiddenRows].filter((r) => r < rows).sort((a, b) => a - b),
      hiddenColumns: [...sheet.hiddenCols].filter((c) => c < columns).sort((a, b) => a - b),
      frozen: { rows: sheet.frozen.rows, columns: sheet.frozen.cols },
      protected: sheet.protection.protected,
      tabColor: sheet.tabColor,
      visibility: sheet.visibility,
    };
  }

  /**
   * Simulate a user typing `input` into a cell and pressing Enter: protection, formula syntax and
   * data validation are enforced as Excel does. A "Stop" alert refuses the value; "Warning" and
   * "Information" alerts accept it (the user answers "Yes") and report the alert as `warning`
   * (see EditOptions for asking instead, and for automatic percent entry).
   */
  userEdit(sheetName: string, a1: string, input: string, options: EditOptions = {}): EditResult {
    const sheet = this.sheet(sheetName);
    const { r, c } = this.cellAt(a1);
    const m = this.model;
    const rect: Rect = { r0: r, c0: c, r1: r, c1: c };
    if (m.isLocked(sheet, rect)) return { ok: false, message: PROTECTED };
    const format = sheet.styles.get(r, c).numberFormat;
    let parsed = format === "@" && !input.startsWith("=") ? { kind: "text" as const, value: input } : parseInput(input);
    if (options.autoPercentEntry !== false && parsed.kind === "number" && isPercentFormat(format)) parsed = { kind: "number", value: percentEntry(input, parsed.value) };
    if (parsed.kind === "formula" && !m.calc.validFormula(parsed.formula)) return { ok: false, message: BAD_FORMULA };
    const raw =
      parsed.kind === "empty" ? null : parsed.kind === "formula" ? parsed.formula : parsed.kind === "text" ? `'${parsed.value}` : parsed.value;
    const previous = m.calc.serialized(sheet.hfId, r, c);
    m.writeRaw(sheet, r, c, [[raw]]);
    const entry = validationAt(sheet, r, c);
    if (entry && entry.errorAlert.showAlert && !satisfies(m, sheet, entry, r, c)) {
      const custom = entry.errorAlert.message;
      const message: Text = custom ? { ru: custom, en: custom } : INVALID;
      const style = entry.errorAlert.style as AlertStyle;
      if (style === "Stop" || options.alerts === "ask") {
        m.writeRaw(sheet, r, c, [[previous === "" ? null : previous]]);
        return { ok: false, title: entry.errorAlert.title, message, alert: style === "Warning" || style === "Information" ? style : "Stop" };
      }
      this.emit({ source: "user", sheet: sheet.name });
      return { ok: true, warning: { title: entry.errorAlert.title, message } };
    }
    this.emit({ source: "user", sheet: sheet.name });
    return { ok: true };
  }

  /** The user clicks a sheet's tab: it becomes the active sheet, its A1 the selection (as Excel's selection is on the active sheet). */
  activate(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (sheet.visibility !== "Visible") throw new Error(`Sheet "${sheetName}" is hidden.`);
    this.model.activate(sheet);
    if (this.model.selection?.sheetId !== sheet.id) this.model.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }

  /** The user selects a range (as by clicking in Excel): what workbook.getSelectedRange() then returns. */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect) throw new Error(`"${address}" is not an A1 address.`);
    this.model.selection = { sheetId: sheet.id, rect };
  }

  /** The selected range (null until something is selected). */
  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    const sheet = sel && this.model.sheetById(sel.sheetId);
    return sel && sheet ? { sheet: sheet.name, address: formatRect(sel.rect) } : null;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.add(listener);
  }
  offChange(listener: ChangeListener): void {
    this.listeners.delete(listener);
  }
  /** @internal */ emit(event: Parameters<ChangeListener>[0]): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        /* a listener's failure must not break the host */
      }
    }
  }

  protection(sheetName: string): { protected: boolean; options: Record<string, unknown> } {
    const p = this.sheet(sheetName).protection;
    return { protected: p.protected, options: { ...p.options } };
  }

  frozen(sheetName: string): { rows: number; columns: number } {
    const f = this.sheet(sheetName).frozen;
    return { rows: f.rows, columns: f.cols };
  }

  dataValidationAt(sheetName: string, a1: string): Omit<ValidationEntry, "rect"> & { range: string } | null {
    const { r, c } = this.cellAt(a1);
    const e = validationAt(this.sheet(sheetName), r, c);
    return e ? { range: formatRect(e.rect), rule: e.rule, prompt: e.prompt, errorAlert: e.errorAlert, ignoreBlanks: e.ignoreBlanks } : null;
  }

  conditionalFormats(sheetName: string) {
    return this.sheet(sheetName).condFormats.map((cf, priority) => ({
      ranges: cf.rects.map((x) => formatRect(x)),
      type: cf.type,
      rule: { ...cf.rule },
      format: { ...cf.format },
      stopIfTrue: cf.stopIfTrue,
      priority,
      extra: { ...cf.extra },
    }));
  }

  /** Sheet-level settings: tab colour, visibility, page layout, column widths set, merges, custom properties. */
  sheetInfo(sheetName: string) {
    const s = this.sheet(sheetName);
    return {
      id: s.id,
      name: s.name,
      position: this.model.sheets.indexOf(s),
      visibility: s.visibility,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
      pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
      columnWidths: Object.fromEntries([...s.colWidths].map(([c, w]) => [formatRect({ r0: 0, r1: 1048575, c0: c, c1: c }).split(":")[0], w])),
      merges: s.merges.map((x) => formatRect(x)),
      customProperties: Object.fromEntries(s.customProperties),
      hiddenColumns: [...s.hiddenCols].sort((a, b) => a - b).map((c) => formatRect({ r0: 0, r1: 1048575, c0: c, c1: c }).split(":")[0]),
    };
  }

  columnWidth(sheetName: string, column: string): number {
    return this.sheet(sheetName).colWidths.get(colIndex(column)) ?? DEFAULT_COLUMN_WIDTH;
  }

  charts(sheetName: string) {
    const id = this.sheet(sheetName).id;
    return this.model.charts.filter((c) => c.sheetId === id).map((c) => JSON.parse(JSON.stringify(c)));
  }

  tables() {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: this.model.sheetById(t.sheetId)?.name ?? "",
      range: formatRect(t.rect),
      style: t.style,
      showTotals: t.showTotals,
    }));
  }

  names() {
    return [...this.model.names.values()].map((n) => ({ ...n }));
  }

  customXmlParts() {
    return this.model.customXmlParts.map((p) => ({ ...p }));
  }
}
