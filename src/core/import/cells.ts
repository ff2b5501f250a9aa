/**
 * One value cell of a pasted table, in every form real tables use: «42/21%», «246/36,7»,
 * «1/0,005», «42 человека/21 %», «42 (21 %)», «0,38», «21%», «1 234», «4,1 балла», «нет», «Да»,
 * «-», «–», empty. The count, the printed share (0…1) and how the share was written (with «%»,
 * a percent number, a fraction of 1) with the rounding its printed digits allow. Pure; never throws.
 */
import type { Text, Unit } from "../types";
import { parseShare, parseValue } from "../values";
import { cleanText } from "./text";

export type ShareForm = "percentSign" | "percentNumber" | "fraction";

export interface CellReading {
  /** The cell as shown (one line). */
  raw: string;
  kind: "empty" | "na" | "number" | "error";
  /** The count (Ч/УВ), the number, or yes 1 / no 0. Absent for a share printed without a count. */
  value?: number;
  /** The share printed beside the count (or alone), 0…1. */
  share?: number;
  /** The share as printed («21%», «36,7», «0,005»). */
  shareText?: string;
  shareForm?: ShareForm;
  /** Half a unit of the share's last printed digit, as a share (36,7 → 0.0005; 21% → 0.005). */
  shareTolerance?: number;
  message?: Text;
}

const YES = new Set(["да", "yes", "имеется", "есть", "+"]);
const NO = new Set(["нет", "no", "не имеется", "отсутствует"]);
/** Count and share: «42/21%», «42 / 21 %», «42 (21%)», «42 чел.; 21%». */
const PAIR = /^(.+?)\s*(?:\/|\(|;|\|)\s*([^/();|]+?)\s*\)?$/;

const err = (raw: string, message: Text): CellReading => ({ raw, kind: "error", message });

function decimalsOf(s: string): number {
  const m = /[.,](\d+)\s*%?\s*$/.exec(s.trim());
  return m ? m[1].length : 0;
}

/** The share side: value 0…1, its form and rounding. */
function readShare(text: string): Pick<CellReading, "share" | "shareForm" | "shareTolerance" | "shareText"> | Text {
  const t = text.trim();
  const v = parseShare(t);
  if (v.kind === "error") return v.message;
  if (v.kind !== "number") return { ru: `«${t}» — не доля`, en: `"${t}" is not a share` };
  const sign = /%\s*$/.test(t);
  const n = Number(t.replace(/%/g, "").replace(/\s/g, "").replace(",", "."));
  const form: ShareForm = sign ? "percentSign" : n > 1 ? "percentNumber" : "fraction";
  const unitOfLast = 10 ** -decimalsOf(t);
  const tolerance = (form === "fraction" ? unitOfLast : unitOfLast / 100) / 2 + 1e-9;
  return { share: v.value, shareForm: form, shareTolerance: tolerance, shareText: t };
}

/** Read one value cell for an indicator of `unit`. */
export function readCell(input: unknown, unit: Unit): CellReading {
  const raw = cleanText(typeof input === "number" ? String(input).replace(".", ",") : input);
  if (raw === "") return { raw, kind: "empty" };
  const first = parseValue(raw, { kind: "count" });
  if (first.kind === "na") return { raw, kind: "na" };
  if (first.kind === "empty") return { raw, kind: "empty" };
  const low = raw.toLowerCase().replace(/ё/g, "е").replace(/\.$/, "");
  if (unit.kind === "yesNo") {
    if (YES.has(low)) return { raw, kind: "number", value: 1 };
    if (NO.has(low)) return { raw, kind: "number", value: 0 };
    const v = parseValue(raw, unit);
    return v.kind === "number" ? { raw, kind: "number", value: v.value } : err(raw, v.kind === "error" ? v.message : { ru: "Ожидается «да» или «нет»", en: "Yes or no is expected" });
  }
  // «нет» in a count means none.
  if (NO.has(low) && (unit.kind === "count" || unit.kind === "countShare")) return { raw, kind: "number", value: 0 };
  if (unit.kind === "countShare") {
    const m = PAIR.exec(raw);
    if (m) {
      const count = parseValue(m[1], { kind: "count" });
      const share = readShare(m[2]);
      if (count.kind === "error") return err(raw, count.message);
      if ("ru" in share) return err(raw, share);
      if (count.kind !== "number") return err(raw, { ru: `«${raw}»: нет численности`, en: `"${raw}": no count` });
      return { raw, kind: "number", value: count.value, ...share };
    }
    const count = parseValue(raw, { kind: "count" });
    if (count.kind === "number") return { raw, kind: "number", value: count.value };
    // A share printed without its count: «21%», «0,38», «36,7».
    const share = readShare(raw);
    if (!("ru" in share)) return { raw, kind: "number", ...share };
    return err(raw, count.kind === "error" ? count.message : share);
  }
  if (unit.kind === "share") {
    const share = readShare(raw);
    return "ru" in share ? err(raw, share) : { raw, kind: "number", value: share.share, ...share };
  }
  const v = parseValue(raw, unit);
  if (v.kind === "number") return { raw, kind: "number", value: v.value };
  if (v.kind === "na") return { raw, kind: "na" };
  if (v.kind === "empty") return { raw, kind: "empty" };
  return err(raw, v.message);
}

/** Whether a cell looks like a value of some kind (used to tell value columns from text columns). */
export function looksLikeValue(input: unknown): boolean {
  const raw = cleanText(input);
  if (raw === "") return false;
  const low = raw.toLowerCase();
  if (YES.has(low) || NO.has(low)) return true;
  if (parseValue(raw, { kind: "count" }).kind === "na") return true;
  if (PAIR.test(raw) && /\d/.test(raw) && raw.length < 40) return true;
  const v = parseValue(raw);
  return v.kind === "number";
}
