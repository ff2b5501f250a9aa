/**
 * Tracking the road map: stable keys for event occurrences, one tracked row per occurrence, the
 * date a reporting period's events are due by, and the period's figures (due, done, overdue, share).
 *
 * Decisions:
 * - periodEndDate: Q1 → Oct 31, Q2 and H1 → Dec 31, Q3 → Mar 31, Q4 and H2 → May 31 (the months of
 *   periodEnd in periods.ts); Y → Aug 31, the last day of the school year, so the year's figure
 *   covers every event of the year, including «По итогам учебного года» (June) and «ежегодно»
 *   (Sep 1 … Aug 31); E → Jun 30 (the exam session, as periodEnd).
 * - trackPeriod counts from the program start: an occurrence is due when its end ≤ the period's
 *   end date and it is not cancelled. Postponed rows are due and not done, so overdue. A done row
 *   counts as done whatever its completion date; `late` counts those done after their end.
 *   Undated and unparsed rows are never due; they are counted apart.
 * - parseStatus: the four labels in ru/en and their usual forms (выполнено / выполнен / проведено,
 *   перенесено / отложено, отменено, план / запланировано / в работе); partial or negative answers
 *   («выполнено частично», «не выполнено») are not a status → null, and so is an empty cell (the
 *   caller decides the default, normally «план»).
 */
import { isPeriod } from "../periods";
import type { Period, PeriodKind } from "../types";
import { parseDeadline } from "./deadlines";
import { isoDate } from "./dates";
import type { Deadline, EventStatus, IsoDate, Occurrence, ProgramYears, RoadmapEvent, TrackedEvent } from "./types";

export { isoToSerial, parseIsoDate, serialToIso } from "./dates";

/** 32-bit FNV-1a of a string, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Title as compared for keys: letters and digits only, lower case, ё = е. */
function keyTitle(title: string): string {
  return String(title ?? "").toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * "number|hash of title|occurrence end", e.g. "1.2|9f3a0c1e|2023-10-31" ("-" for a missing part):
 * the same event pasted again (spacing, case or punctuation of the title changed) gets the same key.
 */
export function eventKey(e: RoadmapEvent, o: Occurrence | null): string {
  const number = String(e?.number ?? "").replace(/\s+/g, "").replace(/\.+$/, "");
  return `${number || "-"}|${fnv1a(keyTitle(e?.title ?? ""))}|${o?.end ?? "-"}`;
}

export interface ExpandedEvent {
  event: RoadmapEvent;
  deadline: Deadline;
  occurrence: Occurrence | null;
  key: string;
}

/**
 * One row per occurrence (a recurring deadline gives one per program year); undated and unparsed
 * deadlines give one row with occurrence null. Keys are unique: a repeated key gets "#2", "#3" ….
 */
export function expandEvents(events: RoadmapEvent[], years: ProgramYears): ExpandedEvent[] {
  const out: ExpandedEvent[] = [];
  const used = new Map<string, number>();
  const unique = (key: string): string => {
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  };
  for (const event of Array.isArray(events) ? events : []) {
    const deadline = parseDeadline(event.deadlineText, years);
    const occurrences = deadline.kind === "dated" && deadline.occurrences.length > 0 ? deadline.occurrences : [null];
    for (const occurrence of occurrences) out.push({ event, deadline, occurrence, key: unique(eventKey(event, occurrence)) });
  }
  return out;
}

const END_DAY: Record<PeriodKind, { month: number; day: number; next: boolean }> = {
  Q1: { month: 10, day: 31, next: false },
  Q2: { month: 12, day: 31, next: false },
  H1: { month: 12, day: 31, next: false },
  Q3: { month: 3, day: 31, next: true },
  Q4: { month: 5, day: 31, next: true },
  H2: { month: 5, day: 31, next: true },
  Y: { month: 8, day: 31, next: true },
  E: { month: 6, day: 30, next: true },
};

/** The date a period's events are due by (see the module comment); "" for an invalid period. */
export function periodEndDate(p: Period): IsoDate {
  if (!isPeriod(p)) return "";
  const e = END_DAY[p.kind];
  return isoDate(p.startYear + (e.next ? 1 : 0), e.month, e.day);
}

export interface PeriodTracking {
  due: number;
  done: number;
  overdue: TrackedEvent[];
  /** done / due, or null when nothing is due. */
  share: number | null;
  undated: number;
  unparsed: number;
  /** Done rows completed after their occurrence's end (still counted as done). */
  late: number;
}

/** Figures of the road map at the end of `period`, counted from the program start. */
export function trackPeriod(rows: TrackedEvent[], period: Period): PeriodTracking {
  const res: PeriodTracking = { due: 0, done: 0, overdue: [], share: null, undated: 0, unparsed: 0, late: 0 };
  const end = periodEndDate(period);
  for (const row of Array.isArray(rows) ? rows : []) {
    const kind = row?.deadline?.kind;
    if (kind === "undated") res.undated++;
    if (kind === "unparsed") res.unparsed++;
    if (kind !== "dated" || !row.occurrence || end === "" || row.status === "cancelled") continue;
    if (row.occurrence.end > end) continue;
    res.due++;
    if (row.status === "done") {
      res.done++;
      if (row.completedOn && row.completedOn > row.occurrence.end) res.late++;
    } else {
      res.overdue.push(row);
    }
  }
  res.share = res.due === 0 ? null : res.done / res.due;
  return res;
}

const STATUS_WORDS: Record<EventStatus, string[]> = {
  planned: ["план", "по плану", "планируется", "запланировано", "запланирован", "запланирована", "запланированы",
    "в плане", "в работе", "в процессе", "выполняется", "не начато", "planned", "plan", "scheduled", "in progress",
    "not started", "to do", "todo"],
  done: ["выполнено", "выполнен", "выполнена", "выполнены", "сделано", "проведено", "проведен", "проведена",
    "проведены", "исполнено", "реализовано", "завершено", "done", "completed", "complete", "finished", "held"],
  postponed: ["перенесено", "перенесен", "перенесена", "перенесены", "отложено", "отложен", "отложена", "отложены",
    "postponed", "rescheduled", "delayed", "deferred"],
  cancelled: ["отменено", "отменен", "отменена", "отменены", "cancelled", "canceled", "dropped"],
};

const STATUS_OF = new Map<string, EventStatus>(
  (Object.keys(STATUS_WORDS) as EventStatus[]).flatMap((s) => STATUS_WORDS[s].map((w) => [w, s] as [string, EventStatus])),
);

/** A status typed on the sheet, ru or en, any case; null when it is not one (see the module comment). */
export function parseStatus(text: unknown): EventStatus | null {
  if (typeof text !== "string") return null;
  const s = text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").replace(/[.!;,]+$/, "").trim();
  return STATUS_OF.get(s) ?? null;
}
