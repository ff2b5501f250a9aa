/**
 * «Свод» straight from a municipal table (rows = indicators, columns = schools): the selection (or
 * a Word table) is read as «Загрузить таблицу показателей» reads it, each school column becomes a
 * school's report (core/import/schools.ts), and the schools are consolidated by `consolidate` like
 * schools read from files. No school sheets are made; the table's own findings (a printed share ≠
 * count / denominator …) are listed on «Свод» beside the consolidation's.
 */
import { findingsForSummary, schoolSources, type SchoolFinding } from "../core/import";
import { comparePeriods, isPeriod, periodKey } from "../core/periods";
import type { Lang, Period } from "../core/types";
import type { SourceFinding } from "../xlsx/light/school";
import { CONSOLIDATE_TABLE_ERRORS } from "../i18n/consolidateTable";
import { IMPORT_ERRORS } from "../i18n/import";
import type { CommandResult } from "./commands";
import { consolidate, type ConsolidateResult } from "./consolidate";
import { readImportGrid } from "./importTable";

export interface ConsolidateTableOptions {
  lang: Lang;
  /** The school year and period the table's values are for. */
  period: Period;
  /** A Word document's table instead of the selection. */
  grid?: string[][];
  gridSource?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ConsolidateTableResult extends ConsolidateResult {
  /** The range read, e.g. "Лист1!A1:G12". */
  source: string;
  /** The school columns' headers, in table order. */
  tableSchools: string[];
  /** Headers of value columns left out as not schools («Итого по району»). */
  ignored: string[];
  /** Every school's import findings, labelled. */
  tableFindings: SchoolFinding[];
}

export async function consolidateTable(o: ConsolidateTableOptions): Promise<CommandResult<ConsolidateTableResult>> {
  if (!o || !isPeriod(o.period)) return { ok: false, error: { code: "invalidOptions", message: IMPORT_ERRORS.badPeriod } };
  const lang: Lang = o.lang === "en" ? "en" : "ru";
  const read = await readImportGrid(o);
  if (!read.ok) return read;
  const imp = schoolSources(read.grid, { period: o.period, lang });
  if (!imp.schools.length) return { ok: false, error: { code: "noSchools", message: CONSOLIDATE_TABLE_ERRORS.noSchools } };
  if (imp.schools.every((s) => s.plan.rows.length === 0)) return { ok: false, error: { code: "noRows", message: CONSOLIDATE_TABLE_ERRORS.noRows } };
  // Every period the columns write (a year column's exam items go to the exam session), side by side.
  const periods = new Map<string, Period>();
  for (const s of imp.schools) for (const p of s.source.report.periods) periods.set(periodKey(p), p);
  const sourceFindings: SourceFinding[] = findingsForSummary(imp).map((f) => ({ label: f.school, code: "tableFinding", message: f.message }));
  const r = await consolidate({
    sources: imp.schools.map((s) => s.source),
    sourceFindings,
    useOpenWorkbook: false,
    period: periods.size ? [...periods.values()].sort(comparePeriods) : o.period,
    lang,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  if (!r.ok) return r;
  const { ok: _ok, ...out } = r;
  return {
    ok: true,
    ...out,
    source: read.source,
    tableSchools: imp.schools.map((s) => s.label),
    ignored: imp.ignored.map((c) => c.header),
    tableFindings: imp.findings,
  } as CommandResult<ConsolidateTableResult>;
}
