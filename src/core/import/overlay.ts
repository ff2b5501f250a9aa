/**
 * Putting a planned import into what our sheets hold (ExistingReport, read before a re-insert), so
 * that the report plan writes it with everything else kept: values typed before are never
 * replaced without consent — a different typed value is a conflict, written only with `overwrite`.
 * Sheets the workbook lacks get a stand-in (by the name the plan will give them). Pure.
 */
import { getIndicator, SECTIONS } from "../catalog";
import type { CellContent, ExistingReport, ExistingSheet } from "../layout/existing";
import { freeSheetName } from "../layout";
import { typedText } from "../layout/typed";
import { PASSPORT_SHEET_NAME } from "../layout/strings";
import type { SheetKind } from "../plan";
import { parsePeriodKey } from "../periods";
import type { Indicator, Lang, Period, SectionId } from "../types";
import { parseValue } from "../values";
import type { ImportPlan, WriteValue } from "./types";

export interface ImportTarget {
  indicatorId: string;
  /** Report period key. */
  period: string;
  sheet: SheetKind;
  value: WriteValue;
}

export interface ImportConflict extends ImportTarget {
  /** What is typed in the cell now (as shown). */
  old: string;
}

/** Every cell the plan writes (the first row of a repeated item only). */
export function importTargets(plan: ImportPlan): ImportTarget[] {
  const out: ImportTarget[] = [];
  for (const r of plan.rows) {
    for (const v of r.values) {
      if (v.write === null || !v.period) continue;
      out.push({ indicatorId: r.indicatorId, period: v.period, sheet: r.sheet, value: v.write });
    }
  }
  return out;
}

/** Whether a typed cell already says what the import would write (21 and "21", «да» and 1 …). */
function same(ind: Indicator, typed: CellContent, value: WriteValue): boolean {
  const a = parseValue(typeof typed === "string" ? typedText(typed) : typed, ind.unit);
  const b = parseValue(value, ind.unit);
  if (a.kind === "number" && b.kind === "number") return Math.abs(a.value - b.value) < 1e-9;
  if (a.kind === "na" && b.kind === "na") return true;
  return typeof typed === "string" && typedText(typed).trim() === String(value);
}

const sheetOf = (existing: ExistingReport, kind: SheetKind): ExistingSheet | undefined => existing.sheets.find((s) => s.kind === kind);

/** The cells the plan would change whose typed value differs, and how many already hold the same. */
export function importConflicts(existing: ExistingReport, plan: ImportPlan): { conflicts: ImportConflict[]; unchanged: number } {
  const conflicts: ImportConflict[] = [];
  let unchanged = 0;
  for (const t of importTargets(plan)) {
    const typed = sheetOf(existing, t.sheet)?.values[t.indicatorId]?.[t.period];
    if (typed === undefined) continue;
    const ind = getIndicator(t.indicatorId) as Indicator;
    if (same(ind, typed, t.value)) unchanged++;
    else conflicts.push({ ...t, old: typedText(typed) });
  }
  return { conflicts, unchanged };
}

export interface Overlaid {
  existing: ExistingReport;
  written: ImportTarget[];
  /** Typed values left as they were (conflicts without `overwrite`). */
  kept: ImportConflict[];
  /** Conflicts replaced (with `overwrite`). */
  replaced: ImportConflict[];
  unchanged: number;
  /** Report periods and sections the plan needs. */
  periods: Period[];
  sections: SectionId[];
}

function standIn(kind: SheetKind, existing: ExistingReport, lang: Lang, taken: string[]): ExistingSheet {
  const wanted = kind === "passport" ? PASSPORT_SHEET_NAME[lang] : (SECTIONS.find((s) => s.id === kind)?.name[lang] ?? kind);
  const name = freeSheetName(wanted, [...existing.sheetNames, ...taken]);
  return { name, kind, periods: [], values: {}, rows: [], fields: {}, rowOf: {}, periodCol: {} };
}

/** The existing report with the plan's values put in (a copy; the input is not changed). */
export function overlayImport(existing: ExistingReport, plan: ImportPlan, o: { overwrite: boolean; lang: Lang }): Overlaid {
  const sheets = existing.sheets.map((s) => ({ ...s, values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, { ...v }])) }));
  const copy: ExistingReport = { sheetNames: [...existing.sheetNames], sheets };
  const out: Overlaid = { existing: copy, written: [], kept: [], replaced: [], unchanged: 0, periods: [], sections: [] };
  const periods = new Map<string, Period>();
  const sections = new Set<SectionId>();
  for (const t of importTargets(plan)) {
    const ind = getIndicator(t.indicatorId) as Indicator;
    let sheet = sheets.find((s) => s.kind === t.sheet);
    if (!sheet) {
      // A stand-in only when the workbook has our sheets at all: the insert names new sheets itself otherwise.
      sheet = standIn(t.sheet, copy, o.lang, sheets.map((s) => s.name));
      sheets.push(sheet);
    }
    if (t.sheet !== "base") sections.add(t.sheet as SectionId);
    const p = parsePeriodKey(t.period);
    if (p) periods.set(t.period, p);
    const typed = sheet.values[t.indicatorId]?.[t.period];
    if (typed !== undefined) {
      if (same(ind, typed, t.value)) {
        out.unchanged++;
        continue;
      }
      const conflict = { ...t, old: typedText(typed) };
      if (!o.overwrite) {
        out.kept.push(conflict);
        continue;
      }
      out.replaced.push(conflict);
    }
    (sheet.values[t.indicatorId] ??= {})[t.period] = t.value;
    out.written.push(t);
  }
  out.periods = [...periods.values()];
  out.sections = [...sections];
  return out;
}
