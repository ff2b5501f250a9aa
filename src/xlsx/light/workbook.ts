/**
 * Read a school's .xlsx in the task pane (browser) or node: fflate inflates only the parts we
 * need, xml.ts reads them. Our sheets are found by their A1 marker; a foreign sheet is read up to
 * its first row only, and a sheet part too large to be one of ours is not inflated at all.
 */
import { strFromU8, unzipSync } from "fflate";
import { getIndicator } from "../../core/catalog";
import { LAYOUT } from "../../core/layout/grid";
import { parseAnyMarker, SHEET_KINDS } from "../../core/layout/markers";
import { parsePeriodKey } from "../../core/periods";
import { readReport, type ReadSheet, type ReportData } from "../../core/report";
import type { Text } from "../../core/types";
import { parseRelationships, parseSharedStrings, parseSheet, parseWorkbookSheets, XlsxFormatError } from "./xml";

/** A report sheet with 80 periods is about 1 MB of XML; anything far larger cannot be ours. */
export const MAX_OUR_SHEET_BYTES = 16 * 1024 * 1024;
/** Uncompressed bytes a file may make us inflate in all. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export interface SchoolSource {
  /** The file name, or the label of a sheet set in the open workbook. */
  label: string;
  report: ReportData;
}

export type SourceFindingCode =
  | "notZip" | "notXlsx" | "notOurs" | "damaged" | "empty" | "tooLarge"
  | "noPassport" | "noSchoolName" | "unknownIndicator" | "badPeriod" | "badValue";

export interface SourceFinding {
  label: string;
  code: SourceFindingCode;
  message: Text;
  detail?: string;
}

export type FileRead = { ok: true; school: SchoolSource; findings: SourceFinding[] } | { ok: false; finding: SourceFinding };

export interface WorkbookRead {
  sheetNames: string[];
  /** Sheets read (all of ours fully; foreign ones up to row 1, or absent when too large). */
  sheets: { name: string; values: unknown[][]; formulas: unknown[][]; partial: boolean }[];
}

export class XlsxReadError extends Error {
  constructor(readonly code: "notZip" | "notXlsx" | "damaged" | "tooLarge", detail: string) {
    super(detail);
    this.name = "XlsxReadError";
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function resolveTarget(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** Read the workbook's sheets; throws XlsxReadError (notZip, notXlsx, damaged, tooLarge). */
export function readWorkbookBytes(bytes: Uint8Array, isOurs: (a1: unknown) => boolean = (a1) => parseAnyMarker(a1) !== null): WorkbookRead {
  if (!isZip(bytes)) throw new XlsxReadError("notZip", "no zip signature");
  let files: Record<string, Uint8Array>;
  let inflated = 0;
  const skipped = new Set<string>();
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name === "xl/sharedStrings.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name);
        if (!wanted) return false;
        if (f.name.startsWith("xl/worksheets/") && f.originalSize > MAX_OUR_SHEET_BYTES) {
          skipped.add(f.name);
          return false;
        }
        inflated += f.originalSize;
        if (inflated > MAX_INFLATED_BYTES) throw new XlsxReadError("tooLarge", `over ${MAX_INFLATED_BYTES} bytes`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError("damaged", `zip: ${(e as Error).message}`);
  }
  const text = (name: string): string | null => (files[name] ? strFromU8(files[name]) : null);
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  if (workbook === null) throw new XlsxReadError("notXlsx", "no xl/workbook.xml");
  try {
    const sheets = parseWorkbookSheets(workbook);
    const targets = rels === null ? new Map<string, string>() : parseRelationships(rels);
    const sharedXml = text("xl/sharedStrings.xml");
    const shared = sharedXml === null ? [] : parseSharedStrings(sharedXml);
    const out: WorkbookRead = { sheetNames: sheets.map((s) => s.name), sheets: [] };
    for (const s of sheets) {
      const target = targets.get(s.rid);
      if (!target) throw new XlsxReadError("damaged", `sheet «${s.name}» has no part`);
      const part = resolveTarget(target);
      if (skipped.has(part)) continue;
      const xml = text(part);
      if (xml === null) throw new XlsxReadError("damaged", `sheet «${s.name}»: ${part} is missing`);
      const head = parseSheet(xml, shared, 1);
      if (!isOurs(head.values[0]?.[0])) {
        out.sheets.push({ name: s.name, ...head, partial: true });
        continue;
      }
      out.sheets.push({ name: s.name, ...parseSheet(xml, shared), partial: false });
    }
    return out;
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof XlsxFormatError) throw new XlsxReadError("damaged", e.message);
    throw new XlsxReadError("damaged", String((e as Error)?.message ?? e));
  }
}

const MESSAGES: Record<SourceFindingCode, (label: string, detail: string) => Text> = {
  notZip: (l) => ({
    ru: `Файл «${l}» — не книга Excel (.xlsx). Сохраните его в Excel как «Книга Excel (*.xlsx)» и выберите снова.`,
    en: `«${l}» is not an Excel workbook (.xlsx). Save it in Excel as "Excel Workbook (*.xlsx)" and pick it again.`,
  }),
  notXlsx: (l) => ({
    ru: `Файл «${l}» — архив, но не книга Excel (.xlsx). Выберите книгу с листами «Мониторинг ШНОР».`,
    en: `«${l}» is an archive but not an Excel workbook. Pick a workbook with School Support Monitor sheets.`,
  }),
  damaged: (l, d) => ({
    ru: `Файл «${l}» повреждён и не прочитан (${d}). Попросите школу открыть его в Excel, сохранить заново и прислать ещё раз.`,
    en: `«${l}» is damaged and was not read (${d}). Ask the school to open it in Excel, save it again and resend it.`,
  }),
  tooLarge: (l) => ({
    ru: `Файл «${l}» слишком большой для свода (более 64 МБ данных). Удалите из него лишние листы и выберите снова.`,
    en: `«${l}» is too large to consolidate (over 64 MB of data). Remove the extra sheets and pick it again.`,
  }),
  notOurs: (l) => ({
    ru: `В файле «${l}» нет листов «Мониторинг ШНОР» (их ячейка A1 содержит служебную метку). Вставьте листы надстройкой или используйте шаблон.`,
    en: `«${l}» has no School Support Monitor sheets (their cell A1 holds a marker). Insert the sheets with the add-in or use the template.`,
  }),
  empty: (l) => ({
    ru: `В файле «${l}» на листах показателей нет ни одного периода: школе нечего сводить.`,
    en: `«${l}» has no report period on its indicator sheets: nothing to consolidate.`,
  }),
  noPassport: (l) => ({
    ru: `В файле «${l}» нет листа «Паспорт»: школа названа по имени файла.`,
    en: `«${l}» has no «Паспорт» (passport) sheet: the school is named after the file.`,
  }),
  noSchoolName: (l) => ({
    ru: `В «Паспорте» файла «${l}» не указана школа: она названа по имени файла.`,
    en: `The passport of «${l}» names no school: the school is named after the file.`,
  }),
  unknownIndicator: (l, d) => ({
    ru: `В файле «${l}» есть показатели, которых нет в перечне надстройки (${d}): они не сведены.`,
    en: `«${l}» holds indicators the add-in's catalog does not know (${d}): they are not consolidated.`,
  }),
  badPeriod: (l, d) => ({
    ru: `В файле «${l}» заголовки периодов не распознаны (${d}): эти столбцы не сведены.`,
    en: `«${l}» has period headers that could not be read (${d}): those columns are not consolidated.`,
  }),
  badValue: (l, d) => ({
    ru: `В файле «${l}» значения не подходят к единицам показателей (${d}): в своде они отмечены как ошибки. Попросите школу исправить их.`,
    en: `«${l}» holds values that do not fit their indicators' units (${d}): the consolidation marks them as errors. Ask the school to correct them.`,
  }),
};

export function sourceFinding(label: string, code: SourceFindingCode, detail = ""): SourceFinding {
  return { label, code, message: MESSAGES[code](label, detail), ...(detail ? { detail } : {}) };
}

/** The report sheets of one school's file as domain data, with what was wrong in it. */
export function readSchoolFile(label: string, bytes: Uint8Array): FileRead {
  let wb: WorkbookRead;
  try {
    wb = readWorkbookBytes(bytes, (a1) => {
      const m = parseAnyMarker(a1);
      return m !== null && SHEET_KINDS.includes(m.kind);
    });
  } catch (e) {
    const code = e instanceof XlsxReadError ? e.code : "damaged";
    return { ok: false, finding: sourceFinding(label, code, e instanceof Error ? e.message : "") };
  }
  return readSchoolSheets(label, wb.sheets.filter((s) => !s.partial));
}

/**
 * One school's sheet set (our report sheets as grids) → SchoolSource and findings. Shared by the
 * file reader and the open-workbook reader.
 */
export function readSchoolSheets(label: string, grids: { name: string; values: unknown[][]; formulas: unknown[][] }[]): FileRead {
  const sheets: ReadSheet[] = [];
  for (const g of grids) {
    const m = parseAnyMarker(g.values[0]?.[0]);
    if (m && SHEET_KINDS.includes(m.kind) && !sheets.some((s) => s.kind === m.kind)) sheets.push({ name: g.name, kind: m.kind, values: g.values, formulas: g.formulas });
  }
  if (sheets.length === 0) return { ok: false, finding: sourceFinding(label, "notOurs") };
  const findings: SourceFinding[] = [];
  const report = readReport(sheets);
  if (!sheets.some((s) => s.kind === "passport")) findings.push(sourceFinding(label, "noPassport"));
  else if (!report.school) findings.push(sourceFinding(label, "noSchoolName"));
  if (!report.school) {
    report.school = label.replace(/\.xlsx$/i, "");
    report.data.school = report.school;
  }
  const unknown = new Set<string>();
  const badPeriods = new Set<string>();
  for (const s of sheets) {
    if (s.kind === "passport") continue;
    for (let r = LAYOUT.firstDataRow - 1; r < s.values.length; r++) {
      const id = s.values[r]?.[LAYOUT.idCol - 1];
      if (typeof id === "string" && id.trim() && !getIndicator(id.trim())) unknown.add(id.trim());
    }
    const keys = s.values[LAYOUT.periodKeyRow - 1] ?? [];
    for (let c = LAYOUT.firstPeriodCol - 1; c < keys.length; c++) {
      const k = keys[c];
      if (typeof k === "string" && k.trim() && !parsePeriodKey(k.trim())) badPeriods.add(k.trim());
    }
  }
  if (unknown.size) findings.push(sourceFinding(label, "unknownIndicator", [...unknown].slice(0, 5).join(", ") + (unknown.size > 5 ? ` … (${unknown.size})` : "")));
  if (badPeriods.size) findings.push(sourceFinding(label, "badPeriod", [...badPeriods].slice(0, 5).join(", ")));
  // A value of the wrong unit (a share above 100 %, a fractional count, a score off the scale).
  const bad: string[] = [];
  for (const [id, byPeriod] of Object.entries(report.data.observations)) {
    for (const [key, o] of Object.entries(byPeriod)) if (o.value.kind === "error") bad.push(`${id} ${key}`);
  }
  if (bad.length) findings.push(sourceFinding(label, "badValue", bad.slice(0, 5).join(", ") + (bad.length > 5 ? ` … (${bad.length})` : "")));
  if (report.periods.length === 0) return { ok: false, finding: sourceFinding(label, "empty") };
  return { ok: true, school: { label, report }, findings };
}
