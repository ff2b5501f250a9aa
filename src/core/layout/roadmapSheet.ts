/**
 * The «Дорожная карта» sheet (marker kind "roadmap", issue 9): one row per event occurrence under
 * its direction heading, the user's status / completion date / note in yellow unlocked cells, and a
 * summary block to the right with one row per period whose figures are native COUNTIFS formulas,
 * so they update live as statuses are typed, without the add-in.
 *
 * Decisions:
 * - Column A holds the stable occurrence key (eventKey); group rows hold "#group", the heading of
 *   kept rows "#orphans". A2 holds the program years ("years:2023-2025") the deadlines were read with.
 * - The summary sits to the right (columns O…U, from the header row), so its rows never move when
 *   the table grows; other sheets find a period's figure by its key (INDEX/MATCH over columns P, U).
 * - Summary formulas count only the rows of the current paste (not the kept rows): due = rows whose
 *   «Окончание» ≤ the period's end minus those «отменено»; done = those «выполнено»; overdue = due −
 *   done; % = done / due, blank when nothing is due. Status labels of both languages are counted, case
 *   does not matter (COUNTIFS); an empty status counts as «план». The add-in's own reading (risks) uses
 *   parseStatus, which also accepts synonyms such as «проведено».
 * - Re-import keeps the typed status, completion date and note by key. A row whose key is not in the
 *   new paste is kept, under «Не найдено в новой вставке», when anything but «план» was typed in it.
 */
import type { PlanCell, PlanStyle, PlanValidation, SheetPlan } from "../plan";
import { comparePeriods, formatPeriod, periodKey } from "../periods";
import type { ReadSheet } from "../report";
import { STATUS_LABELS, isoToSerial, monthEnd, parseIsoDate, periodEndDate, type ExpandedEvent, type IsoDate, type ProgramYears } from "../roadmap";
import type { Lang, Period, Text } from "../types";
import { CellGrid, cellAddress, columnLetter, quoteSheetName, rangeAddress } from "./grid";
import { analysisStyles } from "./highlight";
import { markerOf } from "./markers";
import { fitRowHeights } from "./rowHeights";
import { printLayout } from "./print";
import { GROUP_KEY, hasTyped, ORPHANS_KEY, readRoadmapSheet, ROADMAP, yearsText, type SheetEventRow } from "./roadmapRead";
import { TAB_COLORS } from "./styles";
import { axisOf, moveOnAxis, translateFormula, type CellMove } from "./refs";
import { typedCell } from "./typed";

export { GROUP_KEY, ORPHANS_KEY, ROADMAP } from "./roadmapRead";

export const ROADMAP_SHEET_NAME: Text = { ru: "Дорожная карта", en: "Road map" };

export const RM = {
  title: { ru: "Дорожная карта", en: "Road map" },
  note: {
    ru: "Статус, дату выполнения и примечание вводите в жёлтых ячейках. Итоги по периодам справа пересчитываются сами. Чтобы обновить мероприятия, вставьте новую таблицу из Word на любой лист, выделите её и снова нажмите «Загрузить дорожную карту»: введённое здесь сохранится.",
    en: "Type the status, completion date and note in the yellow cells. The figures per period on the right update by themselves. To update the events, paste the new table from Word into any sheet, select it and press «Load the road map» again: what you typed here is kept.",
  },
  key: { ru: "Ключ", en: "Key" },
  number: { ru: "№", en: "No." },
  event: { ru: "Мероприятие", en: "Event" },
  deadline: { ru: "Сроки", en: "Deadline" },
  start: { ru: "Начало", en: "Start" },
  end: { ru: "Окончание", en: "End" },
  responsible: { ru: "Ответственные", en: "Responsible" },
  targetGroup: { ru: "Целевая группа", en: "Target group" },
  result: { ru: "Ожидаемый результат", en: "Expected result" },
  status: { ru: "Статус", en: "Status" },
  doneOn: { ru: "Дата выполнения", en: "Completed on" },
  userNote: { ru: "Примечание", en: "Note" },
  flag: { ru: "Отметка", en: "Flag" },
  unparsed: { ru: "срок не распознан", en: "deadline not recognised" },
  undated: { ru: "без фиксированного срока", en: "no fixed date" },
  recurring: { ru: "повторяется ежегодно", en: "repeats every year" },
  orphans: { ru: "Не найдено в новой вставке", en: "Not in the new paste" },
  orphanFlag: { ru: "нет в новой вставке", en: "not in the new paste" },
  noGroup: { ru: "Без направления", en: "No direction" },
  sumTitle: { ru: "Выполнение по периодам (пересчитывается само)", en: "Progress by period (updates by itself)" },
  sumPeriod: { ru: "Период", en: "Period" },
  sumKey: { ru: "Код периода", en: "Period key" },
  sumEnd: { ru: "Срок (конец периода)", en: "Due by (period end)" },
  sumDue: { ru: "Запланировано к сроку", en: "Due" },
  sumDone: { ru: "Выполнено", en: "Done" },
  sumOverdue: { ru: "Не выполнено в срок", en: "Overdue" },
  sumShare: { ru: "% выполнения", en: "% done" },
  statusPrompt: {
    ru: "Выберите статус: план, выполнено, перенесено или отменено. Пустая ячейка — «план».",
    en: "Choose the status: planned, done, postponed or cancelled. An empty cell means «planned».",
  },
  statusError: { ru: "Выберите статус из списка.", en: "Choose a status from the list." },
  datePrompt: { ru: "Дата выполнения, например 15.10.2023.", en: "The date it was done, e.g. 15.10.2023." },
  dateError: { ru: "Ожидается дата, например 15.10.2023.", en: "A date is expected, e.g. 15.10.2023." },
  checkTitle: { ru: "Проверьте значение", en: "Check the value" },
} satisfies Record<string, Text>;

const DATE = "dd.mm.yyyy";
const top = { vertical: "top", locked: true } as const;
const input = { fill: "#FFF2CC", vertical: "top", locked: false } as const;

/** The styles of the sheet (on top of the analysis styles). */
export function roadmapStyles(lang: Lang): Record<string, PlanStyle> {
  return {
    ...analysisStyles(lang),
    "rm.key": { ...top, numberFormat: "@", fontColor: "#808080", fontSize: 8 },
    "rm.number": { ...top, numberFormat: "@", horizontal: "center" },
    "rm.text": { ...top, numberFormat: "@", wrap: true },
    "rm.date": { ...top, numberFormat: DATE, horizontal: "center" },
    "rm.flagged": { ...top, numberFormat: "@", wrap: true, fill: "#F4B084" },
    "rm.flag": { ...top, numberFormat: "@", wrap: true, italic: true, fontColor: "#C65911" },
    "rm.group": { bold: true, fill: "#E2EFDA", numberFormat: "@", vertical: "center", locked: true },
    "rm.orphans": { bold: true, fill: "#D9D9D9", numberFormat: "@", vertical: "center", locked: true },
    "rm.in.status": { ...input, horizontal: "center" },
    "rm.in.date": { ...input, numberFormat: DATE, horizontal: "center" },
    "rm.in.note": { ...input, numberFormat: "@", wrap: true },
    "rm.sum.label": { ...top, numberFormat: "@" },
    "rm.sum.key": { ...top, numberFormat: "@", fontColor: "#808080", fontSize: 8, horizontal: "center" },
    "rm.sum.date": { ...top, numberFormat: DATE, horizontal: "center" },
    "rm.sum.int": { ...top, numberFormat: "0", horizontal: "right" },
    "rm.sum.share": { ...top, numberFormat: "0.0%", horizontal: "right", bold: true },
  };
}

export interface RoadmapSheetInput {
  name: string;
  lang: Lang;
  school: string;
  /** The events of the paste, one per occurrence (expandEvents), in paste order. */
  expanded: ExpandedEvent[];
  years: ProgramYears;
  /** The report's periods (summary rows); none → H1, H2 and Y of every program year. */
  periods: Period[];
  /** The sheet as read, when it exists: typed status, date and note are kept by key. */
  existing: Pick<ReadSheet, "values" | "formulas"> | null;
}

export interface RoadmapSheetResult {
  sheet: SheetPlan;
  /** Summary rows: period key → row. */
  summaryRowOf: Record<string, number>;
  /** Distinct deadline texts that were not understood, in paste order. */
  unparsed: string[];
  /** Occurrence rows with no fixed date (by design). */
  undated: number;
  /** Rows of the paste whose typed status, date or note came from the existing sheet. */
  kept: number;
  /** Rows of the existing sheet not in the new paste, kept because something was typed in them. */
  orphans: number;
}

/** The summary periods: the report's (distinct, chronological), else H1, H2, Y of each program year. */
export function summaryPeriods(periods: readonly Period[], years: ProgramYears): Period[] {
  const map = new Map<string, Period>();
  for (const p of periods) map.set(periodKey(p), { startYear: p.startYear, kind: p.kind });
  if (map.size === 0) {
    for (let y = years.firstYear; y <= years.lastYear; y++) {
      for (const kind of ["H1", "H2", "Y"] as const) map.set(periodKey({ startYear: y, kind }), { startYear: y, kind });
    }
  }
  return [...map.values()].sort(comparePeriods);
}

/** The formula an indicator sheet uses to show the road map's % done of a period (blank when none). */
export function roadmapLinkFormula(sheetName: string, key: string): string {
  const q = quoteSheetName(sheetName);
  const share = columnLetter(ROADMAP.sumShareCol);
  const keys = columnLetter(ROADMAP.sumKeyCol);
  return `=IFERROR(INDEX(${q}!$${share}:$${share},MATCH("${key.replace(/"/g, '""')}",${q}!$${keys}:$${keys},0)),"")`;
}

/** Whether a cell's formula is one of our road-map links (as written, or as Excel gives it back). */
export function isRoadmapLink(formula: unknown): boolean {
  return typeof formula === "string" && /^=\s*IFERROR\(\s*INDEX\(.+MATCH\(\s*"\d{4}\/\d{2}-[A-Z0-9]+"/i.test(formula);
}

type Content = string | number | boolean;

/** A typed cell (input form, typed.ts) as plan contents; formulas go through `formula` (refs.ts). */
function inputCell(v: Content | null, style: string, formula?: (f: string) => string): PlanCell {
  if (v === null || v === "") return { style };
  return typedCell(v, style, formula);
}

/**
 * A completion date typed as text («28.09.2023») becomes an Excel date, whatever Excel's locale;
 * other text stays, and so does a text typed with Excel's text prefix ("'28.09.2023": kept as text on purpose).
 */
function asDate(v: Content | null): Content | null {
  if (typeof v !== "string" || v.startsWith("=") || v.startsWith("'")) return v;
  const iso = parseIsoDate(v);
  return iso ? isoToSerial(iso) ?? v : v;
}

function dateCell(d: IsoDate | null, style: string): PlanCell {
  const n = d ? isoToSerial(d) : null;
  return n === null ? { style } : { value: n, style };
}

/** Build the sheet (see the module comment). */
/** For an occurrence that is one whole month, its key as if it ended on the month's first day; else null. */
function firstDayKey(x: ExpandedEvent): string | null {
  const o = x.occurrence;
  if (!o || o.start.slice(0, 7) !== o.end.slice(0, 7) || !o.start.endsWith("-01") || o.end !== monthEnd(Number(o.end.slice(0, 4)), Number(o.end.slice(5, 7)))) return null;
  const at = x.key.lastIndexOf(`|${o.end}`);
  return at < 0 ? null : `${x.key.slice(0, at)}|${o.start}${x.key.slice(at + o.end.length + 1)}`;
}

export function buildRoadmapSheet(input: RoadmapSheetInput): RoadmapSheetResult {
  const { lang, expanded, years } = input;
  const C = ROADMAP;
  const old = input.existing ? readRoadmapSheet(input.existing) : null;
  const oldByKey = new Map<string, SheetEventRow>();
  for (const r of old?.rows ?? []) if (!oldByKey.has(r.key)) oldByKey.set(r.key, r);
  // A month Excel had turned into its first day was read as that day before issue 19: the row
  // imported then keeps its key (and what was typed in it) now that the month is read whole.
  const computed = new Set(expanded.map((e) => e.key));
  const keyOf = new Map<ExpandedEvent, string>();
  for (const x of expanded) {
    const legacy = oldByKey.has(x.key) ? null : firstDayKey(x);
    keyOf.set(x, legacy !== null && oldByKey.has(legacy) && !computed.has(legacy) ? legacy : x.key);
  }
  const newKeys = new Set(keyOf.values());
  const orphanRows = (old?.rows ?? []).filter((r) => !newKeys.has(r.key) && hasTyped(r));

  const g = new CellGrid();
  const merges: string[] = [];
  g.set(1, C.keyCol, { value: markerOf("roadmap"), style: "marker" });
  g.set(1, C.numberCol, { value: input.school ? `${RM.title[lang]} — ${input.school}` : RM.title[lang], style: "title" });
  g.set(C.metaRow, C.keyCol, { value: yearsText(years), style: "rm.key" });
  g.set(C.noteRow, C.numberCol, { value: RM.note[lang], style: "a.note" });
  merges.push(rangeAddress(C.noteRow, C.numberCol, C.noteRow, C.flagCol));
  const heads: [number, Text][] = [
    [C.keyCol, RM.key], [C.numberCol, RM.number], [C.titleCol, RM.event], [C.deadlineCol, RM.deadline],
    [C.startCol, RM.start], [C.endCol, RM.end], [C.responsibleCol, RM.responsible], [C.targetGroupCol, RM.targetGroup],
    [C.resultCol, RM.result], [C.statusCol, RM.status], [C.doneCol, RM.doneOn], [C.noteCol, RM.userNote], [C.flagCol, RM.flag],
  ];
  for (const [c, t] of heads) g.set(C.headerRow, c, { value: t[lang], style: "header" });

  const planned = STATUS_LABELS.planned[lang];
  const unparsed: string[] = [];
  let undated = 0;
  let kept = 0;
  let r: number = C.firstDataRow;
  const groupRow = (text: string, key: string, style: string): void => {
    g.set(r, C.keyCol, { value: key, style: "rm.key" });
    g.set(r, C.numberCol, { value: text, style });
    for (let c = C.titleCol; c <= C.flagCol; c++) g.set(r, c, { style });
    merges.push(rangeAddress(r, C.numberCol, r, C.flagCol));
    r++;
  };
  // Kept formulas are translated once every row's new place is known (below).
  const keptFormulas: PlanCell[] = [];
  const newRowOf = new Map<string, number>();
  const inputs = (key: string, status: Content | null, doneOn: Content | null, note: Content | null): void => {
    if (!newRowOf.has(key)) newRowOf.set(key, r);
    const cells = [
      inputCell(status === null || status === "" ? planned : status, "rm.in.status"),
      inputCell(asDate(doneOn), "rm.in.date"),
      inputCell(note, "rm.in.note"),
    ];
    g.set(r, C.statusCol, cells[0]);
    g.set(r, C.doneCol, cells[1]);
    g.set(r, C.noteCol, cells[2]);
    for (const c of cells) if (c.formula !== undefined) keptFormulas.push(c);
  };

  let group: string | null = null;
  for (const x of expanded) {
    const e = x.event;
    if (e.group !== group) {
      if (e.group !== "" || group !== null) groupRow(e.group || RM.noGroup[lang], GROUP_KEY, "rm.group");
      group = e.group;
    }
    const kind = x.deadline.kind;
    const key = keyOf.get(x) ?? x.key;
    g.set(r, C.keyCol, { value: key, style: "rm.key" });
    g.set(r, C.numberCol, e.number ? { value: e.number, style: "rm.number" } : { style: "rm.number" });
    g.set(r, C.titleCol, { value: e.title, style: "rm.text" });
    g.set(r, C.deadlineCol, e.deadlineText ? { value: e.deadlineText, style: kind === "unparsed" ? "rm.flagged" : "rm.text" } : { style: kind === "unparsed" ? "rm.flagged" : "rm.text" });
    g.set(r, C.startCol, dateCell(x.occurrence?.start ?? null, "rm.date"));
    g.set(r, C.endCol, dateCell(x.occurrence?.end ?? null, "rm.date"));
    g.set(r, C.responsibleCol, { value: e.responsible, style: "rm.text" });
    g.set(r, C.targetGroupCol, { value: e.targetGroup, style: "rm.text" });
    g.set(r, C.resultCol, { value: e.result, style: "rm.text" });
    const prev = oldByKey.get(key);
    if (prev && hasTyped(prev)) kept++;
    inputs(key, prev?.status ?? null, prev?.doneOn ?? null, prev?.note ?? null);
    const flag = kind === "unparsed" ? RM.unparsed : kind === "undated" ? RM.undated : x.deadline.recurring ? RM.recurring : null;
    g.set(r, C.flagCol, flag ? { value: flag[lang], style: "rm.flag" } : { style: "rm.flag" });
    if (kind === "unparsed" && !unparsed.includes(e.deadlineText)) unparsed.push(e.deadlineText);
    if (kind === "undated") undated++;
    r++;
  }
  const lastMain = Math.max(C.firstDataRow, r - 1);

  if (orphanRows.length) {
    groupRow(RM.orphans[lang], ORPHANS_KEY, "rm.orphans");
    for (const o of orphanRows) {
      g.set(r, C.keyCol, { value: o.key, style: "rm.key" });
      g.set(r, C.numberCol, o.number ? { value: o.number, style: "rm.number" } : { style: "rm.number" });
      g.set(r, C.titleCol, { value: o.title, style: "rm.text" });
      g.set(r, C.deadlineCol, { value: o.deadlineText, style: "rm.text" });
      g.set(r, C.startCol, dateCell(o.start, "rm.date"));
      g.set(r, C.endCol, dateCell(o.end, "rm.date"));
      g.set(r, C.responsibleCol, { value: o.responsible, style: "rm.text" });
      g.set(r, C.targetGroupCol, { value: o.targetGroup, style: "rm.text" });
      g.set(r, C.resultCol, { value: o.result, style: "rm.text" });
      inputs(o.key, o.status, o.doneOn, o.note);
      g.set(r, C.flagCol, { value: RM.orphanFlag[lang], style: "rm.flag" });
      r++;
    }
  }
  const lastRow = Math.max(C.firstDataRow, r - 1);
  if (old && keptFormulas.length) {
    // Event rows follow their key; the summary block (to the right) and the columns stay as written.
    const rows = axisOf(C.headerRow, [...oldByKey.values()].map((o) => [o.key, o.row]), newRowOf);
    const events = (row: number, col: number) => {
      if (col >= C.sumLabelCol) return undefined;
      const to = moveOnAxis(rows, row);
      return to === null ? null : { row: to, col };
    };
    const move: CellMove = (sheet, row, col) => ((sheet ?? input.name).toLowerCase() === input.name.toLowerCase() ? events(row, col) : undefined);
    for (const c of keptFormulas) c.formula = translateFormula(c.formula as string, move);
  }

  // Summary block: one row per period, native formulas over the rows of the current paste.
  const periods = summaryPeriods(input.periods, years);
  g.set(C.noteRow, C.sumLabelCol, { value: RM.sumTitle[lang], style: "title" });
  const sumHeads: [number, Text][] = [
    [C.sumLabelCol, RM.sumPeriod], [C.sumKeyCol, RM.sumKey], [C.sumEndCol, RM.sumEnd], [C.sumDueCol, RM.sumDue],
    [C.sumDoneCol, RM.sumDone], [C.sumOverdueCol, RM.sumOverdue], [C.sumShareCol, RM.sumShare],
  ];
  for (const [c, t] of sumHeads) g.set(C.headerRow, c, { value: t[lang], style: "header" });
  const ends = `$${columnLetter(C.endCol)}$${C.firstDataRow}:$${columnLetter(C.endCol)}$${lastMain}`;
  const statuses = `$${columnLetter(C.statusCol)}$${C.firstDataRow}:$${columnLetter(C.statusCol)}$${lastMain}`;
  const labels = (s: keyof typeof STATUS_LABELS): string[] => [...new Set([STATUS_LABELS[s].ru, STATUS_LABELS[s].en])];
  const summaryRowOf: Record<string, number> = {};
  periods.forEach((p, i) => {
    const row = C.headerRow + 1 + i;
    summaryRowOf[periodKey(p)] = row;
    const by = `"<="&${cellAddress(row, C.sumEndCol)}`;
    const count = (status: string) => `COUNTIFS(${ends},${by},${statuses},"${status}")`;
    const due = cellAddress(row, C.sumDueCol);
    const done = cellAddress(row, C.sumDoneCol);
    g.set(row, C.sumLabelCol, { value: formatPeriod(p, lang, "long"), style: "rm.sum.label" });
    g.set(row, C.sumKeyCol, { value: periodKey(p), style: "rm.sum.key" });
    g.set(row, C.sumEndCol, dateCell(periodEndDate(p), "rm.sum.date"));
    g.set(row, C.sumDueCol, { formula: `=COUNTIFS(${ends},${by})${labels("cancelled").map((l) => `-${count(l)}`).join("")}`, style: "rm.sum.int" });
    g.set(row, C.sumDoneCol, { formula: `=${labels("done").map(count).join("+")}`, style: "rm.sum.int" });
    g.set(row, C.sumOverdueCol, { formula: `=${due}-${done}`, style: "rm.sum.int" });
    g.set(row, C.sumShareCol, { formula: `=IF(${due}=0,"",${done}/${due})`, style: "rm.sum.share" });
  });

  const validations: PlanValidation[] = [];
  if (lastRow >= C.firstDataRow && (expanded.length > 0 || orphanRows.length > 0)) {
    validations.push({
      range: rangeAddress(C.firstDataRow, C.statusCol, lastRow, C.statusCol),
      rule: { kind: "list", items: (["planned", "done", "postponed", "cancelled"] as const).map((s) => STATUS_LABELS[s][lang]) },
      prompt: { title: RM.status[lang], message: RM.statusPrompt[lang] },
      error: { title: RM.checkTitle[lang], message: RM.statusError[lang] },
    });
    validations.push({
      range: rangeAddress(C.firstDataRow, C.doneCol, lastRow, C.doneCol),
      rule: { kind: "decimal", min: 1 },
      prompt: { title: RM.doneOn[lang], message: RM.datePrompt[lang] },
      error: { title: RM.checkTitle[lang], message: RM.dateError[lang] },
    });
  }
  // Overdue rows in red, live (TODAY()), without the add-in.
  const st = `$${columnLetter(C.statusCol)}${C.firstDataRow}`;
  const notClosed = [...labels("done"), ...labels("cancelled")].map((l) => `${st}<>"${l}"`).join(",");
  const end = `$${columnLetter(C.endCol)}${C.firstDataRow}`;
  const conditionalFormats = lastMain >= C.firstDataRow && expanded.length > 0
    ? [{ range: rangeAddress(C.firstDataRow, C.numberCol, lastMain, C.deadlineCol), formula: `=AND(ISNUMBER(${end}),${end}<TODAY(),${notClosed})`, style: { fontColor: "#C00000" } }]
    : [];

  const columnWidths = [5, 6, 48, 22, 11, 11, 24, 18, 28, 13, 12, 24, 18, 3, 22, 11, 12, 12, 11, 12, 11];
  const sheet: SheetPlan = {
    name: input.name,
    kind: "roadmap",
    marker: markerOf("roadmap"),
    tabColor: TAB_COLORS.roadmap,
    cells: g.cells,
    columnWidths,
    merges,
    frozenRows: C.headerRow,
    frozenColumns: 0,
    // The occurrence keys (with the marker and the years) and the period keys of the summary block: read back, never shown or printed.
    hiddenColumns: [C.keyCol, C.sumKeyCol],
    validations,
    conditionalFormats,
    protection: { protected: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false },
    pageLayout: { orientation: "landscape", fitToPagesWide: 1 },
  };
  const heights = fitRowHeights(sheet, roadmapStyles(lang));
  heights[C.noteRow - 1] = 48;
  sheet.rowHeights = heights;
  sheet.pageLayout = printLayout({
    sheet,
    styles: roadmapStyles(lang),
    orientation: "landscape",
    titleRows: `${C.headerRow}:${C.headerRow}`,
    titleColumns: { first: C.numberCol, last: C.titleCol },
  });
  return { sheet, summaryRowOf, unparsed, undated, kept, orphans: orphanRows.length };
}
