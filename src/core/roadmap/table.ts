/**
 * Recognises a road-map table pasted from Word into a sheet: the header row (searched in the first
 * HEADER_SCAN rows), the columns by their header words, direction headings (group rows), and events,
 * merging a row Word split in two into the event above it. Pure and total: bad input gives findings.
 *
 * Rules:
 * - Cell values: strings with whitespace runs collapsed; numbers as written ("1", "1.2"); a number in
 *   the deadline column that is an Excel date serial (Excel turns a pasted «20.12.2023» or
 *   «январь 2023» into a date) is written back as "dd.mm.yyyy" — or, when the cell's number format
 *   (optional `formats`) shows a month and year only, as the month («Март 2022»: the whole month);
 *   a serial with a day-month format in the № or deadline column («1.1», «25.10» made dates by
 *   Excel in Russian) is written back as "d.m".
 * - Group row: the same text in every column of the table, or a single text in the leftmost column
 *   when that column is not the title column (Word's merged row pastes into the first cell), or, when
 *   the leftmost column is the title column, a single text there that is numbered like a heading
 *   («1. …», «II. …», «Раздел …», «Направление …») or comes before any event of its group.
 *   The heading is kept as written (trimmed), numbering included.
 * - A row with no № and no deadline that has text in the title, responsible, target-group or result
 *   column continues the event above (within the same group): texts are joined with a space and the
 *   row is added to sourceRows. Otherwise a row with any text starts an event.
 * - A row right after the header holding only the column numbers 1, 2, 3 … is skipped, as is a
 *   repeated header row. Empty rows are skipped.
 * - Findings: no header row; no deadline column; an event with no title; text only in columns that
 *   were not recognised; a № used twice. `row` is 0-based in the grid; messages count rows from 1
 *   («строка 5 выделения»).
 */
import type { Lang, Text } from "../types";
import { serialToIso } from "./dates";
import type { RoadmapEvent, RoadmapField, RoadmapParse } from "./types";
import { maxOf, minOf } from "../arrays";

export const HEADER_SCAN = 6;

const FIELDS: readonly RoadmapField[] = ["number", "title", "deadline", "responsible", "targetGroup", "result"];

/** Tried in this order, so «Сроки проведения мероприятия» is a deadline and «Результат мероприятия» a result. */
const HEADER_WORDS: [RoadmapField, RegExp][] = [
  ["number", /^(№+|n|no|nr|#|номер)( ?п ?п)?$/],
  ["deadline", /^(срок|дата|даты|период|deadline|timing|timeline|date|due|when)/],
  ["responsible", /ответствен|исполнител|responsib|executor|owner|in charge/],
  ["targetGroup", /целев|участник|target|participant|audience/],
  ["result", /результат|показател|result|outcome|indicator|output/],
  ["title", /мероприят|содержание|наименование|название|event|activit|action|measure|task/],
];

/** Which field a header cell names, if any. */
export function headerField(cell: unknown): RoadmapField | null {
  if (typeof cell !== "string") return null;
  const s = cell.toLowerCase().replace(/ё/g, "е").replace(/[^a-zа-я0-9№#]+/g, " ").trim();
  if (s === "" || s.length > 80) return null;
  for (const [field, re] of HEADER_WORDS) if (re.test(s)) return field;
  return null;
}

/** Serials of 1950-01-01 … 2099-12-31: numbers in a deadline cell in this range are dates. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

const MONTH_NAMES = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];

/**
 * Whether a number format shows a month and a year but no day or time («mmmm yyyy», «mmm-yy»,
 * «[$-419]ММММ ГГГГ»): Excel gave a pasted «Март 2022» such a format. Quoted text, escapes and
 * bracketed sections (locale, colour) are not codes.
 */
export function isMonthFormat(format: unknown): boolean {
  if (typeof format !== "string" || format.length > 200) return false;
  const codes = formatCodes(format);
  return /[mм]/.test(codes) && /[yг]/.test(codes) && !/[dдhчsс]/.test(codes);
}

/** Format codes without quoted text, escapes and bracketed sections, lower case (first section). */
const formatCodes = (format: string) => format.split(";")[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();

/**
 * Whether a number format shows a day and a month but no year or time («d mmm», «dd.mm»): Excel in
 * Russian gave a pasted «1.1» (a №) or «25.10» (a deadline without a year) such a format.
 */
export function isDayMonthFormat(format: unknown): boolean {
  if (typeof format !== "string" || format.length > 200) return false;
  const codes = formatCodes(format);
  return /[dд]/.test(codes) && /[mм]/.test(codes) && !/[yгhчsс]/.test(codes);
}

function cellText(v: unknown, isDeadline: boolean, format?: unknown, isNumber = false): string {
  if (typeof v === "number" && Number.isFinite(v)) {
    // «1.1» or «25.10» Excel turned into a date of the current year: the day and month as typed.
    if ((isDeadline || isNumber) && Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX && isDayMonthFormat(format)) {
      const iso = serialToIso(v);
      if (iso) return `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}`;
    }
    if (isDeadline && Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX) {
      const iso = serialToIso(v);
      // A month Excel turned into its first day: the whole month, in the words it was typed in.
      if (iso && isMonthFormat(format)) return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
      if (iso) return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    }
    return String(v);
  }
  if (typeof v === "string") return v.replace(/[\u200b\ufeff]/g, "").replace(/\s+/g, " ").trim();
  if (typeof v === "boolean") return String(v);
  return "";
}

/** Text that goes on from the row above: a lower-case start, a bullet or a dash. */
const CONTINUED = /^([a-zа-яё]|[-–—•·▪◦*o]\s)/;

const HEADING = /^((\d{1,2}|[ivxlc]{1,5})\.?\s+\S|(раздел|направление|блок|модуль|этап)(?![а-я]))/i;
const NUMBERING = /^(\d+\.)*\d+\.?$|^[ivxlc]{1,5}\.?$/i;

const rowLabel = (r: number): Text => ({ ru: `Строка ${r + 1} выделения`, en: `Row ${r + 1} of the selection` });

function finding(row: number | null, ru: string, en: string): RoadmapParse["findings"][number] {
  const where = row === null ? null : rowLabel(row);
  return { row, message: { ru: where ? `${where.ru}: ${ru}` : ru, en: where ? `${where.en}: ${en}` : en } };
}

function findHeader(rows: unknown[][]): { row: number; columns: Partial<Record<RoadmapField, number>> } | null {
  let best: { row: number; columns: Partial<Record<RoadmapField, number>>; n: number } | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN); r++) {
    const columns: Partial<Record<RoadmapField, number>> = {};
    rows[r].forEach((cell, c) => {
      const f = headerField(cell);
      if (f && columns[f] === undefined) columns[f] = c;
    });
    const n = Object.keys(columns).length;
    if (columns.title !== undefined && n >= 2 && (!best || n > best.n)) best = { row: r, columns, n };
  }
  return best && { row: best.row, columns: best.columns };
}

/**
 * Recognises the values of a pasted road-map table (strings, numbers, empty cells). `_lang` is
 * reserved: findings always carry both languages.
 */
export function recognizeRoadmap(grid: unknown[][], _lang?: Lang, formats?: unknown[][]): RoadmapParse {
  const rows: unknown[][] = Array.isArray(grid) ? grid.map((r) => (Array.isArray(r) ? r : [])) : [];
  const formatAt = (r: number, c: number): unknown => (Array.isArray(formats) && Array.isArray(formats[r]) ? formats[r][c] : undefined);
  const result: RoadmapParse = { columns: {}, headerRow: -1, groups: [], events: [], findings: [] };
  const header = findHeader(rows);
  if (!header) {
    result.findings.push(finding(null,
      `Не найдена строка заголовков таблицы в первых ${HEADER_SCAN} строках выделения: нужны столбцы «Мероприятие» и хотя бы один из «№», «Сроки», «Ответственные», «Целевая группа», «Результат».`,
      `No header row in the first ${HEADER_SCAN} rows of the selection: an «Event» column and at least one of «№», «Deadline», «Responsible», «Target group», «Result» are needed.`));
    return result;
  }
  const { columns } = header;
  result.columns = columns;
  result.headerRow = header.row;
  if (columns.deadline === undefined) {
    result.findings.push(finding(header.row, "нет столбца «Сроки»: сроки мероприятий не будут известны.",
      "no «Deadline» column: the events will have no deadlines."));
  }
  const headerCells = rows[header.row].map((v) => cellText(v, false));
  const filled = headerCells.map((t, c) => (t === "" ? -1 : c)).filter((c) => c >= 0);
  const left = minOf(filled);
  const right = maxOf(filled);

  let group = "";
  let current: RoadmapEvent | null = null;
  for (let r = header.row + 1; r < rows.length; r++) {
    const cells = rows[r].map((v, c) => cellText(v, c === columns.deadline, formatAt(r, c), c === columns.number));
    const text = (f: RoadmapField): string => (columns[f] === undefined ? "" : cells[columns[f] as number] ?? "");
    const nonEmpty = cells.map((t, c) => (t === "" ? -1 : c)).filter((c) => c >= 0);
    if (nonEmpty.length === 0) continue;
    if (r === header.row + 1 && nonEmpty.length >= 2 && nonEmpty.every((c, k) => cells[c] === String(k + 1))) continue;
    if (FIELDS.every((f) => text(f) === (columns[f] === undefined ? "" : headerCells[columns[f] as number]))) continue;

    const only = nonEmpty.length === 1 ? cells[nonEmpty[0]] : null;
    const spansAll = right > left && nonEmpty.length >= right - left + 1
      && nonEmpty.every((c) => cells[c] === cells[nonEmpty[0]]);
    const loneHeading = only !== null && nonEmpty[0] === left && (left === columns.title
      ? HEADING.test(only) || current === null
      : !(left === columns.number && NUMBERING.test(only)));
    if (spansAll || loneHeading) {
      group = cells[nonEmpty[0]];
      if (!result.groups.includes(group)) result.groups.push(group);
      current = null;
      continue;
    }

    const number = text("number");
    const deadlineText = text("deadline");
    const title = text("title");
    const continues = (["title", "responsible", "targetGroup", "result"] as const).some((f) => text(f) !== "");
    if (!continues && number === "" && deadlineText === "") {
      result.findings.push(finding(r, "текст вне распознанных столбцов пропущен.", "text outside the recognised columns was skipped."));
      continue;
    }
    // Excel puts each paragraph of a Word cell on a row of its own: a row without a № continues the
    // event above when it has no title, or no deadline, or (in a numbered table) its title or
    // deadline goes on mid-sentence (a lower-case word or a bullet).
    const goesOn = (t: string) => CONTINUED.test(t);
    const continuation = current !== null && number === "" && (title === "" || deadlineText === ""
      || (columns.number !== undefined && current.number !== "" && (goesOn(title) || goesOn(deadlineText))));
    if (current && continuation) {
      for (const f of ["title", "deadlineText", "responsible", "targetGroup", "result"] as const) {
        const more = f === "deadlineText" ? deadlineText : text(f);
        current[f] = [current[f], more].filter((t) => t !== "").join(" ");
      }
      current.sourceRows.push(r);
      continue;
    }
    current = {
      number, title: text("title"), deadlineText, responsible: text("responsible"),
      targetGroup: text("targetGroup"), result: text("result"), group, sourceRows: [r],
    };
    result.events.push(current);
  }

  // Numbering may restart in each direction (1.1 … 2.1, or 1, 2, 3 in every section): a № repeated
  // within one direction is the mistake.
  const seen = new Map<string, number>();
  for (const e of result.events) {
    const r = e.sourceRows[0];
    if (e.title === "") {
      const no = e.number === "" ? "" : ` № ${e.number}`;
      result.findings.push(finding(r, `у мероприятия${no} нет названия.`, `event${no} has no title.`));
    }
    const key = e.number === "" ? "" : `${e.group}\u0000${e.number.replace(/\.$/, "")}`;
    if (key === "") continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r);
    else result.findings.push(finding(r, `№ ${e.number} уже встречался в строке ${first + 1}.`, `№ ${e.number} was already used in row ${first + 1}.`));
  }
  return result;
}
