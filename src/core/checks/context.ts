/** What every rule needs: the report, lookups by indicator and period, and a finding builder. */
import { CATALOG, getIndicator } from "../catalog";
import { comparePeriods, parsePeriodKey } from "../periods";
import type { Finding, Indicator, Observation, SchoolData, Severity, Text } from "../types";

export interface CheckContext {
  data: SchoolData;
  /** The number an observation holds, or null (empty, «–», error). */
  num(indicatorId: string, period: string): number | null;
  obs(indicatorId: string, period: string): Observation | undefined;
  /** Every (indicator, period) with an observation, in catalog then chronological order. */
  entries(): { ind: Indicator; period: string; obs: Observation }[];
  /** The denominator ids a count+share indicator divides by in this school. */
  expectedDenominator(ind: Indicator): string[];
  finding(rule: string, ind: Indicator | string, period: string | undefined, severity: Severity, message: Text): Finding;
}

export function createContext(data: SchoolData): CheckContext {
  const obs = (id: string, period: string) => data.observations[id]?.[period];
  const num = (id: string, period: string) => {
    const v = obs(id, period)?.value;
    return v && v.kind === "number" ? v.value : null;
  };
  return {
    data,
    obs,
    num,
    entries() {
      const out: { ind: Indicator; period: string; obs: Observation }[] = [];
      for (const ind of CATALOG) {
        const byPeriod = data.observations[ind.id];
        if (!byPeriod) continue;
        for (const period of sortPeriodKeys(Object.keys(byPeriod))) out.push({ ind, period, obs: byPeriod[period] });
      }
      return out;
    },
    expectedDenominator(ind) {
      if (ind.unit.kind !== "countShare") return [];
      if (ind.unit.choices && data.qualityDenominator && ind.unit.choices.includes(data.qualityDenominator)) return [data.qualityDenominator];
      return ind.unit.denominator;
    },
    finding(rule, ind, period, severity, message) {
      const indicatorId = typeof ind === "string" ? ind : ind.id;
      const f: Finding = { rule, indicatorId, severity, message };
      if (period !== undefined) f.period = period;
      if (data.school) f.school = data.school;
      return f;
    },
  };
}

export function sortPeriodKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => {
    const pa = parsePeriodKey(a);
    const pb = parsePeriodKey(b);
    if (pa && pb) return comparePeriods(pa, pb);
    return pa ? -1 : pb ? 1 : a.localeCompare(b);
  });
}

/** «Название» of an indicator for messages (short label). */
export function label(id: string): Text {
  const ind = getIndicator(id);
  return ind ? { ru: `«${ind.short.ru}»`, en: `"${ind.short.en}"` } : { ru: `«${id}»`, en: `"${id}"` };
}

/** Numbers in messages: Russian decimal comma, percent with one decimal. */
export const n = {
  ru: (x: number) => String(Math.round(x * 1000) / 1000).replace(".", ",").replace("-", "−"),
  en: (x: number) => String(Math.round(x * 1000) / 1000),
  pctRu: (x: number) => `${(x * 100).toFixed(1).replace(".", ",")} %`,
  pctEn: (x: number) => `${(x * 100).toFixed(1)}%`,
};
