/** The task pane's reader of schools' .xlsx files (no exceljs; loaded lazily by the consolidation screen). */
export * from "./workbook";
export * from "./school";
export * from "./limits";
export { XlsxFormatError } from "./xml";
export { OverlongText, SparseCells } from "../../core/cells";
export * from "./docx";
