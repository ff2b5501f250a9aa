/** Sparse cells as a list for assertions: [A1 reference, content] in row, then column order. */
import { columnLetter } from "../../src/core/layout/grid";
import type { SparseCells } from "../../src/core/cells";

export function cellEntries(cells: SparseCells): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const r of cells.rows()) for (const c of cells.cols(r)) out.push([`${columnLetter(c)}${r}`, cells.get(r, c)]);
  return out;
}
