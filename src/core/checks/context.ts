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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isValue = (x: unknown): boolean => isObject(x) && typeof x.kind === "string";

/** The report with only well-formed observations of catalog indicators (odd input is ignored, never thrown on). */
function sanitize(input: SchoolData): SchoolData {
  const data: SchoolData = isObject(input) ? { ...input } : { school: "", observations: {} };
  const observations: SchoolData["observations"] = {};
  const raw: unknown = data.observations;
  for (const ind of CATALOG) {
    const byPeriod = isObject(raw) && Object.prototype.hasOwnProperty.call(raw, ind.id) ? raw[ind.id] : undefined;
    if (!isObject(byPeriod)) continue;
    const kept: Record<string, Observation> = Object.create(null);
    for (const [period, o] of Object.entries(byPeriod)) {
      if (!isObject(o) || !isValue(o.value)) continue;
      const clean: Observation = { value: o.value as Observation["value"] };
      if (isValue(o.printedShare)) clean.printedShare = o.printedShare as Observation["value"];
      if (typeof o.denominatorUsed === "string" && o.denominatorUsed) clean.denominatorUsed = o.denominatorUsed;
      kept[period] = clean;
    }
    observations[ind.id] = kept;
  }
  data.observations = observations;
  if (typeof data.school !== "string") data.school = "";
  if (!isObject(data.grades)) delete data.grades;
  if (!Array.isArray(data.levels) || !data.levels.every((l) => ["primary", "basic", "secondary"].includes(l as string))) delete data.levels;
  if (!Array.isArray(data.nonComparableExamYears)) delete data.nonComparableExamYears;
  if (typeof data.qualityDenominator !== "string") delete data.qualityDenominator;
  return data;
}

export function createContext(input: SchoolData): CheckContext {
  const data = sanitize(input);
  const obs = (id: string, period: string) => (Object.prototype.hasOwnProperty.call(data.observations, id) ? data.observations[id][period] : undefined);
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
        if (!byPeriod) continue; // sanitized: catalog ids only
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

/** Chronological order of period keys; keys that do not parse come after, alphabetically. */
export function comparePeriodKeys(a: string | undefined, b: string | undefined): number {
  const pa = parsePeriodKey(a);
  const pb = parsePeriodKey(b);
  if (pa && pb) return comparePeriods(pa, pb);
  if (pa || pb) return pa ? -1 : 1;
  return (a ?? "").localeCompare(b ?? "");
}

export function sortPeriodKeys(keys: string[]): string[] {
  return [...keys].sort(comparePeriodKeys);
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
