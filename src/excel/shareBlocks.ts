/**
 * Reading rectangles of cells (formulas, values, valueTypes) for «Подготовить к отправке» /
 * «Вернуть формулы» (src/excel/shareRead.ts says which): in requests of about RESPONSE_TARGET = 3 MB
 * (Excel on the web refuses a response over 5 MB) and at most MAX_RANGES ranges each. The first
 * request takes 10,000 cells (FIRST_BYTES_PER_CELL = 300 bytes a cell), later ones as many as the
 * largest bytes per cell seen so far allow; a response still refused as too large is read again with
 * half the cells per request.
 */
import { utf8Length } from "./apply";

/** Bytes of cell contents (formulas, values, valueTypes) one read request aims at: 5 MB is the web's limit. */
export const RESPONSE_TARGET = 3_000_000;
/** The first request's guess of bytes per cell (10,000 cells); later ones use the largest size seen. */
export const FIRST_BYTES_PER_CELL = 300;
/** Ranges per read request: a sheet's formula areas or stored cells can be many small ranges (~200 request bytes each). */
export const MAX_RANGES = 2_000;

export type Sync = () => Promise<void>;

/** A rectangle of sheet `sheet` (name), 0-based; `tag` is the caller's (its sheet's facts). */
export interface Block<T> {
  tag: T;
  sheet: string;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}
export interface BlockRead<T> extends Block<T> {
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: unknown[][];
  /** hasSpill of the block (null: some cells spill); undefined when not asked. */
  spill: boolean | null | undefined;
}

const isTooLarge = (e: unknown) => (e as { code?: unknown })?.code === "ResponsePayloadSizeLimitExceeded";

/** The next request's blocks: whole rows, about `cells` cells and at most MAX_RANGES ranges in all (at least one row). */
function takeBatch<T>(queue: Block<T>[], cells: number): Block<T>[] {
  const batch: Block<T>[] = [];
  let left = cells;
  while (queue.length && batch.length < MAX_RANGES) {
    const b = queue[0];
    const fit = Math.floor(left / b.cols);
    if (fit < 1 && batch.length) break;
    const rows = Math.max(1, Math.min(b.rows, fit));
    if (rows < b.rows) queue[0] = { ...b, row0: b.row0 + rows, rows: b.rows - rows };
    else queue.shift();
    batch.push({ ...b, rows });
    left -= rows * b.cols;
    if (left <= 0) break;
  }
  return batch;
}

/** Read `blocks` (see the module comment); one sync a request. Errors of `sync` other than a response too large propagate. */
export async function readBlocks<T>(context: Excel.RequestContext, sync: Sync, blocks: Block<T>[], spills: boolean): Promise<BlockRead<T>[]> {
  const queue = blocks.filter((b) => b.rows > 0 && b.cols > 0);
  const done: BlockRead<T>[] = [];
  // A guess until a response is measured; then the largest bytes per cell of a block seen (never below what a refusal taught).
  let perCell = FIRST_BYTES_PER_CELL;
  let seen = 0;
  let floor = 0;
  while (queue.length) {
    const batch = takeBatch(queue, Math.max(1, Math.floor(RESPONSE_TARGET / perCell)));
    const sheets = new Map<string, Excel.Worksheet>();
    const ranges = batch.map((b) => {
      let ws = sheets.get(b.sheet);
      if (!ws) sheets.set(b.sheet, (ws = context.workbook.worksheets.getItem(b.sheet)));
      const range = ws.getRangeByIndexes(b.row0, b.col0, b.rows, b.cols);
      range.load(spills ? "formulas,values,valueTypes,hasSpill" : "formulas,values,valueTypes");
      return range;
    });
    try {
      await sync();
    } catch (e) {
      if (!isTooLarge(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Read again with at most half the cells of the refused request (Excel does not say how large it was).
      const cells = batch.reduce((n, b) => n + b.rows * b.cols, 0);
      queue.unshift(...batch);
      perCell = Math.max(perCell * 2, RESPONSE_TARGET / Math.max(1, Math.floor(cells / 2)));
      floor = perCell;
      continue;
    }
    batch.forEach((b, i) => {
      const r = ranges[i];
      const read = { formulas: r.formulas, values: r.values, valueTypes: r.valueTypes as unknown[][] };
      // Per block, in UTF-8 bytes as Excel sends them (Cyrillic: two bytes a letter).
      seen = Math.max(seen, utf8Length(JSON.stringify(read)) / (b.rows * b.cols));
      done.push({ ...b, ...read, spill: spills ? (r.hasSpill as boolean | null) : undefined });
    });
    perCell = Math.max(seen, floor);
  }
  return done;
}

/** Blocks of one row: runs of adjacent cells (`cells` as 0-based [row, col], any order). */
export function rowRuns(cells: readonly (readonly [number, number])[]): { row0: number; col0: number; rows: number; cols: number }[] {
  const sorted = [...cells].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: { row0: number; col0: number; rows: number; cols: number }[] = [];
  for (const [r, c] of sorted) {
    const last = out[out.length - 1];
    if (last && last.row0 === r && c <= last.col0 + last.cols) last.cols = Math.max(last.cols, c - last.col0 + 1);
    else out.push({ row0: r, col0: c, rows: 1, cols: 1 });
  }
  return out;
}
