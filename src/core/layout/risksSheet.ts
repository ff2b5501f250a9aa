/**
 * The «Риски» sheet (marker kind "risks"): a snapshot made at refresh — one line per missed or
 * at-risk target, worsening indicator and data-quality finding, most severe first; a legend of the
 * colours; and line charts of the key indicators over the filled periods with their target line.
 */
import { getIndicator, isShareLike } from "../catalog";
import type { PlanCell, PlanChart, PlanStyle, SheetPlan } from "../plan";
import { formatPeriod, periodKey } from "../periods";
import { seriesOf, type ReportData } from "../report";
import type { RiskKind, RiskLine, RoadmapOverdue } from "../risks";
import { isoToSerial } from "../roadmap/dates";
import { STATUS_LABELS } from "../roadmap/types";
import type { Lang, Target, Text } from "../types";
import { CellGrid, cellAddress, rangeAddress } from "./grid";
import { LEGEND, analysisStyles } from "./highlight";
import { printLayout } from "./print";
import { markerOf } from "./markers";
import { TAB_COLORS } from "./styles";

export const RISKS_SHEET_NAME: Text = { ru: "Риски", en: "Risks" };

/** Geometry (1-based). */
export const RISKS = {
  summaryRow: 2,
  headerRow: 3,
  firstLineRow: 4,
  idCol: 1,
  kindCol: 2,
  nameCol: 3,
  periodCol: 4,
  valueCol: 5,
  targetCol: 6,
  gapCol: 7,
  textCol: 8,
} as const;

const R = {
  title: { ru: "Риски", en: "Risks" },
  summary: {
    ru: "Целей не достигнуто: {missed}; под угрозой: {atRisk}; ухудшений: {worsening}; замечаний к данным: {findings}.",
    en: "Targets missed: {missed}; at risk: {atRisk}; worse than before: {worsening}; data findings: {findings}.",
  },
  summaryInvalid: {
    ru: "Данные неверны (не оцениваются): {invalid}. ",
    en: "Invalid data (not judged): {invalid}. ",
  },
  summaryChance: {
    ru: " Изменений в пределах случайных колебаний: {chance}.",
    en: " Changes within random variation: {chance}.",
  },
  none: { ru: "Рисков не найдено.", en: "No risks found." },
  id: { ru: "id", en: "id" },
  kind: { ru: "Вид", en: "Kind" },
  name: { ru: "Показатель", en: "Indicator" },
  period: { ru: "Период", en: "Period" },
  value: { ru: "Значение", en: "Value" },
  target: { ru: "Цель", en: "Target" },
  // The column holds value − target (or − the earlier value): a «не более» excess reads as «+», a shortfall as «−».
  gap: { ru: "Разница: значение минус цель или прежнее значение (доли — в п. п.)", en: "Difference: value minus target or earlier value (shares in pp)" },
  text: { ru: "Пояснение", en: "Explanation" },
  legend: { ru: "Условные обозначения (листы показателей и «Динамика»)", en: "Legend (indicator sheets and Dynamics)" },
  chartData: { ru: "Данные для диаграмм", en: "Chart data" },
  chartPeriod: { ru: "Период", en: "Period" },
  targetLine: { ru: "Цель", en: "Target" },
  qualityChart: { ru: "Качество знаний (доля на «4» и «5»)", en: "Quality (share of marks 4 and 5)" },
  giaChart: { ru: "Средние баллы ГИА-9 (ОГЭ)", en: "Average ГИА-9 (OGE) marks" },
  overdueTitle: { ru: "Просроченные мероприятия дорожной карты на {date}", en: "Overdue road-map events at {date}" },
  overdueNone: { ru: "Просроченных мероприятий нет.", en: "No overdue events." },
  overdueCount: { ru: " Просроченных мероприятий дорожной карты: {n}.", en: " Overdue road-map events: {n}." },
  evNumber: { ru: "№", en: "No." },
  evTitle: { ru: "Мероприятие", en: "Event" },
  evDeadline: { ru: "Сроки", en: "Deadline" },
  evEnd: { ru: "Окончание", en: "End" },
  evStatus: { ru: "Статус", en: "Status" },
  evResponsible: { ru: "Ответственные", en: "Responsible" },
} satisfies Record<string, Text>;

export const KIND_LABELS: Record<RiskKind, Text> = {
  invalid: { ru: "Данные неверны", en: "Invalid data" },
  chance: { ru: "Случайные колебания", en: "Random variation" },
  missed: { ru: "Цель не достигнута", en: "Target missed" },
  atRisk: { ru: "Цель под угрозой", en: "Target at risk" },
  worsening: { ru: "Ухудшение", en: "Worse than before" },
  finding: { ru: "Качество данных", en: "Data quality" },
};

const SEVERITY_LABELS: Record<string, Text> = {
  error: { ru: "ошибка", en: "error" },
  warning: { ru: "предупреждение", en: "warning" },
  info: { ru: "замечание", en: "note" },
};

const KIND_STYLE: Record<RiskKind, string> = { invalid: "r.invalid", chance: "r.chance", missed: "r.missed", atRisk: "r.atRisk", worsening: "r.worsening", finding: "r.finding" };

export interface RisksSheetInput {
  name: string;
  lang: Lang;
  school: string;
  lines: RiskLine[];
  counts: { invalid?: number; missed: number; atRisk: number; worsening: number; chance?: number; findings: number };
  report: ReportData;
  targets: readonly Target[];
  /** The road map's overdue events (issue 9), when the workbook has a road map. */
  overdue?: RoadmapOverdue;
}

function fill(text: string, vars: Record<string, number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

function numberCell(x: number | undefined, id: string, kind: "value" | "gap"): PlanCell {
  if (x === undefined || !Number.isFinite(x)) return { style: "a.text" };
  const ind = getIndicator(id);
  const share = ind ? isShareLike(ind) : false;
  if (kind === "gap") return share ? { value: x * 100, style: "d.pp" } : { value: x, style: "d.delta2" };
  return { value: x, style: share ? "d.share" : ind?.unit.kind === "count" ? "d.int" : "d.num" };
}

/** The overdue road-map events (B…H from `row`): a title, a header and one line each. Returns the next free row. */
function overdueSection(g: CellGrid, row: number, o: RoadmapOverdue, lang: Lang): number {
  const [y, m, d] = o.asOf.split("-");
  const date = `${d}.${m}.${y}${o.period ? ` (${formatPeriod(o.period, lang)})` : ""}`;
  let r = row;
  g.set(r++, RISKS.kindCol, { value: R.overdueTitle[lang].replace("{date}", date), style: "title" });
  if (o.events.length === 0) {
    g.set(r++, RISKS.kindCol, { value: R.overdueNone[lang], style: "a.text" });
    return r;
  }
  const heads: [number, Text][] = [
    [RISKS.kindCol, R.evNumber], [RISKS.nameCol, R.evTitle], [RISKS.periodCol, R.evDeadline], [RISKS.valueCol, R.evEnd],
    [RISKS.targetCol, R.evStatus], [RISKS.textCol, R.evResponsible],
  ];
  for (const [c, t] of heads) g.set(r, c, { value: t[lang], style: "header" });
  g.set(r, RISKS.gapCol, { style: "header" });
  r++;
  for (const e of o.events) {
    const end = e.occurrence ? isoToSerial(e.occurrence.end) : null;
    g.set(r, RISKS.kindCol, { value: e.event.number, style: "rm.overdue" });
    g.set(r, RISKS.nameCol, { value: e.event.title, style: "a.text" });
    g.set(r, RISKS.periodCol, { value: e.event.deadlineText, style: "a.text" });
    g.set(r, RISKS.valueCol, end === null ? { style: "a.text" } : { value: end, style: "rm.overdueDate" });
    g.set(r, RISKS.targetCol, { value: STATUS_LABELS[e.status][lang], style: "a.center" });
    g.set(r, RISKS.textCol, { value: e.event.responsible, style: "a.text" });
    r++;
  }
  return r;
}

/** Styles the overdue section and the invalid-data / chance lines add to the analysis styles. */
export const OVERDUE_STYLES: Record<string, PlanStyle> = {
  "r.invalid": { numberFormat: "@", vertical: "top", wrap: true, locked: true, fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
  "r.chance": { numberFormat: "@", vertical: "top", wrap: true, locked: true, fontColor: "#595959", italic: true },
  "rm.overdue": { numberFormat: "@", vertical: "top", fontColor: "#C00000", bold: true, locked: true },
  "rm.overdueDate": { numberFormat: "dd.mm.yyyy", vertical: "top", horizontal: "center", locked: true },
};

/** The explanation column (wrapped) is narrow enough for the sheet to print one page wide at 8 pt or more. */
const RISK_WIDTHS = [6, 22, 40, 18, 12, 12, 14, 50];

export function buildRisksSheet(input: RisksSheetInput): { sheet: SheetPlan } {
  const { lang, lines, report } = input;
  const g = new CellGrid();
  g.set(1, 1, { value: markerOf("risks"), style: "marker" });
  g.set(1, 2, { value: input.school ? `${R.title[lang]} — ${input.school}` : R.title[lang], style: "title" });
  const overdueCount = input.overdue ? fill(R.overdueCount[lang], { n: input.overdue.events.length }) : "";
  const c = input.counts;
  const main = (c.invalid ? fill(R.summaryInvalid[lang], { invalid: c.invalid }) : "") + fill(R.summary[lang], c) + (c.chance ? fill(R.summaryChance[lang], { chance: c.chance }) : "");
  const summary = (lines.length ? main : R.none[lang]) + overdueCount;
  g.set(RISKS.summaryRow, RISKS.kindCol, { value: summary, style: "a.text" });
  const heads: [number, Text][] = [
    [RISKS.idCol, R.id], [RISKS.kindCol, R.kind], [RISKS.nameCol, R.name], [RISKS.periodCol, R.period],
    [RISKS.valueCol, R.value], [RISKS.targetCol, R.target], [RISKS.gapCol, R.gap], [RISKS.textCol, R.text],
  ];
  for (const [c, t] of heads) g.set(RISKS.headerRow, c, { value: t[lang], style: "header" });

  let r: number = RISKS.firstLineRow;
  for (const line of lines) {
    const ind = getIndicator(line.indicatorId);
    const kindText = line.kind === "finding" && line.severity ? `${KIND_LABELS.finding[lang]}: ${SEVERITY_LABELS[line.severity][lang]}` : KIND_LABELS[line.kind][lang];
    g.set(r, RISKS.idCol, { value: line.indicatorId, style: "id" });
    g.set(r, RISKS.kindCol, { value: kindText, style: KIND_STYLE[line.kind] });
    g.set(r, RISKS.nameCol, { value: ind ? ind.short[lang] : line.indicatorId, style: "a.text" });
    g.set(r, RISKS.periodCol, line.period ? { value: formatPeriod(line.period, lang), style: "a.period" } : { style: "a.text" });
    g.set(r, RISKS.valueCol, numberCell(line.value, line.indicatorId, "value"));
    g.set(r, RISKS.targetCol, numberCell(line.target, line.indicatorId, "value"));
    const difference = line.value !== undefined && line.target !== undefined ? line.value - line.target : line.kind === "worsening" || line.kind === "chance" ? line.gap : undefined;
    g.set(r, RISKS.gapCol, numberCell(difference, line.indicatorId, "gap"));
    g.set(r, RISKS.textCol, { value: line.text[lang], style: "a.text" });
    r++;
  }

  if (input.overdue) r = overdueSection(g, r + 1, input.overdue, lang);

  // Legend.
  r++;
  g.set(r++, RISKS.kindCol, { value: R.legend[lang], style: "title" });
  for (const item of LEGEND) {
    g.set(r, RISKS.kindCol, { value: item.sample[lang], style: item.style });
    g.set(r, RISKS.nameCol, { value: item.text[lang], style: "a.text" });
    r++;
  }

  // Chart data blocks and charts.
  const charts: PlanChart[] = [];
  const targetOf = (id: string) => input.targets.find((t) => t.indicatorId === id);
  const block = (name: string, title: string, ids: string[], withTarget: boolean): void => {
    const periods = new Map<string, { label: string; values: (number | undefined)[] }>();
    ids.forEach((id, i) => {
      for (const p of seriesOf(report, id)) {
        const key = periodKey(p.period);
        const entry = periods.get(key) ?? { label: formatPeriod(p.period, lang, "short"), values: [] };
        entry.values[i] = p.value;
        periods.set(key, entry);
      }
    });
    if (periods.size === 0) return;
    const ordered = [...periods.entries()].sort(([a], [b]) => (report.periods.findIndex((p) => periodKey(p) === a) - report.periods.findIndex((p) => periodKey(p) === b)));
    const top = r + 1;
    const target = withTarget ? targetOf(ids[0]) : undefined;
    const share = isShareLike(getIndicator(ids[0]) ?? ({ unit: { kind: "ratio" } } as never));
    g.set(top, RISKS.kindCol, { value: R.chartPeriod[lang], style: "header" });
    ids.forEach((id, i) => g.set(top, RISKS.nameCol + i, { value: getIndicator(id)?.short[lang] ?? id, style: "header" }));
    if (target) g.set(top, RISKS.nameCol + ids.length, { value: R.targetLine[lang], style: "header" });
    let row = top + 1;
    for (const [, e] of ordered) {
      g.set(row, RISKS.kindCol, { value: e.label, style: "a.period" });
      ids.forEach((_, i) => {
        const v = e.values[i];
        g.set(row, RISKS.nameCol + i, v === undefined ? { style: "a.text" } : { value: v, style: share ? "d.share" : "d.num" });
      });
      if (target) g.set(row, RISKS.nameCol + ids.length, { value: target.value, style: share ? "d.share" : "d.num" });
      row++;
    }
    const lastCol = RISKS.nameCol + ids.length - (target ? 0 : 1);
    const from = cellAddress(RISKS.firstLineRow + charts.length * 16, RISKS.textCol + 2);
    const to = cellAddress(RISKS.firstLineRow + charts.length * 16 + 14, RISKS.textCol + 9);
    charts.push({ name, type: "line", title, source: rangeAddress(top, RISKS.kindCol, row - 1, lastCol), from, to });
    r = row;
  };
  r++;
  g.set(r, RISKS.kindCol, { value: R.chartData[lang], style: "title" });
  block("shnor_quality", R.qualityChart[lang], ["quality_4_5"], true);
  block("shnor_gia9", R.giaChart[lang], ["gia9_rus_avg", "gia9_math_avg"], false);

  return {
    sheet: {
      name: input.name,
      kind: "risks",
      marker: markerOf("risks"),
      tabColor: TAB_COLORS.risks,
      cells: g.cells,
      columnWidths: RISK_WIDTHS,
      // The indicator ids (and the A1 marker) stay off screen and paper.
      hiddenColumns: [RISKS.idCol],
      merges: [],
      frozenRows: RISKS.headerRow,
      frozenColumns: 0,
      validations: [],
      conditionalFormats: [],
      // A snapshot rebuilt at every refresh; left unprotected so its charts can be moved and resized.
      protection: { protected: false, allowFormatColumns: true, allowFormatRows: true, allowSort: false },
      pageLayout: printLayout({
        sheet: { cells: g.cells, columnWidths: RISK_WIDTHS, hiddenColumns: [RISKS.idCol] },
        styles: analysisStyles(lang),
        orientation: "landscape",
        titleRows: `${RISKS.headerRow}:${RISKS.headerRow}`,
        titleColumns: { first: RISKS.kindCol, last: RISKS.nameCol },
      }),
      charts,
    },
  };
}
