/**
 * «Загрузить таблицу показателей» (issue 19): read a pasted (or Word) indicator table, recognise
 * its rows and value columns, check its figures on the way in, and plan what goes where. Pure.
 */
export { readCell, looksLikeValue, type CellReading, type ShareForm } from "./cells";
export { columnMeaning, tableShape, type ColumnMeaning, type TableShape, type ValueColumn } from "./columns";
export { recognizeRow, rankByWording, itemsNumbered, type MatchedBy, type RowMatch } from "./match";
export { planImport, planImportFromDoc, MAX_IMPORT_ROWS, MAX_IMPORT_COLS } from "./plan";
export { importConflicts, importTargets, overlayImport, type ImportConflict, type ImportTarget, type Overlaid } from "./overlay";
export { cleanText, leadingNumber, normalizeText } from "./text";
export type * from "./types";
export { countSchoolColumns, findingsForSummary, schoolColumns, schoolSources, type SchoolColumn, type SchoolFinding, type SchoolsImport } from "./schools";
