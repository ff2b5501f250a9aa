/**
 * The «Свод» sheet (marker kind "summary"): indicators as rows (like a school's sheet), then the
 * municipal total, the target, and per school two columns — the school's value and its rank.
 * Target highlighting uses native conditional formats (works without the add-in). Findings about
 * the files are listed below the table.
 */
import { SECTIONS, unitLabel } from "../catalog";
import { comparePeriods, formatPeriod } from "../periods";
import type { PlanConditionalFormat, PlanStyle, SheetPlan } from "../plan";
import type { Lang, Target, Text } from "../types";
import { CellGrid, cellAddress, rangeAddress } from "../layout/grid";
import { STATUS_NOTE, analysisStyles } from "../layout/highlight";
import { printLayout } from "../layout/print";
import { buildStatusBlock } from "../layout/targetStatus";
import { markerOf } from "../layout/markers";
import { TAB_COLORS } from "../layout/styles";
import type { IndicatorFigures, TotalMethod } from "./figures";
import type { Period } from "../types";

export const SUMMARY_SHEET_NAME: Text = { ru: "Свод", en: "Summary" };

/** Geometry of «Свод» (1-based). */
export const SUMMARY = {
  headerRow: 2,
  keyRow: 3,
  subHeaderRow: 4,
  firstDataRow: 5,
  idCol: 1,
  numberCol: 2,
  nameCol: 3,
  unitCol: 4,
  totalCol: 5,
  schoolsCol: 6,
  targetCol: 7,
  directionCol: 8,
  marginCol: 9,
  firstSchoolCol: 10,
} as const;

const S = {
  title: { ru: "Свод по муниципалитету", en: "Municipal summary" },
  id: { ru: "Код", en: "Id" },
  number: { ru: "№", en: "No." },
  name: { ru: "Показатель", en: "Indicator" },
  unit: { ru: "Ед. изм.", en: "Unit" },
  total: { ru: "Итого по муниципалитету", en: "Municipal total" },
  schools: { ru: "Школ с данными", en: "Schools reporting" },
  target: { ru: "Цель", en: "Target" },
  direction: { ru: "Направление", en: "Direction" },
  margin: { ru: "Допустимое отклонение", en: "Allowed deviation" },
  value: { ru: "значение", en: "value" },
  rank: { ru: "место", en: "rank" },
  atLeast: { ru: "не менее", en: "at least" },
  atMost: { ru: "не более", en: "at most" },
  findings: { ru: "Замечания к файлам и данным", en: "Findings on the files and data" },
  noFindings: { ru: "Замечаний нет.", en: "No findings." },
  more: { ru: "… и ещё {n}", en: "… and {n} more" },
  note: {
    ru: "Итог по долям — сумма численностей, делённая на сумму знаменателей (не среднее долей); средние баллы ОГЭ/ЕГЭ — взвешенные по числу выпускников, показатели «на одного учащегося» — по численности учащихся; «да/нет» — число школ с ответом «да». Место 1 — лучший результат с учётом того, что для показателя лучше (больше или меньше).",
    en: "Shares are totalled as the sum of counts over the sum of denominators (not the mean of shares); exam averages are weighted by the number of graduates, per-student figures by students on the roll; yes/no gives the number of schools answering yes. Rank 1 is the best result given whether more or less is better.",
  },
} satisfies Record<string, Text>;

const METHOD_NOTE: Partial<Record<TotalMethod, Text>> = {
  mean: { ru: "простое среднее", en: "plain mean" },
  yesCount: { ru: "школ с «да»", en: "schools with yes" },
};

/** Shown at most on the sheet; the pane lists all. */
export const MAX_FINDING_LINES = 500;

export interface SummaryInput {
  name: string;
  lang: Lang;
  period: Period;
  schools: string[];
  figures: IndicatorFigures[];
  targets: Target[];
  findings: Text[];
}

function valueStyle(f: IndicatorFigures): string {
  switch (f.indicator.unit.kind) {
    case "countShare":
    case "share":
      return "d.share";
    case "count":
      return "d.int";
    case "yesNo":
      return "d.yesNo";
    default:
      return "d.num";
  }
}

/** The machine key of a school column's key-row cell on «Свод», in either language («значение»/"value", «место»/"rank"); else null. */
export function summaryColumnKey(text: unknown): "value" | "rank" | null {
  if (typeof text !== "string") return null;
  const s = text.trim().toLowerCase();
  if (s === S.value.ru || s === S.value.en) return "value";
  if (s === S.rank.ru || s === S.rank.en) return "rank";
  return null;
}

export function buildSummarySheet(input: SummaryInput): SheetPlan {
  const { lang, schools, figures } = input;
  const t = (x: Text) => x[lang];
  const g = new CellGrid();
  g.set(1, 1, { value: markerOf("summary"), style: "marker" });
  g.set(1, SUMMARY.nameCol, { value: `${t(S.title)}: ${formatPeriod(input.period, lang)}`, style: "title" });
  const heads: [number, Text][] = [
    [SUMMARY.idCol, S.id], [SUMMARY.numberCol, S.number], [SUMMARY.nameCol, S.name], [SUMMARY.unitCol, S.unit],
    [SUMMARY.totalCol, S.total], [SUMMARY.schoolsCol, S.schools], [SUMMARY.targetCol, S.target], [SUMMARY.directionCol, S.direction], [SUMMARY.marginCol, S.margin],
  ];
  for (const [c, text] of heads) {
    g.set(SUMMARY.headerRow, c, { value: t(text), style: "header" });
    g.set(SUMMARY.subHeaderRow, c, { style: "subHeader" });
  }
  const merges: string[] = [];
  schools.forEach((school, i) => {
    const c = SUMMARY.firstSchoolCol + 2 * i;
    // Text from a school's file: written as a constant (apply escapes "=", "+", "-", "@").
    g.set(SUMMARY.headerRow, c, { value: school, style: "s.school" });
    g.set(SUMMARY.headerRow, c + 1, { style: "s.school" });
    g.set(SUMMARY.keyRow, c, { value: t(S.value), style: "periodKey" });
    g.set(SUMMARY.keyRow, c + 1, { value: t(S.rank), style: "periodKey" });
    g.set(SUMMARY.subHeaderRow, c, { value: t(S.value), style: "subHeader" });
    g.set(SUMMARY.subHeaderRow, c + 1, { value: t(S.rank), style: "subHeader" });
    merges.push(rangeAddress(SUMMARY.headerRow, c, SUMMARY.headerRow, c + 1));
  });
  const lastCol = Math.max(SUMMARY.marginCol, SUMMARY.firstSchoolCol + 2 * schools.length - 1);
  const targets = new Map(input.targets.map((x) => [x.indicatorId, x]));

  let row = SUMMARY.firstDataRow;
  let section = "";
  const targetRows: { row: number; target: Target; style: string; name: string }[] = [];
  for (const f of figures) {
    const ind = f.indicator;
    if (ind.section !== section) {
      section = ind.section;
      const sec = SECTIONS.find((s) => s.id === section);
      g.set(row, SUMMARY.nameCol, { value: sec ? t(sec.name) : section, style: "s.section" });
      row++;
    }
    const style = valueStyle(f);
    g.set(row, SUMMARY.idCol, { value: ind.id, style: "id" });
    g.set(row, SUMMARY.numberCol, { value: ind.number, style: "number" });
    g.set(row, SUMMARY.nameCol, { value: t(ind.short), style: "name.0" });
    g.set(row, SUMMARY.unitCol, { value: unitLabel(ind.unit, lang), style: "unit" });
    const total = f.total.value;
    g.set(row, SUMMARY.totalCol, total === null ? { style: "s.total" } : { value: total, style: `${style}.total` });
    g.set(row, SUMMARY.schoolsCol, { value: f.total.schools, style: "d.int" });
    const note = METHOD_NOTE[f.total.method];
    if (note) g.set(row, SUMMARY.unitCol, { value: `${unitLabel(ind.unit, lang)} (${t(note)})`, style: "unit" });
    const target = targets.get(ind.id);
    if (target) {
      g.set(row, SUMMARY.targetCol, { value: target.value, style: style === "d.int" ? "d.num" : style });
      g.set(row, SUMMARY.directionCol, { value: t(target.direction === "atMost" ? S.atMost : S.atLeast), style: "a.center" });
      g.set(row, SUMMARY.marginCol, { value: target.margin, style: style === "d.int" ? "d.num" : style });
      targetRows.push({ row, target, style, name: t(ind.short) });
    }
    f.figures.forEach((fig, i) => {
      const c = SUMMARY.firstSchoolCol + 2 * i;
      g.set(row, c, fig.value !== null ? { value: fig.value, style } : fig.na ? { value: "–", style: "s.na" } : { style });
      const rk = f.ranks[i];
      g.set(row, c + 1, rk !== null ? { value: rk, style: "s.rank" } : { style: "s.rank" });
    });
    row++;
  }
  const lastDataRow = row - 1;

  row = lastDataRow + 2;
  g.set(row, SUMMARY.nameCol, { value: t(S.note), style: "a.note" });
  row += 2;
  g.set(row, SUMMARY.nameCol, { value: t(S.findings), style: "title" });
  row++;
  if (input.findings.length === 0) g.set(row, SUMMARY.nameCol, { value: t(S.noFindings), style: "a.text" });
  input.findings.slice(0, MAX_FINDING_LINES).forEach((f) => g.set(row++, SUMMARY.nameCol, { value: t(f), style: "s.finding" }));
  if (input.findings.length > MAX_FINDING_LINES) g.set(row, SUMMARY.nameCol, { value: t(S.more).replace("{n}", String(input.findings.length - MAX_FINDING_LINES)), style: "a.text" });
  const printedRows = Math.max(row, g.cells.length);

  // Target colours (met / within the risk margin / missed, as on a school's sheets) test status
  // cells below everything printed; value columns only (the total is a value, a rank never is).
  const valueCols = [SUMMARY.totalCol, ...schools.map((_, i) => SUMMARY.firstSchoolCol + 2 * i)];
  const block = buildStatusBlock({
    lang,
    firstCol: SUMMARY.totalCol,
    lastCol,
    startRow: printedRows + 2,
    note: STATUS_NOTE,
    rows: schools.length === 0 ? [] : targetRows.map(({ row: r, target, style, name }) => ({
      row: r,
      name,
      target: cellAddress(r, SUMMARY.targetCol, true),
      direction: cellAddress(r, SUMMARY.directionCol, true),
      margin: cellAddress(r, SUMMARY.marginCol, true),
      fallback: target.direction,
      share: style === "d.share",
      // «Свод» is one period. At or after the target's deadline: met or missed. Before it, with no
      // trend to go by, a value short of the target is at risk (amber), never yet missed.
      cells: valueCols.map((col) => {
        const phase = comparePeriods(input.period, target.deadline) >= 0 ? "deadline" : "before";
        return { col, timing: { phase, trendTooSlow: phase === "before" } as const };
      }),
    })),
  });
  block.cells.forEach((cells, r) => cells.forEach((cell, c) => cell && g.set(r + 1, c + 1, cell)));
  const conditionalFormats: PlanConditionalFormat[] = block.rules;

  const widths = [8, 6, 48, 12, 14, 9, 10, 11, 9];
  for (let i = 0; i < schools.length; i++) widths.push(14, 7);
  return {
    name: input.name,
    kind: "summary",
    marker: markerOf("summary"),
    tabColor: TAB_COLORS.summary,
    cells: g.cells,
    columnWidths: widths,
    merges,
    frozenRows: SUMMARY.subHeaderRow,
    frozenColumns: SUMMARY.nameCol,
    // Ids (with the A1 marker) and the key row of the school columns: read back, never shown or printed.
    hiddenColumns: [SUMMARY.idCol],
    hiddenRows: [SUMMARY.keyRow],
    validations: [],
    conditionalFormats,
    // A snapshot rebuilt at every consolidation; unprotected so the analyst can sort and format it.
    protection: { protected: false, allowFormatColumns: true, allowFormatRows: true, allowSort: true },
    // Printed with the indicator names (B:D) repeated on every page, whole schools (value and rank) per page width.
    pageLayout: printLayout({
      sheet: { cells: g.cells, columnWidths: widths, hiddenColumns: [SUMMARY.idCol], hiddenRows: [SUMMARY.keyRow] },
      styles: { ...analysisStyles(lang), ...(summaryStyles() as Record<string, PlanStyle>) },
      orientation: "landscape",
      titleRows: `${SUMMARY.headerRow}:${SUMMARY.subHeaderRow}`,
      titleColumns: { first: SUMMARY.numberCol, last: SUMMARY.unitCol },
      groupWidth: 2,
      area: { row1: 1, col1: 1, row2: printedRows, col2: lastCol },
    }),
  };
}

/** Styles «Свод» adds to the analysis styles. */
export function summaryStyles(): Record<string, { locked: boolean; [k: string]: unknown }> {
  const ro = { vertical: "top", locked: true } as const;
  const total = { ...ro, bold: true, fill: "#DDEBF7", horizontal: "right" } as const;
  return {
    "s.school": { bold: true, wrap: true, fill: "#D9E1F2", horizontal: "center", vertical: "center", numberFormat: "@", locked: true },
    "s.section": { bold: true, fill: "#F2F2F2", locked: true },
    "s.total": total,
    "d.share.total": { ...total, numberFormat: "0.0%" },
    "d.int.total": { ...total, numberFormat: "0" },
    "d.num.total": { ...total, numberFormat: "0.00" },
    "d.yesNo.total": { ...total, numberFormat: "0" },
    "s.rank": { ...ro, numberFormat: "0", horizontal: "center", fontColor: "#595959" },
    "s.na": { ...ro, horizontal: "right", fill: "#D9D9D9" },
    "s.finding": { ...ro, wrap: false },
  };
}
