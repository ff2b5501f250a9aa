import { consolidate, DATA_VALUE_COL, figuresFor, SUMMARY, summaryColumnKey } from "../../src/core/consolidate";
import type { Period } from "../../src/core/types";
import { report } from "./fixtures";

const Y: Period = { startYear: 2023, kind: "Y" };
const H1: Period = { startYear: 2023, kind: "H1" };
const E: Period = { startYear: 2023, kind: "E" };
const KY = "2023/24-Y";

const a = report("Школа А", [H1, Y, E], {
  students_total: { [KY]: 400 }, students_assessed: { [KY]: 100 }, quality_4_5: { [KY]: 50 },
  grads_9: { "2023/24-E": 10 }, gia9_rus_avg: { "2023/24-E": 4.0 }, reading_room: { [KY]: 1 }, vsosh_participants: { [KY]: 12 },
});
const b = report("Школа Б", [Y, E], {
  students_total: { [KY]: 900 }, students_assessed: { [KY]: 300 }, quality_4_5: { [KY]: 60 },
  grads_9: { "2023/24-E": 30 }, gia9_rus_avg: { "2023/24-E": 3.0 }, reading_room: { [KY]: 0 }, vsosh_participants: { [KY]: 3 },
});
const c = report("Школа В", [Y], { students_assessed: { [KY]: 100 }, quality_4_5: { [KY]: 20 }, reading_room: { [KY]: "–" } });

describe("consolidation figures", () => {
  const figs = figuresFor([a, b, c], Y);
  const of = (id: string) => figs.find((f) => f.indicator.id === id)!;

  it("totals shares as sum of counts over sum of denominators, never the mean of shares", () => {
    const q = of("quality_4_5");
    expect(q.figures.map((f) => f.value)).toEqual([0.5, 0.2, 0.2]);
    expect(q.total).toMatchObject({ count: 130, denominator: 500, value: 130 / 500, schools: 3, method: "sumOverSum" });
    expect(q.total.value).not.toBeCloseTo((0.5 + 0.2 + 0.2) / 3, 3);
  });

  it("ranks by polarity with ties sharing a place; neutral figures are not ranked", () => {
    expect(of("quality_4_5").ranks).toEqual([1, 2, 2]);
    expect(of("students_total").ranks).toEqual([null, null, null]);
    expect(of("vsosh_participants").total).toMatchObject({ value: 15, method: "sum" });
  });

  it("counts schools answering yes, and keeps «–» apart from missing", () => {
    const r = of("reading_room");
    expect(r.total).toMatchObject({ value: 1, denominator: 2, method: "yesCount", schools: 2 });
    expect(r.figures[2]).toMatchObject({ value: null, na: true });
  });

  it("weights exam averages by the number of graduates", () => {
    const g = figuresFor([a, b, c], E).find((f) => f.indicator.id === "gia9_rus_avg")!;
    expect(g.total.method).toBe("weighted");
    expect(g.total.value).toBeCloseTo((4 * 10 + 3 * 30) / 40, 10);
  });
});

describe("consolidate", () => {
  it("builds «Свод» and «Данные», drops a duplicate school and lists findings", () => {
    const dup = report(" школа  а ", [Y], { quality_4_5: { [KY]: 1 } });
    const out = consolidate(
      [{ label: "a.xlsx", report: a }, { label: "b.xlsx", report: b }, { label: "c.xlsx", report: c }, { label: "a2.xlsx", report: dup }],
      { period: null, lang: "ru", targets: [{ indicatorId: "quality_4_5", value: 0.38, direction: "atLeast", deadline: Y, milestones: [], margin: 0.02 }], summaryName: "Свод", sourceFindings: [{ label: "bad.xlsx", code: "file", message: { ru: "файл повреждён", en: "damaged" } }] },
    )!;
    expect(out.period).toEqual(Y); // reported by all three
    expect(out.schools).toEqual(["Школа А", "Школа Б", "Школа В"]);
    expect(out.findings.map((f) => [f.label, f.code])).toEqual([["bad.xlsx", "file"], ["a2.xlsx", "duplicate"]]);
    const cells = out.summary.cells;
    const row = cells.findIndex((r) => r[0]?.value === "quality_4_5");
    expect(cells[row][SUMMARY.totalCol - 1]?.value).toBeCloseTo(0.26, 10);
    expect(cells[row][SUMMARY.targetCol - 1]?.value).toBe(0.38);
    expect(cells[SUMMARY.headerRow - 1][SUMMARY.firstSchoolCol - 1]?.value).toBe("Школа А");
    expect(cells[row][SUMMARY.firstSchoolCol]?.value).toBe(1);
    expect(out.summary.conditionalFormats.map((c) => c.style.fill)).toEqual(["#C6EFCE", "#FFEB9C", "#FFC7CE"]); // met, at risk, missed
    // a: 7 ids in Y/E periods with values (students_total, students_assessed, quality, grads_9, gia9, reading_room, vsosh) = 7 rows;
    // b: 7; c: 3 (reading_room «–» included).
    expect(out.data.rows).toHaveLength(17);
    const rowC = out.data.rows.find((r) => r[0] === "Школа В" && r[4] === "reading_room")!;
    expect(rowC[6]).toBe("–");
    const q = out.data.rows.find((r) => r[0] === "Школа А" && r[4] === "quality_4_5")!;
    expect(q.slice(6, 9)).toEqual([0.5, 50, 100]);
    // «Данные»: shares in percent, counts whole, averages as typed; one format per row.
    const fmt = (school: string, id: string) => out.data.valueFormats[out.data.rows.findIndex((r) => r[0] === school && r[4] === id)];
    expect(out.data.valueFormats).toHaveLength(out.data.rows.length);
    expect(DATA_VALUE_COL).toBe(7);
    expect(fmt("Школа А", "quality_4_5")).toBe("0.0%");
    expect(fmt("Школа А", "students_total")).toBe("0");
    expect(fmt("Школа А", "gia9_rus_avg")).toBe("General");
    // The key row over the school columns speaks the workbook's language and still reads back.
    const keys = cells[SUMMARY.keyRow - 1].slice(SUMMARY.firstSchoolCol - 1, SUMMARY.firstSchoolCol + 1).map((x) => x?.value);
    expect(keys).toEqual(["значение", "место"]);
    expect(keys.map(summaryColumnKey)).toEqual(["value", "rank"]);
    expect(["value", "rank", " Место ", "x", 3].map(summaryColumnKey)).toEqual(["value", "rank", "rank", null, null]);
  });

  it("says when a school lacks data in the chosen period, even when its file has the period's column", () => {
    const out = consolidate([{ label: "a", report: a }, { label: "c", report: c }], { period: H1, lang: "en", targets: [], summaryName: "Summary" })!;
    expect(out.findings.map((f) => [f.label, f.code])).toEqual([["a", "noPeriod"], ["c", "noPeriod"]]);
    expect(out.findings[1].message.en).toContain("Школа В");
  });

  it("returns null when nothing can be consolidated", () => {
    expect(consolidate([], { period: null, lang: "ru", targets: [], summaryName: "Свод" })).toBeNull();
  });
});

describe("consolidation by data, not by columns", () => {
  const Q1: Period = { startYear: 2023, kind: "Q1" };
  const H2: Period = { startYear: 2023, kind: "H2" };
  const ALL = [Q1, H1, H2, Y, E]; // a template file carries every period's column
  const src = (label: string, r: ReturnType<typeof report>) => ({ label, report: r });
  const opts = { period: null, lang: "ru" as const, targets: [], summaryName: "Свод" };

  it.each([
    // [case, per school: period key → has a result value, expected periods with counts, expected automatic period]
    ["nobody filled H2: it is not offered", [["2023/24-Y"], ["2023/24-Y"], ["2023/24-Y", "2023/24-E"]], [["2023/24-Y", 3], ["2023/24-E", 1]], "2023/24-Y"],
    ["the latest period most schools filled wins over a later one few filled", [["2023/24-H1", "2023/24-Y"], ["2023/24-H1"], ["2023/24-H1", "2023/24-E"]], [["2023/24-H1", 3], ["2023/24-Y", 1], ["2023/24-E", 1]], "2023/24-H1"],
    ["a tie goes to the latest", [["2023/24-Q1"], ["2023/24-Q1", "2023/24-H1"], ["2023/24-H1"]], [["2023/24-Q1", 2], ["2023/24-H1", 2]], "2023/24-H1"],
  ])("%s", (_, filled, periods, auto) => {
    const sources = (filled as string[][]).map((keys, i) =>
      src(`${i}.xlsx`, report(`Школа ${i}`, ALL, { students_total: Object.fromEntries(ALL.map((p) => [`2023/24-${p.kind}`, 100])), quality_4_5: Object.fromEntries(keys.map((k) => [k, 40])), students_assessed: Object.fromEntries(keys.map((k) => [k, 90])) })),
    );
    const out = consolidate(sources, opts)!;
    expect(out.periods.map((p) => [`${p.period.startYear}/${String((p.period.startYear + 1) % 100).padStart(2, "0")}-${p.period.kind}`, p.schools])).toEqual(periods);
    expect(`2023/24-${out.period.kind}`).toBe(auto);
    expect(out.schools).toHaveLength(3);
  });

  it("denominators alone do not make a period reported; a file without any value is listed apart and not counted", () => {
    const filled = report("Школа 1", ALL, { quality_4_5: { [KY]: 40 }, students_assessed: { [KY]: 90 } });
    const onlyBase = report("Школа 2", ALL, { students_total: { "2023/24-H2": 300, [KY]: 300 }, grads_9: { "2023/24-E": 20 } });
    const empty = report("Школа 3", ALL, { quality_4_5: { [KY]: "" as unknown as number } });
    empty.data.observations.quality_4_5[KY] = { value: { kind: "empty" } };
    const out = consolidate([src("1.xlsx", filled), src("2.xlsx", onlyBase), src("3.xlsx", empty)], opts)!;
    expect(out.schools).toEqual(["Школа 1", "Школа 2"]);
    expect(out.periods).toEqual([{ period: Y, schools: 1 }]);
    expect(out.period).toEqual(Y);
    expect(out.findings.map((f) => [f.label, f.code])).toEqual([["3.xlsx", "noData"]]);
    expect(out.findings[0].message.ru).toBe("«Школа 3» (3.xlsx): в файле нет данных ни за один период — школа не включена в свод. Проверьте, тот ли это файл.");
    expect(out.data.rows.some((r) => r[0] === "Школа 3")).toBe(false);
    const header = out.summary.cells[SUMMARY.headerRow - 1];
    expect(header.slice(SUMMARY.firstSchoolCol - 1).map((c) => c?.value).filter((v) => typeof v === "string" && v.startsWith("Школа"))).toEqual(["Школа 1", "Школа 2"]);
  });

  it("when no school has any result, the periods of the rolls are offered rather than none", () => {
    const out = consolidate([src("1.xlsx", report("Школа 1", ALL, { students_total: { [KY]: 300 } })), src("2.xlsx", report("Школа 2", ALL, { students_total: { [KY]: 200, "2023/24-H1": 200 } }))], opts)!;
    expect(out.periods).toEqual([{ period: H1, schools: 1 }, { period: Y, schools: 2 }]);
    expect(out.period).toEqual(Y);
    expect(out.findings).toEqual([]);
  });

  it("a file of another school year than the majority is listed apart and not mixed in", () => {
    const Y22: Period = { startYear: 2022, kind: "Y" };
    const s1 = report("Школа 1", [Y], { quality_4_5: { [KY]: 40 }, students_assessed: { [KY]: 90 } });
    const s2 = report("Школа 2", [Y], { quality_4_5: { [KY]: 30 }, students_assessed: { [KY]: 60 } });
    const old = report("Школа 3", [Y22], { quality_4_5: { "2022/23-Y": 10 }, students_assessed: { "2022/23-Y": 50 } });
    const out = consolidate([src("1.xlsx", s1), src("old.xlsx", old), src("2.xlsx", s2)], opts)!;
    expect(out.schools).toEqual(["Школа 1", "Школа 2"]);
    expect(out.periods).toEqual([{ period: Y, schools: 2 }]);
    expect(out.findings.map((f) => [f.label, f.code])).toEqual([["old.xlsx", "otherYear"]]);
    expect(out.findings[0].message.ru).toBe("«Школа 3» (old.xlsx): отчёт за 2022/23 учебный год, а у большинства школ — за 2023/24; школа не включена в свод. Попросите у школы отчёт за 2023/24.");
    expect(out.findings[0].message.en).toContain("the 2022/23 school year, while most schools report 2023/24");
    expect(out.data.rows.some((r) => r[0] === "Школа 3")).toBe(false);
    const q = figuresFor(out.schools.map((_, i) => [s1, s2][i]), Y).find((f) => f.indicator.id === "quality_4_5")!;
    expect(q.total).toMatchObject({ count: 70, denominator: 150 });
  });

  it("a year without a passport is the latest year the file has data in; a tie of years goes to the latest", () => {
    const Y22: Period = { startYear: 2022, kind: "Y" };
    const withBaseline = { ...report("Школа 1", [Y22, Y], { quality_4_5: { "2022/23-Y": 30, [KY]: 40 } }), schoolYear: null };
    const old = report("Школа 2", [Y22], { quality_4_5: { "2022/23-Y": 10 } });
    const out = consolidate([src("1.xlsx", withBaseline), src("2.xlsx", old)], opts)!;
    expect(out.schools).toEqual(["Школа 1"]);
    expect(out.findings.map((f) => [f.label, f.code])).toEqual([["2.xlsx", "otherYear"]]);
    expect(out.period).toEqual(Y);
  });

  it("returns null when no file has data", () => {
    expect(consolidate([src("e.xlsx", report("Школа", ALL, {}))], opts)).toBeNull();
  });
});
