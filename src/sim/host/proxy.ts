/**
 * Proxy objects as Office.js has them: reads come from what `load` fetched at the last sync
 * (an unloaded read throws PropertyNotLoaded), writes and method calls queue actions applied at
 * the next `context.sync()`.
 */

import { Codes, OfficeExtensionError, fail, propertyNotLoaded } from "./errors";
import type { SimContext } from "./context";

export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadSpec>;
}

const emptySpec = (): LoadSpec => ({ all: false, props: new Set(), nav: new Map() });

function addPath(spec: LoadSpec, path: string): void {
  const parts = path.trim().split("/").filter((p) => p !== "");
  if (parts.length === 0) return;
  let cur = spec;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!cur.nav.has(parts[i])) cur.nav.set(parts[i], emptySpec());
    cur = cur.nav.get(parts[i])!;
  }
  cur.props.add(parts[parts.length - 1]);
}

function addTree(spec: LoadSpec, tree: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(tree)) {
    if (v === true) spec.props.add(k);
    else if (v && typeof v === "object") {
      if (!spec.nav.has(k)) spec.nav.set(k, emptySpec());
      addTree(spec.nav.get(k)!, v as Record<string, unknown>);
    }
  }
}

/** Parse the argument of `load`: "a,b/c", ["a"], { select, expand } or a property tree { a: true, b: { c: true } }. */
export function parseLoad(arg: unknown): LoadSpec {
  const spec = emptySpec();
  if (arg === undefined || arg === null || arg === "" || arg === "*") spec.all = true;
  else if (typeof arg === "string") arg.split(",").forEach((p) => addPath(spec, p));
  else if (Array.isArray(arg)) arg.forEach((p) => typeof p === "string" && p.split(",").forEach((q) => addPath(spec, q)));
  else if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o || "$all" in o) {
      const list = (v: unknown) => (Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : "");
      if (o.select) list(o.select).split(",").forEach((p) => addPath(spec, p));
      else spec.all = true;
      if (o.expand) list(o.expand).split(",").forEach((p) => p.trim() && !spec.nav.has(p.trim()) && spec.nav.set(p.trim(), { ...emptySpec(), all: true }));
    } else addTree(spec, o);
  }
  return spec;
}

function specToJSON(spec: LoadSpec): unknown {
  return { all: spec.all, p: [...spec.props], n: Object.fromEntries([...spec.nav].map(([k, v]) => [k, specToJSON(v)])) };
}

export interface PropDef {
  /** Read the current value from the model (at sync). */
  get?: (self: never) => unknown;
  /** Apply a write to the model (at sync); throws OfficeExtensionError to reject the sync. */
  set?: (self: never, value: never) => void;
}

const encoder = new TextEncoder();
/** Bytes a loaded value adds to the response (UTF-8 JSON). */
const sizeOf = (v: unknown): number => (v === undefined ? 0 : encoder.encode(JSON.stringify(v)).length);

const clone = <T>(v: T): T => (v === null || typeof v !== "object" ? v : (JSON.parse(JSON.stringify(v)) as T));

export abstract class SimObject {
  /** @internal */ _loaded = new Map<string, unknown>();
  /** @internal */ _navCache = new Map<string, SimObject>();
  /** @internal */ _nullable = false;
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ declare _props: Record<string, PropDef>;
  /** @internal */ declare _navs: Record<string, (self: never) => SimObject>;
  /** @internal */ abstract readonly _entity: string;

  constructor(readonly context: SimContext) {}

  /** Throws ItemNotFound when the object this proxy stands for does not exist; false for a null object. */
  abstract _exists(): boolean;

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._entity);
    return this._isNull;
  }

  /** @internal Resolve null-ness at the next sync (queued by the *OrNullObject methods). */
  _queueNullCheck(location = `${this._entity}._resolve`): this {
    this.context._enqueue(location, [], () => {
      const alive = this._exists();
      return () => {
        this._isNull = !alive;
      };
    }, true);
    return this;
  }

  /** @internal */ _requireLive(location: string): void {
    if (!this._exists()) fail(Codes.itemNotFound, location);
  }

  load(arg?: unknown): this {
    const spec = parseLoad(arg);
    this.context._enqueue(`${this._entity}.load`, [specToJSON(spec)], () => this._doLoad(spec), true);
    return this;
  }

  /** @internal Read what `spec` asks for now; returns the commit applied if the whole sync succeeds. */
  _doLoad(spec: LoadSpec): () => void {
    if (!this._exists()) {
      return () => {
        this._isNull = true;
      };
    }
    const values: [string, unknown][] = [];
    const commits: (() => void)[] = [];
    const names = spec.all ? Object.keys(this._props ?? {}) : [...spec.props];
    for (const n of names) {
      const def = this._props?.[n];
      if (def?.get) {
        const v = clone(def.get(this as never));
        this.context._responseBytes += n.length + sizeOf(v);
        values.push([n, v]);
      }
      else if (this._navs?.[n]) commits.push(this._nav(n)._doLoad({ all: true, props: new Set(), nav: new Map() }));
      else if (!spec.all) fail(Codes.invalidArgument, `${this._entity}.load`, `Cannot load property '${n}' of ${this._entity}.`);
    }
    for (const [n, sub] of spec.nav) {
      if (!this._navs?.[n]) fail(Codes.invalidArgument, `${this._entity}.load`, `Cannot load property '${n}' of ${this._entity}.`);
      commits.push(this._nav(n)._doLoad(sub));
    }
    return () => {
      for (const [n, v] of values) this._loaded.set(n, v);
      commits.forEach((c) => c());
      if (this._nullable) this._isNull = false;
    };
  }

  /** @internal */ _nav(name: string): SimObject {
    let o = this._navCache.get(name);
    if (!o) {
      o = this._navs[name](this as never);
      this._navCache.set(name, o);
    }
    return o;
  }

  /** @internal */ _get(name: string): unknown {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name, this._entity);
    return this._loaded.get(name);
  }

  /** @internal */ _set(name: string, value: unknown): void {
    const def = this._props[name];
    this._loaded.set(name, clone(value));
    this.context._enqueue(`${this._entity}.${name}`, [value], () => {
      this._requireLive(`${this._entity}.${name}`);
      def.set!(this as never, clone(value) as never);
    });
  }

  /** @internal Queue a method call. */
  _call(method: string, args: unknown[], run: () => void): void {
    this.context._enqueue(`${this._entity}.${method}`, args, () => {
      this._requireLive(`${this._entity}.${method}`);
      run();
    });
  }

  /** Set several properties at once (Office.js `set`). */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._props?.[k]?.set) this._set(k, v);
      else if (this._navs?.[k] && v && typeof v === "object") this._nav(k).set(v as Record<string, unknown>);
      else throw new OfficeExtensionError(Codes.invalidArgument, `Cannot set property '${k}' of ${this._entity}.`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this._loaded);
    for (const [k, o] of this._navCache) {
      const j = o.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }
}

/** Attach Office.js-style properties (loadable, optionally settable) to a proxy class. */
export function defineProps(cls: { prototype: SimObject }, props: Record<string, PropDef>, navs: Record<string, (self: never) => SimObject> = {}): void {
  const proto = cls.prototype as SimObject;
  Object.defineProperty(proto, "_props", { value: props, writable: true });
  Object.defineProperty(proto, "_navs", { value: navs, writable: true });
  for (const [name, def] of Object.entries(props)) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: SimObject) {
        return this._get(name);
      },
      set: def.set
        ? function (this: SimObject, v: unknown) {
            this._set(name, v);
          }
        : undefined,
    });
  }
  for (const name of Object.keys(navs)) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: SimObject) {
        return this._nav(name);
      },
    });
  }
}

/** A value returned by a method (getCount, getXml …): readable after the next sync. */
export class ClientResult<T> {
  private _value: T | undefined;
  private _set = false;
  get value(): T {
    if (!this._set)
      throw new OfficeExtensionError(Codes.valueNotLoaded, undefined, "ClientResult.value");
    return this._value as T;
  }
  /** @internal */ _resolve(v: T): void {
    this._value = v;
    this._set = true;
  }
}

/** Queue a read-only method whose result arrives at the next sync. */
export function resultOf<T>(obj: SimObject, method: string, args: unknown[], compute: () => T): ClientResult<T> {
  const result = new ClientResult<T>();
  obj.context._enqueue(`${obj._entity}.${method}`, args, () => {
    obj._requireLive(`${obj._entity}.${method}`);
    const v = clone(compute());
    obj.context._responseBytes += sizeOf(v);
    return () => result._resolve(v);
  }, true);
  return result;
}

/** A collection proxy: `items` is loaded with `load("items")`, `load("items/name")` or `load("name")`. */
export abstract class SimCollection<T extends SimObject> extends SimObject {
  /** @internal */ _items: T[] | undefined;

  /** @internal Current items as proxies bound to the model objects. */
  abstract _list(): T[];

  _exists(): boolean {
    return true;
  }

  get items(): T[] {
    if (!this._items) throw propertyNotLoaded("items", this._entity);
    return this._items;
  }

  override _doLoad(spec: LoadSpec): () => void {
    const itemSpec: LoadSpec = { all: spec.all, props: new Set(), nav: new Map() };
    for (const p of spec.props) if (p === "items") itemSpec.all = true;
    else itemSpec.props.add(p);
    for (const [k, sub] of spec.nav) {
      if (k === "items") {
        sub.props.forEach((p) => itemSpec.props.add(p));
        sub.nav.forEach((v, n) => itemSpec.nav.set(n, v));
        if (sub.all) itemSpec.all = true;
      } else itemSpec.nav.set(k, sub);
    }
    if (!itemSpec.all && itemSpec.props.size === 0 && itemSpec.nav.size === 0) itemSpec.all = true;
    const items = this._list();
    const commits = items.map((i) => i._doLoad(itemSpec));
    return () => {
      this._items = items;
      commits.forEach((c) => c());
    };
  }

  override toJSON(): Record<string, unknown> {
    return this._items ? { items: this._items.map((i) => i.toJSON()) } : {};
  }
}
