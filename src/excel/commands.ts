/**
 * The task pane's analysis commands: read our sheets, build the sheets in core, apply them. Each
 * command is one Excel.run with at most 3 syncs (names and markers; our sheets' contents; the
 * writes) under the request budget, and never throws: failures come back as typed results.
 */
import { unitLabel } from "../core/catalog";
import { freeSheetName } from "../core/layout";
import { buildDynamicsSheet, DYNAMICS_SHEET_NAME } from "../core/layout/dynamicsSheet";
import { analysisStyles, buildHighlights, type SheetHighlights } from "../core/layout/highlight";
import { buildRisksSheet, OVERDUE_STYLES, RISKS_SHEET_NAME } from "../core/layout/risksSheet";
import { buildTargetsSheet, targetRefs, TARGETS_SHEET_NAME, type TargetsLayout, type TargetsSheetResult } from "../core/layout/targetsSheet";
import type { PlanStyle, SheetKind, SheetPlan, WorkbookPlan } from "../core/plan";
import { comparePeriods as periodOrder, isPeriod, periodKey } from "../core/periods";
import { readReport, timelineOf, type ReportData } from "../core/report";
import { filledPeriods } from "../core/judge";
import { computeRisks, type RoadmapOverdue } from "../core/risks";
import type { IsoDate } from "../core/roadmap";
import type { Lang, Period, Text } from "../core/types";
import { officeBytes, queueCells, queuePlan, RequestBudget, size, type Capabilities } from "./apply";
import { queueCharts } from "./charts";
import { COMMON_ERRORS, isSetSupported, mapOfficeError, type PayloadCommand } from "./errors";
import { readOurSheets, statesOf, type WorkbookRead } from "./readReport";

export type CommandError = { code: string; message: Text };
export type CommandResult<T> = ({ ok: true } & T) | { ok: false; error: CommandError };

const ERRORS = {
  ...COMMON_ERRORS,
  noReport: {
    ru: "В книге нет листов отчёта «Мониторинг ШНОР». Сначала вставьте листы показателей.",
    en: "The workbook has no School Support Monitor report sheets. Insert the indicator sheets first.",
  },
  badPeriods: {
    ru: "Выберите два разных периода отчёта: более ранний и более поздний.",
    en: "Pick two different report periods: an earlier and a later one.",
  },
  periodNotInReport: {
    ru: "Этих периодов нет на листах показателей. Добавьте их при вставке листов или выберите другие.",
    en: "These periods are not on the indicator sheets. Add them when inserting the sheets, or pick others.",
  },
} satisfies Record<string, Text>;

const fail = (code: keyof typeof ERRORS): { ok: false; error: CommandError } => ({ ok: false, error: { code, message: ERRORS[code] } });

class CommandFailure extends Error {
  constructor(readonly code: keyof typeof ERRORS) {
    super(code);
  }
}

/** Thrown inside a session body (before any write is queued) to end the command with this error. */
export class CommandStop extends Error {
  constructor(readonly error: CommandError) {
    super(error.code);
  }
}

function capabilities(): Capabilities {
  return { validation: isSetSupported("1.8"), pageLayout: isSetSupported("1.9"), conditionalFormats: isSetSupported("1.6") };
}

export interface Session {
  context: Excel.RequestContext;
  read: WorkbookRead;
  report: ReportData;
  budget: RequestBudget;
  caps: Capabilities;
  sync: () => Promise<void>;
}

/**
 * One Excel.run: read our sheets, then `body` queues the writes; the final sync sends them.
 * `prepare` may queue loads of its own before the first sync (they arrive with it, no extra sync).
 * `command` picks the advice of a request too large.
 */
export async function session<T, P = undefined>(
  body: (s: Session, prepared: P) => Promise<T>,
  prepare?: (context: Excel.RequestContext) => P,
  command: PayloadCommand = "analysis",
): Promise<CommandResult<T>> {
  if (!isSetSupported("1.7")) return fail("apiNotSupported");
  const caps = capabilities();
  try {
    const value = await Excel.run(async (context) => {
      const sync = async () => {
        await context.sync();
      };
      const prepared = prepare?.(context) as P;
      const read = await readOurSheets(context, sync);
      const report = readReport(read.ours);
      const budget = new RequestBudget(sync);
      const out = await body({ context, read, report, budget, caps, sync }, prepared);
      await sync();
      budget.sent();
      return out;
    });
    return { ok: true, ...value } as CommandResult<T>;
  } catch (e) {
    if (e instanceof CommandFailure) return fail(e.code);
    if (e instanceof CommandStop) return { ok: false, error: e.error };
    const mapped = mapOfficeError(e, { unknown: ERRORS.unknown, command });
    if (mapped.code === "cellEditMode") return fail(mapped.code);
    return { ok: false, error: { code: mapped.code, message: mapped.message } };
  }
}

export function existingOf(read: WorkbookRead, kind: SheetKind) {
  return read.ours.find((s) => s.kind === kind) ?? null;
}

/** The name for one of our analysis sheets: its current name, else a free one. */
function nameFor(read: WorkbookRead, kind: SheetKind, wanted: Text, lang: Lang, alsoTaken: string[] = []): string {
  return existingOf(read, kind)?.name ?? freeSheetName(wanted[lang], [...read.sheetNames, ...alsoTaken]);
}

function requireReport(report: ReportData): void {
  if (report.periods.length === 0) throw new CommandFailure("noReport");
}

/** The targets sheet rebuilt, and `layout`: where its targets are for formulas written without rewriting it. */
function targetsOf(s: Session, lang: Lang): { built: TargetsSheetResult; created: boolean; layout: TargetsLayout } {
  const existing = existingOf(s.read, "targets");
  const name = nameFor(s.read, "targets", TARGETS_SHEET_NAME, lang);
  const built = buildTargetsSheet({ name, lang, school: s.report.school, periods: s.report.periods, existing, levels: s.report.data.levels });
  return { built, created: !existing, layout: built.standing ?? built.layout };
}

export async function apply(s: Session, lang: Lang, sheets: SheetPlan[], styles: Record<string, PlanStyle> = analysisStyles(lang)): Promise<void> {
  const states = statesOf(s.read);
  const plan: WorkbookPlan = {
    lang,
    sheets: sheets.map((sh) => (states.has(sh.name) ? { ...sh, existing: true } : sh)),
    styles,
    names: [],
    valuesKept: 0,
  };
  if (s.caps.conditionalFormats) {
    const app = s.context.application as Excel.Application & { suspendApiCalculationUntilNextSync?: () => void };
    if (typeof app.suspendApiCalculationUntilNextSync === "function") app.suspendApiCalculationUntilNextSync();
  }
  await queuePlan(s.context, plan, states, s.caps, s.budget);
}

export function activate(s: Session, name: string): void {
  s.context.workbook.worksheets.getItem(name).activate();
}

/** Workbook facts for the task pane: school, year, the report's periods, whether targets exist. */
export async function readReportInfo(): Promise<CommandResult<{ school: string; schoolYear: number | null; periods: Period[]; filled: Period[]; hasTargets: boolean }>> {
  return session(async (s) => ({
    school: s.report.school,
    schoolYear: s.report.schoolYear,
    periods: s.report.periods,
    filled: filledPeriods(s.report),
    hasTargets: existingOf(s.read, "targets") !== null,
  }));
}

/** Insert «Цели программы» with the suggested targets, or rebuild it keeping every typed target. */
export async function insertTargets(o: { lang: Lang }): Promise<CommandResult<{ sheet: string; created: boolean; targets: number }>> {
  const lang: Lang = o?.lang === "en" ? "en" : "ru";
  return session(async (s) => {
    requireReport(s.report);
    const { built, created } = targetsOf(s, lang);
    await apply(s, lang, [built.sheet]);
    activate(s, built.sheet.name);
    return { sheet: built.sheet.name, created, targets: built.targets.length };
  });
}

/** Build (or replace) the «Динамика» sheet for two periods; inserts «Цели программы» when missing. */
export async function comparePeriods(o: { earlier: Period; later: Period; lang: Lang }): Promise<CommandResult<{ sheet: string; indicators: number }>> {
  const lang: Lang = o?.lang === "en" ? "en" : "ru";
  if (!o || !isPeriod(o.earlier) || !isPeriod(o.later) || periodKey(o.earlier) === periodKey(o.later)) return fail("badPeriods");
  const [earlier, later] = comparePeriodsOrder(o.earlier, o.later);
  return session(async (s) => {
    requireReport(s.report);
    const keys = new Set(s.report.periods.map(periodKey));
    if (!keys.has(periodKey(earlier)) && !keys.has(periodKey(later))) throw new CommandFailure("periodNotInReport");
    const { built, created, layout } = targetsOf(s, lang);
    const name = nameFor(s.read, "dynamics", DYNAMICS_SHEET_NAME, lang, created ? [built.sheet.name] : []);
    const dyn = buildDynamicsSheet({
      name, lang, school: s.report.school, earlier, later, report: s.report, targets: layout, unitLabel: (ind) => unitLabel(ind.unit, lang),
    });
    await apply(s, lang, created ? [built.sheet, dyn.sheet] : [dyn.sheet]);
    activate(s, name);
    return { sheet: name, indicators: dyn.indicators };
  });
}

function comparePeriodsOrder(a: Period, b: Period): [Period, Period] {
  return periodOrder(a, b) <= 0 ? [a, b] : [b, a];
}

/** Today's date in the user's time zone, ISO. */
export function todayIso(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Judge the targets, rebuild «Риски» (lines and charts) and the highlighting of the indicator
 * sheets; inserts «Цели программы» when missing. Idempotent. With a «Дорожная карта» sheet, «Риски»
 * also lists the road map's overdue events (at the end of the latest report period, or at `today`
 * when it has not ended; `today` defaults to the current date).
 */
export async function refreshRisks(o: { lang: Lang; today?: IsoDate }): Promise<CommandResult<{ sheet: string; invalid: number; missed: number; atRisk: number; worsening: number; chance: number; findings: number; overdueEvents?: number }>> {
  const lang: Lang = o?.lang === "en" ? "en" : "ru";
  const today = typeof o?.today === "string" && /^\d{4}-\d{2}-\d{2}$/.test(o.today) ? o.today : todayIso();
  return session(async (s) => {
    requireReport(s.report);
    const { built, created, layout } = targetsOf(s, lang);
    const risks = computeRisks(s.report, built.targets);
    const name = nameFor(s.read, "risks", RISKS_SHEET_NAME, lang, created ? [built.sheet.name] : []);
    const roadmap = existingOf(s.read, "roadmap");
    // The road-map reader (and its deadline parser) loads only when the workbook has a road map.
    const rm = roadmap ? await import(/* webpackChunkName: "roadmap-read" */ "../core/layout/roadmapRead") : null;
    const overdue: RoadmapOverdue | undefined = rm && roadmap ? rm.roadmapOverdue(rm.trackedRows(roadmap), s.report.periods, today) : undefined;
    const sheet = buildRisksSheet({
      name, lang, school: s.report.school, lines: risks.lines, counts: risks, report: s.report, targets: built.targets, overdue,
    }).sheet;
    const highlights = buildHighlights({
      lang,
      report: s.report,
      targets: built.targets.flatMap((target) => {
        const refs = targetRefs(layout, target.indicatorId);
        return refs ? [{ target, refs }] : [];
      }),
      trendTooSlow: risks.trendTooSlow,
      onCourse: risks.onCourse,
      timeline: (id) => timelineOf(s.report, id),
    });
    // Unprotect the indicator sheets first, so a password-protected one fails the batch before any write.
    const reprotect: Excel.Worksheet[] = [];
    if (s.caps.conditionalFormats) {
      for (const h of highlights) {
        const ours = s.read.ours.find((x) => x.name === h.sheet);
        if (!ours?.protected) continue;
        await s.budget.reserve(size(h.sheet), officeBytes({ objects: 2, actions: 1 }));
        const ws = s.context.workbook.worksheets.getItem(h.sheet);
        ws.protection.unprotect();
        reprotect.push(ws);
      }
    }
    await apply(s, lang, created ? [built.sheet, sheet] : [sheet], { ...analysisStyles(lang), ...OVERDUE_STYLES });
    const ws = s.context.workbook.worksheets.getItem(name);
    await queueCharts(ws, sheet.charts ?? [], existingOf(s.read, "risks")?.charts ?? [], s.budget);
    if (s.caps.conditionalFormats) await queueHighlights(s, highlights, analysisStyles(lang));
    for (const w of reprotect) {
      await s.budget.reserve(120, officeBytes({ actions: 1 }));
      w.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
    }
    ws.activate();
    const counts = { sheet: name, invalid: risks.invalid, missed: risks.missed, atRisk: risks.atRisk, worsening: risks.worsening, chance: risks.chance, findings: risks.findings };
    return overdue ? { ...counts, overdueEvents: overdue.events.length } : counts;
  });
}

/** Per indicator sheet: the target status block (helper formulas below the table), then the rules testing it. */
async function queueHighlights(s: Session, highlights: SheetHighlights[], styles: Record<string, PlanStyle>): Promise<void> {
  for (const h of highlights) {
    const ws = s.context.workbook.worksheets.getItem(h.sheet);
    await s.budget.reserve(size(h.clear) + size(h.sheet), officeBytes({ ranges: 1, objects: 2, actions: 1 }));
    ws.getRange(h.clear).conditionalFormats.clearAll();
    if (h.status.clear) ws.getRange(h.status.clear).clear("All");
    if (h.status.cells.length) await queueCells(ws, h.status.cells, styles, { row1: h.status.row1, col1: 1, col2: h.status.lastCol }, s.caps, s.budget);
    if (h.status.clear) await s.budget.reserve(size(h.status.clear), officeBytes({ ranges: 1, actions: 1 }));
    if (s.caps.pageLayout) {
      await s.budget.reserve(size(h.status.printArea) + 20, officeBytes({ objects: 1, actions: 1 }));
      ws.pageLayout.setPrintArea(h.status.printArea);
    }
    for (const rule of h.rules) {
      await s.budget.reserve(size(rule) + 20, officeBytes({ ranges: 1, objects: 7, actions: 4 }));
      const cf = ws.getRange(rule.range).conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      if (rule.style.fill) cf.custom.format.fill.color = rule.style.fill;
      if (rule.style.fontColor) cf.custom.format.font.color = rule.style.fontColor;
      if (rule.style.bold) cf.custom.format.font.bold = true;
    }
  }
}

/** Bring a sheet to the front; does nothing when it is gone. Never throws. */
export async function activateSheet(name: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  } catch {
    // The sheet was renamed or deleted: nothing to show.
  }
}
