/** The «Insert sheets» command: read, plan, write — one Excel.run, at most 3 syncs. */

import { buildReportPlan, validateReportOptions, type ExistingReport, type ReportOptions } from "../core/layout";
import type { Period, SectionId, Text } from "../core/types";
import { queuePlan, RequestBudget, type Capabilities } from "./apply";
import { insertError, isSetSupported, mapOfficeError, withAftermath, type InsertError } from "./errors";
import { readWorkbook, type ExtraRead } from "./read";

export type InsertResult =
  | {
      ok: true;
      /** Sheets added to the workbook. */
      created: string[];
      /** Our sheets rewritten in place (values kept). */
      updated: string[];
      /** Sheets that got another name because a sheet not made by this add-in had the usual one. */
      renamed: { wanted: string; used: string }[];
      /** Values typed earlier and carried over. */
      valuesKept: number;
      /**
       * Our sheets were rewritten in a workbook with «Цели программы»: their target highlighting is
       * gone until «Обновить риски» (refreshRisks) draws it again.
       */
      highlightCleared?: boolean;
      /** context.sync() calls made, chunking included. */
      syncs: number;
      /** Extra syncs made only to keep requests under the payload limit. */
      chunkSyncs: number;
      /** The largest request we queued (our estimate of its serialized size), in bytes. */
      maxRequestBytes: number;
      /** Syncs spent reading (1 without sheets of ours, else 2; counted in `syncs`). */
      readSyncs?: number;
      /**
       * Reads beyond the usual two syncs, with why: a sheet of ours past the first request's
       * chain of sheets (a workbook with very many sheets), or the host refusing that chain.
       */
      extraReads?: ExtraRead[];
      /** Optional features the Excel version lacks (the sheets were still inserted). */
      warnings: Text[];
    }
  | { ok: false; error: InsertError; syncs: number };

const NO_VALIDATION: Text = {
  ru: "Эта версия Excel не поддерживает проверку данных (ExcelApi 1.8): подсказки и проверка ввода не добавлены.",
  en: "This Excel version lacks data validation (ExcelApi 1.8): input prompts and checks were not added.",
};

/**
 * Lets a command put values into the sheets through the same read → plan → apply (the table
 * import): `prepare` queues loads that arrive with the first read; `overlay` changes what the
 * sheets hold before the plan is built and may add periods and sections, or stop the command
 * (before any write) with a message.
 */
export interface InsertHooks {
  prepare?: (context: Excel.RequestContext) => void;
  overlay?: (existing: ExistingReport) => { existing: ExistingReport; periods?: Period[]; sections?: SectionId[] } | { stop: Text };
}

/** Insert (or update) the report sheets. Never throws: every failure is a typed result. */
export async function insertReport(options: Omit<ReportOptions, "existing">, tuning: { chainBound?: number } = {}, hooks: InsertHooks = {}): Promise<InsertResult> {
  const problems = validateReportOptions(options as ReportOptions);
  if (problems.length) {
    const message: Text = { ru: problems.map((p) => p.ru).join(" "), en: problems.map((p) => p.en).join(" ") };
    return { ok: false, error: { code: "invalidOptions", message }, syncs: 0 };
  }
  if (!isSetSupported("1.7")) return { ok: false, error: insertError("apiNotSupported"), syncs: 0 };
  const caps: Capabilities = { validation: isSetSupported("1.8"), pageLayout: isSetSupported("1.9"), conditionalFormats: isSetSupported("1.6") };
  let syncs = 0;
  let unprotected: string[] = [];
  /** Set once write actions may have reached Excel (Office.js applies a batch up to a failing action). */
  let wrote = false;
  try {
    return await Excel.run(async (context) => {
      const counted = async () => {
        syncs++;
        await context.sync();
      };
      hooks.prepare?.(context);
      const { report, states, read, hasTargets } = await readWorkbook(context, counted, tuning);
      const over = hooks.overlay?.(report);
      if (over && "stop" in over) return { ok: false as const, error: { code: "invalidOptions" as const, message: over.stop }, syncs };
      const plan = buildReportPlan({
        ...options,
        periods: [...options.periods, ...(over?.periods ?? [])],
        sections: [...options.sections, ...(over?.sections ?? [])],
        existing: over?.existing ?? report,
      });

      if (caps.conditionalFormats) {
        const app = context.application as Excel.Application & { suspendApiCalculationUntilNextSync?: () => void };
        if (typeof app.suspendApiCalculationUntilNextSync === "function") app.suspendApiCalculationUntilNextSync();
      }
      unprotected = plan.sheets.filter((s) => s.existing && states.get(s.name)?.protected).map((s) => s.name);
      const budget = new RequestBudget(async () => {
        wrote = true;
        await counted();
      });
      await queuePlan(context, plan, states, caps, budget);
      wrote = true;
      await counted();
      budget.sent();
      return {
        ok: true as const,
        created: plan.sheets.filter((s) => !states.has(s.name)).map((s) => s.name),
        updated: plan.sheets.filter((s) => states.has(s.name)).map((s) => s.name),
        renamed: plan.sheets.filter((s) => s.renamedFrom).map((s) => ({ wanted: s.renamedFrom as string, used: s.name })),
        valuesKept: plan.valuesKept,
        syncs,
        chunkSyncs: budget.chunkSyncs,
        maxRequestBytes: budget.maxBytes,
        readSyncs: read.syncs,
        extraReads: read.extra,
        warnings: caps.validation ? [] : [NO_VALIDATION],
        highlightCleared: hasTargets && plan.sheets.some((s) => s.existing),
      };
    });
  } catch (e) {
    const error = mapOfficeError(e);
    // Stopped by a password, a refused unprotect or anything else: sheets unprotected before it are protected again.
    if (error.code !== "cellEditMode" && unprotected.length) syncs += await reprotect(unprotected);
    return { ok: false, error: withAftermath(error, wrote), syncs };
  }
}

/**
 * A batch stopped part-way (a password-protected sheet, a refused unprotect) leaves the sheets unprotected before it so:
 * protect them again (without a password, as we always do). Returns the syncs used; never throws.
 */
async function reprotect(names: string[]): Promise<number> {
  let syncs = 0;
  try {
    await Excel.run(async (context) => {
      const items = names.map((n) => {
        const ws = context.workbook.worksheets.getItem(n);
        ws.protection.load("protected");
        return ws;
      });
      syncs++;
      await context.sync();
      for (const ws of items) {
        if (!ws.protection.protected) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
      }
      syncs++;
      await context.sync();
    });
  } catch {
    // Nothing more can be done; the typed error already tells the user what to fix.
  }
  return syncs;
}
