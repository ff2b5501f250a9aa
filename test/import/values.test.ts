/** Value cells in the forms real tables print them, and what a table's columns mean. */
import { columnMeaning, planImport, readCell } from "../../src/core/import";
import { CS, AVG, COUNT, RATIO, YN, SHARE } from "../../src/core/catalog/build";
import type { Unit } from "../../src/core/types";

const CSU: Unit = CS("students_total");

/** [cell, unit, count/value, share, form]. */
const FORMS: [string, Unit, number | undefined, number | undefined, string | undefined][] = [
  ["42/21%", CSU, 42, 0.21, "percentSign"],
  ["42 / 21 %", CSU, 42, 0.21, "percentSign"],
  ["246/36,7", CSU, 246, 0.367, "percentNumber"],
  ["1/0,005", CSU, 1, 0.005, "fraction"],
  ["14/82%", CSU, 14, 0.82, "percentSign"],
  ["42 человека/21 %", CSU, 42, 0.21, "percentSign"],
  ["42 чел. / 21%", CSU, 42, 0.21, "percentSign"],
  ["42 (21%)", CSU, 42, 0.21, "percentSign"],
  ["1 234/61,7%", CSU, 1234, 0.617, "percentSign"],
  ["0/0%", CSU, 0, 0, "percentSign"],
  ["0,38", CSU, undefined, 0.38, "fraction"],
  ["21%", CSU, undefined, 0.21, "percentSign"],
  ["36,7", CSU, undefined, 0.367, "percentNumber"],
  ["42", CSU, 42, undefined, undefined],
  ["нет", CSU, 0, undefined, undefined],
  ["1 234", COUNT, 1234, undefined, undefined],
  ["246 человек", COUNT, 246, undefined, undefined],
  ["3,8", AVG(2, 5), 3.8, undefined, undefined],
  ["4,1 балла", AVG(2, 5), 4.1, undefined, undefined],
  ["68", AVG(0, 100), 68, undefined, undefined],
  ["0,15", RATIO, 0.15, undefined, undefined],
  ["4,2 кв. м", { kind: "ratio", measure: "sqm" }, 4.2, undefined, undefined],
  ["Да", YN, 1, undefined, undefined],
  ["да", YN, 1, undefined, undefined],
  ["нет", YN, 0, undefined, undefined],
  ["Имеется", YN, 1, undefined, undefined],
  ["85%", SHARE, 0.85, 0.85, "percentSign"],
];

describe("value forms", () => {
  it.each(FORMS)("%s", (raw, unit, value, share, form) => {
    const r = readCell(raw, unit);
    expect(r.kind).toBe("number");
    expect(r.value).toBe(value);
    if (share === undefined) expect(r.share).toBeUndefined();
    else expect(r.share).toBeCloseTo(share, 10);
    expect(r.shareForm).toBe(form);
  });
  it.each([["-"], ["–"], ["—"], ["н/п"]])("%s is not applicable", (raw) => expect(readCell(raw, CSU).kind).toBe("na"));
  it.each([[""], ["   "], [null]])("%p is empty", (raw) => expect(readCell(raw, CSU).kind).toBe("empty"));
  it.each([["42/150%", CSU], ["abc", CSU], ["6,1", AVG(2, 5)], ["может быть", YN], ["12.05.2024", COUNT]])("%s is an error with a message", (raw, unit) => {
    const r = readCell(raw, unit);
    expect(r.kind).toBe("error");
    expect(r.message?.ru).toBeTruthy();
    expect(r.message?.en).toBeTruthy();
  });
  it("rounding of the printed share follows its digits", () => {
    expect(readCell("42/21%", CSU).shareTolerance).toBeCloseTo(0.005, 6);
    expect(readCell("246/36,7", CSU).shareTolerance).toBeCloseTo(0.0005, 6);
    expect(readCell("1/0,005", CSU).shareTolerance).toBeCloseTo(0.0005, 6);
  });
});

describe("column headers", () => {
  const cases: [string, string | null, boolean][] = [
    ["2023/24", "2023-Y", false],
    ["2023/2024 учебный год", "2023-Y", false],
    ["2023-2024", "2023-Y", false],
    ["I полугодие 2023/24", "2023-H1", false],
    ["1 полугодие", "2024-H1", true],
    ["II полугодие", "2024-H2", true],
    ["Первое полугодие 2024", "2024-H1", true],
    ["на 01.09.2024", "2024-Y", true],
    ["на 31.12.2023", "2023-Y", true],
    ["2023", "2022-Y", true],
    ["2023 год", "2022-Y", true],
    ["III четверть 2023/24", "2023-Q3", false],
    ["ГИА-2024", "2023-E", false],
  ];
  it.each(cases)("%s", (header, expected, guessed) => {
    const m = columnMeaning(header, 2024);
    expect(m.kind).toBe("period");
    if (m.kind !== "period") return;
    expect(`${m.period.startYear}-${m.period.kind}`).toBe(expected);
    expect(m.guessed).toBe(guessed);
  });
  it.each(["МБОУ СОШ № 5", "Школа № 12", "МКОУ ООШ с. Ивановка", "Лицей № 3"])("%s is a school", (h) => {
    expect(columnMeaning(h, 2024).kind).toBe("school");
  });
  it.each(["Значение", "Значение показателя", ""])("%s is a plain value column", (h) => expect(columnMeaning(h, 2024).kind).toBe("value"));
});

describe("tables with several columns", () => {
  it("period columns go to their periods; a share column joins its count", () => {
    const grid = [
      ["№", "Показатель", "2022/23", "", "2023/24", ""],
      ["", "", "чел.", "%", "чел.", "%"],
      ["1.1", "Общая численность учащихся", "190", "", "200", ""],
      ["1.5", "Численность/удельный вес численности учащихся, успевающих на «4» и «5» по результатам промежуточной аттестации", "38", "20", "42", "21"],
    ];
    const p = planImport(grid, { period: { startYear: 2023, kind: "Y" }, lang: "ru", qualityDenominator: "students_total" });
    expect(p.columns.map((c) => [c.col, c.period, c.shareOf])).toEqual([[2, "2022/23-Y", undefined], [3, "2022/23-Y", 2], [4, "2023/24-Y", undefined], [5, "2023/24-Y", 4]]);
    const q = p.rows.find((r) => r.indicatorId === "quality_4_5");
    expect(q?.values.map((v) => [v.period, v.write, v.reading.share])).toEqual([["2022/23-Y", 38, 0.2], ["2023/24-Y", 42, 0.21]]);
    expect(p.findings).toEqual([]);
  });
  it("several school columns: none is taken until the user picks one", () => {
    const grid = [
      ["Показатель", "МБОУ СОШ № 5", "МБОУ ООШ № 7"],
      ["Общая численность учащихся", "200", "90"],
    ];
    const o = { period: { startYear: 2023, kind: "Y" as const }, lang: "ru" as const };
    expect(planImport(grid, o).cells).toBe(0);
    const picked = planImport(grid, { ...o, columns: { 2: "2023/24-Y" } });
    expect(picked.rows[0].values.filter((v) => v.write !== null).map((v) => v.write)).toEqual([90]);
  });
});
