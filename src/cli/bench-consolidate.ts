/**
 * Consolidation figures for `npm run bench`: 10 / 100 / 1,000 synthetic schools (every catalog
 * indicator × 8 periods of one school year) consolidated on the simulated host, with request bytes
 * also as Microsoft's Office.js client serializes them (src/cli/officejs-bytes.ts).
 */
import { performance } from "node:perf_hooks";
import { CATALOG } from "../core/catalog";
import { periodKey, periodsOf } from "../core/periods";
import type { ReportData } from "../core/report";
import type { Observation, Period } from "../core/types";
import { consolidate } from "../excel/consolidate";
import { createSimHost, installSimHost } from "../sim";
import { installOfficeJsTee, summarize, type RealRequest } from "./officejs-bytes";

/** 2023/24: Q1–Q4, H1–H2, year, exams. */
export const BENCH_PERIODS: Period[] = periodsOf(2023, ["Q", "H", "Y", "E"]);

/** A deterministic pseudo-random school: every indicator in every period, counts ≤ denominators. */
export function syntheticSchool(i: number, periods: Period[] = BENCH_PERIODS): ReportData {
  let seed = ((i + 1) * 2654435761) % 2147483648;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const observations: Record<string, Record<string, Observation>> = {};
  const put = (id: string, k: string, v: number) => ((observations[id] ??= {})[k] = { value: { kind: "number", value: v } });
  for (const p of periods) {
    const k = periodKey(p);
    const base: Record<string, number> = { students_total: 200 + Math.floor(rnd() * 800), grads_9: 20 + Math.floor(rnd() * 60), grads_11: 5 + Math.floor(rnd() * 30), staff_ped: 20 + Math.floor(rnd() * 40) };
    base.students_assessed = base.students_total - Math.floor(rnd() * 40);
    base.staff_ped_admin = base.staff_ped + 3;
    for (const ind of CATALOG) {
      let v: number;
      const u = ind.unit;
      if (ind.id in base) v = base[ind.id];
      else if (u.kind === "countShare") v = Math.floor(rnd() * Math.min(...u.denominator.map((d) => base[d] ?? 100)) * 0.9);
      else if (u.kind === "count") v = Math.floor(rnd() * 50);
      else if (u.kind === "average") v = Math.round((u.min + rnd() * (u.max - u.min)) * 100) / 100;
      else if (u.kind === "yesNo") v = rnd() < 0.6 ? 1 : 0;
      else if (u.kind === "share") v = Math.round(rnd() * 100) / 100;
      else v = Math.round(rnd() * 1000) / 100;
      put(ind.id, k, v);
    }
  }
  const school = `МБОУ СОШ № ${i + 1}`;
  return { school, schoolYear: periods[0]?.startYear ?? null, periods, data: { school, observations }, cells: {}, judged: {}, sheets: {} };
}

export interface ConsolidationFigures {
  schools: number;
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  dataRows: number;
  /** The same requests as Microsoft's Office.js client serializes them (`officeJs`). */
  real?: { syncs: number; maxBytes: number; totalBytes: number };
  /** Each of those requests, with the RequestBudget's estimate of it. */
  realRequests?: RealRequest[];
  ms: number;
}

/**
 * `officeJs`: run through Microsoft's Office.js client as well and measure its requests (`real`);
 * `periods`: the periods of «Свод» side by side (default: the year).
 */
export async function runConsolidation(n: number, opts: { officeJs?: boolean; periods?: Period[] } = {}): Promise<ConsolidationFigures> {
  const sources = Array.from({ length: n }, (_, i) => ({ label: `school${i + 1}.xlsx`, report: syntheticSchool(i) }));
  const host = createSimHost();
  const tee = opts.officeJs ? installOfficeJsTee(host) : null;
  const uninstall = tee ? tee.uninstall : installSimHost(host);
  try {
    const t0 = performance.now();
    const r = await consolidate({ sources, useOpenWorkbook: false, period: opts.periods ?? { startYear: 2023, kind: "Y" }, lang: "ru" });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`consolidate failed: ${r.error.message.en}`);
    return {
      schools: n,
      syncs: host.stats.syncs,
      maxRequestBytes: host.stats.maxRequestBytes,
      totalRequestBytes: host.stats.requests.reduce((a, q) => a + q.bytes, 0),
      dataRows: r.dataRows,
      ...(tee ? { real: summarize(tee.requests), realRequests: [...tee.requests] } : {}),
      ms,
    };
  } finally {
    uninstall();
  }
}

/** Bench entry: prints through `report` (name, value, unit). */
export async function benchConsolidation(report: (name: string, value: number, unit: string) => void, sizes = [10, 100, 1000]): Promise<void> {
  for (const n of sizes) {
    const f = await runConsolidation(n, { officeJs: true });
    report(`consolidate.${n}.syncs`, f.syncs, "syncs");
    report(`consolidate.${n}.maxRequestBytes`, f.maxRequestBytes, "bytes (simulated host's count)");
    report(`consolidate.${n}.totalRequestBytes`, f.totalRequestBytes, "bytes (simulated host's count)");
    report(`consolidate.${n}.officejs.maxRequestBytes`, f.real!.maxBytes, "bytes (Office.js request)");
    report(`consolidate.${n}.officejs.totalRequestBytes`, f.real!.totalBytes, "bytes (Office.js requests)");
    report(`consolidate.${n}.officejs.requests`, f.real!.syncs, "requests (with Excel.run's closing one)");
    report(`consolidate.${n}.dataRows`, f.dataRows, "rows");
    report(`consolidate.${n}.ms`, f.ms, "ms (simulated host + Office.js)");
  }
}
