/**
 * What may be judged and how: impossible data (never judged), like-with-like comparisons, chance
 * told from change for shares with known counts, and how far a target still is. Pure; never throws.
 */
import { getIndicator, isShareLike } from "./catalog";
import { runChecks } from "./checks";
import { ok, fail } from "./calc";
import { comparablePrevious, comparePeriods, periodKey } from "./periods";
import type { ReportData } from "./report";
import { changeSignificance, type Significance } from "./stats";
import type { Calc, Finding, Period, Polarity, Text } from "./types";

/** Error findings that make a value impossible (it is then never judged against a target). */
export const IMPOSSIBLE_RULES: ReadonlySet<string> = new Set(["value_out_of_scale", "part_exceeds_whole"]);

/** Indicator id → period key → why its value there is impossible. */
export type ImpossibleData = Map<string, Map<string, Text>>;

function strip(message: Text): Text {
  return { ru: message.ru.replace(/\.$/, ""), en: message.en.replace(/\.$/, "") };
}

/** The impossible values of a report: from the error findings of the checks, and any judged share outside 0…1. */
export function impossibleData(report: ReportData, findings: readonly Finding[] = runChecks(report.data)): ImpossibleData {
  const out: ImpossibleData = new Map();
  const mark = (id: string, key: string, why: Text) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = new Map()));
    if (!m.has(key)) m.set(key, why);
  };
  for (const f of findings) {
    if (f.severity !== "error" || !IMPOSSIBLE_RULES.has(f.rule) || !f.period) continue;
    const why = strip(f.message);
    mark(f.indicatorId, f.period, why);
    for (const id of f.involves ?? []) mark(id, f.period, why);
  }
  for (const [id, byPeriod] of Object.entries(report.judged)) {
    const ind = getIndicator(id);
    if (!ind || !isShareLike(ind)) continue;
    for (const [key, x] of Object.entries(byPeriod)) {
      if (x < -1e-9 || x > 1 + 1e-9) {
        const pct = String(Math.round(x * 1000) / 10);
        mark(id, key, { ru: `доля ${pct.replace(".", ",")} % вне 0–100 %`, en: `the share ${pct}% is outside 0–100%` });
      }
    }
  }
  return out;
}

/**
 * The earlier periods a later one is compared with for «Ухудшение» and chance: like with like only
 * (same kind of period) — the same period of the previous year first, then the previous period of
 * the same kind in the year (Q2 after Q1, H2 after H1); a half-year is never compared with a year
 * here. Only periods in `reported` (the indicator's own periods) count.
 */
export function comparableEarlier(later: Period, reported: readonly Period[]): Period[] {
  const ok = new Set(reported.map(periodKey));
  return comparablePrevious(later)
    .filter((c) => c.period.kind[0] === later.kind[0] && comparePeriods(c.period, later) < 0 && ok.has(periodKey(c.period)))
    .map((c) => c.period);
}

/** Count and denominator of a count+share indicator in a period, when both are known whole numbers. */
export function shareCounts(report: ReportData, id: string, key: string): { count: number; total: number } | null {
  const ind = getIndicator(id);
  if (!ind || ind.unit.kind !== "countShare") return null;
  const num = (x: string): number | null => {
    const v = report.data.observations[x]?.[key]?.value;
    return v && v.kind === "number" && Number.isInteger(v.value) && v.value >= 0 ? v.value : null;
  };
  const count = num(id);
  const dens = ind.unit.choices && report.data.qualityDenominator && ind.unit.choices.includes(report.data.qualityDenominator)
    ? [report.data.qualityDenominator]
    : ind.unit.denominator;
  let total = 0;
  for (const d of dens) {
    const x = num(d);
    if (x === null) return null;
    total += x;
  }
  if (count === null || total <= 0 || count > total) return null;
  return { count, total };
}

export interface ChangeJudgement {
  /** 1 better, −1 worse, 0 unchanged; "chance": inside the random variation of the earlier share. */
  verdict: 1 | 0 | -1 | "chance";
  /** Shares with counts: the change in pupils (later count − earlier count). */
  pupils?: number;
  significance?: Significance;
}

/**
 * Judge a change by polarity; for a share whose counts are known in both periods, a change that is
 * not significant (Newcombe 95 %, stats.ts) is "chance" rather than better or worse.
 */
export function judgeChange(report: ReportData, id: string, earlier: Period, later: Period, from: number, to: number, polarity: Polarity): ChangeJudgement {
  const d = (to - from) * polarity;
  const raw: 1 | 0 | -1 = polarity === 0 || Math.abs(to - from) <= 1e-9 ? 0 : d > 0 ? 1 : -1;
  const a = shareCounts(report, id, periodKey(earlier));
  const b = shareCounts(report, id, periodKey(later));
  if (!a || !b || raw === 0) return { verdict: raw };
  const s = changeSignificance(a.count, a.total, b.count, b.total);
  const pupils = b.count - a.count;
  if (!s.ok) return { verdict: raw, pupils };
  return { verdict: s.value.verdict === 0 ? "chance" : raw, pupils, significance: s.value.verdict };
}

/**
 * The change still needed to reach a target: per remaining period in the indicator's units, and —
 * given the denominator `total` of a share — the whole number of pupils needed in all, spread over
 * the periods (periodsLeft = 1 gives that number). 0 when already met.
 */
export function needed(current: number, target: number, periodsLeft: number, polarity: Polarity = 1, total?: number): Calc<number> {
  if (![current, target, periodsLeft].every(Number.isFinite) || (total !== undefined && !Number.isFinite(total))) {
    return fail("value", { ru: "Недопустимое число", en: "Not a valid number" });
  }
  if (periodsLeft <= 0 || !Number.isInteger(periodsLeft)) {
    return fail("value", { ru: "Число оставшихся периодов должно быть целым и больше нуля", en: "Periods left must be a whole number above zero" });
  }
  if (total !== undefined && (total <= 0 || !Number.isInteger(total))) {
    return fail("value", { ru: "Знаменатель должен быть целым и больше нуля", en: "The denominator must be a whole number above zero" });
  }
  if (total !== undefined && (current < 0 || current > 1 || target < 0 || target > 1)) {
    return fail("value", { ru: "Доля вне диапазона 0…1", en: "Share outside 0…1" });
  }
  const gap = target - current;
  const sign = polarity === -1 ? -1 : 1;
  if (polarity === 0 || gap * sign <= 1e-9) return ok(0);
  if (total === undefined) return ok(gap / periodsLeft);
  // Whole pupils: the count the target requires (rounded towards meeting it) minus the count now.
  const now = Math.round(current * total);
  const want = sign === 1 ? Math.ceil(target * total - 1e-9) : Math.floor(target * total + 1e-9);
  return ok((want - now) / periodsLeft);
}

/** The report periods in which at least one indicator has a value (template columns left blank are not "reported"). */
export function filledPeriods(report: ReportData): Period[] {
  const keys = new Set<string>();
  for (const byPeriod of Object.values(report.data.observations)) {
    for (const [key, o] of Object.entries(byPeriod)) if (o.value.kind === "number") keys.add(key);
  }
  return report.periods.filter((p) => keys.has(periodKey(p)));
}
