/** Office errors mapped to typed results with ru/en messages: never a raw error to the UI. */

import type { Text } from "../core/types";

export type InsertErrorCode =
  | "invalidOptions"
  | "cellEditMode"
  | "protected"
  | "sheetExists"
  | "payloadTooLarge"
  | "apiNotSupported"
  | "unknown";

export interface InsertError {
  code: InsertErrorCode;
  message: Text;
  /** The Office error code, when there was one (for logs). */
  officeCode?: string;
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
  sheetExists: {
    ru: "Лист с таким именем уже есть в книге. Переименуйте его и повторите вставку.",
    en: "A sheet with this name already exists. Rename it and insert again.",
  },
  payloadTooLarge: {
    ru: "Слишком большой объём данных для одного запроса к Excel. Уменьшите число периодов и повторите.",
    en: "Too much data for one request to Excel. Pick fewer periods and try again.",
  },
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

/** Map anything thrown by Excel.run / context.sync to a typed error. */
export function mapOfficeError(e: unknown): InsertError {
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
  const location = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation ?? "";
  // Unprotecting a sheet protected with a password (we never set one) fails with InvalidArgument.
  if (code === "InvalidArgument" && /unprotect/i.test(location)) return insertError("protected", code);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return insertError("cellEditMode", code);
    case "AccessDenied":
      return insertError("protected", code);
    case "ItemAlreadyExists":
      return insertError("sheetExists", code);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return insertError("payloadTooLarge", code);
    case "ApiNotFound":
    case "UnsupportedOperation":
    case "NotImplemented":
      return insertError("apiNotSupported", code);
    default:
      return insertError("unknown", code);
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
