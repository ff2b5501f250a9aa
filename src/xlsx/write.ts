/** Write a WorkbookPlan to an .xlsx file with exceljs (the template for schools without the add-in). */

import ExcelJS from "exceljs";
import type { PlanStyle, PlanValidation, SheetPlan, WorkbookPlan } from "../core/plan";

const argb = (hex: string) => ({ argb: `FF${hex.replace("#", "").toUpperCase()}` });

/** exceljs style pieces of one plan style (built once, shared by the cells using it). */
function toExcelStyle(s: PlanStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { protection: { locked: s.locked } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill) };
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontColor) font.color = argb(s.fontColor);
  if (Object.keys(font).length) style.font = font;
  const al: Partial<ExcelJS.Alignment> = {};
  if (s.wrap) al.wrapText = true;
  if (s.indent) al.indent = s.indent;
  if (s.horizontal) al.horizontal = s.horizontal;
  if (s.vertical) al.vertical = s.vertical === "center" ? "middle" : s.vertical;
  if (Object.keys(al).length) style.alignment = al;
  return style;
}

function toDataValidation(v: PlanValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: v.error.title,
    error: v.error.message,
  } as const;
  const r = v.rule;
  if (r.kind === "list") return { ...common, type: "list", formulae: [`"${r.items.join(",")}"`] };
  if (r.kind === "listFrom") return { ...common, type: "list", formulae: [r.source] };
  if (r.kind === "custom") return { ...common, type: "custom", formulae: [r.formula.replace(/^=/, "")] };
  const type = r.kind === "wholeNumber" ? "whole" : "decimal";
  return r.max === undefined
    ? { ...common, type, operator: "greaterThanOrEqual", formulae: [r.min] }
    : { ...common, type, operator: "between", formulae: [r.min, r.max] };
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, styles: Record<string, Partial<ExcelJS.Style>>): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: argb(sheet.tabColor) } : {},
    views: [{ state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }],
    pageSetup: {
      orientation: sheet.pageLayout.orientation,
      ...(sheet.pageLayout.scale ? { fitToPage: false, scale: sheet.pageLayout.scale } : { fitToPage: true, fitToWidth: sheet.pageLayout.fitToPagesWide, fitToHeight: 0 }),
      paperSize: 9,
      printTitlesRow: sheet.pageLayout.printTitleRows,
      ...(sheet.pageLayout.printTitleColumns ? { printTitlesColumn: sheet.pageLayout.printTitleColumns } : {}),
      // exceljs puts "$" before each end only: "B$1:N$14" is written as the absolute "$B$1:$N$14"
      // ("$B1:$N14", with relative rows, is ignored by LibreOffice).
      ...(sheet.pageLayout.printArea ? { printArea: sheet.pageLayout.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    },
  });
  if (sheet.pageLayout.footer) ws.headerFooter = { oddFooter: `&C${sheet.pageLayout.footer}` };
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  (sheet.rowHeights ?? []).forEach((h, i) => {
    if (h > 0) ws.getRow(i + 1).height = h;
  });
  for (const r of sheet.hiddenRows ?? []) ws.getRow(r).hidden = true;
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const st = cell.style ? styles[cell.style] : undefined;
      if (st) target.style = st;
      if (cell.formula !== undefined) target.value = { formula: cell.formula.replace(/^=/, "") };
      else if (cell.value !== undefined) target.value = cell.value;
    }),
  );
  for (const m of sheet.merges) ws.mergeCells(m);
  // exceljs 4.4 has range validations (worksheet.dataValidations) but its typings lack them.
  const dvs = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) dvs.add(v.range, toDataValidation(v));
  if (sheet.protection.protected) {
    await ws.protect("", {
      formatColumns: sheet.protection.allowFormatColumns,
      formatRows: sheet.protection.allowFormatRows,
      sort: sheet.protection.allowSort,
      selectLockedCells: true,
      selectUnlockedCells: true,
    });
  }
}

/** The .xlsx bytes of a plan: same values, formulas, formats, validation, protection and markers. */
export async function writePlanToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "shnor-monitor";
  const styles: Record<string, Partial<ExcelJS.Style>> = {};
  for (const [id, s] of Object.entries(plan.styles)) styles[id] = toExcelStyle(s);
  for (const sheet of plan.sheets) await writeSheet(wb, sheet, styles);
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  // Ask Excel to recalculate on open: formula cells carry no cached results.
  wb.calcProperties = { fullCalcOnLoad: true };
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
