/**
 * What to do when a request is still too large for Excel (RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded: Excel on the web takes at most 5 MB a request), per command:
 * each names what the user can make smaller there.
 */
import type { Text } from "../core/types";

export type PayloadCommand = "insert" | "analysis" | "roadmap" | "consolidate" | "freeze" | "restore";

const TOO_LARGE = { ru: "Слишком большой объём данных для одного запроса к Excel.", en: "Too much data for one request to Excel." };

export const ru: Record<PayloadCommand, string> = {
  insert: "Выберите меньше периодов или разделов и повторите вставку.",
  analysis: "Уменьшите число периодов на листах отчёта (вставьте листы заново с меньшим числом периодов) или откройте книгу в Excel для компьютера.",
  roadmap: "Вставьте дорожную карту частями: выделите меньше строк и повторите импорт.",
  consolidate: "Выберите меньше школ или разделите свод (например, по районам) и повторите.",
  freeze: "В книге очень много формул EDU.*: удалите листы, которые не нужно отправлять, или выполните «Подготовить к отправке» в Excel для компьютера.",
  restore: "Сохранённых формул очень много: выполните «Вернуть формулы» в Excel для компьютера.",
};

export const en: Record<PayloadCommand, string> = {
  insert: "Pick fewer periods or sections and insert again.",
  analysis: "Use fewer periods on the report sheets (insert them again with fewer periods) or open the workbook in Excel desktop.",
  roadmap: "Paste the road map in parts: select fewer rows and import again.",
  consolidate: "Pick fewer schools or split the consolidation (by district, for instance) and try again.",
  freeze: "The workbook has very many EDU.* formulas: delete the sheets you need not send, or run «Prepare for sending» in Excel desktop.",
  restore: "There are very many stored formulas: run «Restore formulas» in Excel desktop.",
};

/** The message for a request too large, with the advice that fits `command`. */
export function payloadTooLarge(command: PayloadCommand): Text {
  return { ru: `${TOO_LARGE.ru} ${ru[command]}`, en: `${TOO_LARGE.en} ${en[command]}` };
}

/**
 * A sheet whose used range is too large to read cell by cell (a stray value far below or right of
 * the table: XFD10, A100001), found where Excel cannot list formula cells (no ExcelApi 1.9).
 */
export function strayRange(command: "freeze" | "restore", sheet: string, range: string): Text {
  const what = command === "freeze" ? { ru: "«Подготовить к отправке»", en: "«Prepare for sending»" } : { ru: "«Вернуть формулы»", en: "«Restore formulas»" };
  return {
    ru: `На листе «${sheet}» заполненная область слишком велика (${range}): где-то далеко за пределами таблицы есть лишние значения. Удалите лишние значения за пределами таблицы: лист «${sheet}», диапазон ${range} — и повторите ${what.ru}, или выполните его в Excel для компьютера.`,
    en: `The used range of sheet «${sheet}» is too large (${range}): there are stray values far outside the table. Delete the stray values outside the table: sheet «${sheet}», range ${range} — and run ${what.en} again, or run it in Excel desktop.`,
  };
}
