/**
 * What a user typed in a cell, in the form one would type it in Excel's formula bar ("input form"):
 * a formula as "=…"; a text that Excel would otherwise read as a formula, or that itself starts with
 * an apostrophe, with Excel's text prefix "'" ("'=1+1", "''quoted"); any other text, a number or a
 * boolean as it is. Readers keep typed cells in this form, so a text "=1+1" and a formula =1+1 stay
 * apart all the way from the read to the write.
 *
 * Why a read cannot use `range.formulas` alone: Excel drops the text prefix when it returns
 * `formulas` (and `values`) of a cell holding text typed as "'=1+1" (OfficeDev/office-js#6687), so
 * that text and the formula =1+1 read the same. They differ in `values`: the formula gives its
 * result, the text gives the same text again ("String" in `valueTypes`). The one case this cannot
 * tell apart, a formula whose result is its own text, is read as text (it stays visible as typed).
 */

import type { PlanCell } from "../plan";

export type Typed = string | number | boolean;

const isFormulaText = (v: unknown): boolean => typeof v === "string" && v.length > 1 && v.startsWith("=");

/**
 * One cell's input form from what Office.js returns: `formula` (range.formulas), `value`
 * (range.values) and, when loaded, `type` (range.valueTypes). Blank cells give "".
 */
export function inputForm(formula: unknown, value: unknown, type?: unknown): unknown {
  if (typeof formula !== "string") return formula;
  if (isFormulaText(formula)) {
    const text = value === formula && (type === undefined || type === "String");
    return text ? `'${formula}` : formula;
  }
  return formula.startsWith("'") ? `'${formula}` : formula;
}

/** The input form of a grid (see inputForm); `values` and `types` cover the same cells as `formulas`. */
export function inputGrid(formulas: readonly unknown[][], values: readonly unknown[][] | null, types?: readonly unknown[][] | null): unknown[][] {
  return formulas.map((row, r) => row.map((f, c) => inputForm(f, values?.[r]?.[c], types?.[r]?.[c])));
}

/** A typed cell as plan contents: a formula stays a formula, a text loses the prefix (apply.ts adds its own). */
export function planContent(v: Typed): Pick<PlanCell, "value" | "formula"> {
  if (typeof v === "string" && isFormulaText(v)) return { formula: v };
  if (typeof v === "string" && v.startsWith("'")) return { value: v.slice(1) };
  return { value: v };
}

/** Whether a typed cell is a formula. */
export const isTypedFormula = (v: unknown): v is string => typeof v === "string" && isFormulaText(v);

/** The text a typed constant shows (the prefix removed); a formula's text as it is. */
export function typedText(v: Typed): string {
  if (typeof v !== "string") return String(v);
  return v.startsWith("'") ? v.slice(1) : v;
}

/** A typed constant for a reader that parses it (status, date …): texts without the prefix. */
export function typedValue(v: Typed): Typed {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

/** A plain text (an option, a label) in input form: a text that would read as a formula gets the prefix. */
export function asTyped(text: string): string {
  return text.startsWith("=") || text.startsWith("'") ? `'${text}` : text;
}

/** Plan contents of a typed cell, its formula passed through `formula` (the re-insert's reference translation). */
export function typedCell(v: Typed, style: string, formula: (f: string) => string = (f) => f): PlanCell {
  const c = planContent(v);
  return c.formula !== undefined ? { formula: formula(c.formula), style } : { ...c, style };
}
