/**
 * A small, strict reader for exactly the SpreadsheetML parts an .xlsx report needs (workbook,
 * relationships, shared strings, worksheets). Not a general XML parser: it scans for the few
 * elements we read, so it stays tiny in the task pane (no DOM, runs in node and the browser).
 * Malformed input gives XlsxFormatError, never a wrong value silently.
 */

export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the five named entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new XlsxFormatError(`bad character reference ${m}`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw new XlsxFormatError(`unknown entity ${m}`);
    return named;
  });
}

/** Excel escapes control characters in strings as _xHHHH_ (ECMA-376 ST_Xstring). */
function decodeXstring(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/** Attributes of a start tag's inner text (` r="A1" t="s"`), without namespace prefixes. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    // Keep a prefixed relationship id apart from a plain `id`.
    const key = m[1].includes(":") && name === "id" ? "r:id" : name;
    out[key] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every element `name` (any namespace prefix): its attributes and inner text (null when self-closing). */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<{ attrs: string; inner: string | null; end: number }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(/?)>`, "g");
  const closeRe = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, "g");
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    if (m[2] === "/") {
      yield { attrs: m[1], inner: null, end: re.lastIndex };
      continue;
    }
    closeRe.lastIndex = re.lastIndex;
    const close = closeRe.exec(xml);
    if (!close) throw new XlsxFormatError(`<${name}> is not closed`);
    yield { attrs: m[1], inner: xml.slice(re.lastIndex, close.index), end: closeRe.lastIndex };
    re.lastIndex = closeRe.lastIndex;
  }
}

/** The text of a string item (<si> or <is>): all <t> runs, without phonetic (<rPh>) runs. */
export function stringItemText(inner: string): string {
  const withoutPhonetic = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g, "");
  let text = "";
  for (const t of elements(withoutPhonetic, "t")) text += t.inner === null ? "" : decodeXstring(decodeEntities(t.inner));
  return text;
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of elements(xml, "si")) out.push(si.inner === null ? "" : stringItemText(si.inner));
  return out;
}

/** Workbook sheets in order: name and relationship id. */
export function parseWorkbookSheets(xml: string): { name: string; rid: string }[] {
  const out: { name: string; rid: string }[] = [];
  for (const s of elements(xml, "sheet")) {
    const a = attributes(s.attrs);
    if (!a.name || !a["r:id"]) throw new XlsxFormatError("a <sheet> without name or r:id");
    out.push({ name: a.name, rid: a["r:id"] });
  }
  return out;
}

/** Relationship id → target. */
export function parseRelationships(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of elements(xml, "Relationship")) {
    const a = attributes(r.attrs);
    if (a.Id && a.Target) out.set(a.Id, a.Target);
  }
  return out;
}

/** "AB12" → { row: 12, col: 28 } (1-based). */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export interface SheetCells {
  /** Computed (cached) values from A1; null where empty or a formula has no cached value. */
  values: unknown[][];
  /** "=…" for a formula, else the constant (shared-formula followers: their cached value). */
  formulas: unknown[][];
}

function cellValue(type: string | undefined, v: string | null, inner: string, shared: readonly string[]): unknown {
  if (type === "inlineStr") {
    const is = elements(inner, "is").next();
    return is.done || is.value.inner === null ? "" : stringItemText(is.value.inner);
  }
  if (v === null) return null;
  const text = decodeEntities(v);
  switch (type) {
    case "s": {
      const i = Number(text);
      if (!Number.isInteger(i) || i < 0 || i >= shared.length) throw new XlsxFormatError(`shared string ${text} does not exist`);
      return shared[i];
    }
    case "str":
    case "d":
      return decodeXstring(text);
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return text.trim();
    default: {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw new XlsxFormatError(`"${text}" is not a number`);
      return n;
    }
  }
}

/**
 * The cells of a worksheet part. `maxRows` stops after that many rows (a foreign sheet needs only
 * A1). Rows and cells may be sparse; a missing `r` follows the previous one.
 */
export function parseSheet(xml: string, shared: readonly string[], maxRows = Infinity): SheetCells {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const dataStart = xml.search(/<(?:[\w.-]+:)?sheetData[\s>]/);
  if (dataStart < 0) {
    if (/<(?:[\w.-]+:)?sheetData\s*\/>/.test(xml)) return { values, formulas };
    throw new XlsxFormatError("no <sheetData>");
  }
  let rowNo = 0;
  for (const row of elements(xml, "row", dataStart)) {
    const ra = attributes(row.attrs);
    rowNo = ra.r ? Number(ra.r) : rowNo + 1;
    if (!Number.isInteger(rowNo) || rowNo < 1) throw new XlsxFormatError(`bad row number ${ra.r}`);
    if (rowNo > maxRows) break;
    if (row.inner === null) continue;
    let colNo = 0;
    for (const c of elements(row.inner, "c")) {
      const a = attributes(c.attrs);
      const ref = a.r ? parseCellRef(a.r) : null;
      if (a.r && (!ref || ref.row !== rowNo)) throw new XlsxFormatError(`bad cell reference ${a.r}`);
      colNo = ref ? ref.col : colNo + 1;
      const inner = c.inner ?? "";
      const vEl = elements(inner, "v").next();
      const v = vEl.done ? null : (vEl.value.inner ?? "");
      const value = cellValue(a.t, v, inner, shared);
      const fEl = elements(inner, "f").next();
      const ftext = fEl.done || fEl.value.inner === null || fEl.value.inner.trim() === "" ? null : decodeEntities(fEl.value.inner);
      const r = rowNo - 1;
      const col = colNo - 1;
      (values[r] ??= [])[col] = value;
      (formulas[r] ??= [])[col] = ftext !== null ? `=${ftext}` : value;
    }
  }
  // Dense rectangles from A1 (the shape the report reader expects).
  let width = 0;
  for (let r = 0; r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  const dense = (g: unknown[][]) => Array.from({ length: g.length }, (_, r) => Array.from({ length: width }, (_, c) => g[r]?.[c] ?? null));
  return { values: dense(values), formulas: dense(formulas) };
}
