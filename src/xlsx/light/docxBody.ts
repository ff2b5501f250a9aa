/**
 * The body of a WordprocessingML document (word/document.xml) → tables and paragraphs, as Word
 * shows them. Elements are seen by local name, so wrappers (w:sdt content controls, w:ins, w:moveTo,
 * w:hyperlink, w:smartTag, w:customXml, w:fldSimple) are transparent. Dropped: deletions (w:del,
 * w:moveFrom), field instructions (w:instrText), hidden runs (w:vanish), properties (w:*Pr), drawings,
 * text boxes and alternate content (mc:Fallback repeats mc:Choice). Nested tables are flattened:
 * their paragraphs become paragraphs of the outer cell.
 */
import { XlsxReadError } from "./limits";
import type { Numbering } from "./docxNumbering";
import type { XmlHandler } from "./xml";

export interface DocxLimits {
  /** Uncompressed bytes of word/document.xml (and each other part read). */
  maxPartBytes: number;
  /** Uncompressed bytes inflated in all. */
  maxFileBytes: number;
  /** XML elements parsed in all. */
  maxElements: number;
  /** Tables kept (outer tables only). */
  maxTables: number;
  /** Rows of one table. */
  maxRows: number;
  /** Grid columns of one table (spans included). */
  maxColumns: number;
  /** Cells of all tables (spans included). */
  maxCells: number;
  /** Characters of one cell or paragraph (Excel's cell limit). */
  maxTextChars: number;
  /** Characters of text kept in all. */
  maxTotalChars: number;
  /** Paragraphs outside tables kept. */
  maxParagraphs: number;
  /** Wall-clock milliseconds for the whole file (a safety net; the other bounds come first). */
  timeMs: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxPartBytes: 8 * 1024 * 1024,
  maxFileBytes: 16 * 1024 * 1024,
  maxElements: 2_000_000,
  maxTables: 500,
  maxRows: 5_000,
  maxColumns: 256,
  maxCells: 200_000,
  maxTextChars: 32_767,
  maxTotalChars: 4_000_000,
  maxParagraphs: 50_000,
  timeMs: 10_000,
};

export interface DocxTable {
  /** Text of the nearest paragraph(s) before the table (its heading/caption), trimmed, ≤ 300 chars. */
  heading: string;
  /**
   * Rows × cells; a cell's paragraphs joined with "\n"; a horizontally spanned cell's text in its
   * first cell and "" in the others; vMerge continuation cells ""; rows padded to the widest row.
   */
  rows: string[][];
  /** How many of the document's `paragraphs` come before the table. */
  paragraphsBefore: number;
  /** Tables found inside this table's cells (their text is in the cells). */
  nestedTables: number;
}

export interface DocxDocument {
  tables: DocxTable[];
  /** Non-empty paragraph texts outside tables, in order (titles like «… на 2025–2026 гг.»). */
  paragraphs: string[];
}

/** Thrown when the time limit passes (an XlsxReadError, so the XML stream passes it through). */
export class DocxTimeout extends XlsxReadError {
  constructor() {
    super("tooLarge", "time limit");
    this.name = "DocxTimeout";
  }
}

const SKIP = new Set(["delText", "instrText", "delInstrText", "drawing", "pict", "object", "Fallback", "txbxContent", "footnoteReference", "endnoteReference"]);
/** Properties: no text of the document inside, but w:del / w:vanish flags in some of them. */
const PROPS = new Set(["pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "sectPr", "tblPrEx"]);
const DROP = new Set(["del", "moveFrom"]);

/** An attribute by local name (w:val, val). */
function attr(a: Record<string, string>, local: string): string | undefined {
  if (local in a) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

const isOn = (v: string | undefined) => v === undefined || !/^(0|false|off)$/i.test(v);

/** Symbol-font characters (w:sym in the private-use area F000–F0FF) that appear in school documents. */
const SYMBOL: Record<number, string> = { 0xb7: "•", 0x2d: "−", 0xb3: "≥", 0xa3: "≤", 0xb4: "×", 0xb1: "±", 0xa7: "▪", 0xd8: "⮚", 0xfc: "✓", 0x76: "❖", 0x6c: "●", 0x6e: "■", 0x71: "❑" };

function symbol(hex: string | undefined): string {
  const c = hex !== undefined && /^[0-9A-Fa-f]{1,4}$/.test(hex) ? parseInt(hex, 16) : NaN;
  if (!Number.isFinite(c)) return "";
  if (c >= 0xf000 && c <= 0xf0ff) return SYMBOL[c - 0xf000] ?? "•";
  if (c >= 0xe000 && c <= 0xf8ff) return "";
  if (c < 0x20) return "";
  return String.fromCharCode(c);
}

/** Text as Word shows it: soft hyphens and zero-width characters dropped, no-break spaces plain. */
const shown = (t: string) => t.replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "").replace(/[\u00a0\u202f]/g, " ");

interface Cell {
  paragraphs: string[];
  span: number;
  vContinue: boolean;
}

interface Table {
  rows: { cells: Cell[]; before: number; deleted: boolean }[];
  nested: number;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** A caption with no words of its own: «Таблица 1», «Приложение № 2.», «Табл. 3:». */
const BARE_CAPTION = /^(таблица|табл\.?|приложение|table|annex)\s*(№\s*)?[\d.]*\s*[.:]?$/i;

/** Heading of a table: the last paragraph before it, with the one before that when the last is a bare caption. */
function headingOf(before: readonly string[]): string {
  const last = before[before.length - 1] ?? "";
  const prev = before[before.length - 2];
  const text = BARE_CAPTION.test(last) && prev !== undefined ? `${prev} ${last}` : last;
  return clip(text.replace(/\s+/g, " ").trim(), 300);
}

function cellText(c: Cell): string {
  const ps = c.paragraphs.map((p) => p.replace(/[ \t]+$/g, ""));
  while (ps.length && ps[ps.length - 1].trim() === "") ps.pop();
  while (ps.length && ps[0].trim() === "") ps.shift();
  return ps.join("\n");
}

export function documentReader(limits: DocxLimits, started: number, numbering?: Numbering): XmlHandler & { result(): DocxDocument } {
  const doc: DocxDocument = { tables: [], paragraphs: [] };
  /** Paragraphs since the last outer table (for its heading). */
  let sinceTable: string[] = [];
  const stack: string[] = [];
  let skip = 0;
  let drop = 0;
  let props = 0;
  const tables: Table[] = [];
  let para: string[] | null = null;
  /** The paragraph's list (w:numPr): Word shows its number in front of the text. */
  let list: { id: string; ilvl: number } | null = null;
  let paraLength = 0;
  let inT = false;
  let hiddenRun = false;
  let inRun = false;
  let cells = 0;
  let chars = 0;
  let elements = 0;

  const tooMany = (what: string) => new XlsxReadError("tooManyCells", what);
  const add = (s: string) => {
    if (!para || s === "") return;
    paraLength += s.length;
    chars += s.length;
    if (paraLength > limits.maxTextChars) throw new XlsxReadError("tooLarge", `a paragraph or cell over ${limits.maxTextChars} characters`);
    if (chars > limits.maxTotalChars) throw new XlsxReadError("tooLarge", `over ${limits.maxTotalChars} characters of text`);
    para.push(s);
  };
  /** Rows and cells are the outer table's (a nested table's text goes into the outer cell). */
  const count = (n: number) => {
    cells += n;
    if (cells > limits.maxCells) throw tooMany(`over ${limits.maxCells} table cells`);
  };
  const curTable = () => tables[0];
  const curRow = () => curTable()?.rows[curTable().rows.length - 1];
  const curCell = () => {
    const r = curRow();
    return r?.cells[r.cells.length - 1];
  };
  const parent = () => stack[stack.length - 2];

  const finishTable = (t: Table) => {
    const kept = t.rows.filter((r) => !r.deleted);
    const rows = kept.map((r) => {
      const out: string[] = Array.from({ length: r.before }, () => "");
      for (const c of r.cells) {
        out.push(c.vContinue ? "" : cellText(c));
        for (let i = 1; i < c.span; i++) out.push("");
      }
      return out;
    });
    let width = 0;
    for (const r of rows) width = Math.max(width, r.length);
    if (width > limits.maxColumns) throw tooMany(`a table over ${limits.maxColumns} columns`);
    for (const r of rows) {
      count(width - r.length);
      while (r.length < width) r.push("");
    }
    if (doc.tables.length >= limits.maxTables) throw tooMany(`over ${limits.maxTables} tables`);
    doc.tables.push({ heading: headingOf(sinceTable), rows, paragraphsBefore: doc.paragraphs.length, nestedTables: t.nested });
    sinceTable = [];
  };

  return {
    result: () => doc,
    open(name, a) {
      stack.push(name);
      if ((++elements & 4095) === 0 && Date.now() - started >= limits.timeMs) throw new DocxTimeout();
      if (skip || drop) {
        if (SKIP.has(name)) skip++;
        else if (DROP.has(name)) drop++;
        return;
      }
      if (props) {
        props += PROPS.has(name) ? 1 : 0;
        const p = tables.length > 1 && (name === "gridSpan" || name === "vMerge" || name === "gridBefore" || name === "del") ? "" : parent();
        if (name === "vanish" && p === "rPr" && inRun && stack[stack.length - 3] === "r") hiddenRun = isOn(attr(a, "val"));
        else if (name === "gridSpan" && p === "tcPr") {
          const c = curCell();
          const n = Number(attr(a, "val"));
          if (c && Number.isInteger(n) && n > 1) {
            c.span = Math.min(n, limits.maxColumns);
            count(c.span - 1);
          }
        } else if (name === "vMerge" && p === "tcPr") {
          const c = curCell();
          const v = attr(a, "val");
          if (c) c.vContinue = v === undefined || v === "continue";
        } else if (name === "gridBefore" && p === "trPr") {
          const r = curRow();
          const n = Number(attr(a, "val"));
          if (r && Number.isInteger(n) && n > 0) {
            r.before = Math.min(n, limits.maxColumns);
            count(r.before);
          }
        } else if ((name === "numId" || name === "ilvl") && p === "numPr" && stack[stack.length - 3] === "pPr" && para) {
          const v = attr(a, "val") ?? "";
          list ??= { id: "", ilvl: 0 };
          if (name === "numId") list.id = v;
          else list.ilvl = /^\d$/.test(v) ? Number(v) : -1;
        } else if (name === "del" && p === "trPr") {
          const r = curRow();
          if (r) r.deleted = true;
        }
        return;
      }
      if (SKIP.has(name)) skip++;
      else if (DROP.has(name)) drop++;
      else if (PROPS.has(name)) props++;
      else if (name === "tbl") {
        if (tables.length) tables[0].nested++;
        tables.push({ rows: [], nested: 0 });
      } else if (name === "tr" && tables.length === 1) {
        const t = curTable();
        if (t.rows.length >= limits.maxRows) throw tooMany(`a table over ${limits.maxRows} rows`);
        t.rows.push({ cells: [], before: 0, deleted: false });
      } else if (name === "tc" && tables.length === 1) {
        const r = curRow();
        if (!r) return;
        count(1);
        r.cells.push({ paragraphs: [], span: 1, vContinue: false });
      } else if (name === "p") {
        if (para === null) {
          para = [];
          paraLength = 0;
          list = null;
        }
      } else if (name === "r") {
        inRun = true;
        hiddenRun = false;
      } else if (para && !hiddenRun) {
        if (name === "t") inT = true;
        else if (name === "tab" || name === "ptab") add("\t");
        else if (name === "br" || name === "cr") add("\n");
        else if (name === "noBreakHyphen") add("-");
        else if (name === "sym") add(symbol(attr(a, "char")));
      }
    },
    close(name) {
      stack.pop();
      if (skip) {
        if (SKIP.has(name)) skip--;
        return;
      }
      if (drop) {
        if (DROP.has(name)) drop--;
        return;
      }
      if (props) {
        if (PROPS.has(name)) props--;
        return;
      }
      if (name === "t") inT = false;
      else if (name === "r") {
        inRun = false;
        hiddenRun = false;
      } else if (name === "p" && para) {
        const label = list && list.id !== "" && list.id !== "0" && numbering ? numbering.next(list.id, list.ilvl) : "";
        const text = (label + para.join("")).replace(/[ \t]+$/g, "");
        para = null;
        list = null;
        // A paragraph inside a nested text box or alternate content would be nested inside another: not tracked.
        if (tables.length) {
          const c = curCell();
          if (c && !c.vContinue) c.paragraphs.push(text);
        } else if (text.trim() !== "") {
          const t = text.trim();
          if (doc.paragraphs.length >= limits.maxParagraphs) throw tooMany(`over ${limits.maxParagraphs} paragraphs`);
          doc.paragraphs.push(t);
          sinceTable.push(t);
          if (sinceTable.length > 2) sinceTable.shift();
        }
      } else if (name === "tbl" && tables.length) {
        const t = tables.pop()!;
        if (tables.length === 0) finishTable(t);
      }
    },
    text(t) {
      if (skip || drop || props || !inT || hiddenRun || !para) return;
      add(shown(t));
    },
  };
}

export const _forTests = { headingOf, symbol };
