/** Excel.Workbook, the worksheet and name collections, the application and custom XML parts. */

import { parseAddress } from "./address";
import { Codes, fail } from "./errors";
import { SimCollection, SimObject, defineProps, resultOf, ClientResult } from "./proxy";
import type { SimContext } from "./context";
import type { NameModel } from "./model";
import type { SheetModel } from "./sheet";
import { RangeProxy } from "./api-range";
import { WorksheetProxy } from "./api-worksheet";
import { TableCollectionProxy } from "./api-objects";

const model = (s: SimObject) => s.context._host.model;

export class WorksheetCollectionProxy extends SimCollection<WorksheetProxy> {
  readonly _entity = "WorksheetCollection";
  _list(): WorksheetProxy[] {
    return model(this).sheets.map((s) => this.bound(s));
  }
  private bound(sheet: SheetModel): WorksheetProxy {
    const p = new WorksheetProxy(this.context, () => sheet);
    p._id = sheet.id;
    return p;
  }
  /** Adds a sheet at the end (not activated); duplicate names fail with ItemAlreadyExists. */
  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => undefined, false, "WorksheetCollection.add");
    this._call("add", [name ?? null], () => {
      model(this).checkStructure("WorksheetCollection.add");
      proxy._id = model(this).addSheet(name).id;
    });
    return proxy;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => model(this).sheet(String(key)), false, "WorksheetCollection.getItem");
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => model(this).sheet(String(key)), true)._queueNullCheck();
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => model(this).activeSheet());
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (visibleOnly ? model(this).visibleSheets() : model(this).sheets)[0]);
  }
  getLast(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (visibleOnly ? model(this).visibleSheets() : model(this).sheets).slice(-1)[0]);
  }
  getCount(visibleOnly = false): ClientResult<number> {
    return resultOf(this, "getCount", [visibleOnly], () => (visibleOnly ? model(this).visibleSheets() : model(this).sheets).length);
  }
}
defineProps(WorksheetCollectionProxy, {});

export class NamedItemProxy extends SimObject {
  readonly _entity = "NamedItem";
  constructor(
    context: SimContext,
    private readonly _key: () => string | undefined,
    nullable = false,
  ) {
    super(context);
    this._nullable = nullable;
  }
  /** @internal */ _find(): NameModel | undefined {
    const key = this._key();
    return key === undefined ? undefined : model(this).names.get(key.toLowerCase());
  }
  _exists(): boolean {
    if (this._find()) return true;
    return this._nullable ? false : fail(Codes.itemNotFound, "NamedItemCollection.getItem");
  }
  /** @internal */ _name(): NameModel {
    return this._find() ?? fail(Codes.itemNotFound, "NamedItem");
  }
  private target(): { sheet: SheetModel; rect: import("./address").Rect } | null {
    const p = parseAddress(this._name().formula.replace(/^=/, "").replace(/\$/g, ""));
    const sheet = p?.sheet !== undefined ? model(this).sheet(p.sheet) : undefined;
    return p && sheet ? { sheet, rect: p.rect } : null;
  }
  getRange(): RangeProxy {
    const ws = new WorksheetProxy(this.context, () => this.target()?.sheet);
    return new RangeProxy(this.context, () => this.target() ?? fail(Codes.invalidReference, "NamedItem.getRange"), false, ws);
  }
  getRangeOrNullObject(): RangeProxy {
    const ws = new WorksheetProxy(this.context, () => this.target()?.sheet);
    return new RangeProxy(this.context, () => this.target(), true, ws)._queueNullCheck();
  }
  delete(): void {
    this._call("delete", [], () => model(this).deleteName(this._name().name));
  }
}
type N = NamedItemProxy;
const rangeType = (n: NameModel) => (parseAddress(n.formula.replace(/^=/, "").replace(/\$/g, "")) ? "Range" : "String");
defineProps(NamedItemProxy, {
  name: { get: (s: N) => s._name().name },
  formula: { get: (s: N) => s._name().formula },
  value: { get: (s: N) => s._name().formula.replace(/^=/, "") },
  type: { get: (s: N) => rangeType(s._name()) },
  comment: { get: (s: N) => s._name().comment, set: (s: N, v: string) => (s._name().comment = String(v)) },
  visible: { get: (s: N) => s._name().visible, set: (s: N, v: boolean) => (s._name().visible = Boolean(v)) },
});

export class NamedItemCollectionProxy extends SimCollection<NamedItemProxy> {
  readonly _entity = "NamedItemCollection";
  _list(): NamedItemProxy[] {
    return [...model(this).names.values()].map((n) => new NamedItemProxy(this.context, () => n.name));
  }
  /** `reference`: a Range, or a formula / address string ("=Sheet1!$A$1"). */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this._call("add", [name, typeof reference === "string" ? reference : "[Range]", comment ?? ""], () => {
      const m = model(this);
      let formula: string;
      if (typeof reference === "string") formula = reference;
      else {
        const { sheet, rect } = reference._at();
        formula = `=${m.address(sheet, rect, true)}`;
      }
      m.addName(name, formula, comment ?? "");
    });
    return new NamedItemProxy(this.context, () => name);
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this.add(name, formula, comment);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => name);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => name, true)._queueNullCheck();
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => model(this).names.size);
  }
}
defineProps(NamedItemCollectionProxy, {});

export class ApplicationProxy extends SimObject {
  readonly _entity = "Application";
  /** @internal */ _calculationMode = "Automatic";
  _exists(): boolean {
    return true;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._host.stats.calculationSuspensions++;
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  calculate(calculationType?: string): void {
    this._call("calculate", [calculationType ?? "Recalculate"], () => undefined);
  }
}
defineProps(ApplicationProxy, {
  calculationMode: {
    get: (s: ApplicationProxy) => s._calculationMode,
    set: (s: ApplicationProxy, v: string) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v)) fail(Codes.invalidArgument, "Application.calculationMode");
      s._calculationMode = v;
    },
  },
});

export class CustomXmlPartProxy extends SimObject {
  readonly _entity = "CustomXmlPart";
  /** @internal */ _id: string | undefined;
  constructor(
    context: SimContext,
    private readonly _locate: () => string | undefined,
    nullable = false,
  ) {
    super(context);
    this._nullable = nullable;
  }
  /** @internal */ _part() {
    if (!this._id) this._id = this._locate();
    return model(this).customXmlParts.find((p) => p.id === this._id);
  }
  _exists(): boolean {
    if (this._part()) return true;
    return this._nullable ? false : fail(Codes.itemNotFound, "CustomXmlPart");
  }
  getXml(): ClientResult<string> {
    return resultOf(this, "getXml", [], () => this._part()!.xml);
  }
  setXml(xml: string): void {
    this._call("setXml", [xml], () => (this._part()!.xml = xml));
  }
  delete(): void {
    this._call("delete", [], () => (model(this).customXmlParts = model(this).customXmlParts.filter((p) => p.id !== this._id)));
  }
}
defineProps(CustomXmlPartProxy, {
  id: { get: (s: CustomXmlPartProxy) => s._part()!.id },
  namespaceUri: { get: (s: CustomXmlPartProxy) => s._part()!.namespace },
});

const namespaceOf = (xml: string): string => /xmlns\s*=\s*"([^"]*)"/.exec(xml)?.[1] ?? "";

class CustomXmlPartScopedCollectionProxy extends SimCollection<CustomXmlPartProxy> {
  readonly _entity = "CustomXmlPartScopedCollection";
  constructor(
    context: SimContext,
    private readonly _ns: string,
  ) {
    super(context);
  }
  private mine() {
    return model(this).customXmlParts.filter((p) => p.namespace === this._ns);
  }
  _list(): CustomXmlPartProxy[] {
    return this.mine().map((p) => new CustomXmlPartProxy(this.context, () => p.id));
  }
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => {
      const parts = this.mine();
      if (parts.length > 1) fail(Codes.invalidOperation, "CustomXmlPartScopedCollection.getOnlyItemOrNullObject");
      return parts[0]?.id;
    }, true)._queueNullCheck();
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this.mine().length);
  }
}

export class CustomXmlPartCollectionProxy extends SimCollection<CustomXmlPartProxy> {
  readonly _entity = "CustomXmlPartCollection";
  _list(): CustomXmlPartProxy[] {
    return model(this).customXmlParts.map((p) => new CustomXmlPartProxy(this.context, () => p.id));
  }
  add(xml: string): CustomXmlPartProxy {
    const proxy = new CustomXmlPartProxy(this.context, () => undefined);
    this._call("add", [xml], () => {
      if (typeof xml !== "string" || !/^\s*(<\?xml[^>]*>\s*)?<[A-Za-z_]/.test(xml)) fail(Codes.invalidArgument, "CustomXmlPartCollection.add");
      const id = model(this).newId();
      model(this).customXmlParts.push({ id, namespace: namespaceOf(xml), xml });
      proxy._id = id;
    });
    return proxy;
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionProxy {
    return new CustomXmlPartScopedCollectionProxy(this.context, namespaceUri);
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => id, true)._queueNullCheck();
  }
}

/** Excel.WorkbookProtection (ExcelApi 1.7): structure protection. */
export class WorkbookProtectionProxy extends SimObject {
  readonly _entity = "WorkbookProtection";
  _exists(): boolean {
    return true;
  }
  protect(password?: string): void {
    this._call("protect", [password ? "***" : null], () => {
      if (model(this).structureProtected) fail(Codes.accessDenied, "WorkbookProtection.protect");
      model(this).structureProtected = true;
    });
  }
  unprotect(password?: string): void {
    this._call("unprotect", [password ? "***" : null], () => {
      model(this).structureProtected = false;
    });
  }
}
defineProps(WorkbookProtectionProxy, { protected: { get: (s: WorkbookProtectionProxy) => model(s).structureProtected } });

export class WorkbookProxy extends SimObject {
  readonly _entity = "Workbook";
  _exists(): boolean {
    return true;
  }
  /** The selected range (A1 of the active sheet until something is selected). */
  getSelectedRange(): RangeProxy {
    const locate = () => {
      const m = model(this);
      const sel = m.selection && m.sheetById(m.selection.sheetId);
      return sel && m.selection ? { sheet: sel, rect: m.selection.rect } : { sheet: m.activeSheet(), rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    };
    const ws = new WorksheetProxy(this.context, () => locate().sheet);
    return new RangeProxy(this.context, locate, false, ws);
  }
  getActiveCell(): RangeProxy {
    const sel = this.getSelectedRange();
    return sel.getCell(0, 0);
  }
}
defineProps(
  WorkbookProxy,
  {
    name: { get: () => "Book1.xlsx" },
    /** ExcelApi 1.8: true while the host refuses writes (a workbook open for viewing only). */
    readOnly: { get: (s: WorkbookProxy) => s.context._host.refuse.writes },
  },
  {
    worksheets: (s: WorkbookProxy) => new WorksheetCollectionProxy(s.context),
    names: (s: WorkbookProxy) => new NamedItemCollectionProxy(s.context),
    application: (s: WorkbookProxy) => new ApplicationProxy(s.context),
    tables: (s: WorkbookProxy) => new TableCollectionProxy(s.context),
    customXmlParts: (s: WorkbookProxy) => new CustomXmlPartCollectionProxy(s.context),
    protection: (s: WorkbookProxy) => new WorkbookProtectionProxy(s.context),
  },
);
