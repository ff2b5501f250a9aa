/**
 * The road map (issue 9) through the simulated Excel host: paste → select → «Загрузить дорожную
 * карту» → the «Дорожная карта» sheet → statuses typed → % done per period (native formulas,
 * evaluated by HyperFormula) → «Партнёрство» linked → overdue events on «Риски» → re-import keeps
 * what was typed. Expected figures are counted by hand from the fixture (see the comments).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { LAYOUT } from "../../src/core/layout";
import { cellAddress, columnLetter } from "../../src/core/layout/grid";
import { ROADMAP } from "../../src/core/layout/roadmapSheet";
import { RISKS } from "../../src/core/layout/risksSheet";
import { insertReport } from "../../src/excel/insertReport";
import { refreshRisks } from "../../src/excel/commands";
import { importRoadmap } from "../../src/excel/roadmap";
import type { Period } from "../../src/core/types";
import { periodKey } from "../../src/core/periods";
import { trackPeriod } from "../../src/core/roadmap";
import { trackedRows } from "../../src/core/layout/roadmapRead";
import { PASTE } from "./roadmap-fixture";
import { ok } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const PERIODS = [P(2023, "Q1"), P(2023, "H1"), P(2023, "Y"), P(2024, "H1")];
const SHEET = "Дорожная карта";
const PART = "Партнёрство";
const PASTE_SHEET = "Вставка";
/** The paste sits at B2; the selection A1:G<n> has a blank first row and column. */
const PASTE_AT = "B2";
const SELECTION = `A1:G${PASTE.length + 1}`;

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

async function paste(rows: string[][], sheet = PASTE_SHEET, selection = SELECTION): Promise<void> {
  await Excel.run(async (context) => {
    const ws = host.inspect.sheetNames().some((s) => s.name === sheet) ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.add(sheet);
    ws.getRange("A1:Z200").clear();
    const width = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
    ws.getRange(`${PASTE_AT}:${columnLetter(1 + width)}${1 + grid.length}`).values = grid;
    ws.getRange(selection).select();
    await context.sync();
  });
}

/** A report for 2023/24 with «Партнёрство», and the road map pasted into «Вставка». */
async function workbook(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  const r = await insertReport({ school: "МБОУ СОШ № 7", schoolYear: 2023, periods: PERIODS, sections: ["subject", "partnership"], lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
  await paste(PASTE);
  host.resetStats();
}

function expectBudget(): void {
  expect(host.stats.syncs).toBeLessThanOrEqual(3);
  expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
}

const grid = (sheet = SHEET) => host.inspect.grid(sheet);
/** The sheet row (1-based) of the n-th occurrence of event `number`. */
function rowOf(number: string, nth = 0): number {
  const rows = grid().cells.map((c, i) => ({ key: String(c[ROADMAP.keyCol - 1]?.value ?? ""), i })).filter((x) => x.key.startsWith(`${number}|`));
  if (!rows[nth]) throw new Error(`no row for ${number} #${nth}`);
  return rows[nth].i + 1;
}
const cell = (row: number, col: number, sheet = SHEET) => host.inspect.cell(sheet, cellAddress(row, col));
function typeIn(row: number, col: number, input: string): void {
  const r = host.inspect.userEdit(SHEET, cellAddress(row, col), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}
const setStatus = (number: string, nth: number, status: string) => typeIn(rowOf(number, nth), ROADMAP.statusCol, status);
function summary(key: string): { due: unknown; done: unknown; overdue: unknown; share: unknown } {
  const row = grid().cells.findIndex((c) => c[ROADMAP.sumKeyCol - 1]?.value === key) + 1;
  if (row < 1) throw new Error(`no summary row ${key}`);
  const v = (col: number) => cell(row, col).value;
  return { due: v(ROADMAP.sumDueCol), done: v(ROADMAP.sumDoneCol), overdue: v(ROADMAP.sumOverdueCol), share: v(ROADMAP.sumShareCol) };
}
/** The events_done_share value cell of a period on «Партнёрство». */
function partnershipCell(key: string): string {
  const g = grid(PART);
  const row = g.cells.findIndex((c) => c[LAYOUT.idCol - 1]?.value === "events_done_share") + 1;
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  return cellAddress(row, col);
}

describe("importRoadmap: paste → «Дорожная карта»", () => {
  beforeAll(workbook);

  it("writes the standard sheet from the selection within 3 syncs, leaving the paste untouched", async () => {
    const before = grid(PASTE_SHEET);
    // A value typed by hand for 2024/25 H1 must survive the link.
    expect(host.inspect.userEdit(PART, partnershipCell("2024/25-H1"), "50%").ok).toBe(true);
    host.resetStats();
    const r = ok(await importRoadmap({ lang: "ru", today: "2024-01-10" }));
    expectBudget();
    expect(grid(PASTE_SHEET)).toEqual(before);
    expect(r).toMatchObject({
      sheet: SHEET, created: true, source: `${PASTE_SHEET}!B2:G27`,
      // 19 events (1.4 was split over two rows), 33 rows: 1.3 ×8 quarters, 2.2 ×2, 2.4 ×4, 3.5 ×2, 4.3 ×2, 4.4 ×2.
      events: 19, occurrences: 33, groups: 4, undated: 3, unparsed: ["скоро, после каникул"], kept: 0, orphans: 0,
      years: { firstYear: 2023, lastYear: 2024 }, yearsSource: "deadlines", partnership: "linked", linked: ["2023/24-H1", "2023/24-Y"],
    });
    expect(r.findings.map((f) => f.code)).toEqual(["typedKept"]);
    expect(r.findings[0].message.ru).toMatch(/^«Партнёрство», I полугодие 2024\/25: процент выполнения мероприятий уже введён вручную/);
    expect(host.inspect.activeSheet()).toBe(SHEET);

    const g = grid();
    expect(g.cells[0][0].value).toBe("shnor-monitor:v1:roadmap");
    expect(g.cells[ROADMAP.headerRow - 1].slice(1, 13).map((c) => c.value)).toEqual([
      "№", "Мероприятие", "Сроки", "Начало", "Окончание", "Ответственные", "Целевая группа", "Ожидаемый результат", "Статус", "Дата выполнения", "Примечание", "Отметка",
    ]);
    // Group rows: bold headings over the row, in paste order.
    const groups = g.cells.filter((c) => c[0]?.value === "#group").map((c) => c[1].value);
    expect(groups).toEqual([
      "1. Координация и управление",
      "2. Повышение профессиональной компетентности педагогических и управленческих кадров",
      "3. Организационно-методическое сопровождение",
      "4. Мониторинг и оценка качества",
    ]);
    const heading = g.cells.findIndex((c) => c[0]?.value === "#group") + 1;
    expect(cell(heading, ROADMAP.numberCol).bold).toBe(true);
    expect(g.merges).toContain(`B${heading}:M${heading}`);
    // The split row is one event with joined texts.
    const r14 = rowOf("1.4");
    expect(cell(r14, ROADMAP.titleCol).value).toBe("Промежуточный мониторинг реализации программы поддержки");
    expect(cell(r14, ROADMAP.responsibleCol).value).toBe("Заместитель директора Иванова И.И.");
    expect(cell(r14, ROADMAP.deadlineCol).value).toBe("Январь 2024 – выезд в школу");
    // Dates are Excel dates shown dd.mm.yyyy.
    const start = cell(r14, ROADMAP.startCol);
    expect([start.text, cell(r14, ROADMAP.endCol).text, start.numberFormat]).toEqual(["01.01.2024", "31.01.2024", "dd.mm.yyyy"]);
    expect(start.locked).toBe(true);
    // Inputs: yellow, unlocked; status «план» by default, with the list in Russian.
    const status = cell(r14, ROADMAP.statusCol);
    expect([status.value, status.fill, status.locked]).toEqual(["план", "#FFF2CC", false]);
    expect(status.validation?.rule).toMatchObject({ list: { source: "план,выполнено,перенесено,отменено" } });
    expect(cell(r14, ROADMAP.doneCol).locked).toBe(false);
    expect(cell(r14, ROADMAP.noteCol).locked).toBe(false);
    expect(host.inspect.protection(SHEET).protected).toBe(true);
    // Undated and unparsed rows have no dates; the unparsed deadline is flagged.
    const r45 = rowOf("4.5");
    expect([cell(r45, ROADMAP.startCol).value, cell(r45, ROADMAP.endCol).value]).toEqual(["", ""]);
    expect(cell(r45, ROADMAP.deadlineCol).fill).toBe("#F4B084");
    expect(cell(r45, ROADMAP.flagCol).value).toBe("срок не распознан");
    expect(cell(rowOf("3.1"), ROADMAP.flagCol).value).toBe("без фиксированного срока");
    expect(cell(rowOf("3.1"), ROADMAP.endCol).value).toBe("");
    // A recurring deadline: one row per occurrence.
    expect([1, 2, 3].map((n) => cell(rowOf("2.4", n), ROADMAP.endCol).text)).toEqual(["10.04.2024", "10.11.2024", "10.04.2025"]);
  });

  it("computes due / done / overdue / % per period live from typed statuses", async () => {
    // Nothing done yet: H1 2023/24 has 8 rows ending by 31.12.2023 (1.1, 1.2, 1.3 ×2, 2.3, 2.4, 4.1, 4.2).
    expect(summary("2023/24-H1")).toEqual({ due: 8, done: 0, overdue: 8, share: 0 });
    expect(cell(grid().cells.findIndex((c) => c[ROADMAP.sumKeyCol - 1]?.value === "2023/24-H1") + 1, ROADMAP.sumEndCol).text).toBe("31.12.2023");
    setStatus("1.1", 0, "выполнено");
    setStatus("1.2", 0, "Выполнено");
    setStatus("1.3", 0, "выполнено");
    setStatus("1.3", 1, "перенесено");
    setStatus("2.3", 0, "выполнено");
    setStatus("2.4", 0, "отменено");
    typeIn(rowOf("4.1"), ROADMAP.statusCol, ""); // empty counts as «план»
    // Q1 (by 31.10.2023): 1.1, 1.2, 1.3 #1 — all done.
    expect(summary("2023/24-Q1")).toEqual({ due: 3, done: 3, overdue: 0, share: 1 });
    // H1: 8 rows − 1 cancelled = 7 due, 4 done, 3 overdue.
    const h1 = summary("2023/24-H1");
    expect([h1.due, h1.done, h1.overdue]).toEqual([7, 4, 3]);
    expect(h1.share).toBeCloseTo(4 / 7, 9);
    // The year (by 31.08.2024) adds 10 rows; 1.4 and 2.1 done (an English label counts too), 3.2 cancelled.
    setStatus("1.4", 0, "выполнено");
    setStatus("2.1", 0, "done");
    setStatus("3.2", 0, "отменено");
    const y = summary("2023/24-Y");
    expect([y.due, y.done, y.overdue]).toEqual([16, 6, 10]);
    expect(y.share).toBeCloseTo(0.375, 12);
    // 2024/25 H1 (by 31.12.2024): 4 more rows (1.3 ×2, 2.4, 4.6).
    const h2 = summary("2024/25-H1");
    expect([h2.due, h2.done, h2.overdue]).toEqual([20, 6, 14]);
    expect(h2.share).toBeCloseTo(0.3, 12);
    // Overdue rows turn red by a conditional format on TODAY() (all these deadlines have passed).
    expect(cell(rowOf("1.3", 1), ROADMAP.titleCol).conditionalFontColor).toBe("#C00000");
    expect(cell(rowOf("1.1"), ROADMAP.titleCol).conditionalFontColor).toBeNull();
    expect(cell(rowOf("2.4"), ROADMAP.titleCol).conditionalFontColor).toBeNull();
    // The add-in's own reading of the sheet (used for «Риски») agrees with the native formulas.
    const g = grid();
    const rows = trackedRows({ values: g.cells.map((r) => r.map((c) => c.value)), formulas: g.cells.map((r) => r.map((c) => c.formula ?? c.value)) });
    for (const p of PERIODS) {
      const t = trackPeriod(rows, p);
      const f = summary(periodKey(p));
      expect([f.due, f.done, f.overdue]).toEqual([t.due, t.done, t.overdue.length]);
      expect(f.share).toBeCloseTo(t.share as number, 9);
    }
    // A status typed by mistake is warned about, not refused.
    const w = host.inspect.userEdit(SHEET, cellAddress(rowOf("4.2"), ROADMAP.statusCol), "почти");
    expect(w.ok && w.warning?.message.ru).toBe("Выберите статус из списка.");
    typeIn(rowOf("4.2"), ROADMAP.statusCol, "план");
  });

  it("links «Партнёрство» to the road map's % done where the cell was empty", () => {
    const h1 = host.inspect.cell(PART, partnershipCell("2023/24-H1"));
    expect(h1.formula).toMatch(/MATCH\("2023\/24-H1"/);
    expect(h1.value).toBeCloseTo(4 / 7, 9);
    expect(host.inspect.cell(PART, partnershipCell("2023/24-Y")).value).toBeCloseTo(0.375, 12);
    // The typed value stays; the quarter is not reported for this indicator (no link).
    const typed = host.inspect.cell(PART, partnershipCell("2024/25-H1"));
    expect([typed.value, typed.formula]).toEqual([0.5, null]);
    expect(host.inspect.cell(PART, partnershipCell("2023/24-Q1")).formula).toBeNull();
  });

  it("keeps the links when the report sheets are inserted again", async () => {
    const r = await insertReport({ school: "МБОУ СОШ № 7", schoolYear: 2023, periods: PERIODS, sections: ["subject", "partnership"], lang: "ru" });
    expect(r.ok).toBe(true);
    const h1 = host.inspect.cell(PART, partnershipCell("2023/24-H1"));
    expect(h1.formula).toMatch(/MATCH\("2023\/24-H1"/);
    expect(h1.value).toBeCloseTo(4 / 7, 9);
    expect(host.inspect.cell(PART, partnershipCell("2024/25-H1")).value).toBe(0.5);
  });

  it("lists overdue events with their responsible person on «Риски»", async () => {
    host.resetStats();
    // The latest report period (2024/25 H1) has not ended on 15.09.2024: overdue at that date.
    const r = ok(await refreshRisks({ lang: "ru", today: "2024-09-15" }));
    expectBudget();
    // Due by 15.09.2024: the year's 18 rows; 6 done, 2 cancelled → 10 overdue.
    expect(r.overdueEvents).toBe(10);
    const g = grid("Риски");
    const title = g.cells.findIndex((c) => String(c[RISKS.kindCol - 1]?.value).startsWith("Просроченные мероприятия дорожной карты"));
    expect(g.cells[title][RISKS.kindCol - 1].value).toBe("Просроченные мероприятия дорожной карты на 15.09.2024");
    const lines = g.cells.slice(title + 2, title + 12).map((c) => [c[RISKS.kindCol - 1].value, c[RISKS.valueCol - 1].text, c[RISKS.targetCol - 1].value]);
    expect(lines).toEqual([
      ["1.3", "31.12.2023", "перенесено"],
      ["4.1", "31.12.2023", "план"],
      ["4.2", "31.12.2023", "план"],
      ["1.3", "31.03.2024", "план"],
      ["2.4", "10.04.2024", "план"],
      ["1.3", "31.05.2024", "план"],
      ["2.2", "31.05.2024", "план"],
      ["4.3", "31.05.2024", "план"],
      ["3.5", "30.06.2024", "план"],
      ["4.4", "31.08.2024", "план"],
    ]);
    expect(g.cells[title + 2][RISKS.textCol - 1].value).toBe("Директор Петров П.П.");
    expect(g.cells[title + 2][RISKS.nameCol - 1].value).toBe("Заседания рабочей группы");
    expect(String(g.cells[RISKS.summaryRow - 1][RISKS.kindCol - 1].value)).toMatch(/Просроченных мероприятий дорожной карты: 10\.$/);
    // After the period has ended: overdue at its end (31.12.2024): 20 due − 6 done = 14.
    const later = ok(await refreshRisks({ lang: "ru", today: "2025-02-01" }));
    expect(later.overdueEvents).toBe(14);
    expect(grid("Риски").cells.some((c) => c[RISKS.kindCol - 1]?.value === "Просроченные мероприятия дорожной карты на 31.12.2024 (I полугодие 2024/25)")).toBe(true);
  });
});

describe("importRoadmap: round trip", () => {
  beforeAll(async () => {
    await workbook();
    ok(await importRoadmap({ lang: "ru", today: "2024-01-10" }));
    setStatus("1.1", 0, "выполнено");
    typeIn(rowOf("1.1"), ROADMAP.doneCol, "28.09.2023");
    setStatus("2.3", 0, "выполнено");
    typeIn(rowOf("2.3"), ROADMAP.noteCol, "Провели вместе со школой-наставником");
    setStatus("1.3", 1, "перенесено");
    typeIn(rowOf("3.1"), ROADMAP.noteCol, "по запросу учителей");
    setStatus("4.2", 0, "план");
  });

  const typed = (number: string, nth = 0) => {
    const r = rowOf(number, nth);
    return [cell(r, ROADMAP.statusCol).value, cell(r, ROADMAP.doneCol).text, cell(r, ROADMAP.noteCol).value];
  };

  it("re-importing the same paste keeps every status, date and note", async () => {
    const before = grid().cells.map((c) => c.slice(0, 13).map((x) => x.text));
    host.resetStats();
    const r = ok(await importRoadmap({ lang: "ru", today: "2024-01-10" }));
    expectBudget();
    expect(r).toMatchObject({ created: false, sheet: SHEET, kept: 4, orphans: 0, occurrences: 33 });
    expect(grid().cells.map((c) => c.slice(0, 13).map((x) => x.text))).toEqual(before);
    expect(typed("1.1")).toEqual(["выполнено", "28.09.2023", ""]);
    // The date typed as text is now an Excel date.
    expect(cell(rowOf("1.1"), ROADMAP.doneCol).value).toBe(45197);
    expect(typed("1.3", 1)).toEqual(["перенесено", "", ""]);
    expect(host.inspect.sheetNames().filter((s) => s.name.startsWith(SHEET))).toHaveLength(1);
  });

  it("an edited paste keeps typed rows by key; a removed event with a status moves under «Не найдено в новой вставке»", async () => {
    const edited = PASTE
      .filter((row) => row[0] !== "2.3" && row[0] !== "4.6")
      .map((row) => (row[0] === "1.1" ? [row[0], "Создание  рабочей группы по реализации программы.", ...row.slice(2)] : row));
    edited.push(["4.7", "Итоговая конференция", "Май 2025", "Директор Петров П.П.", "Педагоги", "Резолюция"]);
    await paste(edited);
    host.resetStats();
    const r = ok(await importRoadmap({ lang: "ru", today: "2024-01-10" }));
    expectBudget();
    // 1.1, 1.3 #2 and 3.1 found again; 2.3 (done, with a note) kept apart; 4.6 (nothing typed) dropped.
    expect(r).toMatchObject({ events: 18, occurrences: 32, kept: 3, orphans: 1 });
    expect(r.findings.map((f) => f.code)).toContain("orphans");
    expect(typed("1.1")).toEqual(["выполнено", "28.09.2023", ""]);
    expect(cell(rowOf("1.1"), ROADMAP.titleCol).value).toBe("Создание рабочей группы по реализации программы.");
    expect(typed("1.3", 1)).toEqual(["перенесено", "", ""]);
    expect(typed("3.1")).toEqual(["план", "", "по запросу учителей"]);
    expect(() => rowOf("4.6")).toThrow();
    const g = grid();
    const orphans = g.cells.findIndex((c) => c[0]?.value === "#orphans") + 1;
    expect(cell(orphans, ROADMAP.numberCol).value).toBe("Не найдено в новой вставке");
    expect(rowOf("2.3")).toBe(orphans + 1);
    expect(typed("2.3")).toEqual(["выполнено", "", "Провели вместе со школой-наставником"]);
    expect(cell(rowOf("2.3"), ROADMAP.endCol).text).toBe("20.12.2023");
    expect(rowOf("4.7")).toBeLessThan(orphans);
    // The kept row no longer counts: H1 has 7 rows (1.1, 1.2, 1.3 ×2, 2.4, 4.1, 4.2); 1.1 done, 1.3 #2 postponed.
    const h1 = summary("2023/24-H1");
    expect([h1.due, h1.done, h1.overdue]).toEqual([7, 1, 6]);
    // Importing once more keeps the kept row where it is.
    const again = ok(await importRoadmap({ lang: "ru", today: "2024-01-10" }));
    expect(again).toMatchObject({ orphans: 1, kept: 3 });
    expect(typed("2.3")).toEqual(["выполнено", "", "Провели вместе со школой-наставником"]);
  });
});

describe("importRoadmap: bad selections", () => {
  beforeAll(workbook);

  const fails = async (code: string) => {
    const r = await importRoadmap({ lang: "ru" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
    return r.ok ? null : r.error.message;
  };

  it("a single cell, an empty range, a table without headers, or a sheet of ours: a clear message, nothing written", async () => {
    const names = host.inspect.sheetNames().map((s) => s.name);
    await paste(PASTE, PASTE_SHEET, "B2");
    expect((await fails("selectionTooSmall"))?.ru).toMatch(/Выделите всю вставленную таблицу/);
    await paste(PASTE, PASTE_SHEET, "K1:M5");
    expect((await fails("selectionEmpty"))?.ru).toMatch(/Выделенный диапазон пуст/);
    await paste([["Петров", "сентябрь"], ["Иванов", "октябрь"]]);
    expect((await fails("noHeader"))?.ru).toMatch(/Не найдена строка заголовков/);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(PART).getRange("A1:D10").select();
      await context.sync();
    });
    expect((await fails("selectionIsOurs"))?.ru).toBe("Выделен лист, созданный надстройкой («Партнёрство»). Вставьте таблицу из Word на другой лист, выделите её и повторите.");
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(names);
  });
});

describe("importRoadmap without a report", () => {
  it("builds the sheet in English with the program's half-years and says «Партнёрство» is absent", async () => {
    restore?.();
    host = createSimHost({ plugins: [registerEduFunctions()] });
    restore = installSimHost(host);
    await paste(PASTE);
    const r = ok(await importRoadmap({ lang: "en", years: { firstYear: 2023, lastYear: 2023 } }));
    expect(r).toMatchObject({ sheet: "Road map", years: { firstYear: 2023, lastYear: 2023 }, yearsSource: "option", partnership: "absent", linked: [] });
    expect(r.findings.map((f) => f.code)).toEqual(["partnershipAbsent"]);
    // Recurring deadlines over one year only: 1.3 ×4, 2.2, 2.4 ×2, 3.5, 4.3 (its two years are dated), 4.4.
    expect(r.occurrences).toBe(19 - 6 + 4 + 1 + 2 + 1 + 2 + 1);
    const keys = grid("Road map").cells.map((c) => c[ROADMAP.sumKeyCol - 1]?.value).filter((v) => typeof v === "string" && /^\d{4}/.test(v));
    expect(keys).toEqual(["2023/24-H1", "2023/24-H2", "2023/24-Y"]);
    const status = host.inspect.cell("Road map", cellAddress(rowOfIn("Road map", "1.1"), ROADMAP.statusCol));
    expect(status.value).toBe("planned");
    expect(status.validation?.rule).toMatchObject({ list: { source: "planned,done,postponed,cancelled" } });
  });
});

function rowOfIn(sheet: string, number: string): number {
  return host.inspect.grid(sheet).cells.findIndex((c) => String(c[0]?.value ?? "").startsWith(`${number}|`)) + 1;
}
