/**
 * Reading the workbook marker-first: the contents of a sheet are loaded only when its A1 holds one
 * of our markers, so an analyst's sheets (however large) are never read.
 *
 * Sync 1: every sheet's name (`worksheets.load("items/name")`) and, in the same request, the name
 *   and A1 of the first `chainBound` sheets through `getFirst()` → `getNextOrNullObject()` …
 *   (ExcelApi 1.5). Proxies past the last sheet are null objects: their loads return nothing.
 * Sync 2 (skipped when no sheet is ours): our sheets' cells inside their read windows (formulas,
 *   values, valueTypes: see probe), protection and charts of our sheets only; plus the
 *   A1 of the sheets the chain did not reach (a workbook with more than `chainBound` sheets).
 * Sync 3, only when one of those unreached sheets is ours: its contents. Reported in `extra`.
 * If the host refuses the chain request, it is sent again without the chain (one extra sync,
 * reported); every sheet's A1 is then read in sync 2 and our sheets' contents in sync 3 (reported).
 */

import { readSheetGrid, type ExistingReport } from "../core/layout";
import { parseAnyMarker, SHEET_KINDS } from "../core/layout/markers";
import type { SheetKind } from "../core/plan";
import { READ_WINDOWS } from "../core/layout/bounds";
import { rangeAddress } from "../core/layout/grid";
import { inputGrid } from "../core/layout/typed";
import type { SheetState } from "./apply";

/** How many sheets the first request walks. 250 proxies keep that request small (tens of KB). */
export const CHAIN_BOUND = 250;

/** "'My sheet'!B2:F30" → "B2:F30". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

export interface MarkedSheet {
  name: string;
  kind: SheetKind;
  /** The cells with values from A1 (inside the kind's read window), in input form (core/layout/typed.ts). */
  formulas: unknown[][];
  /** Computed values of the same range; null unless `values` was asked for. */
  values: unknown[][] | null;
  protected: boolean;
  /** The area of the read window in use, formats included, without the sheet name ("A1:F30"): what a rewrite clears. */
  usedAddress: string;
  /** Chart names; null unless `charts` was asked for. */
  charts: string[] | null;
}

export interface ExtraRead {
  /** beyondChain: a sheet the chain did not reach is ours; chainRejected: the host refused the chain. */
  reason: "beyondChain" | "chainRejected";
  /** The sheets concerned (beyondChain) or the error code (chainRejected). */
  detail: string[];
}

export interface MarkedRead {
  /** Every sheet name, in order. */
  sheetNames: string[];
  /** Our sheets (the first of each kind, or all with `allOfKind`), in workbook order. */
  sheets: MarkedSheet[];
  /** Syncs made: 1 (no sheet of ours), else 2; plus one per `extra` entry. */
  syncs: number;
  /** Syncs beyond the planned two, with why. */
  extra: ExtraRead[];
  /** Sheets whose A1 came with the first request. */
  chained: number;
  /** Every sheet with one of our markers (kinds of `nameOnly` included), in workbook order. */
  marked: { name: string; kind: SheetKind }[];
}

export interface MarkedReadOptions {
  /** Which A1 contents mark our sheets (default: any of our markers, analysis sheets included). */
  kindOf?: (a1: unknown) => SheetKind | null;
  /** Also load computed values (default false: formulas only). */
  values?: boolean;
  /** Also load chart names (default false). */
  charts?: boolean;
  /** Sheets walked by the first request (default CHAIN_BOUND). */
  chainBound?: number;
  /** Read every sheet of a kind, not only the first (the open workbook may hold several schools). */
  allOfKind?: boolean;
  /** Kinds recognised but not loaded (e.g. a huge «Данные»): listed in `marked` only. */
  nameOnly?: (kind: SheetKind) => boolean;
}

type Sync = () => Promise<unknown>;

interface Probe {
  name: string;
  kind: SheetKind;
  used: Excel.Range;
  owned: Excel.Range;
  ws: Excel.Worksheet;
}

const anyKind = (a1: unknown): SheetKind | null => parseAnyMarker(a1)?.kind ?? null;
const firstCell = (range: Excel.Range): unknown => (range.values as unknown[][])[0]?.[0];

/** Codes for which re-sending without the chain cannot help. */
const FATAL = new Set(["InvalidOperationInCellEditMode", "InvalidRequestContext"]);

/**
 * The Office error code of a refused chain request when sending it again without the chain may help
 * (`getNextOrNullObject()` chains are undocumented: a host may refuse them); null otherwise.
 */
export function chainRefusal(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && !FATAL.has(code) ? code : null;
}

/** Sync 1 (see the module comment): names of all sheets, name and A1 of the first `bound`. */
async function firstRequest(context: Excel.RequestContext, sync: Sync, bound: number) {
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  const chain: { ws: Excel.Worksheet; a1: Excel.Range }[] = [];
  let ws: Excel.Worksheet | null = null;
  for (let i = 0; i < bound; i++) {
    ws = ws ? ws.getNextOrNullObject() : collection.getFirst();
    ws.load("name");
    const a1 = ws.getRange("A1");
    a1.load("values");
    chain.push({ ws, a1 });
  }
  await sync();
  const names = collection.items.map((w) => w.name);
  const seen: unknown[] = [];
  for (const { ws: w, a1 } of chain) {
    if (w.isNullObject || seen.length >= names.length || w.name !== names[seen.length]) break;
    seen.push(firstCell(a1));
  }
  return { names, a1s: seen };
}

/**
 * Sync 2 for one of our sheets: the cells with values inside the kind's read window (bounds.ts),
 * with formulas, values and valueTypes (to tell a text typed as "'=…" from a formula: typed.ts),
 * and the window's used area with formats (address only), which is what a rewrite clears. A stray
 * value or format outside the window is neither read nor cleared.
 */
function probe(context: Excel.RequestContext, name: string, kind: SheetKind, options: MarkedReadOptions): Probe {
  const ws = context.workbook.worksheets.getItem(name);
  const w = READ_WINDOWS[kind];
  const window = ws.getRange(rangeAddress(1, 1, w.rows, w.cols));
  const used = window.getUsedRangeOrNullObject(true);
  used.load("address,formulas,values,valueTypes");
  const owned = window.getUsedRangeOrNullObject(false);
  owned.load("address");
  ws.protection.load("protected");
  if (options.charts) ws.charts.load("items/name");
  return { name, kind, used, owned, ws };
}

function sheetOf(p: Probe, options: MarkedReadOptions): MarkedSheet | null {
  if (p.used.isNullObject) return null; // A1 was emptied between the two requests
  const valuesAddress = localAddress(p.used.address);
  if (!/^\$?A\$?1(:|$)/.test(valuesAddress)) return null;
  const values = p.used.values as unknown[][];
  return {
    name: p.name,
    kind: p.kind,
    formulas: inputGrid(p.used.formulas as unknown[][], values, p.used.valueTypes as unknown[][]),
    values: options.values ? values : null,
    protected: p.ws.protection.protected,
    usedAddress: p.owned.isNullObject ? valuesAddress : localAddress(p.owned.address),
    charts: options.charts ? p.ws.charts.items.map((c) => c.name) : null,
  };
}

/** Read our sheets without reading anyone else's. Errors of `sync` propagate (Office.js errors). */
export async function readMarkedSheets(context: Excel.RequestContext, sync: Sync, options: MarkedReadOptions = {}): Promise<MarkedRead> {
  const kindOf = options.kindOf ?? anyKind;
  const extra: ExtraRead[] = [];
  let first: { names: string[]; a1s: unknown[] };
  try {
    first = await firstRequest(context, sync, Math.max(0, options.chainBound ?? CHAIN_BOUND));
  } catch (e) {
    const code = chainRefusal(e);
    if (code === null) throw e;
    extra.push({ reason: "chainRejected", detail: [code] });
    first = await firstRequest(context, sync, 0);
  }
  const { names, a1s } = first;
  const kinds = new Set<SheetKind>();
  const probes: Probe[] = [];
  const marked: { name: string; kind: SheetKind }[] = [];
  const take = (name: string, kind: SheetKind | null): Probe | null => {
    if (!kind) return null;
    marked.push({ name, kind });
    if (options.nameOnly?.(kind) || (kinds.has(kind) && !options.allOfKind)) return null;
    kinds.add(kind);
    return probe(context, name, kind, options);
  };
  a1s.forEach((a1, i) => {
    const p = take(names[i], kindOf(a1));
    if (p) probes.push(p);
  });
  const rest = names.slice(a1s.length).map((name) => {
    const a1 = context.workbook.worksheets.getItem(name).getRange("A1");
    a1.load("values");
    return { name, a1 };
  });
  const second = probes.length > 0 || rest.length > 0;
  if (second) await sync(); // nothing of ours and nothing unknown: no second request
  const late: Probe[] = [];
  for (const { name, a1 } of rest) {
    const p = take(name, kindOf(firstCell(a1)));
    if (p) late.push(p);
  }
  if (late.length) {
    extra.push({ reason: "beyondChain", detail: late.map((p) => p.name) });
    await sync();
  }
  const sheets = [...probes, ...late].map((p) => sheetOf(p, options)).filter((s): s is MarkedSheet => s !== null);
  const order = new Map(names.map((n, i) => [n, i]));
  marked.sort((x, y) => (order.get(x.name) ?? 0) - (order.get(y.name) ?? 0));
  return { sheetNames: names, sheets, syncs: 1 + (second ? 1 : 0) + extra.length, extra, chained: a1s.length, marked };
}

export interface WorkbookState {
  report: ExistingReport;
  /** Our report sheets by name. */
  states: Map<string, SheetState>;
  /** How the read went: syncs used, extra syncs and why, sheets covered by the first request. */
  read: Pick<MarkedRead, "syncs" | "extra" | "chained">;
  /** The workbook has a «Цели программы» sheet of ours (its highlighting lives on the report sheets). */
  hasTargets: boolean;
}

/**
 * The «Insert sheets» command's view of the workbook: our report sheets (passport, base figures,
 * sections — not the analysis sheets) with what was typed, formulas included. Two syncs in the
 * usual case; other sheets' contents are never loaded.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  sync: Sync = () => context.sync(),
  options: Pick<MarkedReadOptions, "chainBound"> = {},
): Promise<WorkbookState> {
  // Analysis sheets are recognised (so the caller knows of «Цели программы») but not loaded.
  const read = await readMarkedSheets(context, sync, {
    kindOf: (a1) => parseAnyMarker(a1)?.kind ?? null,
    nameOnly: (kind) => !SHEET_KINDS.includes(kind),
    chainBound: options.chainBound,
  });
  const report: ExistingReport = { sheetNames: read.sheetNames, sheets: [] };
  const states = new Map<string, SheetState>();
  for (const s of read.sheets) {
    const sheet = readSheetGrid(s.name, s.formulas, { row: 1, col: 1 });
    if (!sheet) continue;
    report.sheets.push(sheet);
    states.set(s.name, { name: s.name, protected: s.protected, usedAddress: s.usedAddress });
  }
  return { report, states, read: { syncs: read.syncs, extra: read.extra, chained: read.chained }, hasTargets: read.marked.some((m) => m.kind === "targets") };
}
