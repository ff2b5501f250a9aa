/**
 * Excel.RangeAreas on the simulated host (ExcelApi 1.9), as Range.getSpecialCells returns it.
 *
 * Only SpecialCellType.formulas (optionally filtered by SpecialCellValueType: the type of the
 * formula's result) is implemented; other types fail with UnsupportedOperation. The cells are found from
 * the sheet's sparse content, so a sheet with a stray value at XFD10 and A100001 costs no more than
 * its filled cells.
 *
 * Areas: Excel returns rectangular blocks of matching cells, but its exact decomposition is not
 * documented. Here: one area per maximal horizontal run of formula cells in a row, merged with the
 * area just above when both span the very same columns; areas ordered by top row, then left column.
 * Code reading RangeAreas must not depend on the decomposition (only on the cells covered).
 */

import { intersect, qualified, type Rect } from "./address";
import { Codes, fail } from "./errors";
import type { WorkbookModel } from "./model";
import { SimCollection, SimObject, defineProps } from "./proxy";
import type { SimContext } from "./context";
import type { SheetModel } from "./sheet";
import { keyCol, keyRow } from "./styles";
import { RangeProxy, type SheetRef } from "./api-range";

/** SpecialCellValueType → the value types (Range.valueTypes) it admits. */
const VALUE_TYPES: Record<string, string[]> = {
  All: ["Double", "String", "Boolean", "Error", "Empty"],
  Errors: ["Error"],
  ErrorsLogical: ["Error", "Boolean"],
  ErrorsNumbers: ["Error", "Double"],
  ErrorsText: ["Error", "String", "Empty"],
  ErrorsLogicalNumber: ["Error", "Boolean", "Double"],
  ErrorsLogicalText: ["Error", "Boolean", "String", "Empty"],
  ErrorsNumberText: ["Error", "Double", "String", "Empty"],
  Logical: ["Boolean"],
  LogicalNumbers: ["Boolean", "Double"],
  LogicalText: ["Boolean", "String", "Empty"],
  LogicalNumbersText: ["Boolean", "Double", "String", "Empty"],
  Numbers: ["Double"],
  NumbersText: ["Double", "String", "Empty"],
  Text: ["String", "Empty"],
};

/** The formula cells of `rect` (result type within `valueType`) as rectangular areas (see the module comment). */
export function formulaAreas(model: WorkbookModel, sheet: SheetModel, rect: Rect, valueType = "All"): Rect[] {
  const admits = VALUE_TYPES[valueType] ?? fail(Codes.invalidArgument, "Range.getSpecialCells");
  const cells: [number, number][] = [];
  for (const key of sheet.content) {
    const r = keyRow(key);
    const c = keyCol(key);
    if (r < rect.r0 || r > rect.r1 || c < rect.c0 || c > rect.c1) continue;
    if (model.calc.formula(sheet.hfId, r, c) === undefined) continue;
    if (valueType !== "All" && !admits.includes(model.valueType(sheet, r, c))) continue;
    cells.push([r, c]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const areas: Rect[] = [];
  /** Areas ending on the previous row, by their column span. */
  let open = new Map<string, Rect>();
  let row = -1;
  let next = new Map<string, Rect>();
  const close = (run: Rect) => {
    const span = `${run.c0}:${run.c1}`;
    const above = open.get(span);
    if (above && above.r1 === run.r0 - 1) {
      above.r1 = run.r0;
      next.set(span, above);
    } else {
      areas.push(run);
      next.set(span, run);
    }
  };
  let run: Rect | null = null;
  for (const [r, c] of cells) {
    if (run && r === run.r0 && c === run.c1 + 1) {
      run.c1 = c;
      continue;
    }
    if (run) close(run);
    if (r !== row) {
      open = r === row + 1 ? next : new Map();
      next = new Map();
      row = r;
    }
    run = { r0: r, r1: r, c0: c, c1: c };
  }
  if (run) close(run);
  return areas.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

export class RangeAreasProxy extends SimObject {
  readonly _entity = "RangeAreas";
  private _resolved: { sheetId: string; rects: Rect[] } | null | undefined;

  constructor(
    context: SimContext,
    private readonly _locate: () => { sheet: SheetModel; rects: Rect[] } | null,
    nullable: boolean,
    readonly _ws?: SheetRef,
  ) {
    super(context);
    this._nullable = nullable;
  }

  /** @internal */ _find(): { model: WorkbookModel; sheet: SheetModel; rects: Rect[] } | null {
    const model = this.context._host.model;
    if (this._resolved === undefined) {
      const found = this._locate();
      this._resolved = found && found.rects.length ? { sheetId: found.sheet.id, rects: found.rects } : null;
    }
    if (!this._resolved) return null;
    const sheet = model.sheetById(this._resolved.sheetId);
    return sheet ? { model, sheet, rects: this._resolved.rects } : null;
  }

  _exists(): boolean {
    if (this._find()) return true;
    if (this._nullable) return false;
    return fail(Codes.itemNotFound, "RangeAreas");
  }

  /** @internal */ _at(): { model: WorkbookModel; sheet: SheetModel; rects: Rect[] } {
    return this._find() ?? fail(Codes.itemNotFound, "RangeAreas");
  }
}

/** RangeAreas.areas: one Range per area. */
export class RangeCollectionProxy extends SimCollection<RangeProxy> {
  readonly _entity = "RangeCollection";
  constructor(
    context: SimContext,
    private readonly _parent: RangeAreasProxy,
  ) {
    super(context);
  }
  _list(): RangeProxy[] {
    const { sheet, rects } = this._parent._at();
    return rects.map((rect) => new RangeProxy(this.context, () => ({ sheet, rect }), false, this._parent._ws));
  }
  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rects } = this._parent._at();
      return rects[index] ? { sheet, rect: rects[index] } : fail(Codes.invalidArgument, "RangeCollection.getItemAt");
    }, false, this._parent._ws);
  }
}

const at = (s: RangeAreasProxy) => s._at();
const cells = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

defineProps(
  RangeAreasProxy,
  {
    /** "Sheet1!A1:B4, Sheet1!D1:D4" (learn.microsoft.com, Excel.RangeAreas.address). */
    address: { get: (s: RangeAreasProxy) => at(s).rects.map((r) => qualified(at(s).sheet.name, r)).join(", ") },
    addressLocal: { get: (s: RangeAreasProxy) => at(s).rects.map((r) => qualified(at(s).sheet.name, r)).join(", ") },
    areaCount: { get: (s: RangeAreasProxy) => at(s).rects.length },
    cellCount: { get: (s: RangeAreasProxy) => at(s).rects.reduce((n, r) => n + cells(r), 0) },
  },
  { areas: (s: RangeAreasProxy) => new RangeCollectionProxy(s.context, s) },
);

/** Range.getSpecialCells / getSpecialCellsOrNullObject of `range` (located at sync time). */
export function specialCells(range: RangeProxy, cellType: string, valueType: string | undefined, nullable: boolean): RangeAreasProxy {
  const proxy = new RangeAreasProxy(range.context, () => {
    const l = range._find();
    if (!l) return nullable ? null : fail(Codes.itemNotFound, "Range.getSpecialCells");
    if (cellType !== "Formulas") fail(Codes.unsupportedOperation, "Range.getSpecialCells", `The simulated host implements SpecialCellType.formulas only, not ${cellType}.`);
    const used = l.model.usedRect(l.sheet, true);
    const within = used ? intersect(l.rect, used) : null;
    const rects = within ? formulaAreas(l.model, l.sheet, within, valueType ?? "All") : [];
    return { sheet: l.sheet, rects };
  }, nullable, range._ws);
  // Excel resolves the call at the sync: none found is ItemNotFound (getSpecialCells) or a null object.
  return proxy._queueNullCheck(nullable ? "Range.getSpecialCellsOrNullObject" : "Range.getSpecialCells");
}
