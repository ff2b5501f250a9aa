/**
 * Read our sheets with computed values in two syncs: sync 1 loads the sheet names; sync 2 loads each
 * sheet's used range (values and formulas), protection and chart names. Ours are those whose A1
 * holds one of our markers; foreign sheets are read (as src/excel/read.ts does) but never changed.
 * TODO: switch to a marker-first read (A1 of each sheet, then only ours) once the host has
 * getNextOrNullObject, so large foreign sheets are not loaded.
 */
import { parseAnyMarker } from "../core/layout/markers";
import type { ReadSheet } from "../core/report";
import type { SheetState } from "./apply";

/** "'My sheet'!B2:F30" → "B2:F30". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

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
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await sync();
  const probes = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject();
    used.load("address,values,formulas");
    ws.protection.load("protected");
    ws.charts.load("items/name");
    return { ws, used };
  });
  await sync();
  const ours: OurSheet[] = [];
  for (const { ws, used } of probes) {
    if (used.isNullObject) continue;
    const address = localAddress(used.address);
    if (!/^\$?A\$?1(:|$)/.test(address)) continue; // our marker makes A1 the corner
    const kind = parseAnyMarker(used.values[0]?.[0])?.kind;
    if (!kind || ours.some((s) => s.kind === kind)) continue;
    ours.push({
      name: ws.name,
      kind,
      values: used.values as unknown[][],
      formulas: used.formulas as unknown[][],
      protected: ws.protection.protected,
      usedAddress: address,
      charts: ws.charts.items.map((c) => c.name),
    });
  }
  return { sheetNames: probes.map((p) => p.ws.name), ours };
}

/** The apply module's view of our existing sheets. */
export function statesOf(read: WorkbookRead): Map<string, SheetState> {
  return new Map(read.ours.map((s) => [s.name, { name: s.name, protected: s.protected, usedAddress: s.usedAddress }]));
}
