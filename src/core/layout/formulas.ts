/**
 * Every formula text the report sheets use, in the invariant (English) form. Keep formula
 * construction here only, so that a fix is one change.
 *
 * Share rule (documented in README): blank count or blank denominator → blank; a non-number
 * («–», «н/п») in the count or the denominator → «–»; a zero denominator → blank (never #DIV/0!);
 * otherwise count / denominator.
 */

import { QUALITY_DENOMINATOR_LABELS } from "./strings";

/** The text a share shows when the count or the denominator is «–» (not applicable). */
export const NA_TEXT = "–";

function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The denominator expression of a share: one reference, or a sum of several.
 * `refs` are full references, e.g. "'Базовые показатели'!E5".
 */
export interface Denominator {
  refs: string[];
}

/** The share formula for a count cell `countRef` (same sheet) over denominator `den`. */
export function shareFormula(countRef: string, den: Denominator | { expr: string; blank: string; nonNumber: string }): string {
  const d = "refs" in den ? denominatorParts(den.refs) : den;
  const c = countRef;
  return `=IF(OR(${c}="",${d.blank}),"",IF(OR(NOT(ISNUMBER(${c})),${d.nonNumber}),${str(NA_TEXT)},IF(${d.expr}=0,"",${c}/${d.expr})))`;
}

function denominatorParts(refs: string[]): { expr: string; blank: string; nonNumber: string } {
  if (refs.length === 1) {
    const r = refs[0];
    return { expr: r, blank: `${r}=""`, nonNumber: `NOT(ISNUMBER(${r}))` };
  }
  const list = refs.join(",");
  return {
    expr: `SUM(${list})`,
    blank: `AND(${refs.map((r) => `${r}=""`).join(",")})`,
    nonNumber: `COUNT(${list})=0`,
  };
}

/**
 * The share of quality_4_5, whose denominator follows the choice on «Паспорт»: `choiceRef` holds
 * the label of students_total (either language) → totalRef; anything else (the default
 * students_assessed, or blank) → assessedRef.
 */
export function choiceShareFormula(countRef: string, choiceRef: string, totalRef: string, assessedRef: string): string {
  const isTotal = isTotalChoice(choiceRef);
  const pick = (a: string, b: string) => `IF(${isTotal},${a},${b})`;
  return shareFormula(countRef, {
    expr: pick(totalRef, assessedRef),
    blank: pick(`${totalRef}=""`, `${assessedRef}=""`),
    nonNumber: pick(`NOT(ISNUMBER(${totalRef}))`, `NOT(ISNUMBER(${assessedRef}))`),
  });
}

/** TRUE when the «Паспорт» choice cell `choiceRef` names students_total (either language). */
export function isTotalChoice(choiceRef: string): string {
  return `OR(${[...new Set([QUALITY_DENOMINATOR_LABELS.students_total.ru, QUALITY_DENOMINATOR_LABELS.students_total.en])]
    .map((l) => `${choiceRef}=${str(l)}`)
    .join(",")})`;
}

/**
 * The EDU.* custom functions the add-in writes into sheets, by the invariant (English) name it
 * writes. Every call is built by `eduCall`, so this list and the written formulas cannot drift
 * apart; «Самопроверка» calculates each of them in the user's Excel.
 */
export const WRITTEN_FUNCTIONS = ["DELTA", "GROWTH", "DYNAMICS", "TARGETSTATUS", "TARGETGAP"] as const;
export type WrittenFunction = (typeof WRITTEN_FUNCTIONS)[number];

/** The namespace of the custom functions (manifest and functions.json). */
export const FUNCTION_NAMESPACE = "EDU";

/** A call of an EDU.* function as the add-in writes it: eduCall("DELTA", "D5", "E5") → `EDU.DELTA(D5,E5)`. */
export function eduCall(fn: WrittenFunction, ...args: string[]): string {
  return `${FUNCTION_NAMESPACE}.${fn}(${args.join(",")})`;
}
