/**
 * Risk highlighting: the colours, the styles and legend of the analysis sheets, the native-formula
 * status expressions, and the conditional formats of the indicator sheets (target met / at risk /
 * missed, worsening dynamics). Neutral indicators get no rule unless the user set a target on them.
 */
import { getIndicator, isShareLike } from "../catalog";
import type { PlanCell, PlanConditionalFormat, PlanStyle } from "../plan";
import { comparePeriods, formatPeriod, parsePeriodKey, periodKey, suggestedPairs } from "../periods";
import type { ReadSheet, ReportData } from "../report";
import { defaultDirection } from "../targets";
import type { Lang, Period, Target, Text } from "../types";
import { LAYOUT, cellAddress, rangeAddress } from "./grid";
import { buildStatusArea, type StatusAreaRow } from "./targetStatus";
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
  sign: { ru: '"не менее";"не более"', en: '"at least";"at most"' },
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
    "leg.worsening": { ...ro, ...RISK_COLORS.worsening },
    // The target status area (helper formulas of the highlighting): quiet grey.
    "st.note": { ...quiet, italic: true },
    "st.head": { ...quiet, bold: true, wrap: true, horizontal: "center" },
    "st.share": { ...quiet, numberFormat: FORMATS.share },
    "st.num": { ...quiet, numberFormat: "0.00" },
    "st.sign": { ...quiet, numberFormat: FORMATS.sign[lang], horizontal: "center" },
    "st.status": { ...quiet, numberFormat: FORMATS.status[lang], horizontal: "center" },
  };
}


/** The legend of the colours, as rows (style of the sample cell, its text). */
export const LEGEND: { style: string; sample: Text; text: Text }[] = [
  { style: "leg.met", sample: { ru: "зелёный", en: "green" }, text: { ru: "цель достигнута (или достигается в срок)", en: "target met (or on course)" } },
  {
    style: "leg.atRisk",
    sample: { ru: "жёлтый", en: "amber" },
    text: { ru: "под угрозой: не хватает не больше допуска или темп роста недостаточен к сроку", en: "at risk: short by no more than the margin, or too slow to reach it by the deadline" },
  },
  { style: "leg.missed", sample: { ru: "красный", en: "red" }, text: { ru: "цель не достигнута", en: "target missed" } },
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

/**
 * The earlier period a value in `later` is compared with: among the usual comparisons
 * (suggestedPairs, baseline excluded), in their order, the first whose earlier period the
 * indicator is reported in.
 */
export function earlierCandidates(later: Period, available: readonly Period[], reported: readonly Period[]): Period[] {
  const ok = new Set(reported.map(periodKey));
  return suggestedPairs(available)
    .filter((p) => p.relation !== "baseline" && periodKey(p.later) === periodKey(later) && comparePeriods(p.earlier, later) < 0 && ok.has(periodKey(p.earlier)))
    .map((p) => p.earlier);
}

export interface SheetHighlights {
  sheet: string;
  /** The data area whose conditional formats are replaced. */
  clear: string;
  rules: PlanConditionalFormat[];
  /** The target status area right of the table: cleared, then written; the print area keeps to the table. */
  status: {
    /** What an earlier refresh may have left there (cleared first); null when nothing can be there. */
    clear: string | null;
    /** Cells in sheet coordinates, written in columns col1…col2 (none when the sheet has no target). */
    cells: (PlanCell | null)[][];
    col1: number;
    col2: number;
    widths: [number, number, number][];
    printArea: string;
  };
}

export interface HighlightInput {
  lang: Lang;
  report: ReportData;
  targets: { target: Target; refs: TargetRefs }[];
  /** "id|periodKey" of the cells whose target trend is too slow (computed at refresh). */
  trendTooSlow: Set<string>;
  /** Report periods by indicator (its timeline on the sheet). */
  timeline: (indicatorId: string) => Period[];
}

const NOTE: Text = {
  ru: "Статус целей: служебные формулы, по ним подсвечиваются значения слева (пересчитываются сами; строки и столбцы — после «Обновить риски»).",
  en: "Target status: helper formulas colouring the values on the left (they recalculate; rows and columns follow «Refresh risks»).",
};

/** Period blocks of an indicator sheet as read: period key → value column. */
function periodBlocks(sheet: ReadSheet): Map<string, number> {
  const keys = new Map<string, number>();
  const row = sheet.values[LAYOUT.periodKeyRow - 1] ?? [];
  for (let c = LAYOUT.firstPeriodCol; c <= row.length; c++) {
    const p = parsePeriodKey(row[c - 1]);
    if (p && !keys.has(periodKey(p))) keys.set(periodKey(p), c);
  }
  return keys;
}

/** Conditional formats and target status areas of the indicator sheets. */
export function buildHighlights(input: HighlightInput): SheetHighlights[] {
  const { report, lang } = input;
  const out: SheetHighlights[] = [];
  const byTargetSheet = new Map<string, StatusAreaRow[]>();
  for (const { target, refs } of input.targets) {
    const cells = report.cells[target.indicatorId];
    const ind = getIndicator(target.indicatorId);
    if (!cells || !ind) continue;
    const judged = input.timeline(target.indicatorId).flatMap((p) => {
      const key = periodKey(p);
      const c = cells[key];
      if (!c) return [];
      const timing = { phase: comparePeriods(p, target.deadline) >= 0 ? "deadline" : "before", trendTooSlow: input.trendTooSlow.has(`${target.indicatorId}|${key}`) } as const;
      return [{ c, cell: { col: c.col, milestone: refs.milestones[key], timing } }];
    });
    if (judged.length === 0) continue;
    const sheet = judged[0].c.sheet;
    const rows = byTargetSheet.get(sheet) ?? [];
    rows.push({
      row: judged[0].c.row,
      target: refs.value,
      direction: refs.direction,
      margin: refs.margin,
      fallback: defaultDirection(ind.id),
      numberStyle: isShareLike(ind) ? "st.share" : "st.num",
      cells: judged.filter((j) => j.c.sheet === sheet && j.c.row === judged[0].c.row).map((j) => j.cell),
    });
    byTargetSheet.set(sheet, rows);
  }

  for (const sheet of Object.values(report.sheets)) {
    if (!sheet || !["base", "subject", "staff", "facilities", "methods", "partnership"].includes(sheet.kind)) continue;
    const blocks = periodBlocks(sheet);
    const lastCol = Math.max(LAYOUT.firstPeriodCol, ...[...blocks.values()].map((c) => c + LAYOUT.blockWidth - 1));
    const used = Math.max(0, ...sheet.values.map((r) => r.length), ...sheet.formulas.map((r) => r.length));
    const lastRow = Math.max(LAYOUT.firstDataRow, sheet.values.length, sheet.formulas.length);
    const labels: Record<number, string> = {};
    for (const [key, col] of blocks) labels[col] = formatPeriod(parsePeriodKey(key) as Period, lang, "long");
    const area = buildStatusArea({
      lang, firstCol: LAYOUT.firstPeriodCol, lastCol, firstRow: LAYOUT.firstDataRow, lastRow, headerRow: LAYOUT.headerRow, note: NOTE, labels,
      rows: byTargetSheet.get(sheet.name) ?? [],
    });
    const geo = area.geometry;
    const clearTo = Math.max(used, geo.lastCol);
    out.push({
      sheet: sheet.name,
      clear: rangeAddress(LAYOUT.firstDataRow, LAYOUT.firstPeriodCol, lastRow, Math.max(used, LAYOUT.firstPeriodCol)),
      rules: [...area.rules],
      status: {
        clear: used > lastCol ? rangeAddress(1, geo.gapCol, lastRow, clearTo) : null,
        cells: area.rules.length ? area.cells : [],
        col1: geo.gapCol,
        col2: geo.lastCol,
        widths: area.widths,
        printArea: rangeAddress(1, 1, lastRow, lastCol),
      },
    });
  }
  const sheetOf = (name: string): SheetHighlights | undefined => out.find((h) => h.sheet === name);

  // Worsening: one rule per run of consecutive rows with the same polarity, column and earlier block.
  type Item = { sheet: string; row: number; col: number; prevCol: number; polarity: number };
  const items: Item[] = [];
  for (const [id, cells] of Object.entries(report.cells)) {
    const ind = getIndicator(id);
    if (!ind || ind.polarity === 0 || ind.unit.kind === "yesNo") continue;
    const reported = input.timeline(id);
    for (const p of reported) {
      const c = cells[periodKey(p)];
      const earlier = earlierCandidates(p, report.periods, reported)[0];
      const e = earlier ? cells[periodKey(earlier)] : undefined;
      if (c && e) items.push({ sheet: c.sheet, row: c.row, col: c.col, prevCol: e.col, polarity: ind.polarity });
    }
  }
  items.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.prevCol - b.prevCol || a.polarity - b.polarity || a.row - b.row);
  for (let i = 0; i < items.length; ) {
    const first = items[i];
    let j = i;
    while (
      j + 1 < items.length &&
      items[j + 1].sheet === first.sheet && items[j + 1].col === first.col && items[j + 1].prevCol === first.prevCol &&
      items[j + 1].polarity === first.polarity && items[j + 1].row === items[j].row + 1
    ) j++;
    const x = cellAddress(first.row, first.col);
    const y = cellAddress(first.row, first.prevCol);
    sheetOf(first.sheet)?.rules.push({
      range: rangeAddress(first.row, first.col, items[j].row, first.col),
      formula: `=AND(ISNUMBER(${x}),ISNUMBER(${y}),((${x})-(${y}))*${first.polarity}<-0.000000001)`,
      style: { ...RISK_COLORS.worsening },
    });
    i = j + 1;
  }
  return out;
}
