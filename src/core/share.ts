/**
 * Safe sharing (issue 7), the pure part: which cells «Подготовить к отправке» freezes, the format of
 * the store that keeps their original formulas, and what «Вернуть формулы» restores.
 *
 * Scope. Every sheet of the workbook (ours and the user's, hidden ones too) except the store itself;
 * within a sheet, its used range. A cell is frozen when its formula CALLS one of our custom
 * functions: an identifier `EDU.<name>` followed by "(" (any case, Cyrillic names too). The scan
 * skips string literals ("…EDU.DELTA…"), quoted sheet names ('EDU.X'!A1) and bracketed parts
 * (structured references, external workbooks), and ignores an unquoted sheet or a defined name such
 * as EDU.X!A1 (no "("). `range.formulas` returns the invariant form with the namespace, as typed:
 * `=EDU.DYNAMICS(B5,C5,"gia9_rus_fail")` (design.md; custom-functions-naming on learn.microsoft.com:
 * a function is called as NAMESPACE.NAME). When the functions are not registered, Excel shows such
 * calls as `_xldudf_…(` (OfficeDev/script-lab DOGFOOD.md, "Known issues"), and the .xlsx stores them
 * as `_xldudf_EDU_DYNAMICS(…)`: `_xldudf_EDU_<name>(` counts as our call too. An add-in with an
 * equivalent COM add-in shows calls without the namespace (office-js issue 5511); ours declares none.
 * A text cell that merely looks like a formula (its value equals its formula text) is never frozen.
 *
 * Arrays. EDU functions return scalars, but a call can sit in an array formula. Formula text in
 * braces ("{=…}", as some readers return legacy array formulas) and cells inside a dynamic-array
 * spill (reported by the caller) are skipped and reported: replacing part of an array is refused by
 * Excel, and the API cannot re-create a legacy array formula. Office.js returns a legacy array
 * formula's text in each of its cells without braces (office-js issue 6176), so such arrays cannot be
 * told from single formulas; writing a value into one fails, and the command reports it.
 *
 * Frozen values are the values Excel computed: numbers, text, booleans, blanks ("" result: the cell
 * is cleared) and errors. An error is frozen as the same error value (Excel turns a written "#N/A"
 * into the error itself), so the recipient sees the error the sender saw, not #NAME?; its custom
 * message is lost (Excel shows it only while the function runs).
 *
 * The store (one very hidden sheet, A1 = markerOf("frozen")): row 2 headers, one row per frozen cell
 * from row 3: sheet id, sheet name, address, original formula, frozen value (as text), value type.
 * The id is `worksheet.id`, stable only while the workbook is open: Excel desktop numbers sheets by
 * position when a workbook is opened again, so an old id can name another sheet. With ExcelApi 1.12
 * each sheet with frozen cells carries a stamp (a worksheet custom property, saved in the file, kept
 * through renames, moves and reopening), stored in the 7th column: a stamped entry is found by its
 * stamp only. Without a stamp a sheet is found by id (ids of this session) else by name. A cell whose
 * value is no longer the frozen one is never overwritten, which also guards against a wrong match.
 *
 * Freezing again merges: a cell already in the store keeps its stored (original) formula.
 * Restoring writes back the stored formula where the cell still holds its frozen value, keeps cells
 * changed since and lists them, lists cells of deleted sheets, and then deletes the store: the
 * result lists every cell not restored with its original formula, so nothing is lost silently.
 */

import { callsCustomFunction, isBracedArray } from "./shareFormulas";

export { callsCustomFunction, customCalls, isBracedArray } from "./shareFormulas";
export { idsAreLive, resolveSheet, type ByName, type SheetMatch, type StampWrite } from "./shareSheets";
import { finalStamps, idsAreLive, noteByName, resolveSheet, type ByName, type StampWrite } from "./shareSheets";
export { asTextInput, parseStore, storeRows, STORE_COLUMNS, STORE_FIRST_ROW, STORE_SHEET_NAME } from "./shareStore";

export type FrozenValue =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "boolean"; value: boolean }
  | { type: "error"; value: string }
  | { type: "empty" };

/** The worksheet custom property (ExcelApi 1.12) holding a sheet's stamp. */
export const SHEET_STAMP_KEY = "ShnorMonitorSheet";

/** One frozen cell as the store keeps it. `address` is local A1 ("D7"). */
export interface StoreEntry {
  sheetId: string;
  /** The sheet's stamp at freezing ("" or absent: none, an older store or a host without ExcelApi 1.12). */
  stamp?: string;
  sheet: string;
  address: string;
  formula: string;
  value: FrozenValue;
}

/**
 * A block of a sheet as read: 2-D arrays from (row0, col0), 0-based; Office.js shapes and types. A
 * sheet may come as several blocks (its formula areas, or the stored cells only), in workbook order;
 * an empty block (no rows) still says the sheet exists.
 */
export interface ScannedSheet {
  id: string;
  name: string;
  /** The sheet's stamp; null: none; undefined: not readable (no ExcelApi 1.12). */
  stamp?: string | null;
  row0: number;
  col0: number;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: unknown[][];
}

export interface SheetRef {
  id: string;
  name: string;
  /** The sheet's stamp; null: none; undefined: not readable (no ExcelApi 1.12). */
  stamp?: string | null;
}

/** A cell the plan writes: a value (freeze) or a formula (restore). `row`, `col` 0-based. */
export interface CellWrite {
  sheetId: string;
  sheet: string;
  address: string;
  row: number;
  col: number;
  /** What to assign to `range.values` (freeze) or `range.formulas` (restore). */
  input: string | number | boolean;
}

/** A cell left as it is, with why and its original formula. */
export interface KeptCell {
  sheet: string;
  address: string;
  formula: string;
  /** busy: the function was still computing (the error it showed is in `error`). */
  reason: "array" | "spill" | "busy" | "changed" | "sheetMissing";
  error?: string;
}


// ---- values -----------------------------------------------------------------------------------

/** The value Excel computed, typed by `valueTypes` ("Double", "String", "Boolean", "Error", "Empty"). */
export function frozenValueOf(value: unknown, valueType: unknown): FrozenValue {
  if (valueType === "Error") return { type: "error", value: String(value) };
  if (typeof value === "number") return { type: "number", value };
  if (typeof value === "boolean") return { type: "boolean", value };
  if (value === "" || value === null || value === undefined || valueType === "Empty") return { type: "empty" };
  return { type: "string", value: String(value) };
}

/**
 * Errors Excel shows while a custom function is still computing (custom functions are asynchronous):
 * such a value is never frozen.
 */
export const TRANSIENT_ERRORS: ReadonlySet<string> = new Set(["#BUSY!", "#CALC!", "#GETTING_DATA"]);

export const isTransient = (value: unknown, valueType: unknown): boolean => valueType === "Error" && TRANSIENT_ERRORS.has(String(value));

/** Cells calling our functions that show a transient error now (0-based row, col of the sheet). */
export function transientCells(sheets: readonly ScannedSheet[]): { sheet: ScannedSheet; row: number; col: number }[] {
  const out: { sheet: ScannedSheet; row: number; col: number }[] = [];
  for (const s of sheets) {
    s.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (isTransient(s.values[r]?.[c], s.valueTypes[r]?.[c]) && callsCustomFunction(f)) out.push({ sheet: s, row: s.row0 + r, col: s.col0 + c });
      }),
    );
  }
  return out;
}

/** What `range.values` gets to show the frozen value: text keeps a leading "'" so Excel never re-parses it. */
export function valueInput(v: FrozenValue): string | number | boolean {
  switch (v.type) {
    case "number":
    case "boolean":
      return v.value;
    case "error":
      return v.value;
    case "string":
      return `'${v.value}`;
    case "empty":
      return "";
  }
}

/** Whether a cell (no formula) still shows the frozen value. */
export function sameValue(v: FrozenValue, value: unknown, valueType: unknown): boolean {
  const now = frozenValueOf(value, valueType);
  if (now.type !== v.type) return false;
  if (v.type === "empty") return true;
  if (v.type === "number") {
    const a = (now as { value: number }).value;
    return a === v.value || Math.abs(a - v.value) <= 1e-12 * Math.max(1, Math.abs(v.value));
  }
  return (now as { value: unknown }).value === v.value;
}

// ---- addresses --------------------------------------------------------------------------------

function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based (row, col) → "D7". */
export const a1 = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;

/** "D7" / "$D$7" → 0-based (row, col); null for anything else. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return row >= 1 ? { row: row - 1, col: col - 1 } : null;
}

/** The cell of sheet `id` from whichever of its blocks holds it (blank when none). */
function cellOf(blocks: readonly ScannedSheet[], id: string, row: number, col: number): { formula: unknown; value: unknown; type: unknown } {
  const s = blocks.find((b) => b.id === id && row >= b.row0 && row < b.row0 + b.formulas.length && col >= b.col0 && col < b.col0 + (b.formulas[row - b.row0]?.length ?? 0));
  if (!s) return { formula: "", value: "", type: "Empty" };
  const r = row - s.row0;
  const c = col - s.col0;
  return { formula: s.formulas[r]?.[c] ?? "", value: s.values[r]?.[c] ?? "", type: s.valueTypes[r]?.[c] ?? "Empty" };
}

// ---- freeze -----------------------------------------------------------------------------------

export interface FreezePlan {
  writes: CellWrite[];
  /** Stamps to set before anything else is written (sheets with frozen cells and no stamp of their own). */
  stamps: StampWrite[];
  /** The store after freezing: earlier entries (still on a sheet or not) plus the new ones. */
  store: StoreEntry[];
  frozen: number;
  /** Names of the sheets with a newly frozen cell, in workbook order. */
  sheets: string[];
  /** Entries kept from an earlier freeze. */
  kept: number;
  skipped: KeptCell[];
}

const key = (sheetId: string, address: string) => `${sheetId}!${address}`;

/**
 * Plan a freeze. `spilled` holds keys `${sheetId}!${address}` of cells inside a dynamic-array spill.
 * A cell already in the store keeps its stored formula (its frozen value is updated).
 */
export function planFreeze(input: { sheets: readonly ScannedSheet[]; store: readonly StoreEntry[]; spilled?: ReadonlySet<string>; newStamp?: () => string }): FreezePlan {
  const stored = new Map<string, StoreEntry>();
  const carried: StoreEntry[] = [];
  const carriedTo: (ScannedSheet | null)[] = [];
  const live = idsAreLive(input.store, input.sheets);
  for (const e of input.store) {
    const s = resolveSheet(e, input.sheets, live).sheet;
    const k = s ? key(s.id, e.address) : `missing:${key(e.sheetId, e.address)}`;
    if (stored.has(k)) continue;
    const entry = s ? { ...e, sheetId: s.id, sheet: s.name } : { ...e };
    stored.set(k, entry);
    carried.push(entry);
    carriedTo.push(s);
  }
  const writes: CellWrite[] = [];
  const skipped: KeptCell[] = [];
  const sheets: string[] = [];
  const added: StoreEntry[] = [];
  for (const s of input.sheets) {
    let any = false;
    s.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (!callsCustomFunction(formula)) return;
        const value = s.values[r]?.[c];
        if (value === formula) return; // text that looks like a formula
        const row0 = s.row0 + r;
        const col0 = s.col0 + c;
        const address = a1(row0, col0);
        const f = formula as string;
        if (isBracedArray(f) || input.spilled?.has(key(s.id, address))) {
          skipped.push({ sheet: s.name, address, formula: f, reason: isBracedArray(f) ? "array" : "spill" });
          return;
        }
        if (isTransient(value, s.valueTypes[r]?.[c])) {
          skipped.push({ sheet: s.name, address, formula: f, reason: "busy", error: String(value) });
          return;
        }
        const frozen = frozenValueOf(value, s.valueTypes[r]?.[c]);
        const k = key(s.id, address);
        const before = stored.get(k);
        if (before) before.value = frozen;
        else added.push({ sheetId: s.id, sheet: s.name, address, formula: f, value: frozen });
        writes.push({ sheetId: s.id, sheet: s.name, address, row: row0, col: col0, input: valueInput(frozen) });
        any = true;
      }),
    );
    if (any && !sheets.includes(s.name)) sheets.push(s.name);
  }
  const final = finalStamps(input.sheets, carriedTo, new Set(writes.map((w) => w.sheetId)), input.newStamp);
  // Unreadable stamps (no ExcelApi 1.12 now): an entry keeps the stamp it had.
  const setStamp = (e: StoreEntry, id: string) => {
    const stamp = final.stamps.has(id) ? final.stamps.get(id) : e.stamp;
    if (stamp) e.stamp = stamp;
    else delete e.stamp;
  };
  carried.forEach((e, i) => {
    const s = carriedTo[i];
    if (s) setStamp(e, s.id);
  });
  for (const e of added) setStamp(e, e.sheetId);
  return { writes, stamps: final.added, store: [...carried, ...added], frozen: writes.length, sheets, kept: carried.length, skipped };
}

// ---- restore ----------------------------------------------------------------------------------

export interface RestorePlan {
  writes: CellWrite[];
  restored: number;
  /** Cells that already hold their original formula (restored before, or typed back). */
  already: number;
  changed: KeptCell[];
  sheetMissing: KeptCell[];
  /** Names of the sheets written to. */
  sheets: string[];
  /** Sheets found by name only (not by their id), with why. */
  byName: ByName[];
}

export function planRestore(input: { sheets: readonly ScannedSheet[]; store: readonly StoreEntry[] }): RestorePlan {
  const writes: CellWrite[] = [];
  const changed: KeptCell[] = [];
  const sheetMissing: KeptCell[] = [];
  const sheets = new Set<string>();
  const seen = new Set<string>();
  const byName: ByName[] = [];
  const live = idsAreLive(input.store, input.sheets);
  let already = 0;
  for (const e of input.store) {
    const match = resolveSheet(e, input.sheets, live);
    const s = match.sheet;
    const at = parseA1(e.address);
    if (!s || !at) {
      sheetMissing.push({ sheet: e.sheet, address: e.address, formula: e.formula, reason: "sheetMissing" });
      continue;
    }
    const k = key(s.id, e.address);
    if (seen.has(k)) continue;
    seen.add(k);
    noteByName(byName, match);
    const now = cellOf(input.sheets, s.id, at.row, at.col);
    if (now.formula === e.formula) {
      already++;
      continue;
    }
    const isFormula = typeof now.formula === "string" && now.formula.startsWith("=") && now.formula !== now.value;
    if (isFormula || !sameValue(e.value, now.value, now.type)) {
      changed.push({ sheet: s.name, address: e.address, formula: e.formula, reason: "changed" });
      continue;
    }
    writes.push({ sheetId: s.id, sheet: s.name, address: e.address, row: at.row, col: at.col, input: e.formula });
    sheets.add(s.name);
  }
  return { writes, restored: writes.length, already, changed, sheetMissing, sheets: [...sheets], byName };
}
