/**
 * Every conditional format the add-in writes, built by the same core functions the commands use:
 * a report over N school years with all periods and sections and a target (with milestones) on
 * every indicator of the sheets, its highlighting, «Динамика», «Дорожная карта», and «Свод» of
 * several schools with a target on every indicator.
 */
import { getIndicator } from "../../src/core/catalog";
import { consolidate } from "../../src/core/consolidate";
import { buildReportPlan } from "../../src/core/layout";
import { buildDynamicsSheet } from "../../src/core/layout/dynamicsSheet";
import { buildHighlights, type SheetHighlights } from "../../src/core/layout/highlight";
import { buildRoadmapSheet } from "../../src/core/layout/roadmapSheet";
import { buildTargetsSheet, targetRefs, type TargetsSheetResult } from "../../src/core/layout/targetsSheet";
import { periodKey, periodsOf } from "../../src/core/periods";
import type { PlanConditionalFormat, SheetPlan } from "../../src/core/plan";
import { readReport, timelineOf, type ReadSheet, type ReportData } from "../../src/core/report";
import { expandEvents, recognizeRoadmap } from "../../src/core/roadmap";
import type { Period, Target } from "../../src/core/types";
import { report as schoolReport } from "../consolidate/fixtures";
import { PASTE } from "./roadmap-fixture";

/** What Excel gives back for a plan (the readers need no computed values here). */
export const asRead = (s: SheetPlan): ReadSheet => ({
  name: s.name,
  kind: s.kind,
  values: s.cells.map((r) => r.map((c) => c?.value ?? "")),
  formulas: s.cells.map((r) => r.map((c) => c?.formula ?? c?.value ?? "")),
});

/** All periods (quarters, half-years, years, exam sessions) of `years` school years from 2017/18 (ten years end with 2026/27: every year must be one a user may choose today). */
export function allPeriods(years: number): Period[] {
  const out: Period[] = [];
  for (let y = 2017; y < 2017 + years; y++) out.push(...periodsOf(y, ["Q", "H", "Y", "E"]));
  return out;
}

export interface ReportPlans {
  report: ReportData;
  targets: TargetsSheetResult;
  highlights: SheetHighlights[];
  dynamics: SheetPlan;
}

/** A report over `years` school years with a target on every indicator of its sheets. */
export function reportPlans(years: number): ReportPlans {
  const plan = buildReportPlan({ school: "Школа", schoolYear: 2017, periods: allPeriods(years), sections: ["subject", "staff", "facilities", "methods", "partnership"], lang: "ru" });
  const report = readReport(plan.sheets.map(asRead));
  const ids = Object.keys(report.cells);
  const keys = report.periods.map(periodKey);
  // «Цели программы» as typed: value, both directions, a margin and a milestone in every period.
  const values: unknown[][] = [["shnor-monitor:v1:targets"], [], ["", "", "", "", "", "", ...keys], []];
  ids.forEach((id, i) => values.push([id, "", 0.5, i % 2 ? "не более" : "не менее", "", 0.02, ...keys.map(() => 0.4)]));
  const existing: ReadSheet = { name: "Цели программы", kind: "targets", values, formulas: values };
  const targets = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "Школа", periods: report.periods, existing });
  const trendTooSlow = new Set(ids.map((id) => `${id}|${keys[keys.length - 3]}`));
  const highlights = buildHighlights({
    lang: "ru",
    report,
    targets: targets.targets.flatMap((target) => {
      const refs = targetRefs(targets.layout, target.indicatorId);
      return refs ? [{ target, refs }] : [];
    }),
    trendTooSlow,
    timeline: (id) => timelineOf(report, id),
  });
  const dynamics = buildDynamicsSheet({
    name: "Динамика", lang: "ru", school: "Школа", earlier: report.periods[0], later: report.periods[report.periods.length - 2], report, targets: targets.layout, unitLabel: () => "",
  }).sheet;
  return { report, targets, highlights, dynamics };
}

/** «Свод» of `schools` schools for the last school year, a target on every indicator. */
export function summaryPlan(years: number, schools: number): SheetPlan {
  const Y: Period = { startYear: 2017 + years - 1, kind: "Y" };
  const plan = reportPlans(1);
  const ids = Object.keys(plan.report.cells);
  const reports = Array.from({ length: schools }, (_, n) => schoolReport(`Школа ${n + 1}`, [Y], Object.fromEntries(ids.map((id) => [id, { [periodKey(Y)]: n + 1 }]))));
  const targets: Target[] = ids.map((id) => ({ indicatorId: id, value: 0.5, direction: getIndicator(id)?.polarity === -1 ? "atMost" : "atLeast", deadline: Y, milestones: [], margin: 0.02 }));
  return consolidate(reports.map((report, i) => ({ label: `f${i}.xlsx`, report })), { period: Y, lang: "ru", targets, summaryName: "Свод" })!.summary;
}

export function roadmapPlan(): SheetPlan {
  const years = { firstYear: 2023, lastYear: 2024 };
  const expanded = expandEvents(recognizeRoadmap(PASTE).events, years);
  return buildRoadmapSheet({ name: "Дорожная карта", lang: "ru", school: "Школа", expanded, years, periods: [{ startYear: 2023, kind: "H1" }, { startYear: 2023, kind: "Y" }], existing: null }).sheet;
}

/** Every conditional format of the plans above, for 1 and 10 school years. */
export function everyRule(): PlanConditionalFormat[] {
  const rules: PlanConditionalFormat[] = [];
  for (const years of [1, 10]) {
    const p = reportPlans(years);
    rules.push(...p.highlights.flatMap((h) => h.rules), ...p.dynamics.conditionalFormats);
    rules.push(...summaryPlan(years, 12).conditionalFormats);
  }
  rules.push(...roadmapPlan().conditionalFormats);
  return rules;
}
