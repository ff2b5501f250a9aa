/**
 * Read our sheets with computed values: marker-first through readMarkedSheets (src/excel/read.ts),
 * so foreign sheets' contents are never loaded. Two syncs in the usual case: sync 1 the sheet names
 * and A1 markers; sync 2 each of our sheets' used range (values and formulas), protection and
 * chart names. Ours are those whose A1 holds one of our markers.
 */
import type { ReadSheet } from "../core/report";
import type { SheetState } from "./apply";
import { readMarkedSheets } from "./read";

export { localAddress } from "./read";

export interface OurSheet extends ReadSheet {
  protected: boolean;
  /** Used range without the sheet name ("A1:F30"). */
  usedAddress: string | null;
  /** Names of the charts on the sheet. */
  charts: string[];
}

export interface WorkbookRead {
  /** Every sheet name, in order. */
  sheetNames: string[];
  /** Our sheets (first of each kind), in workbook order. */
  ours: OurSheet[];
}

export async function readOurSheets(context: Excel.RequestContext, sync: () => Promise<unknown>): Promise<WorkbookRead> {
  const read = await readMarkedSheets(context, sync, { values: true, charts: true });
  const ours = read.sheets.map((s) => ({ ...s, values: s.values ?? [], charts: s.charts ?? [] }));
  return { sheetNames: read.sheetNames, ours };
}

/** The apply module's view of our existing sheets. */
export function statesOf(read: WorkbookRead): Map<string, SheetState> {
  return new Map(read.ours.map((s) => [s.name, { name: s.name, protected: s.protected, usedAddress: s.usedAddress }]));
}
