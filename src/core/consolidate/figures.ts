/**
 * Many schools' reports → figures per indicator for one period: each school's value (with count
 * and denominator for Ч/УВ), the municipal total and the rank. Shares are totalled as the sum of
 * counts over the sum of denominators, never as the mean of shares; averages are weighted by the
 * number of pupils they are about where the domain names it (ОГЭ by 9th-grade graduates, ЕГЭ by
 * 11th-grade graduates, per-student ratios by students on the roll), otherwise a plain mean.
 */
import { aggregateAverage, aggregateShare, rank } from "../aggregate";
import { CATALOG, appliesToLevels } from "../catalog";
import type { ReportData } from "../report";
import type { ImpossibleData } from "../judge";
import type { Indicator, Period, Text } from "../types";
import { periodKey } from "../periods";

export interface SchoolFigure {
  /** The judged value: share 0…1 for Ч/УВ, the value itself otherwise; null when missing. */
  value: number | null;
  count: number | null;
  denominator: number | null;
  /** «–»: not applicable to the school. */
  na: boolean;
  /** Impossible data (judge.ts): why. Such a figure is out of the total and the ranks and never judged. */
  invalid?: Text;
}

export type TotalMethod = "sumOverSum" | "sum" | "weighted" | "mean" | "yesCount" | "none";

export interface IndicatorTotal {
  value: number | null;
  count: number | null;
  denominator: number | null;
  /** Schools that reported a number. */
  schools: number;
  method: TotalMethod;
}

/** Weights of averages and ratios: the indicator whose count the value is "per". */
export function weightOf(ind: Indicator): string | null {
  if (ind.unit.kind === "ratio") return "students_total";
  if (ind.unit.kind !== "average") return null;
  if (ind.id.startsWith("gia9_")) return "grads_9";
  if (ind.id.startsWith("ege_")) return "grads_11";
  return null;
}

const num = (report: ReportData, id: string, key: string): number | null => {
  const v = report.data.observations[id]?.[key]?.value;
  return v && v.kind === "number" ? v.value : null;
};

/** The indicators a count+share's denominator sums (the school's choice for «4» and «5»); [] for other units. */
export function denominatorIds(report: ReportData, ind: Indicator): string[] {
  if (ind.unit.kind !== "countShare") return [];
  return ind.id === "quality_4_5" && report.data.qualityDenominator ? [report.data.qualityDenominator] : ind.unit.denominator;
}

/**
 * Why a school's figure is impossible in the period: its own value, or for a share the count or
 * any denominator it is computed from; undefined when possible or not applicable.
 */
export function invalidReason(report: ReportData, ind: Indicator, key: string, impossible: ImpossibleData | undefined): Text | undefined {
  if (!impossible || !appliesToLevels(ind, report.data.levels)) return undefined;
  for (const id of [ind.id, ...denominatorIds(report, ind)]) {
    const why = impossible.get(id)?.get(key);
    if (why) return why;
  }
  return undefined;
}

/** One school's figure for an indicator in a period. */
export function figureOf(report: ReportData, ind: Indicator, key: string): SchoolFigure {
  // An item of a level the school lacks is «–» for it, whatever a cell holds: out of totals and ranks.
  if (!appliesToLevels(ind, report.data.levels)) return { value: null, count: null, denominator: null, na: true };
  const v = report.data.observations[ind.id]?.[key]?.value;
  const na = v?.kind === "na";
  const value = v?.kind === "number" ? v.value : null;
  if (ind.unit.kind !== "countShare") return { value, count: null, denominator: null, na };
  const denIds = denominatorIds(report, ind);
  const parts = denIds.map((d) => num(report, d, key));
  const denominator = parts.every((p) => p !== null) ? parts.reduce<number>((a, b) => a + (b as number), 0) : null;
  return { value: value !== null && denominator !== null && denominator > 0 ? value / denominator : null, count: value, denominator, na };
}

/** The municipal total of an indicator over the schools' figures (and reports, for weights). */
export function totalOf(ind: Indicator, figures: SchoolFigure[], reports: ReportData[], key: string): IndicatorTotal {
  const reported = figures.filter((f) => f.value !== null || (ind.unit.kind === "countShare" && f.count !== null));
  const schools = figures.filter((f) => f.value !== null).length;
  switch (ind.unit.kind) {
    case "countShare": {
      const agg = aggregateShare(reported.filter((f) => f.count !== null && f.denominator !== null).map((f) => ({ count: f.count, denominator: f.denominator })));
      const a = agg.ok ? agg.value : null;
      return { value: a?.share ?? null, count: a?.count ?? null, denominator: a?.denominator ?? null, schools, method: "sumOverSum" };
    }
    case "count": {
      const vals = figures.map((f) => f.value).filter((v): v is number => v !== null);
      return { value: vals.length ? vals.reduce((a, b) => a + b, 0) : null, count: null, denominator: null, schools, method: "sum" };
    }
    case "yesNo": {
      const vals = figures.map((f) => f.value).filter((v): v is number => v !== null);
      return { value: vals.length ? vals.filter((v) => v === 1).length : null, count: null, denominator: vals.length || null, schools, method: "yesCount" };
    }
    case "average":
    case "ratio": {
      const w = weightOf(ind);
      const items = figures.map((f, i) => ({ value: f.value, weight: w ? num(reports[i], w, key) : null }));
      const withValue = items.filter((x) => x.value !== null);
      if (w && withValue.length && withValue.every((x) => x.weight !== null && x.weight > 0)) {
        const r = aggregateAverage(withValue.map((x) => ({ value: x.value, weight: x.weight })));
        if (r.ok) return { value: r.value, count: null, denominator: null, schools, method: "weighted" };
      }
      return { ...mean(withValue.map((x) => x.value as number)), schools, method: withValue.length ? "mean" : "none" };
    }
    case "share":
      return { ...mean(figures.map((f) => f.value).filter((v): v is number => v !== null)), schools, method: "mean" };
  }
}

function mean(values: number[]): { value: number | null; count: null; denominator: null } {
  return { value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, count: null, denominator: null };
}

export interface IndicatorFigures {
  indicator: Indicator;
  /** Per school, in the order of the schools given. */
  figures: SchoolFigure[];
  total: IndicatorTotal;
  /** Per school: 1 = best; null when not ranked (neutral polarity, no value). */
  ranks: (number | null)[];
}

/**
 * Figures of every catalog indicator some school filled in the period (a value or «–»), catalog
 * order. `impossible` (per report, judge.ts impossibleData): such figures are marked invalid and
 * left out of the total and the ranks.
 */
export function figuresFor(reports: ReportData[], period: Period, impossible?: readonly ImpossibleData[]): IndicatorFigures[] {
  const key = periodKey(period);
  const out: IndicatorFigures[] = [];
  for (const ind of CATALOG) {
    if (!reports.some((r) => r.data.observations[ind.id]?.[key])) continue;
    const figures = reports.map((r, i): SchoolFigure => {
      const f = figureOf(r, ind, key);
      // A blank cell stays blank (a blank total row whose breakdown is impossible, say).
      const invalid = f.value !== null || f.count !== null ? invalidReason(r, ind, key, impossible?.[i]) : undefined;
      return invalid ? { ...f, invalid } : f;
    });
    // What the total and the ranks see: an impossible figure as no figure.
    const valid = figures.map((f) => (f.invalid ? { value: null, count: null, denominator: null, na: false } : f));
    const r = rank(valid.map((f, i) => ({ key: String(i), value: f.value })), ind.unit.kind === "count" && !ind.number ? 0 : ind.polarity);
    out.push({ indicator: ind, figures, total: totalOf(ind, valid, reports, key), ranks: valid.map((_, i) => r.get(String(i)) ?? null) });
  }
  return out;
}
