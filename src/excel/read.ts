/** Read the workbook's sheet names and our sheets (by their A1 marker) in two syncs. */

import { readSheetGrid, type ExistingReport } from "../core/layout";
import { parseMarker } from "../core/layout/markers";
import { parseRangeAddress } from "../core/layout/grid";
import type { SheetState } from "./apply";

export interface WorkbookState {
  report: ExistingReport;
  /** Our sheets by name. */
  states: Map<string, SheetState>;
}

/** "'My sheet'!B2:F30" → "B2:F30". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/**
 * Sync 1 loads the sheet names; sync 2 loads every sheet's used range (formulas: what was typed,
 * including any formula) and protection. Our sheets are those whose A1 holds our marker; foreign
 * sheets are only read, never changed.
 */
export async function readWorkbook(context: Excel.RequestContext, sync: () => Promise<unknown> = () => context.sync()): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await sync();
  const loaded = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject();
    used.load("address,formulas");
    ws.protection.load("protected");
    return { ws, used };
  });
  await sync();
  const report: ExistingReport = { sheetNames: loaded.map((l) => l.ws.name), sheets: [] };
  const states = new Map<string, SheetState>();
  for (const { ws, used } of loaded) {
    if (used.isNullObject) continue;
    const address = localAddress(used.address);
    const bounds = parseRangeAddress(address);
    if (!bounds || bounds.row1 !== 1 || bounds.col1 !== 1) continue; // our marker makes A1 the corner
    if (!parseMarker(used.formulas[0]?.[0])) continue;
    const sheet = readSheetGrid(ws.name, used.formulas, { row: 1, col: 1 });
    if (!sheet || report.sheets.some((s) => s.kind === sheet.kind)) continue;
    report.sheets.push(sheet);
    states.set(ws.name, { name: ws.name, protected: ws.protection.protected, usedAddress: address });
  }
  return { report, states };
}
