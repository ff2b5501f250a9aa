/**
 * Risk highlighting: the colours, the styles and legend of the analysis sheets, and per indicator
 * sheet the block below its table (native formulas, off paper): the impossible-data check rows
 * (impossible.ts, as written at insert) and the target status rows (targetStatus.ts); and the
 * conditional formats (impossible values red; target met / at risk / missed testing the status
 * cells; worsening against the comparable earlier period). Neutral indicators get no rule unless
 * the user set a target on them.
 */
import { cellAt, gridCols, gridExtent, gridRows } from "../cells";
import { getIndicator, isShareLike } from "../catalog";
import type { PlanCell, PlanConditionalFormat, PlanStyle } from "../plan";
import { comparableEarlier } from "../judge";
import { comparePeriods, parsePeriodKey, periodKey } from "../periods";
import { judgedInShareColumn, type ReportData, type ReportSheet } from "../report";
import { defaultDirection } from "../targets";
import type { Lang, Period, Target, Text } from "../types";
import { LAYOUT, PASSPORT, cellAddress, quoteSheetName, rangeAddress } from "./grid";
import { buildCheckBlock, impossibleChecks, mergeCells, type CheckBlock } from "./impossible";
import { buildStatusBlock, type StatusBlockRow } from "./targetStatus";
import { COLORS, RISK_COLORS, STYLES } from "./styles";

export { RISK_COLORS };

/** Number formats: shares in %, changes of shares in percentage points, arrows for 1/−1/0. */
export const FORMATS = {
  share: "0.0%",
  pp: { ru: '+0.0" п. п.";-0.0" п. п.";0.0" п. п."', en: '+0.0" pp";-0.0" pp";0.0" pp"' },
  growth: "+0.0%;-0.0%;0.0%",
  arrows: '"▲";"▼";"="',
  neutral: '"○";"○";"○"',
  status: { ru: '"достигнута";"не достигнута";"под угрозой"', en: '"met";"missed";"at risk"' },
  yesNo: { ru: '"да";"да";"нет"', en: '"yes";"yes";"no"' },
  sign: '"≥";"≤"',
} as const;

/** Styles of the analysis sheets (merged with the report STYLES into a WorkbookPlan). */
export function analysisStyles(lang: Lang): Record<string, PlanStyle> {
  const input = { fill: "#FFF2CC", vertical: "top", locked: false } as const;
  const ro = { vertical: "top", locked: true } as const;
  const quiet = { ...ro, fontColor: COLORS.grey } as const;
  return {
    ...STYLES,
    "a.note": { italic: true, wrap: true, vertical: "top", fontColor: "#595959", locked: true },
    "a.text": { ...ro, wrap: true },
    "a.center": { ...ro, horizontal: "center" },
    "a.period": { ...ro, numberFormat: "@", horizontal: "center" },
    "t.in.share": { ...input, numberFormat: FORMATS.share },
    "t.in.num": { ...input, numberFormat: "0.00" },
    "t.in.int": { ...input, numberFormat: "0" },
    "t.in.text": { ...input, numberFormat: "@", wrap: true },
    "t.in.list": { ...input },
    "d.share": { ...ro, numberFormat: FORMATS.share, horizontal: "right" },
    "d.num": { ...ro, numberFormat: "0.00", horizontal: "right" },
    "d.int": { ...ro, numberFormat: "0", horizontal: "right" },
    "d.yesNo": { ...ro, numberFormat: FORMATS.yesNo[lang], horizontal: "center" },
    "d.pp": { ...ro, numberFormat: FORMATS.pp[lang], horizontal: "right" },
    "d.delta2": { ...ro, numberFormat: "+0.00;-0.00;0.00", horizontal: "right" },
    "d.delta0": { ...ro, numberFormat: "+0;-0;0", horizontal: "right" },
    "d.growth": { ...ro, numberFormat: FORMATS.growth, horizontal: "right" },
    "d.arrow": { ...ro, numberFormat: FORMATS.arrows, horizontal: "center", bold: true },
    "d.neutral": { ...ro, numberFormat: FORMATS.neutral, horizontal: "center", fontColor: "#808080" },
    "d.status": { ...ro, numberFormat: FORMATS.status[lang], horizontal: "center" },
    "r.missed": { ...ro, ...RISK_COLORS.missed, wrap: true },
    "r.atRisk": { ...ro, ...RISK_COLORS.atRisk, wrap: true },
    "r.worsening": { ...ro, fontColor: RISK_COLORS.worsening.fontColor, bold: true, wrap: true },
    "r.finding": { ...ro, wrap: true },
    "leg.missed": { ...ro, ...RISK_COLORS.missed },
    "leg.atRisk": { ...ro, ...RISK_COLORS.atRisk },
    "leg.met": { ...ro, ...RISK_COLORS.met },
    "leg.invalid": { ...ro, ...RISK_COLORS.missed, bold: true },
    "leg.worsening": { ...ro, ...RISK_COLORS.worsening },
    // The target status block (helper formulas of the highlighting): quiet grey.
    "st.note": { ...quiet, italic: true },
    "st.name": { ...quiet },
    "st.pct": { ...quiet, numberFormat: "0%" },
    "st.pct1": { ...quiet, numberFormat: FORMATS.share },
    "st.num": { ...quiet },
    "st.sign": { ...quiet, numberFormat: FORMATS.sign, horizontal: "center" },
    "st.status": { ...quiet, horizontal: "center" },
  };
}


/** The legend of the colours, as rows (style of the sample cell, its text). */
export const LEGEND: { style: string; sample: Text; text: Text }[] = [
  { style: "leg.met", sample: { ru: "зелёный", en: "green" }, text: { ru: "цель достигнута (или достигается в срок)", en: "target met (or on course)" } },
  {
    style: "leg.atRisk",
    sample: { ru: "жёлтый", en: "amber" },
    text: { ru: "под угрозой: отставание не больше допустимого отклонения или темп роста недостаточен к сроку", en: "at risk: short by no more than the allowed deviation, or too slow to reach it by the deadline" },
  },
  { style: "leg.missed", sample: { ru: "красный", en: "red" }, text: { ru: "цель не достигнута", en: "target missed" } },
  {
    style: "leg.invalid",
    sample: { ru: "красный, тёмно-красный шрифт", en: "red, dark red font" },
    text: {
      ru: "данные неверны: значение невозможно (доля вне 0–100 %, часть больше целого, отрицательное или дробное количество); причина — в служебной строке под таблицей; цель по нему не оценивается",
      en: "invalid data: an impossible value (a share outside 0–100%, a part above its whole, a negative or fractional count); the reason is in the helper row below the table; no target is judged on it",
    },
  },
  { style: "leg.worsening", sample: { ru: "▼ красный шрифт", en: "▼ red font" }, text: { ru: "ухудшение по сравнению с предыдущим периодом", en: "worse than the previous period" } },
  { style: "d.neutral", sample: { ru: "○", en: "○" }, text: { ru: "нейтральный показатель: не оценивается и не подсвечивается", en: "neutral indicator: never judged or coloured" } },
];

/** Absolute references of one target on the «Цели программы» sheet. */
export interface TargetRefs {
  value: string;
  direction: string;
  margin: string;
  /** Period key → the milestone cell of that period. */
  milestones: Record<string, string>;
}

/** 1 for «не менее», −1 for «не более» (either language). */
export function directionSign(directionRef: string): string {
  return `IF(OR(${directionRef}="не более",${directionRef}="at most"),-1,1)`;
}

/** The required value in a period: the milestone when one is typed, else the target. */
export function requiredExpr(refs: TargetRefs, key: string): string {
  const m = refs.milestones[key];
  return m ? `IF(ISNUMBER(${m}),${m},${refs.value})` : refs.value;
}



export interface SheetHighlights {
  sheet: string;
  /** The data area whose conditional formats are replaced. */
  clear: string;
  rules: PlanConditionalFormat[];
  /** The target status block below the table: cleared, then written; the print area keeps to the table. */
  status: {
    /** Rows below the table an earlier refresh may have filled (cleared first); null when there are none. */
    clear: string | null;
    /** Cells in sheet coordinates, written from row `row1` in columns 1…`lastCol` (none when the sheet has no target). */
    cells: (PlanCell | null)[][];
    row1: number;
    lastCol: number;
    printArea: string;
  };
}

export interface HighlightInput {
  lang: Lang;
  report: ReportData;
  targets: { target: Target; refs: TargetRefs }[];
  /** "id|periodKey" of the cells whose target trend is too slow (computed at refresh). */
  trendTooSlow: Set<string>;
  /** "id|periodKey" of the cells on course to reach the target in time (computed at refresh). */
  onCourse?: Set<string>;
  /** Report periods by indicator (its timeline on the sheet). */
  timeline: (indicatorId: string) => Period[];
}

/** The note heading the status block of an indicator sheet and of «Свод». */
export const STATUS_NOTE: Text = {
  ru: "Служебные формулы подсветки целей (не печатаются): A — цель, B — направление (≥ не менее, ≤ не более), D — допустимое отклонение; под значениями — статус: 1 достигнута, 0 под угрозой, −1 не достигнута, x данные неверны.",
  en: "Helper formulas of the target colours (not printed): A target, B direction (≥ at least, ≤ at most), D margin; under the values the status: 1 met, 0 at risk, −1 missed, x invalid data.",
};

const INDICATOR_KINDS: readonly string[] = ["base", "subject", "staff", "facilities", "methods", "partnership", "context"];

/** Columns from an indicator's value (count) cell to its judged cell: 1 for Ч/УВ (the share beside it). */
function judgedOffset(id: string): number {
  const ind = getIndicator(id);
  return ind && judgedInShareColumn(ind) ? 1 : 0;
}

/** Absolute reference of the «Паспорт» cell holding the quality denominator choice, when the report has a passport. */
export function qualityChoiceRef(report: ReportData): string | undefined {
  const p = report.sheets.passport;
  if (!p) return undefined;
  for (const r of gridRows(p.values, PASSPORT.firstFieldRow)) {
    if (cellAt(p.values, r, PASSPORT.idCol) === "quality_denominator") return `${quoteSheetName(p.name)}!${cellAddress(r, PASSPORT.valueCol, true)}`;
  }
  return undefined;
}

/** The table of an indicator sheet as read: its last column (after the period blocks) and last row (column A ids). */
function tableOf(sheet: ReportSheet): { lastCol: number; lastRow: number } {
  let lastCol: number = LAYOUT.firstPeriodCol;
  for (const c of gridCols(sheet.values, LAYOUT.periodKeyRow, LAYOUT.firstPeriodCol)) {
    if (parsePeriodKey(cellAt(sheet.values, LAYOUT.periodKeyRow, c))) lastCol = Math.max(lastCol, c + LAYOUT.blockWidth - 1);
  }
  let lastRow: number = LAYOUT.subHeaderRow;
  for (const r of gridRows(sheet.values, LAYOUT.firstDataRow)) {
    const id = cellAt(sheet.values, r, LAYOUT.idCol);
    if (typeof id === "string" && id.trim()) lastRow = r;
  }
  return { lastCol, lastRow };
}

/** Conditional formats and target status blocks of the indicator sheets. */
export function buildHighlights(input: HighlightInput): SheetHighlights[] {
  const { report, lang } = input;
  // The impossible-data checks of every value (impossible.ts), as at insert; the status cells read them.
  const checks = impossibleChecks({
    lang,
    qualityChoiceRef: qualityChoiceRef(report),
    periodsOf: (id) => (report.cells[id] ? input.timeline(id).map(periodKey).filter((k) => report.cells[id][k]) : []),
    valueCell: (id, key) => {
      const c = report.cells[id]?.[key];
      return c ? { sheet: c.sheet, row: c.row, col: c.col - judgedOffset(id) } : null;
    },
  });
  const blocks = new Map<string, { block: CheckBlock; lastRow: number; lastCol: number }>();
  for (const sheet of Object.values(report.sheets)) {
    if (!sheet || !INDICATOR_KINDS.includes(sheet.kind)) continue;
    const { lastCol, lastRow } = tableOf(sheet);
    const name = (row: number) => {
      const id = cellAt(sheet.values, row, LAYOUT.idCol);
      return (typeof id === "string" && getIndicator(id.trim())?.short[lang]) || "";
    };
    const block = buildCheckBlock(checks.filter((c) => c.sheet === sheet.name), { lang, startRow: lastRow + 2, firstCol: LAYOUT.firstPeriodCol, lastCol, names: name });
    blocks.set(sheet.name, { block, lastRow, lastCol });
  }
  const checkCell = (sheet: string, row: number, valueCol: number): string | undefined => blocks.get(sheet)?.block.checkOf.get(`${row}|${valueCol}`);

  const byTargetSheet = new Map<string, StatusBlockRow[]>();
  for (const { target, refs } of input.targets) {
    const cells = report.cells[target.indicatorId];
    const ind = getIndicator(target.indicatorId);
    if (!cells || !ind) continue;
    const judged = input.timeline(target.indicatorId).flatMap((p) => {
      const key = periodKey(p);
      const c = cells[key];
      if (!c) return [];
      const timing = { phase: comparePeriods(p, target.deadline) >= 0 ? "deadline" : "before", trendTooSlow: input.trendTooSlow.has(`${target.indicatorId}|${key}`), onCourse: input.onCourse?.has(`${target.indicatorId}|${key}`) ?? false } as const;
      return [{ c, cell: { col: c.col, milestone: refs.milestones[key], timing, check: checkCell(c.sheet, c.row, c.col - judgedOffset(ind.id)) } }];
    });
    if (judged.length === 0) continue;
    const { sheet, row } = judged[0].c;
    const rows = byTargetSheet.get(sheet) ?? [];
    rows.push({
      row,
      name: ind.short[lang],
      target: refs.value,
      direction: refs.direction,
      margin: refs.margin,
      fallback: defaultDirection(ind.id),
      share: isShareLike(ind),
      cells: judged.filter((j) => j.c.sheet === sheet && j.c.row === row).map((j) => j.cell),
    });
    byTargetSheet.set(sheet, rows);
  }

  const out: SheetHighlights[] = [];
  for (const sheet of Object.values(report.sheets)) {
    if (!sheet || !INDICATOR_KINDS.includes(sheet.kind)) continue;
    const { block: checked, lastCol, lastRow } = blocks.get(sheet.name) as { block: CheckBlock; lastRow: number; lastCol: number };
    const values = gridExtent(sheet.values);
    const formulas = gridExtent(sheet.formulas);
    const usedCols = Math.max(lastCol, values.cols, formulas.cols);
    const usedRows = Math.max(values.rows, formulas.rows);
    // Below the table: the check rows, then the target status rows.
    const block = buildStatusBlock({ lang, firstCol: LAYOUT.firstPeriodCol, lastCol, startRow: Math.max(lastRow + 2, checked.lastRow + 1), note: STATUS_NOTE, rows: byTargetSheet.get(sheet.name) ?? [] });
    const cells = block.rules.length ? block.cells : [];
    mergeCells(cells, checked.cells);
    out.push({
      sheet: sheet.name,
      clear: rangeAddress(LAYOUT.firstDataRow, LAYOUT.firstPeriodCol, Math.max(lastRow, LAYOUT.firstDataRow), usedCols),
      rules: [...checked.rules, ...block.rules],
      status: {
        clear: usedRows > lastRow ? rangeAddress(lastRow + 1, 1, usedRows, usedCols) : null,
        cells,
        row1: lastRow + 2,
        lastCol,
        // From column B: column A (ids, marker) is hidden and stays off paper.
        printArea: rangeAddress(1, LAYOUT.numberCol, lastRow, lastCol),
      },
    });
  }
  const sheetOf = (name: string): SheetHighlights | undefined => out.find((h) => h.sheet === name);

  // Worsening: one rule per run of consecutive rows with the same polarity, column and earlier block.
  // Like with like (judge.ts comparableEarlier, as «Риски»): the same period of the previous year
  // first, else the previous period of the same kind — of those, the first with a value at refresh
  // (the first at all when none has one). An impossible value on either side colours nothing.
  type Item = { sheet: string; row: number; col: number; prevCol: number; polarity: number; checks?: [string, string]; checkRow?: number };
  const items: Item[] = [];
  for (const [id, cells] of Object.entries(report.cells)) {
    const ind = getIndicator(id);
    if (!ind || ind.polarity === 0 || ind.unit.kind === "yesNo") continue;
    const reported = input.timeline(id);
    const has = report.judged[id] ?? {};
    for (const p of reported) {
      const c = cells[periodKey(p)];
      const candidates = comparableEarlier(p, reported).filter((e) => cells[periodKey(e)]);
      const earlier = candidates.find((e) => has[periodKey(e)] !== undefined) ?? candidates[0];
      const e = earlier ? cells[periodKey(earlier)] : undefined;
      if (!c || !e) continue;
      const off = judgedOffset(id);
      const cx = checkCell(c.sheet, c.row, c.col - off);
      const cy = checkCell(c.sheet, c.row, e.col - off);
      const item: Item = { sheet: c.sheet, row: c.row, col: c.col, prevCol: e.col, polarity: ind.polarity };
      if (cx && cy) {
        item.checks = [cx, cy];
        item.checkRow = Number(/\d+$/.exec(cx)?.[0]);
      }
      items.push(item);
    }
  }
  items.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.prevCol - b.prevCol || a.polarity - b.polarity || a.row - b.row);
  for (let i = 0; i < items.length; ) {
    const first = items[i];
    let j = i;
    while (
      j + 1 < items.length &&
      items[j + 1].sheet === first.sheet && items[j + 1].col === first.col && items[j + 1].prevCol === first.prevCol &&
      items[j + 1].polarity === first.polarity && items[j + 1].row === items[j].row + 1 &&
      (items[j + 1].checkRow === undefined) === (items[j].checkRow === undefined) &&
      (items[j].checkRow === undefined || items[j + 1].checkRow === (items[j].checkRow as number) + 1)
    ) j++;
    const x = cellAddress(first.row, first.col);
    const y = cellAddress(first.row, first.prevCol);
    const valid = first.checks ? `,${first.checks[0]}="",${first.checks[1]}=""` : "";
    sheetOf(first.sheet)?.rules.push({
      range: rangeAddress(first.row, first.col, items[j].row, first.col),
      formula: `=AND(ISNUMBER(${x}),ISNUMBER(${y}),((${x})-(${y}))*${first.polarity}<-0.000000001${valid})`,
      style: { ...RISK_COLORS.worsening },
    });
    i = j + 1;
  }
  return out;
}
