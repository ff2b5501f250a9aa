/** Pure helpers of the demo's grid view: addresses, merges, sizes. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses "B3" or "B3:D4" → 0-based bounds; null for anything else. */
export function parseRange(a1: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, "").toUpperCase());
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[3] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? col(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export interface MergeLayout {
  /** "r,c" of a merge's top-left → its spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** "r,c" of cells hidden under a merge. */
  covered: Set<string>;
}

export function mergeLayout(merges: string[]): MergeLayout {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m);
    if (!r) continue;
    spans.set(`${r.r0},${r.c0}`, { rowSpan: r.r1 - r.r0 + 1, colSpan: r.c1 - r.c0 + 1 });
    for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) if (i !== r.r0 || j !== r.c0) covered.add(`${i},${j}`);
  }
  return { spans, covered };
}

/** Points (Excel's unit) → CSS pixels. */
export function px(points: number): number {
  return Math.round((points * 96) / 72);
}

/** Readable text colour on a fill: the cell's own unless it is black on a dark fill. */
export function isDark(hex: string | null): boolean {
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  const n = parseInt(hex.slice(1), 16);
  return 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) < 110;
}

export interface Cell {
  r: number;
  c: number;
}

/** The rectangle between the anchor and the active cell. */
export function selectionRect(anchor: Cell, active: Cell): { r0: number; c0: number; r1: number; c1: number } {
  return { r0: Math.min(anchor.r, active.r), c0: Math.min(anchor.c, active.c), r1: Math.max(anchor.r, active.r), c1: Math.max(anchor.c, active.c) };
}

export function rectAddress(rect: { r0: number; c0: number; r1: number; c1: number }): string {
  const a = address(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${address(rect.r1, rect.c1)}`;
}

/** Error values as a cell shows them ("#DIV/0!" …). */
export function isErrorText(v: unknown): v is string {
  return typeof v === "string" && /^#(DIV\/0!|VALUE!|N\/A|NAME\?|REF!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/.test(v);
}

/**
 * What the formula bar shows for a constant, as Excel: the full number (not the rounded display) in
 * the workbook's decimal separator, a percentage as percent points with «%», dates and text as shown.
 */
export function editText(value: unknown, text: string, percent: boolean, dateLike: boolean, lang: "ru" | "en"): string {
  if (typeof value !== "number" || dateLike) return value === "" ? "" : text || String(value);
  const n = (x: number) => String(Number(x.toPrecision(15))).replace(".", lang === "ru" ? "," : ".");
  return percent ? `${n(value * 100)}%` : n(value);
}
