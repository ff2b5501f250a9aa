/**
 * Request bytes as Microsoft's own Office.js client serializes them (tooling and tests only; never
 * bundled into the pane: it needs node, jsdom and the npm copy of Office.js).
 *
 * How: the command code runs unchanged against a «tee» of two hosts.
 * - Microsoft's client (`@microsoft/office-js/dist/excel-web-16.00.js`, which carries the common
 *   OfficeExtension runtime itself) is loaded once into a jsdom window (`runScripts:
 *   "outside-only"`, run in its VM context), so its `Excel` does not touch node's globals.
 * - `installOfficeJsTee(host)` sets `globalThis.Excel` to a wrapper whose `run` opens a real
 *   `Excel.run` (so autoCleanup, Instantiate and `_KeepReference` actions are as in the add-in)
 *   and, inside it, a run of the simulated host. Every proxy the command touches is a pair
 *   (simulated object, Office.js object): a property write or a method call goes to both, a
 *   navigation property gives a pair, and every READ (scalar properties, `items`, `isNullObject`,
 *   ClientResult values) comes from the simulated host — Office.js proxies are never read.
 * - `context.sync()` syncs the Office.js context. Its request executor is hooked
 *   (`context._requestExecutor = { executeAsync(customData, flags, message) }`): it records
 *   UTF-8 bytes of `JSON.stringify(message.Body)` (`Actions` + `ObjectPaths`: what Excel would
 *   receive), rejects a request over 5 MB as Excel on the web does (RequestPayloadSizeLimitExceeded,
 *   nothing applied), else syncs the simulated host (which applies the actions and may fail as
 *   Excel does; its error is rethrown as is) and answers Office.js as Excel would for what later
 *   requests depend on: Instantiate actions get an id (`_ReferenceId` for kept ranges, `Id`
 *   otherwise, null for a null object), collection queries get as many `_Items` as the simulated
 *   collection holds. Other results are left out: nothing reads Office.js proxies.
 *
 * Fidelity: the first request of a command is byte-exact; later ones depend on the ids Excel
 *   returns (we answer 38-character GUID-like ids, as worksheet ids are). The cleanup request
 *   Excel.run sends at its end (releasing kept ranges) is recorded too.
 */
import { readFileSync } from "node:fs";
import { Script } from "node:vm";
import { JSDOM } from "jsdom";
import { RequestBudget } from "../excel/apply";
import type { SimHost } from "../sim";
import { Codes, OfficeExtensionError } from "../sim/host/errors";
import { SimCollection, SimObject } from "../sim/host/proxy";
import { RangeAreasProxy } from "../sim/host/api-range-areas";
import type { SimContext } from "../sim/host/context";

/** Excel on the web rejects a request body over 5 MB. */
export const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

/** One request as Office.js sent it. */
export interface RealRequest {
  /** UTF-8 bytes of JSON.stringify(message.Body). */
  bytes: number;
  actions: number;
  objectPaths: number;
  /**
   * What the command's RequestBudget estimated for this request (its queued bytes when the request
   * left); 0 when no budget had anything queued (reads, unbudgeted final touches).
   */
  estimate: number;
  /** Excel.run's closing request, releasing the ranges it kept. */
  closing: boolean;
}

type Any = Record<string | symbol, unknown>;
type RealContext = Any & { sync(): Promise<unknown>; workbook: Any; application: Any; trackedObjects: Any; _requestExecutor?: unknown };
type RealExcel = { run(batch: (context: RealContext) => Promise<unknown>): Promise<unknown> };
/** The body of a request (what Excel receives), as far as this file reads it. */
export interface RequestBody {
  Actions: { Id: number; ActionType: number; Name: string; ObjectPathId: number }[];
  ObjectPaths: Record<string, unknown>;
}

let officeJs: RealExcel | null = null;

/** The RequestBudget that reserved last (its `bytes` is the estimate of the request being queued). */
let lastBudget: RequestBudget | null = null;

/** Remember which budget reserved last (once per process; the budget's behaviour is unchanged). */
function watchBudgets(): void {
  const proto = RequestBudget.prototype as RequestBudget & { _watched?: boolean };
  if (proto._watched) return;
  const reserve = proto.reserve;
  const remember = (b: RequestBudget) => (lastBudget = b);
  proto.reserve = function (this: RequestBudget, payload: number, overhead: number) {
    remember(this);
    return reserve.call(this, payload, overhead);
  };
  proto._watched = true;
}

/** Microsoft's Excel client, loaded once per process into a jsdom window. */
export function loadOfficeJs(): RealExcel {
  if (officeJs) return officeJs;
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/taskpane.html" });
  new Script(readFileSync(file, "utf8"), { filename: file }).runInContext(dom.getInternalVMContext());
  const win = dom.window as unknown as { Excel?: RealExcel; OfficeExtension?: { Utility?: { _synchronousCleanup?: boolean } } };
  const excel = win.Excel;
  if (!excel || typeof excel.run !== "function" || !win.OfficeExtension?.Utility) throw new Error("Office.js did not define Excel.run");
  // Excel.run's closing request (releasing kept ranges) is then part of the run, not sent after it.
  win.OfficeExtension.Utility._synchronousCleanup = true;
  officeJs = excel;
  return excel;
}

const SIM = Symbol("sim");
const REAL = Symbol("real");
const utf8 = new TextEncoder();

/** A GUID-like id of 38 characters ("{00000000-0000-0000-0000-000000000001}"), as Excel's sheet ids. */
const fakeId = (n: number) => `{00000000-0000-0000-0000-${n.toString(16).padStart(12, "0")}}`;

/** One command's run through both hosts. */
class Tee {
  private readonly pairs = new WeakMap<object, object>();
  private readonly byPathId = new Map<number, { sim: SimObject; real: Any }>();
  private simError: unknown = undefined;
  private simSynced = false;
  private ids = 0;
  readonly context: Any;

  constructor(
    private readonly sim: SimContext,
    private readonly real: RealContext,
    private readonly requests: RealRequest[],
    private readonly opts: TeeOptions,
  ) {
    real._requestExecutor = { executeAsync: (_c: unknown, _f: number, message: { Body: RequestBody }) => this.execute(message.Body) };
    this.context = Object.defineProperties({
      sync: <T>(pass?: T) => this.sync(pass),
      load: (o: Any, props?: unknown) => (o.load as (p?: unknown) => unknown)(props),
      trackedObjects: {
        add: (o: unknown) => (real.trackedObjects.add as (x: unknown) => void)(this.toReal(o)),
        remove: (o: unknown) => (real.trackedObjects.remove as (x: unknown) => void)(this.toReal(o)),
      },
    }, {
      workbook: { get: () => this.wrap(sim.workbook as unknown as SimObject, real.workbook) },
      application: { get: () => this.wrap(sim.application as SimObject, real.application) },
    }) as Any;
  }

  private toReal(v: unknown): unknown {
    if (v && typeof v === "object" && REAL in (v as object)) return (v as Any)[REAL];
    return Array.isArray(v) ? v.map((x) => this.toReal(x)) : v;
  }

  private toSim(v: unknown): unknown {
    if (v && typeof v === "object" && SIM in (v as object)) return (v as Any)[SIM];
    return Array.isArray(v) ? v.map((x) => this.toSim(x)) : v;
  }

  /** The pair proxy of a simulated object and its Office.js counterpart. */
  wrap(sim: SimObject, real: Any): Any {
    const known = this.pairs.get(sim);
    if (known) return known as Any;
    if (!real || typeof real !== "object") throw new Error(`Office.js has no counterpart of ${sim._entity}`);
    const path = (real._objectPath as { objectPathInfo?: { Id: number } } | undefined)?.objectPathInfo?.Id;
    if (typeof path === "number") this.byPathId.set(path, { sim, real });
    const proxy: Any = new Proxy(sim as unknown as Any, {
      has: (_t, p) => p === SIM || p === REAL || p in sim,
      get: (_t, p) => {
        if (p === SIM) return sim;
        if (p === REAL) return real;
        if (p === "context") return this.context;
        if (p === "toJSON") return () => sim.toJSON();
        const v = Reflect.get(sim, p, sim) as unknown;
        if (typeof v === "function") {
          return (...args: unknown[]) => {
            const s = (v as (...a: unknown[]) => unknown).apply(sim, args.map((a) => this.toSim(a)));
            const fn = real[p];
            if (typeof fn !== "function") throw new Error(`Office.js has no method ${String(p)} on ${sim._entity}`);
            const r = (fn as (...a: unknown[]) => unknown).apply(real, args.map((a) => this.toReal(a)));
            if (s === sim) return proxy;
            return s instanceof SimObject ? this.wrap(s, r as Any) : s;
          };
        }
        if (v instanceof SimObject) return this.wrap(v, real[p] as Any);
        if (p === "items" && Array.isArray(v)) {
          const realItems = real.items as Any[];
          return v.map((item: SimObject, i: number) => this.wrap(item, realItems[i]));
        }
        return v;
      },
      set: (_t, p, value) => {
        Reflect.set(sim, p, this.toSim(value), sim);
        real[p] = this.toReal(value);
        return true;
      },
    });
    this.pairs.set(sim, proxy);
    return proxy;
  }

  private async sync<T>(pass?: T): Promise<T | undefined> {
    this.simError = undefined;
    this.simSynced = false;
    try {
      await this.real.sync();
    } catch (e) {
      throw this.simError ?? e;
    }
    if (this.simError) throw this.simError;
    if (!this.simSynced) await this.sim.sync();
    return pass;
  }

  private async execute(body: RequestBody): Promise<unknown> {
    const bytes = utf8.encode(JSON.stringify(body)).length;
    this.opts.onRequest?.(body);
    const estimate = lastBudget?.bytes ?? 0;
    this.requests.push({ bytes, actions: body.Actions.length, objectPaths: Object.keys(body.ObjectPaths).length, estimate, closing: this.sim._closed });
    const failed = (e: unknown) => {
      this.simError = e;
      const code = (e as { code?: string }).code ?? Codes.generalException;
      return { ErrorCode: code, ErrorMessage: String((e as Error).message), HttpStatusCode: 400, Headers: {}, Body: null };
    };
    if (this.sim._closed) return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: { Results: [] } };
    if (bytes > (this.opts.limit ?? WEB_REQUEST_LIMIT)) {
      this.sim._queue = [];
      return failed(new OfficeExtensionError(Codes.requestPayloadSizeLimitExceeded, undefined, "RequestContext.sync"));
    }
    try {
      await this.sim.sync();
      this.simSynced = true;
    } catch (e) {
      return failed(e);
    }
    return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: { Results: this.results(body) } };
  }

  /** What Excel would answer that later requests depend on (ids of new objects, collection items). */
  private results(body: RequestBody): { ActionId: number; Value: unknown }[] {
    const kept = new Set(body.Actions.filter((a) => a.ActionType === 3 && a.Name === "_KeepReference").map((a) => a.ObjectPathId));
    const out: { ActionId: number; Value: unknown }[] = [];
    for (const a of body.Actions) {
      const pair = this.byPathId.get(a.ObjectPathId);
      if (a.ActionType === 1) {
        if (pair?.sim._nullable && pair.sim._isNull === true) out.push({ ActionId: a.Id, Value: null });
        else out.push({ ActionId: a.Id, Value: kept.has(a.ObjectPathId) ? { _ReferenceId: fakeId(++this.ids) } : { Id: fakeId(++this.ids) } });
      } else if (a.ActionType === 2 && pair && pair.sim instanceof SimCollection && pair.sim._items) {
        out.push({ ActionId: a.Id, Value: { _Items: pair.sim._items.map(() => ({})) } });
      } else if (a.ActionType === 2 && pair && pair.sim instanceof RangeAreasProxy) {
        // A RangeAreas loaded with "areas/items/…": Office.js reads the navigation result "Areas".
        const found = pair.sim._find();
        if (found) out.push({ ActionId: a.Id, Value: { Areas: { _Items: found.rects.map(() => ({})) } } });
      }
    }
    return out;
  }
}

export interface TeeOptions {
  /** Called with every request body Office.js sends (before it is answered). */
  onRequest?: (body: RequestBody) => void;
  /** Reject requests over this many bytes (default: Excel on the web's 5 MB). */
  limit?: number;
}

export interface OfficeJsTee {
  /** Every request Office.js serialized since install (or the last reset), in order. */
  readonly requests: RealRequest[];
  reset(): void;
  uninstall(): void;
}

const g = globalThis as Record<string, unknown>;

/**
 * Route `Excel.run` through Office.js and the simulated host together (see the header). The
 * host's other globals (enums, OfficeExtension) stay those of the simulated host.
 */
export function installOfficeJsTee(host: SimHost, opts: TeeOptions = {}): OfficeJsTee {
  const real = loadOfficeJs();
  watchBudgets();
  const requests: RealRequest[] = [];
  const previous = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  const run = (a: unknown, b?: unknown): Promise<unknown> => {
    if (typeof a !== "function" || b !== undefined) throw new Error("the Office.js tee supports Excel.run(batch) only");
    const batch = a as (context: unknown) => Promise<unknown>;
    lastBudget = null;
    return real.run((realContext) =>
      host.Excel.run(async (simContext: SimContext) => {
        const tee = new Tee(simContext, realContext, requests, opts);
        const result = await batch(tee.context);
        await (tee.context.sync as () => Promise<void>)();
        return result;
      }),
    );
  };
  g.Excel = { ...host.Excel, run };
  g.OfficeExtension = host.OfficeExtension;
  return {
    requests,
    reset: () => void requests.splice(0),
    uninstall: () => {
      g.Excel = previous.Excel;
      g.OfficeExtension = previous.OfficeExtension;
    },
  };
}

/** Largest and total bytes, and the count, of some requests. */
export function summarize(requests: readonly RealRequest[]): { syncs: number; maxBytes: number; totalBytes: number } {
  return { syncs: requests.length, maxBytes: requests.reduce((m, r) => Math.max(m, r.bytes), 0), totalBytes: requests.reduce((s, r) => s + r.bytes, 0) };
}
