/**
 * A worksheet part → sparse cells. Only <v>, <f> and inline <is> of a <c> give a cell its content;
 * comments and processing instructions never do. Cells outside our sheets' area are counted, not
 * kept; a sheet whose A1 is not ours is read up to its first row only.
 */
import { EXCEL_MAX_TEXT, OverlongText, SparseCells } from "../../core/cells";
import { columnLetter } from "../../core/layout/grid";
import { EXCEL_COLS, EXCEL_ROWS, MAX_CELLS, MAX_COL, MAX_ROW, XlsxReadError } from "./limits";
import { decodeXstring, parseXmlText, STOP, StringItem, XlsxFormatError, type XmlHandler } from "./xml";

/** Cells still allowed to be kept for the whole file. */
export interface CellBudget {
  left: number;
}

export const newCellBudget = (): CellBudget => ({ left: MAX_CELLS });

export interface SheetCells {
  /** Computed (cached) values; null where a formula has no cached value. */
  values: SparseCells;
  /** "=…" for a formula, else the value (a view over `values`). */
  formulas: SparseCells;
  /** Read up to the first row only (A1 is not ours). */
  partial: boolean;
  /** Cells with content beyond our sheets' area (not kept): how many, and the first one. */
  outside: number;
  firstOutside: string | null;
}

/** "AB12" → { row: 12, col: 28 } (1-based); null when malformed or outside Excel's grid. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return row >= 1 && row <= EXCEL_ROWS && col <= EXCEL_COLS ? { row, col } : null;
}

const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Past this many characters a <v> or <f> is over Excel's limit whatever it holds (an escape is 7 characters for one). */
const MAX_RAW = 7 * EXCEL_MAX_TEXT;

function cellValue(type: string | undefined, v: string | null, inline: StringItem | null, shared: readonly (string | OverlongText)[]): unknown {
  if (type === "inlineStr") return inline ? inline.value() : "";
  if (v === null) return null;

  switch (type) {
    case "s": {
      const t = v.trim();
      const i = /^\d{1,9}$/.test(t) ? Number(t) : -1;
      if (i < 0 || i >= shared.length) throw new XlsxFormatError(`shared string ${t.slice(0, 20)} does not exist`);
      return shared[i];
    }
    case "str":
    case "d": {
      const t = decodeXstring(v);
      return t.length > EXCEL_MAX_TEXT ? new OverlongText(t.length) : t;
    }
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v.trim();
    default: {
      const n = v.length <= 64 && NUMBER.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw new XlsxFormatError(`"${v.slice(0, 20)}" is not a number`);
      return n;
    }
  }
}

/** A <v> past MAX_RAW: a text over Excel's limit, or nonsense for any other type. */
function overlong(type: string | undefined): OverlongText {
  if (type === "str" || type === "d" || type === "e") return new OverlongText(MAX_RAW);
  throw new XlsxFormatError("a value longer than a cell can hold");
}

/** Reads one worksheet part; `isOurs(a1)` decides after the first row whether to read on. */
export function sheetReader(shared: readonly (string | OverlongText)[], isOurs: (a1: unknown) => boolean, budget: CellBudget): XmlHandler & { result: SheetCells; finish(): void } {
  const values = new SparseCells();
  const result: SheetCells = { values, formulas: new SparseCells(values), partial: false, outside: 0, firstOutside: null };
  let inData = false;
  let sawData = false;
  let rowNo = 0;
  let inRow = false;
  let rowsSeen = 0;
  let colNo = 0;
  let cell: { type?: string; v: string | null; f: string | null; inline: StringItem | null; over: { v?: boolean; f?: boolean } } | null = null;
  let capture: "v" | "f" | null = null;
  let inInline = 0;
  const decide = () => {
    if (!isOurs(values.get(1, 1))) {
      result.partial = true;
      throw STOP;
    }
  };
  return {
    result,
    finish() {
      if (!sawData) throw new XlsxFormatError("no <sheetData>");
    },
    open(name, a) {
      if (!inData) {
        if (name === "sheetData") inData = sawData = true;
        return;
      }
      if (cell) {
        if (inInline) {
          inInline += name === "is" ? 1 : 0;
          cell.inline!.open(name);
        } else if (name === "is" && cell.type === "inlineStr") {
          inInline = 1;
          cell.inline = new StringItem();
        } else if ((name === "v" || name === "f") && capture === null) {
          capture = name;
          cell[name] = "";
        }
        return;
      }
      if (name === "row" && !inRow) {
        if (rowsSeen === 1) decide();
        rowsSeen++;
        const r = a.r === undefined ? rowNo + 1 : /^\d{1,7}$/.test(a.r) ? Number(a.r) : NaN;
        if (!(r >= 1 && r <= EXCEL_ROWS)) throw new XlsxFormatError(`bad row number ${String(a.r).slice(0, 20)}`);
        rowNo = r;
        colNo = 0;
        inRow = true;
      } else if (name === "c" && inRow) {
        const ref = a.r === undefined ? null : parseCellRef(a.r);
        if (a.r !== undefined && (!ref || ref.row !== rowNo)) throw new XlsxFormatError(`bad cell reference ${a.r.slice(0, 20)}`);
        colNo = ref ? ref.col : colNo + 1;
        if (colNo > EXCEL_COLS) throw new XlsxFormatError("a cell past Excel's last column");
        cell = { type: a.t, v: null, f: null, inline: null, over: {} };
      }
    },
    close(name) {
      if (!inData) return;
      if (cell && name !== "c") {
        if (inInline) {
          if (name === "is") inInline--;
          if (inInline) cell.inline!.close(name);
        } else if (name === capture) capture = null;
        return;
      }
      if (name === "c" && cell) {
        const value = cell.over.v ? overlong(cell.type) : cellValue(cell.type, cell.v, cell.inline, shared);
        const formula = cell.over.f ? new OverlongText(MAX_RAW) : cell.f === null || cell.f.trim() === "" ? null : `=${cell.f}`;
        cell = null;
        if (value === null && formula === null) return;
        if (rowNo > MAX_ROW || colNo > MAX_COL) {
          if (result.outside++ === 0) result.firstOutside = `${columnLetter(colNo)}${rowNo}`;
          return;
        }
        if (--budget.left < 0) throw new XlsxReadError("tooManyCells", "too many cells");
        values.set(rowNo, colNo, value);
        if (formula !== null) result.formulas.set(rowNo, colNo, typeof formula === "string" && formula.length > EXCEL_MAX_TEXT ? new OverlongText(formula.length) : formula);
      } else if (name === "row") inRow = false;
      else if (name === "sheetData") {
        inData = false;
        if (rowsSeen <= 1) decide();
      }
    },
    text(t) {
      if (!cell) return;
      if (inInline) cell.inline!.text(t);
      else if (capture !== null) {
        const now = cell[capture]!;
        // Past the limit only the length matters: keep the text no longer.
        if (now.length + t.length > MAX_RAW) cell.over[capture] = true;
        if (!cell.over[capture]) cell[capture] = now + t;
      }
    },
  };
}

/** Every cell of a worksheet given as text (tests, tools). */
export function parseSheet(xml: string, shared: readonly (string | OverlongText)[]): SheetCells {
  const r = sheetReader(shared, () => true, newCellBudget());
  if (parseXmlText(xml, r)) r.finish();
  return r.result;
}
