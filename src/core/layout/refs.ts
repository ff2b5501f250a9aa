/**
 * Keep a user's formula pointing at the same cells when a re-insert moves them (a new period
 * column inserted before an old one, a row added above). The add-in rewrites its sheets instead of
 * inserting columns, so Excel cannot adjust the formulas itself; we do what Excel does on an
 * insert: every A1 reference to a cell that moved points to its new place, relative or absolute
 * ($ kept as written); a reference to a cell that is gone becomes #REF!; a reference to a sheet
 * that is not being rewritten stays as it is.
 *
 * The tokenizer skips string literals ("…"), structured and external references ([…]),
 * 3-D references (Sheet1:Sheet3!A1) and names or functions that only look like cells (LOG10(…)).
 * Whole-column and whole-row references (E:E, 5:5) are left as written.
 */

/** A cell, 1-based. */
export interface CellPos {
  row: number;
  col: number;
}

/**
 * Where a cell of a sheet is now: its new position, null when it is gone, undefined when the sheet
 * (or that part of it) does not move. `sheet` is the referenced name, or null for the formula's own sheet.
 */
export type CellMove = (sheet: string | null, row: number, col: number) => CellPos | null | undefined;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const WORD = /[\p{L}\p{N}_.$\\?]/u;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface CellToken {
  absCol: string;
  absRow: string;
  row: number;
  col: number;
}

function parseCell(token: string): CellToken | null {
  const m = CELL.exec(token);
  if (!m) return null;
  const col = colNumber(m[2]);
  const row = Number(m[4]);
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return { absCol: m[1], absRow: m[3], row, col };
}

const printCell = (t: CellToken, p: CellPos): string => `${t.absCol}${colLetters(p.col)}${t.absRow}${p.row}`;

/** The end of a run of word characters from `i`. */
function wordEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && WORD.test(s[j])) j++;
  return j;
}

/** The end of a quoted run ('…' or "…", the quote doubled inside) starting at `i`. */
function quotedEnd(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

/** The end of a bracketed run ([…], nested) starting at `i`. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === "[") depth++;
    else if (s[j] === "]" && --depth === 0) return j + 1;
  }
  return s.length;
}

/**
 * A reference (cell or cell:cell) at `i`; returns its translation and end, or null when there is
 * none (the caller copies the text).
 */
function reference(s: string, i: number, sheet: string | null, move: CellMove): { text: string; end: number } | null {
  const e1 = wordEnd(s, i);
  const a = parseCell(s.slice(i, e1));
  if (!a || s[e1] === "(") return null;
  let b: CellToken | null = null;
  let end = e1;
  if (s[e1] === ":") {
    const e2 = wordEnd(s, e1 + 1);
    b = parseCell(s.slice(e1 + 1, e2));
    if (b && s[e2] !== "(" && s[e2] !== "!") end = e2;
    else b = null;
  }
  if (end < s.length && (WORD.test(s[end]) || s[end] === "!")) return null;
  const pa = move(sheet, a.row, a.col);
  const pb = b ? move(sheet, b.row, b.col) : undefined;
  if (pa === null || pb === null) return { text: "#REF!", end };
  const ta = printCell(a, pa ?? a);
  return { text: b ? `${ta}:${printCell(b, pb ?? b)}` : ta, end };
}

/** Translate the references of an invariant-form formula ("=…") through `move` (see the module comment). */
export function translateFormula(formula: string, move: CellMove): string {
  let out = "";
  let i = 0;
  const s = formula;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      const j = quotedEnd(s, i);
      out += s.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "[") {
      // A structured reference, or an external workbook: what follows its sheet name is not ours.
      let j = bracketEnd(s, i);
      if (j < s.length && (s[j] === "'" || WORD.test(s[j]))) j = s[j] === "'" ? quotedEnd(s, j) : wordEnd(s, j);
      if (s[j] === "!") j = wordEnd(s, j + 1);
      out += s.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "'") {
      const j = quotedEnd(s, i);
      const name = s.slice(i + 1, j - 1).replace(/''/g, "'");
      out += s.slice(i, j);
      i = j;
      if (s[i] !== "!") continue;
      out += "!";
      i++;
      const r = name.includes(":") || name.includes("[") ? null : reference(s, i, name, move);
      if (r) {
        out += r.text;
        i = r.end;
      } else {
        // A 3-D or external reference (or none): copy the reference as written.
        let j = wordEnd(s, i);
        if (s[j] === ":") j = wordEnd(s, j + 1);
        out += s.slice(i, j);
        i = j;
      }
      continue;
    }
    const prev = i > 0 ? s[i - 1] : "";
    if (WORD.test(ch) && !WORD.test(prev)) {
      const j = wordEnd(s, i);
      if (s[j] === "!") {
        // An unquoted sheet name.
        const name = s.slice(i, j);
        out += s.slice(i, j + 1);
        i = j + 1;
        const r = reference(s, i, name, move);
        if (r) {
          out += r.text;
          i = r.end;
        } else {
          let k = wordEnd(s, i);
          if (s[k] === ":") k = wordEnd(s, k + 1);
          out += s.slice(i, k);
          i = k;
        }
        continue;
      }
      if (s[j] === ":" && !/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(s.slice(i, j))) {
        // Sheet1:Sheet3!A1 (3-D) or a column range A:C: copy up to and past the other end.
        const k = wordEnd(s, j + 1);
        const to = s[k] === "!" ? wordEnd(s, k + 1) : k;
        out += s.slice(i, to);
        i = to;
        continue;
      }
      const r = reference(s, i, null, move);
      if (r) {
        out += r.text;
        i = r.end;
        continue;
      }
      out += s.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * How one axis (rows or columns) of a rewritten sheet moves: positions up to `fixed` stay; keyed
 * positions (an indicator's row, a period's column) go where their key is now, or are gone (null)
 * when the key is; other positions inside the old keyed area are gone; positions past it shift by
 * the area's growth.
 */
export interface AxisMove {
  fixed: number;
  /** Old position → key. */
  oldKeys: ReadonlyMap<number, string>;
  /** Key → new position. */
  newPos: ReadonlyMap<string, number>;
  /** Last position of the old and the new keyed area (fixed when empty). */
  oldEnd: number;
  newEnd: number;
}

export function moveOnAxis(axis: AxisMove, p: number): number | null {
  if (p <= axis.fixed) return p;
  if (p > axis.oldEnd) return p + axis.newEnd - axis.oldEnd;
  const key = axis.oldKeys.get(p);
  return key === undefined ? null : axis.newPos.get(key) ?? null;
}

/** An axis from the keys' old and new positions. */
export function axisOf(fixed: number, oldPos: Iterable<[string, number]>, newPos: Iterable<[string, number]>): AxisMove {
  const oldKeys = new Map<number, string>();
  let oldEnd = fixed;
  for (const [k, p] of oldPos) {
    oldKeys.set(p, k);
    if (p > oldEnd) oldEnd = p;
  }
  const next = new Map(newPos);
  let newEnd = fixed;
  for (const p of next.values()) if (p > newEnd) newEnd = p;
  return { fixed, oldKeys, newPos: next, oldEnd, newEnd };
}

/** Whether an axis moves nothing (every old position maps to itself). */
export function axisIsIdentity(axis: AxisMove): boolean {
  if (axis.oldEnd !== axis.newEnd) return false;
  for (const [p, k] of axis.oldKeys) if (axis.newPos.get(k) !== p) return false;
  return true;
}

/** A sheet's move from a row axis and a column axis, applied independently. */
export function gridMove(rows: AxisMove, cols: AxisMove): (row: number, col: number) => CellPos | null {
  return (row, col) => {
    const r = moveOnAxis(rows, row);
    const c = moveOnAxis(cols, col);
    return r === null || c === null ? null : { row: r, col: c };
  };
}

/** A CellMove over several rewritten sheets by name (case-insensitive); `home` is the formula's own sheet. */
export function sheetsMove(home: string, sheets: ReadonlyMap<string, (row: number, col: number) => CellPos | null>): CellMove {
  const byLower = new Map<string, (row: number, col: number) => CellPos | null>();
  for (const [name, m] of sheets) byLower.set(name.toLowerCase(), m);
  return (sheet, row, col) => {
    const m = byLower.get((sheet ?? home).toLowerCase());
    return m ? m(row, col) : undefined;
  };
}
