/**
 * Consistency checks of a school's report: structured findings for the mistakes real reports
 * contain (domain.md, "What real reports get wrong"). Pure; never throws.
 */
import { CATALOG } from "../catalog";
import type { Finding, SchoolData, Severity } from "../types";
import { comparePeriodKeys, createContext } from "./context";
import { checkShares } from "./shares";
import { checkApplicability, checkPartsAndWholes, checkYesNo } from "./structure";
import { checkExamYears, checkValues } from "./values";

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const order = new Map(CATALOG.map((ind, i) => [ind.id, i]));

function compareFindings(a: Finding, b: Finding): number {
  const ia = order.get(a.indicatorId) ?? CATALOG.length;
  const ib = order.get(b.indicatorId) ?? CATALOG.length;
  if (ia !== ib) return ia - ib;
  return comparePeriodKeys(a.period, b.period) || a.rule.localeCompare(b.rule);
}

/** Every finding, in catalog order, then chronologically, then by rule. */
export function runChecks(data: SchoolData): Finding[] {
  const c = createContext(data);
  const findings = [
    ...checkValues(c),
    ...checkShares(c),
    ...checkPartsAndWholes(c),
    ...checkApplicability(c),
    ...checkYesNo(c),
    ...checkExamYears(c),
  ];
  return findings.sort(compareFindings);
}
