/** Hand-made school reports for the consolidation tests (the bench's generator: src/cli/bench-consolidate.ts). */
import type { ReportData } from "../../src/core/report";
import type { Observation, Period, Value } from "../../src/core/types";

export function report(school: string, periods: Period[], values: Record<string, Record<string, number | "–">>): ReportData {
  const observations: Record<string, Record<string, Observation>> = {};
  for (const [id, byKey] of Object.entries(values)) {
    observations[id] = {};
    for (const [k, v] of Object.entries(byKey)) observations[id][k] = { value: (v === "–" ? { kind: "na" } : { kind: "number", value: v }) as Value };
  }
  return { school, schoolYear: periods[0]?.startYear ?? null, periods, data: { school, observations }, cells: {}, judged: {}, sheets: {} };
}
