/** Builders of one sheet: the indicator sheets (base figures and sections) and the passport. */

import type { PlanCell, SheetKind, SheetPlan } from "../plan";
import type { Indicator, Lang, Period, PeriodKind, Periodicity, SchoolLevel } from "../types";
import { appliesToLevels } from "../catalog";
import { formatPeriod, periodKey } from "../periods";
import { parseValue } from "../values";
import type { CellContent, ExistingSheet } from "./existing";
import { NA_TEXT, choiceShareFormula, shareFormula } from "./formulas";
import { CellGrid, LAYOUT, PASSPORT, blockValueCol, cellAddress, quoteSheetName, rangeAddress } from "./grid";
import { markerOf } from "./markers";
import { typedCell } from "./typed";
import { buildCheckBlock, mergeCells, type CheckCell } from "./impossible";
import { LEVEL_FIELDS, PASSPORT_FIELDS, S, t } from "./strings";
import { INPUT_STYLE, STYLES, TAB_COLORS, nameStyle } from "./styles";
import { printLayout } from "./print";
import { groupValidations, validationForUnit, type CellValidation } from "./validation";

export const WIDTHS = { id: 6, number: 7, name: 60, unit: 12, value: 12, share: 8, passportLabel: 50, passportValue: 45 } as const;

const PERIODICITY_OF: Record<PeriodKind, Periodicity> = { Q1: "Q", Q2: "Q", Q3: "Q", Q4: "Q", H1: "H", H2: "H", Y: "Y", E: "E" };

/** Whether an indicator is reported in a period (its periodicity includes the period's kind). */
export function appliesTo(ind: Pick<Indicator, "periodicity">, p: Period): boolean {
  return ind.periodicity.includes(PERIODICITY_OF[p.kind]);
}

/** A row of an indicator sheet: a catalog indicator, or a row kept from an older sheet. */
export interface SheetRow {
  id: string;
  number: string;
  name: string;
  unit: string;
  depth: number;
  indicator: Indicator | null;
}

/** Where the denominators live: the base sheet's name and its row of each denominator id. */
export interface BaseRefs {
  sheet: string;
  rowOf: Record<string, number>;
  /** Absolute reference of the «Паспорт» cell holding the quality denominator choice. */
  qualityChoiceRef: string;
}

export interface IndicatorSheetInput {
  name: string;
  kind: SheetKind;
  title: string;
  lang: Lang;
  rows: SheetRow[];
  periods: Period[];
  base: BaseRefs;
  existing: ExistingSheet | null;
  /** Translates a kept formula's references to where their cells are now (refs.ts); identity by default. */
  formula?: (f: string) => string;
  /** The school's levels of education; items of other levels are «–» (locked). Absent: all apply. */
  levels?: SchoolLevel[];
  /** The impossible-data checks of this sheet's values (impossible.ts), written below the table. */
  checks?: CheckCell[];
}

/** A typed «–» (or «н/п» …): what a not-applicable cell holds. */
const isNaTyped = (typed: CellContent | undefined): boolean => typeof typed === "string" && parseValue(typed, { kind: "count" }).kind === "na";

function baseSheetProps(kind: SheetKind) {
  return {
    marker: markerOf(kind),
    tabColor: TAB_COLORS[kind],
    conditionalFormats: [],
    protection: { protected: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false },
  };
}

/** Build one indicator sheet; returns the sheet and how many existing values it carries over. */
export function buildIndicatorSheet(input: IndicatorSheetInput): { sheet: SheetPlan; kept: number } {
  const { lang, rows, periods, base, existing, kind } = input;
  const g = new CellGrid();
  const merges: string[] = [];
  const validated: { row: number; col: number; v: CellValidation }[] = [];
  let kept = 0;

  g.set(LAYOUT.markerRow, LAYOUT.idCol, { value: markerOf(kind), style: "marker" });
  g.set(LAYOUT.markerRow, LAYOUT.numberCol, { value: input.title, style: "title" });
  const heads: [number, string][] = [
    [LAYOUT.idCol, t(S.colId, lang)],
    [LAYOUT.numberCol, t(S.colNumber, lang)],
    [LAYOUT.nameCol, t(S.colName, lang)],
    [LAYOUT.unitCol, t(S.colUnit, lang)],
  ];
  for (const [col, text] of heads) {
    g.set(LAYOUT.headerRow, col, { value: text, style: "header" });
    g.set(LAYOUT.periodKeyRow, col, { style: "header" });
    g.set(LAYOUT.subHeaderRow, col, { style: "header" });
    merges.push(rangeAddress(LAYOUT.headerRow, col, LAYOUT.subHeaderRow, col));
  }
  periods.forEach((p, i) => {
    const vc = blockValueCol(i);
    g.set(LAYOUT.headerRow, vc, { value: formatPeriod(p, lang, "long"), style: "periodHeader" });
    g.set(LAYOUT.headerRow, vc + 1, { style: "periodHeader" });
    merges.push(rangeAddress(LAYOUT.headerRow, vc, LAYOUT.headerRow, vc + 1));
    g.set(LAYOUT.periodKeyRow, vc, { value: periodKey(p), style: "periodKey" });
    g.set(LAYOUT.periodKeyRow, vc + 1, { style: "periodKey" });
    g.set(LAYOUT.subHeaderRow, vc, { value: t(S.subValue, lang), style: "subHeader" });
    g.set(LAYOUT.subHeaderRow, vc + 1, { value: t(S.subShare, lang), style: "subHeader" });
  });

  rows.forEach((row, ri) => {
    const r = LAYOUT.firstDataRow + ri;
    g.set(r, LAYOUT.idCol, { value: row.id, style: "id" });
    g.set(r, LAYOUT.numberCol, row.number ? { value: row.number, style: "number" } : { style: "number" });
    g.set(r, LAYOUT.nameCol, { value: row.name, style: nameStyle(row.depth) });
    g.set(r, LAYOUT.unitCol, row.unit ? { value: row.unit, style: "unit" } : { style: "unit" });
    const unit = row.indicator?.unit ?? null;
    const validation = validationForUnit(unit, lang);
    const levelApplies = !row.indicator || appliesToLevels(row.indicator, input.levels);
    periods.forEach((p, i) => {
      const vc = blockValueCol(i);
      const sc = vc + 1;
      const typed: CellContent | undefined = existing?.values[row.id]?.[periodKey(p)];
      if (typed !== undefined) kept++;
      const withValue = (style: string): PlanCell => (typed === undefined ? { style } : typedCell(typed, style, input.formula));
      if (row.indicator && !appliesTo(row.indicator, p)) {
        g.set(r, vc, withValue("na"));
        g.set(r, sc, { style: "na" });
        return;
      }
      // An item of a level the school lacks: «–», locked, not validated. A number typed before
      // (the levels changed) stays an input, so it is never lost; the checks point it out.
      if (!levelApplies && (typed === undefined || isNaTyped(typed))) {
        g.set(r, vc, { value: NA_TEXT, style: "na" });
        g.set(r, sc, unit?.kind === "countShare" ? { value: NA_TEXT, style: "na" } : { style: "na" });
        return;
      }
      g.set(r, vc, withValue(inputStyle(unit)));
      if (validation) validated.push({ row: r, col: vc, v: validation });
      if (unit?.kind === "countShare") {
        const f = shareFor(row.id, unit.denominator, unit.choices, cellAddress(r, vc), vc, base);
        g.set(r, sc, f ? { formula: f, style: "share" } : { style: "unused" });
      } else {
        g.set(r, sc, { style: "unused" });
      }
    });
  });

  const lastCol = LAYOUT.firstPeriodCol + periods.length * LAYOUT.blockWidth - 1;
  // Below the table, off paper: the check rows marking impossible values red with their reason.
  const tableRows = Math.max(g.cells.length, LAYOUT.subHeaderRow);
  const rowName = new Map(rows.map((row, ri) => [LAYOUT.firstDataRow + ri, row.indicator?.short[lang] ?? row.name]));
  const block = buildCheckBlock(input.checks ?? [], {
    lang, startRow: tableRows + 2, firstCol: LAYOUT.firstPeriodCol, lastCol, names: (r) => rowName.get(r) ?? "",
  });
  mergeCells(g.cells, block.cells);
  const widths: number[] = [WIDTHS.id, WIDTHS.number, WIDTHS.name, WIDTHS.unit];
  periods.forEach(() => widths.push(WIDTHS.value, WIDTHS.share));
  const columnWidths = widths.slice(0, Math.max(lastCol, LAYOUT.unitCol));
  // The id column (with the A1 marker) and the period-key row: read by the add-in, never shown or printed.
  const hidden = { hiddenColumns: [LAYOUT.idCol], hiddenRows: [LAYOUT.periodKeyRow] };
  const sheet: SheetPlan = {
    name: input.name,
    kind,
    ...baseSheetProps(kind),
    conditionalFormats: block.rules,
    cells: g.cells,
    columnWidths,
    merges,
    frozenRows: LAYOUT.subHeaderRow,
    frozenColumns: LAYOUT.nameCol,
    ...hidden,
    validations: groupValidations(validated),
    // The print area keeps to the table: the check rows and the target status block below it stay off paper.
    pageLayout: printLayout({
      sheet: { cells: g.cells, columnWidths, ...hidden },
      styles: STYLES,
      orientation: "landscape",
      titleRows: `${LAYOUT.headerRow}:${LAYOUT.subHeaderRow}`,
      titleColumns: { first: LAYOUT.numberCol, last: LAYOUT.unitCol },
      groupWidth: LAYOUT.blockWidth,
      area: { row1: 1, col1: 1, row2: tableRows, col2: Math.max(lastCol, LAYOUT.unitCol) },
    }),
  };
  return { sheet, kept };
}

function inputStyle(unit: Indicator["unit"] | null): string {
  switch (unit?.kind) {
    case "count":
    case "countShare":
      return INPUT_STYLE.count;
    case "average":
      return INPUT_STYLE.average;
    case "ratio":
      return INPUT_STYLE.ratio;
    case "yesNo":
      return INPUT_STYLE.yesNo;
    case "share":
      return INPUT_STYLE.share;
    default:
      return INPUT_STYLE.list;
  }
}

/** The share formula of a count cell; null when a denominator row is missing from the base sheet. */
function shareFor(id: string, denominator: string[], choices: string[] | undefined, countRef: string, col: number, base: BaseRefs): string | null {
  const ref = (denId: string): string | null => {
    const row = base.rowOf[denId];
    return row ? `${quoteSheetName(base.sheet)}!${cellAddress(row, col)}` : null;
  };
  if (choices && choices.includes("students_total") && choices.includes("students_assessed") && id === "quality_4_5") {
    const total = ref("students_total");
    const assessed = ref("students_assessed");
    if (total && assessed) return choiceShareFormula(countRef, base.qualityChoiceRef, total, assessed);
  }
  const refs = denominator.map(ref);
  if (refs.length === 0 || refs.some((x) => x === null)) return null;
  return shareFormula(countRef, { refs: refs as string[] });
}

export interface PassportInput {
  name: string;
  lang: Lang;
  title: string;
  /** Field id → value to show (already merged from options and the existing sheet). */
  values: Record<string, CellContent>;
  /** Labels of fields kept from an older passport that this version does not know. */
  extraFields: string[];
  denominatorPrompt: CellValidation;
  /** As in IndicatorSheetInput. */
  formula?: (f: string) => string;
  levelPrompt: CellValidation;
}

/** Row of a passport field (1-based), by its position in PASSPORT_FIELDS. */
export function passportRowOf(fieldId: string): number {
  return PASSPORT.firstFieldRow + PASSPORT_FIELDS.findIndex((f) => f.id === fieldId);
}

export function buildPassportSheet(input: PassportInput): SheetPlan {
  const { lang } = input;
  const g = new CellGrid();
  g.set(1, PASSPORT.idCol, { value: markerOf("passport"), style: "marker" });
  g.set(1, PASSPORT.labelCol, { value: input.title, style: "title" });
  g.set(2, PASSPORT.idCol, { value: t(S.colId, lang), style: "header" });
  g.set(2, PASSPORT.labelCol, { value: t(S.colParameter, lang), style: "header" });
  g.set(2, PASSPORT.valueCol, { value: t(S.colValue, lang), style: "header" });
  const validations = [];
  let r = PASSPORT.firstFieldRow;
  for (const f of PASSPORT_FIELDS) {
    g.set(r, PASSPORT.idCol, { value: f.id, style: "id" });
    g.set(r, PASSPORT.labelCol, { value: t(f.label, lang), style: "label" });
    const v = input.values[f.id];
    const isLevel = (Object.values(LEVEL_FIELDS) as string[]).includes(f.id);
    const style = !f.input ? "info" : f.id === "quality_denominator" || isLevel ? INPUT_STYLE.list : INPUT_STYLE.text;
    g.set(r, PASSPORT.valueCol, v === undefined || v === "" ? { style } : typedCell(v, style, input.formula));
    if (f.id === "quality_denominator") {
      validations.push({ range: cellAddress(r, PASSPORT.valueCol), ...input.denominatorPrompt });
    }
    if (isLevel) validations.push({ range: cellAddress(r, PASSPORT.valueCol), ...input.levelPrompt });
    r++;
  }
  for (const id of input.extraFields) {
    g.set(r, PASSPORT.idCol, { value: id, style: "id" });
    g.set(r, PASSPORT.labelCol, { value: id, style: "label" });
    const v = input.values[id];
    g.set(r, PASSPORT.valueCol, v === undefined ? { style: INPUT_STYLE.text } : typedCell(v, INPUT_STYLE.text, input.formula));
    r++;
  }
  return {
    name: input.name,
    kind: "passport",
    ...baseSheetProps("passport"),
    cells: g.cells,
    columnWidths: [WIDTHS.id, WIDTHS.passportLabel, WIDTHS.passportValue],
    merges: [],
    frozenRows: 2,
    frozenColumns: 0,
    hiddenColumns: [PASSPORT.idCol],
    validations,
    pageLayout: printLayout({
      sheet: { cells: g.cells, columnWidths: [WIDTHS.id, WIDTHS.passportLabel, WIDTHS.passportValue], hiddenColumns: [PASSPORT.idCol] },
      styles: STYLES,
      orientation: "portrait",
      titleRows: "2:2",
      titleColumns: { first: PASSPORT.labelCol, last: PASSPORT.labelCol },
    }),
  };
}
