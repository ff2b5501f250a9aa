/**
 * Read a Word document (.docx: a zip of WordprocessingML) in the task pane or node, with the same
 * hostile-file rules as the .xlsx reader: the zip directory is checked first, parts are inflated
 * with a cap on real output, XML is parsed by saxes (no DTD, bounded depth and element count), and
 * text, tables, rows, cells and time are bounded. Never throws: a failure carries a finding.
 */
import { shownText } from "../../core/cells";
import type { Text } from "../../core/types";
import { DOCX_MESSAGES, type DocxFailure } from "../../i18n/docx";
import { DOCX_LIMITS, DocxTimeout, documentReader, type DocxDocument, type DocxLimits } from "./docxBody";
import { numberingReader, type Numbering } from "./docxNumbering";
import { MAX_RATIO, RATIO_SLACK, XlsxReadError } from "./limits";
import { relationshipsReader, STOP, XlsxFormatError, xmlStream, type ElementBudget, type XmlHandler } from "./xml";
import { inflateEntry, openZip, type InflateBudget, type ZipEntry } from "./zip";

export type { DocxDocument, DocxLimits, DocxTable } from "./docxBody";
export { DOCX_LIMITS } from "./docxBody";
export type { DocxFailure };

export type DocxRead = { ok: true; doc: DocxDocument } | { ok: false; finding: Text; code: DocxFailure };

const WORD_MAIN = /wordprocessingml\.(document|template)\.main\+xml$|^application\/vnd\.ms-word\.(document|template)\.macroenabled(template)?\.main\+xml$/i;
const ARCHIVE = /\.(docx|docm|xlsx|doc|zip|7z|rar)$/i;

interface Budget {
  bytes: InflateBudget;
  elements: ElementBudget;
  maxPart: number;
}

function parsePart(bytes: Uint8Array, entry: ZipEntry, budget: Budget, h: XmlHandler): void {
  const xml = xmlStream(h, budget.elements);
  const text = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? text.decode(chunk, { stream: true }) : text.decode();
    } catch {
      throw new XlsxFormatError(`${entry.name.slice(0, 60)} is not UTF-8`);
    }
  };
  try {
    inflateEntry(bytes, entry, budget.bytes, (chunk) => xml.write(decode(chunk)), { maxPart: budget.maxPart });
    xml.write(decode());
    xml.end();
  } catch (e) {
    if (e !== STOP) throw e;
  }
}

/** Content type of each part: Override by part name, Default by extension. */
function contentTypesReader(): XmlHandler & { typeOf(part: string): string | undefined } {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  return {
    typeOf(part) {
      const o = overrides.get(`/${part}`.toLowerCase());
      if (o !== undefined) return o;
      const dot = part.lastIndexOf(".");
      return dot < 0 ? undefined : defaults.get(part.slice(dot + 1).toLowerCase());
    },
    open(name, a) {
      if (overrides.size + defaults.size > 10_000) throw new XlsxReadError("tooManyParts", "too many content types");
      if (name === "Override" && a.PartName && a.ContentType) overrides.set(a.PartName.toLowerCase(), a.ContentType);
      else if (name === "Default" && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
    },
    close() {},
    text() {},
  };
}

function normalise(target: string): string {
  const parts: string[] = [];
  for (const p of target.replace(/^\//, "").split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** The document's list numbering (its numbering part, found through the document's relationships), if any. */
function readNumbering(bytes: Uint8Array, zip: Map<string, ZipEntry>, main: string, budget: Budget): Numbering | undefined {
  const dir = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
  const relsEntry = zip.get(`${dir}_rels/${main.slice(dir.length)}.rels`);
  let target = `${dir}numbering.xml`;
  if (relsEntry) {
    let found: string | undefined;
    parsePart(bytes, relsEntry, budget, {
      open(name, a) {
        if (name === "Relationship" && /\/numbering$/.test(a.Type ?? "") && a.Target && a.TargetMode !== "External") found ??= a.Target;
      },
      close() {},
      text() {},
    });
    if (found !== undefined) target = normalise(found.startsWith("/") ? found : dir + found);
  }
  const entry = zip.get(target);
  if (!entry) return undefined;
  const r = numberingReader();
  parsePart(bytes, entry, budget, r);
  return r.numbering();
}

function read(bytes: Uint8Array, limits: DocxLimits, started: number): DocxDocument {
  const zip = openZip(bytes);
  const byRatio = RATIO_SLACK + MAX_RATIO * bytes.length;
  const budget: Budget = {
    bytes: byRatio < limits.maxFileBytes ? { left: byRatio, why: `expands over ${MAX_RATIO}× its size` } : { left: limits.maxFileBytes, why: `over ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB of data in all` },
    elements: { left: limits.maxElements },
    maxPart: limits.maxPartBytes,
  };
  let main = "word/document.xml";
  const rootRels = zip.get("_rels/.rels");
  if (rootRels) {
    const rels = relationshipsReader();
    let officeDocument: string | undefined;
    const h: XmlHandler = {
      open(name, a) {
        rels.open(name, a);
        if (name === "Relationship" && /\/officeDocument$/.test(a.Type ?? "") && a.Target && a.TargetMode !== "External") officeDocument ??= a.Target;
      },
      close() {},
      text() {},
    };
    parsePart(bytes, rootRels, budget, h);
    if (officeDocument !== undefined) main = normalise(officeDocument);
  }
  const entry = zip.get(main);
  if (!entry) {
    if (zip.has("xl/workbook.xml")) throw new XlsxReadError("notXlsx", "an Excel workbook");
    if (zip.has("ppt/presentation.xml")) throw new XlsxReadError("notXlsx", "a PowerPoint presentation");
    const inner = [...zip.keys()].find((n) => ARCHIVE.test(n));
    if (inner) throw new XlsxReadError("nestedArchive", inner.slice(-80));
    throw new XlsxReadError("notXlsx", `no ${main.slice(0, 60)}`);
  }
  const typesEntry = zip.get("[Content_Types].xml");
  if (!typesEntry) throw new XlsxReadError("damaged", "no [Content_Types].xml");
  const types = contentTypesReader();
  parsePart(bytes, typesEntry, budget, types);
  const type = types.typeOf(main);
  if (type === undefined || !WORD_MAIN.test(type)) throw new XlsxReadError("notXlsx", `the main part is ${type === undefined ? "of no content type" : `«${type.slice(0, 80)}»`}`);
  const body = documentReader(limits, started, readNumbering(bytes, zip, main, budget));
  parsePart(bytes, entry, budget, body);
  return body.result();
}

function failure(code: DocxFailure, detail: string): DocxRead {
  return { ok: false, code, finding: DOCX_MESSAGES[code](shownText(detail, 200)) };
}

/** Reads a .docx (zip of WordprocessingML). Never throws on hostile input: returns a failure with a finding. */
export function readDocx(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxRead {
  const l: DocxLimits = { ...DOCX_LIMITS, ...limits };
  const started = Date.now();
  try {
    return { ok: true, doc: read(bytes, l, started) };
  } catch (e) {
    if (e instanceof DocxTimeout) return failure("tooSlow", `over ${Math.round(l.timeMs / 1000)} s`);
    if (e instanceof XlsxReadError) return failure(e.code === "notXlsx" ? "notDocx" : e.code, e.message);
    if (e instanceof XlsxFormatError) return failure("damaged", e.message);
    return failure("unreadable", e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}
