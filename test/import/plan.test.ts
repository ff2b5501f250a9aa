/** The import plan of a whole self-examination table: rows, split wordings, sub-rows, findings on the way in. */
import { importConflicts, overlayImport, planImport, type ImportOptions } from "../../src/core/import";
import type { ExistingReport } from "../../src/core/layout";
import { SELF_EXAM } from "./fixtures";

const O: ImportOptions = { period: { startYear: 2023, kind: "Y" }, lang: "ru", levels: ["primary", "basic"] };
const rules = (p: ReturnType<typeof planImport>) => p.findings.map((f) => `${f.rule}:${f.indicatorId}`);

describe("the self-examination table", () => {
  const p = planImport(SELF_EXAM, O);
  it("recognises every item row, joins the split wording, leaves the unknown row out", () => {
    expect(p.rows).toHaveLength(29);
    expect(p.rows.find((r) => r.indicatorId === "deep_study")?.rows).toEqual([19, 20]);
    expect(p.unrecognised.map((u) => u.text)).toEqual(["Количество кружков робототехники"]);
    expect(p.headings).toHaveLength(3);
  });
  it("exam items of a year column go to the exam session; yes/no and «–» are typed as the sheet takes them", () => {
    const v = (id: string) => p.rows.find((r) => r.indicatorId === id)?.values[0];
    expect(v("gia9_rus_avg")).toMatchObject({ period: "2023/24-E", write: 3.8 });
    expect(v("ege_math_avg")).toMatchObject({ write: "–" });
    expect(v("reading_room")).toMatchObject({ write: "да" });
    expect(v("reading_room_media")).toMatchObject({ write: "нет" });
    expect(v("quality_4_5")).toMatchObject({ period: "2023/24-Y", write: 42 });
    expect(v("ege_rus_avg")).toMatchObject({ write: null, skip: "notApplicable" });
    expect(p.periods.map((x) => `${x.startYear}-${x.kind}`)).toEqual(["2023-Y", "2023-E"]);
  });
  it("finds the table's mistakes", () => {
    expect(rules(p)).toEqual(expect.arrayContaining([
      "not_applicable_expected:students_secondary",
      "part_exceeds_whole:staff_category",
      "share_scale:honors_cert_9",
      "share_scale:contest_winners_reg",
    ]));
    expect(p.findings.find((f) => f.indicatorId === "contest_winners_reg")?.severity).toBe("info");
  });
});

describe("findings on the way in", () => {
  const table = (rows: string[][]) => planImport([["№", "Показатель", "Значение"], ...rows], O);
  it("a printed share that is not count / denominator", () => {
    const p = table([["1.1", "Общая численность учащихся", "200"], ["1.18", "Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "164/80%"]]);
    expect(rules(p)).toContain("share_mismatch:contest_participants");
  });
  it("rows that should share a denominator but imply different ones", () => {
    const p = table([
      ["1.18", "Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "164/82%"],
      ["1.19", "Численность/удельный вес численности учащихся - победителей и призеров олимпиад, смотров, конкурсов", "14/7%"],
      ["1.20", "Численность/удельный вес численности учащихся, получающих образование с углубленным изучением отдельных учебных предметов", "30/12%"],
      ["2.5", "Численность/удельный вес численности учащихся, которым обеспечена возможность пользоваться широкополосным Интернетом", "200/100%"],
    ]);
    const f = p.findings.filter((x) => x.rule === "denominators_differ");
    expect(f).toHaveLength(1);
    expect(f[0].indicators).toEqual(["deep_study"]);
    expect(f[0].message.ru).toContain("≈200");
  });
  it("«0,005» among percents without a denominator may be 0,5 % or 0,005 %", () => {
    const p = table([
      ["1.18", "Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "164/82%"],
      ["1.19.1", "Регионального уровня", "1/0,005"],
    ]);
    const f = p.findings.find((x) => x.rule === "share_scale");
    expect(f).toMatchObject({ severity: "warning", indicatorId: "contest_winners_reg" });
    expect(f?.message.ru).toContain("0,5 %");
  });
  it("a part above its whole", () => {
    const p = table([
      ["1.18", "Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "10"],
      ["1.19", "Численность/удельный вес численности учащихся - победителей и призеров олимпиад, смотров, конкурсов", "14"],
    ]);
    expect(rules(p).some((r) => r.startsWith("part_exceeds_whole"))).toBe(true);
  });
  it("a share without a count: derived from the table's denominator, else not written", () => {
    const derived = table([["1.1", "Общая численность учащихся", "200"], ["1.18", "Численность/удельный вес численности учащихся, принявших участие в олимпиадах, смотрах, конкурсах", "82%"]]);
    expect(derived.rows[1].values[0].write).toBe(164);
    expect(rules(derived)).toContain("count_from_share:contest_participants");
    const alone = table([["1.18", "Численность/удельный вес численности учащихся, принявших участие в олимпиадах, смотрах, конкурсах", "82%"]]);
    expect(alone.rows[0].values[0]).toMatchObject({ write: null, skip: "noCount" });
    expect(rules(alone)).toContain("share_without_count:contest_participants");
  });
});

describe("typed values are kept unless the user agrees", () => {
  const p = planImport([["№", "Показатель", "Значение"], ["1.1", "Общая численность учащихся", "200"], ["1.24", "Общая численность педагогических работников", "20"]], O);
  const existing: ExistingReport = {
    sheetNames: ["Паспорт", "Базовые показатели"],
    sheets: [{ name: "Базовые показатели", kind: "base", periods: ["2023/24-Y"], values: { students_total: { "2023/24-Y": 198 }, staff_ped: { "2023/24-Y": "20" } }, rows: [], fields: {}, rowOf: {}, periodCol: {} }],
  };
  it("lists the conflict old → new, counts equal values as unchanged", () => {
    expect(importConflicts(existing, p)).toEqual({ conflicts: [{ indicatorId: "students_total", period: "2023/24-Y", sheet: "base", value: 200, old: "198" }], unchanged: 1 });
  });
  it("without consent the typed value stays; with it, it is replaced; the input is not changed", () => {
    const kept = overlayImport(existing, p, { overwrite: false, lang: "ru" });
    expect(kept.existing.sheets[0].values.students_total["2023/24-Y"]).toBe(198);
    expect(kept.kept).toHaveLength(1);
    const replaced = overlayImport(existing, p, { overwrite: true, lang: "ru" });
    expect(replaced.existing.sheets[0].values.students_total["2023/24-Y"]).toBe(200);
    expect(replaced.replaced).toHaveLength(1);
    expect(existing.sheets[0].values.students_total["2023/24-Y"]).toBe(198);
  });
});

describe("rows as Word and PDF viewers paste them", () => {
  const O2: ImportOptions = { period: { startYear: 2023, kind: "Y" }, lang: "ru" };
  it("a word broken over two rows, unnumbered «в том числе» sub-rows, numbers inside the wording", () => {
    const grid = [
      ["Показатель", "Значение"],
      ["1.24. Общая численность педагогических работников, в том числе:", "20"],
      ["1.29. Численность/удельный вес численности педагогических работников, которым по результатам аттестации присвоена квалификационная", ""],
      ["категория, в общей численности педагогических работников, в том числе:", "12/60%"],
      ["высшая", "5/25%"],
      ["первая", "7/35%"],
      ["1.18. Численность/удельный вес численности обу-", ""],
      ["чающихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "164/82%"],
      ["1.19. Численность/удельный вес численности учащихся - победителей и призеров олимпиад, смотров, конкурсов, в том числе:", "14/7%"],
      ["муниципального уровня", "10/5%"],
      ["регионального уровня", "4/2%"],
    ];
    const p = planImport(grid, O2);
    expect(p.rows.map((r) => [r.indicatorId, r.rows, r.values[0].write])).toEqual([
      ["staff_ped", [1], 20],
      ["staff_category", [2, 3], 12],
      ["staff_category_highest", [4], 5],
      ["staff_category_first", [5], 7],
      ["contest_participants", [6, 7], 164],
      ["contest_winners", [8], 14],
      ["contest_winners_mun", [9], 10],
      ["contest_winners_reg", [10], 4],
    ]);
    expect(p.rows[4].text).toContain("обучающихся, принявших");
    expect(p.unrecognised).toEqual([]);
    expect(p.findings).toEqual([]);
  });
  it("values one row below their wording (a cell Word merged over two rows)", () => {
    const p = planImport([
      ["№", "Показатель", "Значение"],
      ["1.1", "Общая численность учащихся", ""],
      ["", "", "200"],
      ["1.24", "Общая численность педагогических работников", "20"],
    ], O2);
    expect(p.rows.map((r) => [r.indicatorId, r.rows, r.values[0].write])).toEqual([["students_total", [1, 2], 200], ["staff_ped", [3], 20]]);
    expect(p.unrecognised).toEqual([]);
  });
  it("a table without headers and without a number column; thousands spaces", () => {
    const grid = [
      ["Общая численность учащихся", "1 234"],
      ["Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах", "617/50%"],
    ];
    const p = planImport(grid, O2);
    expect(p.rows.map((r) => [r.indicatorId, r.values[0].write])).toEqual([["students_total", 1234], ["contest_participants", 617]]);
    expect(p.findings).toEqual([]);
  });
});

describe("numbers Excel read as numbers or dates", () => {
  it("a lost trailing zero is restored by the wording; a date is read back as the number", () => {
    const grid = [
      ["№", "Показатель", "Значение"],
      ["1.1", "Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на ГИА по русскому языку", "1/5%"],
      ["1.3", "Численность/удельный вес численности педагогических работников, педагогический стаж работы которых составляет:", ""],
      ["1.30.1", "До 5 лет", "2/10%"],
      ["01.ноя", "Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на ГИА по математике", "0/0%"],
    ];
    const p = planImport(grid, { period: { startYear: 2023, kind: "Y" }, lang: "ru" });
    expect(p.rows.map((r) => [r.number, r.indicatorId])).toEqual([["1.10", "gia9_rus_fail"], ["1.30.1", "staff_exp_lt5"], ["1.11", "gia9_math_fail"]]);
    expect(p.headings).toHaveLength(1);
    expect(p.findings.filter((f) => f.rule === "number_differs")).toEqual([]);
  });
});

describe("denominators the table does not print", () => {
  const O3: ImportOptions = { period: { startYear: 2023, kind: "Y" }, lang: "ru" };
  const head = ["№", "Показатель", "Значение"];
  it("found from the rows' counts and shares when exactly one whole number fits, and written", () => {
    const p = planImport([
      head,
      ["1.25", "Численность/удельный вес численности педагогических работников, имеющих высшее образование", "18/90%"],
      ["1.29", "Численность/удельный вес численности педагогических работников, которым по результатам аттестации присвоена квалификационная категория", "12/60%"],
    ], O3);
    const d = p.rows.find((r) => r.indicatorId === "staff_ped");
    expect(d).toMatchObject({ by: "derived", sheet: "base" });
    expect(d?.values.map((v) => [v.period, v.write])).toEqual([["2023/24-Y", 20]]);
    expect(p.findings.map((f) => f.rule)).toEqual(["denominator_derived"]);
  });
  it("not when the rounding leaves several numbers", () => {
    const p = planImport([head, ["1.16", "Численность/удельный вес численности выпускников 9 класса, получивших аттестаты об основном общем образовании с отличием", "1/5%"]], O3);
    expect(p.rows.map((r) => r.indicatorId)).toEqual(["honors_cert_9"]);
  });
  it("graduates of a year column also go to the exam session its exam items go to", () => {
    const p = planImport([
      head,
      ["", "Численность выпускников 9 класса", "20"],
      ["1.10", "Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на ГИА по русскому языку", "2/10%"],
    ], O3);
    expect(p.rows[0].values.map((v) => [v.period, v.write])).toEqual([["2023/24-Y", 20], ["2023/24-E", 20]]);
    expect(p.rows[1].values.map((v) => [v.period, v.write])).toEqual([["2023/24-E", 2]]);
    expect(p.findings).toEqual([]);
  });
});
