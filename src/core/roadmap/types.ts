/**
 * The program's road map («дорожная карта», issue 9): the contract between the pure core
 * (deadline parser, paste recognition, tracking) and the sheet / Excel side. Dates are ISO
 * calendar dates "YYYY-MM-DD" (no time zone); school years are named by their start year
 * (2023 = 2023/24, September to August).
 */
import type { Text } from "../types";

/** A calendar date "YYYY-MM-DD". */
export type IsoDate = string;

/** One span of time an event must happen in; a single date has start === end. */
export interface Occurrence {
  start: IsoDate;
  end: IsoDate;
}

/** The program's years the deadlines are read against: school years firstYear/.. to lastYear/.. */
export interface ProgramYears {
  firstYear: number;
  lastYear: number;
}

/**
 * What a deadline text means.
 * - dated: one or more occurrences; `recurring` when the text repeats every school year
 *   («ежегодно», «в течение учебного года», «25.10–10.11» without a year) and was expanded over
 *   the program's years.
 * - undated: the text deliberately names no date («По отдельному графику», «По мере необходимости»,
 *   «По результатам мониторинга»); such an event is never due.
 * - unparsed: not understood; kept as text and listed, never guessed.
 */
export type Deadline =
  | { kind: "dated"; occurrences: Occurrence[]; recurring: boolean }
  | { kind: "undated"; reason: "schedule" | "asNeeded" | "afterMonitoring" | "other" }
  | { kind: "unparsed" };

/** Status of one event occurrence, as typed on the sheet (ru: план / выполнено / перенесено / отменено). */
export type EventStatus = "planned" | "done" | "postponed" | "cancelled";

export const STATUS_LABELS: Readonly<Record<EventStatus, Text>> = {
  planned: { ru: "план", en: "planned" },
  done: { ru: "выполнено", en: "done" },
  postponed: { ru: "перенесено", en: "postponed" },
  cancelled: { ru: "отменено", en: "cancelled" },
};

/** Which column of the pasted table a header names. */
export type RoadmapField = "number" | "title" | "deadline" | "responsible" | "targetGroup" | "result";

/** One event recognised in a pasted table (rows Word split in two are merged). */
export interface RoadmapEvent {
  /** The «№» as written ("1.2", "3."), or "" when the table had none. */
  number: string;
  title: string;
  /** The deadline text exactly as pasted (whitespace normalised). */
  deadlineText: string;
  responsible: string;
  targetGroup: string;
  result: string;
  /** The direction heading the event sits under, or "" before any heading. */
  group: string;
  /** 0-based rows of the pasted grid this event came from (more than one when merged). */
  sourceRows: number[];
}

export interface RoadmapParse {
  /** 0-based column of each recognised field in the grid; a missing field is absent. */
  columns: Partial<Record<RoadmapField, number>>;
  /** 0-based row of the header. */
  headerRow: number;
  groups: string[];
  events: RoadmapEvent[];
  /** Problems found (no header, no title column, rows skipped …), in the user's words. */
  findings: { row: number | null; message: Text }[];
}

/** One occurrence of an event as tracked on the «Дорожная карта» sheet. */
export interface TrackedEvent {
  /** Stable key of the event occurrence, kept in the sheet, so re-import keeps status and note. */
  key: string;
  event: RoadmapEvent;
  deadline: Deadline;
  /** The occurrence this row tracks; null for undated or unparsed deadlines. */
  occurrence: Occurrence | null;
  status: EventStatus;
  /** When it was done, if typed. */
  completedOn: IsoDate | null;
  note: string;
}
