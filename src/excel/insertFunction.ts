/**
 * «Вставить функцию»: the address of the current selection (for an argument), and the EDU formula
 * written into the active cell. The formula is written through `range.formulas` in the invariant
 * form (English name, `,`, decimal point), as every formula the add-in writes (design: never
 * formulasLocal with Russian names; the English names are registered in every display language).
 * A cell that is not empty is left alone unless the user confirmed that very cell.
 */
import { eduFormula, type FormulaArg } from "../core/eduFormula";
import type { Text } from "../core/types";
import SIGNATURES from "../functions/signatures.json";
import type { CommandResult } from "./commands";
import { COMMON_ERRORS, isSetSupported, mapOfficeError } from "./errors";

const ERRORS = {
  ...COMMON_ERRORS,
  unknownFunction: { ru: "Такой функции EDU нет.", en: "No such EDU function." },
  lockedCell: {
    ru: "Ячейка защищена: лист защищён от изменений, а эта ячейка заблокирована. Выберите ячейку на незащищённом листе (например, на своём листе расчётов) и повторите.",
    en: "The cell is protected: the sheet is protected and this cell is locked. Select a cell on an unprotected sheet (e.g. a sheet of your own) and try again.",
  },
  selection: {
    ru: "Не удалось прочитать выделение: выделите одну область ячеек (без Ctrl) и повторите.",
    en: "The selection could not be read: select one block of cells (without Ctrl) and try again.",
  },
} satisfies Record<string, Text>;

const fail = (code: keyof typeof ERRORS): { ok: false; error: { code: string; message: Text } } => ({ ok: false, error: { code, message: ERRORS[code] } });

/** "'Лист 1'!B5:C7" → sheet "Лист 1", address "B5:C7". */
export function splitAddress(full: string): { sheet: string; address: string } {
  const i = full.lastIndexOf("!");
  if (i < 0) return { sheet: "", address: full };
  const raw = full.slice(0, i);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, address: full.slice(i + 1) };
}

/** The selected range: its sheet and address without the sheet (e.g. "E5:G5"). */
export async function readSelection(): Promise<CommandResult<{ sheet: string; address: string }>> {
  if (!isSetSupported("1.7")) return fail("apiNotSupported");
  try {
    return await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return { ok: true as const, ...splitAddress(range.address) };
    });
  } catch (e) {
    const mapped = mapOfficeError(e, { unknown: ERRORS.selection });
    return { ok: false, error: { code: mapped.code, message: mapped.code === "unknown" ? ERRORS.selection : mapped.message } };
  }
}

export interface InsertFormulaOptions {
  /** The function's id, e.g. "SHARE". */
  id: string;
  args: FormulaArg[];
  /** The cell ("Sheet!B7") the user agreed to overwrite; any other non-empty cell is left alone. */
  overwrite?: string;
}

export type InsertFormulaResult =
  | { written: true; cell: string; formula: string }
  /** The active cell is not empty: nothing written; `content` is what it holds (formula or value as shown). */
  | { written: false; cell: string; content: string };

/** Write the formula into the active cell (one Excel.run, two syncs: read the cell, then write). */
export async function insertFormula(o: InsertFormulaOptions): Promise<CommandResult<InsertFormulaResult>> {
  const sig = SIGNATURES.find((s) => s.id === o?.id);
  if (!sig) return fail("unknownFunction");
  if (!isSetSupported("1.7")) return fail("apiNotSupported");
  try {
    return await Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address,formulas,text");
      const protection = cell.worksheet.protection;
      protection.load("protected");
      const locked = cell.format.protection;
      locked.load("locked");
      await context.sync();
      // A locked cell of a protected sheet: Excel would refuse the write with a bare AccessDenied.
      if (protection.protected && locked.locked !== false) return fail("lockedCell");
      const { sheet } = splitAddress(cell.address);
      const content = String(cell.formulas[0][0] ?? "");
      if (content !== "" && o.overwrite !== cell.address) {
        return { ok: true as const, written: false as const, cell: cell.address, content: content.startsWith("=") ? content : String(cell.text[0][0] ?? content) };
      }
      const formula = eduFormula(sig, o.args, "invariant", sheet);
      cell.formulas = [[formula]];
      await context.sync();
      return { ok: true as const, written: true as const, cell: cell.address, formula };
    });
  } catch (e) {
    const mapped = mapOfficeError(e, { unknown: ERRORS.unknown });
    return { ok: false, error: { code: mapped.code, message: mapped.message } };
  }
}
