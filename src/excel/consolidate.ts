/**
 * «Свести школы»: schools' reports (files read in the pane, and/or school sheet sets already in
 * this workbook) → «Свод» and «Данные» in the analyst's workbook. One Excel.run:
 *   sync 1–2  names and A1 markers; contents of the targets sheet and, when asked, of every
 *             school sheet set in the workbook (our «Свод»/«Данные» are recognised, not loaded);
 *   writes    the new sheets under fresh names, chunked under the request budget — the syncs grow
 *             with the payload (ceil(bytes / 3.5 MB)), not with the number of schools as such;
 *   last      our old «Свод»/«Данные» deleted and the new ones take their names.
 * Cancel (AbortSignal) or a failure before the last sync deletes the new sheets: the workbook
 * keeps its previous «Свод»/«Данные». Text from schools' files is always written as text.
 */
import { consolidate as buildConsolidation, DATA_HIDDEN_COLS, DATA_SHEET_NAME, DATA_VALUE_COL, MAX_SHEET_COLUMNS, SUMMARY_SHEET_NAME, summaryKinds, summaryStyles, summaryWidth, type ConsolidationFinding, type ConsolidationSource } from "../core/consolidate";
import { freeSheetName } from "../core/layout";
import { columnLetter, rangeAddress } from "../core/layout/grid";
import { PRINT_FOOTER, fixedScale } from "../core/layout/print";
import { analysisStyles } from "../core/layout/highlight";
import { markerOf, parseAnyMarker, parseOutputMarker, SHEET_KINDS } from "../core/layout/markers";
import { readTargetsSheet } from "../core/layout/targetsSheet";
import type { PlanStyle, SheetKind, WorkbookPlan } from "../core/plan";
import { formatPeriod } from "../core/periods";
import { defaultTargetsFor } from "../core/targets";
import type { Lang, Period, Target, Text } from "../core/types";
import { readSchoolSheets, type SchoolSource, type SourceFinding } from "../xlsx/light/school";
import { arrayWriteBytes, officeBytes, OFFICE_BYTES, queuePlan, RequestBudget, size, type Capabilities } from "./apply";
import type { CommandResult } from "./commands";
import { COMMON_ERRORS, isSetSupported, mapOfficeError } from "./errors";
import { readMarkedSheets, type MarkedSheet } from "./read";

export interface ConsolidateOptions {
  /** Schools read from files (src/xlsx/light). */
  sources: SchoolSource[];
  /** Findings of the files that could not be read (listed on «Свод»). */
  sourceFindings?: SourceFinding[];
  /** Also consolidate the school sheet sets of the open workbook. */
  useOpenWorkbook: boolean;
  /** The period(s) side by side; null or none: the latest period most schools report. */
  period: Period | readonly Period[] | null;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ConsolidateResult {
  summarySheet: string;
  dataSheet: string;
  /** The latest chosen period. */
  period: Period;
  /** Every chosen period, chronological (absent: `period` alone). */
  chosen?: Period[];
  periods: { period: Period; schools: number }[];
  schools: number;
  dataRows: number;
  findings: { label: string; message: Text }[];
  syncs: number;
}

const ERRORS = {
  ...COMMON_ERRORS,
  noSchools: {
    ru: "Нечего сводить: выберите файлы школ (.xlsx) или отметьте «Школы из этой книги», если их листы уже здесь.",
    en: "Nothing to consolidate: pick the schools' files (.xlsx) or tick “Schools in this workbook” if their sheets are already here.",
  },
  noData: {
    ru: "В выбранных школах нет ни одного отчётного периода с данными.",
    en: "The chosen schools have no report period with data.",
  },
  tooWide: {
    ru: "Столько периодов для стольких школ не поместится на один лист Excel (не более 16 384 столбцов). Выберите меньше периодов.",
    en: "That many periods for that many schools do not fit on one Excel sheet (16,384 columns at most). Choose fewer periods.",
  },
  cancelled: {
    ru: "Свод отменён. Книга не изменилась: прежние листы «Свод» и «Данные» (если были) остались как были.",
    en: "Consolidation cancelled. The workbook is unchanged: the previous Summary and Data sheets (if any) are as they were.",
  },
} satisfies Record<string, Text>;

class Cancelled extends Error {}

/** The «Данные» table's name (workbook-wide), fixed so Power Query queries keep finding it. */
export const DATA_TABLE_NAME = "ShnorData";

/** Rows of «Данные» per write action: about 100–200 KB. */
const DATA_BLOCK_ROWS = 1500;

function fail(code: keyof typeof ERRORS): { ok: false; error: { code: string; message: Text } } {
  return { ok: false, error: { code, message: ERRORS[code] } };
}

const reportKind = (a1: unknown): SheetKind | null => {
  const m = parseAnyMarker(a1);
  if (m && (SHEET_KINDS.includes(m.kind) || m.kind === "targets")) return m.kind;
  return parseOutputMarker(a1)?.kind ?? null;
};

/**
 * School sheet sets of the open workbook. Sheets copied in from several schools' files get Excel's
 * suffix « (2)», « (3)» …; sheets with the same suffix (or none) form one school.
 */
export function groupSheetSets(sheets: readonly Pick<MarkedSheet, "name" | "kind">[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const s of sheets) {
    if (!SHEET_KINDS.includes(s.kind)) continue;
    const suffix = / \((\d+)\)$/.exec(s.name)?.[1] ?? "";
    sets.set(suffix, [...(sets.get(suffix) ?? []), s.name]);
  }
  return sets;
}

function toFinding(f: SourceFinding): ConsolidationFinding {
  return { label: f.label, code: "file", message: f.message };
}

export async function consolidate(o: ConsolidateOptions): Promise<CommandResult<ConsolidateResult>> {
  if (!isSetSupported("1.7")) return fail("apiNotSupported");
  if (o.sources.length === 0 && !o.useOpenWorkbook) return fail("noSchools");
  const caps: Capabilities = { validation: isSetSupported("1.8"), pageLayout: isSetSupported("1.9"), conditionalFormats: isSetSupported("1.6") };
  const lang = o.lang;
  let syncs = 0;
  let estimate = 4;
  const progress = () => o.onProgress?.(Math.min(syncs, estimate), estimate);
  const check = () => {
    if (o.signal?.aborted) throw new Cancelled();
  };
  const created: string[] = [];
  try {
    check();
    return await Excel.run(async (context) => {
      const sync = async () => {
        await context.sync();
        syncs++;
        progress();
      };
      try {
        const read = await readMarkedSheets(context, sync, { kindOf: reportKind, values: true, allOfKind: o.useOpenWorkbook, nameOnly: (k) => k === "summary" || k === "data" || (!o.useOpenWorkbook && k !== "targets") });
        check();
        const sources: ConsolidationSource[] = o.sources.map((s) => ({ label: s.label, report: s.report }));
        const findings: ConsolidationFinding[] = (o.sourceFindings ?? []).map(toFinding);
        if (o.useOpenWorkbook) {
          const byName = new Map(read.sheets.map((s) => [s.name, s]));
          for (const [suffix, names] of groupSheetSets(read.sheets)) {
            const grids = names.map((n) => byName.get(n)!).map((s) => ({ name: s.name, values: s.values ?? [], formulas: s.formulas }));
            const label = lang === "ru" ? `листы этой книги${suffix ? ` (${suffix})` : ""}` : `sheets of this workbook${suffix ? ` (${suffix})` : ""}`;
            const r = readSchoolSheets(label, grids);
            if (r.ok) {
              sources.push(r.school);
              for (const f of r.findings) findings.push(toFinding(f));
            } else findings.push(toFinding(r.finding));
          }
        }
        if (sources.length === 0) return fail(o.sources.length || o.sourceFindings?.length ? "noData" : "noSchools");

        const targetsSheet = read.sheets.find((s) => s.kind === "targets");
        const oldSummary = read.marked.find((m) => m.kind === "summary")?.name ?? null;
        const oldData = read.marked.find((m) => m.kind === "data")?.name ?? null;
        const taken = [...read.sheetNames];
        const summaryName = freeSheetName(SUMMARY_SHEET_NAME[lang], taken);
        taken.push(summaryName);
        const dataName = freeSheetName(DATA_SHEET_NAME[lang], taken);
        const finalSummary = oldSummary ?? summaryName;
        const finalData = oldData ?? dataName;

        let targets: Target[] = [];
        const built = buildConsolidation(sources, { period: o.period, lang, targets: [], summaryName, sourceFindings: findings });
        if (!built) return fail("noData");
        if (summaryWidth(built.schools.length, summaryKinds(built.chosen)) > MAX_SHEET_COLUMNS) return fail("tooWide");
        if (targetsSheet) {
          const rows = readTargetsSheet({ name: targetsSheet.name, kind: "targets", values: targetsSheet.values ?? [], formulas: targetsSheet.formulas }, built.chosen).rows;
          targets = rows.map((r) => r.target).filter((t): t is Target => t !== null);
        } else targets = defaultTargetsFor(built.chosen);
        const out = buildConsolidation(sources, { period: built.chosen, lang, targets, summaryName, sourceFindings: findings })!;

        // Rough request estimate for the progress bar: «Данные» rows at ~150 bytes.
        estimate = syncs + Math.ceil((out.data.rows.length * 150 + 200_000) / 3_500_000) + 2;
        progress();
        const budget = new RequestBudget(async () => {
          check();
          await sync();
        });

        const sheets = context.workbook.worksheets;
        created.push(summaryName);
        const plan: WorkbookPlan = { lang, sheets: [out.summary], styles: { ...analysisStyles(lang), ...(summaryStyles(lang) as Record<string, PlanStyle>) }, names: [], valuesKept: 0 };
        await queuePlan(context, plan, new Map(), caps, budget);

        const ws = sheets.add(dataName);
        created.push(dataName);
        // The new sheet; the marker's value and colour (two ranges, a format and a font).
        await budget.reserve(size(dataName) + size(markerOf("data")) + 40, officeBytes({ ranges: 2, objects: 3, actions: 3 }));
        // Sent as text (Excel's "'" prefix), like every string of the table below.
        ws.getRange("A1").values = [[`'${markerOf("data")}`]];
        ws.getRange("A1").format.font.color = "#808080";
        const width = out.data.header.length;
        // Table header in row 2, data from row 3; A1 keeps the marker above the table.
        await budget.reserve(size(out.data.header) + 20, officeBytes({ ranges: 1, objects: 2, actions: 3 }));
        const head = ws.getRange(rangeAddress(2, 1, 2, width));
        head.values = [out.data.header];
        head.format.font.bold = true;
        const rows = out.data.rows;
        for (let i = 0; i < rows.length; i += DATA_BLOCK_ROWS) {
          // Every string is sent with Excel's text prefix: school names from files, and period keys
          // such as "2023/24" that Excel could otherwise read as a date.
          const block = rows.slice(i, i + DATA_BLOCK_ROWS).map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v === null ? "" : v)));
          await budget.reserve(size(block) + 20, OFFICE_BYTES.range + arrayWriteBytes(block.length, width));
          ws.getRange(rangeAddress(3 + i, 1, 2 + i + block.length, width)).values = block;
          // Shares in percent, counts whole: the value column's format row by row.
          const formats = out.data.valueFormats.slice(i, i + DATA_BLOCK_ROWS).map((f) => [f]);
          await budget.reserve(size(formats) + 20, OFFICE_BYTES.range + arrayWriteBytes(formats.length, 1));
          ws.getRange(rangeAddress(3 + i, DATA_VALUE_COL, 2 + i + formats.length, DATA_VALUE_COL)).numberFormat = formats;
        }
        // The table, the frozen rows and the column widths.
        await budget.reserve(60, officeBytes({ ranges: 2, objects: 4, actions: 3 }));
        const table = ws.tables.add(`${rangeAddress(2, 1, 2 + Math.max(rows.length, 1), width)}`, true);
        ws.freezePanes.freezeRows(2);
        ws.getRange(rangeAddress(1, 1, 1, width)).format.columnWidth = 90;
        // The marker row and the machine codes: read back and kept for Power Query, never shown or printed.
        await budget.reserve(120, officeBytes({ ranges: 1 + DATA_HIDDEN_COLS.length, objects: 3, actions: 6 + DATA_HIDDEN_COLS.length }));
        ws.getRange("1:1").rowHidden = true;
        for (const c of DATA_HIDDEN_COLS) ws.getRange(`${columnLetter(c)}1`).columnHidden = true;
        if (caps.pageLayout) {
          ws.pageLayout.orientation = "Landscape";
          // A fixed scale (text size the same wherever printed), one page wide: the shown columns are 90 pt each.
          ws.pageLayout.zoom = { scale: fixedScale(90 * (width - DATA_HIDDEN_COLS.length), "landscape") };
          ws.pageLayout.setPrintTitleRows("$2:$2");
          ws.pageLayout.setPrintArea(rangeAddress(2, 1, 2 + Math.max(rows.length, 1), width));
          ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = PRINT_FOOTER;
        }
        check();
        await sync();
        budget.sent();

        // Last: swap the new sheets in for our old ones.
        check();
        if (oldSummary) sheets.getItem(oldSummary).delete();
        if (oldData) sheets.getItem(oldData).delete();
        if (finalSummary !== summaryName) sheets.getItem(summaryName).name = finalSummary;
        if (finalData !== dataName) sheets.getItem(dataName).name = finalData;
        table.name = DATA_TABLE_NAME;
        sheets.getItem(finalSummary).activate();
        await sync();
        created.length = 0;
        return {
          ok: true,
          summarySheet: finalSummary,
          dataSheet: finalData,
          period: out.period,
          chosen: out.chosen,
          periods: out.periods,
          schools: out.schools.length,
          dataRows: rows.length,
          findings: out.findings.map((f) => ({ label: f.label, message: f.message })),
          syncs,
        } as CommandResult<ConsolidateResult>;
      } catch (e) {
        // Remove what this run created; the old sheets were not touched yet.
        if (created.length) {
          try {
            const all = context.workbook.worksheets;
            all.load("items/name");
            await context.sync();
            for (const w of all.items) if (created.includes(w.name)) w.delete();
            await context.sync();
          } catch {
            // The cleanup failed too: the error below still reports the first failure.
          }
        }
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof Cancelled) return fail("cancelled");
    const mapped = mapOfficeError(e, { unknown: ERRORS.unknown, command: "consolidate" });
    if (mapped.code === "cellEditMode") return fail(mapped.code);
    return { ok: false, error: { code: mapped.code, message: mapped.message } };
  }
}

/** For the screen: a period label. */
export function periodLabel(p: Period, lang: Lang): string {
  return formatPeriod(p, lang);
}
