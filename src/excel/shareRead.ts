/**
 * The workbook scan of «Подготовить к отправке» / «Вернуть формулы» (src/excel/share.ts): every
 * sheet's facts, then the contents of every used range, the store sheet recognised by its marker.
 *
 * Sync 1: whether the workbook is read-only or its structure protected; every sheet's name, id,
 *   visibility, protection (protected, options) and the address of its
 *   used range (values only), through getFirst() → getNextOrNullObject() (ExcelApi 1.5) for the
 *   first CHAIN_BOUND sheets; a workbook with more sheets needs one more sync for the rest. Those
 *   chains are undocumented: if the host refuses the request, it is sent again without the chain
 *   and every sheet is then asked for by name (one sync more; reported in `extra`, as read.ts does).
 * Sync 2: formulas, values and valueTypes of every used range (the store's included), in row blocks
 *   of about RESPONSE_TARGET = 3 MB per request (Excel on the web refuses a response over 5 MB): the
 *   first request takes 10,000 cells (FIRST_BYTES_PER_CELL = 300 bytes a cell), later ones as many as
 *   the largest bytes per cell seen so far allow. A school report with its analysis sheets (about
 *   1,300 cells, 70 KB) is one request; a big foreign sheet adds a sync per ~3 MB; a response still
 *   refused as too large is read again with half the cells per request. With ExcelApi 1.12 each
 *   block's `hasSpill` is loaded too; only when a block holding an EDU call has spilled cells is one
 *   more sync spent to check those cells one by one.
 */
import { parseOutputMarker } from "../core/layout/markers";
import { a1, callsCustomFunction, parseA1, type ScannedSheet } from "../core/share";
import { utf8Length } from "./apply";
import { isSetSupported } from "./errors";
import { chainRefusal, type ExtraRead } from "./read";

/** Sheets whose used range the first request asks for. */
export const CHAIN_BOUND = 250;
/** Bytes of cell contents (formulas, values, valueTypes) one read request aims at: 5 MB is the web's limit. */
export const RESPONSE_TARGET = 3_000_000;
/** The first request's guess of bytes per cell (10,000 cells); later ones use the largest size seen. */
export const FIRST_BYTES_PER_CELL = 300;

export type Sync = () => Promise<void>;

export const json = (v: unknown): number => JSON.stringify(v).length;

export interface SheetMeta {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | null;
  /** Used range (values only), 0-based; null when the sheet is empty. */
  used: { row0: number; col0: number; rows: number; cols: number } | null;
}

interface Probe {
  ws: Excel.Worksheet;
  used: Excel.Range;
}

function probe(ws: Excel.Worksheet): Probe {
  ws.load("name,id,visibility");
  ws.protection.load("protected,options");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  return { ws, used };
}

function usedOf(address: string): SheetMeta["used"] {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [p, q] = local.split(":");
  const a = parseA1(p);
  const b = q === undefined ? a : parseA1(q);
  if (!a || !b) return null;
  return { row0: a.row, col0: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function metaOf(p: Probe): SheetMeta {
  return {
    id: p.ws.id,
    name: p.ws.name,
    visibility: p.ws.visibility,
    protected: p.ws.protection.protected,
    options: p.ws.protection.protected ? p.ws.protection.options : null,
    used: p.used.isNullObject ? null : usedOf(p.used.address),
  };
}

/**
 * Sync 1 (and one more past `bound` sheets): every sheet's facts, in workbook order, and whether the
 * workbook is open read-only (ExcelApi 1.8; null when unknown).
 */
async function readMeta(context: Excel.RequestContext, sync: Sync, bound: number): Promise<{ metas: SheetMeta[]; readOnly: boolean | null; structureProtected: boolean }> {
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  context.workbook.protection.load("protected");
  const knowsReadOnly = isSetSupported("1.8");
  if (knowsReadOnly) context.workbook.load("readOnly");
  const chain: Probe[] = [];
  let ws: Excel.Worksheet | null = null;
  for (let i = 0; i < bound; i++) {
    ws = ws ? ws.getNextOrNullObject() : collection.getFirst();
    chain.push(probe(ws));
  }
  await sync();
  const names = collection.items.map((w) => w.name);
  const metas: SheetMeta[] = [];
  for (const p of chain) {
    if (metas.length >= names.length || p.ws.isNullObject || p.ws.name !== names[metas.length]) break;
    metas.push(metaOf(p));
  }
  if (metas.length < names.length) {
    const rest = names.slice(metas.length).map((n) => probe(collection.getItem(n)));
    await sync();
    for (const p of rest) metas.push(metaOf(p));
  }
  return { metas, readOnly: knowsReadOnly ? context.workbook.readOnly : null, structureProtected: context.workbook.protection.protected };
}

interface Block {
  meta: SheetMeta;
  row0: number;
  rows: number;
}
interface BlockRead extends Block {
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: unknown[][];
  /** hasSpill of the block (null: some cells spill); undefined when not asked. */
  spill: boolean | null | undefined;
}

const isTooLarge = (e: unknown) => (e as { code?: unknown })?.code === "ResponsePayloadSizeLimitExceeded";

/** The next request's blocks: whole rows, about `cells` cells in all (at least one row). */
function takeBatch(queue: Block[], cells: number): Block[] {
  const batch: Block[] = [];
  let left = cells;
  while (queue.length) {
    const b = queue[0];
    const cols = b.meta.used!.cols;
    const fit = Math.floor(left / cols);
    if (fit < 1 && batch.length) break;
    const rows = Math.max(1, Math.min(b.rows, fit));
    if (rows < b.rows) queue[0] = { ...b, row0: b.row0 + rows, rows: b.rows - rows };
    else queue.shift();
    batch.push({ ...b, rows });
    left -= rows * cols;
    if (left <= 0) break;
  }
  return batch;
}

/** Sync 2 (more for big workbooks): the used ranges' contents, in requests of about RESPONSE_TARGET bytes. */
async function readBlocks(context: Excel.RequestContext, sync: Sync, metas: SheetMeta[], spills: boolean): Promise<BlockRead[]> {
  const queue: Block[] = metas.filter((m) => m.used).map((meta) => ({ meta, row0: meta.used!.row0, rows: meta.used!.rows }));
  const done: BlockRead[] = [];
  // A guess until a response is measured; then the largest bytes per cell of a block seen (never below what a refusal taught).
  let perCell = FIRST_BYTES_PER_CELL;
  let seen = 0;
  let floor = 0;
  while (queue.length) {
    const batch = takeBatch(queue, Math.max(1, Math.floor(RESPONSE_TARGET / perCell)));
    const ranges = batch.map((b) => {
      const u = b.meta.used!;
      const range = context.workbook.worksheets.getItem(b.meta.name).getRangeByIndexes(b.row0, u.col0, b.rows, u.cols);
      range.load(spills ? "formulas,values,valueTypes,hasSpill" : "formulas,values,valueTypes");
      return range;
    });
    try {
      await sync();
    } catch (e) {
      if (!isTooLarge(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Read again with at most half the cells of the refused request (Excel does not say how large it was).
      const cells = batch.reduce((n, b) => n + b.rows * b.meta.used!.cols, 0);
      queue.unshift(...batch);
      perCell = Math.max(perCell * 2, RESPONSE_TARGET / Math.max(1, Math.floor(cells / 2)));
      floor = perCell;
      continue;
    }
    batch.forEach((b, i) => {
      const r = ranges[i];
      const read = { formulas: r.formulas, values: r.values, valueTypes: r.valueTypes as unknown[][] };
      // Per block (one sheet's rows), in UTF-8 bytes as Excel sends them (Cyrillic: two bytes a letter).
      seen = Math.max(seen, utf8Length(JSON.stringify(read)) / (b.rows * b.meta.used!.cols));
      done.push({ ...b, ...read, spill: spills ? (r.hasSpill as boolean | null) : undefined });
    });
    perCell = Math.max(seen, floor);
  }
  return done;
}

/** One more sync, only when a block with an EDU call has spilled cells: which of those cells spill. */
async function spilledCells(context: Excel.RequestContext, sync: Sync, reads: BlockRead[]): Promise<Set<string>> {
  const checks: { key: string; range: Excel.Range }[] = [];
  for (const b of reads) {
    if (b.spill === false || b.spill === undefined) continue;
    b.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (!callsCustomFunction(f)) return;
        const address = a1(b.row0 + r, b.meta.used!.col0 + c);
        const range = context.workbook.worksheets.getItem(b.meta.name).getRange(address);
        range.load("hasSpill");
        checks.push({ key: `${b.meta.id}!${address}`, range });
      }),
    );
  }
  if (!checks.length) return new Set();
  await sync();
  return new Set(checks.filter((c) => (c.range.hasSpill as boolean | null) !== false).map((c) => c.key));
}

export interface WorkbookScan {
  metas: SheetMeta[];
  /** The workbook is open read-only (ExcelApi 1.8); null when unknown. */
  readOnly: boolean | null;
  /** The workbook's structure is protected (no sheet can be added, hidden or deleted). */
  structureProtected: boolean;
  /** Syncs beyond the usual, with why (the host refused the chain of sheets). */
  extra: ExtraRead[];
  sheets: ScannedSheet[];
  store: { meta: SheetMeta; values: unknown[][] } | null;
  spilled: Set<string>;
}

/** Read the whole workbook (see the module comment). Errors of `sync` propagate. */
export async function scan(context: Excel.RequestContext, sync: Sync, spills: boolean): Promise<WorkbookScan> {
  const extra: ExtraRead[] = [];
  let meta: Awaited<ReturnType<typeof readMeta>>;
  try {
    meta = await readMeta(context, sync, CHAIN_BOUND);
  } catch (e) {
    // The getNextOrNullObject() chain is undocumented: refused, every sheet is asked for by name.
    const code = chainRefusal(e);
    if (code === null) throw e;
    extra.push({ reason: "chainRejected", detail: [code] });
    meta = await readMeta(context, sync, 0);
  }
  const { metas, readOnly, structureProtected } = meta;
  const reads = await readBlocks(context, sync, metas, spills && isSetSupported("1.12"));
  const sheets: ScannedSheet[] = [];
  let store: WorkbookScan["store"] = null;
  for (const meta of metas) {
    if (!meta.used) continue;
    const own = reads.filter((b) => b.meta === meta).sort((x, y) => x.row0 - y.row0);
    const s: ScannedSheet = {
      id: meta.id, name: meta.name, row0: meta.used.row0, col0: meta.used.col0,
      formulas: own.flatMap((b) => b.formulas), values: own.flatMap((b) => b.values), valueTypes: own.flatMap((b) => b.valueTypes),
    };
    const isStore = s.row0 === 0 && s.col0 === 0 && parseOutputMarker(s.values[0]?.[0])?.kind === "frozen";
    if (isStore && !store) store = { meta, values: s.values };
    else if (!isStore) sheets.push(s);
  }
  const spilled = spills ? await spilledCells(context, sync, reads.filter((b) => !store || b.meta !== store.meta)) : new Set<string>();
  return { metas, readOnly, structureProtected, extra, sheets, store, spilled };
}

