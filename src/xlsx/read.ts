/** Read an .xlsx written by writePlanToXlsx (or filled by a school) back into an ExistingReport. */

import ExcelJS from "exceljs";
import { readSheetGrid, type ExistingReport } from "../core/layout";

/** A cell's content as the readers expect it: a formula as "=…", a value as it is, blank as null. */
export function cellContent(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if ("formula" in v && v.formula) return `=${v.formula}`;
    if ("sharedFormula" in v && v.sharedFormula) return `=${cell.formula}`;
    if ("richText" in v) return v.richText.map((p) => p.text).join("");
    if ("text" in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
    if ("error" in v) return String(v.error);
    return null;
  }
  return v;
}

/** Every sheet as a grid of contents from A1 (rows and columns up to the last used cell). */
export function sheetGrid(ws: ExcelJS.Worksheet): (string | number | boolean | null)[][] {
  const grid: (string | number | boolean | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(cellContent(ws.getCell(r, c)));
    grid.push(row);
  }
  return grid;
}

export async function loadXlsx(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer type; both kinds load.
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** Our sheets of a workbook (by their A1 marker) with what they hold. */
export async function readXlsxReport(data: Buffer | ArrayBuffer): Promise<ExistingReport> {
  const wb = await loadXlsx(data);
  const report: ExistingReport = { sheetNames: wb.worksheets.map((w) => w.name), sheets: [] };
  for (const ws of wb.worksheets) {
    const s = readSheetGrid(ws.name, sheetGrid(ws));
    if (s && !report.sheets.some((x) => x.kind === s.kind)) report.sheets.push(s);
  }
  return report;
}
