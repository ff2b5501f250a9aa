/**
 * Impossible data marked on the indicator sheets at entry, by native formulas alone (no add-in
 * function): per table row with a rule, a check row in the block below the table (outside the print
 * area) holds in each value column the reason the value there is impossible, or "". One short
 * conditional format per run of rows (`=OR(E40<>"",D40<>"")`) fills the value and its share red;
 * the target status cells read the same check cell and give "x" («данные неверны»).
 *
 * The rules are those of judge.ts impossibleData (checks value_out_of_scale and part_exceeds_whole,
 * and a judged share outside 0…1), written as formulas: a negative or fractional count, an average
 * outside its scale, a negative ratio, a share outside 0…100 %, a count above its denominator(s),
 * the NOT_ABOVE pairs (winners above participants, assessed above all pupils …) with the blank-total
 * case (the «в т. ч.» rows summed above the whole), a «в т. ч.» item above its total and a breakdown
 * summed above it. Not marked natively: text that does not read as a number (the data validation
 * refuses it at entry) and yes/no cells.
 */
import { CATALOG, childrenOf, getIndicator } from "../catalog";
import { NOT_ABOVE } from "../checks/structure";
import type { PlanCell, PlanConditionalFormat } from "../plan";
import type { Indicator, Lang, Text } from "../types";
import { isTotalChoice } from "./formulas";
import { CellGrid, cellAddress, quoteSheetName, rangeAddress } from "./grid";
import { RISK_COLORS } from "./styles";

/** The reasons shown in the check cells (short: they sit in a value column). */
export const IMPOSSIBLE_TEXT = {
  count: { ru: "количество должно быть целым ≥ 0", en: "a count must be a whole number ≥ 0" },
  share: { ru: "доля вне 0–100 %", en: "share outside 0–100%" },
  ratio: { ru: "отрицательное значение", en: "negative value" },
  scale: { ru: "вне шкалы {min}–{max}", en: "outside the {min}–{max} scale" },
  above: { ru: "больше, чем {whole}", en: "more than {whole}" },
  aboveTotal: { ru: "больше итога {whole}", en: "more than the total {whole}" },
  sumAboveTotal: { ru: "сумма «в т. ч.» больше итога {whole}", en: "the breakdown adds up to more than the total {whole}" },
  sumAboveBlank: { ru: "сумма «в т. ч.» больше, чем {whole}, при пустой строке итога", en: "the breakdown adds up to more than {whole} while the total row is blank" },
} as const satisfies Record<string, Text>;

/** The note heading the check rows. */
export const CHECK_NOTE: Text = {
  ru: "Служебные формулы проверки данных (не печатаются): под значением — почему оно невозможно; такое значение выделено красным и не оценивается по цели.",
  en: "Helper formulas of the data checks (not printed): under a value, why it is impossible; such a value is red and never judged against a target.",
};

/** Where the value cells are: the value (count) cell of an indicator in a period, null when not on our sheets. */
export type ValueCellOf = (id: string, key: string) => { sheet: string; row: number; col: number } | null;

export interface ImpossibleInput {
  lang: Lang;
  /** The indicator rows to check (catalog ids) and the period keys each is reported in. */
  periodsOf: (id: string) => string[];
  valueCell: ValueCellOf;
  /** Absolute reference of the «Паспорт» cell with the quality denominator choice, when there is one. */
  qualityChoiceRef?: string;
}

/** One check formula: the indicator's value cell and the formula of its check cell. */
export interface CheckCell {
  id: string;
  key: string;
  sheet: string;
  row: number;
  col: number;
  formula: string;
}

const label = (id: string, lang: Lang): string => {
  const name = getIndicator(id)?.short[lang] ?? id;
  // No straight quote inside a formula's text (HyperFormula does not read a doubled one).
  return lang === "ru" ? `«${name}»` : `“${name}”`;
};
const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const fill = (t: Text, lang: Lang, vars: Record<string, string>): string => t[lang].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

/**
 * A count the checks can compare: a whole number ≥ 0. Anything else (blank, «–», text, a negative or
 * fractional count) is no number to the core (values.ts reads it as an error or nothing), so it
 * neither exceeds nor is exceeded.
 */
export const valid = (x: string): string => `IF(ISNUMBER(${x}),AND(${x}>=0,INT(${x})=${x}),0)`;
const allValid = (xs: string[]): string => (xs.length === 1 ? valid(xs[0]) : `AND(${xs.map(valid).join(",")})`);
/** The valid ones of `xs`: their sum, how many, the largest (0 when none). */
const validSum = (xs: string[]): string => xs.map((x) => `IF(${valid(x)},${x},0)`).join("+");
const validCount = (xs: string[]): string => xs.map((x) => `IF(${valid(x)},1,0)`).join("+");
const validMax = (xs: string[]): string => `MAX(${xs.map((x) => `IF(${valid(x)},${x},0)`).join(",")})`;

/** A condition (never an error, whatever the cells hold; 0 for false, which HyperFormula reads where it does not read a bare FALSE) and the reason (a formula expression). */
type Rule = { cond: string; reason: string };

/**
 * The check formula of every (indicator, period) with at least one rule: `=IF(c1,"r1",IF(c2,"r2",""))`.
 * References on the value's own sheet are plain, others qualified.
 */
export function impossibleChecks(input: ImpossibleInput): CheckCell[] {
  const { lang } = input;
  const rules = new Map<string, Rule[]>();
  const add = (id: string, key: string, r: Rule) => {
    const k = `${id}|${key}`;
    const list = rules.get(k) ?? [];
    list.push(r);
    rules.set(k, list);
  };
  /** A reference to the value cell of `id` in `key` as seen from `from`'s sheet; the share cell beside it with `share`. */
  const refFrom = (from: string) => (id: string, key: string, share = false): string | null => {
    const c = input.valueCell(id, key);
    if (!c) return null;
    const a = cellAddress(c.row, c.col + (share ? 1 : 0));
    return c.sheet === from ? a : `${quoteSheetName(c.sheet)}!${a}`;
  };
  const periods = (id: string) => new Set(input.periodsOf(id));

  for (const ind of CATALOG) {
    for (const key of periods(ind.id)) {
      const home = input.valueCell(ind.id, key);
      if (!home) continue;
      const ref = refFrom(home.sheet);
      const x = ref(ind.id, key) as string;
      for (const r of ownRules(ind, x, lang)) add(ind.id, key, r);
      if (ind.unit.kind === "countShare") {
        const den = denominatorRule(ind, key, x, ref, input.qualityChoiceRef, lang);
        if (den) add(ind.id, key, den);
        // The share itself (a denominator partly blank or negative still gives one outside 0…1).
        const s = ref(ind.id, key, true) as string;
        add(ind.id, key, { cond: `IF(ISNUMBER(${s}),OR(${s}<0,${s}>1.000000001),0)`, reason: str(IMPOSSIBLE_TEXT.share[lang]) });
      }
    }
  }

  // NOT_ABOVE pairs: the part above its whole; with the part's row blank, its «в т. ч.» rows summed above the whole.
  for (const [part, whole] of NOT_ABOVE) {
    const kids = childrenOf(part).filter(isCount).map((k) => k.id);
    for (const key of periods(part)) {
      const home = input.valueCell(part, key);
      if (!home || !periods(whole).has(key)) continue;
      const ref = refFrom(home.sheet);
      const p = ref(part, key) as string;
      const w = ref(whole, key);
      if (!w) continue;
      const reason = str(fill(IMPOSSIBLE_TEXT.above, lang, { whole: label(whole, lang) }));
      add(part, key, { cond: `IF(${allValid([p, w])},${p}>${w},0)`, reason });
      const ks = kids.filter((k) => periods(k).has(key) && ref(k, key)).map((k) => ref(k, key) as string);
      if (ks.length === 0) continue;
      const blank = `IF(AND(${valid(w)},NOT(${valid(p)})),${validSum(ks)}>${w},0)`;
      const why = str(fill(IMPOSSIBLE_TEXT.sumAboveBlank, lang, { whole: label(whole, lang) }));
      add(part, key, { cond: blank, reason: why });
      for (const k of kids) {
        const kHome = input.valueCell(k, key);
        if (!kHome || !periods(k).has(key)) continue;
        const kr = refFrom(kHome.sheet);
        const kks = kids.filter((j) => periods(j).has(key) && kr(j, key)).map((j) => kr(j, key) as string);
        const kw = kr(whole, key) as string;
        const kp = kr(part, key) as string;
        add(k, key, {
          cond: `IF(AND(${valid(kr(k, key) as string)},${valid(kw)},NOT(${valid(kp)})),${validSum(kks)}>${kw},0)`,
          reason: why,
        });
      }
    }
  }

  // Totals and their «в т. ч.» items: an item above the total; else the known items summed above it (the total and each item).
  for (const total of CATALOG) {
    const kids = childrenOf(total.id).filter(isCount).map((k) => k.id);
    if (kids.length === 0) continue;
    for (const key of periods(total.id)) {
      const home = input.valueCell(total.id, key);
      if (!home) continue;
      const members = kids.filter((k) => periods(k).has(key) && input.valueCell(k, key));
      if (members.length === 0) continue;
      const sumRule = (from: string): string => {
        const r = refFrom(from);
        const t = r(total.id, key) as string;
        const ks = members.map((k) => r(k, key) as string);
        return `IF(AND(${valid(t)},${validCount(ks)}>0),AND(${validMax(ks)}<=${t},${validSum(ks)}>${t}),0)`;
      };
      const whole = label(total.id, lang);
      add(total.id, key, { cond: sumRule(home.sheet), reason: str(fill(IMPOSSIBLE_TEXT.sumAboveTotal, lang, { whole })) });
      for (const k of members) {
        const kHome = input.valueCell(k, key) as { sheet: string };
        const r = refFrom(kHome.sheet);
        const x = r(k, key) as string;
        const t = r(total.id, key) as string;
        add(k, key, { cond: `IF(${allValid([x, t])},${x}>${t},0)`, reason: str(fill(IMPOSSIBLE_TEXT.aboveTotal, lang, { whole })) });
        add(k, key, { cond: `IF(${valid(x)},${sumRule(kHome.sheet)},0)`, reason: str(fill(IMPOSSIBLE_TEXT.sumAboveTotal, lang, { whole })) });
      }
    }
  }

  const out: CheckCell[] = [];
  for (const [k, list] of rules) {
    const [id, key] = k.split("|");
    const c = input.valueCell(id, key);
    if (!c) continue;
    const body = list.reduceRight((acc, r) => `IF(${r.cond},${r.reason},${acc})`, '""');
    out.push({ id, key, sheet: c.sheet, row: c.row, col: c.col, formula: `=${body}` });
  }
  return out;
}

function isCount(ind: Indicator): boolean {
  return ind.unit.kind === "count" || ind.unit.kind === "countShare";
}

/** The rules on a value alone, by unit. */
function ownRules(ind: Indicator, x: string, lang: Lang): Rule[] {
  const u = ind.unit;
  const num = (test: string): string => `IF(ISNUMBER(${x}),${test},0)`;
  switch (u.kind) {
    case "count":
    case "countShare":
      return [{ cond: num(`OR(${x}<0,${x}<>INT(${x}))`), reason: str(IMPOSSIBLE_TEXT.count[lang]) }];
    case "average": {
      const n = (v: number) => (lang === "ru" ? String(v).replace(".", ",") : String(v));
      return [{ cond: num(`OR(${x}<${u.min},${x}>${u.max})`), reason: str(fill(IMPOSSIBLE_TEXT.scale, lang, { min: n(u.min), max: n(u.max) })) }];
    }
    case "ratio":
      return [{ cond: num(`${x}<0`), reason: str(IMPOSSIBLE_TEXT.ratio[lang]) }];
    case "share":
      // As values.ts reads a percent-formatted share cell: its number is the share Excel shows (typed
      // 150 → 1.5, shown 150 %), so the value is impossible below 0 or above 1 (100 %).
      return [{ cond: num(`OR(${x}<0,${x}>1.000000001)`), reason: str(IMPOSSIBLE_TEXT.share[lang]) }];
    default:
      return [];
  }
}

/** A count above its denominator(s), when every denominator is a number (quality: by the «Паспорт» choice). */
function denominatorRule(
  ind: Indicator,
  key: string,
  x: string,
  ref: (id: string, key: string) => string | null,
  choiceRef: string | undefined,
  lang: Lang,
): Rule | null {
  if (ind.unit.kind !== "countShare") return null;
  const above = (dens: string[]): Rule | null => {
    const refs = dens.map((d) => ref(d, key));
    if (refs.some((r) => r === null)) return null;
    const list = (refs as string[]).join(",");
    const whole = dens.map((d) => label(d, lang)).join(" + ");
    const sum = refs.length === 1 ? refs[0] : `SUM(${list})`;
    return { cond: `IF(${allValid([x, ...(refs as string[])])},${x}>${sum},0)`, reason: str(fill(IMPOSSIBLE_TEXT.above, lang, { whole })) };
  };
  const choices = ind.unit.choices;
  if (choices && choiceRef && choices.includes("students_total") && choices.includes("students_assessed")) {
    const total = above(["students_total"]);
    const assessed = above(["students_assessed"]);
    if (total && assessed) {
      const t = isTotalChoice(choiceRef);
      return { cond: `IF(${t},${total.cond},${assessed.cond})`, reason: `IF(${t},${total.reason},${assessed.reason})` };
    }
  }
  return above(ind.unit.denominator);
}

export interface CheckBlock {
  /** Cells in sheet coordinates (rows above the block are empty). */
  cells: (PlanCell | null)[][];
  /** One red rule per run of consecutive table rows with checks. */
  rules: PlanConditionalFormat[];
  /** The block's last row (startRow − 1 when empty). */
  lastRow: number;
  /** "row|col" of a value cell → the address of its check cell. */
  checkOf: Map<string, string>;
}

/** Columns of a check row: the name in C; B and D stay empty (the red rule reads the column left of a share). */
const NAME_COL = 3;

/**
 * The check rows of one sheet below its table, from `startRow` (the note), one row per table row
 * with checks, in table order; the check cell sits under the value's column. Each run of
 * consecutive table rows gets one rule over its columns firstCol…lastCol: `=OR(E40<>"",D40<>"")`
 * — a value column's own check, or (for a share column) the check of the value on its left.
 */
export function buildCheckBlock(checks: readonly CheckCell[], opts: { lang: Lang; startRow: number; firstCol: number; lastCol: number; names: (row: number) => string }): CheckBlock {
  const g = new CellGrid();
  const checkOf = new Map<string, string>();
  const byRow = new Map<number, CheckCell[]>();
  for (const c of checks) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  if (rows.length === 0) return { cells: g.cells, rules: [], lastRow: opts.startRow - 1, checkOf };
  g.set(opts.startRow, NAME_COL, { value: CHECK_NOTE[opts.lang], style: "chk.note" });
  const rules: PlanConditionalFormat[] = [];
  let run: { row: number; check: number } | null = null;
  rows.forEach((row, i) => {
    const s = opts.startRow + 1 + i;
    g.set(s, NAME_COL, { value: opts.names(row), style: "chk.name" });
    for (const c of byRow.get(row) ?? []) {
      g.set(s, c.col, { formula: c.formula, style: "chk.reason" });
      checkOf.set(`${row}|${c.col}`, cellAddress(s, c.col));
    }
    if (!run) run = { row, check: s };
    const next = rows[i + 1];
    if (next !== row + 1) {
      const a = cellAddress(run.check, opts.firstCol);
      const left = cellAddress(run.check, opts.firstCol - 1);
      rules.push({ range: rangeAddress(run.row, opts.firstCol, row, opts.lastCol), formula: `=OR(${a}<>"",${left}<>"")`, style: { ...RISK_COLORS.missed } });
      run = null;
    }
  });
  return { cells: g.cells, rules, lastRow: opts.startRow + rows.length, checkOf };
}

/** Copy the cells of `from` into `into` (both in sheet coordinates). */
export function mergeCells(into: (PlanCell | null)[][], from: (PlanCell | null)[][]): void {
  from.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      while (into.length <= r) into.push([]);
      const line = into[r];
      while (line.length <= c) line.push(null);
      line[c] = cell;
    });
  });
}
