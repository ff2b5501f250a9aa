/** A1 addresses and rectangles (0-based, inclusive) for the simulated host. */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const isWholeColumns = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;
export const isWholeRows = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;

export function cellA1(r: number, c: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${colName(c)}${d}${r + 1}`;
}

/** "A1", "A1:C3", "A:C", "1:3" (whole columns / rows keep their Excel form). */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wc = isWholeColumns(rect);
  const wr = isWholeRows(rect);
  if (wc && !wr) return `${d}${colName(rect.c0)}:${d}${colName(rect.c1)}`;
  if (wr) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = cellA1(rect.r0, rect.c0, absolute);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellA1(rect.r1, rect.c1, absolute)}`;
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell reference. */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

type Part = { row?: number; col?: number };

function parsePart(s: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const part: Part = {};
  if (m[1]) {
    part.col = colIndex(m[1]);
    if (part.col >= MAX_COLS) return null;
  }
  if (m[2]) {
    part.row = Number(m[2]) - 1;
    if (part.row < 0 || part.row >= MAX_ROWS) return null;
  }
  return part;
}

/** Parse a local address (no sheet part). Returns null when it is not a valid A1 reference. */
export function parseRect(addr: string): Rect | null {
  const pieces = addr.trim().split(":");
  if (pieces.length > 2 || pieces[0] === "") return null;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) return null;
  const aCell = a.row !== undefined && a.col !== undefined;
  const bCell = b.row !== undefined && b.col !== undefined;
  let rect: Rect;
  if (aCell && bCell) rect = { r0: a.row!, c0: a.col!, r1: b.row!, c1: b.col! };
  else if (pieces.length === 2 && a.row === undefined && b.row === undefined)
    rect = { r0: 0, c0: a.col!, r1: MAX_ROWS - 1, c1: b.col! };
  else if (pieces.length === 2 && a.col === undefined && b.col === undefined)
    rect = { r0: a.row!, c0: 0, r1: b.row!, c1: MAX_COLS - 1 };
  else return null;
  return {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
}

/** Parse "Sheet!A1:B2", "'My sheet'!A1" or "A1". `sheet` is undefined when the address has no sheet part. */
export function parseAddress(addr: string): { sheet?: string; rect: Rect } | null {
  const s = addr.trim();
  const bang = s.lastIndexOf("!");
  if (bang < 0) {
    const rect = parseRect(s);
    return rect ? { rect } : null;
  }
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const rect = parseRect(s.slice(bang + 1));
  return rect && sheet ? { sheet, rect } : null;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;
export const rectCells = (r: Rect): number => rectRows(r) * rectCols(r);

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;

export const containsCell = (r: Rect, row: number, col: number): boolean =>
  row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;

/** a minus b as up to four disjoint rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, c0: a.c0, r1: i.r0 - 1, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, c0: a.c0, r1: i.r1, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, c0: i.c1 + 1, r1: i.r1, c1: a.c1 });
  return out;
}

export const sameRect = (a: Rect, b: Rect): boolean => a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;

/**
 * Shift the relative A1 references of an invariant-form formula by (dr, dc): what Excel does when a
 * conditional-format or validation formula written for the top-left cell is applied to another cell.
 * Strings and quoted sheet names are left alone; function names (followed by "(") are not references.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let i = 0;
  const re = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    const m = /[\p{L}\p{N}_.]/u.test(prev) ? null : re.exec(formula.slice(i));
    const next = m ? formula[i + m[0].length] ?? "" : "";
    if (m && !/[\p{L}\p{N}_.(!]/u.test(next)) {
      const col = m[1] ? colIndex(m[2]) : colIndex(m[2]) + dc;
      const row = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + dr;
      if (col < 0 || row < 0) out += "#REF!";
      else out += `${m[1]}${colName(col)}${m[3]}${row + 1}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
