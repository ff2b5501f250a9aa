/**
 * Risk lines for directors: missed and at-risk targets, worsening indicators and the data-quality
 * findings of the consistency checks, one line each with a plain-language sentence (ru/en), most
 * severe first. Pure; never throws.
 */
import { CATALOG, appliesToLevels, getIndicator } from "./catalog";
import { dynamics } from "./calc";
import { runChecks, SEVERITY_ORDER } from "./checks";
import { earlierCandidates } from "./layout/highlight";
import { formatPeriod, parsePeriodKey, periodKey } from "./periods";
import type { IsoDate, TrackedEvent } from "./roadmap/types";
import { seriesOf, timelineOf, type ReportData } from "./report";
import { describeEvaluation, evaluateTarget, targetApplies, type TargetEvaluation } from "./targets";
import type { Finding, Lang, Period, Severity, Target, Text, Unit } from "./types";
import { formatValue } from "./values";

export type RiskKind = "missed" | "atRisk" | "worsening" | "finding";

export interface RiskLine {
  kind: RiskKind;
  indicatorId: string;
  period?: Period;
  /** The judged value (shares 0…1). */
  value?: number;
  /** What was required (target or milestone), target lines only. */
  target?: number;
  /** The earlier value, worsening lines only. */
  previous?: number;
  /** Target lines: the gap, signed so that ≥ 0 is met. Worsening lines: the change (later − earlier). */
  gap?: number;
  /** Findings only. */
  severity?: Severity;
  rule?: string;
  text: Text;
}

export interface RiskSummary {
  lines: RiskLine[];
  missed: number;
  atRisk: number;
  worsening: number;
  findings: number;
  /** Each target judged (with trend projection), in the order given. */
  evaluations: { target: Target; evaluation: TargetEvaluation }[];
  /** "id|periodKey" of the latest values whose trend is too slow to reach the target in time. */
  trendTooSlow: Set<string>;
}

const KIND_ORDER: Record<RiskKind, number> = { missed: 0, atRisk: 1, worsening: 2, finding: 3 };
const catalogOrder = new Map(CATALOG.map((ind, i) => [ind.id, i]));

function unitOf(id: string): Unit | undefined {
  return getIndicator(id)?.unit;
}

function shown(x: number, unit: Unit | undefined, lang: Lang): string {
  const u: Unit = unit && (unit.kind === "countShare" || unit.kind === "share") ? { kind: "share" } : unit ?? { kind: "ratio" };
  return formatValue({ kind: "number", value: x }, u, lang);
}

function nameOf(id: string): Text {
  const ind = getIndicator(id);
  return ind ? ind.short : { ru: id, en: id };
}

function worseningText(id: string, earlier: Period, later: Period, from: number, to: number): Text {
  const n = nameOf(id);
  const u = unitOf(id);
  return {
    ru: `${n.ru}: ухудшение — ${shown(from, u, "ru")} (${formatPeriod(earlier, "ru")}) → ${shown(to, u, "ru")} (${formatPeriod(later, "ru")}).`,
    en: `${n.en}: worse — ${shown(from, u, "en")} (${formatPeriod(earlier, "en")}) → ${shown(to, u, "en")} (${formatPeriod(later, "en")}).`,
  };
}

/** Judge the targets, find worsening indicators and run the checks; lines sorted most severe first. */
export function computeRisks(report: ReportData, targets: readonly Target[]): RiskSummary {
  const lines: RiskLine[] = [];
  const evaluations: RiskSummary["evaluations"] = [];
  const trendTooSlow = new Set<string>();

  for (const target of targets) {
    if (!targetApplies(target, report.data.levels)) continue;
    const evaluation = evaluateTarget(target, seriesOf(report, target.indicatorId), timelineOf(report, target.indicatorId));
    evaluations.push({ target, evaluation });
    if (evaluation.reason === "trendTooSlow" && evaluation.latest) trendTooSlow.add(`${target.indicatorId}|${periodKey(evaluation.latest.period)}`);
    if (evaluation.status !== -1 && evaluation.status !== 0) continue;
    const line: RiskLine = {
      kind: evaluation.status === -1 ? "missed" : "atRisk",
      indicatorId: target.indicatorId,
      text: describeEvaluation(evaluation, nameOf(target.indicatorId), unitOf(target.indicatorId)),
    };
    if (evaluation.latest) {
      line.period = evaluation.latest.period;
      line.value = evaluation.latest.value;
    }
    if (evaluation.required !== undefined) line.target = evaluation.required;
    if (evaluation.gap !== undefined) line.gap = evaluation.gap;
    lines.push(line);
  }

  for (const ind of CATALOG) {
    if (ind.polarity === 0 || !report.cells[ind.id] || !appliesToLevels(ind, report.data.levels)) continue;
    const series = seriesOf(report, ind.id);
    const latest = series[series.length - 1];
    if (!latest) continue;
    const values = report.judged[ind.id] ?? {};
    const earlier = earlierCandidates(latest.period, report.periods, timelineOf(report, ind.id)).find((p) => values[periodKey(p)] !== undefined);
    if (!earlier) continue;
    const from = values[periodKey(earlier)];
    const judged = dynamics(from, latest.value, ind.polarity);
    if (!judged.ok || judged.value !== -1) continue;
    lines.push({
      kind: "worsening",
      indicatorId: ind.id,
      period: latest.period,
      value: latest.value,
      previous: from,
      gap: latest.value - from,
      text: worseningText(ind.id, earlier, latest.period, from, latest.value),
    });
  }

  const findings: Finding[] = runChecks(report.data);
  for (const f of findings) {
    const line: RiskLine = { kind: "finding", indicatorId: f.indicatorId, severity: f.severity, rule: f.rule, text: f.message };
    const p = f.period ? parsePeriodKey(f.period) : null;
    if (p) {
      line.period = p;
      const v = report.judged[f.indicatorId]?.[f.period as string];
      if (v !== undefined) line.value = v;
    }
    lines.push(line);
  }

  // Stable sort: kind, then (findings) severity; within a group the order above (targets as
  // listed, indicators and findings in catalog order).
  const indexed = lines.map((l, i) => ({ l, i }));
  indexed.sort((a, b) =>
    KIND_ORDER[a.l.kind] - KIND_ORDER[b.l.kind] ||
    (a.l.severity && b.l.severity ? SEVERITY_ORDER[a.l.severity] - SEVERITY_ORDER[b.l.severity] : 0) ||
    a.i - b.i,
  );
  const sorted = indexed.map((x) => x.l);
  const count = (k: RiskKind) => sorted.filter((l) => l.kind === k).length;
  return { lines: sorted, missed: count("missed"), atRisk: count("atRisk"), worsening: count("worsening"), findings: count("finding"), evaluations, trendTooSlow };
}

/** Catalog position of an indicator (unknown ids last), for callers that sort lines themselves. */
export function catalogIndex(id: string): number {
  return catalogOrder.get(id) ?? CATALOG.length;
}

/** The road map's overdue events for «Риски» (issue 9). */
export interface RoadmapOverdue {
  /** The date the events are overdue at. */
  asOf: IsoDate;
  /** The report period whose end `asOf` is; null when `asOf` is today (that period has not ended yet). */
  period: Period | null;
  events: TrackedEvent[];
}

