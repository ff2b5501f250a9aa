/** A municipal table (columns = schools) → one consolidation source per school, with labelled findings. */
import { countSchoolColumns, findingsForSummary, importTargets, planImport, schoolSources } from "../../src/core/import";
import { consolidate, figuresFor } from "../../src/core/consolidate";
import type { Period } from "../../src/core/types";
import { MUNICIPAL } from "./fixtures";

const Y: Period = { startYear: 2023, kind: "Y" };
const K = "2023/24-Y";
const r = schoolSources(MUNICIPAL, { period: Y, lang: "ru" });
const school = (label: string) => r.schools.find((s) => s.label === label)!;
const obs = (label: string, id: string) => school(label).source.report.data.observations[id]?.[K]?.value;

describe("schoolSources", () => {
  it("takes every school column and leaves out the district total", () => {
    expect(r.schools.map((s) => [s.label, s.col])).toEqual([["МБОУ СОШ № 1", 3], ["СОШ № 5", 4], ["Школа 12", 5]]);
    expect(r.ignored.map((c) => c.header)).toEqual(["Итого по району"]);
    expect(countSchoolColumns(MUNICIPAL, 2023)).toBe(3);
    for (const s of r.schools) {
      expect(s.source.label).toBe(s.label);
      expect(s.source.report.school).toBe(s.label);
      expect(s.source.report.schoolYear).toBe(2023);
      expect(s.source.report.periods).toEqual([Y]);
    }
  });

  it("reads every value form as the import does: «42/21%», «246/36,7», «–», «нет», «Да»", () => {
    expect(obs("МБОУ СОШ № 1", "contest_participants")).toEqual({ kind: "number", value: 164 });
    expect(obs("СОШ № 5", "contest_participants")).toEqual({ kind: "number", value: 246 });
    expect(obs("МБОУ СОШ № 1", "quality_4_5")).toEqual({ kind: "number", value: 42 });
    expect(obs("Школа 12", "students_secondary")).toEqual({ kind: "na" });
    expect(obs("СОШ № 5", "reading_room")).toEqual({ kind: "number", value: 0 });
    expect(obs("Школа 12", "reading_room")).toEqual({ kind: "number", value: 1 });
    // The shares the sheets' formulas would compute: count / denominator of the school's own column.
    expect(school("СОШ № 5").source.report.judged.contest_participants[K]).toBeCloseTo(246 / 670, 12);
    expect(school("МБОУ СОШ № 1").source.report.judged.staff_higher_ed[K]).toBeCloseTo(0.9, 12);
  });

  it("holds exactly what importing the school's column alone would write", () => {
    for (const s of r.schools) {
      const alone = MUNICIPAL.map((row) => [...row.slice(0, 3), row[s.col]]);
      const targets = importTargets(planImport(alone, { period: Y, lang: "ru" }));
      const got = Object.entries(s.source.report.data.observations).flatMap(([id, byKey]) => Object.keys(byKey).map((k) => `${id}|${k}`));
      expect(got.sort()).toEqual(targets.map((t) => `${t.indicatorId}|${t.period}`).sort());
    }
  });

  it("recognises the rows and keeps the unrecognised one apart", () => {
    const p = school("МБОУ СОШ № 1").plan;
    expect(p.rows.map((x) => x.indicatorId)).toEqual(["students_total", "students_secondary", "quality_4_5", "contest_participants", "contest_winners", "contest_winners_reg", "staff_ped", "staff_higher_ed", "reading_room"]);
    expect(p.unrecognised.map((u) => u.text)).toEqual(["Количество кружков робототехники"]);
  });

  it("labels each finding with its school", () => {
    const of = (label: string) => r.findings.filter((f) => f.school === label).map((f) => f.rule);
    expect(of("МБОУ СОШ № 1")).toEqual([]);
    expect(of("СОШ № 5")).toEqual([]);
    expect(of("Школа 12").sort()).toEqual(["part_exceeds_whole", "share_mismatch"]);
    const mismatch = r.findings.find((f) => f.rule === "share_mismatch")!;
    expect(mismatch.message.ru).toMatch(/^«Школа 12»: .*20,0 %.*30 \/ 120/);
    expect(mismatch.message.en).toMatch(/^«Школа 12»: /);
  });

  it("consolidates to the table's figures: total share = summed counts / summed denominators", () => {
    const c = consolidate(r.schools.map((s) => s.source), { period: Y, lang: "ru", targets: [], summaryName: "Свод" })!;
    expect(c.schools).toEqual(["МБОУ СОШ № 1", "СОШ № 5", "Школа 12"]);
    const f = figuresFor(r.schools.map((s) => s.source.report), Y).find((x) => x.indicator.id === "contest_participants")!;
    expect(f.figures.map((x) => x.count)).toEqual([164, 246, 30]);
    expect(f.total).toMatchObject({ count: 440, denominator: 990 });
    expect(f.total.value).toBeCloseTo(440 / 990, 12);
    const total = figuresFor(r.schools.map((s) => s.source.report), Y).find((x) => x.indicator.id === "students_total")!.total;
    expect(total.value).toBe(990);
  });

  it("a table without school columns gives no sources; odd input never throws", () => {
    expect(schoolSources([["Показатель", "2023/24"], ["Общая численность учащихся", "200"]], { period: Y, lang: "ru" }).schools).toEqual([]);
    expect(schoolSources(null as never, { period: Y, lang: "ru" }).schools).toEqual([]);
    expect(countSchoolColumns([], 2023)).toBe(0);
  });
});

describe("findingsForSummary", () => {
  it("keeps what only the printed table shows and leaves the rest to the consolidation's checks", () => {
    expect(findingsForSummary(r).map((f) => [f.school, f.rule])).toEqual([["Школа 12", "share_mismatch"]]);
  });
});

describe("the single-school import of a municipal table", () => {
  it("takes no column until the user picks one: the district total is not one school's figure", () => {
    expect(planImport(MUNICIPAL, { period: Y, lang: "ru" }).cells).toBe(0);
    const picked = planImport(MUNICIPAL, { period: Y, lang: "ru", columns: { 4: K } });
    expect(picked.rows.find((x) => x.indicatorId === "students_total")?.values.filter((v) => v.write !== null).map((v) => v.write)).toEqual([670]);
  });
});

describe("exam items of a municipal table", () => {
  it("go to the exam session of the year, as in the single-school import", () => {
    const grid = [
      ["№", "Показатель", "МБОУ СОШ № 1", "Школа 12"],
      ["1.1", "Общая численность учащихся", "200", "120"],
      ["1.6", "Средний балл государственной итоговой аттестации выпускников 9 класса по русскому языку", "3,8", "–"],
    ];
    const x = schoolSources(grid, { period: Y, lang: "ru" });
    expect(x.schools[0].source.report.periods.map((p) => `${p.startYear}-${p.kind}`)).toEqual(["2023-Y", "2023-E"]);
    expect(x.schools[0].source.report.data.observations.gia9_rus_avg).toEqual({ "2023/24-E": { value: { kind: "number", value: 3.8 } } });
    expect(x.schools[1].source.report.data.observations.gia9_rus_avg).toEqual({ "2023/24-E": { value: { kind: "na" } } });
  });
});

describe("a school's count and share in two columns", () => {
  it("the «%» column under a school's merged header belongs to that school", () => {
    const grid = [
      ["№", "Показатель", "МБОУ СОШ № 1", "", "Школа 12", ""],
      ["", "", "чел.", "%", "чел.", "%"],
      ["1.1", "Общая численность учащихся", "200", "", "120", ""],
      ["1.18", "Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах, в общей численности учащихся", "164", "82", "30", "20"],
    ];
    const x = schoolSources(grid, { period: Y, lang: "ru" });
    expect(x.schools.map((s) => [s.label, s.col])).toEqual([["МБОУ СОШ № 1", 2], ["Школа 12", 4]]);
    expect(x.schools.map((s) => s.source.report.data.observations.contest_participants[K].value)).toEqual([{ kind: "number", value: 164 }, { kind: "number", value: 30 }]);
    expect(x.findings.map((f) => [f.school, f.rule])).toEqual([["Школа 12", "share_mismatch"]]);
  });
});
