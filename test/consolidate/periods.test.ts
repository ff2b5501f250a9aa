/**
 * Several periods side by side on «Свод» (core): each chosen period a column block with the
 * schools' values, the municipal total and the ranks; «Данные» carries every period.
 */
import { choosePeriods, consolidate, MAX_SHEET_COLUMNS, SUMMARY, summaryBlockCols, summaryWidth } from "../../src/core/consolidate";
import type { Period } from "../../src/core/types";
import { report } from "./fixtures";

const H1: Period = { startYear: 2023, kind: "H1" };
const Y: Period = { startYear: 2023, kind: "Y" };
const E: Period = { startYear: 2023, kind: "E" };
const KY = "2023/24-Y";
const KE = "2023/24-E";

const a = report("Школа А", [H1, Y, E], {
  students_assessed: { [KY]: 100, "2023/24-H1": 100 }, quality_4_5: { [KY]: 50, "2023/24-H1": 30 },
  grads_9: { [KE]: 10 }, gia9_rus_avg: { [KE]: 4.0 }, gia9_rus_fail: { [KE]: 1 },
});
const b = report("Школа Б", [Y, E], {
  students_assessed: { [KY]: 300 }, quality_4_5: { [KY]: 60 },
  grads_9: { [KE]: 30 }, gia9_rus_avg: { [KE]: 3.0 }, gia9_rus_fail: { [KE]: 0 },
});
const src = [{ label: "a.xlsx", report: a }, { label: "b.xlsx", report: b }];
const target = { indicatorId: "quality_4_5", value: 0.38, direction: "atLeast" as const, deadline: Y, milestones: [], margin: 0.02 };

describe("choosePeriods", () => {
  const counts = [{ period: H1, schools: 1 }, { period: Y, schools: 2 }, { period: E, schools: 2 }];
  it.each([
    ["nothing chosen: the automatic period only", null, [E]],
    ["an empty list: the automatic period only", [], [E]],
    ["one period", Y, [Y]],
    ["several, given in any order, with a repeat: chronological, once each", [E, Y, E, H1], [H1, Y, E]],
  ])("%s", (_, given, expected) => {
    expect(choosePeriods(given as Period | Period[] | null, counts)).toEqual(expected);
  });
});

describe("block geometry", () => {
  it("keeps the single-period columns for the first block and puts further blocks after it", () => {
    expect(summaryBlockCols(0, 3)).toEqual({ total: SUMMARY.totalCol, schools: SUMMARY.schoolsCol, firstSchool: SUMMARY.firstSchoolCol, last: 15 });
    expect(summaryBlockCols(1, 3)).toEqual({ total: 16, schools: 17, firstSchool: 18, last: 23 });
    expect(summaryBlockCols(2, 3)).toEqual({ total: 24, schools: 25, firstSchool: 26, last: 31 });
  });

  it("1,000 schools fit 8 periods on one sheet, not 9", () => {
    expect(summaryWidth(1000, 8)).toBeLessThanOrEqual(MAX_SHEET_COLUMNS);
    expect(summaryWidth(1000, 9)).toBeGreaterThan(MAX_SHEET_COLUMNS);
  });
});

describe("«Свод» of the school year and the exam session side by side", () => {
  const out = consolidate(src, { period: [E, Y], lang: "ru", targets: [target], summaryName: "Свод" })!;
  const cells = out.summary.cells;
  const row = (id: string) => cells.findIndex((r) => r[0]?.value === id);
  const at = (r: number, c: number) => cells[r]?.[c - 1]?.value;
  const [y, e] = [summaryBlockCols(0, 2), summaryBlockCols(1, 2)];

  it("chooses both, chronologically, the latest as the result's period", () => {
    expect(out.chosen).toEqual([Y, E]);
    expect(out.period).toEqual(E);
    expect(at(0, SUMMARY.nameCol)).toBe("Свод по муниципалитету: 2023/24 учебный год, ГИА-2024");
  });

  it("labels each block with its period (row 1, the total's header, the key row)", () => {
    expect([at(0, y.total), at(0, y.firstSchool), at(0, e.total)]).toEqual(["2023/24 учебный год", "2023/24 учебный год", "ГИА-2024"]);
    expect(out.summary.merges).toEqual(expect.arrayContaining(["E1:F1", "J1:M1", "N1:S1"]));
    expect(at(SUMMARY.headerRow - 1, e.total)).toBe("Итого по муниципалитету, ГИА-2024");
    expect([at(SUMMARY.keyRow - 1, y.total), at(SUMMARY.keyRow - 1, e.total)]).toEqual([KY, KE]);
    expect([at(SUMMARY.headerRow - 1, e.firstSchool), at(SUMMARY.headerRow - 1, e.firstSchool + 2)]).toEqual(["Школа А", "Школа Б"]);
    expect([at(SUMMARY.subHeaderRow - 1, e.firstSchool), at(SUMMARY.subHeaderRow - 1, e.firstSchool + 1)]).toEqual(["значение", "место"]);
  });

  it("per block: each school's value, the total from summed counts, the ranks", () => {
    const q = row("quality_4_5");
    expect(at(q, y.total)).toBeCloseTo(110 / 400, 12);
    expect([at(q, y.firstSchool), at(q, y.firstSchool + 1), at(q, y.firstSchool + 2), at(q, y.firstSchool + 3)]).toEqual([0.5, 1, 0.2, 2]);
    expect(at(q, e.total)).toBeUndefined(); // not an exam-session indicator: nothing in that block
    const g = row("gia9_rus_avg");
    expect(at(g, e.total)).toBeCloseTo((4 * 10 + 3 * 30) / 40, 12);
    expect([at(g, e.firstSchool + 1), at(g, e.firstSchool + 3)]).toEqual([1, 2]);
    expect(at(g, y.total)).toBeUndefined();
    const n = row("gia9_rus_fail");
    expect(at(n, e.total)).toBeCloseTo(1 / 40, 12);
    expect([at(n, e.firstSchool), at(n, e.firstSchool + 2)]).toEqual([0.1, 0]);
    expect([at(n, e.firstSchool + 1), at(n, e.firstSchool + 3)]).toEqual([2, 1]); // fewer «2» is better
  });

  it("judges the value columns of the blocks that have the indicator", () => {
    const q = row("quality_4_5") + 1;
    const statusCols = cells.flatMap((r) => r.flatMap((c, i) => (typeof c?.formula === "string" && c.formula.startsWith(`=IF(COUNT(`) && c.formula.includes(`${q},`) ? [i + 1] : [])));
    // The year block: total and both schools; the exam block has no quality figures, so no status cells there.
    expect(statusCols).toEqual([y.total, y.firstSchool, y.firstSchool + 2]);
  });

  it("«Данные» carries every period of the schools; findings name the chosen period a school lacks", () => {
    const keys = new Set(out.data.rows.map((r) => r[3]));
    expect([...keys].sort()).toEqual(["2023/24-E", "2023/24-H1", "2023/24-Y"]);
    const one = consolidate(src, { period: [H1, Y], lang: "ru", targets: [], summaryName: "Свод" })!;
    expect(one.findings.map((f) => [f.label, f.code, f.message.ru])).toEqual([["b.xlsx", "noPeriod", "«Школа Б»: нет данных за период «I полугодие 2023/24» — столбец школы пуст."]]);
  });

  it("the default is the automatic period alone, laid out as before", () => {
    const auto = consolidate(src, { period: null, lang: "ru", targets: [], summaryName: "Свод" })!;
    expect(auto.chosen).toEqual([E]);
    expect(auto.summary.cells[0].slice(SUMMARY.totalCol - 1).filter((c) => c?.value !== undefined)).toEqual([]);
    expect(auto.summary.cells[SUMMARY.headerRow - 1][SUMMARY.totalCol - 1]?.value).toBe("Итого по муниципалитету");
    expect(auto.summary.pageLayout?.printTitleRows).toBe("2:4");
  });
});
