/**
 * The bounds of the file reader. A school's report is small (six sheets of some 60 rows and a few
 * hundred columns at most); these bounds are far above it and far below what hurts the pane.
 * Hitting one ends the file with a named finding, in time linear in the file's size.
 */

/** Uncompressed bytes of one part (workbook, relationships, shared strings, one worksheet). */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** Uncompressed bytes a file may make us inflate in all (really inflated, not as claimed). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/**
 * A file may inflate to at most RATIO_SLACK + MAX_RATIO × its own size: our parts compress 3–15×,
 * so a small file that expands a thousandfold (junk that is slow to parse) stops early.
 */
export const MAX_RATIO = 100;
export const RATIO_SLACK = 2 * 1024 * 1024;
/** Entries of the zip directory (an .xlsx has a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Sheets listed by the workbook. */
export const MAX_SHEETS = 256;
/** Cells read from our sheets in all (a report with 80 periods holds about 60,000). */
export const MAX_CELLS = 250_000;
/** XML elements parsed in all (a report with 80 periods has about 200,000). */
export const MAX_ELEMENTS = 2_000_000;
/** Items of the shared string table. */
export const MAX_STRINGS = 500_000;
/** Our sheets' area: rows and columns beyond it are not read (reported once per file). */
export const MAX_ROW = 2_000;
export const MAX_COL = 1_024;
/** Excel's own grid. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLS = 16_384;

export type ReadFailure =
  | "notZip"
  | "notXlsx"
  | "damaged"
  | "encrypted"
  | "nestedArchive"
  | "unsafeXml"
  | "tooLarge"
  | "tooManyParts"
  | "tooManyCells";

/** Why a file cannot be read; `detail` is technical (English, no user text unshortened). */
export class XlsxReadError extends Error {
  constructor(
    readonly code: ReadFailure,
    detail: string,
  ) {
    super(detail);
    this.name = "XlsxReadError";
  }
}
