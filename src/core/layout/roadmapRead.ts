/**
 * Reading the «Дорожная карта» sheet back (pure): its rows with what the user typed, the program
 * years it was built with, its rows as TrackedEvents, and the events overdue at a date. Also the
 * choice of the program years for an import.
 *
 * Program years (chooseProgramYears), first that applies:
 *   1. `option` — years given by the caller (the task pane);
 *   2. "deadlines" — the school years of the dated deadlines that name a year in the paste: their
 *      end dates, and their start dates except a start that is only the program start («до X»);
 *   3. "sheet" — the years the existing sheet was built with (A2), so a re-import of a road map
 *      that names no year keeps its rows;
 *   4. "report" — the report's school year and the next two;
 *   5. "today" — the current school year (from `today`) and the next two.
 * The span is capped at 30 years (the deadline parser's limit).
 */
import { parseDeadline, parseIsoDate, parseStatus, periodEndDate, serialToIso } from "../roadmap";
import type { Deadline, IsoDate, ProgramYears, RoadmapEvent, TrackedEvent } from "../roadmap";
import type { ReadSheet } from "../report";
import type { RoadmapOverdue } from "../risks";
import type { Period } from "../types";

/** Geometry of the «Дорожная карта» sheet (1-based); the summary block sits to the right. */
export const ROADMAP = {
  metaRow: 2,
  noteRow: 2,
  headerRow: 3,
  firstDataRow: 4,
  keyCol: 1,
  numberCol: 2,
  titleCol: 3,
  deadlineCol: 4,
  startCol: 5,
  endCol: 6,
  responsibleCol: 7,
  targetGroupCol: 8,
  resultCol: 9,
  statusCol: 10,
  doneCol: 11,
  noteCol: 12,
  flagCol: 13,
  sumLabelCol: 15,
  sumKeyCol: 16,
  sumEndCol: 17,
  sumDueCol: 18,
  sumDoneCol: 19,
  sumOverdueCol: 20,
  sumShareCol: 21,
} as const;

/** Column A of a direction heading row, and of the heading of rows kept from an older paste. */
export const GROUP_KEY = "#group";
export const ORPHANS_KEY = "#orphans";

const C = ROADMAP;

type Content = string | number | boolean;

/** One occurrence row of an existing sheet: its texts, dates and what was typed (as typed). */
export interface SheetEventRow {
  key: string;
  /** True for rows under the «Не найдено в новой вставке» heading. */
  orphan: boolean;
  group: string;
  number: string;
  title: string;
  deadlineText: string;
  start: IsoDate | null;
  end: IsoDate | null;
  responsible: string;
  targetGroup: string;
  result: string;
  status: Content | null;
  doneOn: Content | null;
  note: Content | null;
}

export interface RoadmapSheetRead {
  years: ProgramYears | null;
  rows: SheetEventRow[];
}

const at = (grid: unknown[][] | undefined, row: number, col: number): unknown => grid?.[row - 1]?.[col - 1];

function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

function content(v: unknown): Content | null {
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

function dateOf(v: unknown): IsoDate | null {
  return typeof v === "number" ? serialToIso(v) : parseIsoDate(v);
}

/** "years:2023-2025", the machine-readable program years kept in A2. */
export function yearsText(y: ProgramYears): string {
  return `years:${y.firstYear}-${y.lastYear}`;
}

export function parseYearsText(v: unknown): ProgramYears | null {
  const m = typeof v === "string" ? /^years:(\d{4})-(\d{4})$/.exec(v.trim()) : null;
  if (!m) return null;
  const y = { firstYear: Number(m[1]), lastYear: Number(m[2]) };
  return validYears(y) ? y : null;
}

export function validYears(y: unknown): y is ProgramYears {
  const o = y as ProgramYears;
  return !!o && Number.isInteger(o.firstYear) && Number.isInteger(o.lastYear) && o.firstYear >= 1950 && o.lastYear <= 2100
    && o.firstYear <= o.lastYear && o.lastYear - o.firstYear < 30;
}

/** Whether anything but «план» was typed in a row's status, date or note. */
export function hasTyped(r: Pick<SheetEventRow, "status" | "doneOn" | "note">): boolean {
  const status = r.status === null ? null : parseStatus(String(r.status));
  return (r.status !== null && status !== "planned") || r.doneOn !== null || r.note !== null;
}

/** The rows of an existing sheet (`formulas` as typed, `values` as computed; both from A1). */
export function readRoadmapSheet(sheet: Pick<ReadSheet, "values" | "formulas">): RoadmapSheetRead {
  const { values, formulas } = sheet;
  const rows: SheetEventRow[] = [];
  const height = Math.max(values?.length ?? 0, formulas?.length ?? 0);
  let orphan = false;
  let group = "";
  for (let r = C.firstDataRow; r <= height; r++) {
    const key = text(at(values, r, C.keyCol));
    if (key === "") continue;
    if (key.startsWith("#")) {
      orphan = key === ORPHANS_KEY;
      group = text(at(values, r, C.numberCol));
      continue;
    }
    const typed = (c: number) => content(at(formulas, r, c) ?? at(values, r, c));
    rows.push({
      key,
      orphan,
      group,
      number: text(at(values, r, C.numberCol)),
      title: text(at(values, r, C.titleCol)),
      deadlineText: text(at(values, r, C.deadlineCol)),
      start: dateOf(at(values, r, C.startCol)),
      end: dateOf(at(values, r, C.endCol)),
      responsible: text(at(values, r, C.responsibleCol)),
      targetGroup: text(at(values, r, C.targetGroupCol)),
      result: text(at(values, r, C.resultCol)),
      status: typed(C.statusCol),
      doneOn: typed(C.doneCol),
      note: typed(C.noteCol),
    });
  }
  return { years: parseYearsText(at(values, C.metaRow, C.keyCol)), rows };
}

/**
 * The rows of the current paste (kept rows left out) as TrackedEvents: dated when the sheet shows
 * an end date; otherwise the deadline text read again with the sheet's years (undated or unparsed).
 * An empty or unknown status counts as «план».
 */
export function trackedRows(sheet: Pick<ReadSheet, "values" | "formulas">): TrackedEvent[] {
  const read = readRoadmapSheet(sheet);
  const years = read.years ?? { firstYear: 2000, lastYear: 2000 };
  return read.rows.filter((r) => !r.orphan).map((r) => {
    const event: RoadmapEvent = {
      number: r.number, title: r.title, deadlineText: r.deadlineText, responsible: r.responsible,
      targetGroup: r.targetGroup, result: r.result, group: r.group, sourceRows: [],
    };
    const occurrence = r.end ? { start: r.start ?? r.end, end: r.end } : null;
    let deadline: Deadline;
    if (occurrence) deadline = { kind: "dated", occurrences: [occurrence], recurring: false };
    else {
      const d = parseDeadline(r.deadlineText, years);
      deadline = d.kind === "dated" ? { kind: "unparsed" } : d;
    }
    return {
      key: r.key,
      event,
      deadline,
      occurrence,
      status: (r.status === null ? null : parseStatus(String(r.status))) ?? "planned",
      completedOn: r.doneOn === null ? null : dateOf(r.doneOn),
      note: r.note === null ? "" : String(r.note),
    };
  });
}

/**
 * Events overdue at `asOf` (the rules of trackPeriod with the period's end replaced by a date): a
 * dated occurrence ending on or before `asOf`, neither done nor cancelled. Sorted by end date.
 */
export function overdueAt(rows: readonly TrackedEvent[], asOf: IsoDate): TrackedEvent[] {
  return rows
    .filter((r) => r.deadline.kind === "dated" && r.occurrence && r.occurrence.end <= asOf && r.status !== "done" && r.status !== "cancelled")
    .sort((a, b) => ((a.occurrence as { end: string }).end < (b.occurrence as { end: string }).end ? -1 : (a.occurrence as { end: string }).end > (b.occurrence as { end: string }).end ? 1 : 0));
}

export type YearsSource = "option" | "deadlines" | "sheet" | "report" | "today";

const schoolYearOf = (d: IsoDate): number => {
  const y = Number(d.slice(0, 4));
  return Number(d.slice(5, 7)) >= 9 ? y : y - 1;
};

/** The program years for an import (see the module comment). `today` is an ISO date. */
export function chooseProgramYears(
  events: readonly RoadmapEvent[],
  o: { option?: ProgramYears; sheet?: ProgramYears | null; reportYear?: number | null; today: IsoDate },
): { years: ProgramYears; source: YearsSource } {
  if (o.option && validYears(o.option)) return { years: { firstYear: o.option.firstYear, lastYear: o.option.lastYear }, source: "option" };
  const base = o.reportYear ?? schoolYearOf(o.today);
  const provisional = { firstYear: base, lastYear: base + 2 };
  const programStart = `${base}-09-01`;
  const found: number[] = [];
  for (const e of events) {
    const d = parseDeadline(e.deadlineText, provisional);
    if (d.kind !== "dated" || d.recurring) continue;
    for (const oc of d.occurrences) {
      found.push(schoolYearOf(oc.end));
      if (oc.start !== programStart) found.push(schoolYearOf(oc.start));
    }
  }
  const cap = (first: number, last: number): ProgramYears => ({ firstYear: first, lastYear: Math.min(last, first + 29) });
  if (found.length) return { years: cap(found.reduce((a, b) => Math.min(a, b)), found.reduce((a, b) => Math.max(a, b))), source: "deadlines" };
  if (o.sheet && validYears(o.sheet)) return { years: o.sheet, source: "sheet" };
  if (o.reportYear !== undefined && o.reportYear !== null) return { years: provisional, source: "report" };
  return { years: provisional, source: "today" };
}

/**
 * Overdue road-map events at the end of the latest report period (the one ending last), or at
 * `today` when that period has not ended yet (or the report has no period).
 */
export function roadmapOverdue(rows: readonly TrackedEvent[], periods: readonly Period[], today: IsoDate): RoadmapOverdue {
  let latest: Period | null = null;
  for (const p of periods) if (!latest || periodEndDate(p) > periodEndDate(latest)) latest = p;
  const end = latest ? periodEndDate(latest) : "";
  const ended = latest !== null && end !== "" && end <= today;
  const asOf = ended ? end : today;
  return { asOf, period: ended ? latest : null, events: overdueAt(rows, asOf) };
}
