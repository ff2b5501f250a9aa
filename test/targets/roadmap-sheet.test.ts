/** The «Дорожная карта» sheet builder and reader, the choice of program years, links and overdue events (pure). */
import { buildRoadmapSheet, isRoadmapLink, roadmapLinkFormula, ROADMAP, summaryPeriods } from "../../src/core/layout/roadmapSheet";
import { chooseProgramYears, hasTyped, overdueAt, readRoadmapSheet, trackedRows } from "../../src/core/layout/roadmapRead";
import { roadmapOverdue } from "../../src/core/layout/roadmapRead";
import { expandEvents, recognizeRoadmap, type RoadmapEvent, type TrackedEvent } from "../../src/core/roadmap";
import type { SheetPlan } from "../../src/core/plan";
import type { Period } from "../../src/core/types";
import { PASTE } from "./roadmap-fixture";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const ev = (number: string, deadlineText: string, title = `Мероприятие ${number}`): RoadmapEvent => ({
  number, title, deadlineText, responsible: "", targetGroup: "", result: "", group: "", sourceRows: [0],
});

/** What Excel would give back for a plan: computed values are not needed by the reader. */
function asRead(sheet: SheetPlan): { values: unknown[][]; formulas: unknown[][] } {
  return {
    values: sheet.cells.map((r) => r.map((c) => c?.value ?? "")),
    formulas: sheet.cells.map((r) => r.map((c) => c?.formula ?? c?.value ?? "")),
  };
}

function setCell(g: { values: unknown[][]; formulas: unknown[][] }, row: number, col: number, v: unknown): void {
  for (const grid of [g.values, g.formulas]) {
    while (grid[row - 1].length < col) grid[row - 1].push("");
    grid[row - 1][col - 1] = v;
  }
}

describe("chooseProgramYears", () => {
  const today = "2024-02-10";
  it("takes valid years given by the caller", () => {
    expect(chooseProgramYears([ev("1", "Январь 2021")], { option: { firstYear: 2022, lastYear: 2023 }, today })).toEqual({ years: { firstYear: 2022, lastYear: 2023 }, source: "option" });
  });
  it("ignores invalid years given by the caller", () => {
    expect(chooseProgramYears([], { option: { firstYear: 2025, lastYear: 2023 }, reportYear: 2023, today }).source).toBe("report");
  });
  it("spans the school years the dated deadlines name (start and end)", () => {
    const events = [ev("1", "Январь 2021- декабрь 2023"), ev("2", "ежегодно"), ev("3", "По мере необходимости")];
    expect(chooseProgramYears(events, { reportYear: 2023, today })).toEqual({ years: { firstYear: 2020, lastYear: 2023 }, source: "deadlines" });
  });
  it("does not take the program start of «до X» as a date the road map names", () => {
    expect(chooseProgramYears([ev("1", "до 20.01.2026")], { reportYear: 2023, today }).years).toEqual({ firstYear: 2025, lastYear: 2025 });
  });
  it("without dated deadlines: the sheet's years, then the report's year and two more, then today's", () => {
    const events = [ev("1", "в течение учебного года")];
    expect(chooseProgramYears(events, { sheet: { firstYear: 2021, lastYear: 2022 }, reportYear: 2023, today })).toEqual({ years: { firstYear: 2021, lastYear: 2022 }, source: "sheet" });
    expect(chooseProgramYears(events, { reportYear: 2023, today })).toEqual({ years: { firstYear: 2023, lastYear: 2025 }, source: "report" });
    expect(chooseProgramYears(events, { today })).toEqual({ years: { firstYear: 2023, lastYear: 2025 }, source: "today" });
    expect(chooseProgramYears(events, { today: "2024-09-01" }).years).toEqual({ firstYear: 2024, lastYear: 2026 });
  });
});

describe("summaryPeriods", () => {
  it("lists the report's periods once, in order", () => {
    expect(summaryPeriods([P(2023, "Y"), P(2023, "Q1"), P(2023, "Y"), P(2022, "E")], { firstYear: 2023, lastYear: 2023 })).toEqual([P(2022, "E"), P(2023, "Q1"), P(2023, "Y")]);
  });
  it("without a report: H1, H2 and the year of each program year", () => {
    expect(summaryPeriods([], { firstYear: 2023, lastYear: 2024 })).toEqual([P(2023, "H1"), P(2023, "H2"), P(2023, "Y"), P(2024, "H1"), P(2024, "H2"), P(2024, "Y")]);
  });
});

describe("road-map links", () => {
  it("finds a period's % done by its key on the sheet", () => {
    expect(roadmapLinkFormula("Дорожная карта", "2023/24-H1")).toBe(`=IFERROR(INDEX('Дорожная карта'!$U:$U,MATCH("2023/24-H1",'Дорожная карта'!$P:$P,0)),"")`);
    expect(roadmapLinkFormula("Карта's", "2023/24-Y")).toBe(`=IFERROR(INDEX('Карта''s'!$U:$U,MATCH("2023/24-Y",'Карта''s'!$P:$P,0)),"")`);
  });
  it("tells our link from what the user typed", () => {
    expect(isRoadmapLink(roadmapLinkFormula("Road map", "2024/25-Y"))).toBe(true);
    expect(isRoadmapLink(`= IFERROR( INDEX(Roadmap!$U:$U, MATCH( "2024/25-Y", Roadmap!$P:$P, 0)), "")`)).toBe(true);
    for (const typed of ["=0.5", "=A1/B1", 0.5, "50%", `=INDEX(A:A,MATCH("x",B:B,0))`, null]) expect(isRoadmapLink(typed)).toBe(false);
  });
});

describe("buildRoadmapSheet", () => {
  const parse = recognizeRoadmap(PASTE);
  const years = { firstYear: 2023, lastYear: 2024 };
  const expanded = expandEvents(parse.events, years);
  const built = buildRoadmapSheet({ name: "Дорожная карта", lang: "ru", school: "Школа", expanded, years, periods: [P(2023, "H1"), P(2023, "Y")], existing: null });
  const keys = built.sheet.cells.map((r) => r[ROADMAP.keyCol - 1]?.value);

  it("writes the marker, the years, a row per occurrence and a heading per direction", () => {
    expect(keys[0]).toBe("shnor-monitor:v1:roadmap");
    expect(keys[ROADMAP.metaRow - 1]).toBe("years:2023-2024");
    expect(keys.filter((k) => k === "#group")).toHaveLength(4);
    expect(keys.filter((k) => typeof k === "string" && k.includes("|"))).toEqual(expanded.map((x) => x.key));
    expect(built).toMatchObject({ unparsed: ["скоро, после каникул"], undated: 3, kept: 0, orphans: 0 });
    expect(built.summaryRowOf).toEqual({ "2023/24-H1": ROADMAP.headerRow + 1, "2023/24-Y": ROADMAP.headerRow + 2 });
  });

  it("counts only the rows of the paste in the summary formulas", () => {
    const last = keys.length;
    const due = built.sheet.cells[ROADMAP.headerRow][ROADMAP.sumDueCol - 1]?.formula;
    expect(due).toBe(`=COUNTIFS($F$4:$F$${last},"<="&Q4)-COUNTIFS($F$4:$F$${last},"<="&Q4,$J$4:$J$${last},"отменено")-COUNTIFS($F$4:$F$${last},"<="&Q4,$J$4:$J$${last},"cancelled")`);
    expect(built.sheet.cells[ROADMAP.headerRow][ROADMAP.sumShareCol - 1]?.formula).toBe(`=IF(R4=0,"",S4/R4)`);
  });

  it("protects the sheet, leaves only status, date and note unlocked and validates the status", () => {
    expect(built.sheet.protection.protected).toBe(true);
    expect(built.sheet.validations.map((v) => [v.range, v.rule.kind])).toEqual([[`J4:J${keys.length}`, "list"], [`K4:K${keys.length}`, "decimal"]]);
    const row = keys.findIndex((k) => typeof k === "string" && k.startsWith("1.1|"));
    const styles = built.sheet.cells[row].map((c) => c?.style);
    expect(styles.slice(ROADMAP.statusCol - 1, ROADMAP.noteCol)).toEqual(["rm.in.status", "rm.in.date", "rm.in.note"]);
  });

  it("reads back what it wrote, and keeps typed cells and typed-in rows missing from a new paste", () => {
    const g = asRead(built.sheet);
    const rowOf = (n: string) => keys.findIndex((k) => typeof k === "string" && k.startsWith(`${n}|`)) + 1;
    setCell(g, rowOf("2.3"), ROADMAP.statusCol, "выполнено");
    setCell(g, rowOf("1.1"), ROADMAP.doneCol, 45197);
    setCell(g, rowOf("4.6"), ROADMAP.noteCol, "");
    const read = readRoadmapSheet(g);
    expect(read.years).toEqual(years);
    expect(read.rows.map((r) => r.key)).toEqual(expanded.map((x) => x.key));
    const r23 = read.rows.find((r) => r.key.startsWith("2.3|"));
    expect(r23).toMatchObject({ group: "2. Повышение профессиональной компетентности педагогических и управленческих кадров", start: "2023-12-20", end: "2023-12-20", status: "выполнено", orphan: false });
    // Without 2.3 and 4.6: 2.3 has a status and is kept apart; 4.6 (only «план») goes.
    const next = expanded.filter((x) => !x.key.startsWith("2.3|") && !x.key.startsWith("4.6|"));
    const again = buildRoadmapSheet({ name: "Дорожная карта", lang: "ru", school: "Школа", expanded: next, years, periods: [], existing: g });
    expect(again).toMatchObject({ kept: 1, orphans: 1 });
    const rows = readRoadmapSheet(asRead(again.sheet)).rows;
    expect(rows.filter((r) => r.orphan).map((r) => [r.key.slice(0, 4), r.status, r.end])).toEqual([["2.3|", "выполнено", "2023-12-20"]]);
    expect(rows.find((r) => r.key.startsWith("1.1|"))?.doneOn).toBe(45197);
    // Kept rows are not tracked (they are no longer part of the road map).
    expect(trackedRows(asRead(again.sheet)).some((t) => t.key.startsWith("2.3|"))).toBe(false);
  });

  it("says a row has typed content unless only «план» is in it", () => {
    expect(hasTyped({ status: "план", doneOn: null, note: null })).toBe(false);
    expect(hasTyped({ status: null, doneOn: null, note: null })).toBe(false);
    expect(hasTyped({ status: "Запланировано", doneOn: null, note: null })).toBe(false);
    expect(hasTyped({ status: "перенесено", doneOn: null, note: null })).toBe(true);
    expect(hasTyped({ status: "план", doneOn: 45197, note: null })).toBe(true);
    expect(hasTyped({ status: "план", doneOn: null, note: "комментарий" })).toBe(true);
  });
});

describe("overdue events", () => {
  const row = (n: string, end: string | null, status: TrackedEvent["status"]): TrackedEvent => ({
    key: `${n}|x|${end ?? "-"}`, event: ev(n, ""), deadline: end ? { kind: "dated", occurrences: [{ start: end, end }], recurring: false } : { kind: "undated", reason: "asNeeded" },
    occurrence: end ? { start: end, end } : null, status, completedOn: null, note: "",
  });
  const rows = [row("1", "2024-03-31", "planned"), row("2", "2023-10-20", "postponed"), row("3", "2023-12-31", "done"), row("4", "2023-11-30", "cancelled"), row("5", null, "planned"), row("6", "2024-06-30", "planned")];

  it("lists due rows neither done nor cancelled, by end date", () => {
    expect(overdueAt(rows, "2024-03-31").map((r) => r.event.number)).toEqual(["2", "1"]);
    expect(overdueAt(rows, "2023-10-19")).toEqual([]);
  });
  it("is counted at the end of the latest report period once it has ended, else at today", () => {
    const periods = [P(2023, "H1"), P(2023, "Y"), P(2023, "E")];
    expect(roadmapOverdue(rows, periods, "2024-09-10")).toMatchObject({ asOf: "2024-08-31", period: P(2023, "Y") });
    expect(roadmapOverdue(rows, periods, "2024-09-10").events.map((r) => r.event.number)).toEqual(["2", "1", "6"]);
    expect(roadmapOverdue(rows, periods, "2024-04-01")).toMatchObject({ asOf: "2024-04-01", period: null });
    expect(roadmapOverdue(rows, [], "2024-04-01").events.map((r) => r.event.number)).toEqual(["2", "1"]);
  });
});
