/** Synthetic school reports for the consolidation tests and the bench. */
import { CATALOG } from "../../src/core/catalog";
import { periodKey } from "../../src/core/periods";
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

/** A deterministic pseudo-random school with every indicator in every period (counts ≤ denominators). */
export function syntheticSchool(i: number, periods: Period[]): ReportData {
  let seed = (i + 1) * 2654435761;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const values: Record<string, Record<string, number>> = {};
  for (const p of periods) {
    const k = periodKey(p);
    const base: Record<string, number> = { students_total: 200 + Math.floor(rnd() * 800), grads_9: 20 + Math.floor(rnd() * 60), grads_11: 5 + Math.floor(rnd() * 30), staff_ped: 20 + Math.floor(rnd() * 40) };
    base.students_assessed = base.students_total - Math.floor(rnd() * 40);
    base.staff_ped_admin = base.staff_ped + 3;
    for (const ind of CATALOG) {
      let v: number;
      if (ind.id in base) v = base[ind.id];
      else if (ind.unit.kind === "countShare") v = Math.floor(rnd() * Math.min(...ind.unit.denominator.map((d) => base[d] ?? 100)) * 0.9);
      else if (ind.unit.kind === "count") v = Math.floor(rnd() * 50);
      else if (ind.unit.kind === "average") v = Math.round((ind.unit.min + rnd() * (ind.unit.max - ind.unit.min)) * 100) / 100;
      else if (ind.unit.kind === "yesNo") v = rnd() < 0.6 ? 1 : 0;
      else if (ind.unit.kind === "share") v = Math.round(rnd() * 100) / 100;
      else v = Math.round(rnd() * 1000) / 100;
      (values[ind.id] ??= {})[k] = v;
    }
  }
  return report(`МБОУ СОШ № ${i + 1}`, periods, values);
}
