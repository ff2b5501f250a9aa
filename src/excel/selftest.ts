/**
 * «Самопроверка» (self-test): runs each platform behaviour the add-in relies on (src/core/selftest.ts
 * lists them) on a temporary very hidden sheet of the user's workbook, and reports Excel's own
 * error code and message for each one that fails.
 *
 * 1. Setup (one Excel.run): the active sheet and the selection are noted; leftovers of a crashed
 *    run (our sheet name and our marker in A1) are deleted; the temporary sheet is added.
 * 2. Each check in its own Excel.run (selftestChecks.ts), on the temporary sheet only; a check
 *    that fails never stops the others.
 * 3. Finally — also after a failure — the temporary sheet is deleted, and the active sheet and the
 *    selection are put back if anything moved them. A sheet that could not be deleted stays very
 *    hidden and is removed by the next run.
 * No other sheet is written; the only read of them is the sheet-chain check (names).
 */
import { CHECK_IDS, functionOf, mayBeLeftover, PROBED_SETS, SELFTEST_MARKER, selfTestSheetName, type CheckId, type CheckResult, type Environment, type Failure, type FunctionCheckId, type SelfTestReport } from "../core/selftest";
import { REQUEST_BUDGET } from "./apply";
import { localAddress } from "./read";
import * as check from "./selftestChecks";
import type { Ctx, Outcome } from "./selftestChecks";

export type { SelfTestReport } from "../core/selftest";

export interface SelfTestOptions {
  /** Reads of the custom functions while they show #BUSY! (default 20). */
  attempts?: number;
  /** The pause between two reads (default 500 ms). */
  wait?: () => Promise<void>;
  /** Bytes of the near-budget request (default the add-in's request budget, 3.5 MB). */
  payloadBytes?: number;
}

const DEFAULT_WAIT_MS = 500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** Excel's own code, message and location of anything thrown. */
export function failureOf(e: unknown): Failure {
  const o = (typeof e === "object" && e !== null ? e : {}) as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
  const location = typeof o.debugInfo?.errorLocation === "string" && o.debugInfo.errorLocation ? o.debugInfo.errorLocation : undefined;
  return {
    code: typeof o.code === "string" && o.code ? o.code : e instanceof Error ? e.name : "Error",
    message: typeof o.message === "string" ? o.message : String(e),
    ...(location ? { location } : {}),
  };
}

const safe = <T>(read: () => T): T | null => {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
};

/** What Office says about itself; every part null when it cannot tell (outside Office, the demo). */
export function readEnvironment(): Environment {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const context = safe(() => office?.context);
  const req = safe(() => context?.requirements);
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    officeVersion: str(safe(() => context?.diagnostics?.version)),
    platform: str(safe(() => context?.diagnostics?.platform)),
    displayLanguage: str(safe(() => context?.displayLanguage)),
    userAgent: str(safe(() => (typeof navigator === "undefined" ? null : navigator.userAgent))),
    apiSets: PROBED_SETS.flatMap(({ name, versions }) =>
      versions.map((version) => ({
        name,
        version,
        supported: req && typeof req.isSetSupported === "function" ? safe(() => Boolean(req.isSetSupported(name, version))) : null,
      })),
    ),
  };
}

interface Before {
  active: string | null;
  /** "Sheet1!B2:C3", or null when the selection is not a range (a chart, a shape). */
  selection: string | null;
}

/** The active sheet's name and the selection's address; never throws. */
async function where(ctx: Ctx): Promise<Before> {
  const out: Before = { active: null, selection: null };
  try {
    const active = ctx.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await ctx.sync();
    out.active = active.name;
    const sel = ctx.workbook.getSelectedRange();
    sel.load("address");
    await ctx.sync();
    out.selection = sel.address;
  } catch {
    // A chart or a shape is selected: nothing to compare.
  }
  return out;
}

/** Setup: note where the user is, delete our leftovers, add the temporary sheet. */
async function setup(ctx: Ctx): Promise<{ before: Before; sheet: string; leftovers: number }> {
  const before = await where(ctx);
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const names = sheets.items.map((w) => w.name);
  const candidates = names.filter(mayBeLeftover).map((name) => {
    const a1 = sheets.getItem(name).getRange("A1");
    a1.load("values");
    return { name, a1 };
  });
  if (candidates.length) await ctx.sync();
  const leftovers = candidates.filter((c) => (c.a1.values as unknown[][])[0]?.[0] === SELFTEST_MARKER).map((c) => c.name);
  for (const name of leftovers) sheets.getItem(name).delete();
  const sheet = selfTestSheetName(names.filter((n) => !leftovers.includes(n)));
  const ws = sheets.add(sheet);
  ws.getRange("A1").values = [[SELFTEST_MARKER]];
  await ctx.sync();
  return { before, sheet, leftovers: leftovers.length };
}

/** Delete the temporary sheet; put back the active sheet and the selection if they moved. */
async function teardown(ctx: Ctx, sheet: string, before: Before | null): Promise<SelfTestReport["restored"]> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("name");
  await ctx.sync();
  if (!ws.isNullObject) {
    ws.delete();
    await ctx.sync();
  }
  const restored = { activeSheet: false, selection: false };
  if (!before?.active) return restored;
  const after = await where(ctx);
  try {
    const back = ctx.workbook.worksheets.getItem(before.active);
    if (after.active !== before.active) {
      back.activate();
      restored.activeSheet = true;
    }
    if (before.selection && after.selection !== before.selection) {
      back.getRange(localAddress(before.selection)).select();
      restored.selection = true;
    }
    await ctx.sync();
  } catch {
    // The user's sheet is still there and unchanged; only the view could not be put back.
  }
  return restored;
}

/** Run `body` in its own Excel.run and time it; Excel's refusal becomes the failure. */
async function isolated<T>(body: (ctx: Ctx) => Promise<T>): Promise<{ value: T; ms: number } | { error: Failure; ms: number }> {
  const t0 = now();
  try {
    const value = await Excel.run((ctx) => body(ctx));
    return { value, ms: now() - t0 };
  } catch (e) {
    return { error: failureOf(e), ms: now() - t0 };
  }
}

const result = (id: CheckId, o: Outcome, ms: number): CheckResult => {
  if (o.ok) return { id, ok: true, ...(o.detail ? { detail: o.detail } : {}), ms };
  const { ok: _ok, ...f } = o;
  return { id, ok: false, ...f, ms };
};

type Opts = { attempts: number; wait: () => Promise<void>; payloadBytes: number };
type Run = (ctx: Ctx, ws: Excel.Worksheet) => Promise<Outcome>;

/** The checks other than the custom functions, by id. */
const RUNNERS: Record<Exclude<CheckId, FunctionCheckId>, (o: Opts) => Run> = {
  veryHidden: () => check.veryHidden,
  conditionalFormat: () => check.conditionalFormat,
  dataValidation: () => check.dataValidation,
  protection: () => check.protection,
  sheetChain: () => (ctx) => check.sheetChain(ctx),
  chart: () => check.chart,
  payload: (o) => (ctx, ws) => check.payload(ctx, ws, o.payloadBytes),
};

/** Run every check; never throws. */
export async function runSelfTest(options: SelfTestOptions = {}): Promise<{ ok: true; report: SelfTestReport }> {
  const o: Opts = {
    attempts: options.attempts ?? 20,
    wait: options.wait ?? (() => sleep(DEFAULT_WAIT_MS)),
    payloadBytes: options.payloadBytes ?? REQUEST_BUDGET,
  };
  const date = new Date().toISOString();
  const environment = readEnvironment();
  const checks: CheckResult[] = [];
  let sheet = selfTestSheetName([]);
  let before: Before | null = null;
  let leftoversRemoved = 0;
  let cleanup: SelfTestReport["cleanup"] = { ok: true };
  let restored: SelfTestReport["restored"] = { activeSheet: false, selection: false };
  try {
    const s = await isolated(setup);
    if ("error" in s) {
      const notRun = `not run: the temporary sheet could not be added — ${s.error.message ?? ""}`;
      for (const id of CHECK_IDS) checks.push({ id, ok: false, ...s.error, message: notRun, ms: 0 });
    } else {
      ({ sheet, before, leftovers: leftoversRemoved } = s.value);
      await runChecks(sheet, o, checks);
    }
  } finally {
    const t = await isolated((ctx) => teardown(ctx, sheet, before));
    if ("error" in t) cleanup = { ok: false, code: t.error.code, message: t.error.message };
    else restored = t.value;
  }
  return { ok: true, report: { date, environment, checks, sheet, leftoversRemoved, cleanup, restored } };
}

/** Each check in its own Excel.run, in the order of CHECK_IDS (the functions together, in one run). */
async function runChecks(sheet: string, o: Opts, checks: CheckResult[]): Promise<void> {
  const on = (run: Run) => isolated((ctx) => run(ctx, ctx.workbook.worksheets.getItem(sheet)));
  let functionsDone = false;
  for (const id of CHECK_IDS) {
    if (functionOf(id)) {
      if (!functionsDone) await functionChecks(sheet, o, checks);
      functionsDone = true;
      continue;
    }
    const r = await on(RUNNERS[id as Exclude<CheckId, FunctionCheckId>](o));
    checks.push("error" in r ? { id, ok: false, ...r.error, ms: r.ms } : result(id, r.value, r.ms));
  }
}

/** All function checks in one Excel.run (one column, read again together while #BUSY!). */
async function functionChecks(sheet: string, o: Opts, checks: CheckResult[]): Promise<void> {
  const r = await isolated((ctx) => check.functions(ctx, ctx.workbook.worksheets.getItem(sheet), o));
  for (const id of CHECK_IDS) {
    const fn = functionOf(id);
    if (!fn) continue;
    if ("error" in r) checks.push({ id, ok: false, ...r.error, ms: r.ms });
    else checks.push(result(id, r.value.get(fn) ?? { ok: false, code: "Mismatch", message: "no value read" }, r.ms));
  }
}
