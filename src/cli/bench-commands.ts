/**
 * The task pane's commands on the simulated host, measured: syncs, largest and total request
 * bytes (the simulated host's count and, with `officeJs`, Microsoft's Office.js client's:
 * src/cli/officejs-bytes.ts), wall time. Shared by `npm run bench` (prints them) and test/budgets
 * (asserts the sync and payload budgets). The workbook: the report sheets for `years` school years (Q1–Q4, H1–H2, year,
 * exams; every section), filled with one synthetic school's figures as a user would type them.
 */
import { performance } from "node:perf_hooks";
import { LAYOUT } from "../core/layout";
import { cellAddress } from "../core/layout/grid";
import { periodsOf } from "../core/periods";
import type { Period, SectionId } from "../core/types";
import { comparePeriods, insertTargets, refreshRisks } from "../excel/commands";
import { insertReport } from "../excel/insertReport";
import { importRoadmap } from "../excel/roadmap";
import { freezeForSending, restoreFormulas } from "../excel/share";
import { PASTE } from "../demo/sampleRoadmap";
import { createSimHost, installSimHost, type SimHost } from "../sim";
import { installOfficeJsTee, summarize, type OfficeJsTee, type RealRequest } from "./officejs-bytes";
import { registerEduFunctions } from "../sim/functions-plugin";
import { syntheticSchool } from "./bench-consolidate";

export const ALL_SECTIONS: SectionId[] = ["subject", "staff", "facilities", "methods", "partnership"];

/** Budgets of issue 8: syncs per command and the largest request (Excel on the web rejects > 5 MB). */
export const SYNC_BUDGET = 3;
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

export type CommandName = "insert" | "reinsert" | "targets" | "compare" | "roadmap" | "risks" | "freeze" | "restore";

/** Every command runCommands measures, in its order. */
export const COMMANDS: readonly CommandName[] = ["insert", "reinsert", "targets", "compare", "roadmap", "risks", "freeze", "restore"];

export interface CommandFigures {
  command: CommandName;
  ok: boolean;
  /** The typed error code when the command failed. */
  error?: string;
  syncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  /** Bytes of everything the syncs' loads returned (the reads). */
  totalResponseBytes: number;
  /**
   * The same requests as Microsoft's Office.js client serializes them (runCommands with
   * `officeJs`): syncs counts Excel.run's closing request (releasing kept ranges) too.
   */
  real?: { syncs: number; maxBytes: number; totalBytes: number };
  /** Each of those requests, with the RequestBudget's estimate of it. */
  realRequests?: RealRequest[];
  ms: number;
}

/** Every period of `count` school years from `from`. */
export function schoolYears(from: number, count: number): Period[] {
  const out: Period[] = [];
  for (let y = from; y < from + count; y++) out.push(...periodsOf(y, ["Q", "H", "Y", "E"]));
  return out;
}

/**
 * Types one synthetic school's figures into the input cells of our indicator sheets (a paste:
 * value cells only, in chunks; not measured). Returns the number of cells written.
 */
export async function fillReport(host: SimHost, periods: Period[]): Promise<number> {
  const school = syntheticSchool(0, periods).data.observations;
  const writes: { sheet: string; addr: string; value: number }[] = [];
  for (const { name } of host.inspect.sheetNames()) {
    const cells = host.inspect.grid(name).cells;
    const marker = String(cells[0]?.[0]?.value ?? "");
    if (!/^shnor-monitor:v\d+:(base|subject|staff|facilities|methods|partnership)$/.test(marker)) continue;
    const keys = (cells[LAYOUT.periodKeyRow - 1] ?? []).map((c) => String(c.value));
    cells.forEach((row, r) => {
      const id = row[LAYOUT.idCol - 1]?.value;
      if (typeof id !== "string" || !school[id]) return;
      keys.forEach((key, c) => {
        const v = school[id][key]?.value;
        if (v?.kind !== "number" || row[c]?.formula) return;
        const addr = cellAddress(r + 1, c + 1);
        if (!host.inspect.cell(name, addr).locked) writes.push({ sheet: name, addr, value: v.value });
      });
    });
  }
  for (let i = 0; i < writes.length; i += 2000) {
    await Excel.run(async (context) => {
      for (const w of writes.slice(i, i + 2000)) context.workbook.worksheets.getItem(w.sheet).getRange(w.addr).values = [[w.value]];
      await context.sync();
    });
  }
  return writes.length;
}

async function measure(host: SimHost, tee: OfficeJsTee | null, command: CommandName, run: () => Promise<{ ok: boolean; error?: { code: string } }>): Promise<CommandFigures> {
  host.resetStats();
  tee?.reset();
  const t0 = performance.now();
  const r = await run();
  const ms = performance.now() - t0;
  const s = host.stats;
  return {
    command,
    ok: r.ok,
    ...(r.ok ? {} : { error: r.error?.code }),
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    totalRequestBytes: s.requests.reduce((a, q) => a + q.bytes, 0),
    totalResponseBytes: s.requests.reduce((a, q) => a + (q.responseBytes ?? 0), 0),
    ...(tee ? { real: summarize(tee.requests), realRequests: [...tee.requests] } : {}),
    ms,
  };
}

/** Puts the sample road map on a new sheet and selects it, as a paste from Word (not measured). */
async function pasteRoadmap(): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add("Вставка из Word");
    const range = ws.getRange(`A1:F${PASTE.length}`);
    range.values = PASTE;
    ws.activate();
    range.select();
    await context.sync();
  });
}

/**
 * Insert all sheets, fill them, insert again, insert targets, compare the first quarter with the
 * last school year, import the sample road map, refresh risks, freeze the EDU.* formulas for
 * sending and restore them — each measured on its own. `years` school years from 2015/16.
 * `officeJs`: run through Microsoft's Office.js client as well and measure its requests (`real`).
 */
export async function runCommands(years: number, opts: { officeJs?: boolean } = {}): Promise<CommandFigures[]> {
  const periods = schoolYears(2015, years);
  const host = createSimHost({ plugins: [registerEduFunctions()] });
  const tee = opts.officeJs ? installOfficeJsTee(host) : null;
  const uninstall = tee ? tee.uninstall : installSimHost(host);
  try {
    const options = { school: "МБОУ СОШ № 1", schoolYear: periods[0].startYear, periods, sections: ALL_SECTIONS, lang: "ru" as const };
    const out = [await measure(host, tee, "insert", () => insertReport(options))];
    const filled = await fillReport(host, periods);
    if (filled === 0) throw new Error("no input cell found to fill");
    out.push(await measure(host, tee, "reinsert", () => insertReport(options)));
    out.push(await measure(host, tee, "targets", () => insertTargets({ lang: "ru" })));
    const first: Period = { startYear: periods[0].startYear, kind: "Q1" };
    const last: Period = { startYear: periods[periods.length - 1].startYear, kind: "Y" };
    out.push(await measure(host, tee, "compare", () => comparePeriods({ earlier: first, later: last, lang: "ru" })));
    await pasteRoadmap();
    out.push(await measure(host, tee, "roadmap", () => importRoadmap({ lang: "ru" })));
    out.push(await measure(host, tee, "risks", () => refreshRisks({ lang: "ru", today: `${last.startYear + 1}-06-30` })));
    out.push(await measure(host, tee, "freeze", () => freezeForSending({ lang: "ru" })));
    out.push(await measure(host, tee, "restore", () => restoreFormulas({ lang: "ru" })));
    return out;
  } finally {
    uninstall();
  }
}

/** The user's sheet of runLargeFreeze: EDU.* formulas in every other column (each cell its own write). */
export const LARGE_FREEZE_SHEET = "Расчёты";

/**
 * «Подготовить к отправке» and «Вернуть формулы» on a large workbook: the report of one school
 * year plus a sheet of `formulas` EDU.* formulas, 50 a row in every other column, so that every
 * frozen cell is a write of its own (the most requests per cell) — measured on their own.
 */
export async function runLargeFreeze(formulas: number, opts: { officeJs?: boolean } = {}): Promise<CommandFigures[]> {
  const periods = schoolYears(2015, 1);
  const host = createSimHost({ plugins: [registerEduFunctions()] });
  const tee = opts.officeJs ? installOfficeJsTee(host) : null;
  const uninstall = tee ? tee.uninstall : installSimHost(host);
  try {
    const r = await insertReport({ school: "МБОУ СОШ № 1", schoolYear: periods[0].startYear, periods, sections: ALL_SECTIONS, lang: "ru" });
    if (!r.ok) throw new Error(`insert failed: ${r.error.code}`);
    const perRow = 50;
    const rows = Array.from({ length: Math.ceil(formulas / perRow) }, (_, i) =>
      Array.from({ length: 2 * perRow }, (_, c) => (c % 2 === 0 && i * perRow + c / 2 < formulas ? `=EDU.DELTA(${i % 97},${(c + 3) % 89})` : "")),
    );
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add(LARGE_FREEZE_SHEET);
      for (let i = 0; i < rows.length; i += 100) ws.getRangeByIndexes(i, 0, Math.min(100, rows.length - i), 2 * perRow).formulas = rows.slice(i, i + 100);
      await context.sync();
    });
    return [await measure(host, tee, "freeze", () => freezeForSending({ lang: "ru" })), await measure(host, tee, "restore", () => restoreFormulas({ lang: "ru" }))];
  } finally {
    uninstall();
  }
}

type Report = (name: string, value: number, unit: string) => void;

function reportFigures(report: Report, label: string, f: CommandFigures): void {
  if (!f.ok) throw new Error(`${label} failed: ${f.error}`);
  report(`${label}.syncs`, f.syncs, "syncs");
  report(`${label}.maxRequestBytes`, f.maxRequestBytes, "bytes (simulated host's count)");
  report(`${label}.totalRequestBytes`, f.totalRequestBytes, "bytes (simulated host's count)");
  if (f.real) {
    report(`${label}.officejs.maxRequestBytes`, f.real.maxBytes, "bytes (Office.js request)");
    report(`${label}.officejs.totalRequestBytes`, f.real.totalBytes, "bytes (Office.js requests)");
    report(`${label}.officejs.requests`, f.real.syncs, "requests (with Excel.run's closing one)");
  }
  report(`${label}.ms`, f.ms, f.real ? "ms (simulated host + Office.js)" : "ms (simulated host)");
}

/**
 * Bench entry: prints through `report` (name, value, unit); request bytes also as Microsoft's
 * Office.js client serializes them (`.officejs.`), and freeze/restore of a large workbook.
 */
export async function benchCommands(report: Report, yearCounts = [1, 10]): Promise<void> {
  for (const years of yearCounts) {
    for (const f of await runCommands(years, { officeJs: true })) reportFigures(report, `${f.command}.${years === 1 ? "1year" : `${years}years`}`, f);
  }
  for (const f of await runLargeFreeze(10_000, { officeJs: true })) reportFigures(report, `${f.command}.10000formulas`, f);
}
