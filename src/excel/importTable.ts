/**
 * «Загрузить таблицу показателей» (issue 19): the user pastes a self-examination (or program)
 * indicator table into a sheet and selects it. `previewImport` reads the selection's text and our
 * sheets (one Excel.run, 2 syncs, no write) and returns what would be written where, what was not
 * recognised, the findings, and the conflicts with values typed before. `writeImport` re-reads the
 * selection and writes through the report's read → plan → apply (insertReport with an overlay), so
 * missing sheets and periods are inserted and everything else on the sheets is kept; a typed value
 * is replaced only with `overwrite`. One school per workbook: a table with several school columns
 * is imported one column (school) at a time.
 */
import { getIndicator } from "../core/catalog";
import { importConflicts, importTargets, overlayImport, planImport, type ImportConflict, type ImportOptions, type ImportPlan, type ImportTarget } from "../core/import";
import { levelsFromFields, parseQualityDenominator, readSheetGrid, SHEET_KINDS, type ExistingReport } from "../core/layout";
import { typedValue } from "../core/layout/typed";
import { cellAddress } from "../core/layout/grid";
import { isPeriod, periodKey } from "../core/periods";
import type { Lang, Period, SchoolLevel, Text } from "../core/types";
import { CommandStop, session, type CommandResult } from "./commands";
import { insertReport, type InsertResult } from "./insertReport";
import { localAddress } from "./read";
import { IMPORT_ERRORS } from "../i18n/import";

export interface ImportTableOptions {
  lang: Lang;
  /** Where a value column without a period in its header goes. */
  period: Period;
  /** Column (0-based in the selection) → period key, or null to leave it out. */
  columns?: Record<number, string | null>;
  /** A table from elsewhere (a Word document's table) instead of the selection. */
  grid?: string[][];
  /** Where `grid` came from, shown as the source (e.g. the file name and the table's heading). */
  gridSource?: string;
}

/** A cell the import writes, with its place on the sheets (address null: a sheet or period column still to be inserted). */
export interface PreviewTarget extends ImportTarget {
  sheetName: string | null;
  address: string | null;
}

export interface ImportPreview {
  /** The range read, e.g. "Лист1!A1:D40". */
  source: string;
  plan: ImportPlan;
  targets: PreviewTarget[];
  conflicts: ImportConflict[];
  /** Cells that already hold the same value. */
  unchanged: number;
  school: string;
  schoolYear: number | null;
  levels: SchoolLevel[] | null;
}

/** Selections taller or wider than this are refused (a 1324 table has about 60 rows). */
const MAX_ROWS = 2000;
const MAX_COLS = 60;

interface Selection {
  used: Excel.Range;
  sheet: Excel.Worksheet;
}

/** A table passed in (Word), cut to the same limits as a selection; null when none was passed. */
function givenGrid(o: Pick<ImportTableOptions, "grid">): string[][] | Text | null {
  if (!Array.isArray(o.grid)) return null;
  if (o.grid.length > MAX_ROWS || o.grid.some((r) => !Array.isArray(r) || r.length > MAX_COLS)) return IMPORT_ERRORS.tooLarge;
  return o.grid.map((r) => r.map((c) => (typeof c === "string" ? c : String(c ?? ""))));
}

function loadSelection(context: Excel.RequestContext): Selection {
  const selected = context.workbook.getSelectedRange();
  const sheet = selected.worksheet;
  sheet.load("name");
  const used = selected.getUsedRangeOrNullObject(true);
  // The cells as shown: «21%» stays a percent, «42/21%» a text, whatever the number formats; the API's
  // text does not depend on the column width (no «###»).
  used.load("address,rowCount,columnCount,text");
  return { used, sheet };
}

/** The grid of the selection, or the reason it cannot be read. */
function gridOf(sel: Selection, ourNames: string[]): string[][] | Text {
  if (ourNames.includes(sel.sheet.name)) return IMPORT_ERRORS.ours;
  if (sel.used.isNullObject) return IMPORT_ERRORS.empty;
  if (sel.used.rowCount > MAX_ROWS || sel.used.columnCount > MAX_COLS) return IMPORT_ERRORS.tooLarge;
  return (sel.used.text as string[][]).map((r) => r.map((c) => (typeof c === "string" ? c : String(c ?? ""))));
}

function optionsOf(o: ImportTableOptions, levels: SchoolLevel[] | undefined, qualityDenominator: string | undefined): ImportOptions {
  const x: ImportOptions = { period: o.period, lang: o.lang === "en" ? "en" : "ru" };
  if (levels) x.levels = levels;
  if (qualityDenominator) x.qualityDenominator = qualityDenominator;
  if (o.columns) x.columns = o.columns;
  return x;
}

function badOptions(o: ImportTableOptions): Text | null {
  return !o || !isPeriod(o.period) ? IMPORT_ERRORS.badPeriod : null;
}

/** What the import would do (no write). Never throws. */
export async function previewImport(o: ImportTableOptions): Promise<CommandResult<ImportPreview>> {
  const bad = badOptions(o);
  if (bad) return { ok: false, error: { code: "invalidOptions", message: bad } };
  return session<ImportPreview, Selection>(
    async (s, sel) => {
      const grid = givenGrid(o) ?? gridOf(sel, s.read.ours.map((x) => x.name));
      if (!Array.isArray(grid)) throw new CommandStop({ code: "selection", message: grid });
      const levels = s.report.data.levels;
      const plan = planImport(grid, optionsOf(o, levels, s.report.data.qualityDenominator));
      if (plan.rows.length === 0) throw new CommandStop({ code: "noRows", message: IMPORT_ERRORS.noRows });
      const existing: ExistingReport = { sheetNames: s.read.sheetNames, sheets: [] };
      for (const x of s.read.ours) {
        if (!SHEET_KINDS.includes(x.kind)) continue;
        const sheet = readSheetGrid(x.name, x.formulas);
        if (sheet) existing.sheets.push(sheet);
      }
      const { conflicts, unchanged } = importConflicts(existing, plan);
      const targets = importTargets(plan).map((t) => {
        const sheet = existing.sheets.find((x) => x.kind === t.sheet);
        const row = sheet?.rowOf[t.indicatorId];
        const col = sheet?.periodCol[t.period];
        return { ...t, sheetName: sheet?.name ?? null, address: row && col ? cellAddress(row, col) : null };
      });
      return {
        source: givenGrid(o) ? (o.gridSource ?? "") : `${sel.sheet.name}!${localAddress(sel.used.address)}`,
        plan, targets, conflicts, unchanged,
        school: s.report.school, schoolYear: s.report.schoolYear, levels: levels ?? null,
      };
    },
    (context) => (givenGrid(o) ? ({} as Selection) : loadSelection(context)),
    "analysis",
  );
}

/** The table the import would read (the selection's cells as shown, or `o.grid`) and its source; no write. */
export async function readImportGrid(o: Pick<ImportTableOptions, "grid" | "gridSource">): Promise<CommandResult<{ grid: string[][]; source: string }>> {
  return session<{ grid: string[][]; source: string }, Selection>(
    async (s, sel) => {
      const given = givenGrid(o);
      const grid = given ?? gridOf(sel, s.read.ours.map((x) => x.name));
      if (!Array.isArray(grid)) throw new CommandStop({ code: "selection", message: grid });
      return { grid, source: given ? (o.gridSource ?? "") : `${sel.sheet.name}!${localAddress(sel.used.address)}` };
    },
    (context) => (givenGrid(o) ? ({} as Selection) : loadSelection(context)),
    "analysis",
  );
}

export interface ImportWriteOptions extends ImportTableOptions {
  /** The school (the report's, or a new report's). */
  school: string;
  /** The report's school year; the period's by default. */
  schoolYear?: number;
  /** Replace values typed before (default: keep them and report them). */
  overwrite?: boolean;
}

export type ImportWriteResult =
  | {
      ok: true;
      written: ImportTarget[];
      /** Typed values kept (conflicts without `overwrite`). */
      kept: ImportConflict[];
      replaced: ImportConflict[];
      unchanged: number;
      created: string[];
      updated: string[];
      syncs: number;
    }
  | { ok: false; error: { code: string; message: Text } };

/** Write the selection's table into the report sheets. Never throws. */
export async function writeImport(o: ImportWriteOptions): Promise<ImportWriteResult> {
  const bad = badOptions(o);
  if (bad) return { ok: false, error: { code: "invalidOptions", message: bad } };
  const lang: Lang = o.lang === "en" ? "en" : "ru";
  const given = givenGrid(o);
  let sel: Selection | null = null;
  let done: ReturnType<typeof overlayImport> | null = null;
  const r: InsertResult = await insertReport(
    { school: typeof o.school === "string" ? o.school : "", schoolYear: o.schoolYear ?? o.period.startYear, periods: [o.period], sections: [], lang },
    {},
    {
      prepare: (context) => {
        if (!given) sel = loadSelection(context);
      },
      overlay: (existing) => {
        const ours = existing.sheets.map((x) => x.name);
        const grid = given ?? (sel ? gridOf(sel, ours) : IMPORT_ERRORS.empty);
        if (!Array.isArray(grid)) return { stop: grid };
        const passport = existing.sheets.find((x) => x.kind === "passport");
        const fields = Object.fromEntries(Object.entries(passport?.fields ?? {}).map(([k, v]) => [k, typedValue(v)]));
        const levels = levelsFromFields(fields);
        const plan = planImport(grid, optionsOf(o, levels, parseQualityDenominator(fields.quality_denominator) ?? undefined));
        if (plan.rows.length === 0) return { stop: IMPORT_ERRORS.noRows };
        done = overlayImport(existing, plan, { overwrite: o.overwrite === true, lang });
        return { existing: done.existing, periods: done.periods, sections: done.sections };
      },
    },
  );
  if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
  const d = done as ReturnType<typeof overlayImport> | null;
  if (!d) return { ok: false, error: { code: "unknown", message: IMPORT_ERRORS.empty } };
  return { ok: true, written: d.written, kept: d.kept, replaced: d.replaced, unchanged: d.unchanged, created: r.created, updated: r.updated, syncs: r.syncs };
}

/** The label of an indicator for the preview. */
export const indicatorLabel = (id: string, lang: Lang): string => getIndicator(id)?.short[lang] ?? id;
export { periodKey };
