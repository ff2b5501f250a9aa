/** One finding per cause (issue 16, item 5): grouped over indicators; denominators never judged. */
import { runChecks } from "../../src/core/checks";
import { DENOMINATOR_IDS } from "../../src/core/denominators";
import { computeRisks } from "../../src/core/risks";
import type { ReportData } from "../../src/core/report";
import type { Period, SchoolData } from "../../src/core/types";
import { parsePeriodKey } from "../../src/core/periods";

function school(rows: Record<string, Record<string, number>>, extra: Partial<SchoolData> = {}): SchoolData {
  const observations: SchoolData["observations"] = {};
  for (const [id, byPeriod] of Object.entries(rows)) {
    observations[id] = {};
    for (const [p, v] of Object.entries(byPeriod)) observations[id][p] = { value: { kind: "number", value: v } };
  }
  return { school: "МБОУ СОШ № 7", observations, ...extra };
}

/** The domain view risks work on: judged values are the numbers (shares as count / denominator). */
function report(data: SchoolData): ReportData {
  const keys = new Set<string>();
  const cells: ReportData["cells"] = {};
  const judged: ReportData["judged"] = {};
  for (const [id, byKey] of Object.entries(data.observations)) {
    cells[id] = {};
    judged[id] = {};
    for (const [k, o] of Object.entries(byKey)) {
      keys.add(k);
      cells[id][k] = { sheet: "Базовые", row: 1, col: 1 };
      if (o.value.kind === "number") judged[id][k] = o.value.value;
    }
  }
  const periods = [...keys].map((k) => parsePeriodKey(k)).filter((p): p is Period => p !== null);
  return { school: data.school, schoolYear: null, periods, data, cells, judged, sheets: {} };
}

const exam = (rows: Record<string, Record<string, number>>, extra: Partial<SchoolData> = {}) => runChecks(school(rows, extra)).filter((f) => f.rule === "exam_not_comparable");

describe("a not-comparable exam year is noted once per cause", () => {
  it.each([
    [
      "a session the school lists: one note for all its results, none for graduates",
      { grads_9: { "2023/24-E": 40 }, grads_11: { "2023/24-E": 18 }, gia9_rus_avg: { "2023/24-E": 3.6 }, gia9_math_avg: { "2023/24-E": 3.4 }, ege_rus_avg: { "2023/24-E": 60 } },
      { nonComparableExamYears: [2023] },
      [["gia9_rus_avg", "2023/24-E", ["gia9_rus_avg", "gia9_math_avg", "ege_rus_avg"]]],
    ],
    [
      "two sessions of the list: one note each",
      { gia9_rus_avg: { "2022/23-E": 3.5, "2023/24-E": 3.6 }, gia9_math_avg: { "2022/23-E": 3.3, "2023/24-E": 3.4 } },
      { nonComparableExamYears: [2022, 2023] },
      [["gia9_rus_avg", "2022/23-E", ["gia9_rus_avg", "gia9_math_avg"]], ["gia9_rus_avg", "2023/24-E", ["gia9_rus_avg", "gia9_math_avg"]]],
    ],
    [
      "a single result keeps the indicator's own sentence",
      { gia9_math_avg: { "2019/20-E": 3.1, "2018/19-E": 3.4 }, grads_9: { "2019/20-E": 20 } },
      {},
      [["gia9_math_avg", "2019/20-E", ["gia9_math_avg"]]],
    ],
    ["graduates alone are never noted", { grads_9: { "2019/20-E": 20, "2019/20-Y": 20 }, grads_11: { "2019/20-E": 9 } }, { nonComparableExamYears: [2019] }, []],
  ] as const)("%s", (_, rows, extra, expected) => {
    const found = exam(rows as Record<string, Record<string, number>>, extra as Partial<SchoolData>);
    expect(found.map((f) => [f.indicatorId, f.period, f.indicators])).toEqual(expected);
  });

  it("the grouped sentence names the cause once and lists the indicators", () => {
    const [f] = exam({ grads_9: { "2023/24-E": 40 }, gia9_rus_avg: { "2023/24-E": 3.6 }, gia9_math_avg: { "2023/24-E": 3.4 } }, { nonComparableExamYears: [2023] });
    expect(f.message.ru).toBe("Результаты ГИА этого года несопоставимы с другими годами (экзамены отменены или изменены): «ОГЭ, русский язык: средний балл», «ОГЭ, математика: средний балл»");
    expect(f.message.en).toMatch(/^This year's exam results are not comparable with other years \(exams cancelled or changed\): /);
  });

  it("«Риски» shows the cause as one line", () => {
    const r = computeRisks(report(school({ grads_9: { "2023/24-E": 40 }, gia9_rus_avg: { "2023/24-E": 3.6 }, gia9_math_avg: { "2023/24-E": 3.4 }, gia9_rus_fail: { "2023/24-E": 2 } }, { nonComparableExamYears: [2023] })), []);
    expect(r.lines.filter((l) => l.rule === "exam_not_comparable")).toHaveLength(1);
  });
});

describe("items of a level or grade the school lacks are noted once per cause and period", () => {
  const na = (rows: Record<string, Record<string, number>>, extra: Partial<SchoolData>) =>
    runChecks(school(rows, extra)).filter((f) => f.rule === "not_applicable_expected").map((f) => [f.period, f.indicators, f.message.en]);
  it.each([
    [
      "an ООШ with two ЕГЭ results in one session: one note",
      { ege_rus_avg: { "2023/24-E": 60 }, ege_math_prof_avg: { "2023/24-E": 55 } },
      { levels: ["primary", "basic"] },
      [["2023/24-E", ["ege_rus_avg", "ege_math_prof_avg"], 'The school has no grades 10–11 (see «Паспорт») — the values should be "–" (not applicable): "EGE Russian: average", "EGE profile maths: average"']],
    ],
    [
      "the same cause in two sessions: one note each",
      { ege_rus_avg: { "2022/23-E": 58, "2023/24-E": 60 } },
      { levels: ["primary", "basic"] },
      [["2022/23-E", ["ege_rus_avg"], expect.stringMatching(/^"EGE Russian: average": the school has no grades 10–11/)], ["2023/24-E", ["ege_rus_avg"], expect.stringMatching(/^"EGE Russian: average"/)]],
    ],
  ] as const)("%s", (_, rows, extra, expected) => {
    expect(na(rows as Record<string, Record<string, number>>, extra as unknown as Partial<SchoolData>)).toEqual(expected);
  });
});

describe("denominators are never judged", () => {
  it.each(DENOMINATOR_IDS.map((id) => [id]))("%s: a halving is not «Ухудшение», nor a not-comparable note", (id) => {
    const [early, late, special] = id.startsWith("grads_") ? ["2022/23-Y", "2023/24-Y", "2019/20-E"] : id.startsWith("staff") ? ["2022/23-Y", "2023/24-Y", "2019/20-Y"] : ["2022/23-Y", "2023/24-Y", "2019/20-Y"];
    const data = school({ [id]: { [early]: 400, [late]: 200, [special]: 300 } }, { nonComparableExamYears: [2019] });
    const r = computeRisks(report(data), []);
    expect(r.lines.filter((l) => l.indicatorId === id || (l.text.ru.includes("несопоставим")))).toEqual([]);
    expect(r.worsening).toBe(0);
  });
});
