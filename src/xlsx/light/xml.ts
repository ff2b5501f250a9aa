/**
 * SpreadsheetML through saxes (a maintained streaming XML parser): elements by local name, text
 * and CDATA as text; comments and processing instructions are ignored (never read as values);
 * a DTD is refused (no entity is ever expanded: billion laughs, XXE). Malformed XML gives
 * XlsxFormatError. The parts' readers (workbook, relationships, shared strings) are here; the
 * worksheet reader is in sheet.ts.
 */
import { SaxesParser } from "saxes";
import { EXCEL_MAX_TEXT, OverlongText } from "../../core/cells";
import { MAX_ELEMENTS, MAX_SHEETS, MAX_STRINGS, XlsxReadError } from "./limits";

export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}

/** Thrown by a handler that has read what it needs: the rest of the part is not parsed. */
export const STOP: unique symbol = Symbol("stop reading");

/** SpreadsheetML nests a few levels; a deeper document is not one. */
const MAX_DEPTH = 64;

export interface XmlHandler {
  /** Local name (prefix dropped); attributes as written (unqualified in SpreadsheetML but r:id). */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(t: string): void;
}

const localName = (n: string) => {
  const i = n.indexOf(":");
  return i < 0 ? n : n.slice(i + 1);
};

export interface XmlStream {
  write(text: string): void;
  end(): void;
}

/** Elements still allowed to be parsed for a whole file. */
export interface ElementBudget {
  left: number;
}

export const newElementBudget = (): ElementBudget => ({ left: MAX_ELEMENTS });

/** A streaming parser calling `h`; write() and end() throw XlsxFormatError, XlsxReadError or what `h` throws. */
export function xmlStream(h: XmlHandler, elements: ElementBudget = newElementBudget()): XmlStream {
  const p = new SaxesParser({ position: false });
  let depth = 0;
  p.on("doctype", () => {
    throw new XlsxReadError("unsafeXml", "a DTD (<!DOCTYPE>) in a part");
  });
  p.on("opentag", (tag) => {
    if (++depth > MAX_DEPTH) throw new XlsxFormatError(`elements nested deeper than ${MAX_DEPTH}`);
    if (--elements.left < 0) throw new XlsxReadError("tooManyCells", `over ${MAX_ELEMENTS} XML elements`);
    h.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  // Also called for a self-closing tag, right after opentag.
  p.on("closetag", (tag) => {
    depth--;
    h.close(localName(tag.name));
  });
  p.on("text", (t) => h.text(t));
  p.on("cdata", (t) => h.text(t));
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e === STOP || e instanceof XlsxReadError || e instanceof XlsxFormatError) throw e;
      throw new XlsxFormatError(`XML: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  return {
    write: (text) => guard(() => p.write(text)),
    end: () => guard(() => p.close()),
  };
}

/** Excel escapes control characters in strings as _xHHHH_ (ECMA-376 ST_Xstring). */
export function decodeXstring(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/**
 * Collects the text of a string item (<si>, <is>): its <t> runs, without phonetic (<rPh>) runs.
 * Stops keeping characters past Excel's limit (the item becomes an OverlongText).
 */
export class StringItem {
  private parts: string[] = [];
  private length = 0;
  private over = false;
  private inT = 0;
  private inPhonetic = 0;
  private run = "";

  open(name: string): void {
    if (name === "rPh") this.inPhonetic++;
    else if (name === "t" && !this.inPhonetic) {
      this.inT++;
      this.run = "";
    }
  }

  close(name: string): void {
    if (name === "rPh") this.inPhonetic--;
    else if (name === "t" && !this.inPhonetic && this.inT) {
      this.inT--;
      const t = decodeXstring(this.run);
      this.run = "";
      this.length += t.length;
      if (this.length > EXCEL_MAX_TEXT) this.over = true;
      else this.parts.push(t);
    }
  }

  text(t: string): void {
    if (!this.inT || this.inPhonetic || this.over) return;
    this.run += t;
    // An escape (_xHHHH_) is 7 characters for one: past 7× the limit the text is over it anyway.
    if (this.run.length > 7 * EXCEL_MAX_TEXT) {
      this.over = true;
      this.length += this.run.length;
      this.run = "";
    }
  }

  value(): string | OverlongText {
    return this.over ? new OverlongText(this.length) : this.parts.join("");
  }
}

/** Shared strings in order. */
export function sharedStringsReader(): XmlHandler & { strings: (string | OverlongText)[] } {
  const strings: (string | OverlongText)[] = [];
  let item: StringItem | null = null;
  return {
    strings,
    open(name) {
      if (name === "si") {
        if (strings.length >= MAX_STRINGS) throw new XlsxReadError("tooManyCells", `over ${MAX_STRINGS} shared strings`);
        item = new StringItem();
      } else item?.open(name);
    },
    close(name) {
      if (name === "si" && item) {
        strings.push(item.value());
        item = null;
      } else item?.close(name);
    },
    text(t) {
      item?.text(t);
    },
  };
}

/** Workbook sheets in order: name and relationship id. */
export function workbookReader(): XmlHandler & { sheets: { name: string; rid: string }[] } {
  const sheets: { name: string; rid: string }[] = [];
  let inSheets = false;
  return {
    sheets,
    open(name, a) {
      if (name === "sheets") inSheets = true;
      else if (name === "sheet" && inSheets) {
        // The relationship id is in the relationships namespace, whatever its prefix.
        const key = "r:id" in a ? "r:id" : Object.keys(a).find((k) => k.endsWith(":id"));
        const rid = key === undefined ? undefined : a[key];
        if (!a.name || !rid) throw new XlsxFormatError("a <sheet> without name or r:id");
        if (sheets.length >= MAX_SHEETS) throw new XlsxReadError("tooManyParts", `over ${MAX_SHEETS} sheets`);
        sheets.push({ name: a.name, rid });
      }
    },
    close(name) {
      if (name === "sheets") inSheets = false;
    },
    text() {},
  };
}

/** Relationship id → target (internal targets only). */
export function relationshipsReader(): XmlHandler & { targets: Map<string, string> } {
  const targets = new Map<string, string>();
  return {
    targets,
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External") {
        if (targets.size >= MAX_SHEETS * 4) throw new XlsxReadError("tooManyParts", "too many relationships");
        targets.set(a.Id, a.Target);
      }
    },
    close() {},
    text() {},
  };
}

/** Parse a part given as text (tests, tools); false when the handler stopped early. */
export function parseXmlText(text: string, h: XmlHandler): boolean {
  const x = xmlStream(h);
  try {
    x.write(text);
    x.end();
    return true;
  } catch (e) {
    if (e === STOP) return false;
    throw e;
  }
}

export function parseSharedStrings(xml: string): (string | OverlongText)[] {
  const r = sharedStringsReader();
  parseXmlText(xml, r);
  return r.strings;
}
