/**
 * The «Цели программы» sheet (marker kind "targets"): one row per target — indicator id, name,
 * target value, direction, deadline, risk margin, and a milestone column per report period.
 * Targets are data: re-inserting keeps every row and every typed cell as it was.
 */
import { getIndicator, isShareLike } from "../catalog";
import type { PlanValidation, SheetPlan } from "../plan";
import { comparePeriods, formatPeriod, parsePeriod, parsePeriodKey, periodKey } from "../periods";
import type { ReadSheet } from "../report";
import { DIRECTION_LABELS, defaultDeadline, defaultDirection, defaultTargetsFor, parseDirection } from "../targets";
import type { Lang, Period, SchoolLevel, Target, Text } from "../types";
import { parseValue } from "../values";
import { CellGrid, cellAddress, quoteSheetName, rangeAddress } from "./grid";
import { analysisStyles, type TargetRefs } from "./highlight";
import { printLayout } from "./print";
import { markerOf } from "./markers";
import { TAB_COLORS } from "./styles";
import { widthOf } from "../arrays";
import { axisOf, gridMove, sheetsMove, translateFormula } from "./refs";
import { typedCell } from "./typed";
import { TARGET_CHOICES, indicatorIdOf, targetLabel } from "./targetChoices";

export const TARGETS_SHEET_NAME: Text = { ru: "Цели программы", en: "Programme targets" };

/** Geometry of the «Цели программы» sheet (1-based). */
export const TARGETS = {
  headerRow: 2,
  /** Period keys of the milestone columns. */
  periodKeyRow: 3,
  noteRow: 4,
  firstDataRow: 5,
  idCol: 1,
  nameCol: 2,
  valueCol: 3,
  directionCol: 4,
  deadlineCol: 5,
  marginCol: 6,
  firstMilestoneCol: 7,
  /** Empty input rows left for new targets at least; there are rows for every indicator of the drop-down. */
  spareRows: 3,
} as const;

const T = {
  title: { ru: "Цели программы", en: "Programme targets" },
  id: { ru: "Код показателя", en: "Indicator id" },
  name: { ru: "Показатель", en: "Indicator" },
  value: { ru: "Цель", en: "Target" },
  direction: { ru: "Направление", en: "Direction" },
  deadline: { ru: "Срок", en: "Deadline" },
  margin: { ru: "Допустимое отклонение", en: "Allowed deviation" },
  milestone: { ru: "Промежуточное значение", en: "Milestone" },
  note: {
    ru: "Цели можно менять: значение (доли — в %), направление («не менее» или «не более»), срок (например, «2023/24 учебный год» или «ГИА-2024»), допустимое отклонение (недобор в его пределах — «под угрозой», больше — «не достигнута») и промежуточные значения по периодам. Новую цель добавьте в пустую строку: выберите показатель из списка в столбце «Показатель» и впишите значение.",
    en: "Edit the targets freely: value (shares in %), direction (at least / at most), deadline (e.g. \"School year 2023/24\" or \"Exams 2024\"), allowed deviation (short by no more than it is \"at risk\", more is \"missed\") and milestones per period. Add a target in an empty row: pick the indicator from the list in the «Indicator» column and type the value.",
  },
  directionPrompt: {
    ru: "«не менее» — значение должно быть не ниже цели; «не более» — не выше.",
    en: "\"at least\": the value must not be below the target; \"at most\": not above it.",
  },
  directionError: { ru: "Выберите «не менее» или «не более».", en: "Choose \"at least\" or \"at most\"." },
  numberPrompt: { ru: "Число; доли — в процентах, например 38 %.", en: "A number; shares in per cent, e.g. 38%." },
  numberError: { ru: "Ожидается неотрицательное число.", en: "A non-negative number is expected." },
  sharePrompt: { ru: "Доля в процентах: от 0 до 100 %, например 38 %.", en: "A share in per cent: 0 to 100%, e.g. 38%." },
  shareError: { ru: "Доля должна быть от 0 до 100 %. Введите, например, 38 % (а не 3800 %).", en: "A share must be between 0 and 100%. Type e.g. 38% (not 3800%)." },
  averagePrompt: { ru: "Средний балл от {min} до {max}.", en: "An average from {min} to {max}." },
  averageError: { ru: "Средний балл должен быть от {min} до {max}.", en: "The average must be between {min} and {max}." },
  countPrompt: { ru: "Целое число, не меньше 0.", en: "A whole number, 0 or more." },
  countError: { ru: "Ожидается целое неотрицательное число.", en: "A whole non-negative number is expected." },
  yesNoPrompt: { ru: "1 — да, 0 — нет.", en: "1 for yes, 0 for no." },
  yesNoError: { ru: "Ожидается 1 (да) или 0 (нет).", en: "1 (yes) or 0 (no) is expected." },
  marginPrompt: { ru: "Допустимое отклонение от цели, не меньше 0; для долей — в процентах, например 2 %.", en: "The allowed deviation from the target, 0 or more; for shares in per cent, e.g. 2%." },
  marginError: { ru: "Допустимое отклонение должно быть от 0 до {max}.", en: "The allowed deviation must be between 0 and {max}." },
  promptTitle: { ru: "Цель", en: "Target" },
  errorTitle: { ru: "Проверьте значение", en: "Check the value" },
  choices: { ru: "Показатели для выбора", en: "Indicators to choose from" },
  namePrompt: { ru: "Выберите показатель из списка.", en: "Pick the indicator from the list." },
  nameError: { ru: "Такого показателя нет в списке: выберите его из списка.", en: "No such indicator in the list: pick one from the list." },
} satisfies Record<string, Text>;

type Content = string | number | boolean;

/** One row of an existing targets sheet, as typed, and its parsed target (null when it has no value). */
export interface TargetRow {
  id: string;
  /** Typed contents by column (1-based), formulas as typed. */
  typed: Record<number, Content>;
  /** Milestones as typed, by period key. */
  milestones: Record<string, Content>;
  target: Target | null;
}

const at = (grid: unknown[][], row: number, col: number): unknown => grid[row - 1]?.[col - 1];
const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function number(v: unknown): number | null {
  if (blank(v)) return null;
  const p = parseValue(v);
  return p.kind === "number" ? p.value : null;
}

/** Read the rows of an existing «Цели программы» sheet; `periods` give the default deadlines. */
export function readTargetsSheet(
  sheet: ReadSheet,
  periods: readonly Period[],
): { rows: TargetRow[]; periodKeys: string[]; rowOf: Record<string, number>; milestoneColOf: Record<string, number> } {
  const width = widthOf(sheet.values, widthOf(sheet.formulas));
  const keyCols: { key: string; col: number }[] = [];
  for (let c = TARGETS.firstMilestoneCol; c <= width; c++) {
    const p = parsePeriodKey(at(sheet.values, TARGETS.periodKeyRow, c));
    if (p && !keyCols.some((k) => k.key === periodKey(p))) keyCols.push({ key: periodKey(p), col: c });
  }
  const rows: TargetRow[] = [];
  const rowAt: Record<string, number> = {};
  const height = Math.max(sheet.formulas.length, sheet.values.length);
  for (let r = TARGETS.firstDataRow; r <= height; r++) {
    // The name picked in the drop-down decides; an older sheet's code in column A still reads.
    const idCell = at(sheet.values, r, TARGETS.idCol);
    const code = typeof idCell === "string" ? idCell.trim() : "";
    const id = indicatorIdOf(at(sheet.values, r, TARGETS.nameCol)) ?? indicatorIdOf(code) ?? code;
    if (!id) continue;
    if (rows.some((x) => x.id === id)) continue;
    rowAt[id] = r;
    const typed: Record<number, Content> = {};
    for (let c = TARGETS.valueCol; c < TARGETS.firstMilestoneCol; c++) {
      const f = at(sheet.formulas, r, c);
      if (!blank(f) && (typeof f === "string" || typeof f === "number" || typeof f === "boolean")) typed[c] = f;
    }
    const milestones: Record<string, Content> = {};
    const parsedMilestones: Target["milestones"] = [];
    for (const { key, col } of keyCols) {
      const f = at(sheet.formulas, r, col);
      if (!blank(f) && (typeof f === "string" || typeof f === "number" || typeof f === "boolean")) milestones[key] = f;
      const n = number(at(sheet.values, r, col));
      if (n !== null) parsedMilestones.push({ period: parsePeriodKey(key) as Period, value: n });
    }
    const value = number(at(sheet.values, r, TARGETS.valueCol));
    const deadlineCell = at(sheet.values, r, TARGETS.deadlineCol);
    const deadline = (typeof deadlineCell === "string" ? parsePeriod(deadlineCell) : null) ?? defaultDeadline(id, periods);
    const margin = number(at(sheet.values, r, TARGETS.marginCol));
    const target: Target | null =
      value === null || !deadline
        ? null
        : {
            indicatorId: id,
            value,
            direction: parseDirection(at(sheet.values, r, TARGETS.directionCol)) ?? defaultDirection(id),
            deadline,
            milestones: parsedMilestones,
            margin: margin !== null && margin > 0 ? margin : 0,
          };
    rows.push({ id, typed, milestones, target });
  }
  return { rows, periodKeys: keyCols.map((k) => k.key), rowOf: rowAt, milestoneColOf: Object.fromEntries(keyCols.map((k) => [k.key, k.col])) };
}

/** Where each target lives on the sheet, for formulas on other sheets. */
export interface TargetsLayout {
  sheet: string;
  rowOf: Record<string, number>;
  milestoneColOf: Record<string, number>;
}

export function targetRefs(layout: TargetsLayout, indicatorId: string): TargetRefs | null {
  const row = layout.rowOf[indicatorId];
  if (!row) return null;
  const q = quoteSheetName(layout.sheet);
  const ref = (col: number) => `${q}!${cellAddress(row, col, true)}`;
  const milestones: Record<string, string> = {};
  for (const [key, col] of Object.entries(layout.milestoneColOf)) milestones[key] = ref(col);
  return { value: ref(TARGETS.valueCol), direction: ref(TARGETS.directionCol), margin: ref(TARGETS.marginCol), milestones };
}

export interface TargetsSheetInput {
  name: string;
  lang: Lang;
  school: string;
  /** The report's periods (milestone columns; default deadlines). */
  periods: Period[];
  /** The sheet as read, when it exists: its rows and typed cells are kept. */
  existing: ReadSheet | null;
  /** The school's levels («Паспорт»): no suggested target on an item of a level it lacks. */
  levels?: SchoolLevel[];
}

export interface TargetsSheetResult {
  sheet: SheetPlan;
  layout: TargetsLayout;
  /** Where the targets are on the existing sheet as it stands (for formulas written without rebuilding it). */
  standing: TargetsLayout | null;
  /** The targets as they stand (typed ones parsed; defaults on a new sheet). */
  targets: Target[];
}

function styleFor(id: string): string {
  const ind = getIndicator(id);
  if (!ind) return "t.in.num";
  if (isShareLike(ind)) return "t.in.share";
  return ind.unit.kind === "count" || ind.unit.kind === "yesNo" ? "t.in.int" : "t.in.num";
}

type Check = Omit<PlanValidation, "range">;

/**
 * The validation of a target row by its indicator's unit (warning style, as every rule we set): a
 * share 0–100 % (0…1 under a % format), an average on its scale (marks 2–5, points 0–100), a count
 * whole ≥ 0, yes/no 1 or 0, anything else ≥ 0; the allowed deviation ≥ 0 and within the scale.
 */
export function targetCheck(id: string, lang: Lang): { value: Check; margin: Check } {
  const unit = getIndicator(id)?.unit;
  const num = (n: number) => (lang === "ru" ? String(n).replace(".", ",") : String(n));
  const fill = (text: Text, vars: Record<string, string>) => text[lang].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
  const make = (rule: PlanValidation["rule"], prompt: string, error: string): Check => ({
    rule,
    prompt: { title: T.promptTitle[lang], message: prompt },
    error: { title: T.errorTitle[lang], message: error },
  });
  const margin = (max: number | undefined, shown: string): Check =>
    make(max === undefined ? { kind: "decimal", min: 0 } : { kind: "decimal", min: 0, max }, T.marginPrompt[lang], max === undefined ? T.numberError[lang] : fill(T.marginError, { max: shown }));
  const ind = getIndicator(id);
  if (ind && isShareLike(ind)) return { value: make({ kind: "decimal", min: 0, max: 1 }, T.sharePrompt[lang], T.shareError[lang]), margin: margin(1, "100 %") };
  switch (unit?.kind) {
    case "average": {
      const vars = { min: num(unit.min), max: num(unit.max) };
      return {
        value: make({ kind: "decimal", min: unit.min, max: unit.max }, fill(T.averagePrompt, vars), fill(T.averageError, vars)),
        margin: margin(unit.max - unit.min, num(unit.max - unit.min)),
      };
    }
    case "count":
      return { value: make({ kind: "wholeNumber", min: 0 }, T.countPrompt[lang], T.countError[lang]), margin: margin(undefined, "") };
    case "yesNo":
      return { value: make({ kind: "wholeNumber", min: 0, max: 1 }, T.yesNoPrompt[lang], T.yesNoError[lang]), margin: margin(1, "1") };
    default:
      return { value: make({ kind: "decimal", min: 0 }, T.numberPrompt[lang], T.numberError[lang]), margin: margin(undefined, "") };
  }
}

/** Build the sheet: existing rows as typed (in their order), or the suggested targets on a new sheet. */
export function buildTargetsSheet(input: TargetsSheetInput): TargetsSheetResult {
  const { lang, periods } = input;
  const read = input.existing ? readTargetsSheet(input.existing, periods) : null;
  const keys = new Map<string, Period>();
  for (const p of periods) keys.set(periodKey(p), p);
  for (const k of read?.periodKeys ?? []) keys.set(k, parsePeriodKey(k) as Period);
  const milestonePeriods = [...keys.values()].sort(comparePeriods);
  const milestoneColOf: Record<string, number> = {};
  milestonePeriods.forEach((p, i) => (milestoneColOf[periodKey(p)] = TARGETS.firstMilestoneCol + i));
  const lastCol = Math.max(TARGETS.marginCol, TARGETS.firstMilestoneCol + milestonePeriods.length - 1);

  const rows: TargetRow[] = read
    ? read.rows
    : defaultTargetsFor(periods, input.levels).map((t) => ({
        id: t.indicatorId,
        typed: {
          [TARGETS.valueCol]: t.value,
          [TARGETS.directionCol]: DIRECTION_LABELS[t.direction][lang],
          [TARGETS.deadlineCol]: formatPeriod(t.deadline, lang, "long"),
          [TARGETS.marginCol]: t.margin,
        },
        milestones: {},
        target: t,
      }));

  const g = new CellGrid();
  g.set(1, 1, { value: markerOf("targets"), style: "marker" });
  g.set(1, 2, { value: input.school ? `${T.title[lang]} — ${input.school}` : T.title[lang], style: "title" });
  const heads: [number, Text][] = [
    [TARGETS.idCol, T.id], [TARGETS.nameCol, T.name], [TARGETS.valueCol, T.value], [TARGETS.directionCol, T.direction],
    [TARGETS.deadlineCol, T.deadline], [TARGETS.marginCol, T.margin],
  ];
  for (const [c, text] of heads) {
    g.set(TARGETS.headerRow, c, { value: text[lang], style: "header" });
    g.set(TARGETS.periodKeyRow, c, { style: "header" });
  }
  milestonePeriods.forEach((p, i) => {
    const c = TARGETS.firstMilestoneCol + i;
    g.set(TARGETS.headerRow, c, { value: `${T.milestone[lang]}: ${formatPeriod(p, lang, "long")}`, style: "periodHeader" });
    g.set(TARGETS.periodKeyRow, c, { value: periodKey(p), style: "periodKey" });
  });
  g.set(TARGETS.noteRow, TARGETS.nameCol, { value: T.note[lang], style: "a.note" });
  const merges = [
    rangeAddress(TARGETS.headerRow, TARGETS.idCol, TARGETS.periodKeyRow, TARGETS.idCol),
    rangeAddress(TARGETS.headerRow, TARGETS.nameCol, TARGETS.periodKeyRow, TARGETS.nameCol),
    rangeAddress(TARGETS.noteRow, TARGETS.nameCol, TARGETS.noteRow, lastCol),
  ];
  for (let c = TARGETS.valueCol; c <= TARGETS.marginCol; c++) merges.push(rangeAddress(TARGETS.headerRow, c, TARGETS.periodKeyRow, c));

  const rowOf: Record<string, number> = {};
  const validations: PlanValidation[] = [];
  const rules = (id: string, row: number, milestones: boolean): PlanValidation[] => {
    const check = targetCheck(id, lang);
    const out: PlanValidation[] = [{ range: cellAddress(row, TARGETS.valueCol), ...check.value }, { range: cellAddress(row, TARGETS.marginCol), ...check.margin }];
    if (milestones) out.push({ range: rangeAddress(row, TARGETS.firstMilestoneCol, row, lastCol), ...check.value });
    return out;
  };
  // A formula typed on the sheet follows the cells it refers to (a milestone column moved by a new period).
  const newRowOf: [string, number][] = rows.map((row, i) => [row.id, TARGETS.firstDataRow + i]);
  const move = read
    ? gridMove(
        axisOf(TARGETS.noteRow, Object.entries(read.rowOf), newRowOf),
        axisOf(TARGETS.marginCol, Object.entries(read.milestoneColOf), Object.entries(milestoneColOf)),
      )
    : null;
  const formula = move ? (f: string) => translateFormula(f, sheetsMove(input.name, new Map([[input.name, move]]))) : undefined;
  const cell = (v: Content | undefined, style: string) => (v === undefined ? { style } : typedCell(v, style, formula));

  let r = TARGETS.firstDataRow;
  for (const row of rows) {
    rowOf[row.id] = r;
    const ind = getIndicator(row.id);
    const num = styleFor(row.id);
    g.set(r, TARGETS.idCol, { value: row.id, style: "t.in.text" });
    g.set(r, TARGETS.nameCol, { value: ind ? targetLabel(ind, lang) : row.id, style: "t.in.list" });
    g.set(r, TARGETS.valueCol, cell(row.typed[TARGETS.valueCol], num));
    g.set(r, TARGETS.directionCol, cell(row.typed[TARGETS.directionCol], "t.in.list"));
    g.set(r, TARGETS.deadlineCol, cell(row.typed[TARGETS.deadlineCol], "t.in.text"));
    g.set(r, TARGETS.marginCol, cell(row.typed[TARGETS.marginCol], num));
    for (const p of milestonePeriods) g.set(r, milestoneColOf[periodKey(p)], cell(row.milestones[periodKey(p)], num));
    validations.push(...rules(row.id, r, milestonePeriods.length > 0));
    r++;
  }
  // Rows for every indicator of the drop-down (an indicator has one target row), at least spareRows empty.
  const spare = Math.max(TARGETS.spareRows, TARGET_CHOICES.length - rows.length);
  for (let i = 0; i < spare; i++, r++) {
    g.set(r, TARGETS.idCol, { style: "t.in.text" });
    g.set(r, TARGETS.nameCol, { style: "t.in.list" });
    g.set(r, TARGETS.valueCol, { style: "t.in.num" });
    g.set(r, TARGETS.directionCol, { style: "t.in.list" });
    g.set(r, TARGETS.deadlineCol, { style: "t.in.text" });
    for (let c = TARGETS.marginCol; c <= lastCol; c++) g.set(r, c, { style: "t.in.num" });
  }
  // The drop-down of indicator names, from a hidden helper column right of the milestones.
  const choicesCol = lastCol + 1;
  g.set(TARGETS.headerRow, choicesCol, { value: T.choices[lang], style: "header" });
  TARGET_CHOICES.forEach((ind, i) => g.set(TARGETS.firstDataRow + i, choicesCol, { value: targetLabel(ind, lang), style: "a.text" }));
  validations.push({
    range: rangeAddress(TARGETS.firstDataRow, TARGETS.nameCol, r - 1, TARGETS.nameCol),
    rule: { kind: "listFrom", source: `${cellAddress(TARGETS.firstDataRow, choicesCol, true)}:${cellAddress(TARGETS.firstDataRow + TARGET_CHOICES.length - 1, choicesCol, true)}` },
    prompt: { title: T.name[lang], message: T.namePrompt[lang] },
    error: { title: T.errorTitle[lang], message: T.nameError[lang] },
  });
  validations.push({
    range: rangeAddress(TARGETS.firstDataRow, TARGETS.directionCol, r - 1, TARGETS.directionCol),
    rule: { kind: "list", items: [DIRECTION_LABELS.atLeast[lang], DIRECTION_LABELS.atMost[lang]] },
    prompt: { title: T.direction[lang], message: T.directionPrompt[lang] },
    error: { title: T.errorTitle[lang], message: T.directionError[lang] },
  });

  const widths = [16, 50, 10, 12, 22, 10, ...milestonePeriods.map(() => 16), 40];
  const rowHeights: number[] = [];
  rowHeights[TARGETS.headerRow - 1] = 45;
  rowHeights[TARGETS.noteRow - 1] = 60;
  const targets = rows.map((x) => x.target).filter((t): t is Target => t !== null);
  return {
    sheet: {
      name: input.name,
      kind: "targets",
      marker: markerOf("targets"),
      tabColor: TAB_COLORS.targets,
      cells: g.cells,
      columnWidths: widths,
      // The indicator code (read back, filled from the picked name) and the drop-down's list: never shown or printed.
      hiddenColumns: [TARGETS.idCol, choicesCol],
      rowHeights: Array.from({ length: TARGETS.noteRow }, (_, i) => rowHeights[i] ?? 0),
      merges,
      frozenRows: TARGETS.periodKeyRow,
      frozenColumns: TARGETS.nameCol,
      // The milestones' period keys: read back, never shown or printed.
      hiddenRows: [TARGETS.periodKeyRow],
      validations,
      conditionalFormats: [],
      // Targets are the user's data: the sheet stays unprotected so rows can be added.
      protection: { protected: false, allowFormatColumns: true, allowFormatRows: true, allowSort: true },
      // On paper from the names on (column A holds the codes), the names repeated on every page.
      pageLayout: printLayout({
        sheet: { cells: g.cells, columnWidths: widths, hiddenRows: [TARGETS.periodKeyRow] },
        styles: analysisStyles(lang),
        orientation: "landscape",
        titleRows: `${TARGETS.headerRow}:${TARGETS.periodKeyRow}`,
        titleColumns: { first: TARGETS.nameCol, last: TARGETS.nameCol },
        area: { row1: 1, col1: TARGETS.nameCol, row2: g.cells.length, col2: Math.max(lastCol, TARGETS.marginCol) },
      }),
    },
    layout: { sheet: input.name, rowOf, milestoneColOf },
    standing: read ? { sheet: input.name, rowOf: read.rowOf, milestoneColOf: read.milestoneColOf } : null,
    targets,
  };
}
