/** Office errors mapped to typed results with ru/en messages: never a raw error to the UI. */

import type { Text } from "../core/types";
import { payloadTooLarge, type PayloadCommand } from "../i18n/payload";

export type { PayloadCommand };

export type InsertErrorCode =
  | "invalidOptions"
  | "cellEditMode"
  | "protected"
  | "structureProtected"
  | "readOnly"
  | "protectionRefused"
  | "sheetExists"
  | "payloadTooLarge"
  | "apiNotSupported"
  | "unknown";

export interface InsertError {
  code: InsertErrorCode;
  message: Text;
  /** The Office error code, when there was one (for logs). */
  officeCode?: string;
  /** Where Excel says it failed (`debugInfo.errorLocation`, for logs). */
  location?: string;
}

const MESSAGES: Record<Exclude<InsertErrorCode, "invalidOptions">, Text> = {
  cellEditMode: {
    ru: "Excel сейчас в режиме правки ячейки. Нажмите Enter или Esc и повторите вставку.",
    en: "Excel is editing a cell. Press Enter or Esc, then insert again.",
  },
  protected: {
    ru: "Лист или книга защищены паролем, поэтому листы нельзя изменить. Снимите защиту и повторите.",
    en: "A sheet or the workbook is password-protected, so the sheets cannot be changed. Unprotect it and try again.",
  },
  structureProtected: {
    ru: "Структура книги защищена, поэтому нельзя добавить, скрыть или удалить лист. Снимите защиту книги (Рецензирование → Защитить книгу) и повторите.",
    en: "The workbook structure is protected, so sheets cannot be added, hidden or deleted. Unprotect the workbook (Review → Protect Workbook) and try again.",
  },
  readOnly: {
    ru: "Excel не разрешил изменить книгу: она открыта только для просмотра или у вас нет прав на её изменение. Откройте книгу для редактирования (или сохраните копию) и повторите.",
    en: "Excel did not allow the workbook to be changed: it is open for viewing only, or you may not edit it. Open it for editing (or save a copy) and try again.",
  },
  protectionRefused: {
    ru: "Excel не разрешил надстройке снять или поставить защиту листа. Это не ошибка пароля: так отвечают некоторые версии Excel. Снимите защиту листа вручную (Рецензирование → Снять защиту листа) и повторите.",
    en: "Excel did not let the add-in unprotect or protect a sheet. This is not a password problem: some Excel versions answer so. Unprotect the sheet yourself (Review → Unprotect Sheet) and try again.",
  },
  sheetExists: {
    ru: "Лист с таким именем уже есть в книге. Переименуйте его и повторите вставку.",
    en: "A sheet with this name already exists. Rename it and insert again.",
  },
  payloadTooLarge: payloadTooLarge("insert"),
  apiNotSupported: {
    ru: "Эта версия Excel не поддерживает нужные функции (ExcelApi 1.7). Обновите Excel или откройте книгу в Excel в Интернете.",
    en: "This version of Excel lacks the features needed (ExcelApi 1.7). Update Excel or use Excel on the web.",
  },
  unknown: {
    ru: "Не удалось вставить листы: непредвиденная ошибка Excel.",
    en: "Could not insert the sheets: an unexpected Excel error.",
  },
};

/** Messages every command shares (the insert command words its own). */
export const COMMON_ERRORS = {
  apiNotSupported: MESSAGES.apiNotSupported,
  readOnly: MESSAGES.readOnly,
  protectionRefused: MESSAGES.protectionRefused,
  structureProtected: MESSAGES.structureProtected,
  cellEditMode: {
    ru: "Excel сейчас в режиме правки ячейки. Нажмите Enter или Esc и повторите.",
    en: "Excel is editing a cell. Press Enter or Esc, then try again.",
  },
  unknown: {
    ru: "Не удалось выполнить команду: непредвиденная ошибка Excel.",
    en: "The command failed: an unexpected Excel error.",
  },
} satisfies Record<string, Text>;

/** Whether anything was written before the failure: the user must know. */
const AFTERMATH: Record<"untouched" | "partial", Text> = {
  untouched: { ru: "Книга не изменена.", en: "The workbook was not changed." },
  partial: {
    ru: "Часть листов могла остаться записанной не полностью: устраните причину и повторите вставку — введённые значения сохранятся.",
    en: "Some sheets may be left partly written: fix the cause and insert again — the values you typed are kept.",
  },
};

/** The error's message followed by what happened to the workbook. */
export function withAftermath(error: InsertError, wrote: boolean): InsertError {
  const a = AFTERMATH[wrote ? "partial" : "untouched"];
  return { ...error, message: { ru: `${error.message.ru} ${a.ru}`, en: `${error.message.en} ${a.en}` } };
}

export function insertError(code: Exclude<InsertErrorCode, "invalidOptions">, officeCode?: string): InsertError {
  return officeCode ? { code, message: MESSAGES[code], officeCode } : { code, message: MESSAGES[code] };
}

/** What the command knows of the workbook when an Office error arrives (each fact optional). */
export interface ErrorFacts {
  /** `workbook.readOnly` (ExcelApi 1.8), when read. */
  readOnly?: boolean | null;
  /** `workbook.protection.protected`: the structure is protected. */
  structureProtected?: boolean | null;
  /** The message for an unknown error (default: the insert command's). */
  unknown?: Text;
  /** The command, for the advice of a request too large (default: insert). */
  command?: PayloadCommand;
}

interface OfficeErrorLike {
  code?: unknown;
  debugInfo?: { errorLocation?: unknown; statement?: unknown };
}

/** «Excel отказал: GeneralException (Range.values; statement)» — what Excel said, for an unknown error. */
export function officeDetail(e: unknown): Text | null {
  const o = (typeof e === "object" && e !== null ? e : {}) as OfficeErrorLike;
  if (typeof o.code !== "string" || !o.code) return null;
  const where = [o.debugInfo?.errorLocation, o.debugInfo?.statement].filter((x): x is string => typeof x === "string" && x.trim() !== "").map((x) => x.trim().slice(0, 200));
  const at = where.length ? ` (${where.join("; ")})` : "";
  return { ru: `Excel отказал: ${o.code}${at}.`, en: `Excel refused: ${o.code}${at}.` };
}

const PROTECTION_CALL = /WorksheetProtection\.(un)?protect|\b(un)?protect\b/i;
const STRUCTURE_CALL = /WorksheetCollection\.add|Worksheet\.(delete|visibility|name|position|copy)/;

/**
 * Map anything thrown by Excel.run / context.sync to a typed error that says the true cause:
 * - a password problem only when Excel rejects our unprotect (InvalidArgument: the sheet has a password);
 * - AccessDenied on protect/unprotect: the platform refused (Excel builds of June 2026 refuse protection
 *   calls without a password) — not a password problem;
 * - AccessDenied adding/hiding/deleting a sheet of a workbook whose structure is protected: that;
 * - any other AccessDenied: the workbook is open for viewing only or the user may not edit it;
 * - anything unknown: Excel's own code and location («Excel отказал: <code> (<location>)»).
 */
export function mapOfficeError(e: unknown, facts: ErrorFacts = {}): InsertError {
  const o = (typeof e === "object" && e !== null ? e : {}) as OfficeErrorLike;
  const code = typeof o.code === "string" ? o.code : undefined;
  const location = typeof o.debugInfo?.errorLocation === "string" ? o.debugInfo.errorLocation : "";
  const statement = typeof o.debugInfo?.statement === "string" ? o.debugInfo.statement : "";
  const with_ = (c: Exclude<InsertErrorCode, "invalidOptions" | "unknown">): InsertError => ({ ...insertError(c, code), ...(location ? { location } : {}) });
  if (code === "InvalidArgument" && /unprotect/i.test(location)) return with_("protected");
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return with_("cellEditMode");
    case "AccessDenied":
      if (facts.readOnly === true) return with_("readOnly");
      if (PROTECTION_CALL.test(location) || PROTECTION_CALL.test(statement)) return with_("protectionRefused");
      if (facts.structureProtected === true && (STRUCTURE_CALL.test(location) || STRUCTURE_CALL.test(statement))) return with_("structureProtected");
      return with_("readOnly");
    case "ItemAlreadyExists":
      return with_("sheetExists");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { ...with_("payloadTooLarge"), message: payloadTooLarge(facts.command ?? "insert") };
    case "ApiNotFound":
    case "UnsupportedOperation":
    case "NotImplemented":
      return with_("apiNotSupported");
    default: {
      const base = facts.unknown ?? MESSAGES.unknown;
      const detail = officeDetail(e);
      const message = detail ? { ru: `${base.ru} ${detail.ru}`, en: `${base.en} ${detail.en}` } : base;
      return { code: "unknown", message, ...(code ? { officeCode: code } : {}), ...(location ? { location } : {}) };
    }
  }
}

/** Office's API-set check, guarded so it also works where `Office` is undefined (simulated host: all supported). */
export function isSetSupported(version: string): boolean {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const req = office?.context?.requirements;
    if (!req || typeof req.isSetSupported !== "function") return true;
    return req.isSetSupported("ExcelApi", version);
  } catch {
    return true;
  }
}
