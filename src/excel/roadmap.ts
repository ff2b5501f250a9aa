/**
 * «Загрузить дорожную карту» (issue 9): read the table the user pasted from Word and selected,
 * recognise it, and write (or update) the «Дорожная карта» sheet; link the «Партнёрство» sheet's
 * events_done_share cells to the sheet's % done per period. One Excel.run, at most 3 syncs: the
 * selection is loaded with the first request of the marker-first read; the pasted range is only read.
 */
import { getIndicator } from "../core/catalog";
import { freeSheetName } from "../core/layout";
import { cellAddress, parseRangeAddress } from "../core/layout/grid";
import { shownText } from "../core/cells";
import { chooseProgramYears, readRoadmapSheet, validYears, type YearsSource } from "../core/layout/roadmapRead";
import { buildRoadmapSheet, isRoadmapLink, roadmapLinkFormula, roadmapStyles, ROADMAP_SHEET_NAME } from "../core/layout/roadmapSheet";
import { appliesTo } from "../core/layout/sheets";
import { formatPeriod, periodKey } from "../core/periods";
import { expandEvents, programYearsFrom, recognizeRoadmap, type IsoDate, type ProgramYears } from "../core/roadmap";
import type { Lang, Severity, Text } from "../core/types";
import { officeBytes, size } from "./apply";
import { activate, apply, CommandStop, existingOf, session, todayIso, type CommandResult, type Session } from "./commands";
import { localAddress } from "./read";

export interface RoadmapFinding {
  code: string;
  severity: Severity;
  message: Text;
}

export interface RoadmapImportOptions {
  lang: Lang;
  /** The program's school years; by default chosen as chooseProgramYears documents. */
  years?: ProgramYears;
  /** Today as an ISO date (tests); by default the current date. */
  today?: IsoDate;
  /**
   * A table read from a Word file instead of the selection (issue 19): its rows, and where it came
   * from (shown as the source, e.g. "карта.docx: Дорожная карта … на 2025–2026 гг.").
   */
  table?: { rows: unknown[][]; label: string };
}

export interface RoadmapImportResult {
  sheet: string;
  created: boolean;
  /** The pasted range that was read, e.g. "Лист1!A1:F30". */
  source: string;
  /** Events recognised (a row Word split in two counts once). */
  events: number;
  /** Rows on the sheet: one per occurrence (a recurring event gives one per program year). */
  occurrences: number;
  groups: number;
  /** Deadline texts that were not understood (kept as text, flagged on the sheet). */
  unparsed: string[];
  /** Occurrences with no fixed date by design («по мере необходимости» …). */
  undated: number;
  /** Rows whose typed status, date or note was kept from the sheet's previous version. */
  kept: number;
  /** Rows of the previous version not in this paste, kept at the end because something was typed in them. */
  orphans: number;
  years: ProgramYears;
  yearsSource: YearsSource | "title";
  /** «Партнёрство»: linked (some cells linked or already typed), absent (no such sheet), noRow (no events_done_share row). */
  partnership: "linked" | "absent" | "noRow";
  /** Period keys whose events_done_share cell now shows the road map's % done. */
  linked: string[];
  findings: RoadmapFinding[];
}

const ERR = {
  tooSmall: {
    ru: "Выделите всю вставленную таблицу дорожной карты вместе со строкой заголовков (не меньше двух строк) и повторите.",
    en: "Select the whole pasted road-map table with its header row (at least two rows) and try again.",
  },
  empty: { ru: "Выделенный диапазон пуст. Вставьте таблицу из Word, выделите её и повторите.", en: "The selection is empty. Paste the table from Word, select it and try again." },
  ours: {
    ru: "Выделен лист, созданный надстройкой («{sheet}»). Вставьте таблицу из Word на другой лист, выделите её и повторите.",
    en: "The selection is on a sheet made by the add-in («{sheet}»). Paste the table from Word into another sheet, select it and try again.",
  },
  tooLarge: {
    ru: "Выделено слишком много строк ({n}). Выделите только таблицу дорожной карты.",
    en: "Too many rows are selected ({n}). Select the road-map table only.",
  },
  noEvents: {
    ru: "В выделенной таблице не найдено ни одного мероприятия. Проверьте, что выделена таблица дорожной карты с заголовками.",
    en: "No event was found in the selected table. Check that the road-map table with its headers is selected.",
  },
} satisfies Record<string, Text>;

const MSG = {
  partnershipAbsent: {
    ru: "Листа «Партнёрство» нет: показатель «Процент выполнения запланированных мероприятий» не связан с дорожной картой. Вставьте раздел «Партнёрство» (вкладка «Заполнить отчёт») и загрузите дорожную карту снова.",
    en: "There is no Partnership sheet: the indicator \"Percentage of planned road-map activities completed\" is not linked to the road map. Insert the Partnership section (Fill in the report) and load the road map again.",
  },
  partnershipNoRow: {
    ru: "На листе «{sheet}» нет строки показателя events_done_share: обновите листы отчёта и загрузите дорожную карту снова.",
    en: "The sheet «{sheet}» has no events_done_share row: update the report sheets and load the road map again.",
  },
  typedKept: {
    ru: "«{sheet}», {period}: процент выполнения мероприятий уже введён вручную и не заменён. Чтобы брать его из дорожной карты, очистите ячейку и загрузите дорожную карту снова.",
    en: "«{sheet}», {period}: the share of events done was typed by hand and was not replaced. To take it from the road map, clear the cell and load the road map again.",
  },
  orphans: {
    ru: "Строк прежней дорожной карты нет в новой вставке: {n}. Они сохранены внизу листа под заголовком «Не найдено в новой вставке», потому что в них введены статус, дата или примечание.",
    en: "Rows of the previous road map not in the new paste: {n}. They are kept at the end of the sheet under «Not in the new paste» because a status, date or note was typed in them.",
  },
} satisfies Record<string, Text>;

/** Selections taller than this are refused (a road map has tens or hundreds of rows). */
const MAX_ROWS = 5000;

const fillText = (t: Text, vars: Record<string, string | number>): Text => ({
  ru: t.ru.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)),
  en: t.en.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)),
});

const stop = (code: string, message: Text): CommandStop => new CommandStop({ code, message });

/** The values of `used` placed where they sit in `selected` (blank rows and columns before it kept). */
function gridOf(selectedAddress: string, usedAddress: string, values: unknown[][]): unknown[][] {
  const sel = parseRangeAddress(localAddress(selectedAddress));
  const used = parseRangeAddress(localAddress(usedAddress));
  const dr = sel && used ? Math.max(0, used.row1 - sel.row1) : 0;
  const dc = sel && used ? Math.max(0, used.col1 - sel.col1) : 0;
  const pad = Array.from({ length: dc }, () => "");
  return [...Array.from({ length: dr }, () => [] as unknown[]), ...values.map((r) => [...pad, ...r])];
}

/** Load the road map from the selection (see the module comment). Never throws. */
export async function importRoadmap(o: RoadmapImportOptions): Promise<CommandResult<RoadmapImportResult>> {
  const lang: Lang = o?.lang === "en" ? "en" : "ru";
  const today = typeof o?.today === "string" && /^\d{4}-\d{2}-\d{2}$/.test(o.today) ? o.today : todayIso();
  const table = o?.table && Array.isArray(o.table.rows) ? o.table : null;
  return session<RoadmapImportResult, Selection | null>(
    async (s, sel) => {
      let grid: unknown[][];
      let formats: unknown[][] | undefined;
      let source: string;
      if (table || !sel) {
        grid = table?.rows ?? [];
        source = shownText(String(table?.label ?? ""), 200);
        if (grid.length > MAX_ROWS) throw stop("selectionTooLarge", fillText(ERR.tooLarge, { n: grid.length }));
      } else {
        const { selected, used, sheet } = sel;
        const sheetName = sheet.name;
        if (s.read.ours.some((x) => x.name === sheetName)) throw stop("selectionIsOurs", fillText(ERR.ours, { sheet: sheetName }));
        if (selected.rowCount < 2) throw stop("selectionTooSmall", ERR.tooSmall);
        if (used.isNullObject) throw stop("selectionEmpty", ERR.empty);
        if (used.rowCount > MAX_ROWS) throw stop("selectionTooLarge", fillText(ERR.tooLarge, { n: used.rowCount }));
        grid = gridOf(selected.address, used.address, used.values as unknown[][]);
        // Number formats tell a month Excel turned into a date («Март 2022» → 01.03.2022, "mmmm yyyy").
        formats = gridOf(selected.address, used.address, used.numberFormat as unknown[][]);
        source = `${sheetName}!${localAddress(used.address)}`;
      }

      const parse = recognizeRoadmap(grid, lang, formats);
      if (parse.headerRow < 0) throw stop("noHeader", parse.findings[0]?.message ?? ERR.noEvents);
      if (parse.events.length === 0) throw stop("noEvents", ERR.noEvents);

      // The programme's years written above the table («… на 2025–2026 гг.»), when no years were given.
      const titled = validYears(o?.years) ? null : programYearsFrom(grid.slice(0, parse.headerRow).flatMap((r) => (Array.isArray(r) ? r.filter((c) => typeof c === "string") : [])));
      const existing = existingOf(s.read, "roadmap");
      const chosen = titled ? { years: titled.years, source: "title" as const } : chooseProgramYears(parse.events, {
        option: o?.years,
        sheet: existing ? readRoadmapSheet(existing).years : null,
        reportYear: s.report.schoolYear ?? (s.report.periods.length ? s.report.periods.reduce((m, p) => Math.max(m, p.startYear), -Infinity) : null),
        today,
      });
      const expanded = expandEvents(parse.events, chosen.years);
      const name = existing?.name ?? freeSheetName(ROADMAP_SHEET_NAME[lang], s.read.sheetNames);
      const built = buildRoadmapSheet({
        name, lang, school: s.report.school, expanded, years: chosen.years, periods: s.report.periods, existing,
      });
      const findings: RoadmapFinding[] = parse.findings.map((f) => ({ code: "paste", severity: "warning", message: f.message }));
      if (built.orphans > 0) findings.push({ code: "orphans", severity: "info", message: fillText(MSG.orphans, { n: built.orphans }) });

      await apply(s, lang, [built.sheet], roadmapStyles(lang));
      const link = await linkPartnership(s, name, built.summaryRowOf, findings);
      activate(s, name);
      return {
        sheet: name,
        created: !existing,
        source,
        events: parse.events.length,
        occurrences: expanded.length,
        groups: parse.groups.length,
        unparsed: built.unparsed,
        undated: built.undated,
        kept: built.kept,
        orphans: built.orphans,
        years: chosen.years,
        yearsSource: chosen.source,
        partnership: link.state,
        linked: link.linked,
        findings,
      };
    },
    table ? () => null : loadSelection,
    "roadmap",
  );
}

interface Selection {
  selected: Excel.Range;
  /** The selection trimmed to its cells with values. */
  used: Excel.Range;
  sheet: Excel.Worksheet;
}

/** Queued before the first sync of the read: the selection's address, size, sheet and values. */
function loadSelection(context: Excel.RequestContext): Selection {
  const selected = context.workbook.getSelectedRange();
  selected.load("address,rowCount");
  const sheet = selected.worksheet;
  sheet.load("name");
  const used = selected.getUsedRangeOrNullObject(true);
  used.load("address,rowCount,values,numberFormat");
  return { selected, used, sheet };
}

/**
 * Queue the links: every events_done_share input cell of an H or Y period that is empty (or already
 * holds our link) gets the formula showing the road map's % done of that period; a typed value is
 * left alone and reported.
 */
async function linkPartnership(
  s: Session,
  roadmapName: string,
  summaryRowOf: Record<string, number>,
  findings: RoadmapFinding[],
): Promise<{ state: RoadmapImportResult["partnership"]; linked: string[] }> {
  const part = existingOf(s.read, "partnership");
  if (!part) {
    findings.push({ code: "partnershipAbsent", severity: "info", message: MSG.partnershipAbsent });
    return { state: "absent", linked: [] };
  }
  const ind = getIndicator("events_done_share");
  const cells = s.report.cells.events_done_share;
  if (!ind || !cells || cells[Object.keys(cells)[0]]?.sheet !== part.name) {
    findings.push({ code: "partnershipNoRow", severity: "warning", message: fillText(MSG.partnershipNoRow, { sheet: part.name }) });
    return { state: "noRow", linked: [] };
  }
  const ws = s.context.workbook.worksheets.getItem(part.name);
  const linked: string[] = [];
  for (const p of s.report.periods) {
    const key = periodKey(p);
    const cell = cells[key];
    if (!cell || !appliesTo(ind, p) || !summaryRowOf[key]) continue;
    const typed = part.formulas[cell.row - 1]?.[cell.col - 1];
    const blank = typed === null || typed === undefined || (typeof typed === "string" && typed.trim() === "");
    if (!blank && !isRoadmapLink(typed)) {
      findings.push({
        code: "typedKept",
        severity: "warning",
        message: { ru: fillText(MSG.typedKept, { sheet: part.name, period: formatPeriod(p, "ru") }).ru, en: fillText(MSG.typedKept, { sheet: part.name, period: formatPeriod(p, "en") }).en },
      });
      continue;
    }
    const formula = roadmapLinkFormula(roadmapName, key);
    await s.budget.reserve(size([[formula]]) + 10, officeBytes({ ranges: 1, actions: 2 }));
    ws.getRange(cellAddress(cell.row, cell.col)).formulas = [[formula]];
    linked.push(key);
  }
  return { state: "linked", linked };
}
