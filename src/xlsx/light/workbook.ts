/**
 * Read a school's .xlsx in the task pane (browser) or node: the zip directory is checked first,
 * then only the parts we need are inflated (bounded, streaming) and parsed by saxes as they come.
 * Our sheets are found by their A1 marker; a foreign sheet is read up to its first row only.
 * Every failure is an XlsxReadError with a code; readSchoolFile turns anything into a finding.
 */
import { SparseCells, type OverlongText } from "../../core/cells";
import { parseAnyMarker, SHEET_KINDS } from "../../core/layout/markers";
import { XlsxReadError } from "./limits";
import { readSchoolSheets, sourceFinding, type FileRead, type SourceFinding } from "./school";
import { newCellBudget, sheetReader, type CellBudget } from "./sheet";
import { newElementBudget, relationshipsReader, sharedStringsReader, STOP, workbookReader, XlsxFormatError, xmlStream, type ElementBudget, type XmlHandler } from "./xml";
import { inflateEntry, newBudget, openZip, type InflateBudget, type ZipEntry } from "./zip";

export interface WorkbookSheet {
  name: string;
  values: SparseCells;
  formulas: SparseCells;
  /** Read up to row 1 only (not ours). */
  partial: boolean;
  /** Cells with content outside our sheets' area (not kept), and the first of them. */
  outside: number;
  firstOutside: string | null;
}

export interface WorkbookRead {
  sheetNames: string[];
  sheets: WorkbookSheet[];
}

/** Inflate and parse one part; false when the handler stopped early (it had what it needed). */
interface FileBudget {
  bytes: InflateBudget;
  elements: ElementBudget;
  cells: CellBudget;
}

function parsePart(bytes: Uint8Array, entry: ZipEntry, budget: FileBudget, h: XmlHandler, streamed = false): boolean {
  const xml = xmlStream(h, budget.elements);
  const text = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? text.decode(chunk, { stream: true }) : text.decode();
    } catch {
      throw new XlsxFormatError(`${entry.name} is not UTF-8`);
    }
  };
  try {
    inflateEntry(bytes, entry, budget.bytes, (chunk) => xml.write(decode(chunk)), { streamed });
    xml.write(decode());
    xml.end();
    return true;
  } catch (e) {
    if (e === STOP) return false;
    throw e;
  }
}

function resolveTarget(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

const ARCHIVE = /\.(xlsx|xlsm|xls|zip|7z|rar)$/i;

/** Read the workbook's sheets; throws XlsxReadError (or XlsxFormatError for malformed XML). */
export function readWorkbookBytes(bytes: Uint8Array, isOurs: (a1: unknown) => boolean = (a1) => parseAnyMarker(a1) !== null): WorkbookRead {
  const zip = openZip(bytes);
  const budget: FileBudget = { bytes: newBudget(bytes.length), elements: newElementBudget(), cells: newCellBudget() };
  const workbook = zip.get("xl/workbook.xml");
  if (!workbook) {
    const inner = [...zip.keys()].find((n) => ARCHIVE.test(n));
    if (inner) throw new XlsxReadError("nestedArchive", inner.slice(-80));
    throw new XlsxReadError("notXlsx", "no xl/workbook.xml");
  }
  const wb = workbookReader();
  parsePart(bytes, workbook, budget, wb);
  const relsEntry = zip.get("xl/_rels/workbook.xml.rels");
  const rels = relationshipsReader();
  if (relsEntry) parsePart(bytes, relsEntry, budget, rels);
  const sstEntry = zip.get("xl/sharedStrings.xml");
  const sst = sharedStringsReader();
  if (sstEntry) parsePart(bytes, sstEntry, budget, sst);
  const shared: readonly (string | OverlongText)[] = sst.strings;

  const out: WorkbookRead = { sheetNames: wb.sheets.map((s) => s.name), sheets: [] };
  const used = new Set<string>();
  for (const s of wb.sheets) {
    const target = rels.targets.get(s.rid);
    if (!target) throw new XlsxReadError("damaged", `sheet «${s.name.slice(0, 31)}» has no part`);
    const part = resolveTarget(target);
    if (used.has(part)) throw new XlsxReadError("damaged", `two sheets share the part ${part.slice(0, 60)}`);
    used.add(part);
    const entry = zip.get(part);
    if (!entry) throw new XlsxReadError("damaged", `sheet «${s.name.slice(0, 31)}»: ${part.slice(0, 60)} is missing`);
    // Streamed: a foreign sheet, however large, is inflated only up to its first row.
    const reader = sheetReader(shared, isOurs, budget.cells);
    if (parsePart(bytes, entry, budget, reader, true)) reader.finish();
    out.sheets.push({ name: s.name, ...reader.result });
  }
  return out;
}

const isReportMarker = (a1: unknown) => {
  const m = parseAnyMarker(a1);
  return m !== null && SHEET_KINDS.includes(m.kind);
};

/** The finding for whatever reading a file threw. */
export function failureFinding(label: string, e: unknown): SourceFinding {
  if (e instanceof XlsxReadError) return sourceFinding(label, e.code, e.message);
  if (e instanceof XlsxFormatError) return sourceFinding(label, "damaged", e.message);
  return sourceFinding(label, "unreadable", e instanceof Error ? `${e.name}: ${e.message}` : String(e));
}

/** The report sheets of one school's file as domain data, with what was wrong in it. Never throws. */
export function readSchoolFile(label: string, bytes: Uint8Array): FileRead {
  try {
    const wb = readWorkbookBytes(bytes, isReportMarker);
    const ours = wb.sheets.filter((s) => !s.partial);
    const outside = ours.filter((s) => s.outside > 0);
    const count = outside.reduce((n, s) => n + s.outside, 0);
    const notes = outside.length ? [sourceFinding(label, "outsideArea", `${outside[0].name}!${outside[0].firstOutside}${count > 1 ? ` … (${count})` : ""}`)] : [];
    const read = readSchoolSheets(label, ours);
    return read.ok ? { ...read, findings: [...notes, ...read.findings] } : read;
  } catch (e) {
    return { ok: false, finding: failureFinding(label, e) };
  }
}
