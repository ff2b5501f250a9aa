/**
 * The checks of «Самопроверка», each on the temporary sheet only: each resolves to null (passed)
 * or a Failure read back from Excel, and throws Excel's own error when Excel refuses. The runner
 * (selftest.ts) gives each its own Excel.run, so one failure never stops the others.
 */
import type { WrittenFunction } from "../core/layout/formulas";
import { FUNCTION_PROBES, isPending, judgeFunction, mismatch, payloadBlock, sameRuleFormula, type Failure } from "../core/selftest";
import { CHAIN_BOUND } from "./read";

export type Ctx = Excel.RequestContext;
/** Passed (with what was seen) or failed. */
export type Outcome = { ok: true; detail?: string } | ({ ok: false } & Failure);

const judged = (f: Failure | null, detail?: string): Outcome => (f ? { ok: false, ...f } : { ok: true, detail });

export interface FunctionWait {
  /** Re-reads while a cell shows #BUSY! (bounded). */
  attempts: number;
  /** The pause between two re-reads. */
  wait: () => Promise<void>;
}

/** The temporary sheet made very hidden, its visibility read back. */
export async function veryHidden(ctx: Ctx, ws: Excel.Worksheet): Promise<Outcome> {
  ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  await ctx.sync();
  ws.load("visibility");
  await ctx.sync();
  return judged(mismatch("visibility", ws.visibility, "VeryHidden"), "VeryHidden");
}

/**
 * Every EDU.* function the add-in writes, by the name it writes, in one column: written, then read
 * again (at most `attempts` times, `wait` apart) while a cell shows #BUSY!. One outcome per function.
 */
export async function functions(ctx: Ctx, ws: Excel.Worksheet, w: FunctionWait): Promise<Map<WrittenFunction, Outcome>> {
  const range = ws.getRange(`B1:B${FUNCTION_PROBES.length}`);
  range.formulas = FUNCTION_PROBES.map((p) => [p.formula]);
  await ctx.sync();
  let values: unknown[][] = [];
  let reads = 0;
  for (let i = 0; i < Math.max(1, w.attempts); i++) {
    if (i > 0) await w.wait();
    range.load("values");
    await ctx.sync();
    reads++;
    values = range.values as unknown[][];
    if (!values.some((row) => isPending(row[0]))) break;
  }
  const out = new Map<WrittenFunction, Outcome>();
  FUNCTION_PROBES.forEach((p, i) => out.set(p.fn, judged(judgeFunction(p, values[i]?.[0]), `${p.formula} = ${String(values[i]?.[0])} (read ${reads}×)`)));
  return out;
}

const RULE = "=C1>0";

/** A custom conditional-format rule added to a range, its type and formula read back (ExcelApi 1.6). */
export async function conditionalFormat(ctx: Ctx, ws: Excel.Worksheet): Promise<Outcome> {
  const cf = ws.getRange("C1:C3").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = RULE;
  cf.custom.format.fill.color = "#FFC7CE";
  await ctx.sync();
  cf.load("type");
  cf.custom.rule.load("formula");
  await ctx.sync();
  const f = mismatch("conditional format type", cf.type, "Custom");
  if (f) return judged(f);
  const formula = cf.custom.rule.formula;
  return sameRuleFormula(formula, RULE) ? { ok: true, detail: `Custom ${formula}` } : judged(mismatch("rule formula", formula, RULE));
}

/** A whole-number rule set on a range, its type and operator read back (ExcelApi 1.8). */
export async function dataValidation(ctx: Ctx, ws: Excel.Worksheet): Promise<Outcome> {
  const dv = ws.getRange("D1:D3").dataValidation;
  dv.rule = { wholeNumber: { formula1: 0, formula2: 100, operator: "Between" as Excel.DataValidationOperator } };
  await ctx.sync();
  dv.load("type,rule");
  await ctx.sync();
  const f = mismatch("validation type", dv.type, "WholeNumber") ?? mismatch("validation operator", dv.rule?.wholeNumber?.operator, "Between");
  return judged(f, "WholeNumber Between");
}

/** The sheet protected without a password and unprotected again, `protected` read back after each. */
export async function protection(ctx: Ctx, ws: Excel.Worksheet): Promise<Outcome> {
  const p = ws.protection;
  p.protect();
  await ctx.sync();
  try {
    p.load("protected");
    await ctx.sync();
    const on = mismatch("protected after protect()", p.protected, true);
    if (on) return judged(on);
  } finally {
    p.unprotect();
    await ctx.sync();
  }
  p.load("protected");
  await ctx.sync();
  return judged(mismatch("protected after unprotect()", p.protected, false), "protect() / unprotect()");
}

/** The sheet-chain read as src/excel/read.ts does it: getFirst() → getNextOrNullObject() …, compared with the sheet list. */
export async function sheetChain(ctx: Ctx): Promise<Outcome> {
  const collection = ctx.workbook.worksheets;
  collection.load("items/name");
  const chain: Excel.Worksheet[] = [];
  let ws: Excel.Worksheet | null = null;
  for (let i = 0; i < CHAIN_BOUND; i++) {
    ws = ws ? ws.getNextOrNullObject() : collection.getFirst();
    ws.load("name");
    chain.push(ws);
  }
  await ctx.sync();
  const names = collection.items.map((w) => w.name);
  const walked: string[] = [];
  for (const w of chain) {
    if (w.isNullObject) break;
    walked.push(w.name);
  }
  const expected = names.slice(0, CHAIN_BOUND);
  return judged(mismatch("sheets reached by the chain", walked, expected), `${walked.length} of ${names.length} sheets in one request`);
}

/** A line chart added over a few cells, its type read back. */
export async function chart(ctx: Ctx, ws: Excel.Worksheet): Promise<Outcome> {
  const source = ws.getRange("E1:F4");
  source.values = [["x", "y"], ["a", 1], ["b", 3], ["c", 2]];
  const c = ws.charts.add("Line" as Excel.ChartType, source, "Auto" as Excel.ChartSeriesBy);
  c.load("chartType");
  await ctx.sync();
  return judged(mismatch("chart type", c.chartType, "Line"), "Line");
}

/** About `bytes` of text values written in one request (the add-in's request budget), the last cell read back. */
export async function payload(ctx: Ctx, ws: Excel.Worksheet, bytes: number): Promise<Outcome> {
  const block = payloadBlock(bytes);
  const cols = block[0].length;
  ws.getRangeByIndexes(0, 10, block.length, cols).values = block;
  await ctx.sync();
  const last = ws.getCell(block.length - 1, 10 + cols - 1);
  last.load("values");
  await ctx.sync();
  const mb = JSON.stringify(block).length / 1e6;
  return judged(mismatch("last cell written", (last.values as unknown[][])[0]?.[0], block[0][0]), `${block.length * cols} cells, ~${mb.toFixed(1)} MB in one request`);
}
