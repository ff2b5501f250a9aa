/** The task pane's reader of schools' .xlsx files (no exceljs; loaded lazily by the consolidation screen). */
export * from "./workbook";
export { XlsxFormatError } from "./xml";
