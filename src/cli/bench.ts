/**
 * `npm run bench`: figures on the simulated host and the functions bundle, one line per figure and
 * a final JSON line. Run `npm run build` first (the functions figures load dist/functions.js).
 */
import { performance } from "node:perf_hooks";
import { createSimHost, installSimHost } from "../sim";
import { insertReport } from "../excel/insertReport";
import { buildReportPlan } from "../core/layout";
import { writePlanToXlsx } from "../xlsx/write";
import { periodsOf } from "../core/periods";
import type { Period, SectionId } from "../core/types";
import { benchConsolidation } from "./bench-consolidate";

const figures: Record<string, number> = {};

function report(name: string, value: number, unit: string): void {
  figures[name] = value;
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);
}

const ALL_SECTIONS: SectionId[] = ["subject", "staff", "facilities", "methods", "partnership"];

function years(from: number, count: number): Period[] {
  const out: Period[] = [];
  for (let y = from; y < from + count; y++) out.push(...periodsOf(y, ["Q", "H", "Y", "E"]));
  return out;
}

async function benchInsert(label: string, periods: Period[]): Promise<void> {
  const host = createSimHost();
  const uninstall = installSimHost(host);
  try {
    const t0 = performance.now();
    const r = await insertReport({ school: "МБОУ СОШ № 1", schoolYear: periods[0].startYear, periods, sections: ALL_SECTIONS, lang: "ru" });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`insert failed: ${r.error.message.en}`);
    report(`insert.${label}.syncs`, host.stats.syncs, "syncs");
    report(`insert.${label}.maxRequestBytes`, host.stats.maxRequestBytes, "bytes");
    report(`insert.${label}.ms`, ms, "ms (simulated host)");
    // Insert again: the read-merge-write path.
    host.resetStats();
    const t1 = performance.now();
    const again = await insertReport({ school: "МБОУ СОШ № 1", schoolYear: periods[0].startYear, periods, sections: ALL_SECTIONS, lang: "ru" });
    if (!again.ok) throw new Error(`re-insert failed: ${again.error.message.en}`);
    report(`reinsert.${label}.syncs`, host.stats.syncs, "syncs");
    report(`reinsert.${label}.ms`, performance.now() - t1, "ms (simulated host)");
  } finally {
    uninstall();
  }
}

async function benchTemplate(): Promise<void> {
  const plan = buildReportPlan({ school: "Школа", schoolYear: 2024, periods: years(2024, 1), sections: ALL_SECTIONS, lang: "ru" });
  const t0 = performance.now();
  const buf = await writePlanToXlsx(plan);
  report("template.ms", performance.now() - t0, "ms");
  report("template.bytes", buf.byteLength, "bytes");
}

async function benchFunctionsIfBuilt(): Promise<void> {
  let mod: { benchFunctions?: () => { name: string; perSecond: number }[] };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("./bench-functions");
  } catch (e) {
    console.log(`functions: skipped (${(e as Error).message.split("\n")[0]})`);
    return;
  }
  if (!mod.benchFunctions) return;
  for (const r of mod.benchFunctions()) report(`functions.${r.name}.perSecond`, Math.round(r.perSecond), "evaluations/s");
}

async function main(): Promise<void> {
  await benchInsert("1year", years(2024, 1));
  await benchInsert("10years", years(2015, 10));
  await benchTemplate();
  await benchFunctionsIfBuilt();
  await benchConsolidation(report);
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
