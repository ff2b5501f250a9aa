/**
 * Risk highlighting: the colours, the styles and legend of the analysis sheets, the native-formula
 * status expressions, and the conditional formats of the indicator sheets (target met / at risk /
 * missed, worsening dynamics). Neutral indicators get no rule unless the user set a target on them.
 */
import { gridExtent } from "../cells";
import { getIndicator } from "../catalog";
import type { PlanConditionalFormat, PlanStyle } from "../plan";
import { comparePeriods, periodKey, suggestedPairs } from "../periods";
import type { ReportData } from "../report";
import type { Lang, Period, Target, Text } from "../types";
import { LAYOUT, cellAddress, rangeAddress } from "./grid";
import { STYLES } from "./styles";

export const RISK_COLORS = {
  missed: { fill: "#FFC7CE", fontColor: "#9C0006" },
  atRisk: { fill: "#FFEB9C", fontColor: "#9C5700" },
  met: { fill: "#C6EFCE", fontColor: "#006100" },
  worsening: { fontColor: "#C00000", bold: true },
} as const;

/** Number formats: shares in %, changes of shares in percentage points, arrows for 1/−1/0. */
export const FORMATS = {
  share: "0.0%",
  pp: { ru: '+0.0" п. п.";-0.0" п. п.";0.0" п. п."', en: '+0.0" pp";-0.0" pp";0.0" pp"' },
  growth: "+0.0%;-0.0%;0.0%",
  arrows: '"▲";"▼";"="',
  neutral: '"○";"○";"○"',
  status: { ru: '"достигнута";"не достигнута";"под угрозой"', en: '"met";"missed";"at risk"' },
  yesNo: { ru: '"да";"да";"нет"', en: '"yes";"yes";"no"' },
} as const;

/** Styles of the analysis sheets (merged with the report STYLES into a WorkbookPlan). */
export function analysisStyles(lang: Lang): Record<string, PlanStyle> {
  const input = { fill: "#FFF2CC", vertical: "top", locked: false } as const;
  const ro = { vertical: "top", locked: true } as const;
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

/** Native status of `x` against `req`: 1 met, 0 within the margin, −1 missed, "" when either is not a number. */
export function statusExpr(x: string, req: string, refs: TargetRefs): string {
  const gap = `((${x})-(${req}))*${directionSign(refs.direction)}`;
  const margin = `IF(ISNUMBER(${refs.margin}),${refs.margin},0)`;
  return `IF(OR(NOT(ISNUMBER(${x})),NOT(ISNUMBER(${req}))),"",IF(${gap}>=-0.000000001,1,IF(-${gap}<=${margin}+0.000000001,0,-1)))`;
}

/** Three rules (green, amber, red fills; the font stays free for the worsening mark) colouring `range` by the status expression `status` (relative to its top-left cell). */
export function statusRules(range: string, status: string): PlanConditionalFormat[] {
  return [
    { range, formula: `=(${status})=1`, style: { fill: RISK_COLORS.met.fill } },
    { range, formula: `=(${status})=0`, style: { fill: RISK_COLORS.atRisk.fill } },
    { range, formula: `=(${status})=-1`, style: { fill: RISK_COLORS.missed.fill } },
  ];
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
}

export interface HighlightInput {
  report: ReportData;
  targets: { target: Target; refs: TargetRefs }[];
  /** "id|periodKey" of the cells whose target trend is too slow (computed at refresh). */
  trendTooSlow: Set<string>;
  /** Report periods by indicator (its timeline on the sheet). */
  timeline: (indicatorId: string) => Period[];
}

/** Conditional formats of the indicator sheets. */
export function buildHighlights(input: HighlightInput): SheetHighlights[] {
  const { report } = input;
  const out = new Map<string, SheetHighlights>();
  const sheetOf = (name: string): SheetHighlights => {
    let h = out.get(name);
    if (!h) {
      const sheet = Object.values(report.sheets).find((s) => s?.name === name);
      const extent = sheet ? gridExtent(sheet.values) : { rows: 0, cols: 0 };
      const width = Math.max(LAYOUT.firstPeriodCol, extent.cols);
      const height = Math.max(LAYOUT.firstDataRow, extent.rows);
      h = { sheet: name, clear: rangeAddress(LAYOUT.firstDataRow, LAYOUT.firstPeriodCol, height, width), rules: [] };
      out.set(name, h);
    }
    return h;
  };
  for (const s of Object.values(report.sheets)) {
    if (s && ["base", "subject", "staff", "facilities", "methods", "partnership"].includes(s.kind)) sheetOf(s.name);
  }

  // Targets: per cell, live against the «Цели программы» row.
  for (const { target, refs } of input.targets) {
    const cells = report.cells[target.indicatorId];
    if (!cells) continue;
    for (const p of input.timeline(target.indicatorId)) {
      const key = periodKey(p);
      const c = cells[key];
      if (!c) continue;
      const x = cellAddress(c.row, c.col);
      const h = sheetOf(c.sheet);
      if (comparePeriods(p, target.deadline) >= 0) {
        h.rules.push(...statusRules(x, statusExpr(x, refs.value, refs)));
        continue;
      }
      // Before the deadline: a typed milestone is judged like the target; otherwise green once
      // the final target is reached, amber when the refresh found the trend too slow.
      const m = refs.milestones[key];
      const status = m
        ? `IF(ISNUMBER(${m}),${statusExpr(x, m, refs)},IF((${statusExpr(x, refs.value, refs)})=1,1,""))`
        : `IF((${statusExpr(x, refs.value, refs)})=1,1,"")`;
      h.rules.push(statusRules(x, status)[0]);
      if (m) h.rules.push(...statusRules(x, status).slice(1));
      if (input.trendTooSlow.has(`${target.indicatorId}|${key}`)) {
        const noMilestone = m ? `NOT(ISNUMBER(${m})),` : "";
        h.rules.push({ range: x, formula: `=AND(${noMilestone}(${statusExpr(x, refs.value, refs)})<>1,ISNUMBER(${x}))`, style: { fill: RISK_COLORS.atRisk.fill } });
      }
    }
  }

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
    sheetOf(first.sheet).rules.push({
      range: rangeAddress(first.row, first.col, items[j].row, first.col),
      formula: `=AND(ISNUMBER(${x}),ISNUMBER(${y}),((${x})-(${y}))*${first.polarity}<-0.000000001)`,
      style: { ...RISK_COLORS.worsening },
    });
    i = j + 1;
  }
  return [...out.values()];
}
