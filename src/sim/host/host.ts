/** createSimHost / installSimHost: the simulated `Excel` and `OfficeExtension` globals. */

import { isErrorValue, registerPlugins, type PluginSpec } from "./calc";
import { parseAddress } from "./address";
import { HostState, SimContext, SyncStats, emptyStats, run } from "./context";
import { Codes, OfficeExtensionError } from "./errors";
import * as enums from "./enums";
import { Inspector } from "./inspect";
import { WorkbookModel } from "./model";
import type { Locale } from "./numfmt";
import { ClientResult } from "./proxy";
import { WorkbookProxy } from "./api-workbook";

export interface SimHostOptions {
  /** HyperFormula FunctionPlugin classes (or { plugin, translations }) registered before the engine is built. */
  plugins?: PluginSpec[];
  /** Extra HyperFormula configuration (licenseKey is always "gpl-v3"). */
  hfConfig?: Record<string, unknown>;
  /** Sheets of the new workbook, in order; default ["Sheet1"]. The first is active. */
  sheets?: string[];
  /** How `range.text` renders numbers: "en-US" (12.5, default) or "ru-RU" (12,5). */
  locale?: Locale;
}

export interface SimHost {
  /** Assign to globalThis.Excel (installSimHost does it). */
  Excel: Record<string, unknown> & { run: (...args: unknown[]) => Promise<unknown> };
  OfficeExtension: Record<string, unknown> & { Error: typeof OfficeExtensionError };
  readonly stats: SyncStats;
  resetStats(): void;
  /** While true every sync rejects with InvalidOperationInCellEditMode (the user is typing in a cell). */
  setEditMode(on: boolean): void;
  /**
   * Refusals real Excel may give, off by default:
   * - nullObjectMethods: a method or navigation called on a null object (`getNextOrNullObject()` past
   *   the last sheet, then `getRange`, `getNextOrNullObject`, `protection` …) rejects the sync with
   *   InvalidObjectPath. Those calls are undocumented; a host may refuse them.
   * - writes: the workbook is open for viewing only (or the user may not edit it): every change
   *   rejects the sync with AccessDenied, and `workbook.readOnly` reads true.
   * - protectionWithoutPassword: protect()/unprotect() without a password reject with AccessDenied
   *   (Excel builds of June 2026 do so).
   */
  refuse(what: "nullObjectMethods" | "writes" | "protectionWithoutPassword", on?: boolean): void;
  /**
   * A custom function still computing: the cell reads `error` (default "#BUSY!", as `values`,
   * `text` and valueType "Error") for the next `reads` loads of its contents, then its value.
   */
  setBusy(sheet: string, address: string, reads: number, error?: string): void;
  /** Save, close and open the workbook again: every sheet gets a new id (Excel keeps ids within a session only). */
  reopen(): void;
  /**
   * Make Excel refuse an operation, named by its action location ("Worksheet.visibility",
   * "WorksheetProtection.protect", "ChartCollection.add", "Range.values" …): the sync carrying it
   * rejects with `code` (and `message`, else Office's own wording) at that action, as a real refusal
   * does — actions before it in the batch stay applied. `allow(operation)` lifts one, `allow()` all.
   */
  refuse(operation: string, code: string, message?: string): void;
  allow(operation?: string): void;
  /** Syncs a custom-function cell reads "#BUSY!" after it is written (WorkbookModel.customLag; default 0). */
  setCustomFunctionLag(syncs: number): void;
  inspect: Inspector;
  /** @internal The underlying model (for advanced tests only). */
  model: WorkbookModel;
}

export function createSimHost(options: SimHostOptions = {}): SimHost {
  registerPlugins(options.plugins ?? []);
  const model = new WorkbookModel(options.hfConfig ?? {}, options.locale ?? "en-US");
  for (const name of options.sheets ?? ["Sheet1"]) model.addSheet(name);
  const inspect = new Inspector(model);
  const state: HostState = {
    model,
    stats: emptyStats(),
    editMode: false,
    refuse: { nullObjectMethods: false, writes: false, protectionWithoutPassword: false },
    refusals: new Map(),
    emitChange: () => inspect.emit({ source: "api" }),
  };
  const makeContext = (h: HostState): SimContext => {
    const ctx = new SimContext(h);
    const workbook = new WorkbookProxy(ctx);
    ctx.workbook = workbook as unknown as SimContext["workbook"];
    ctx.application = (workbook as unknown as { application: unknown }).application;
    return ctx;
  };
  const Excel = {
    ...enums,
    run: (a: unknown, b?: unknown) => run(state, makeContext, a, b),
    RequestContext: function RequestContext() {
      return makeContext(state);
    },
  };
  const OfficeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes: {
      accessDenied: Codes.accessDenied,
      generalException: Codes.generalException,
      invalidObjectPath: Codes.invalidObjectPath,
      propertyNotLoaded: Codes.propertyNotLoaded,
      valueNotLoaded: Codes.valueNotLoaded,
      invalidRequestContext: Codes.invalidRequestContext,
      invalidArgument: Codes.invalidArgument,
      runMustReturnPromise: Codes.runMustReturnPromise,
    },
    ClientResult,
    Promise,
  };
  return {
    Excel,
    OfficeExtension,
    get stats() {
      return state.stats;
    },
    resetStats() {
      state.stats = emptyStats();
    },
    setEditMode(on: boolean) {
      state.editMode = on;
    },
    refuse(what: string, codeOrOn?: string | boolean, message?: string) {
      if (typeof codeOrOn === "string") state.refusals.set(what, { code: codeOrOn, message });
      else state.refuse[what as keyof HostState["refuse"]] = codeOrOn ?? true;
    },
    allow(operation?: string) {
      if (operation === undefined) state.refusals.clear();
      else state.refusals.delete(operation);
    },
    setCustomFunctionLag(syncs: number) {
      model.customLag = Math.max(0, syncs);
    },
    reopen() {
      model.reopen();
    },
    setBusy(sheet: string, address: string, reads: number, error = "#BUSY!") {
      const s = model.sheet(sheet);
      const at = parseAddress(address);
      if (!s || !at || !isErrorValue(error)) throw new Error(`setBusy: no cell ${sheet}!${address} or not an error ${error}`);
      const key = `${s.id}!${at.rect.r0}!${at.rect.c0}`;
      if (reads > 0) model.busy.set(key, { error, reads });
      else model.busy.delete(key);
    },
    inspect,
    model,
  };
}

const g = globalThis as Record<string, unknown>;

/** Set globalThis.Excel and globalThis.OfficeExtension to the host; returns a function restoring the previous ones. */
export function installSimHost(host: SimHost): () => void {
  const previous = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  g.Excel = host.Excel;
  g.OfficeExtension = host.OfficeExtension;
  return () => {
    g.Excel = previous.Excel;
    g.OfficeExtension = previous.OfficeExtension;
  };
}

/** Remove the simulated globals. */
export function uninstallSimHost(): void {
  delete g.Excel;
  delete g.OfficeExtension;
}
