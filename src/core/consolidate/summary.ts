/**
 * The «Свод» sheet (marker kind "summary"): indicators as rows (like a school's sheet), then per
 * chosen period a column block — the municipal total, schools reporting, and per school two
 * columns, the school's value and its rank — with the target columns after the first block's
 * total. Target highlighting uses native conditional formats (works without the add-in); an
 * impossible value is the red text «данные неверны», out of the total, the ranks and the colours.
 * Findings about the files and data are listed below the table.
 */
import { CATALOG, SECTIONS, unitLabel } from "../catalog";
import { comparePeriods, formatPeriod, periodKey } from "../periods";
import type { PlanConditionalFormat, PlanStyle, SheetPlan } from "../plan";
import type { Lang, Target, Text } from "../types";
import { CellGrid, cellAddress, rangeAddress } from "../layout/grid";
import { FORMATS, STATUS_NOTE, analysisStyles } from "../layout/highlight";
import { printLayout } from "../layout/print";
import { buildStatusBlock } from "../layout/targetStatus";
import { markerOf } from "../layout/markers";
import { TAB_COLORS } from "../layout/styles";
import type { IndicatorFigures, TotalMethod } from "./figures";
import { SUMMARY, summaryLayout } from "./columns";
import { changeOf, type ChangeCell, type ChangePair } from "./change";
import { pupilsChange } from "../stats";
import type { Period } from "../types";

export const SUMMARY_SHEET_NAME: Text = { ru: "Свод", en: "Summary" };


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
  invalid: { ru: "данные неверны", en: "invalid data" },
  change: { ru: "Изменение", en: "Change" },
  changeKey: { ru: "изменение", en: "change" },
  chance: { ru: "в пределах случайных колебаний ({pupils})", en: "within random variation ({pupils})" },
  changeNote: {
    ru: "Изменение сравнивает только сопоставимые периоды: тот же период прошлого года или предыдущий период того же вида (полугодие с учебным годом не сравнивается). Доли — в процентных пунктах.",
    en: "A change compares comparable periods only: the same period of the previous year or the previous period of the same kind (a half-year is not compared with the year). Shares in percentage points.",
  },
  chanceNote: {
    ru: "Изменение сравнивает только сопоставимые периоды: тот же период прошлого года или предыдущий период того же вида (полугодие с учебным годом не сравнивается). Доли — в процентных пунктах. «В пределах случайных колебаний» — изменение доли не больше случайного разброса при таком числе учащихся (95 % интервал Ньюкомба по численностям): это не улучшение и не ухудшение; в скобках — на сколько учащихся изменилась численность.",
    en: "A change compares comparable periods only: the same period of the previous year or the previous period of the same kind (a half-year is not compared with the year). Shares in percentage points. “Within random variation”: the share moved no more than chance allows for that many pupils (Newcombe 95 % interval on the counts) — neither improvement nor worsening; in brackets, how many pupils the count changed by.",
  },
  invalidNote: {
    ru: "«данные неверны» — значение школы невозможно (доля вне 0–100 %, часть больше целого, отрицательное или дробное количество; причина — в замечаниях ниже): оно не учтено в итоге и местах и не оценивается по цели, пока школа не исправит данные.",
    en: "“invalid data”: the school's value is impossible (a share outside 0–100%, a part above its whole, a negative or fractional count; the reason is in the findings below): it is left out of the total and the ranks and not judged against the target until the school corrects it.",
  },
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

/** «данные неверны» in red bold without a fill: not to be read as the pink «не достигнута». */
export const INVALID_LOOK = { fontColor: "#C00000", bold: true } as const;

/** Shown at most on the sheet; the pane lists all. */
export const MAX_FINDING_LINES = 500;

/** One period of «Свод»: its column block (total, schools reporting, each school's value and rank). */
export interface SummaryBlock {
  period: Period;
  figures: IndicatorFigures[];
}

export interface SummaryInput {
  name: string;
  lang: Lang;
  /** The periods side by side, chronological; the first block sits left of the target columns. */
  blocks: SummaryBlock[];
  /** Blocks compared (later with a comparable earlier one): a change block follows the later. */
  changes?: ChangePair[];
  schools: string[];
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
  const { lang, schools, blocks } = input;
  const t = (x: Text) => x[lang];
  const g = new CellGrid();
  const multi = blocks.length > 1;
  // The periods, each compared one followed by its change block.
  const pairs = input.changes ?? [];
  const layout = summaryLayout(blocks.flatMap((_, k) => (pairs.some((p) => p.later === k) ? (["period", "change"] as const) : (["period"] as const))), schools.length);
  const periodCols = layout.filter((b) => b.kind === "period");
  const cols = periodCols.map((b) => ({ ...b, schools: b.schools as number }));
  const changeCols = pairs.map((p) => layout[layout.indexOf(periodCols[p.later]) + 1]);
  g.set(1, 1, { value: markerOf("summary"), style: "marker" });
  g.set(1, SUMMARY.nameCol, { value: `${t(S.title)}: ${blocks.map((b) => formatPeriod(b.period, lang)).join(", ")}`, style: "title" });
  const heads: [number, Text][] = [
    [SUMMARY.idCol, S.id], [SUMMARY.numberCol, S.number], [SUMMARY.nameCol, S.name], [SUMMARY.unitCol, S.unit],
    [SUMMARY.targetCol, S.target], [SUMMARY.directionCol, S.direction], [SUMMARY.marginCol, S.margin],
  ];
  for (const [c, text] of heads) {
    g.set(SUMMARY.headerRow, c, { value: t(text), style: "header" });
    g.set(SUMMARY.subHeaderRow, c, { style: "subHeader" });
  }
  const merges: string[] = [];
  blocks.forEach((b, k) => {
    const bc = cols[k];
    const label = formatPeriod(b.period, lang);
    // Several periods: each block's period over it (row 1), and in the total's header.
    if (multi) {
      // The first block's total and schools sit left of the target columns: two bands.
      const bands = k === 0 ? [[bc.total, bc.schools], [bc.firstSchool, bc.last]] : [[bc.total, bc.last]];
      for (const [from, to] of bands) {
        if (to < from) continue;
        g.set(1, from, { value: label, style: "s.period" });
        for (let c = from + 1; c <= to; c++) g.set(1, c, { style: "s.period" });
        if (to > from) merges.push(rangeAddress(1, from, 1, to));
      }
    }
    g.set(SUMMARY.headerRow, bc.total, { value: multi ? `${t(S.total)}, ${label}` : t(S.total), style: "header" });
    g.set(SUMMARY.headerRow, bc.schools, { value: t(S.schools), style: "header" });
    g.set(SUMMARY.keyRow, bc.total, { value: periodKey(b.period), style: "periodKey" });
    g.set(SUMMARY.subHeaderRow, bc.total, { style: "subHeader" });
    g.set(SUMMARY.subHeaderRow, bc.schools, { style: "subHeader" });
    schools.forEach((school, i) => {
      const c = bc.firstSchool + 2 * i;
      // Text from a school's file: written as a constant (apply escapes "=", "+", "-", "@").
      g.set(SUMMARY.headerRow, c, { value: school, style: "s.school" });
      g.set(SUMMARY.headerRow, c + 1, { style: "s.school" });
      g.set(SUMMARY.keyRow, c, { value: t(S.value), style: "periodKey" });
      g.set(SUMMARY.keyRow, c + 1, { value: t(S.rank), style: "periodKey" });
      g.set(SUMMARY.subHeaderRow, c, { value: t(S.value), style: "subHeader" });
      g.set(SUMMARY.subHeaderRow, c + 1, { value: t(S.rank), style: "subHeader" });
      merges.push(rangeAddress(SUMMARY.headerRow, c, SUMMARY.headerRow, c + 1));
    });
  });
  pairs.forEach((p, n) => {
    const bc = changeCols[n];
    const label = `${t(S.change)}: ${formatPeriod(blocks[p.earlier].period, lang)} → ${formatPeriod(blocks[p.later].period, lang)}`;
    g.set(1, bc.total, { value: label, style: "s.period" });
    for (let c = bc.total + 1; c <= bc.last; c++) g.set(1, c, { style: "s.period" });
    if (bc.last > bc.total) merges.push(rangeAddress(1, bc.total, 1, bc.last));
    g.set(SUMMARY.headerRow, bc.total, { value: `${t(S.total)}: ${t(S.change).toLowerCase()}`, style: "header" });
    g.set(SUMMARY.keyRow, bc.total, { value: `${periodKey(blocks[p.earlier].period)} → ${periodKey(blocks[p.later].period)}`, style: "periodKey" });
    g.set(SUMMARY.subHeaderRow, bc.total, { style: "subHeader" });
    schools.forEach((school, i) => {
      g.set(SUMMARY.headerRow, bc.firstSchool + i, { value: school, style: "s.school" });
      g.set(SUMMARY.keyRow, bc.firstSchool + i, { value: t(S.changeKey), style: "periodKey" });
      g.set(SUMMARY.subHeaderRow, bc.firstSchool + i, { value: t(S.changeKey), style: "subHeader" });
    });
  });
  const lastCol = layout.length ? layout[layout.length - 1].last : SUMMARY.marginCol;
  const targets = new Map(input.targets.map((x) => [x.indicatorId, x]));

  // Rows: every indicator some block has, catalog order (each block's figures are in catalog order).
  const byBlock = blocks.map((b) => new Map(b.figures.map((f) => [f.indicator.id, f])));
  const ids = new Set(blocks.flatMap((b) => b.figures.map((f) => f.indicator.id)));
  const indicators = CATALOG.filter((ind) => ids.has(ind.id));

  let row = SUMMARY.firstDataRow;
  let section = "";
  let invalidShown = false;
  let chanceShown = false;
  const targetRows: { row: number; target: Target; style: string; name: string; blocks: number[] }[] = [];
  for (const ind of indicators) {
    if (ind.section !== section) {
      section = ind.section;
      const sec = SECTIONS.find((s) => s.id === section);
      g.set(row, SUMMARY.nameCol, { value: sec ? t(sec.name) : section, style: "s.section" });
      row++;
    }
    const any = byBlock.map((m) => m.get(ind.id)).find((f) => f !== undefined)!;
    const style = valueStyle(any);
    g.set(row, SUMMARY.idCol, { value: ind.id, style: "id" });
    g.set(row, SUMMARY.numberCol, { value: ind.number, style: "number" });
    g.set(row, SUMMARY.nameCol, { value: t(ind.short), style: "name.0" });
    const note = METHOD_NOTE[any.total.method];
    g.set(row, SUMMARY.unitCol, { value: note ? `${unitLabel(ind.unit, lang)} (${t(note)})` : unitLabel(ind.unit, lang), style: "unit" });
    const target = targets.get(ind.id);
    if (target) {
      g.set(row, SUMMARY.targetCol, { value: target.value, style: style === "d.int" ? "d.num" : style });
      g.set(row, SUMMARY.directionCol, { value: t(target.direction === "atMost" ? S.atMost : S.atLeast), style: "a.center" });
      g.set(row, SUMMARY.marginCol, { value: target.margin, style: style === "d.int" ? "d.num" : style });
    }
    // Aligned like the value beside it: a row of values and ranks is then one range to format.
    const rankStyle = style === "d.yesNo" ? "s.rank.center" : "s.rank";
    const judged: number[] = [];
    byBlock.forEach((m, k) => {
      const f = m.get(ind.id);
      const bc = cols[k];
      if (!f) {
        g.set(row, bc.total, { style: "s.total" });
        return;
      }
      judged.push(k);
      const total = f.total.value;
      g.set(row, bc.total, total === null ? { style: "s.total" } : { value: total, style: `${style}.total` });
      g.set(row, bc.schools, { value: f.total.schools, style: "d.int" });
      f.figures.forEach((fig, i) => {
        const c = bc.firstSchool + 2 * i;
        if (fig.invalid) {
          // Impossible data: text, so neither the total nor the target status formula reads it
          // (never coloured met or missed); red by a conditional format, so the row keeps one style.
          g.set(row, c, { value: t(S.invalid), style });
          invalidShown = true;
        } else g.set(row, c, fig.value !== null ? { value: fig.value, style } : fig.na ? { value: "–", style: "s.na" } : { style });
        const rk = f.ranks[i];
        g.set(row, c + 1, rk !== null ? { value: rk, style: rankStyle } : { style: rankStyle });
      });
    });
    // Changes against the comparable earlier period: a number, or «в пределах случайных колебаний».
    pairs.forEach((p, n) => {
      const fa = byBlock[p.earlier].get(ind.id);
      const fb = byBlock[p.later].get(ind.id);
      if (!fa || !fb) return;
      const bc = changeCols[n];
      const put = (c: number, x: ChangeCell | null, total: boolean) => {
        if (!x) return;
        if (x.kind === "chance") {
          g.set(row, c, { value: t(S.chance).replace("{pupils}", t(pupilsChange(x.pupils))), style: "s.chance" });
          chanceShown = true;
        } else {
          // Shares in percentage points (as on «Динамика»), counts and yes/no whole, others to 2 places; signed.
          const share = style === "d.share";
          const kind = share ? "pp" : style === "d.int" || style === "d.yesNo" ? "delta0" : "delta2";
          g.set(row, c, { value: share ? x.value * 100 : x.value, style: total ? `d.${kind}.total` : `s.chg.${kind}` });
        }
      };
      put(bc.total, changeOf(ind, fa.total, fb.total), true);
      fb.figures.forEach((b, i) => put(bc.firstSchool + i, changeOf(ind, fa.figures[i], b), false));
    });
    if (target) targetRows.push({ row, target, style, name: t(ind.short), blocks: judged });
    row++;
  }
  const lastDataRow = row - 1;

  row = lastDataRow + 2;
  g.set(row, SUMMARY.nameCol, { value: t(S.note), style: "a.note" });
  if (invalidShown) g.set(++row, SUMMARY.nameCol, { value: t(S.invalidNote), style: "a.note" });
  if (pairs.length) g.set(++row, SUMMARY.nameCol, { value: t(chanceShown ? S.chanceNote : S.changeNote), style: "a.note" });
  row += 2;
  g.set(row, SUMMARY.nameCol, { value: t(S.findings), style: "title" });
  row++;
  if (input.findings.length === 0) g.set(row, SUMMARY.nameCol, { value: t(S.noFindings), style: "a.text" });
  input.findings.slice(0, MAX_FINDING_LINES).forEach((f) => g.set(row++, SUMMARY.nameCol, { value: t(f), style: "s.finding" }));
  if (input.findings.length > MAX_FINDING_LINES) g.set(row, SUMMARY.nameCol, { value: t(S.more).replace("{n}", String(input.findings.length - MAX_FINDING_LINES)), style: "a.text" });
  const printedRows = Math.max(row, g.cells.length);

  // Target colours (met / within the risk margin / missed, as on a school's sheets) test status
  // cells below everything printed; value columns only (the total is a value, a rank never is).
  const block = buildStatusBlock({
    lang,
    firstCol: SUMMARY.totalCol,
    lastCol,
    startRow: printedRows + 2,
    note: STATUS_NOTE,
    rows: schools.length === 0 ? [] : targetRows.map(({ row: r, target, style, name, blocks: judged }) => ({
      row: r,
      name,
      target: cellAddress(r, SUMMARY.targetCol, true),
      direction: cellAddress(r, SUMMARY.directionCol, true),
      margin: cellAddress(r, SUMMARY.marginCol, true),
      fallback: target.direction,
      share: style === "d.share",
      // Each block is one period. At or after the target's deadline: met or missed. Before it,
      // with no trend to go by, a value short of the target is at risk (amber), never yet missed.
      cells: judged.flatMap((k) => {
        const phase = comparePeriods(blocks[k].period, target.deadline) >= 0 ? "deadline" : "before";
        const timing = { phase, trendTooSlow: phase === "before" } as const;
        const bc = cols[k];
        return [bc.total, ...schools.map((_, i) => bc.firstSchool + 2 * i)].map((col) => ({ col, timing }));
      }),
    })),
  });
  block.cells.forEach((cells, r) => cells.forEach((cell, c) => cell && g.set(r + 1, c + 1, cell)));
  // The rank columns between status cells get the status style too (empty): a status row is then
  // one range to format rather than one per school (what keeps 1,000 schools' requests small).
  for (let r = block.lastRow - targetRows.length + 1; r <= block.lastRow && targetRows.length; r++) {
    const row = g.cells[r - 1] ?? [];
    for (const bc of cols) {
      for (let c = bc.firstSchool + 1; c < bc.firstSchool + 2 * schools.length - 1; c += 2) if (!row[c - 1]) g.set(r, c, { style: "st.status" });
    }
  }
  const conditionalFormats: PlanConditionalFormat[] = [...block.rules];
  if (invalidShown && lastDataRow >= SUMMARY.firstDataRow) {
    const first = cellAddress(SUMMARY.firstDataRow, SUMMARY.totalCol);
    conditionalFormats.push({ range: rangeAddress(SUMMARY.firstDataRow, SUMMARY.totalCol, lastDataRow, lastCol), formula: `=${first}="${t(S.invalid)}"`, style: INVALID_LOOK });
  }

  const widths = [8, 6, 48, 12, 14, 9, 10, 11, 9];
  layout.forEach((b, k) => {
    if (b.kind === "change") {
      widths.push(14);
      for (let i = 0; i < schools.length; i++) widths.push(18);
      return;
    }
    if (k > 0) widths.push(14, 9);
    for (let i = 0; i < schools.length; i++) widths.push(14, 7);
  });
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
      titleRows: `${multi ? 1 : SUMMARY.headerRow}:${SUMMARY.subHeaderRow}`,
      titleColumns: { first: SUMMARY.numberCol, last: SUMMARY.unitCol },
      groupWidth: 2,
      area: { row1: 1, col1: 1, row2: printedRows, col2: lastCol },
    }),
  };
}

/** Styles «Свод» adds to the analysis styles. */
export function summaryStyles(lang: Lang = "ru"): Record<string, { locked: boolean; [k: string]: unknown }> {
  const ro = { vertical: "top", locked: true } as const;
  const total = { ...ro, bold: true, fill: "#DDEBF7", horizontal: "right" } as const;
  const change = { ...ro, wrap: true, horizontal: "right" } as const;
  return {
    "s.school": { bold: true, wrap: true, fill: "#D9E1F2", horizontal: "center", vertical: "center", numberFormat: "@", locked: true },
    "s.section": { bold: true, fill: "#F2F2F2", locked: true },
    "s.total": total,
    "d.share.total": { ...total, numberFormat: "0.0%" },
    "d.int.total": { ...total, numberFormat: "0" },
    "d.num.total": { ...total, numberFormat: "0.00" },
    "d.yesNo.total": { ...total, numberFormat: "0" },
    // The look of the value beside (only the number format differs): one range per row of a block.
    "s.rank": { ...ro, numberFormat: "0", horizontal: "right" },
    "s.rank.center": { ...ro, numberFormat: "0", horizontal: "center" },
    "s.na": { ...ro, horizontal: "right", fill: "#D9D9D9" },
    "s.finding": { ...ro, wrap: false },
    "d.pp.total": { ...total, numberFormat: FORMATS.pp[lang] },
    "d.delta0.total": { ...total, numberFormat: "+0;-0;0" },
    "d.delta2.total": { ...total, numberFormat: "+0.00;-0.00;0.00" },
    // A change column: numbers and «в пределах случайных колебаний» of one look (one range per row).
    "s.chance": { ...change },
    "s.chg.pp": { ...change, numberFormat: FORMATS.pp[lang] },
    "s.chg.delta0": { ...change, numberFormat: "+0;-0;0" },
    "s.chg.delta2": { ...change, numberFormat: "+0.00;-0.00;0.00" },
    "s.period": { bold: true, fill: "#B4C6E7", horizontal: "center", vertical: "center", numberFormat: "@", locked: true },
  };
}
