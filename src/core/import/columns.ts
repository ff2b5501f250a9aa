/**
 * The shape of a pasted table: which column holds the item numbers, which the wording, which the
 * units, and which hold values — with what each value column is, read from its header: a period
 * («2023/24», «2023», «на 01.09.2024», «I полугодие», «2023/24 уч. год»), a school («МБОУ СОШ № 5»,
 * «Школа 12»), or just «значение». Pure.
 */
import { parsePeriod } from "../periods";
import type { Period, PeriodKind } from "../types";
import { looksLikeValue } from "./cells";
import { cleanText, hasLetters, leadingNumber, isNumberCell } from "./text";

export type ColumnMeaning =
  | { kind: "period"; period: Period; /** The year or the period kind was guessed (a bare calendar year, a date, a half-year without a year). */ guessed: boolean }
  | { kind: "school"; name: string }
  | { kind: "value" };

export interface ValueColumn {
  /** 0-based column of the grid. */
  col: number;
  /** The header text above the column (header rows joined), "" when none. */
  header: string;
  meaning: ColumnMeaning;
  /** A column printing only the share of the column `shareOf` («%» beside «чел.»). */
  shareOf?: number;
}

export interface TableShape {
  /** 0-based rows above the first row of data. */
  headerRows: number[];
  firstDataRow: number;
  numberCol: number | null;
  labelCol: number;
  unitCol: number | null;
  columns: ValueColumn[];
}

const UNIT_WORDS = /^(человек(?:\/%)?|чел\.?(?:\/%)?|ед\.?|единиц|балл(?:ов)?|кв\.?\s*м\.?|м2|да\/нет|%|человек\/процент|ед\.\/чел\.?)$/i;
const SCHOOL_WORDS = /(школ|сош|оош|нош|мбоу|мкоу|маоу|гбоу|моу|лице|гимнази|№\s*\d)/i;
const HALF = /(?:^|[^а-яёa-z0-9])(i{1,2}|1|2|перв[а-яё]*|втор[а-яё]*)\s*-?[а-я]{0,2}\s*(полугод)/i;
const QUARTER = /(?:^|[^а-яёa-z0-9])(i{1,3}|iv|[1-4]|перв[а-яё]*|втор[а-яё]*|трет[а-яё]*|четв[её]рт[а-яё]*)\s*-?[а-я]{0,2}\s*(четверт)/i;
const ORD: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function ordOf(word: string): number {
  const w = word.toLowerCase();
  if (ORD[w]) return ORD[w];
  if (w.startsWith("перв")) return 1;
  if (w.startsWith("втор")) return 2;
  if (w.startsWith("трет")) return 3;
  return 4;
}

/**
 * What a value column's header says. `year`: the school year to put a period without a year in
 * (the report's), or null.
 */
export function columnMeaning(header: string, year: number | null): ColumnMeaning {
  const h = cleanText(header);
  if (!h) return { kind: "value" };
  const p = parsePeriod(h);
  if (p) return { kind: "period", period: p, guessed: false };
  const sy = /(20\d\d)\s*[/–—-]\s*(?:20)?(\d\d)\b/.exec(h);
  const startYear = sy && (Number(sy[1]) + 1) % 100 === Number(sy[2]) ? Number(sy[1]) : null;
  const half = HALF.exec(h);
  const quarter = QUARTER.exec(h);
  const kindFrom = (): PeriodKind | null => (half ? (`H${ordOf(half[1])}` as PeriodKind) : quarter ? (`Q${ordOf(quarter[1])}` as PeriodKind) : null);
  if (startYear !== null) return { kind: "period", period: { startYear, kind: kindFrom() ?? "Y" }, guessed: false };
  // «на 01.09.2024», «на 31.12.2023»: the school year the date falls in.
  const date = /(\d{1,2})\.(\d{1,2})\.(20\d\d)/.exec(h);
  if (date) {
    const month = Number(date[2]);
    const y = Number(date[3]);
    return { kind: "period", period: { startYear: month >= 9 ? y : y - 1, kind: kindFrom() ?? "Y" }, guessed: true };
  }
  const k = kindFrom();
  const cal = /\b(20\d\d)\b/.exec(h);
  if (k && cal) {
    // «I полугодие 2024» is the autumn of 2024; «II полугодие 2024» the spring.
    const y = Number(cal[1]);
    const autumn = k === "H1" || k === "Q1" || k === "Q2";
    return { kind: "period", period: { startYear: autumn ? y : y - 1, kind: k }, guessed: true };
  }
  if (k) return year === null ? { kind: "value" } : { kind: "period", period: { startYear: year, kind: k }, guessed: true };
  // A bare calendar year («2023», «2023 год»): the school year that ends in it.
  if (cal && !SCHOOL_WORDS.test(h)) return { kind: "period", period: { startYear: Number(cal[1]) - 1, kind: "Y" }, guessed: true };
  if (SCHOOL_WORDS.test(h)) return { kind: "school", name: h };
  return { kind: "value" };
}

const at = (grid: readonly (readonly unknown[])[], r: number, c: number): string => cleanText(grid[r]?.[c]);

/** Find the columns of a table; null when no column of wording exists. `year` as columnMeaning. */
export function tableShape(grid: readonly (readonly unknown[])[], year: number | null): TableShape | null {
  const width = grid.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  if (!width || !grid.length) return null;
  // The wording column: most cells with long text.
  const textScore = Array.from({ length: width }, (_, c) => grid.reduce((n, row, r) => n + (hasLetters(at(grid, r, c)) && at(grid, r, c).length >= 12 ? 1 : 0), 0));
  let labelCol = textScore.indexOf(Math.max(...textScore));
  if (textScore[labelCol] === 0) return null;
  // The number column: mostly item numbers, left of the wording.
  let numberCol: number | null = null;
  for (let c = 0; c < labelCol; c++) {
    const n = grid.reduce((k, _, r) => k + (isNumberCell(at(grid, r, c)) ? 1 : 0), 0);
    if (n >= 1 && (numberCol === null || n > 0)) numberCol = c;
  }
  if (numberCol === null && labelCol > 0) numberCol = null;
  // Data starts at the first row with a number, or with a wording and a value.
  let firstDataRow = 0;
  for (let r = 0; r < grid.length; r++) {
    const num = numberCol !== null ? isNumberCell(at(grid, r, numberCol)) : leadingNumber(at(grid, r, labelCol)) !== null;
    const cells = Array.from({ length: width - labelCol - 1 }, (_, k) => at(grid, r, labelCol + 1 + k)).filter(Boolean);
    // A header row: its cells name periods or schools («2023/24», «МБОУ СОШ № 5»), not values.
    const header = cells.length > 0 && cells.every((s) => columnMeaning(s, null).kind !== "value" || (!looksLikeValue(s) && hasLetters(s)));
    const valued = !header && cells.some((s) => looksLikeValue(s));
    if ((num && !header) || (valued && hasLetters(at(grid, r, labelCol)))) {
      firstDataRow = r;
      break;
    }
  }
  const headerRows = Array.from({ length: firstDataRow }, (_, r) => r);
  // Unit column: right of the wording, mostly unit words.
  let unitCol: number | null = null;
  for (let c = labelCol + 1; c < width; c++) {
    let units = 0;
    let values = 0;
    for (let r = firstDataRow; r < grid.length; r++) {
      const s = at(grid, r, c);
      if (UNIT_WORDS.test(s)) units++;
      else if (looksLikeValue(s)) values++;
    }
    if (units > values) {
      unitCol = c;
      break;
    }
  }
  // Header text of each column; a merged header shows only in its first column: carry it right.
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const h = headerRows.map((r) => at(grid, r, c)).filter(Boolean).join(" ");
    headers.push(h.length > 200 ? `${h.slice(0, 200)}…` : h);
  }
  const columns: ValueColumn[] = [];
  let carried = "";
  for (let c = labelCol + 1; c < width; c++) {
    if (c === unitCol) continue;
    const hasValues = grid.some((_, r) => r >= firstDataRow && looksLikeValue(grid[r]?.[c]));
    const own = headers[c];
    const header = own || carried;
    if (own) carried = own;
    if (!hasValues) continue;
    const shareOnly = /^(%|доля|уд\.?\s*вес|удельный вес)/i.test(cleanText(headerRows.length ? at(grid, headerRows[headerRows.length - 1], c) : ""));
    const prev = columns[columns.length - 1];
    if (shareOnly && prev && prev.col === c - 1) {
      columns.push({ col: c, header, meaning: prev.meaning, shareOf: prev.col });
      continue;
    }
    columns.push({ col: c, header, meaning: columnMeaning(stripSub(header), year) });
  }
  if (labelCol < 0) labelCol = 0;
  return { headerRows, firstDataRow, numberCol, labelCol, unitCol, columns };
}

/** A header without its last line's sub-header («чел.», «%»). */
function stripSub(h: string): string {
  return h.replace(/\s+(чел\.?|человек|%|значение)$/i, "").trim();
}
