/** Excel.Range on the simulated host. */

import { MAX_COLS, MAX_ROWS, Rect, formatRect, intersect, isWholeColumns, isWholeRows, qualified } from "./address";
import { Codes, fail } from "./errors";
import type { WorkbookModel } from "./model";
import { SimObject, defineProps, type LoadSpec } from "./proxy";
import { RESPONSE_LIMIT_BYTES, type SimContext } from "./context";
import { SheetModel, guardFormat } from "./sheet";
import { removeCondFormatsIn, clearValidation } from "./rules";
import { RangeFormatProxy } from "./api-format";
import { DataValidationProxy, ConditionalFormatCollectionProxy } from "./api-rules";
import { specialCells, type RangeAreasProxy } from "./api-range-areas";

export interface Located {
  model: WorkbookModel;
  sheet: SheetModel;
  rect: Rect;
}

/** Something that resolves to a worksheet at sync time (the Worksheet proxy). */
export interface SheetRef extends SimObject {
  _sheetModel(): SheetModel;
}

/** Range properties that return cell contents (one entry per cell). */
const CELL_PROPS = ["values", "formulas", "formulasLocal", "numberFormat", "text", "valueTypes"];

export class RangeProxy extends SimObject {
  readonly _entity = "Range";
  private _resolved: { sheetId: string; rect: Rect } | null | undefined;

  constructor(
    context: SimContext,
    private readonly _locate: () => { sheet: SheetModel; rect: Rect } | null,
    nullable = false,
    readonly _ws?: SheetRef,
  ) {
    super(context);
    this._nullable = nullable;
  }

  /** @internal */ _find(): Located | null {
    const model = this.context._host.model;
    if (this._resolved === undefined) {
      const found = this._locate();
      this._resolved = found ? { sheetId: found.sheet.id, rect: found.rect } : null;
    }
    if (!this._resolved) return null;
    const sheet = model.sheetById(this._resolved.sheetId);
    return sheet ? { model, sheet, rect: this._resolved.rect } : null;
  }

  _exists(): boolean {
    if (this._find()) return true;
    if (this._nullable) return false;
    return fail(Codes.itemNotFound, "Range");
  }

  /** @internal Loads of cell contents are recorded in stats.rangeReads. */
  override _doLoad(spec: LoadSpec): () => void {
    this._checkReadSize(spec);
    const commit = super._doLoad(spec);
    const properties = spec.all ? [...CELL_PROPS] : [...spec.props].filter((p) => CELL_PROPS.includes(p));
    const l = properties.length ? this._find() : null;
    if (l) {
      const cells = (l.rect.r1 - l.rect.r0 + 1) * (l.rect.c1 - l.rect.c0 + 1);
      this.context._host.stats.rangeReads.push({ sheet: l.sheet.name, address: formatRect(l.rect), properties, cells });
      if (properties.some((p) => p === "values" || p === "valueTypes" || p === "text")) this.context._host.model.readBusy(l.sheet, l.rect);
    }
    return commit;
  }

  /** @internal A read of cell contents that cannot fit in a response fails before the grid is built, as Excel refuses it. */
  private _checkReadSize(spec: LoadSpec): void {
    const properties = spec.all ? [...CELL_PROPS] : [...spec.props].filter((p) => CELL_PROPS.includes(p));
    const l = properties.length ? this._find() : null;
    if (!l || isWholeColumns(l.rect) || isWholeRows(l.rect)) return;
    const cells = (l.rect.r1 - l.rect.r0 + 1) * (l.rect.c1 - l.rect.c0 + 1);
    // At least 3 bytes a cell and property ("", plus a comma) in the JSON response.
    if (cells * properties.length * 3 > RESPONSE_LIMIT_BYTES) fail(Codes.responsePayloadSizeLimitExceeded, "Range.load");
  }

  /** @internal */ _at(): Located {
    return this._find() ?? fail(Codes.itemNotFound, "Range");
  }

  /** A range derived from this one at sync time. */
  private derive(make: (l: Located) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const l = this._at();
        const rect = make(l);
        return rect ? { sheet: l.sheet, rect } : null;
      },
      nullable,
      this._ws,
    );
  }

  /** @internal */ _sheetProxy(): SimObject {
    return this._ws ?? fail(Codes.invalidOperation, "Range.worksheet");
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derive(({ rect }) => checked({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive(({ rect }) =>
      checked({ r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset, r1: rect.r1 + rowOffset, c1: rect.c1 + columnOffset }),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive(({ rect }) => checked({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }
  getRow(row: number): RangeProxy {
    return this.derive(({ rect }) => checked({ r0: rect.r0 + row, r1: rect.r0 + row, c0: rect.c0, c1: rect.c1 }));
  }
  getColumn(column: number): RangeProxy {
    return this.derive(({ rect }) => checked({ r0: rect.r0, r1: rect.r1, c0: rect.c0 + column, c1: rect.c0 + column }));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this.derive(({ rect }) => checked({ r0: rect.r0 - count, r1: rect.r0 - 1, c0: rect.c0, c1: rect.c1 }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derive(({ rect }) => checked({ r0: rect.r1 + 1, r1: rect.r1 + count, c0: rect.c0, c1: rect.c1 }));
  }
  getEntireColumn(): RangeProxy {
    return this.derive(({ rect }) => ({ r0: 0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 }));
  }
  getEntireRow(): RangeProxy {
    return this.derive(({ rect }) => ({ r0: rect.r0, r1: rect.r1, c0: 0, c1: MAX_COLS - 1 }));
  }
  getLastRow(): RangeProxy {
    return this.derive(({ rect }) => ({ ...rect, r0: rect.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this.derive(({ rect }) => ({ ...rect, c0: rect.c1 }));
  }
  getLastCell(): RangeProxy {
    return this.derive(({ rect }) => ({ r0: rect.r1, c0: rect.c1, r1: rect.r1, c1: rect.c1 }));
  }
  getIntersection(other: RangeProxy | string): RangeProxy {
    return this.derive((l) => intersect(l.rect, otherRect(l, other)) ?? fail(Codes.itemNotFound, "Range.getIntersection"));
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derive((l) => intersect(l.rect, otherRect(l, other)), true)._queueNullCheck();
  }
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derive((l) => {
      const o = otherRect(l, other);
      return { r0: Math.min(l.rect.r0, o.r0), c0: Math.min(l.rect.c0, o.c0), r1: Math.max(l.rect.r1, o.r1), c1: Math.max(l.rect.c1, o.c1) };
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derive((l) => l.model.usedRect(l.sheet, valuesOnly, l.rect) ?? fail(Codes.itemNotFound, "Range.getUsedRange"));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derive((l) => l.model.usedRect(l.sheet, valuesOnly, l.rect), true)._queueNullCheck();
  }

  /** ExcelApi 1.9 (src/sim/host/api-range-areas.ts): SpecialCellType.formulas only. */
  getSpecialCells(cellType: string, cellValueType?: string): RangeAreasProxy {
    return specialCells(this, cellType, cellValueType, false);
  }
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    return specialCells(this, cellType, cellValueType, true);
  }

  merge(across = false): void {
    this._call("merge", [across], () => {
      const { sheet, rect } = this._at();
      guardFormat(sheet, "cells", "Range.merge");
      const parts: Rect[] = across ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      for (const p of parts) if (p.r0 !== p.r1 || p.c0 !== p.c1) sheet.merges.push(p);
    });
  }
  unmerge(): void {
    this._call("unmerge", [], () => {
      const { sheet, rect } = this._at();
      guardFormat(sheet, "cells", "Range.unmerge");
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], () => {
      const { model, sheet, rect } = this._at();
      const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (contents && model.isLocked(sheet, rect)) fail(Codes.accessDenied, "Range.clear");
      if (formats) guardFormat(sheet, "cells", "Range.clear");
      if (contents) model.clearContents(sheet, rect);
      if (formats) {
        sheet.styles.clear(rect);
        sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
        clearValidation(sheet, rect);
        removeCondFormatsIn(sheet, rect);
      }
    });
  }

  select(): void {
    this._call("select", [], () => {
      const { model, sheet, rect } = this._at();
      model.activate(sheet);
      model.selection = { sheetId: sheet.id, rect };
    });
  }

  /** Excel recalculates automatically; kept for API compatibility. */
  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
}

function checked(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r1 < rect.r0 || rect.c1 < rect.c0)
    fail(Codes.invalidArgument, "Range");
  return rect;
}

function otherRect(l: Located, other: RangeProxy | string): Rect {
  if (typeof other === "string") return l.model.resolveAddress(other, l.sheet, "Range.getIntersection").rect;
  const o = other._at();
  if (o.sheet !== l.sheet) fail(Codes.invalidArgument, "Range.getIntersection");
  return o.rect;
}

type R = RangeProxy;
const at = (self: R): Located => self._at();

/** Cell-by-cell number formats: a 2-D array (null = unchanged) or one format for all. */
function setNumberFormat(self: R, v: unknown): void {
  const { sheet, rect } = at(self);
  guardFormat(sheet, "cells", "Range.numberFormat");
  if (!Array.isArray(v)) {
    if (typeof v !== "string") fail(Codes.invalidArgument, "Range.numberFormat");
    sheet.styles.apply(rect, { numberFormat: v });
    return;
  }
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (isWholeColumns(rect) || isWholeRows(rect) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    fail(Codes.invalidArgument, "Range.numberFormat", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  (v as unknown[][]).forEach((row, i) =>
    row.forEach((f, j) => {
      if (f === null || f === undefined) return;
      const cell = { r0: rect.r0 + i, c0: rect.c0 + j, r1: rect.r0 + i, c1: rect.c0 + j };
      sheet.styles.apply(cell, { numberFormat: String(f) });
    }),
  );
}

defineProps(
  RangeProxy,
  {
    /**
     * ExcelApi 1.2: true when every row of the range is hidden, false when none is, null when mixed;
     * setting hides or shows the entire rows (on a protected sheet only with allowFormatRows).
     */
    rowHidden: {
      get: (s: R) => {
        const { sheet, rect } = at(s);
        let n = 0;
        // A whole column spans a million rows: count the hidden ones rather than walk the span.
        for (const r of sheet.hiddenRows) if (r >= rect.r0 && r <= rect.r1) n++;
        return n === 0 ? false : n === rect.r1 - rect.r0 + 1 ? true : null;
      },
      set: (s: R, v: unknown) => {
        const { sheet, rect } = at(s);
        if (typeof v !== "boolean") fail(Codes.invalidArgument, "Range.rowHidden");
        guardFormat(sheet, "rows", "Range.rowHidden");
        if (!v) for (const r of [...sheet.hiddenRows]) if (r >= rect.r0 && r <= rect.r1) sheet.hiddenRows.delete(r);
        if (v) for (let r = rect.r0; r <= rect.r1; r++) sheet.hiddenRows.add(r);
      },
    },
    address: { get: (s: R) => qualified(at(s).sheet.name, at(s).rect) },
    addressLocal: { get: (s: R) => qualified(at(s).sheet.name, at(s).rect) },
    rowIndex: { get: (s: R) => at(s).rect.r0 },
    columnIndex: { get: (s: R) => at(s).rect.c0 },
    rowCount: { get: (s: R) => at(s).rect.r1 - at(s).rect.r0 + 1 },
    columnCount: { get: (s: R) => at(s).rect.c1 - at(s).rect.c0 + 1 },
    cellCount: { get: (s: R) => (at(s).rect.r1 - at(s).rect.r0 + 1) * (at(s).rect.c1 - at(s).rect.c0 + 1) },
    isEntireColumn: { get: (s: R) => isWholeColumns(at(s).rect) },
    isEntireRow: { get: (s: R) => isWholeRows(at(s).rect) },
    values: {
      get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).model.value(at(s).sheet, r, c)),
      set: (s: R, v: unknown) => at(s).model.write(at(s).sheet, at(s).rect, v, "values"),
    },
    formulas: {
      get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).model.formula(at(s).sheet, r, c)),
      set: (s: R, v: unknown) => at(s).model.write(at(s).sheet, at(s).rect, v, "formulas"),
    },
    formulasLocal: {
      get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).model.formula(at(s).sheet, r, c)),
      set: (s: R, v: unknown) => at(s).model.write(at(s).sheet, at(s).rect, v, "formulas"),
    },
    numberFormat: {
      get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).sheet.styles.get(r, c).numberFormat),
      set: setNumberFormat,
    },
    text: { get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).model.text(at(s).sheet, r, c)) },
    valueTypes: { get: (s: R) => at(s).model.grid(at(s).sheet, at(s).rect, (r, c) => at(s).model.valueType(at(s).sheet, r, c)) },
    /** ExcelApi 1.2: true when every column of the range is hidden, false when none is, null when mixed. */
    columnHidden: {
      get: (s: R) => {
        const { sheet, rect } = at(s);
        const cols = Array.from({ length: Math.min(rect.c1, MAX_COLS - 1) - rect.c0 + 1 }, (_, i) => sheet.hiddenCols.has(rect.c0 + i));
        return cols.every(Boolean) ? true : cols.some(Boolean) ? null : false;
      },
      set: (s: R, v: unknown) => {
        const { sheet, rect } = at(s);
        if (typeof v !== "boolean") fail(Codes.invalidArgument, "Range.columnHidden");
        guardFormat(sheet, "columns", "Range.columnHidden");
        for (let c = rect.c0; c <= Math.min(rect.c1, MAX_COLS - 1); c++) {
          if (v) sheet.hiddenCols.add(c);
          else sheet.hiddenCols.delete(c);
        }
      },
    },
    /** ExcelApi 1.12. The simulated host never spills (an array result shows its first value), so always false. */
    hasSpill: {
      get: (s: R) => {
        at(s);
        return false;
      },
    },
  },
  {
    format: (s: R) => new RangeFormatProxy(s.context, s),
    dataValidation: (s: R) => new DataValidationProxy(s.context, s),
    conditionalFormats: (s: R) => new ConditionalFormatCollectionProxy(s.context, s),
    worksheet: (s: R) => s._sheetProxy(),
  },
);
