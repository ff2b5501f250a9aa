/**
 * The store of «Подготовить к отправке»: the very hidden sheet that keeps the original formulas, one
 * row per frozen cell (sheet id, sheet name, address, formula, frozen value and its type, the sheet's
 * stamp; a store of 6 columns, written before stamps, reads with none), as text.
 */
import { markerOf } from "./layout/markers";
import { parseA1, type FrozenValue, type StoreEntry } from "./share";
import type { Text } from "./types";

export const STORE_FIRST_ROW = 3;
export const STORE_COLUMNS = 7;
export const STORE_SHEET_NAME: Text = { ru: "ШНОР исходные формулы", en: "SSM original formulas" };
const STORE_NOTE: Text = {
  ru: "Исходные формулы надстройки «Мониторинг ШНОР». Не изменяйте этот лист: по нему «Вернуть формулы» восстанавливает формулы.",
  en: "Original formulas of the School Support Monitor add-in. Do not edit this sheet: «Restore formulas» brings the formulas back from it.",
};
const STORE_HEADER = ["sheetId", "sheet", "address", "formula", "value", "type", "stamp"];


/** Numbers as the shortest text that reads back to the same double; "" for a blank. */
const encodeValue = (v: FrozenValue): string => (v.type === "empty" ? "" : String(v.value));

function decodeValue(type: string, text: string): FrozenValue | null {
  switch (type) {
    case "number": {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? { type, value: n } : null;
    }
    case "boolean":
      return text === "true" || text === "false" ? { type, value: text === "true" } : null;
    case "string":
    case "error":
      return { type, value: text };
    case "empty":
      return { type };
    default:
      return null;
  }
}

/** The store's cells as plain text (row 1 marker and note, row 2 headers, then the entries). */
export function storeRows(entries: readonly StoreEntry[], lang: "ru" | "en"): string[][] {
  const rows: string[][] = [
    [markerOf("frozen"), STORE_NOTE[lang], "", "", "", "", ""],
    [...STORE_HEADER],
  ];
  for (const e of entries) rows.push([e.sheetId, e.sheet, e.address, e.formula, encodeValue(e.value), e.value.type, e.stamp ?? ""]);
  return rows;
}

/** `range.values` input for store rows: every non-empty text with a leading "'" (stays text as written). */
export const asTextInput = (rows: string[][]): string[][] => rows.map((r) => r.map((v) => (v === "" ? "" : `'${v}`)));

/** Read the store back from its sheet's values (from A1). Rows that do not parse are counted in `bad`. */
export function parseStore(values: readonly (readonly unknown[])[]): { entries: StoreEntry[]; bad: number } {
  const entries: StoreEntry[] = [];
  let bad = 0;
  for (let r = STORE_FIRST_ROW - 1; r < values.length; r++) {
    const row = (values[r] ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
    if (row.every((v) => v === "")) continue;
    const [sheetId = "", sheet = "", address = "", formula = "", text = "", type = "", stamp = ""] = row;
    const value = decodeValue(type, text);
    if (!sheet || !parseA1(address) || !formula.startsWith("=") || !value) {
      bad++;
      continue;
    }
    entries.push({ sheetId, ...(stamp ? { stamp } : {}), sheet, address: address.toUpperCase().replace(/\$/g, ""), formula, value });
  }
  return { entries, bad };
}
