/**
 * The workbook scan of «Подготовить к отправке» / «Вернуть формулы» (src/excel/share.ts): every
 * sheet's facts, the store sheet (recognised by its marker in A1), and only the cells that matter:
 * the formula cells (freeze) or the stored cells (restore) — never a whole used range of a user's
 * sheet, which one stray value at XFD10 and one at A100001 make 1.6 billion cells.
 *
 * Sync 1: whether the workbook is read-only or its structure protected; every sheet's name, id,
 *   visibility, protection (protected, options), A1's contents, the address of its used range (values
 *   only) and, for a freeze with ExcelApi 1.9, its formula cells: getRange().getSpecialCellsOrNullObject(
 *   formulas) with the position of each of its rectangular areas; through getFirst() →
 *   getNextOrNullObject() (ExcelApi 1.5) for the first CHAIN_BOUND sheets; a workbook with more
 *   sheets needs one more sync for the rest. Those chains are undocumented: if the host refuses the
 *   request, it is sent again without the chain and every sheet is then asked for by name (one sync
 *   more; reported in `extra`, as read.ts does).
 * Sync 2 (freeze): formulas, values and valueTypes of the formula areas and of the store's used range,
 *   in requests of about 3 MB (src/excel/shareBlocks.ts); a school report with its analysis sheets
 *   is one request. With ExcelApi 1.12 each block's `hasSpill` is loaded too; only when a block holding
 *   an EDU call has spilled cells is one more sync spent to check those cells one by one.
 *   Without ExcelApi 1.9 every used range is read instead, and a sheet whose used range exceeds
 *   MAX_SCAN_CELLS is refused (StrayRangeError: the sheet and the range, to remove the stray values).
 * Restore: sync 2 reads the store's used range, sync 3 only the stored cells (runs of adjacent cells).
 * Sync 2 also brings each sheet's stamp (ExcelApi 1.12; see queueStamps).
 */
import { parseOutputMarker } from "../core/layout/markers";
import { a1, callsCustomFunction, idsAreLive, parseA1, parseStore, resolveSheet, SHEET_STAMP_KEY, type ScannedSheet, type StoreEntry } from "../core/share";
import { isSetSupported } from "./errors";
import { chainRefusal, type ExtraRead } from "./read";
import { readBlocks, rowRuns, type Block, type BlockRead, type Sync } from "./shareBlocks";

export { FIRST_BYTES_PER_CELL, RESPONSE_TARGET, type Sync } from "./shareBlocks";

/** Sheets whose facts the first request asks for. */
export const CHAIN_BOUND = 250;
/** The grid's size (Excel 2007 and later). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** A used range read whole (no ExcelApi 1.9, or the store) may have at most this many cells. */
export const MAX_SCAN_CELLS = 5_000_000;

export const json = (v: unknown): number => JSON.stringify(v).length;

type Rect = { row0: number; col0: number; rows: number; cols: number };

export interface SheetMeta {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | null;
  /** Used range (values only), 0-based; null when the sheet is empty. */
  used: Rect | null;
  /** A1's value (the store's marker). */
  a1: unknown;
  /** Formula cells' areas (ExcelApi 1.9); null when not asked. */
  formulas: Rect[] | null;
  /** The sheet's stamp (core/share.ts); null: none; undefined: not readable (no ExcelApi 1.12). */
  stamp?: string | null;
}

/** A used range too large to read (a stray value far from the table), found without ExcelApi 1.9. */
export class StrayRangeError extends Error {
  constructor(
    readonly sheet: string,
    readonly range: string,
  ) {
    super(`used range of ${sheet} too large: ${range}`);
  }
}

interface Probe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  a1: Excel.Range;
  formulas: Excel.RangeAreas | null;
}

function probe(ws: Excel.Worksheet, special: boolean): Probe {
  ws.load("name,id,visibility");
  ws.protection.load("protected,options");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  // `formulas`: a constant's formula is its value (the marker), and no custom function is read (computed) here.
  const a1 = ws.getRange("A1");
  a1.load("formulas");
  let formulas: Excel.RangeAreas | null = null;
  if (special) {
    // Excel looks within the used range; none found is a null object (getSpecialCells would throw ItemNotFound).
    formulas = ws.getRange().getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
    // Each area's position, not RangeAreas.address: a long multi-area address may be cut short (VBA's is at 255 characters).
    formulas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
  }
  return { ws, used, a1, formulas };
}

/** One end of a reference: a cell ("B2"), a whole row ("5", the range spans every column) or a whole column ("C"). */
function endOf(ref: string, last: boolean): { row: number; col: number } | null {
  const plain = ref.replace(/\$/g, "");
  if (/^[0-9]{1,7}$/.test(plain)) return { row: Number(plain) - 1, col: last ? MAX_COLS - 1 : 0 };
  if (/^[A-Za-z]{1,3}$/.test(plain)) return (p => p && { row: last ? MAX_ROWS - 1 : 0, col: p.col })(parseA1(`${plain}1`));
  return parseA1(plain);
}

/** "Лист1!B2:D9" → 0-based rectangle. Excel writes a range as wide as the sheet as rows ("1:100001"). */
function usedOf(address: string): SheetMeta["used"] {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [p, q] = local.split(":");
  const a = endOf(p, false);
  const b = endOf(q ?? p, true);
  if (!a || !b) return null;
  return { row0: a.row, col0: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function metaOf(p: Probe): SheetMeta {
  const fx = p.formulas;
  return {
    id: p.ws.id,
    name: p.ws.name,
    visibility: p.ws.visibility,
    protected: p.ws.protection.protected,
    options: p.ws.protection.protected ? p.ws.protection.options : null,
    used: p.used.isNullObject ? null : usedOf(p.used.address),
    a1: p.a1.formulas?.[0]?.[0] ?? "",
    formulas: !fx ? null : fx.isNullObject ? [] : fx.areas.items.map((a) => ({ row0: a.rowIndex, col0: a.columnIndex, rows: a.rowCount, cols: a.columnCount })),
  };
}

/**
 * Sync 1 (and one more past `bound` sheets): every sheet's facts, in workbook order, and whether the
 * workbook is open read-only (ExcelApi 1.8; null when unknown).
 */
async function readMeta(context: Excel.RequestContext, sync: Sync, bound: number, special: boolean): Promise<{ metas: SheetMeta[]; readOnly: boolean | null; structureProtected: boolean }> {
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  context.workbook.protection.load("protected");
  const knowsReadOnly = isSetSupported("1.8");
  if (knowsReadOnly) context.workbook.load("readOnly");
  const chain: Probe[] = [];
  let ws: Excel.Worksheet | null = null;
  for (let i = 0; i < bound; i++) {
    ws = ws ? ws.getNextOrNullObject() : collection.getFirst();
    chain.push(probe(ws, special));
  }
  await sync();
  const names = collection.items.map((w) => w.name);
  const metas: SheetMeta[] = [];
  for (const p of chain) {
    if (metas.length >= names.length || p.ws.isNullObject || p.ws.name !== names[metas.length]) break;
    metas.push(metaOf(p));
  }
  if (metas.length < names.length) {
    const rest = names.slice(metas.length).map((n) => probe(collection.getItem(n), special));
    await sync();
    for (const p of rest) metas.push(metaOf(p));
  }
  return { metas, readOnly: knowsReadOnly ? context.workbook.readOnly : null, structureProtected: context.workbook.protection.protected };
}

type Read = BlockRead<SheetMeta>;

/** One more sync, only when a block with an EDU call has spilled cells: which of those cells spill. */
async function spilledCells(context: Excel.RequestContext, sync: Sync, reads: Read[]): Promise<Set<string>> {
  const checks: { key: string; range: Excel.Range }[] = [];
  for (const b of reads) {
    if (b.spill === false || b.spill === undefined) continue;
    b.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (!callsCustomFunction(f)) return;
        const address = a1(b.row0 + r, b.col0 + c);
        const range = context.workbook.worksheets.getItem(b.tag.name).getRange(address);
        range.load("hasSpill");
        checks.push({ key: `${b.tag.id}!${address}`, range });
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
  /** Every sheet but the store, as blocks (an empty one per sheet, then what was read of it). */
  sheets: ScannedSheet[];
  store: { meta: SheetMeta; values: unknown[][] } | null;
  spilled: Set<string>;
}

const isStoreMeta = (m: SheetMeta) => m.used?.row0 === 0 && m.used.col0 === 0 && parseOutputMarker(m.a1)?.kind === "frozen";

/** A whole used range as a block; refused past MAX_SCAN_CELLS (a stray value far away). */
function wholeUsed(m: SheetMeta): Block<SheetMeta> {
  const u = m.used!;
  // Named as cells ("A1:XFD100001", not Excel's "1:100001"): its far corner is where the stray value is.
  if (u.rows * u.cols > MAX_SCAN_CELLS) throw new StrayRangeError(m.name, `${a1(u.row0, u.col0)}:${a1(u.row0 + u.rows - 1, u.col0 + u.cols - 1)}`);
  return { tag: m, sheet: m.name, ...u };
}

/** Every sheet of `metas` as an empty block, then the blocks read of it, in workbook order. */
function partsOf(metas: SheetMeta[], reads: Read[]): ScannedSheet[] {
  return metas.flatMap((m) => [
    { id: m.id, name: m.name, stamp: m.stamp, row0: 0, col0: 0, formulas: [], values: [], valueTypes: [] },
    ...reads
      .filter((b) => b.tag === m)
      .sort((x, y) => x.row0 - y.row0 || x.col0 - y.col0)
      .map((b) => ({ id: m.id, name: m.name, stamp: m.stamp, row0: b.row0, col0: b.col0, formulas: b.formulas, values: b.values, valueTypes: b.valueTypes })),
  ]);
}

/** Restore: only the stored cells of the sheets they resolve to (as planRestore resolves them), one row run a range. */
async function readStored(context: Excel.RequestContext, sync: Sync, metas: SheetMeta[], entries: StoreEntry[]): Promise<Read[]> {
  const live = idsAreLive(entries, metas);
  const cells = new Map<SheetMeta, [number, number][]>();
  for (const e of entries) {
    const s = resolveSheet(e, metas, live).sheet;
    const at = parseA1(e.address);
    if (!s || !at) continue;
    if (!cells.has(s)) cells.set(s, []);
    cells.get(s)!.push([at.row, at.col]);
  }
  const blocks = [...cells].flatMap(([m, list]) => rowRuns(list).map((r) => ({ tag: m, sheet: m.name, ...r })));
  return readBlocks(context, sync, blocks, false);
}

/**
 * Each sheet's stamp (ExcelApi 1.12: a worksheet custom property, saved with the file), asked for by
 * id in the next sync (the contents' read: no request of its own, and not on the chain's null
 * objects); the returned function sets `stamp` on the metas after it. Without that sync, or without
 * ExcelApi 1.12, stamps stay unknown (undefined).
 */
function queueStamps(context: Excel.RequestContext, metas: SheetMeta[]): () => void {
  if (!isSetSupported("1.12") || !metas.length) return () => undefined;
  const props = metas.map((m) => {
    const p = context.workbook.worksheets.getItem(m.id).customProperties.getItemOrNullObject(SHEET_STAMP_KEY);
    p.load("value");
    return { m, p };
  });
  return () => {
    for (const { m, p } of props) {
      try {
        m.stamp = p.isNullObject || typeof p.value !== "string" || p.value === "" ? null : p.value;
      } catch {
        // Not synced (nothing was read): unknown.
      }
    }
  };
}

/**
 * Read what `mode` needs (see the module comment). Errors of `sync` propagate; a used range too large
 * to read whole throws StrayRangeError before any cell is read.
 */
export async function scan(context: Excel.RequestContext, sync: Sync, mode: "freeze" | "restore"): Promise<WorkbookScan> {
  const special = mode === "freeze" && isSetSupported("1.9");
  const extra: ExtraRead[] = [];
  let meta: Awaited<ReturnType<typeof readMeta>>;
  try {
    meta = await readMeta(context, sync, CHAIN_BOUND, special);
  } catch (e) {
    // The getNextOrNullObject() chain is undocumented: refused, every sheet is asked for by name.
    const code = chainRefusal(e);
    if (code === null) throw e;
    extra.push({ reason: "chainRejected", detail: [code] });
    meta = await readMeta(context, sync, 0, special);
  }
  const { metas, readOnly, structureProtected } = meta;
  const storeMeta = metas.find(isStoreMeta) ?? null;
  const others = metas.filter((m) => m !== storeMeta);
  const blocks: Block<SheetMeta>[] = storeMeta ? [wholeUsed(storeMeta)] : [];
  if (mode === "freeze") {
    for (const m of others) {
      if (m.formulas) blocks.push(...m.formulas.map((r) => ({ tag: m, sheet: m.name, ...r })));
      else if (m.used) blocks.push(wholeUsed(m));
    }
  }
  const spills = mode === "freeze" && isSetSupported("1.12");
  const stamps = queueStamps(context, others);
  const reads = await readBlocks(context, sync, blocks, spills);
  stamps();
  const store = storeMeta
    ? { meta: storeMeta, values: reads.filter((b) => b.tag === storeMeta).sort((x, y) => x.row0 - y.row0).flatMap((b) => b.values) }
    : null;
  const cells = mode === "freeze" ? reads.filter((b) => b.tag !== storeMeta) : store ? await readStored(context, sync, others, parseStore(store.values).entries) : [];
  const spilled = spills ? await spilledCells(context, sync, cells) : new Set<string>();
  return { metas, readOnly, structureProtected, extra, sheets: partsOf(others, cells), store, spilled };
}
