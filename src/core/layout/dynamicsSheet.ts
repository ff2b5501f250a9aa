/**
 * The «Динамика» sheet (marker kind "dynamics"): two periods side by side for every indicator
 * reported in either, with live references to the indicator sheets, the change (=EDU.DELTA; for
 * shares ×100, in п. п.), the growth rate where it makes sense (counts, averages, ratios), the
 * judged direction (=EDU.DYNAMICS, 1/0/−1 shown as ▲/▼/=), and the status against the target for
 * the later period (=EDU.TARGETSTATUS) with the gap (=EDU.TARGETGAP), linked to «Цели программы».
 *
 * Chance told from change (issue 16): for a share whose count and denominator are on the sheets,
 * the verdict column says whether the change is «в пределах случайных колебаний» or significant
 * (Newcombe 95 %, as stats.ts) and by how many pupils — live native formulas over helper columns
 * right of the table (off paper; chanceFormulas.ts), working without the add-in. A change within
 * random variation keeps its arrow but gets no green/red colour.
 */
import { isShareLike } from "../catalog";
import type { PlanConditionalFormat, SheetPlan } from "../plan";
import { formatPeriod, periodKey } from "../periods";
import { indicatorsInReport, timelineOf, type CellRef, type ReportData } from "../report";
import type { Indicator, Lang, Period, Text } from "../types";
import { significanceFormula, verdictFormula } from "./chanceFormulas";
import { eduCall, isTotalChoice } from "./formulas";
import { CellGrid, cellAddress, quoteSheetName, rangeAddress } from "./grid";
import { valid } from "./impossible";
import { LEGEND, analysisStyles, RISK_COLORS, directionSign, qualityChoiceRef, requiredExpr } from "./highlight";
import { printLayout } from "./print";
import { markerOf } from "./markers";
import { TAB_COLORS } from "./styles";
import { targetRefs, type TargetsLayout } from "./targetsSheet";

export const DYNAMICS_SHEET_NAME: Text = { ru: "Динамика", en: "Dynamics" };

/** Geometry (1-based): id, number, name, unit, the two values, change, growth, direction, target, status, gap. */
export const DYN = {
  headerRow: 2,
  periodKeyRow: 3,
  noteRow: 4,
  firstDataRow: 5,
  idCol: 1,
  numberCol: 2,
  nameCol: 3,
  unitCol: 4,
  earlierCol: 5,
  laterCol: 6,
  changeCol: 7,
  growthCol: 8,
  directionCol: 9,
  targetCol: 10,
  statusCol: 11,
  gapCol: 12,
  /** Whether a share's change is chance or significant, with the change in pupils. */
  verdictCol: 13,
  /** Helper columns (not printed): count and denominator of each period, then the significance (1/0/−1). */
  count1Col: 14,
  total1Col: 15,
  count2Col: 16,
  total2Col: 17,
  sigCol: 18,
} as const;

const D = {
  title: { ru: "Динамика", en: "Dynamics" },
  id: { ru: "id", en: "id" },
  number: { ru: "№", en: "No." },
  name: { ru: "Показатель", en: "Indicator" },
  unit: { ru: "Ед. изм.", en: "Unit" },
  change: { ru: "Изменение (доли — в п. п.)", en: "Change (shares in pp)" },
  growth: { ru: "Темп прироста", en: "Growth" },
  direction: { ru: "Динамика", en: "Direction" },
  target: { ru: "Цель на период", en: "Target for the period" },
  status: { ru: "Статус цели", en: "Target status" },
  // EDU.TARGETGAP is signed so that ≥ 0 means met, whatever the direction: the header says so.
  gap: { ru: "Отклонение от цели: «+» — с запасом, «−» — хуже цели (доли — в п. п.)", en: "Gap to target: + ahead of it, − behind it (shares in pp)" },
  note: {
    ru: "Значения берутся с листов показателей и обновляются сами. Доли — в %, их изменение — в процентных пунктах. ▲ — улучшение, ▼ — ухудшение с учётом того, что для части показателей лучше меньше; = — без изменений. Цель на период — промежуточное значение с листа «Цели программы», если оно задано, иначе итоговая цель.",
    en: "Values come from the indicator sheets and update by themselves. Shares in %, their change in percentage points. ▲ better, ▼ worse (for some indicators lower is better); = unchanged. Target for the period: the milestone on the targets sheet when set, else the final target.",
  },
  legend: { ru: "Условные обозначения", en: "Legend" },
  verdict: { ru: "Случайное или значимое изменение (для долей; в скобках — в учащихся)", en: "Chance or significant change (shares; in pupils)" },
  helper: {
    ru: "Служебные (не печатаются): число и знаменатель ранее, число и знаменатель позднее, значимость (1 рост, −1 снижение, 0 случайно)",
    en: "Helpers (not printed): count and denominator before, count and denominator after, significance (1 rise, −1 fall, 0 chance)",
  },
  chanceNote: {
    ru: " Для долей с известными численностями изменение проверяется на случайность (95 %-й интервал Ньюкомба): изменение «в пределах случайных колебаний» не окрашивается как улучшение или ухудшение.",
    en: " For shares with known counts the change is tested against random variation (Newcombe 95% interval): a change within random variation is not coloured as better or worse.",
  },
} satisfies Record<string, Text>;

export interface DynamicsSheetInput {
  name: string;
  lang: Lang;
  school: string;
  earlier: Period;
  later: Period;
  report: ReportData;
  targets: TargetsLayout;
  /** Indicator names and units as the sheet shows them. */
  unitLabel: (ind: Indicator) => string;
}

function valueStyle(ind: Indicator): string {
  if (isShareLike(ind)) return "d.share";
  if (ind.unit.kind === "yesNo") return "d.yesNo";
  return ind.unit.kind === "count" ? "d.int" : "d.num";
}

/** A live reference to an indicator cell: blank stays blank (a bare reference would give 0); yes/no → 1/0. */
function linked(c: CellRef, ind: Indicator): string {
  const ref = `${quoteSheetName(c.sheet)}!${cellAddress(c.row, c.col)}`;
  if (ind.unit.kind === "yesNo") {
    return `=IF(${ref}="","",IF(OR(${ref}="да",${ref}="yes",${ref}=1),1,IF(OR(${ref}="нет",${ref}="no",${ref}=0),0,${ref})))`;
  }
  return `=IF(${ref}="","",${ref})`;
}

/** Build the sheet; `indicators` is the number of indicator rows. */
export function buildDynamicsSheet(input: DynamicsSheetInput): { sheet: SheetPlan; indicators: number } {
  const { lang, report, earlier, later } = input;
  const ek = periodKey(earlier);
  const lk = periodKey(later);
  const g = new CellGrid();
  g.set(1, 1, { value: markerOf("dynamics"), style: "marker" });
  const title = `${D.title[lang]}: ${formatPeriod(earlier, lang)} → ${formatPeriod(later, lang)}${input.school ? ` — ${input.school}` : ""}`;
  g.set(1, 2, { value: title, style: "title" });
  const heads: [number, string][] = [
    [DYN.idCol, D.id[lang]], [DYN.numberCol, D.number[lang]], [DYN.nameCol, D.name[lang]], [DYN.unitCol, D.unit[lang]],
    [DYN.earlierCol, formatPeriod(earlier, lang)], [DYN.laterCol, formatPeriod(later, lang)], [DYN.changeCol, D.change[lang]],
    [DYN.growthCol, D.growth[lang]], [DYN.directionCol, D.direction[lang]], [DYN.targetCol, D.target[lang]],
    [DYN.statusCol, D.status[lang]], [DYN.gapCol, D.gap[lang]], [DYN.verdictCol, D.verdict[lang]],
  ];
  for (const [c, text] of heads) {
    g.set(DYN.headerRow, c, { value: text, style: "header" });
    g.set(DYN.periodKeyRow, c, { style: "periodKey" });
  }
  g.set(DYN.periodKeyRow, DYN.earlierCol, { value: ek, style: "periodKey" });
  g.set(DYN.periodKeyRow, DYN.laterCol, { value: lk, style: "periodKey" });
  g.set(DYN.noteRow, DYN.numberCol, { value: D.note[lang] + D.chanceNote[lang], style: "a.note" });
  g.set(DYN.headerRow, DYN.count1Col, { value: D.helper[lang], style: "st.note" });
  const merges = [rangeAddress(DYN.noteRow, DYN.numberCol, DYN.noteRow, DYN.verdictCol)];
  const choiceRef = qualityChoiceRef(report);

  const rules: PlanConditionalFormat[] = [];
  let r = DYN.firstDataRow;
  const judgedRows: number[] = [];
  const targetRows: number[] = [];
  for (const ind of indicatorsInReport(report)) {
    const reported = new Set(timelineOf(report, ind.id).map(periodKey));
    if (!reported.has(ek) && !reported.has(lk)) continue;
    const cells = report.cells[ind.id];
    const style = valueStyle(ind);
    const share = isShareLike(ind);
    const e = cellAddress(r, DYN.earlierCol);
    const l = cellAddress(r, DYN.laterCol);
    const both = `COUNT(${e},${l})<2`;
    g.set(r, DYN.idCol, { value: ind.id, style: "id" });
    g.set(r, DYN.numberCol, ind.number ? { value: ind.number, style: "number" } : { style: "number" });
    g.set(r, DYN.nameCol, { value: ind.short[lang], style: "a.text" });
    g.set(r, DYN.unitCol, { value: input.unitLabel(ind), style: "unit" });
    g.set(r, DYN.earlierCol, reported.has(ek) && cells[ek] ? { formula: linked(cells[ek], ind), style } : { style: "na" });
    g.set(r, DYN.laterCol, reported.has(lk) && cells[lk] ? { formula: linked(cells[lk], ind), style } : { style: "na" });
    if (ind.unit.kind === "yesNo") g.set(r, DYN.changeCol, { style: "unused" });
    else {
      const scale = share ? "*100" : "";
      g.set(r, DYN.changeCol, { formula: `=IF(${both},"",${eduCall("DELTA", e, l)}${scale})`, style: share ? "d.pp" : ind.unit.kind === "count" ? "d.delta0" : "d.delta2" });
    }
    const growthMakesSense = ind.unit.kind === "count" || ind.unit.kind === "average" || ind.unit.kind === "ratio";
    g.set(r, DYN.growthCol, growthMakesSense ? { formula: `=IF(OR(${both},${e}=0),"",${eduCall("GROWTH", e, l)})`, style: "d.growth" } : { style: "unused" });
    g.set(r, DYN.directionCol, { formula: `=IF(${both},"",${eduCall("DYNAMICS", e, l, `"${ind.id}"`)})`, style: ind.polarity === 0 ? "d.neutral" : "d.arrow" });
    if (ind.polarity !== 0) judgedRows.push(r);
    const counts = ind.polarity !== 0 && reported.has(ek) && reported.has(lk) ? countRefs(report, ind, ek, lk, choiceRef) : null;
    if (counts) {
      const at = (c: number) => cellAddress(r, c);
      g.set(r, DYN.count1Col, { formula: counts.count1, style: "st.num" });
      g.set(r, DYN.total1Col, { formula: counts.total1, style: "st.num" });
      g.set(r, DYN.count2Col, { formula: counts.count2, style: "st.num" });
      g.set(r, DYN.total2Col, { formula: counts.total2, style: "st.num" });
      g.set(r, DYN.sigCol, { formula: significanceFormula(at(DYN.count1Col), at(DYN.total1Col), at(DYN.count2Col), at(DYN.total2Col)), style: "st.num" });
      g.set(r, DYN.verdictCol, { formula: verdictFormula(at(DYN.sigCol), at(DYN.count1Col), at(DYN.count2Col), lang, ind.section === "staff" ? "staff" : "pupils"), style: "a.text" });
    } else g.set(r, DYN.verdictCol, { style: "unused" });

    const refs = targetRefs(input.targets, ind.id);
    if (refs && reported.has(lk)) {
      const t = cellAddress(r, DYN.targetCol);
      const req = requiredExpr(refs, lk);
      const sign = directionSign(refs.direction);
      const margin = `IF(ISNUMBER(${refs.margin}),${refs.margin},0)`;
      g.set(r, DYN.targetCol, { formula: `=IF(ISNUMBER(${req}),${req},"")`, style });
      g.set(r, DYN.statusCol, { formula: `=IF(OR(${t}="",NOT(ISNUMBER(${l}))),"",${eduCall("TARGETSTATUS", l, t, sign, margin)})`, style: "d.status" });
      g.set(r, DYN.gapCol, {
        formula: `=IF(OR(${t}="",NOT(ISNUMBER(${l}))),"",${eduCall("TARGETGAP", l, t, sign)}${share ? "*100" : ""})`,
        style: share ? "d.pp" : "d.delta2",
      });
      targetRows.push(r);
    } else {
      for (const c of [DYN.targetCol, DYN.statusCol, DYN.gapCol]) g.set(r, c, { style: "unused" });
    }
    r++;
  }
  const count = r - DYN.firstDataRow;

  // Colours: direction of judged rows (never neutral, never a change within random variation),
  // status and the later value of rows with a target.
  for (const [a, b] of runs(judgedRows)) {
    const range = rangeAddress(a, DYN.directionCol, b, DYN.directionCol);
    const x = cellAddress(a, DYN.directionCol);
    const sig = cellAddress(a, DYN.sigCol);
    const notChance = `NOT(AND(ISNUMBER(${sig}),${sig}=0))`;
    rules.push({ range, formula: `=AND(${x}=1,${notChance})`, style: { fontColor: RISK_COLORS.met.fontColor } });
    rules.push({ range, formula: `=AND(${x}=-1,${notChance})`, style: { fontColor: RISK_COLORS.worsening.fontColor } });
  }
  for (const [a, b] of runs(targetRows)) {
    const s = cellAddress(a, DYN.statusCol, false).replace(/^([A-Z]+)/, "$$$1");
    for (const col of [DYN.statusCol, DYN.laterCol]) {
      const range = rangeAddress(a, col, b, col);
      rules.push({ range, formula: `=${s}=1`, style: { fill: RISK_COLORS.met.fill } });
      rules.push({ range, formula: `=${s}=0`, style: { fill: RISK_COLORS.atRisk.fill } });
      rules.push({ range, formula: `=${s}=-1`, style: { fill: RISK_COLORS.missed.fill } });
    }
  }

  // Legend below the table.
  let lr = r + 1;
  g.set(lr++, DYN.nameCol, { value: D.legend[lang], style: "title" });
  for (const item of LEGEND) {
    g.set(lr, DYN.numberCol, { value: item.sample[lang], style: item.style });
    g.set(lr, DYN.nameCol, { value: item.text[lang], style: "a.text" });
    lr++;
  }

  const rowHeights: number[] = [0, 45, 0, 45];
  const columnWidths = [6, 7, 50, 12, 14, 14, 14, 12, 10, 12, 14, 16, 30, 8, 8, 8, 8, 8];
  // Ids (with the A1 marker), period keys and the chance helpers (counts, denominators, significance):
  // read by formulas, never shown or printed.
  const helpers = Array.from({ length: columnWidths.length - DYN.verdictCol }, (_, i) => DYN.verdictCol + 1 + i);
  const hidden = { hiddenColumns: [DYN.idCol, ...helpers], hiddenRows: [DYN.periodKeyRow] };
  return {
    sheet: {
      name: input.name,
      kind: "dynamics",
      marker: markerOf("dynamics"),
      tabColor: TAB_COLORS.dynamics,
      cells: g.cells,
      columnWidths,
      ...hidden,
      rowHeights,
      merges,
      frozenRows: DYN.periodKeyRow,
      frozenColumns: DYN.nameCol,
      validations: [],
      conditionalFormats: rules,
      protection: { protected: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false },
      pageLayout: printLayout({
        sheet: { cells: g.cells, columnWidths, ...hidden },
        styles: analysisStyles(lang),
        orientation: "landscape",
        titleRows: `${DYN.headerRow}:${DYN.periodKeyRow}`,
        titleColumns: { first: DYN.numberCol, last: DYN.unitCol },
        // The helper columns right of the verdict stay off paper.
        area: { row1: 1, col1: 1, row2: lr - 1, col2: DYN.verdictCol },
      }),
    },
    indicators: count,
  };
}

/**
 * The helper formulas of a share's counts in both periods (count cells and denominators on the
 * indicator sheets; a count or denominator that is no whole number ≥ 0 gives ""), or null when the
 * indicator is not a count + share or a denominator is not on the sheets.
 */
function countRefs(report: ReportData, ind: Indicator, ek: string, lk: string, choiceRef: string | undefined): { count1: string; total1: string; count2: string; total2: string } | null {
  if (ind.unit.kind !== "countShare") return null;
  const ref = (id: string, key: string, offset = 0): string | null => {
    const c = report.cells[id]?.[key];
    return c ? `${quoteSheetName(c.sheet)}!${cellAddress(c.row, c.col - offset)}` : null;
  };
  const count = (key: string): string | null => {
    const x = ref(ind.id, key, 1);
    return x ? `=IF(${valid(x)},${x},"")` : null;
  };
  const sum = (dens: string[], key: string): string | null => {
    const refs = dens.map((d) => ref(d, key));
    if (refs.some((x) => x === null)) return null;
    const list = refs as string[];
    return `IF(AND(${list.map(valid).join(",")}),${list.length === 1 ? list[0] : `SUM(${list.join(",")})`},"")`;
  };
  const total = (key: string): string | null => {
    const u = ind.unit as Extract<Indicator["unit"], { kind: "countShare" }>;
    if (choiceRef && u.choices?.includes("students_total") && u.choices.includes("students_assessed")) {
      const t = sum(["students_total"], key);
      const a = sum(["students_assessed"], key);
      if (t && a) return `=IF(${isTotalChoice(choiceRef)},${t},${a})`;
    }
    const s = sum(u.denominator, key);
    return s ? `=${s}` : null;
  };
  const [count1, total1, count2, total2] = [count(ek), total(ek), count(lk), total(lk)];
  return count1 && total1 && count2 && total2 ? { count1, total1, count2, total2 } : null;
}

/** Consecutive runs of row numbers: [5,6,7,9] → [[5,7],[9,9]]. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
