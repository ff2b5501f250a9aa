/**
 * Plain constants kept outside HyperFormula until a formula may need them. Writing millions of
 * constants into HyperFormula costs several microseconds and hundreds of bytes per cell (a
 * 1,000-school «Данные» sheet is 4.5 million cells); a sheet no formula can reach keeps its
 * constants here instead and answers reads exactly as HyperFormula would (same values, same
 * serialized content, same smart rounding). The first formula that may read the sheet moves the
 * constants into HyperFormula ("attaches" the sheet) and from then on it lives there.
 */
import type { CellValue, RawContent } from "./calc";

/**
 * A raw content HyperFormula keeps exactly as given: numbers, booleans, text with Excel's "'"
 * prefix, and text HyperFormula cannot read as anything else (no digits, not TRUE/FALSE, not an
 * error literal, not a formula, no surrounding spaces). Anything else is left to HyperFormula.
 */
export function isPlainConstant(v: RawContent): boolean {
  if (v === null || typeof v === "number" || typeof v === "boolean") return true;
  if (v.startsWith("'")) return true;
  return !/[\d=#]/.test(v) && v === v.trim() && !/^(true|false)$/i.test(v);
}

/** HyperFormula's output rounding of numbers (Exporter.cellValueRounding, smartRounding on). */
export function smartRound(value: number, precision: number): number {
  if (value === 0) return value;
  const places = Math.pow(10, precision - Math.floor(Math.log10(Math.abs(value))));
  return value < 0 ? -Math.round(-value * places) / places : Math.round(value * places) / places;
}

/** Sheet names a formula refers to ("Sheet!A1", "'Sheet name'!A1"), lower case. */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([^\s'!(),;=+\-*/&^<>:"{}[\]]+)!/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) out.push((m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).toLowerCase());
  return out;
}

export class DeferredSheets {
  /** Per sheet: row → that row's cells by column (sparse arrays; undefined = empty). */
  private readonly sheets = new Map<number, Map<number, RawContent[]>>();

  constructor(private readonly rounding: { smart: boolean; precision: number }) {}

  has(sheet: number): boolean {
    return this.sheets.has(sheet);
  }
  ids(): number[] {
    return [...this.sheets.keys()];
  }
  add(sheet: number): void {
    this.sheets.set(sheet, new Map());
  }
  drop(sheet: number): void {
    this.sheets.delete(sheet);
  }
  /** Forget a sheet; returns its cells (row, col, content) for HyperFormula, row-major. */
  take(sheet: number): { row: number; col: number; value: RawContent }[] {
    const rows = this.sheets.get(sheet);
    this.sheets.delete(sheet);
    const out: { row: number; col: number; value: RawContent }[] = [];
    for (const row of [...(rows?.keys() ?? [])].sort((a, b) => a - b))
      rows!.get(row)!.forEach((value, col) => {
        if (value !== undefined && value !== null) out.push({ row, col, value });
      });
    return out;
  }

  /** Store a block; false (nothing stored) when some content is not a plain constant. */
  setBlock(sheet: number, row: number, col: number, block: RawContent[][]): boolean {
    const rows = this.sheets.get(sheet);
    if (!rows || !block.every((r) => r.every(isPlainConstant))) return false;
    block.forEach((r, i) => {
      let cells = rows.get(row + i);
      if (!cells) rows.set(row + i, (cells = []));
      for (let j = 0; j < r.length; j++) cells[col + j] = r[j];
    });
    return true;
  }

  raw(sheet: number, row: number, col: number): RawContent {
    return this.sheets.get(sheet)?.get(row)?.[col] ?? null;
  }

  value(sheet: number, row: number, col: number): CellValue | "" {
    const v = this.raw(sheet, row, col);
    if (v === null) return "";
    if (typeof v === "number") return this.rounding.smart ? smartRound(v, this.rounding.precision) : v;
    if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
    return v;
  }
}
