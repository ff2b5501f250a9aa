/** The demo grid's paste and copy: the clipboard's table written through the (simulated) Office.js API, the selection read as TSV. */
import type { Lang } from "../core/types";
import { parseInput } from "../sim/host/numfmt";
import { clipboardTable, pastedValue, toTsv } from "./clipboard";

/** What to write for a pasted cell: text that Excel would read as something else keeps an apostrophe (stays text). */
function asWritten(v: string | number | boolean): string | number | boolean {
  if (typeof v !== "string" || v === "" || v.startsWith("=")) return v;
  return v.startsWith("'") || parseInput(v).kind !== "text" ? `'${v}` : v;
}

/** The table a paste event carries (HTML table first, else tab-separated text). */
export function tableFromClipboard(data: DataTransfer | null): string[][] {
  if (!data) return [];
  return clipboardTable({ html: data.getData("text/html"), text: data.getData("text/plain") }, (h) => new DOMParser().parseFromString(h, "text/html"));
}

/**
 * Write `table` from (row, col) of `sheet` as Excel pastes text: each cell read as typed in the
 * workbook's language; the pasted range is selected. Rejects with Office's error (a protected sheet).
 */
export async function pasteTable(sheet: string, row: number, col: number, table: string[][], lang: Lang): Promise<void> {
  const rows = table.length;
  const cols = Math.max(0, ...table.map((r) => r.length));
  if (rows === 0 || cols === 0) return;
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, rows, cols);
    range.formulas = table.map((r) => Array.from({ length: cols }, (_, c) => asWritten(pastedValue(r[c] ?? "", lang)))) as never;
    range.select();
    await context.sync();
  });
}

/** The displayed text of a block of cells as Excel copies it (text/plain). */
export function copyText(texts: string[][]): string {
  return toTsv(texts);
}
