/**
 * RequestContext and sync: the queue of actions, payload accounting and Office.js failure semantics.
 *
 * A sync sends the queued actions as one request. The request is rejected whole (nothing applied)
 * when Excel is in cell-edit mode or the payload exceeds 5 MB. Otherwise actions run in order; the
 * first failing action rejects the sync with its OfficeExtension.Error, and — as in Office.js —
 * the actions before it in the same batch STAY APPLIED while the rest are dropped. Loaded values of
 * a failed sync are not delivered. Code writing to Excel should therefore validate before writing.
 */

import type { WorkbookModel } from "./model";
import { Codes, OfficeExtensionError } from "./errors";

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel on the web limits what one sync returns as well. */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

/** One load of cell contents (values, formulas, text …) of a range, recorded when Excel reads it. */
export interface RangeRead {
  sheet: string;
  /** Local address ("A1:F30"). */
  address: string;
  properties: string[];
  cells: number;
}

export interface SyncStats {
  /** Round trips: syncs that carried at least one action. */
  syncs: number;
  /** Every `context.sync()` call, including empty ones (which Office.js answers locally). */
  syncCalls: number;
  /** Per round trip: request bytes, actions, and bytes of the loaded data sent back. */
  requests: { bytes: number; actions: number; responseBytes?: number }[];
  maxRequestBytes: number;
  /** The largest response (UTF-8 JSON of what the sync's loads returned). Over 5 MB → ResponsePayloadSizeLimitExceeded. */
  maxResponseBytes: number;
  /** Every range whose cell contents a sync read, in order (to check what a command looked at). */
  rangeReads: RangeRead[];
  /** How many times suspendApiCalculationUntilNextSync() was called. */
  calculationSuspensions: number;
}

export const emptyStats = (): SyncStats => ({
  syncs: 0,
  syncCalls: 0,
  requests: [],
  maxRequestBytes: 0,
  calculationSuspensions: 0,
  maxResponseBytes: 0,
  rangeReads: [],
});

/** What the context needs from the host. */
export interface HostState {
  model: WorkbookModel;
  stats: SyncStats;
  editMode: boolean;
  /** Refusals of real Excel the tests switch on (see SimHost). */
  refuse: { nullObjectMethods: boolean; writes: boolean; protectionWithoutPassword: boolean };
  /** Operations (action locations, e.g. "WorksheetProtection.protect") Excel refuses, with the error it gives. */
  refusals: Map<string, { code: string; message?: string }>;
  emitChange(): void;
}

interface Action {
  location: string;
  args: unknown[];
  /** Applies the action; may return a commit run only if the whole sync succeeds. */
  run: () => void | (() => void);
  read: boolean;
}

const encoder = new TextEncoder();

export class SimContext {
  /** @internal */ _queue: Action[] = [];
  /** @internal */ _closed = false;
  /** @internal Bytes of loaded data the running sync returns. */
  _responseBytes = 0;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  // Set by the host right after construction (avoids an import cycle with the proxies).
  workbook!: { application: unknown };
  application!: unknown;

  constructor(readonly _host: HostState) {}

  /** @internal */ _enqueue(location: string, args: unknown[], run: Action["run"], read = false): void {
    if (this._closed)
      throw new OfficeExtensionError(Codes.invalidRequestContext, undefined, location);
    this._queue.push({ location, args, run, read });
  }

  /** Office.js `context.load(object, properties)`. */
  load<T extends { load(arg?: unknown): T }>(object: T, properties?: unknown): T {
    return object.load(properties);
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const queue = this._queue;
    this._queue = [];
    const host = this._host;
    host.stats.syncCalls++;
    await Promise.resolve();
    if (this._closed) throw new OfficeExtensionError(Codes.invalidRequestContext, undefined, "RequestContext.sync");
    if (queue.length === 0) return passThroughValue;
    const bytes = encoder.encode(JSON.stringify(queue.map((a) => ({ a: a.location, p: a.args })))).length;
    host.stats.syncs++;
    const entry: SyncStats["requests"][number] = { bytes, actions: queue.length };
    host.stats.requests.push(entry);
    host.stats.maxRequestBytes = Math.max(host.stats.maxRequestBytes, bytes);
    if (host.editMode) throw new OfficeExtensionError(Codes.invalidOperationInCellEditMode, undefined, "RequestContext.sync");
    if (bytes > REQUEST_LIMIT_BYTES) throw new OfficeExtensionError(Codes.requestPayloadSizeLimitExceeded, undefined, "RequestContext.sync");
    host.model.syncSerial++;
    const calc = host.model.calc;
    const commits: (() => void)[] = [];
    let changed = false;
    this._responseBytes = 0;
    calc.suspend();
    try {
      for (const action of queue) {
        if (!action.read) {
          // A workbook open for viewing only (or without the right to edit) refuses every change.
          if (host.refuse.writes) throw new OfficeExtensionError(Codes.accessDenied, undefined, action.location);
          changed = true;
        }
        try {
          const refused = host.refusals.get(action.location);
          if (refused) throw new OfficeExtensionError(refused.code, refused.message, action.location);
          const commit = action.run();
          if (commit) commits.push(commit);
        } catch (e) {
          if (e instanceof OfficeExtensionError) {
            e.debugInfo.statement = `${action.location}(...);`;
            throw e;
          }
          const wrapped = new OfficeExtensionError(Codes.generalException, undefined, action.location);
          wrapped.debugInfo.message = `${wrapped.message} (${e instanceof Error ? e.stack ?? e.message : String(e)})`;
          throw wrapped;
        }
      }
    } finally {
      calc.resume();
      if (changed) host.emitChange();
    }
    entry.responseBytes = this._responseBytes;
    host.stats.maxResponseBytes = Math.max(host.stats.maxResponseBytes, this._responseBytes);
    if (this._responseBytes > RESPONSE_LIMIT_BYTES) throw new OfficeExtensionError(Codes.responsePayloadSizeLimitExceeded, undefined, "RequestContext.sync");
    commits.forEach((c) => c());
    return passThroughValue;
  }
}

type Batch<T> = (context: SimContext) => Promise<T>;

/** Excel.run(batch) / Excel.run(object, batch): one context, a final sync of what is still queued. */
export async function run<T>(host: HostState, make: (host: HostState) => SimContext, a: unknown, b?: unknown): Promise<T> {
  const batch = (typeof a === "function" ? a : b) as Batch<T>;
  if (typeof batch !== "function") throw new OfficeExtensionError(Codes.invalidArgument, undefined, "Excel.run");
  const context = make(host);
  try {
    const pending = batch(context) as unknown;
    if (!pending || typeof (pending as Promise<T>).then !== "function")
      throw new OfficeExtensionError(Codes.runMustReturnPromise, undefined, "Excel.run");
    const result = await (pending as Promise<T>);
    await context.sync();
    return result;
  } finally {
    context._closed = true;
  }
}
