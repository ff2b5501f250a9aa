/** School workbooks for the reader tests: the standard plan written by exceljs, inputs filled in. */
import ExcelJS from "exceljs";
import { buildReportPlan, LAYOUT, PASSPORT, type ReportOptions } from "../../src/core/layout";
import { periodsOf } from "../../src/core/periods";
import { loadXlsx } from "../../src/xlsx/read";
import { writePlanToXlsx } from "../../src/xlsx/write";

export const OPTIONS: ReportOptions = {
  school: "МБОУ СОШ № 5",
  schoolYear: 2023,
  periods: periodsOf(2023, ["H", "Y"]),
  sections: ["subject", "staff"],
  lang: "ru",
};

/** Row of an indicator id on a sheet (1-based), or 0. */
export function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = LAYOUT.firstDataRow; r <= ws.rowCount; r++) if (ws.getCell(r, LAYOUT.idCol).value === id) return r;
  return 0;
}

/** Column of a period key (1-based), or 0. */
export function colOf(ws: ExcelJS.Worksheet, key: string): number {
  for (let c = LAYOUT.firstPeriodCol; c <= ws.columnCount; c++) if (ws.getCell(LAYOUT.periodKeyRow, c).value === key) return c;
  return 0;
}

/** Every sheet holding an indicator row, by id. */
export function findRow(wb: ExcelJS.Workbook, id: string): { ws: ExcelJS.Worksheet; row: number } {
  for (const ws of wb.worksheets) {
    const row = rowOf(ws, id);
    if (row) return { ws, row };
  }
  throw new Error(`no row ${id}`);
}

export interface Fill {
  school?: string;
  /** indicator id → period key → typed value. */
  values: Record<string, Record<string, unknown>>;
}

/** The standard workbook with the given inputs typed in, as .xlsx bytes. */
export async function schoolWorkbook(fill: Fill, options: Partial<ReportOptions> = {}): Promise<Uint8Array> {
  const wb = await loadXlsx(await writePlanToXlsx(buildReportPlan({ ...OPTIONS, ...options })));
  if (fill.school !== undefined) {
    const ws = wb.worksheets.find((w) => w.getCell(1, 1).value === "shnor-monitor:v1:passport")!;
    for (let r = PASSPORT.firstFieldRow; r <= ws.rowCount; r++) if (ws.getCell(r, PASSPORT.idCol).value === "school") ws.getCell(r, PASSPORT.valueCol).value = fill.school;
  }
  for (const [id, byPeriod] of Object.entries(fill.values)) {
    const { ws, row } = findRow(wb, id);
    for (const [key, v] of Object.entries(byPeriod)) ws.getCell(row, colOf(ws, key)).value = v as ExcelJS.CellValue;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
