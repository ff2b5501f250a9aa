/** The «Insert sheets» command's view of the workbook: our report sheets and their typed inputs. */

import { readSheetGrid, type ExistingReport } from "../core/layout";
import { parseMarker } from "../core/layout/markers";
import type { SheetState } from "./apply";
import { readOurSheets } from "./readReport";

export { localAddress } from "./readReport";

export interface WorkbookState {
  report: ExistingReport;
  /** Our report sheets by name. */
  states: Map<string, SheetState>;
}

/**
 * Two syncs through readOurSheets (the one reader of our sheets): the report sheets among them
 * (passport, base figures, sections — not the analysis sheets) with what was typed, formulas
 * included. Foreign sheets are only read, never changed.
 */
export async function readWorkbook(context: Excel.RequestContext, sync: () => Promise<unknown> = () => context.sync()): Promise<WorkbookState> {
  const read = await readOurSheets(context, sync);
  const report: ExistingReport = { sheetNames: read.sheetNames, sheets: [] };
  const states = new Map<string, SheetState>();
  for (const s of read.ours) {
    if (!parseMarker(s.formulas[0]?.[0])) continue;
    const sheet = readSheetGrid(s.name, s.formulas, { row: 1, col: 1 });
    if (!sheet) continue;
    report.sheets.push(sheet);
    states.set(s.name, { name: s.name, protected: s.protected, usedAddress: s.usedAddress });
  }
  return { report, states };
}
