/**
 * Risk lines for directors: missed and at-risk targets, worsening indicators and the data-quality
 * findings of the consistency checks, one line each with a plain-language sentence (ru/en), most
 * severe first. Pure; never throws.
 */
import { CATALOG, appliesToLevels, getIndicator } from "./catalog";
import { runChecks, SEVERITY_ORDER } from "./checks";
import { comparableEarlier, impossibleData, judgeChange, needed, shareCounts } from "./judge";
import { formatPeriod, parsePeriodKey, periodKey } from "./periods";
import type { IsoDate, TrackedEvent } from "./roadmap/types";
import { seriesOf, timelineOf, type ReportData } from "./report";
import { pupils, pupilsChange } from "./stats";
import { describeEvaluation, evaluateTarget, ppWords, targetApplies, type TargetEvaluation } from "./targets";
import type { Finding, Lang, Period, Severity, Target, Text, Unit } from "./types";
import { formatValue } from "./values";

/**
 * invalid: impossible data (never judged; listed first); chance: a change that looks like worsening
 * but lies inside the random variation of a small group's share.
 */
export type RiskKind = "invalid" | "missed" | "atRisk" | "worsening" | "chance" | "finding";

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
  /** Shares with known counts: the change in pupils (worsening, chance) or the pupils still needed (targets). */
  pupils?: number;
  /** Findings only. */
  severity?: Severity;
  rule?: string;
  text: Text;
}

export interface RiskSummary {
  lines: RiskLine[];
  /** Lines of impossible data (values and the targets they leave unjudged). */
  invalid: number;
  missed: number;
  atRisk: number;
  worsening: number;
  chance: number;
  findings: number;
  /** Each target judged (with trend projection), in the order given. */
  evaluations: { target: Target; evaluation: TargetEvaluation }[];
  /** "id|periodKey" of the latest values whose trend is too slow to reach the target in time. */
  trendTooSlow: Set<string>;
  /** "id|periodKey" of latest values not yet at the target but on course to reach it in time (the trend). */
  onCourse: Set<string>;
}

const KIND_ORDER: Record<RiskKind, number> = { invalid: 0, missed: 1, atRisk: 2, worsening: 3, chance: 4, finding: 5 };
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

function changeText(id: string, earlier: Period, later: Period, from: number, to: number, chance: boolean, dPupils?: number): Text {
  const n = nameOf(id);
  const u = unitOf(id);
  const pr = dPupils === undefined ? { ru: "", en: "" } : { ru: ` (${pupilsChange(dPupils).ru})`, en: ` (${pupilsChange(dPupils).en})` };
  const values = (lang: Lang) => `${shown(from, u, lang)} (${formatPeriod(earlier, lang)}) → ${shown(to, u, lang)} (${formatPeriod(later, lang)})${pr[lang]}`;
  if (chance) {
    return {
      ru: `${n.ru}: изменение в пределах случайных колебаний — ${values("ru")}; при такой численности это не тенденция.`,
      en: `${n.en}: a change within random variation — ${values("en")}; with so few pupils it is not a trend.`,
    };
  }
  return { ru: `${n.ru}: ухудшение — ${values("ru")}.`, en: `${n.en}: worse — ${values("en")}.` };
}

/** «Нужно ещё 6 учащихся к сроку (2024/25 учебный год): рост на 6,7 п. п., по 3,3 п. п. за период (осталось периодов: 2).» */
function neededText(report: ReportData, target: Target, e: TargetEvaluation): { text: Text; pupils?: number } | null {
  if (!e.needed || !e.latest) return null;
  const id = target.indicatorId;
  const ind = getIndicator(id);
  const share = ind ? ind.unit.kind === "countShare" || ind.unit.kind === "share" : false;
  const u = unitOf(id);
  const polarity = target.direction === "atMost" ? -1 : 1;
  const { total, periodsLeft } = e.needed;
  const size = (lang: Lang, x: number) => (share ? ppWords(x, lang) : shown(Math.abs(x), u, lang));
  // The change still needed, as words (a «−10,0 п. п.» for a «не более» target read as being below it).
  const change = (lang: Lang) =>
    total >= 0 ? (lang === "ru" ? `рост на ${size("ru", total)}` : `a rise of ${size("en", total)}`) : lang === "ru" ? `снижение на ${size("ru", total)}` : `a fall of ${size("en", total)}`;
  const deadline = (lang: Lang) => formatPeriod(target.deadline, lang);
  const counts = shareCounts(report, id, periodKey(e.latest.period));
  let head: Text = { ru: "Нужно", en: "Needed" };
  let pupilsNeeded: number | undefined;
  if (counts) {
    const k = needed(counts.count / counts.total, target.value, 1, polarity, counts.total);
    if (k.ok && k.value !== 0) {
      pupilsNeeded = k.value;
      const p = pupils(k.value);
      head = k.value > 0 ? { ru: `Нужно ещё ${p.ru}`, en: `${p.en} more needed` } : { ru: `Нужно на ${p.ru} меньше`, en: `${p.en} fewer needed` };
    }
  }
  const text = (lang: Lang) =>
    lang === "ru"
      ? ` ${head.ru} к сроку (${deadline("ru")}): ${change("ru")}, по ${size("ru", total / periodsLeft)} за период (осталось периодов: ${periodsLeft}).`
      : ` ${head.en} by the deadline (${deadline("en")}): ${change("en")}, ${size("en", total / periodsLeft)} per period (periods left: ${periodsLeft}).`;
  return { text: { ru: text("ru"), en: text("en") }, pupils: pupilsNeeded };
}

/**
 * Judge the targets, find worsening indicators and run the checks; lines sorted most severe first:
 * impossible data (never judged), missed and at-risk targets, worsening, changes within chance,
 * other findings.
 */
export function computeRisks(report: ReportData, targets: readonly Target[]): RiskSummary {
  const lines: RiskLine[] = [];
  const evaluations: RiskSummary["evaluations"] = [];
  const trendTooSlow = new Set<string>();
  const onCourse = new Set<string>();
  const findings: Finding[] = runChecks(report.data);
  const impossible = impossibleData(report, findings);
  const isImpossible = (id: string, p: Period) => impossible.get(id)?.has(periodKey(p)) ?? false;

  for (const target of targets) {
    if (!targetApplies(target, report.data.levels)) continue;
    const evaluation = evaluateTarget(target, seriesOf(report, target.indicatorId), timelineOf(report, target.indicatorId), { invalid: impossible.get(target.indicatorId) });
    evaluations.push({ target, evaluation });
    if (evaluation.reason === "met" && (evaluation.gap ?? 0) < -1e-9 && evaluation.latest) onCourse.add(`${target.indicatorId}|${periodKey(evaluation.latest.period)}`);
    if (evaluation.reason === "trendTooSlow" && evaluation.latest) trendTooSlow.add(`${target.indicatorId}|${periodKey(evaluation.latest.period)}`);
    const invalid = evaluation.reason === "invalidData";
    if (!invalid && evaluation.status !== -1 && evaluation.status !== 0) continue;
    let text = describeEvaluation(evaluation, nameOf(target.indicatorId), unitOf(target.indicatorId));
    const line: RiskLine = { kind: invalid ? "invalid" : evaluation.status === -1 ? "missed" : "atRisk", indicatorId: target.indicatorId, text };
    const need = invalid ? null : neededText(report, target, evaluation);
    if (need) {
      text = { ru: text.ru + need.text.ru, en: text.en + need.text.en };
      line.text = text;
      if (need.pupils !== undefined) line.pupils = need.pupils;
    }
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
    if (!latest || isImpossible(ind.id, latest.period)) continue;
    const values = report.judged[ind.id] ?? {};
    const earlier = comparableEarlier(latest.period, timelineOf(report, ind.id)).find((p) => values[periodKey(p)] !== undefined && !isImpossible(ind.id, p));
    if (!earlier) continue;
    const from = values[periodKey(earlier)];
    const judged = judgeChange(report, ind.id, earlier, latest.period, from, latest.value, ind.polarity);
    const chance = judged.verdict === "chance";
    if (!chance && judged.verdict !== -1) continue;
    // A rise of a ↑ share within chance is not a risk: only what would read as worsening is explained.
    if (chance && (latest.value - from) * ind.polarity > 0) continue;
    const line: RiskLine = {
      kind: chance ? "chance" : "worsening",
      indicatorId: ind.id,
      period: latest.period,
      value: latest.value,
      previous: from,
      gap: latest.value - from,
      text: changeText(ind.id, earlier, latest.period, from, latest.value, chance, judged.pupils),
    };
    if (judged.pupils !== undefined) line.pupils = judged.pupils;
    lines.push(line);
  }

  for (const f of findings) {
    const p = f.period ? parsePeriodKey(f.period) : null;
    const impossibleHere = p !== null && isImpossible(f.indicatorId, p) && f.severity === "error";
    const line: RiskLine = { kind: impossibleHere ? "invalid" : "finding", indicatorId: f.indicatorId, severity: f.severity, rule: f.rule, text: f.message };
    if (impossibleHere) line.text = { ru: `${f.message.ru} — значение не оценивается.`, en: `${f.message.en} — the value is not judged.` };
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
  return {
    lines: sorted,
    invalid: count("invalid"),
    missed: count("missed"),
    atRisk: count("atRisk"),
    worsening: count("worsening"),
    chance: count("chance"),
    findings: count("finding"),
    evaluations,
    trendTooSlow,
    onCourse,
  };
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

