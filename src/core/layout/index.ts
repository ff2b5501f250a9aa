/**
 * buildReportPlan: the standard report sheets («Паспорт», «Базовые показатели», one sheet per
 * section) as a WorkbookPlan, merged with what our sheets already hold so nothing typed is lost.
 */

import { fitRowHeights } from "./rowHeights";
import type { SheetKind, SheetPlan, WorkbookPlan } from "../plan";
import type { Indicator, Lang, Period, SectionId } from "../types";
import { comparePeriods, formatPeriod, formatSchoolYear, parsePeriodKey, periodKey } from "../periods";
import type { CellContent, ExistingReport, ExistingSheet } from "./existing";
import { LAYOUT as GRID, PASSPORT, blockValueCol, cellAddress, quoteSheetName } from "./grid";
import { REPORT_SECTIONS, ReportOptionsError, validateReportOptions, type ReportOptions } from "./options";
import { appliesTo, buildIndicatorSheet, buildPassportSheet, passportRowOf, type SheetRow } from "./sheets";
import { impossibleChecks, type CheckCell } from "./impossible";
import { LEVEL_FIELDS, PASSPORT_FIELDS, PASSPORT_SHEET_NAME, PROMPTS, QUALITY_DENOMINATOR_LABELS, S, SCHOOL_LEVELS, YES_NO, levelsFromFields, parseQualityDenominator, t } from "./strings";
import { STYLES } from "./styles";
import { asTyped, typedValue } from "./typed";
import { axisIsIdentity, axisOf, gridMove, moveOnAxis, sheetsMove, translateFormula, type CellPos } from "./refs";
import { SECTIONS, indicatorsOfSection, unitLabel } from "../catalog";

export * from "./options";
export type { ExistingReport, ExistingSheet, CellContent } from "./existing";
export { readSheetGrid } from "./existing";
export { LAYOUT, PASSPORT } from "./grid";
export { markerOf, parseMarker, MARKER_PREFIX } from "./markers";
export { levelsFromFields, parseQualityDenominator, LEVEL_FIELDS, PASSPORT_FIELDS, QUALITY_DENOMINATOR_LABELS, SCHOOL_LEVELS, type PassportFieldId, type QualityDenominator } from "./strings";
export { appliesTo } from "./sheets";
export { SHEET_KINDS } from "./markers";
export { NA_TEXT } from "./formulas";

/** Excel's limit on sheet name length. */
const MAX_SHEET_NAME = 31;

/** A name not in `taken` (case-insensitive): `name`, else «name (2)», «name (3)» … within 31 characters. */
export function freeSheetName(name: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

function sectionName(kind: SectionId, lang: Lang): string {
  const s = SECTIONS.find((x) => x.id === kind);
  return s ? s.name[lang] : kind;
}

function rowsOf(indicators: Indicator[], lang: Lang, existing: ExistingSheet | null): SheetRow[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const depth = (i: Indicator): number => {
    let d = 0;
    let p = i.parent ? byId.get(i.parent) : undefined;
    while (p && d < 5) {
      d++;
      p = p.parent ? byId.get(p.parent) : undefined;
    }
    return d;
  };
  const rows: SheetRow[] = indicators.map((i) => ({ id: i.id, number: i.number, name: t(i.name, lang), unit: unitLabel(i.unit, lang), depth: depth(i), indicator: i }));
  // Rows of an older sheet that the catalog no longer lists are kept (with their values) at the end.
  for (const r of existing?.rows ?? []) {
    if (!byId.has(r.id) && existing?.values[r.id]) rows.push({ ...r, depth: 0, indicator: null });
  }
  return rows;
}

/**
 * Build the plan. Throws ReportOptionsError (with ru/en messages) when validateReportOptions
 * finds a problem; call that first to show the messages without an exception.
 */
export function buildReportPlan(options: ReportOptions): WorkbookPlan {
  const errors = validateReportOptions(options);
  if (errors.length) throw new ReportOptionsError(errors);
  const lang: Lang = options.lang === "en" ? "en" : "ru";
  const existing: ExistingReport = options.existing ?? { sheetNames: [], sheets: [] };
  const ours = new Map<SheetKind, ExistingSheet>();
  for (const s of existing.sheets) if (!ours.has(s.kind)) ours.set(s.kind, s);

  // Sections: those asked for plus those already inserted (never drop a sheet with data).
  const wanted = new Set<SectionId>(options.sections.filter((s) => s !== "base"));
  for (const k of ours.keys()) if ((REPORT_SECTIONS as readonly string[]).includes(k)) wanted.add(k as SectionId);
  const kinds: SheetKind[] = ["passport", "base", ...REPORT_SECTIONS.filter((s) => wanted.has(s))];

  // Periods: those asked for plus those already on our sheets (union), in calendar order.
  const periodMap = new Map<string, Period>();
  for (const p of options.periods) periodMap.set(periodKey(p), { startYear: p.startYear, kind: p.kind });
  for (const s of ours.values()) {
    for (const key of s.periods) {
      const p = parsePeriodKey(key);
      if (p && !periodMap.has(key)) periodMap.set(key, p);
    }
  }
  const periods = [...periodMap.values()].sort(comparePeriods);

  // Names: ours keep their (possibly renamed) name; a foreign sheet with our name is never touched.
  const taken = [...existing.sheetNames];
  const names = new Map<SheetKind, { name: string; renamedFrom?: string }>();
  for (const kind of kinds) {
    const mine = ours.get(kind);
    if (mine) names.set(kind, { name: mine.name });
  }
  for (const kind of kinds) {
    if (names.has(kind)) continue;
    const wantedName = kind === "passport" ? t(PASSPORT_SHEET_NAME, lang) : sectionName(kind as SectionId, lang);
    const name = freeSheetName(wantedName, [...taken, ...[...names.values()].map((n) => n.name)]);
    names.set(kind, name === wantedName ? { name } : { name, renamedFrom: wantedName });
  }

  const baseIndicators = indicatorsOfSection("base");
  const baseRows = rowsOf(baseIndicators, lang, ours.get("base") ?? null);
  const rowOf: Record<string, number> = {};
  baseRows.forEach((r, i) => (rowOf[r.id] = GRID.firstDataRow + i));
  const passportName = names.get("passport")!.name;
  const base = {
    sheet: names.get("base")!.name,
    rowOf,
    qualityChoiceRef: `${quoteSheetName(passportName)}!${cellAddress(passportRowOf("quality_denominator"), PASSPORT.valueCol, true)}`,
  };

  const school = options.school.trim();
  const yearText = `${formatSchoolYear(options.schoolYear)} ${t(S.schoolYearShort, lang)}`;
  const sheets: SheetPlan[] = [];
  let valuesKept = 0;

  // Passport: the options win over what was typed before, except where they are empty.
  const old = ours.get("passport")?.fields ?? {};
  const fields: Record<string, CellContent> = {};
  const keepOr = (id: string, v: string | undefined) => {
    if (v !== undefined && v.trim() !== "") fields[id] = asTyped(v.trim());
    else if (old[id] !== undefined) {
      fields[id] = old[id];
      valuesKept++;
    }
  };
  keepOr("school", school);
  keepOr("municipality", options.municipality);
  keepOr("program", options.program);
  fields.school_year = formatSchoolYear(options.schoolYear);
  fields.periods = periods.map((p) => formatPeriod(p, lang, "long")).join("; ");
  // The denominator choice: the option, else the old choice (in the new language; an unknown text
  // is kept as typed: the share formula then uses the default), else students_assessed.
  const oldChoice = old.quality_denominator;
  if (options.qualityDenominator) fields.quality_denominator = QUALITY_DENOMINATOR_LABELS[options.qualityDenominator][lang];
  else if (oldChoice !== undefined) {
    const parsed = parseQualityDenominator(typeof oldChoice === "string" ? typedValue(oldChoice) : oldChoice);
    fields.quality_denominator = parsed ? QUALITY_DENOMINATOR_LABELS[parsed][lang] : oldChoice;
    valuesKept++;
  } else fields.quality_denominator = QUALITY_DENOMINATOR_LABELS.students_assessed[lang];
  // Levels of education: the option, else the old answers (in the new language), else all («да»).
  const oldLevels = levelsFromFields(old);
  const levels = options.levels ?? oldLevels ?? [...SCHOOL_LEVELS];
  if (!options.levels && oldLevels) valuesKept += SCHOOL_LEVELS.filter((l) => old[LEVEL_FIELDS[l]] !== undefined).length;
  for (const l of SCHOOL_LEVELS) fields[LEVEL_FIELDS[l]] = YES_NO[lang][levels.includes(l) ? 0 : 1];
  const known = new Set<string>(PASSPORT_FIELDS.map((f) => f.id));
  const extraFields = Object.keys(old).filter((k) => !known.has(k));
  for (const k of extraFields) {
    fields[k] = old[k];
    valuesKept++;
  }
  const choices = [QUALITY_DENOMINATOR_LABELS.students_assessed[lang], QUALITY_DENOMINATOR_LABELS.students_total[lang]];
  const moves = cellMoves(ours, baseRows, periods, extraFields, (kind) => (kind === "base" ? baseRows : rowsOf(indicatorsOfSection(kind as SectionId), lang, ours.get(kind) ?? null)));
  const formulaOn = (sheet: string) => (moves.size ? (f: string) => translateFormula(f, sheetsMove(sheet, moves)) : undefined);
  sheets.push({
    ...buildPassportSheet({
      name: passportName,
      lang,
      title: t(S.passportTitle, lang),
      values: fields,
      extraFields,
      denominatorPrompt: {
        rule: { kind: "list", items: choices },
        prompt: { title: PROMPTS.qualityDenominator.title[lang], message: PROMPTS.qualityDenominator.message[lang] },
        error: { title: PROMPTS.errorTitle[lang], message: PROMPTS.qualityDenominator.error[lang] },
      },
      formula: formulaOn(passportName),
      levelPrompt: {
        rule: { kind: "list", items: [...YES_NO[lang]] },
        prompt: { title: PROMPTS.level.title[lang], message: PROMPTS.level.message[lang] },
        error: { title: PROMPTS.errorTitle[lang], message: PROMPTS.level.error[lang] },
      },
    }),
    ...meta(names.get("passport")!, ours.has("passport")),
  });

  // Every indicator row of every sheet, so that the impossible-data checks can reach across sheets.
  const rowsByKind = new Map<SheetKind, SheetRow[]>();
  for (const kind of kinds) {
    if (kind !== "passport") rowsByKind.set(kind, kind === "base" ? baseRows : rowsOf(indicatorsOfSection(kind as SectionId), lang, ours.get(kind) ?? null));
  }
  const checks = reportChecks(lang, periods, [...rowsByKind].map(([kind, rows]) => ({ sheet: names.get(kind)!.name, rows })), base.qualityChoiceRef);

  for (const kind of kinds) {
    if (kind === "passport") continue;
    const ex = ours.get(kind) ?? null;
    const rows = rowsByKind.get(kind) as SheetRow[];
    const title = `${sectionName(kind as SectionId, lang)} — ${school ? `${school}, ` : ""}${yearText}`;
    const sheetName = names.get(kind)!.name;
    const { sheet, kept } = buildIndicatorSheet({
      name: sheetName, kind, title, lang, rows, periods, base, existing: ex, formula: formulaOn(sheetName), levels, checks: checks.filter((c) => c.sheet === sheetName),
    });
    valuesKept += kept;
    sheets.push({ ...sheet, ...meta(names.get(kind)!, ours.has(kind)) });
  }

  const styles = { ...STYLES };
  for (const sheet of sheets) sheet.rowHeights = fitRowHeights(sheet, styles);
  return { lang, sheets, styles, names: [], valuesKept };
}

/** The impossible-data checks of the report sheets about to be written (every period block sits in the same columns on every sheet). */
function reportChecks(lang: Lang, periods: Period[], sheets: { sheet: string; rows: SheetRow[] }[], qualityChoiceRef: string): CheckCell[] {
  const where = new Map<string, { sheet: string; row: number; ind: Indicator }>();
  for (const { sheet, rows } of sheets) {
    rows.forEach((r, i) => {
      if (r.indicator && !where.has(r.id)) where.set(r.id, { sheet, row: GRID.firstDataRow + i, ind: r.indicator });
    });
  }
  const colOf = new Map(periods.map((p, i) => [periodKey(p), blockValueCol(i)]));
  return impossibleChecks({
    lang,
    qualityChoiceRef,
    periodsOf: (id) => {
      const w = where.get(id);
      return w ? periods.filter((p) => appliesTo(w.ind, p)).map(periodKey) : [];
    },
    valueCell: (id, key) => {
      const w = where.get(id);
      const col = colOf.get(key);
      return w && col !== undefined ? { sheet: w.sheet, row: w.row, col } : null;
    },
  });
}

/**
 * How the cells of our existing sheets move in the new plan (refs.ts): indicator rows by id, period
 * columns (value and share) by period key, passport rows by field id. Sheets that do not move are left out.
 */
function cellMoves(
  ours: Map<SheetKind, ExistingSheet>,
  baseRows: SheetRow[],
  periods: Period[],
  extraFields: string[],
  rowsFor: (kind: SheetKind) => SheetRow[],
): Map<string, (row: number, col: number) => CellPos | null> {
  const moves = new Map<string, (row: number, col: number) => CellPos | null>();
  const newCols: [string, number][] = periods.flatMap((p, i) => {
    const c = GRID.firstPeriodCol + i * GRID.blockWidth;
    return [[`${periodKey(p)}#0`, c], [`${periodKey(p)}#1`, c + 1]] as [string, number][];
  });
  for (const [kind, ex] of ours) {
    if (kind === "passport") {
      const fieldIds = [...PASSPORT_FIELDS.map((f) => f.id as string), ...extraFields];
      const rows = axisOf(PASSPORT.firstFieldRow - 1, Object.entries(ex.rowOf), fieldIds.map((id, i) => [id, PASSPORT.firstFieldRow + i]));
      if (!axisIsIdentity(rows)) moves.set(ex.name, (row, col) => {
        const r = moveOnAxis(rows, row);
        return r === null ? null : { row: r, col };
      });
      continue;
    }
    const rows = kind === "base" ? baseRows : rowsFor(kind);
    const rowAxis = axisOf(GRID.subHeaderRow, Object.entries(ex.rowOf), rows.map((r, i) => [r.id, GRID.firstDataRow + i]));
    const oldCols = Object.entries(ex.periodCol).flatMap(([k, c]) => [[`${k}#0`, c], [`${k}#1`, c + 1]] as [string, number][]);
    const colAxis = axisOf(GRID.unitCol, oldCols, newCols);
    if (!axisIsIdentity(rowAxis) || !axisIsIdentity(colAxis)) moves.set(ex.name, gridMove(rowAxis, colAxis));
  }
  return moves;
}

function meta(n: { name: string; renamedFrom?: string }, existing: boolean): Partial<SheetPlan> {
  const m: Partial<SheetPlan> = {};
  if (n.renamedFrom) m.renamedFrom = n.renamedFrom;
  if (existing) m.existing = true;
  return m;
}
