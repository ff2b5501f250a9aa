/** Read an .xlsx written by writePlanToXlsx (or filled by a school) back into an ExistingReport. */

import ExcelJS from "exceljs";
import { readSheetGrid, type ExistingReport } from "../core/layout";
import { asTyped } from "../core/layout/typed";

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

/** A cell in input form (core/layout/typed.ts): a text that would read as a formula keeps Excel's "'" prefix. */
export function cellInput(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = cellContent(cell);
  const isText = typeof cell.value === "string" || (typeof cell.value === "object" && cell.value !== null && ("richText" in cell.value || "text" in cell.value));
  return isText && typeof v === "string" ? asTyped(v) : v;
}

/** Every sheet as a grid of contents from A1 (rows and columns up to the last used cell). */
export function sheetGrid(ws: ExcelJS.Worksheet, content: (cell: ExcelJS.Cell) => string | number | boolean | null = cellContent): (string | number | boolean | null)[][] {
  const grid: (string | number | boolean | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(content(ws.getCell(r, c)));
    grid.push(row);
  }
  return grid;
}

/** Rejection of bytes that are not a readable .xlsx (empty, another format, damaged). */
export const NOT_XLSX = {
  ru: "Файл не удалось прочитать: это не файл Excel (.xlsx) или он повреждён.",
  en: "The file could not be read: it is not an Excel (.xlsx) file or it is damaged.",
};

/** Loads an .xlsx; rejects with NOT_XLSX (ru / en, exceljs' reason as `cause`) when it cannot. */
export async function loadXlsx(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer type; both kinds load.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw Object.assign(new Error(`${NOT_XLSX.ru} / ${NOT_XLSX.en}`), { cause: e });
  }
  return wb;
}

/** Our sheets of a workbook (by their A1 marker) with what they hold. Rejects as loadXlsx does. */
export async function readXlsxReport(data: Buffer | ArrayBuffer): Promise<ExistingReport> {
  const wb = await loadXlsx(data);
  const report: ExistingReport = { sheetNames: wb.worksheets.map((w) => w.name), sheets: [] };
  for (const ws of wb.worksheets) {
    const s = readSheetGrid(ws.name, sheetGrid(ws, cellInput));
    if (s && !report.sheets.some((x) => x.kind === s.kind)) report.sheets.push(s);
  }
  return report;
}
