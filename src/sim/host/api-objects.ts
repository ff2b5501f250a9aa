/**
 * Second tier: tables (stored with their ranges; rows.add writes the cells). Rows added at the end
 * overwrite the cells below the table (Excel would shift them down).
 */

import { Rect, intersect } from "./address";
import { Codes, fail } from "./errors";
import { SimCollection, SimObject, defineProps, resultOf, ClientResult } from "./proxy";
import type { SimContext } from "./context";
import type { SheetModel, TableModel } from "./sheet";
import type { RawContent } from "./calc";
import { RangeProxy } from "./api-range";

/** The worksheet proxy seen from here (avoids a runtime import cycle). */
export interface WsRef extends SimObject {
  _sheetModel(): SheetModel;
}

export const model = (s: SimObject) => s.context._host.model;

export class TableProxy extends SimObject {
  readonly _entity = "Table";
  /** @internal */ _id: string | undefined;
  constructor(
    context: SimContext,
    readonly _ws: WsRef | undefined,
    private readonly _locate: () => TableModel | undefined,
    nullable = false,
  ) {
    super(context);
    this._nullable = nullable;
  }
  /** @internal */ _find(): TableModel | undefined {
    if (this._id) return model(this).tables.find((t) => t.id === this._id);
    const t = this._locate();
    if (t) this._id = t.id;
    return t;
  }
  _exists(): boolean {
    if (this._find()) return true;
    return this._nullable ? false : fail(Codes.itemNotFound, "TableCollection.getItem");
  }
  /** @internal */ _table(): TableModel {
    return this._find() ?? fail(Codes.itemNotFound, "Table");
  }
  private part(pick: (t: TableModel) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._table();
      const rect = pick(t);
      return rect ? { sheet: model(this).sheetById(t.sheetId)!, rect } : null;
    }, nullable, this._ws);
  }
  getRange(): RangeProxy {
    return this.part((t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((t) => ({ ...t.rect, r0: t.rect.r0 + 1, r1: t.rect.r1 - (t.showTotals ? 1 : 0) }));
  }
  getTotalRowRange(): RangeProxy {
    return this.part((t) => (t.showTotals ? { ...t.rect, r0: t.rect.r1 } : fail(Codes.itemNotFound, "Table.getTotalRowRange")));
  }
  delete(): void {
    this._call("delete", [], () => (model(this).tables = model(this).tables.filter((t) => t !== this._table())));
  }
  get rows(): TableRowCollectionProxy {
    return new TableRowCollectionProxy(this.context, this);
  }
}
type T = TableProxy;
defineProps(TableProxy, {
  id: { get: (s: T) => s._table().id },
  name: {
    get: (s: T) => s._table().name,
    set: (s: T, v: string) => {
      if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(String(v))) fail(Codes.invalidArgument, "Table.name");
      if (model(s).tables.some((t) => t !== s._table() && t.name.toLowerCase() === String(v).toLowerCase())) fail(Codes.itemAlreadyExists, "Table.name");
      s._table().name = v;
    },
  },
  style: { get: (s: T) => s._table().style, set: (s: T, v: string) => (s._table().style = String(v)) },
  showTotals: {
    get: (s: T) => s._table().showTotals,
    set: (s: T, v: boolean) => {
      const t = s._table();
      if (Boolean(v) !== t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + (v ? 1 : -1) };
      t.showTotals = Boolean(v);
    },
  },
  showHeaders: { get: () => true },
});

export class TableRowCollectionProxy extends SimObject {
  readonly _entity = "TableRowCollection";
  constructor(
    context: SimContext,
    readonly _tableProxy: TableProxy,
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._tableProxy._exists();
  }
  /** Insert rows into the body at `index` (null / undefined: at the end); rows below inside the table move down. */
  add(index?: number | null, values?: unknown[][]): void {
    this._call("add", [index ?? null, values ?? null], () => {
      const t = this._tableProxy._table();
      const m = model(this);
      const sheet = m.sheetById(t.sheetId)!;
      const cols = t.rect.c1 - t.rect.c0 + 1;
      const rows = values ?? [new Array(cols).fill("")];
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || r.length !== cols)) fail(Codes.invalidArgument, "TableRowCollection.add");
      const bodyStart = t.rect.r0 + 1;
      const bodyEnd = t.rect.r1 - (t.showTotals ? 1 : 0);
      const at = index === null || index === undefined ? bodyEnd + 1 : bodyStart + index;
      if (at < bodyStart || at > bodyEnd + 1) fail(Codes.invalidArgument, "TableRowCollection.add");
      const moved: RawContent[][] = [];
      for (let r = at; r <= t.rect.r1; r++) {
        const row: RawContent[] = [];
        for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(m.calc.serialized(sheet.hfId, r, c));
        moved.push(row);
      }
      if (moved.length > 0) m.writeRaw(sheet, at + rows.length, t.rect.c0, moved);
      t.rect = { ...t.rect, r1: t.rect.r1 + rows.length };
      m.write(sheet, { r0: at, c0: t.rect.c0, r1: at + rows.length - 1, c1: t.rect.c1 }, rows, "values");
    });
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => {
      const t = this._tableProxy._table();
      return t.rect.r1 - t.rect.r0 - (t.showTotals ? 1 : 0);
    });
  }
}
defineProps(TableRowCollectionProxy, {
  count: { get: (s: TableRowCollectionProxy) => s._tableProxy._table().rect.r1 - s._tableProxy._table().rect.r0 - (s._tableProxy._table().showTotals ? 1 : 0) },
});

export class TableCollectionProxy extends SimCollection<TableProxy> {
  readonly _entity = "TableCollection";
  /** `ws` undefined: the workbook's collection. */
  constructor(
    context: SimContext,
    readonly _ws?: WsRef,
  ) {
    super(context);
  }
  private mine(): TableModel[] {
    const id = this._ws?._sheetModel().id;
    return model(this).tables.filter((t) => id === undefined || t.sheetId === id);
  }
  _list(): TableProxy[] {
    return this.mine().map((t) => new TableProxy(this.context, this._ws, () => t));
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(this.context, this._ws, () => undefined);
    this._call("add", [typeof address === "string" ? address : "[Range]", hasHeaders], () => {
      const m = model(this);
      const { sheet, rect } = typeof address === "string" ? m.resolveAddress(address, this._ws?._sheetModel(), "TableCollection.add") : address._at();
      if (rect.r1 === rect.r0 && hasHeaders) fail(Codes.invalidArgument, "TableCollection.add");
      if (m.tables.some((t) => t.sheetId === sheet.id && intersect(t.rect, rect))) fail(Codes.invalidArgument, "TableCollection.add");
      if (sheet.protection.protected) fail(Codes.accessDenied, "TableCollection.add");
      if (!hasHeaders)
        for (let c = rect.c0; c <= rect.c1; c++) if (m.value(sheet, rect.r0, c) === "") m.write(sheet, { r0: rect.r0, c0: c, r1: rect.r0, c1: c }, `Column${c - rect.c0 + 1}`, "values");
      let n = 1;
      while (m.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const table: TableModel = { id: String(m.tables.length + 1 + n), name: `Table${n}`, sheetId: sheet.id, rect, hasHeaders, style: "TableStyleMedium2", showTotals: false };
      m.tables.push(table);
      proxy._id = table.id;
    });
    return proxy;
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this._ws, () => this.mine().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key));
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, this._ws, () => this.mine().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key), true)._queueNullCheck();
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this.mine().length);
  }
}
