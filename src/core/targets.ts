/**
 * Program targets as data: the suggested defaults, and the judgement of a value series against a
 * target (met / at risk / missed), including "trend too slow to reach the target by the deadline".
 */
import { appliesToLevels, getIndicator, isShareLike } from "./catalog";
import { comparePeriods, periodKey } from "./periods";
import type { Direction, Judgement, Lang, Period, SchoolLevel, Target, Text, Unit } from "./types";
import { formatValue } from "./values";

/** Suggested targets; the user edits them on the «Цели программы» sheet. */
export function defaultTargets(deadline: Period): Target[] {
  const at = (indicatorId: string, value: number, margin = 0): Target => ({
    indicatorId,
    value,
    direction: defaultDirection(indicatorId),
    deadline,
    milestones: [],
    margin,
  });
  return [
    at("quality_4_5", 0.38, 0.02),
    at("gia9_rus_fail", 0),
    at("gia9_math_fail", 0),
    at("ege_rus_below_min", 0),
    at("ege_math_below_min", 0),
    at("staff_fgos_pd", 1, 0.05),
    at("broadband_share", 1),
  ];
}

const PERIODICITY_KINDS: Record<string, Period["kind"][]> = { Q: ["Q1", "Q2", "Q3", "Q4"], H: ["H1", "H2"], Y: ["Y"], E: ["E"] };

/**
 * The default deadline of a target on `indicatorId` in a report with `periods`: the last school
 * year (Y) of the report; for an indicator not reported by year (exam results), its last period of
 * that school year (the exam session). Null when the report has no periods.
 */
export function defaultDeadline(indicatorId: string, periods: readonly Period[]): Period | null {
  if (periods.length === 0) return null;
  const sorted = [...periods].sort(comparePeriods);
  const years = sorted.filter((p) => p.kind === "Y");
  const startYear = (years[years.length - 1] ?? sorted[sorted.length - 1]).startYear;
  const ind = getIndicator(indicatorId);
  if (!ind || ind.periodicity.includes("Y")) return { startYear, kind: "Y" };
  const kinds = ind.periodicity.flatMap((x) => PERIODICITY_KINDS[x] ?? []);
  const own = kinds.map((kind) => ({ startYear, kind })).sort(comparePeriods);
  return own[own.length - 1] ?? { startYear, kind: "Y" };
}

/**
 * The suggested targets for a report's periods, each with its default deadline; none on an item of
 * a level the school lacks (no ЕГЭ targets for an ООШ).
 */
export function defaultTargetsFor(periods: readonly Period[], levels?: readonly SchoolLevel[]): Target[] {
  const fallback = defaultDeadline("quality_4_5", periods);
  if (!fallback) return [];
  return defaultTargets(fallback)
    .filter((t) => appliesToLevels(getIndicator(t.indicatorId) ?? {}, levels))
    .map((t) => ({ ...t, deadline: defaultDeadline(t.indicatorId, periods) ?? fallback }));
}

/** Whether a target's indicator applies to a school with `levels` (a target elsewhere is never judged). */
export function targetApplies(t: Pick<Target, "indicatorId">, levels: readonly SchoolLevel[] | undefined): boolean {
  return appliesToLevels(getIndicator(t.indicatorId) ?? {}, levels);
}

/** How a direction is written on the «Цели программы» sheet (list-validated). */
export const DIRECTION_LABELS: Record<Direction, Text> = {
  atLeast: { ru: "не менее", en: "at least" },
  atMost: { ru: "не более", en: "at most" },
};

/** The words a direction may be typed as (lower case, «ё» as «е», single spaces); the sheets' formulas use them too. */
export const DIRECTION_WORDS: Record<Direction, readonly string[]> = {
  atLeast: ["не менее", "at least", "≥", ">=", "min", "минимум", "не ниже", "atleast"],
  atMost: ["не более", "at most", "≤", "<=", "max", "максимум", "не выше", "atmost"],
};

/** «не менее» / "at least" / «≥» … → atLeast; «не более» / "at most" / «≤» … → atMost; else null. */
export function parseDirection(text: unknown): Direction | null {
  if (typeof text !== "string") return null;
  const s = text.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  if (DIRECTION_WORDS.atLeast.includes(s)) return "atLeast";
  if (DIRECTION_WORDS.atMost.includes(s)) return "atMost";
  return null;
}

/** At least for ↑ and neutral indicators, at most for ↓ ones. */
export function defaultDirection(indicatorId: string): Direction {
  return getIndicator(indicatorId)?.polarity === -1 ? "atMost" : "atLeast";
}

export interface SeriesPoint {
  period: Period;
  value: number;
}

export type TargetReason = "met" | "withinMargin" | "trendTooSlow" | "milestoneMissed" | "missed" | "noData" | "invalidData";

/**
 * The state of a target as a director reads it (the single source for every sheet that colours a
 * target status): met; at risk (before the deadline only: within the margin, or the trend too slow);
 * missed (at or after the deadline, or at a milestone's own date); «данные неверны» (the value
 * judged is impossible: never met, never missed); no data.
 */
export type TargetState = "met" | "atRisk" | "missed" | "invalid" | "noData";

export const TARGET_STATE_LABELS: Record<TargetState, Text> = {
  met: { ru: "достигнута", en: "met" },
  atRisk: { ru: "под угрозой", en: "at risk" },
  missed: { ru: "не достигнута", en: "missed" },
  invalid: { ru: "данные неверны", en: "invalid data" },
  noData: { ru: "нет данных", en: "no data" },
};

export function targetState(e: TargetEvaluation): TargetState {
  if (e.reason === "invalidData") return "invalid";
  return e.status === 1 ? "met" : e.status === 0 ? "atRisk" : e.status === -1 ? "missed" : "noData";
}

export interface TargetEvaluation {
  /** 1 met, 0 at risk, -1 missed; null when there is no value to judge or it is impossible. */
  status: Judgement | null;
  reason: TargetReason;
  /** The value judged: the latest one at or before the deadline. */
  latest?: SeriesPoint;
  /** What the target (or the milestone due for `latest.period`) requires there. */
  required?: number;
  /** (value − required) signed so that ≥ 0 means met. */
  gap?: number;
  /** Straight-line projection of the series to the deadline, when the deadline is still ahead. */
  projected?: number;
  /** invalidData: why the value cannot be judged. */
  invalid?: Text;
  /** Not met before the deadline: the change still needed (signed, in the indicator's units) and over how many periods. */
  needed?: { total: number; periodsLeft: number };
}

export interface EvaluateOptions {
  /** Period key → why the value there is impossible (from the data checks). */
  invalid?: ReadonlyMap<string, Text>;
}

const EPS = 1e-9;

function signedGap(value: number, required: number, direction: Direction): number {
  return direction === "atLeast" ? value - required : required - value;
}

/** Least-squares slope of values over their positions (step = one period of the series). */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const SHARE_OUT_OF_RANGE = (x: number): Text => ({
  ru: `доля ${String(Math.round(x * 1000) / 10).replace(".", ",")} % вне 0–100 %`,
  en: `the share ${Math.round(x * 1000) / 10}% is outside 0–100%`,
});

/** Why a value of a target's indicator is impossible on its own (a share outside 0…1), or undefined. */
function impossibleOnItsOwn(indicatorId: string, value: number): Text | undefined {
  if (!Number.isFinite(value)) return { ru: "недопустимое число", en: "not a valid number" };
  if (isShareTarget(indicatorId) && (value < -EPS || value > 1 + EPS)) return SHARE_OUT_OF_RANGE(value);
  return undefined;
}

/**
 * Judge a series against a target. `timeline` is every reporting period of the report in
 * chronological order (filled or not): it defines the steps a trend is projected over, so a
 * skipped period still counts as a step. Periods after the deadline are ignored, except that
 * their presence means the deadline has passed.
 *
 * Rules: an impossible latest value (a share outside 0…1, or a period listed in `options.invalid`)
 * is «данные неверны» — neither met nor missed; impossible values never feed the trend. At or
 * after the deadline: met or missed only. At a milestone's own date: missed when short of it.
 * Before the deadline: met when already met or on course (the trend reaches the target in time);
 * at risk within the margin or when the trend is too slow.
 */
export function evaluateTarget(target: Target, series: SeriesPoint[], timeline: Period[], options: EvaluateOptions = {}): TargetEvaluation {
  const deadlineKey = periodKey(target.deadline);
  const whyInvalid = (p: SeriesPoint): Text | undefined => options.invalid?.get(periodKey(p.period)) ?? impossibleOnItsOwn(target.indicatorId, p.value);
  const present = series.filter((p) => typeof p.value === "number" && !Number.isNaN(p.value));
  const upToDeadline = present.filter((p) => comparePeriods(p.period, target.deadline) <= 0).sort((a, b) => comparePeriods(a.period, b.period));
  const latest = upToDeadline[upToDeadline.length - 1];
  if (!latest) return { status: null, reason: "noData" };
  const invalid = whyInvalid(latest);
  if (invalid) return { status: null, reason: "invalidData", latest, invalid };
  const valid = upToDeadline.filter((p) => !whyInvalid(p));

  const deadlineReached = periodKey(latest.period) === deadlineKey || present.some((p) => comparePeriods(p.period, target.deadline) > 0);
  const targetGap = signedGap(latest.value, target.value, target.direction);
  if (deadlineReached) {
    if (targetGap >= -EPS) return { status: 1, reason: "met", latest, required: target.value, gap: targetGap };
    return { status: -1, reason: "missed", latest, required: target.value, gap: targetGap };
  }

  // Deadline ahead: the steps left and the trend of the valid values over them.
  const keys = timeline.map(periodKey);
  const position = (p: Period) => keys.indexOf(periodKey(p));
  const stepsLeft = position(target.deadline) - position(latest.period);
  const needed = targetGap < -EPS && stepsLeft > 0 ? { total: target.value - latest.value, periodsLeft: stepsLeft } : undefined;
  const extra = needed ? { needed } : {};

  const milestone = target.milestones.find((m) => periodKey(m.period) === periodKey(latest.period));
  if (milestone) {
    const gap = signedGap(latest.value, milestone.value, target.direction);
    if (gap < -EPS) return { status: -1, reason: "milestoneMissed", latest, required: milestone.value, gap, ...extra };
  }

  const points = valid.map((p) => ({ x: position(p.period), y: p.value })).filter((p) => p.x >= 0);
  let projected: number | undefined;
  if (points.length >= 2 && stepsLeft > 0) projected = latest.value + slope(points) * stepsLeft;

  if (targetGap >= -EPS) return { status: 1, reason: "met", latest, required: target.value, gap: targetGap, projected };
  if (projected !== undefined && signedGap(projected, target.value, target.direction) >= -EPS) {
    return { status: 1, reason: "met", latest, required: target.value, gap: targetGap, projected, ...extra };
  }
  if (-targetGap <= target.margin + EPS) return { status: 0, reason: "withinMargin", latest, required: target.value, gap: targetGap, projected, ...extra };
  return { status: 0, reason: "trendTooSlow", latest, required: target.value, gap: targetGap, projected, ...extra };
}

/** A value of an indicator as people read it (shares in %), or "" when unknown. */
function shown(x: number | undefined, unit: Unit | undefined, lang: Lang): string {
  if (x === undefined || !Number.isFinite(x)) return "";
  const u: Unit = unit && (unit.kind === "countShare" || unit.kind === "share") ? { kind: "share" } : unit ?? { kind: "ratio" };
  return formatValue({ kind: "number", value: x }, u, lang);
}

/**
 * A plain-language sentence for a judged target, for the «Риски» sheet. With the indicator's
 * `unit` it also names the value and what was required («27,0 % при цели 38,0 %»).
 */
export function describeEvaluation(e: TargetEvaluation, indicatorName: Text, unit?: Unit): Text {
  const base = describeReason(e, indicatorName);
  if (!unit || e.latest === undefined || e.required === undefined || e.reason === "met" || e.reason === "invalidData") return base;
  const detail = (lang: Lang): string => {
    const v = shown(e.latest?.value, unit, lang);
    // Not met, so a value above what was required means «не более», below it «не менее».
    const bound = e.latest && e.required !== undefined ? DIRECTION_LABELS[e.latest.value > e.required ? "atMost" : "atLeast"][lang] : "";
    const r = `${bound} ${shown(e.required, unit, lang)}`.trim();
    const p = shown(e.projected, unit, lang);
    const d = e.latest ? deviationWords(e.latest.value, e.required as number, unit, lang) : "";
    const dev = d ? ` (${d})` : "";
    if (lang === "ru") return ` Значение: ${v}, требуется: ${r}${dev}${e.reason === "trendTooSlow" && p ? `, прогноз к сроку: ${p}` : ""}.`;
    return ` Value: ${v}, required: ${r}${dev}${e.reason === "trendTooSlow" && p ? `, projected by the deadline: ${p}` : ""}.`;
  };
  return { ru: base.ru + detail("ru"), en: base.en + detail("en") };
}

/** A share difference in percentage points, unsigned: «1,2 п. п.» / "1.2 pp". */
export function ppWords(x: number, lang: Lang): string {
  const s = (Math.round(Math.abs(x) * 1000) / 10).toFixed(1);
  return lang === "ru" ? `${s.replace(".", ",")} п. п.` : `${s} pp`;
}

/**
 * How far a value is from what was required, in words that read right whatever the direction:
 * below it «не хватает 1,2 п. п.» / "short by 1.2 pp", above it «превышение на 10,0 п. п.» /
 * "over by 10.0 pp" (shares in percentage points, other units as shown); "" when equal.
 */
export function deviationWords(value: number, required: number, unit: Unit | undefined, lang: Lang): string {
  const diff = value - required;
  if (!Number.isFinite(diff) || Math.abs(diff) < EPS) return "";
  const share = unit !== undefined && (unit.kind === "countShare" || unit.kind === "share");
  const size = share ? ppWords(diff, lang) : shown(Math.abs(diff), unit, lang);
  if (diff < 0) return lang === "ru" ? `не хватает ${size}` : `short by ${size}`;
  return lang === "ru" ? `превышение на ${size}` : `over by ${size}`;
}

/** True when targets on this indicator are shares 0…1 (shown in %, gaps in percentage points). */
export function isShareTarget(indicatorId: string): boolean {
  const ind = getIndicator(indicatorId);
  return ind ? isShareLike(ind) : false;
}

function describeReason(e: TargetEvaluation, indicatorName: Text): Text {
  const n = indicatorName;
  switch (e.reason) {
    case "met":
      return { ru: `${n.ru}: цель достигнута или будет достигнута в срок.`, en: `${n.en}: the target is met or on course.` };
    case "withinMargin":
      return { ru: `${n.ru}: до цели осталось немного — в пределах допустимого отклонения.`, en: `${n.en}: just short of the target, within the allowed deviation.` };
    case "trendTooSlow":
      return {
        ru: `${n.ru}: при нынешней динамике цель к сроку не будет достигнута.`,
        en: `${n.en}: at the current pace the target will not be reached by the deadline.`,
      };
    case "milestoneMissed":
      return { ru: `${n.ru}: промежуточное значение не достигнуто.`, en: `${n.en}: the intermediate milestone is missed.` };
    case "missed":
      return { ru: `${n.ru}: цель не достигнута.`, en: `${n.en}: the target is missed.` };
    case "noData":
      return { ru: `${n.ru}: нет данных для оценки.`, en: `${n.en}: no data to judge.` };
    case "invalidData":
      return {
        ru: `${n.ru}: данные неверны${e.invalid ? ` (${e.invalid.ru})` : ""} — цель не оценивается, пока данные не исправлены.`,
        en: `${n.en}: invalid data${e.invalid ? ` (${e.invalid.en})` : ""} — the target is not judged until the data are corrected.`,
      };
  }
}
