/**
 * planImport: a pasted indicator table (or a Word table) → what goes into which report cell, what
 * was not recognised, and the findings on the way in. Pure; never throws on odd input.
 */
import { appliesToLevels, getIndicator } from "../catalog";
import { appliesTo } from "../layout/sheets";
import { YES_NO } from "../layout/strings";
import { NA_TEXT } from "../layout/formulas";
import type { SheetKind } from "../plan";
import { comparePeriods, parsePeriodKey, periodKey } from "../periods";
import type { Indicator, Period } from "../types";
import { readCell } from "./cells";
import { tableShape } from "./columns";
import { deriveCounts, deriveDenominators, importFindings } from "./findings";
import { isHeadingNumber, itemsNumbered, rankByWording, recognizeRow, subItemsOf } from "./match";
import { cleanText, hasLetters, leadingNumber } from "./text";
import type { ColumnUse, DocTable, ImportGrid, ImportOptions, ImportPlan, ImportRow, ImportedValue } from "./types";

/** Tables longer than this are cut (a 1324 table has about 60 rows; a program's, a few hundred). */
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_COLS = 60;

interface LogicalRow {
  rows: number[];
  number: string;
  text: string;
  cells: Map<number, string>;
}

const at = (grid: ImportGrid, r: number, c: number): string => cleanText(grid[r]?.[c]);

/** Rows as people read them: a wording Word split over two rows joined back. */
function logicalRows(grid: ImportGrid, shape: NonNullable<ReturnType<typeof tableShape>>, valueCols: number[]): LogicalRow[] {
  const out: LogicalRow[] = [];
  for (let r = shape.firstDataRow; r < grid.length; r++) {
    let number = "";
    let text = at(grid, r, shape.labelCol);
    const numCell = shape.numberCol !== null ? at(grid, r, shape.numberCol) : "";
    const fromCol = numCell ? leadingNumber(numCell) : null;
    if (fromCol && fromCol.rest === "") number = fromCol.number;
    else {
      const lead = leadingNumber(text);
      if (lead && hasLetters(lead.rest)) {
        number = lead.number;
        text = lead.rest;
      }
    }
    const cells = new Map<number, string>();
    for (const c of valueCols) {
      const v = at(grid, r, c);
      if (v) cells.set(c, v);
    }
    if (!number && !text && cells.size === 0) continue;
    const prev = out[out.length - 1];
    // Values a row below a wording without values (Word merged the wording cell over two rows).
    if (prev && !number && !text && prev.cells.size === 0) {
      for (const [c, v] of cells) prev.cells.set(c, v);
      prev.rows.push(r);
      continue;
    }
    if (prev && !number && text && continues(prev, text, cells.size > 0)) {
      prev.text = prev.text.endsWith("-") ? prev.text.slice(0, -1) + text : `${prev.text} ${text}`;
      prev.rows.push(r);
      for (const [c, v] of cells) if (!prev.cells.has(c)) prev.cells.set(c, v);
      continue;
    }
    out.push({ rows: [r], number, text, cells });
  }
  return out;
}

/** Whether a row without a number continues the wording of the row above. */
function continues(prev: LogicalRow, text: string, hasValues: boolean): boolean {
  if (/[-‐]$/.test(prev.text)) return true;
  if (/:\s*$/.test(prev.text)) return false;
  const prevValues = prev.cells.size > 0;
  return prevValues !== hasValues && /^[а-яёa-z(«"]/.test(text);
}

function sheetOf(ind: Indicator): SheetKind {
  return ind.section;
}

/** The report period an item of a column goes to: the column's, or the exam session of a year column. */
function routePeriod(ind: Indicator, p: Period): Period | null {
  if (appliesTo(ind, p)) return p;
  if (p.kind === "Y" && ind.periodicity.includes("E")) return { startYear: p.startYear, kind: "E" };
  return null;
}

/** The value columns and the period each goes to (the options' assignment wins over the headers). */
function columnUses(shape: NonNullable<ReturnType<typeof tableShape>>, o: ImportOptions): ColumnUse[] {
  const chosen = periodKey(o.period);
  const anyPeriod = shape.columns.some((c) => c.meaning.kind === "period");
  let defaulted = false;
  const uses: ColumnUse[] = shape.columns.map((c) => {
    let period: string | null = null;
    if (c.meaning.kind === "period") period = periodKey(c.meaning.period);
    else if (!anyPeriod && !defaulted && c.shareOf === undefined) {
      // Beside several schools' columns a plain value column is a total or a mean, not this school's.
      const schools = shape.columns.filter((x) => x.meaning.kind === "school").length;
      if (schools < 2) {
        period = chosen;
        defaulted = true;
      }
    }
    return { col: c.col, header: c.header, meaning: c.meaning, period, ...(c.shareOf !== undefined ? { shareOf: c.shareOf } : {}) };
  });
  const asked = o.columns ?? {};
  for (const u of uses) {
    if (Object.prototype.hasOwnProperty.call(asked, u.col)) {
      const k = asked[u.col];
      u.period = typeof k === "string" && parsePeriodKey(k) ? periodKey(parsePeriodKey(k) as Period) : null;
    }
  }
  // A share column follows its count column.
  for (const u of uses) if (u.shareOf !== undefined) u.period = uses.find((x) => x.col === u.shareOf)?.period ?? null;
  return uses;
}

function emptyShape(): ImportPlan["shape"] {
  return { headerRows: [], firstDataRow: 0, numberCol: null, labelCol: 0, unitCol: null, columns: [] };
}

/**
 * An item number Excel read as a number loses its trailing zero («1.30» → 1.3, «1.10» → 1.1): when
 * the wording fits the item with the zero better, that is the number.
 */
function restoreZero(number: string, text: string): string {
  if (!/^\d+\.\d$/.test(number) || !text) return number;
  const withZero = `${number}0`;
  const ids = (n: string) => (isHeadingNumber(n) ? subItemsOf(n) : itemsNumbered(n).map((i) => i.id));
  const score = (n: string) => (ids(n).length ? (rankByWording(text, ids(n))[0]?.score ?? 0) : 0);
  return score(withZero) > score(number) + 0.1 ? withZero : number;
}

/** Plan the import of a table. */
export function planImport(input: ImportGrid, o: ImportOptions): ImportPlan {
  const grid: ImportGrid = (Array.isArray(input) ? input : []).slice(0, MAX_IMPORT_ROWS).map((r) => (Array.isArray(r) ? r.slice(0, MAX_IMPORT_COLS) : []));
  const shape = tableShape(grid, o.period.startYear);
  const plan: ImportPlan = { shape: shape ?? emptyShape(), columns: [], rows: [], unrecognised: [], headings: [], findings: [], periods: [], cells: 0 };
  if (!shape) return plan;
  plan.columns = columnUses(shape, o);
  const used = plan.columns.filter((c) => c.period !== null);
  const countCols = used.filter((c) => c.shareOf === undefined);
  const logical = logicalRows(grid, shape, plan.columns.map((c) => c.col));

  let parent: string | undefined;
  const seen = new Set<string>();
  for (const row of logical) {
    row.number = restoreZero(row.number, row.text);
    if (row.number && isHeadingNumber(row.number)) {
      parent = row.number;
      plan.headings.push(`${row.number} ${row.text}`.trim());
      continue;
    }
    const m = recognizeRow(row.number, row.text, row.number ? undefined : parent);
    if (!m) {
      if (row.cells.size === 0) {
        if (row.text || row.number) plan.headings.push(`${row.number} ${row.text}`.trim());
      } else {
        plan.unrecognised.push({ rows: row.rows, number: row.number, text: row.text, values: plan.columns.map((c) => row.cells.get(c.col) ?? "") });
      }
      if (row.number) parent = undefined;
      continue;
    }
    const ind = getIndicator(m.indicatorId) as Indicator;
    if (subItemsOf(ind.id).length) parent = ind.id;
    else if (row.number && m.by !== "subRow" && !(parent && subItemsOf(parent).includes(ind.id))) parent = undefined;
    const out: ImportRow = { rows: row.rows, number: row.number, text: row.text, indicatorId: ind.id, by: m.by, sheet: sheetOf(ind), values: [] };
    // An earlier row of the item without any value (a heading-like row) gives way to this one.
    const earlier = plan.rows.findIndex((x) => x.indicatorId === ind.id);
    if (earlier >= 0 && plan.rows[earlier].values.every((v) => v.reading.kind === "empty")) {
      plan.rows.splice(earlier, 1);
      seen.delete(ind.id);
    }
    const duplicate = seen.has(ind.id);
    seen.add(ind.id);
    if (m.numberDiffers) {
      plan.findings.push({
        rule: "number_differs", severity: "info", indicatorId: ind.id,
        message: {
          ru: `Строка «${row.number} ${short(row.text)}» распознана по формулировке как п. ${ind.number || "—"} «${ind.short.ru}»`,
          en: `The row "${row.number} ${short(row.text)}" is recognised by its wording as item ${ind.number || "—"} "${ind.short.en}"`,
        },
      });
    }
    for (const c of countCols) {
      const shareCol = used.find((x) => x.shareOf === c.col);
      let raw = row.cells.get(c.col) ?? "";
      if (shareCol && ind.unit.kind === "countShare") {
        const s = row.cells.get(shareCol.col) ?? "";
        if (s) raw = raw ? `${raw}/${s}` : s.includes("%") ? s : `${s}%`;
      }
      const reading = readCell(raw, ind.unit);
      const colPeriod = parsePeriodKey(c.period) as Period;
      const target = routePeriod(ind, colPeriod);
      const v: ImportedValue = { col: c.col, columnPeriod: c.period as string, period: target ? periodKey(target) : null, reading, write: null };
      out.values.push(v);
      if (reading.kind === "empty") continue;
      if (duplicate) v.skip = "duplicate";
      else if (!target) v.skip = "period";
      else if (reading.kind === "error") v.skip = "unreadable";
      else if (reading.kind === "na") v.write = NA_TEXT;
      else if (!appliesToLevels(ind, o.levels)) v.skip = "notApplicable";
      else if (ind.unit.kind === "yesNo") v.write = YES_NO[o.lang][reading.value === 1 ? 0 : 1];
      else if (reading.value !== undefined) v.write = reading.value;
      else v.skip = "noCount";
    }
    if (duplicate) {
      plan.findings.push({
        rule: "duplicate_row", severity: "warning", indicatorId: ind.id,
        message: { ru: `«${ind.short.ru}» встречается в таблице дважды: записана первая строка`, en: `"${ind.short.en}" appears twice in the table: the first row is written` },
      });
    }
    plan.rows.push(out);
  }
  plan.findings.push(...deriveDenominators(plan, o));
  plan.findings.push(...deriveCounts(plan, o));
  examDenominators(plan);
  plan.findings.push(...importFindings(plan, o));
  const periods = new Map<string, Period>();
  for (const r of plan.rows) {
    for (const v of r.values) {
      if (v.write === null || !v.period) continue;
      plan.cells++;
      periods.set(v.period, parsePeriodKey(v.period) as Period);
    }
  }
  plan.periods = [...periods.values()].sort(comparePeriods);
  return plan;
}

/**
 * Exam items of a year column go to the exam session, and their shares divide by the graduates of
 * that session: a graduates' count of the column is written to the session too.
 */
function examDenominators(plan: ImportPlan): void {
  for (const r of plan.rows) {
    const ind = getIndicator(r.indicatorId) as Indicator;
    if (!ind.periodicity.includes("E")) continue;
    for (const v of [...r.values]) {
      if (v.write === null || !v.period || v.skip) continue;
      const p = parsePeriodKey(v.period) as Period;
      if (p.kind !== "Y") continue;
      const exam = periodKey({ startYear: p.startYear, kind: "E" });
      const used = plan.rows.some((x) => {
        const xi = getIndicator(x.indicatorId) as Indicator;
        return xi.unit.kind === "countShare" && xi.unit.denominator.includes(ind.id) && x.values.some((y) => y.col === v.col && y.period === exam && y.write !== null);
      });
      if (used && !r.values.some((y) => y.col === v.col && y.period === exam)) r.values.push({ ...v, period: exam });
    }
  }
}

/** Plan the import of a Word document's table (`index` among its tables). */
export function planImportFromDoc(tables: readonly DocTable[], index: number, o: ImportOptions): ImportPlan {
  const t = tables[index];
  return planImport(t ? t.rows : [], o);
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

