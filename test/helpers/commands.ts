/** Helpers of the command tests on the simulated host: the ok-result guard and a report cell's address. */
import { cellAddress, LAYOUT } from "../../src/core/layout/grid";
import type { CommandResult } from "../../src/excel/commands";
import type { SimHost } from "../../src/sim";

/** The command's value, or a thrown error naming its code and English message. */
export function ok<T>(r: CommandResult<T>): T {
  if (!r.ok) throw new Error(`command failed: ${r.error.code} ${r.error.message.en}`);
  return r;
}

/** Address of (indicator id in column A, period key in the key row) on a report sheet; `share`: the share column beside it. */
export function reportCell(host: SimHost, sheet: string, id: string, key: string, share = false): string {
  const g = host.inspect.grid(sheet);
  const row = g.cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id) + 1;
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  if (row < 1 || col < 1) throw new Error(`no cell for ${id} ${key} on ${sheet}`);
  return cellAddress(row, col + (share ? 1 : 0));
}
