/** Input-cell validation rules by unit, and grouping of validated cells into rectangles. */

import type { PlanValidation, ValidationRule } from "../plan";
import type { Lang, Unit } from "../types";
import { cellAddress, rangeAddress } from "./grid";
import { PROMPTS, YES_NO, fill } from "./strings";

export interface CellValidation {
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

type PromptTexts = { title: { ru: string; en: string }; message: { ru: string; en: string }; error: { ru: string; en: string } };

/** Where a custom rule names its own cell; replaced by the top-left cell of each validated range. */
const CELL = "{cell}";

/**
 * «–» (or a hyphen) is accepted in any cell whose prompt offers it: a custom rule, kept short. The
 * number test sits behind IF(ISNUMBER(…)): Excel's AND/OR evaluate every argument, so INT("–")
 * would make OR(TRUE, #VALUE!) an error, and an error fails the rule.
 */
const naOr = (numberTest: string): ValidationRule => ({ kind: "custom", formula: `=IF(ISNUMBER(${CELL}),${numberTest},OR(${CELL}="–",${CELL}="-"))` });

/** The validation of a value (count) cell of an indicator with this unit; null for none. */
export function validationForUnit(unit: Unit | null, lang: Lang): CellValidation | null {
  const make = (rule: ValidationRule, p: PromptTexts, vars: Record<string, string> = {}): CellValidation => ({
    rule,
    prompt: { title: p.title[lang], message: fill(p.message[lang], vars) },
    error: { title: PROMPTS.errorTitle[lang], message: fill(p.error[lang], vars) },
  });
  if (!unit) return null;
  switch (unit.kind) {
    case "count":
    case "countShare":
      return make(naOr(`AND(${CELL}>=0,INT(${CELL})=${CELL})`), PROMPTS.count);
    case "average": {
      const fmt = (n: number) => (lang === "ru" ? String(n).replace(".", ",") : String(n));
      return make(naOr(`AND(${CELL}>=${unit.min},${CELL}<=${unit.max})`), PROMPTS.average, { min: fmt(unit.min), max: fmt(unit.max) });
    }
    case "ratio":
      return make({ kind: "decimal", min: 0 }, PROMPTS.ratio);
    case "yesNo":
      return make({ kind: "list", items: [...YES_NO[lang]] }, PROMPTS.yesNo);
    case "share":
      return make({ kind: "decimal", min: 0, max: 1 }, PROMPTS.share);
  }
}

/**
 * Group validated cells into rectangles: vertical runs of equal validation in one column, then
 * runs of equal height side by side are joined. Deterministic order (column, then row).
 */
export function groupValidations(cells: { row: number; col: number; v: CellValidation }[]): PlanValidation[] {
  const key = (v: CellValidation) => JSON.stringify(v);
  const byCol = new Map<number, { row: number; k: string; v: CellValidation }[]>();
  for (const c of cells) {
    const list = byCol.get(c.col) ?? [];
    list.push({ row: c.row, k: key(c.v), v: c.v });
    byCol.set(c.col, list);
  }
  const runs: { col: number; row1: number; row2: number; k: string; v: CellValidation }[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const list = byCol.get(col)!.sort((a, b) => a.row - b.row);
    let cur: (typeof runs)[number] | null = null;
    for (const c of list) {
      if (cur && cur.k === c.k && c.row === cur.row2 + 1) cur.row2 = c.row;
      else {
        cur = { col, row1: c.row, row2: c.row, k: c.k, v: c.v };
        runs.push(cur);
      }
    }
  }
  return runs.map((r) => {
    const rule = r.v.rule.kind === "custom" ? { ...r.v.rule, formula: r.v.rule.formula.split(CELL).join(cellAddress(r.row1, r.col)) } : r.v.rule;
    return { range: rangeAddress(r.row1, r.col, r.row2, r.col), rule, prompt: r.v.prompt, error: r.v.error };
  });
}
