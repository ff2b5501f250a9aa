/**
 * Impossible data of a school on «Свод» as findings: one per cause (a check's error, or a judged
 * share outside 0–100 % no check explains), the same cause in several chosen periods once, naming
 * the school, the indicators (the check's own words) and why.
 */
import { getIndicator } from "../catalog";
import { IMPOSSIBLE_RULES, type ImpossibleData } from "../judge";
import { formatPeriod, periodKey } from "../periods";
import type { Finding, Period, Text } from "../types";
import type { ConsolidationFinding } from "./index";

const strip = (s: string) => s.replace(/\.$/, "");

export function invalidFindings(
  label: string,
  school: string,
  checks: readonly Finding[],
  impossible: ImpossibleData,
  chosen: readonly Period[],
): ConsolidationFinding[] {
  const byKey = new Map(chosen.map((p) => [periodKey(p), p]));
  const causes = new Map<string, { why: Text; periods: Period[] }>();
  const add = (why: Text, key: string) => {
    const p = byKey.get(key);
    if (!p) return;
    const c = causes.get(why.ru);
    if (!c) causes.set(why.ru, { why, periods: [p] });
    else if (!c.periods.includes(p)) c.periods.push(p);
  };
  const explained = new Set<string>();
  for (const f of checks) {
    if (f.severity !== "error" || !IMPOSSIBLE_RULES.has(f.rule) || !f.period) continue;
    const why = { ru: strip(f.message.ru), en: strip(f.message.en) };
    explained.add(why.ru);
    add(why, f.period);
  }
  // Judged shares outside 0…1 that no check explains: the indicator's name and the share.
  for (const [id, byPeriod] of impossible) {
    for (const [key, why] of byPeriod) {
      if (explained.has(why.ru)) continue;
      const ind = getIndicator(id);
      const name = ind ? ind.short : { ru: id, en: id };
      add({ ru: `${name.ru}: ${why.ru}`, en: `${name.en}: ${why.en}` }, key);
    }
  }
  return [...causes.values()].map(({ why, periods }) => ({
    label,
    code: "invalid",
    message: {
      ru: `«${school}», ${periods.map((p) => formatPeriod(p, "ru")).join(", ")}: ${why.ru} — данные неверны; значение не учтено в итоге и местах и не оценивается по цели.`,
      en: `«${school}», ${periods.map((p) => formatPeriod(p, "en")).join(", ")}: ${why.en} — invalid data; the value is left out of the total and the ranks and not judged against the target.`,
    },
  }));
}
