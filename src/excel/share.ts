/**
 * «Подготовить к отправке» / «Вернуть формулы» (issue 7): freeze every EDU.* formula of the
 * workbook to its value, keeping the originals in a very hidden store sheet, and bring them back.
 * What is frozen and restored is decided in src/core/share.ts; this module reads and writes.
 *
 * One Excel.run per command, three syncs in the usual case:
 *   1. every sheet's facts (name, id, visibility, protection, used range address);
 *   2. the contents of every used range, in requests of about 3 MB (src/excel/shareRead.ts says
 *      when a big workbook takes more);
 *   3. the writes, under the request budget (RequestBudget): protected sheets that change are
 *      unprotected first (so a password-protected one fails before anything is written), the store
 *      is written before any cell, then the cells, then each sheet is protected again with the very
 *      options it had. If the writes fail, sheets left unprotected are protected again (best effort).
 * Never throws: failures come back as typed results with ru/en messages.
 */
import { freeSheetName } from "../core/layout";
import { asTextInput, parseStore, planFreeze, planRestore, storeRows, transientCells, SHEET_STAMP_KEY, STORE_COLUMNS, STORE_SHEET_NAME, type ByName, type CellWrite, type KeptCell, type ScannedSheet } from "../core/share";
import type { Lang, Text } from "../core/types";
import { arrayWriteBytes, officeBytes, OFFICE_BYTES, RequestBudget, size } from "./apply";
import type { CommandError, CommandResult } from "./commands";
import { COMMON_ERRORS, isSetSupported, mapOfficeError, type ErrorFacts } from "./errors";
import type { ExtraRead } from "./read";
import { scan, StrayRangeError, type SheetMeta, type Sync } from "./shareRead";
import { payloadTooLarge, strayRange } from "../i18n/payload";

export { CHAIN_BOUND, FIRST_BYTES_PER_CELL, RESPONSE_TARGET } from "./shareRead";

export interface FreezeResult {
  /** Cells whose EDU.* formula was replaced by its value now. */
  frozen: number;
  /** Sheets with a cell frozen now. */
  sheets: string[];
  /** Cells frozen by an earlier «Подготовить к отправке», still kept in the store. */
  kept: number;
  /** Cells left with their formula (array formulas, functions still computing), with why. */
  skipped: KeptCell[];
  /** The (very hidden) store sheet, or null when nothing was ever frozen. */
  storeSheet: string | null;
  /** Re-reads of cells that showed #BUSY! (or #CALC!, #GETTING_DATA), each after a pause. */
  waits: number;
  /** Syncs beyond the usual, with why (the host refused the chain of sheets). */
  extraReads: ExtraRead[];
}

export interface RestoreResult {
  restored: number;
  /** Cells that already held their original formula. */
  already: number;
  /** Cells changed after freezing: kept as they are. */
  changed: KeptCell[];
  /** Cells of sheets deleted (or renamed and replaced) since freezing. */
  sheetMissing: KeptCell[];
  /** Store rows that could not be read (edited by hand). */
  unreadable: number;
  /** True when the workbook had no store: nothing was frozen. */
  nothingToRestore: boolean;
  /** Sheets found by name, not by id (an older store, or the workbook reopened since freezing). */
  byName: ByName[];
  extraReads: ExtraRead[];
}

type Code = "apiNotSupported" | "cellEditMode" | "protected" | "structureProtected" | "readOnly" | "protectionRefused" | "payloadTooLarge" | "unknown";

const ERRORS: Record<Code, Text> = {
  ...COMMON_ERRORS,
  protected: {
    ru: "Лист или структура книги защищены паролем, поэтому формулы нельзя заменить. Снимите защиту и повторите.",
    en: "A sheet or the workbook structure is password-protected, so the formulas cannot be changed. Unprotect it and try again.",
  },
  payloadTooLarge: payloadTooLarge("freeze"),
};

const AFTERMATH: Record<"untouched" | "freeze" | "restore", Text> = {
  untouched: { ru: "Книга не изменена.", en: "The workbook was not changed." },
  freeze: {
    ru: "Если часть формул уже заменена значениями, их исходный вид сохранён: «Вернуть формулы» восстановит их.",
    en: "If some formulas were already replaced by values, their originals are kept: «Restore formulas» brings them back.",
  },
  restore: {
    ru: "Часть формул могла быть уже восстановлена; повторите «Вернуть формулы», чтобы восстановить остальные.",
    en: "Some formulas may already be restored; run «Restore formulas» again to restore the rest.",
  },
};

class ShareFailure extends Error {
  constructor(readonly error: CommandError) {
    super(error.code);
  }
}

/** Codes of failures that come before any cell is written (unprotecting comes first, writes are refused whole). */
const BEFORE_WRITES = new Set<string>(["protected", "cellEditMode", "readOnly", "structureProtected"]);

function errorOf(e: unknown, after: keyof typeof AFTERMATH | null, kind: "freeze" | "restore", facts: ErrorFacts = {}): CommandError {
  const mapped = mapOfficeError(e, { ...facts, unknown: ERRORS.unknown, command: kind });
  const code: Code = mapped.code in ERRORS ? (mapped.code as Code) : "unknown";
  // Our own wording where we have one; Excel's code and location for an unknown error; the
  // command's advice for a request too large.
  const m = code === "unknown" || code === "payloadTooLarge" ? mapped.message : ERRORS[code];
  const untouched = !after || BEFORE_WRITES.has(code) || (code === "protectionRefused" && /unprotect/i.test(mapped.location ?? ""));
  const a = untouched ? AFTERMATH.untouched : AFTERMATH[after];
  return { code, message: { ru: `${m.ru} ${a.ru}`, en: `${m.en} ${a.en}` } };
}

/** Queue cell writes, one range per run of adjacent cells in a row. */
async function queueWrites(context: Excel.RequestContext, writes: CellWrite[], prop: "values" | "formulas", budget: RequestBudget): Promise<void> {
  const sorted = [...writes].sort((x, y) => (x.sheetId === y.sheetId ? x.row - y.row || x.col - y.col : x.sheetId < y.sheetId ? -1 : 1));
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].sheetId === sorted[i].sheetId && sorted[j].row === sorted[i].row && sorted[j].col === sorted[j - 1].col + 1) j++;
    const run = sorted.slice(i, j);
    const row = [run.map((w) => w.input)];
    // A worksheet and a range proxy per run, and the write.
    await budget.reserve(size(row) + size(run[0].sheetId) + 30, officeBytes({ ranges: 1, objects: 1 }) + arrayWriteBytes(1, run.length));
    // By id: the sheet read in this run, whatever sheet has its name now.
    const range = context.workbook.worksheets.getItem(run[0].sheetId).getRangeByIndexes(run[0].row, run[0].col, 1, run.length);
    if (prop === "values") range.values = row;
    else range.formulas = row;
    i = j;
  }
}

/** The protected sheets among `ids`: unprotected before the writes, protected again after. */
const protectedOf = (metas: SheetMeta[], ids: string[]) => metas.filter((m) => m.protected && ids.includes(m.id));

async function unprotect(context: Excel.RequestContext, sheets: SheetMeta[], budget: RequestBudget): Promise<void> {
  for (const m of sheets) {
    await budget.reserve(size(m.id), officeBytes({ objects: 2, actions: 1 }));
    context.workbook.worksheets.getItem(m.id).protection.unprotect();
  }
}

async function reprotect(context: Excel.RequestContext, sheets: SheetMeta[], budget: RequestBudget): Promise<void> {
  for (const m of sheets) {
    await budget.reserve(size(m.options) + size(m.id), officeBytes({ objects: 2, actions: 1 }));
    context.workbook.worksheets.getItem(m.id).protection.protect(m.options ?? undefined);
  }
}

/** After a failed write: protect again the sheets we unprotected (best effort, never throws). */
async function recover(context: Excel.RequestContext, sync: Sync, sheets: SheetMeta[]): Promise<void> {
  if (!sheets.length) return;
  try {
    const probes = sheets.map((m) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(m.id);
      ws.protection.load("protected");
      return { m, ws };
    });
    await sync();
    for (const { m, ws } of probes) {
      if (!ws.isNullObject && !ws.protection.protected) ws.protection.protect(m.options ?? undefined);
    }
    await sync();
  } catch {
    // Nothing more can be done here; the error already reported says what to do.
  }
}

/** Write `body`'s queued actions in the final sync; on failure, re-protect and report with `after`. */
async function writePhase(
  context: Excel.RequestContext,
  sync: Sync,
  touched: SheetMeta[],
  after: "freeze" | "restore",
  facts: ErrorFacts,
  body: (budget: RequestBudget) => Promise<void>,
): Promise<void> {
  const budget = new RequestBudget(sync);
  try {
    await unprotect(context, touched, budget);
    await body(budget);
    await reprotect(context, touched, budget);
    await sync();
    budget.sent();
  } catch (e) {
    await recover(context, sync, touched);
    throw new ShareFailure(errorOf(e, after, after, facts));
  }
}

async function command<T>(kind: "freeze" | "restore", body: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<CommandResult<T>> {
  if (!isSetSupported("1.7")) return { ok: false, error: { code: "apiNotSupported", message: ERRORS.apiNotSupported } };
  try {
    const value = await Excel.run(async (context) => body(context, async () => {
      await context.sync();
    }));
    return { ok: true, ...value } as CommandResult<T>;
  } catch (e) {
    if (e instanceof ShareFailure) return { ok: false, error: e.error };
    if (e instanceof StrayRangeError) {
      const m = strayRange(kind, e.sheet, e.range);
      return { ok: false, error: { code: "strayRange", message: { ru: `${m.ru} ${AFTERMATH.untouched.ru}`, en: `${m.en} ${AFTERMATH.untouched.en}` } } };
    }
    return { ok: false, error: errorOf(e, null, kind) };
  }
}

/** A new sheet stamp: 16 random hex digits (crypto where the webview has it). */
function newStamp(): string {
  const bytes = new Uint8Array(8);
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Store rows per write: about 200 KB a block. */
const STORE_BLOCK_ROWS = 1000;

/**
 * Pauses before each re-read of cells still computing: about 6 s in all. A custom function can take
 * longer (a slow machine, a big recalculation): those cells are then left with their formula and listed.
 */
export const WAIT_PAUSES_MS = [200, 400, 800, 1600, 3000];

export type Pause = (ms: number) => Promise<void>;

const timerPause: Pause = (ms) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Cells calling our functions that show #BUSY!, #CALC! or #GETTING_DATA (Excel still computing them)
 * are read again after a pause, up to WAIT_PAUSES_MS.length times, one sync each; `sheets` is
 * updated with what they show. Returns the re-reads made. What still shows such an error is left
 * with its formula by planFreeze and reported.
 */
async function settle(context: Excel.RequestContext, sync: Sync, sheets: ScannedSheet[], pause: Pause): Promise<number> {
  let waits = 0;
  for (const ms of WAIT_PAUSES_MS) {
    const cells = transientCells(sheets);
    if (!cells.length) break;
    await pause(ms);
    const reads = cells.map((c) => {
      const range = context.workbook.worksheets.getItem(c.sheet.id).getCell(c.row, c.col);
      range.load("values,valueTypes");
      return { ...c, range };
    });
    await sync();
    waits++;
    for (const { sheet, row, col, range } of reads) {
      sheet.values[row - sheet.row0][col - sheet.col0] = range.values[0][0];
      sheet.valueTypes[row - sheet.row0][col - sheet.col0] = range.valueTypes[0][0];
    }
  }
  return waits;
}

/** The store sheet when it is protected (it is written too). */
const storeIfProtected = (store: { meta: SheetMeta } | null): SheetMeta[] => (store?.meta.protected ? [store.meta] : []);

/**
 * «Подготовить к отправке»: replace every formula calling an EDU.* function with its value, keeping
 * the originals in the very hidden store sheet (merged with an earlier store). A function still
 * computing is waited for (WAIT_PAUSES_MS); if it still is, its formula stays and the cell is listed.
 * `pause` is for tests (default: a timer).
 */
export async function freezeForSending(o: { lang: Lang; pause?: Pause }): Promise<CommandResult<FreezeResult>> {
  const lang: Lang = o?.lang === "en" ? "en" : "ru";
  return command("freeze", async (context, sync) => {
    const wb = await scan(context, sync, "freeze");
    const waits = await settle(context, sync, wb.sheets, o?.pause ?? timerPause);
    const stored = wb.store ? parseStore(wb.store.values).entries : [];
    const plan = planFreeze({ sheets: wb.sheets, store: stored, spilled: wb.spilled, newStamp });
    const result: FreezeResult = { frozen: plan.frozen, sheets: plan.sheets, kept: plan.kept, skipped: plan.skipped, storeSheet: wb.store?.meta.name ?? null, waits, extraReads: wb.extra };
    if (plan.frozen === 0) return result;
    const name = wb.store?.meta.name ?? freeSheetName(STORE_SHEET_NAME[lang], wb.metas.map((m) => m.name));
    const touched = [...protectedOf(wb.metas, plan.writes.map((w) => w.sheetId)), ...storeIfProtected(wb.store)];
    await writePhase(context, sync, touched, "freeze", wb, async (budget) => {
      const sheets = context.workbook.worksheets;
      // Stamps first: a store that names a stamp is only written when the stamp is.
      for (const st of plan.stamps) {
        await budget.reserve(size(st.sheetId) + size(st.stamp) + 40, officeBytes({ objects: 3, actions: 1 }));
        sheets.getItem(st.sheetId).customProperties.add(SHEET_STAMP_KEY, st.stamp);
      }
      // The store sheet, the clearing of its old rows, its visibility.
      await budget.reserve(size(name) + size(wb.store?.meta.id ?? "") + 40, officeBytes({ ranges: 1, objects: 1, actions: 2 }));
      const store = wb.store ? sheets.getItem(wb.store.meta.id) : sheets.add(name);
      const old = wb.store?.meta.used;
      if (old) store.getRangeByIndexes(old.row0, old.col0, old.rows, old.cols).clear("Contents");
      const rows = asTextInput(storeRows(plan.store, lang));
      for (let r = 0; r < rows.length; r += STORE_BLOCK_ROWS) {
        const part = rows.slice(r, r + STORE_BLOCK_ROWS);
        await budget.reserve(size(part) + 40, OFFICE_BYTES.range + arrayWriteBytes(part.length, STORE_COLUMNS));
        store.getRangeByIndexes(r, 0, part.length, STORE_COLUMNS).values = part;
      }
      if (wb.store?.meta.visibility !== "VeryHidden") store.visibility = "VeryHidden" as Excel.SheetVisibility;
      await queueWrites(context, plan.writes, "values", budget);
    });
    return { ...result, storeSheet: name };
  });
}

/**
 * «Вернуть формулы»: write the stored formulas back where the cell still shows its frozen value,
 * list the cells changed since and those of deleted sheets, then delete the store (kept only when
 * some of its rows could not be read). Sheets are found by id (a renamed sheet under its new name;
 * a new sheet that took a frozen sheet's name is never written); by name only for an older store
 * without ids or when the workbook was reopened (ids change), and then the result lists them.
 * With no store it does nothing: restoring twice is harmless.
 */
export async function restoreFormulas(o: { lang: Lang }): Promise<CommandResult<RestoreResult>> {
  void o;
  return command("restore", async (context, sync) => {
    const wb = await scan(context, sync, "restore");
    if (!wb.store) return { restored: 0, already: 0, changed: [], sheetMissing: [], unreadable: 0, nothingToRestore: true, byName: [], extraReads: wb.extra };
    const { entries, bad } = parseStore(wb.store.values);
    const plan = planRestore({ sheets: wb.sheets, store: entries });
    const storeId = wb.store.meta.id;
    const touched = protectedOf(wb.metas, plan.writes.map((w) => w.sheetId));
    await writePhase(context, sync, touched, "restore", wb, async (budget) => {
      await queueWrites(context, plan.writes, "formulas", budget);
      // Rows that could not be read stay in the store (a second restore reports them again).
      if (bad === 0) {
        await budget.reserve(size(storeId), officeBytes({ objects: 1, actions: 1 }));
        context.workbook.worksheets.getItem(storeId).delete();
      }
    });
    return {
      restored: plan.restored, already: plan.already, changed: plan.changed, sheetMissing: plan.sheetMissing, unreadable: bad, nothingToRestore: false,
      byName: plan.byName, extraReads: wb.extra,
    };
  });
}
