/**
 * The simulated workbook: sheets, names, selection and cell contents (through HyperFormula).
 * Operations validate first and throw OfficeExtensionError with the code Office.js would use.
 */

import { MAX_COLS, MAX_ROWS, Rect, intersect, isWholeColumns, isWholeRows, parseAddress, qualified, quoteSheet } from "./address";
import { Calc, CellValue, RawContent, callsCustomFunction, isErrorValue } from "./calc";
import { Codes, fail } from "./errors";
import { Locale, formatValue } from "./numfmt";
import { SheetModel, TableModel, ChartModel } from "./sheet";
import { cellKey, keyCol, keyRow } from "./styles";

export interface NameModel {
  name: string;
  /** "=Sheet!$A$1" or a constant formula. */
  formula: string;
  comment: string;
  visible: boolean;
}

export type WriteKind = "values" | "formulas";

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;

export class WorkbookModel {
  readonly calc: Calc;
  sheets: SheetModel[] = [];
  names = new Map<string, NameModel>();
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  customXmlParts: { id: string; namespace: string; xml: string }[] = [];
  activeId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  /**
   * Cells of a custom function still computing: they read as `error` (#BUSY! …) for the next `reads`
   * loads of their contents, then show their value (Excel's asynchronous custom functions).
   */
  busy = new Map<string, { error: string; reads: number }>();
  /** Workbook structure protection (Review → Protect Workbook): sheets cannot be added, deleted or hidden. */
  structureProtected = false;
  /** @internal Refuse a change of the workbook's structure while it is protected (AccessDenied). */
  checkStructure(location: string): void {
    if (this.structureProtected) fail(Codes.accessDenied, location);
  }
  /**
   * Custom functions are asynchronous in Excel: a cell whose formula calls one reads "#BUSY!" until
   * Excel has computed it. With `customLag` n, such a cell written in sync k reads "#BUSY!" in syncs
   * k … k+n−1 (0: computed at once; Infinity: never, as with a broken shared runtime).
   */
  customLag = 0;
  /** Round trips so far (the context counts them; never reset). */
  syncSerial = 0;
  /** Per sheet id: cell key → the first sync in which the custom-function cell is computed. */
  private busyUntil = new Map<string, Map<number, number>>();
  private nextSheet = 1;
  private nextId = 1;

  constructor(
    hfConfig: Record<string, unknown>,
    readonly locale: Locale,
  ) {
    this.calc = new Calc(hfConfig);
  }

  newId(prefix = ""): string {
    const n = (this.nextId++).toString(16).toUpperCase().padStart(8, "0");
    return `{${prefix}${n}-0001-0000-0000-000000000000}`.slice(0, 38);
  }

  /**
   * The workbook was saved, closed and opened again: Excel gives the sheets new ids (they are kept
   * within a session only; Excel desktop then numbers them by position, the same numbers each time).
   * Everything else stays, custom properties included.
   */
  reopen(): void {
    const renamed = new Map<string, string>();
    this.sheets.forEach((s, i) => {
      // As Excel desktop: "{00000000-0001-0000-0003-000000000000}" for the 4th sheet (office-js 1390),
      // so an id kept from an earlier session may name whichever sheet is now at its old position.
      const id = `{00000000-0001-0000-${i.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`;
      renamed.set(s.id, id);
      s.id = id;
    });
    const map = (id: string) => renamed.get(id) ?? id;
    this.activeId = map(this.activeId);
    if (this.selection) this.selection = { ...this.selection, sheetId: map(this.selection.sheetId) };
    for (const t of this.tables) t.sheetId = map(t.sheetId);
    for (const c of this.charts) c.sheetId = map(c.sheetId);
    const busy = [...this.busy];
    this.busy.clear();
    for (const [k, b] of busy) {
      const [id, ...rest] = k.split("!");
      this.busy.set([map(id), ...rest].join("!"), b);
    }
  }

  // ---- sheets ---------------------------------------------------------------------------------

  sheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(nameOrId: string, location: string): SheetModel {
    return this.sheet(nameOrId) ?? fail(Codes.itemNotFound, location);
  }

  private checkName(name: string, location: string, except?: SheetModel): void {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      INVALID_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    )
      fail(Codes.invalidArgument, location);
    const other = this.sheet(name);
    if (other && other !== except && other.name.toLowerCase() === name.toLowerCase()) fail(Codes.itemAlreadyExists, location);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      do n = `Sheet${this.nextSheet++}`;
      while (this.sheet(n));
    }
    this.checkName(n, "WorksheetCollection.add");
    const sheet = new SheetModel(this.newId(), n, this.calc.addSheet(n));
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    this.checkName(name, "Worksheet.name", sheet);
    this.calc.renameSheet(sheet.hfId, name);
    const oldQuoted = quoteSheet(sheet.name);
    sheet.name = name;
    for (const n of this.names.values()) n.formula = n.formula.split(`${oldQuoted}!`).join(`${quoteSheet(name)}!`);
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetModel): void {
    this.checkStructure("Worksheet.delete");
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) fail(Codes.invalidOperation, "Worksheet.delete");
    const idx = this.sheets.indexOf(sheet);
    this.sheets.splice(idx, 1);
    this.calc.removeSheet(sheet.hfId);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    this.busyUntil.delete(sheet.id);
    if (this.activeId === sheet.id) this.activeId = this.visibleSheets()[Math.max(0, Math.min(idx, this.visibleSheets().length) - 1)]?.id ?? "";
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  setPosition(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail(Codes.invalidArgument, "Worksheet.position");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, visibility: string): void {
    this.checkStructure("Worksheet.visibility");
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) fail(Codes.invalidArgument, "Worksheet.visibility");
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1)
      fail(Codes.invalidOperation, "Worksheet.visibility");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeId === sheet.id) this.activeId = this.visibleSheets()[0].id;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") fail(Codes.invalidOperation, "Worksheet.activate");
    this.activeId = sheet.id;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeId) ?? this.visibleSheets()[0];
  }

  /** Resolve "Sheet!A1:B2" (or a local address on `base`). */
  resolveAddress(address: string, base: SheetModel | undefined, location: string): { sheet: SheetModel; rect: Rect } {
    const parsed = typeof address === "string" ? parseAddress(address) : null;
    if (!parsed) return fail(Codes.invalidArgument, location);
    const sheet = parsed.sheet !== undefined ? this.sheet(parsed.sheet) : base;
    if (!sheet) return fail(parsed.sheet !== undefined ? Codes.itemNotFound : Codes.invalidArgument, location);
    if (base && sheet !== base) fail(Codes.invalidArgument, location);
    return { sheet, rect: parsed.rect };
  }

  address(sheet: SheetModel, rect: Rect, absolute = false): string {
    return qualified(sheet.name, rect, absolute);
  }

  // ---- cells --------------------------------------------------------------------------------

  isLocked(sheet: SheetModel, rect: Rect): boolean {
    if (!sheet.protection.protected) return false;
    const used = this.usedRect(sheet, false);
    if (isWholeColumns(rect) || isWholeRows(rect)) {
      if (sheet.styles.get(isWholeColumns(rect) ? MAX_ROWS - 1 : rect.r0, isWholeRows(rect) ? MAX_COLS - 1 : rect.c0).locked) return true;
      rect = used ? (intersect(rect, used) ?? rect) : rect;
    }
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (sheet.styles.get(r, c).locked) return true;
    return false;
  }

  /** The raw content a written value becomes; undefined = leave the cell unchanged (null in the input). */
  toRaw(sheet: SheetModel, r: number, c: number, v: unknown, location: string): RawContent | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === "number") return Number.isFinite(v) ? v : fail(Codes.invalidArgument, location);
    if (typeof v === "boolean") return v;
    if (typeof v !== "string") return fail(Codes.invalidArgument, location);
    if (v === "") return null;
    if (v.startsWith("=") && v.length > 1) {
      if (!this.calc.validFormula(v)) fail(Codes.invalidArgument, location);
      return v;
    }
    if (!v.startsWith("'") && sheet.styles.get(r, c).numberFormat === "@") return `'${v}`;
    return v;
  }

  /**
   * Write `values` / `formulas`: a 2-D array of exactly the range's shape, or one scalar for every
   * cell. Entire columns / rows cannot be written. Locked cells of a protected sheet refuse writes.
   */
  write(sheet: SheetModel, rect: Rect, input: unknown, kind: WriteKind): void {
    const location = kind === "values" ? "Range.values" : "Range.formulas";
    if (isWholeColumns(rect) || isWholeRows(rect)) fail(Codes.invalidOperation, location);
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    let grid: unknown[][];
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
        fail(Codes.invalidArgument, location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      grid = input as unknown[][];
    } else grid = Array.from({ length: rows }, () => new Array(cols).fill(input));
    if (this.isLocked(sheet, rect)) fail(Codes.accessDenied, location);
    const raw = grid.map((row, i) => row.map((v, j) => this.toRaw(sheet, rect.r0 + i, rect.c0 + j, v, location)));
    this.writeRaw(sheet, rect.r0, rect.c0, raw);
  }

  /** Put raw contents (undefined = unchanged) into HyperFormula and keep the content index. */
  writeRaw(sheet: SheetModel, r0: number, c0: number, raw: (RawContent | undefined)[][]): void {
    const whole = raw.every((row) => row.every((v) => v !== undefined));
    if (whole) this.calc.setBlock(sheet.hfId, r0, c0, raw as RawContent[][]);
    else
      raw.forEach((row, i) => {
        let j = 0;
        while (j < row.length) {
          if (row[j] === undefined) {
            j++;
            continue;
          }
          let k = j;
          while (k < row.length && row[k] !== undefined) k++;
          this.calc.setBlock(sheet.hfId, r0 + i, c0 + j, [row.slice(j, k) as RawContent[]]);
          j = k;
        }
      });
    const busy = this.busyUntil.get(sheet.id);
    raw.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === undefined) return;
        const key = cellKey(r0 + i, c0 + j);
        if (v === null) sheet.content.delete(key);
        else sheet.content.add(key);
        busy?.delete(key);
        if (this.customLag > 0 && typeof v === "string" && v.startsWith("=") && callsCustomFunction(v)) {
          if (!this.busyUntil.has(sheet.id)) this.busyUntil.set(sheet.id, new Map());
          this.busyUntil.get(sheet.id)!.set(key, this.syncSerial + this.customLag);
        }
      }),
    );
  }

  /** Whether a custom-function cell is still being computed (reads "#BUSY!"). */
  private isBusy(sheet: SheetModel, key: number): boolean {
    const until = this.busyUntil.get(sheet.id)?.get(key);
    return until !== undefined && this.syncSerial < until;
  }

  clearContents(sheet: SheetModel, rect: Rect): void {
    for (const key of [...sheet.content]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) this.writeRaw(sheet, r, c, [[null]]);
    }
  }

  value(sheet: SheetModel, r: number, c: number): CellValue | "" {
    const busy = this.busy.size ? this.busy.get(`${sheet.id}!${r}!${c}`) : undefined;
    if (busy) return busy.error;
    const key = cellKey(r, c);
    if (!sheet.content.has(key)) return "";
    return this.isBusy(sheet, key) ? "#BUSY!" : this.calc.value(sheet.hfId, r, c);
  }

  /** A load of `rect`'s contents happened: busy cells in it come one read closer to their value. */
  readBusy(sheet: SheetModel, rect: Rect): void {
    for (const [k, b] of this.busy) {
      const [id, r, c] = k.split("!");
      if (id !== sheet.id || +r < rect.r0 || +r > rect.r1 || +c < rect.c0 || +c > rect.c1) continue;
      if (--b.reads <= 0) this.busy.delete(k);
    }
  }

  formula(sheet: SheetModel, r: number, c: number): CellValue | "" {
    return this.calc.formula(sheet.hfId, r, c) ?? this.value(sheet, r, c);
  }

  text(sheet: SheetModel, r: number, c: number): string {
    const v = this.value(sheet, r, c);
    return formatValue(v, sheet.styles.get(r, c).numberFormat, this.locale);
  }

  valueType(sheet: SheetModel, r: number, c: number): string {
    const v = this.value(sheet, r, c);
    if (v === "") return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return isErrorValue(v) ? "Error" : "String";
  }

  /** A 2-D read of a rectangle, or null for entire columns / rows (as Office.js returns). */
  grid<T>(sheet: SheetModel, rect: Rect, read: (r: number, c: number) => T): T[][] | null {
    if (isWholeColumns(rect) || isWholeRows(rect)) return null;
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * Bounding rectangle of cells with content (and, unless valuesOnly, with a cell format), within
   * `within` when given: Excel's Range.getUsedRange is the used cells of that range, not the
   * worksheet's used range cut to it (sheet.getRange("A:A").getUsedRange() ends at column A's last value).
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const visit = (key: number) => {
      const r = keyRow(key);
      const c = keyCol(key);
      if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    sheet.content.forEach(visit);
    if (!valuesOnly) for (const k of sheet.styles.styledKeys()) visit(k);
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  // ---- names --------------------------------------------------------------------------------

  addName(name: string, reference: string, comment = ""): NameModel {
    if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      fail(Codes.invalidArgument, "NamedItemCollection.add");
    if (this.names.has(name.toLowerCase())) fail(Codes.itemAlreadyExists, "NamedItemCollection.add");
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    const item: NameModel = { name, formula, comment, visible: true };
    this.names.set(name.toLowerCase(), item);
    this.calc.addName(name, formula);
    return item;
  }

  deleteName(name: string): void {
    this.names.delete(name.toLowerCase());
    this.calc.removeName(name);
  }
}
