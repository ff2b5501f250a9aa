/** Excel.Worksheet and its parts (protection, freeze panes, page layout, custom properties). */

import { MAX_COLS, MAX_ROWS, Rect, parseRect, formatRect } from "./address";
import { Codes, fail } from "./errors";
import { SimCollection, SimObject, defineProps, resultOf, ClientResult } from "./proxy";
import type { SimContext } from "./context";
import { DEFAULT_PROTECTION_OPTIONS, SheetModel } from "./sheet";
import { RangeProxy } from "./api-range";
import { normalizeColor } from "./api-format";
import { TableCollectionProxy } from "./api-objects";
import { ChartCollectionProxy } from "./api-charts";

export class WorksheetProxy extends SimObject {
  readonly _entity = "Worksheet";
  /** @internal */ _id: string | undefined;

  constructor(
    context: SimContext,
    private readonly _locate: () => SheetModel | undefined,
    nullable = false,
    private readonly _location = "Worksheet",
  ) {
    super(context);
    this._nullable = nullable;
  }

  /** @internal */ _find(): SheetModel | undefined {
    const model = this.context._host.model;
    if (this._id) return model.sheetById(this._id);
    const s = this._locate();
    if (s) this._id = s.id;
    return s;
  }
  _exists(): boolean {
    if (this._find()) return true;
    return this._nullable ? false : fail(Codes.itemNotFound, this._location);
  }
  /** @internal */ _sheetModel(): SheetModel {
    return this._find() ?? fail(Codes.itemNotFound, this._location);
  }

  /**
   * @internal Something was asked of this null object (a range, a neighbour, its protection): a null
   * object again, unless the host refuses such calls (SimHost.refuse("nullObjectMethods")).
   */
  _ofNull(location: string): void {
    if (this.context._host.refuse.nullObjectMethods) fail(Codes.invalidObjectPath, location);
  }

  /** Ranges of a null object (getItemOrNullObject, getNextOrNullObject …) are null objects too. */
  private range(locate: (sheet: SheetModel) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._nullable ? this._find() : this._sheetModel();
      if (!sheet) {
        this._ofNull("Worksheet.getRange");
        return null;
      }
      const rect = locate(sheet);
      return rect ? { sheet, rect } : null;
    }, nullable || this._nullable, this);
  }

  /**
   * The sheet `step` places after (+1) or before (-1) this one, hidden ones skipped when
   * `visibleOnly`. Past either end: a null object (`nullable`) or ItemNotFound at the sync.
   * The neighbour of a null object is a null object.
   */
  private sibling(step: 1 | -1, visibleOnly: boolean, nullable: boolean, location: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => {
      const me = this._nullable ? this._find() : this._sheetModel();
      if (!me) {
        this._ofNull(location);
        return undefined;
      }
      const sheets = this.context._host.model.sheets;
      let i = sheets.indexOf(me) + step;
      while (visibleOnly && i >= 0 && i < sheets.length && sheets[i].visibility !== "Visible") i += step;
      return sheets[i];
    }, nullable, location);
    return nullable ? proxy._queueNullCheck(location) : proxy;
  }
  getNext(visibleOnly = false): WorksheetProxy {
    return this.sibling(1, visibleOnly, false, "Worksheet.getNext");
  }
  getNextOrNullObject(visibleOnly = false): WorksheetProxy {
    return this.sibling(1, visibleOnly, true, "Worksheet.getNextOrNullObject");
  }
  getPrevious(visibleOnly = false): WorksheetProxy {
    return this.sibling(-1, visibleOnly, false, "Worksheet.getPrevious");
  }
  getPreviousOrNullObject(visibleOnly = false): WorksheetProxy {
    return this.sibling(-1, visibleOnly, true, "Worksheet.getPreviousOrNullObject");
  }

  getRange(address?: string): RangeProxy {
    return this.range((sheet) => {
      if (address === undefined || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      return this.context._host.model.resolveAddress(address, sheet, "Worksheet.getRange").rect;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range(() => {
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) && startRow >= 0 && startColumn >= 0 && rowCount > 0 && columnCount > 0;
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (!ok || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) fail(Codes.invalidArgument, "Worksheet.getRangeByIndexes");
      return rect;
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** The used range; the top-left cell when the sheet is empty (as Office.js). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range((sheet) => this.context._host.model.usedRect(sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range((sheet) => this.context._host.model.usedRect(sheet, valuesOnly), true)._queueNullCheck();
  }
  activate(): void {
    this._call("activate", [], () => this.context._host.model.activate(this._sheetModel()));
  }
  delete(): void {
    this._call("delete", [], () => this.context._host.model.deleteSheet(this._sheetModel()));
  }
  /** Excel recalculates automatically; kept for API compatibility. */
  calculate(_markAllDirty?: boolean): void {
    this._call("calculate", [], () => undefined);
  }
}
type W = WorksheetProxy;
const sm = (s: W) => s._sheetModel();
const model = (s: SimObject) => s.context._host.model;

abstract class SheetPart extends SimObject {
  constructor(
    context: SimContext,
    readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  _exists(): boolean {
    const alive = this._ws._exists();
    if (!alive) this._ws._ofNull(`${this._entity}`);
    return alive;
  }
  /** @internal */ _sheet(): SheetModel {
    return this._ws._sheetModel();
  }
}
type S = SheetPart;

export class WorksheetProtectionProxy extends SheetPart {
  readonly _entity = "WorksheetProtection";
  /** Protect the sheet; protecting an already protected sheet fails (AccessDenied), as in Excel. */
  protect(options?: Record<string, unknown> | null, password?: string): void {
    this._call("protect", [options ?? null, password ? "***" : null], () => {
      const sheet = this._sheet();
      if (!password && this.context._host.refuse.protectionWithoutPassword) fail(Codes.accessDenied, "WorksheetProtection.protect");
      if (sheet.protection.protected) fail(Codes.accessDenied, "WorksheetProtection.protect");
      sheet.protection = { protected: true, options: { ...DEFAULT_PROTECTION_OPTIONS, ...(options ?? {}) }, password: password || undefined };
    });
  }
  /** Unprotect; a wrong password fails (InvalidArgument). Unprotecting an unprotected sheet is accepted. */
  unprotect(password?: string): void {
    this._call("unprotect", [password ? "***" : null], () => {
      const sheet = this._sheet();
      if (!password && this.context._host.refuse.protectionWithoutPassword) fail(Codes.accessDenied, "WorksheetProtection.unprotect");
      if (sheet.protection.protected && sheet.protection.password && sheet.protection.password !== password)
        fail(Codes.invalidArgument, "WorksheetProtection.unprotect", "The password you supplied is not correct.");
      sheet.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: undefined };
    });
  }
}
defineProps(WorksheetProtectionProxy, {
  protected: { get: (s: S) => s._sheet().protection.protected },
  options: { get: (s: S) => s._sheet().protection.options },
});

export class WorksheetFreezePanesProxy extends SheetPart {
  readonly _entity = "WorksheetFreezePanes";
  private freeze(method: string, args: unknown[], apply: (sheet: SheetModel) => void): void {
    this._call(method, args, () => apply(this._sheet()));
  }
  freezeRows(count = 1): void {
    this.freeze("freezeRows", [count], (s) => (s.frozen = { rows: checkCount(count, MAX_ROWS), cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", [count], (s) => (s.frozen = { rows: 0, cols: checkCount(count, MAX_COLS) }));
  }
  /** Freeze the rows above and the columns left of the range's bottom-right corner (inclusive). */
  freezeAt(frozenRange: RangeProxy | string): void {
    const arg = typeof frozenRange === "string" ? frozenRange : "[Range]";
    this.freeze("freezeAt", [arg], (s) => {
      const rect = typeof frozenRange === "string" ? parseRect(frozenRange) : frozenRange._at().rect;
      if (!rect) fail(Codes.invalidArgument, "WorksheetFreezePanes.freezeAt");
      s.frozen = { rows: rect.r1 + 1, cols: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.freeze("unfreeze", [], (s) => (s.frozen = { rows: 0, cols: 0 }));
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._sheet();
      const { rows, cols } = sheet.frozen;
      if (rows === 0 && cols === 0) return null;
      return { sheet, rect: { r0: 0, c0: 0, r1: (rows || MAX_ROWS) - 1, c1: (cols || MAX_COLS) - 1 } };
    }, true, this._ws)._queueNullCheck();
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._sheet();
      const { rows, cols } = sheet.frozen;
      if (rows === 0 && cols === 0) fail(Codes.itemNotFound, "WorksheetFreezePanes.getLocation");
      return { sheet, rect: { r0: 0, c0: 0, r1: (rows || MAX_ROWS) - 1, c1: (cols || MAX_COLS) - 1 } };
    }, false, this._ws);
  }
}
defineProps(WorksheetFreezePanesProxy, {});

function checkCount(n: unknown, max: number): number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n < max ? n : fail(Codes.invalidArgument, "WorksheetFreezePanes");
}

const rangeText = (range: RangeProxy | string): string => {
  if (typeof range === "string") {
    const rect = parseRect(range) ?? fail(Codes.invalidArgument, "PageLayout");
    return formatRect(rect, true);
  }
  return formatRect(range._at().rect, true);
};

export class PageLayoutProxy extends SheetPart {
  readonly _entity = "PageLayout";
  setPrintTitleRows(range: RangeProxy | string): void {
    this._call("setPrintTitleRows", [typeof range === "string" ? range : "[Range]"], () => (this._sheet().pageLayout.printTitleRows = rangeText(range)));
  }
  setPrintTitleColumns(range: RangeProxy | string): void {
    this._call("setPrintTitleColumns", [typeof range === "string" ? range : "[Range]"], () => (this._sheet().pageLayout.printTitleColumns = rangeText(range)));
  }
  setPrintArea(range: RangeProxy | string): void {
    this._call("setPrintArea", [typeof range === "string" ? range : "[Range]"], () => (this._sheet().pageLayout.printArea = rangeText(range)));
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._sheet();
      const t = sheet.pageLayout.printTitleRows;
      const rect = t ? parseRect(t) : null;
      return rect ? { sheet, rect } : null;
    }, true, this._ws)._queueNullCheck();
  }
}
const layoutProp = (key: "orientation" | "printGridlines" | "centerHorizontally" | "centerVertically", check: (v: unknown) => boolean) => ({
  get: (s: S) => s._sheet().pageLayout[key],
  set: (s: S, v: never) => {
    if (!check(v)) fail(Codes.invalidArgument, `PageLayout.${key}`);
    (s._sheet().pageLayout[key] as unknown) = v;
  },
});
const isBool = (v: unknown) => typeof v === "boolean";
defineProps(
  PageLayoutProxy,
  {
    orientation: layoutProp("orientation", (v) => v === "Portrait" || v === "Landscape"),
    printGridlines: layoutProp("printGridlines", isBool),
    centerHorizontally: layoutProp("centerHorizontally", isBool),
    centerVertically: layoutProp("centerVertically", isBool),
    zoom: {
      get: (s: S) => s._sheet().pageLayout.zoom,
      set: (s: S, v: Record<string, unknown>) => {
        if (!v || typeof v !== "object") fail(Codes.invalidArgument, "PageLayout.zoom");
        s._sheet().pageLayout.zoom = { ...v };
      },
    },
  },
  { headersFooters: (s: PageLayoutProxy) => new HeaderFooterGroupProxy(s.context, s._ws) },
);

/** PageLayout.headersFooters (ExcelApi 1.9): only the headers and footers used on every page are kept. */
export class HeaderFooterGroupProxy extends SheetPart {
  readonly _entity = "HeaderFooterGroup";
}
defineProps(
  HeaderFooterGroupProxy,
  { state: { get: () => "Default" } },
  { defaultForAllPages: (s: HeaderFooterGroupProxy) => new HeaderFooterProxy(s.context, s._ws) },
);

/** One header/footer set; texts use Excel's codes (&P page, &N pages, &A sheet name …). */
export class HeaderFooterProxy extends SheetPart {
  readonly _entity = "HeaderFooter";
}
const HEADER_FOOTER_KEYS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;
defineProps(
  HeaderFooterProxy,
  Object.fromEntries(
    HEADER_FOOTER_KEYS.map((key) => [
      key,
      {
        get: (s: S) => s._sheet().pageLayout.headersFooters[key] ?? "",
        set: (s: S, v: unknown) => {
          if (typeof v !== "string") fail(Codes.invalidArgument, `HeaderFooter.${key}`);
          s._sheet().pageLayout.headersFooters[key] = v;
        },
      },
    ]),
  ),
);

export class WorksheetCustomPropertyProxy extends SimObject {
  readonly _entity = "WorksheetCustomProperty";
  constructor(
    context: SimContext,
    readonly _ws: WorksheetProxy,
    readonly _key: string,
    nullable = false,
  ) {
    super(context);
    this._nullable = nullable;
  }
  _exists(): boolean {
    if (this._ws._sheetModel().customProperties.has(this._key)) return true;
    return this._nullable ? false : fail(Codes.itemNotFound, "WorksheetCustomPropertyCollection.getItem");
  }
  delete(): void {
    this._call("delete", [], () => this._ws._sheetModel().customProperties.delete(this._key));
  }
}
defineProps(WorksheetCustomPropertyProxy, {
  key: { get: (s: WorksheetCustomPropertyProxy) => s._key },
  value: {
    get: (s: WorksheetCustomPropertyProxy) => s._ws._sheetModel().customProperties.get(s._key),
    set: (s: WorksheetCustomPropertyProxy, v: unknown) => s._ws._sheetModel().customProperties.set(s._key, String(v)),
  },
});

export class WorksheetCustomPropertyCollectionProxy extends SimCollection<WorksheetCustomPropertyProxy> {
  readonly _entity = "WorksheetCustomPropertyCollection";
  constructor(
    context: SimContext,
    readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  override _exists(): boolean {
    return this._ws._exists();
  }
  _list(): WorksheetCustomPropertyProxy[] {
    return [...this._ws._sheetModel().customProperties.keys()].map((k) => new WorksheetCustomPropertyProxy(this.context, this._ws, k));
  }
  add(key: string, value: string): WorksheetCustomPropertyProxy {
    this._call("add", [key, value], () => {
      if (typeof key !== "string" || key === "" || key.length > 255) fail(Codes.invalidArgument, "WorksheetCustomPropertyCollection.add");
      this._ws._sheetModel().customProperties.set(key, String(value));
    });
    return new WorksheetCustomPropertyProxy(this.context, this._ws, key);
  }
  getItem(key: string): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(this.context, this._ws, key);
  }
  getItemOrNullObject(key: string): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(this.context, this._ws, key, true)._queueNullCheck();
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._ws._sheetModel().customProperties.size);
  }
}

defineProps(
  WorksheetProxy,
  {
    id: { get: (s: W) => sm(s).id },
    name: { get: (s: W) => sm(s).name, set: (s: W, v: string) => model(s).renameSheet(sm(s), v) },
    position: { get: (s: W) => model(s).sheets.indexOf(sm(s)), set: (s: W, v: number) => model(s).setPosition(sm(s), v) },
    visibility: { get: (s: W) => sm(s).visibility, set: (s: W, v: string) => model(s).setVisibility(sm(s), v) },
    tabColor: {
      get: (s: W) => sm(s).tabColor,
      set: (s: W, v: string) => (sm(s).tabColor = v === "" || v === null ? "" : normalizeColor(v, "Worksheet.tabColor")),
    },
    showGridlines: { get: (s: W) => sm(s).showGridlines, set: (s: W, v: boolean) => (sm(s).showGridlines = Boolean(v)) },
    standardWidth: { get: () => 8.43 },
    standardHeight: { get: () => 15 },
  },
  {
    protection: (s: W) => new WorksheetProtectionProxy(s.context, s),
    freezePanes: (s: W) => new WorksheetFreezePanesProxy(s.context, s),
    pageLayout: (s: W) => new PageLayoutProxy(s.context, s),
    customProperties: (s: W) => new WorksheetCustomPropertyCollectionProxy(s.context, s),
    tables: (s: W) => new TableCollectionProxy(s.context, s),
    charts: (s: W) => new ChartCollectionProxy(s.context, s),
  },
);
