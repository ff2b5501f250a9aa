import { runChecks } from "../../src/core/checks";
import type { Observation, SchoolData, Value } from "../../src/core/types";

const num = (value: number): Value => ({ kind: "number", value });
const H1 = "2023/24-H1";
const Y = "2023/24-Y";
const E = "2023/24-E";

/** A report: indicator → period → a number, or a full observation. */
function school(rows: Record<string, Record<string, number | Observation>>, extra: Partial<SchoolData> = {}): SchoolData {
  const observations: SchoolData["observations"] = {};
  for (const [id, byPeriod] of Object.entries(rows)) {
    observations[id] = {};
    for (const [p, v] of Object.entries(byPeriod)) observations[id][p] = typeof v === "number" ? { value: num(v) } : v;
  }
  return { school: "МБОУ СОШ № 7", observations, ...extra };
}

/** A consistent report touching every family of rules. */
const clean = () =>
  school(
    {
      students_total: { [H1]: 420, [Y]: 418 },
      students_assessed: { [H1]: 380, [Y]: 376 },
      grads_9: { [Y]: 40, [E]: 40 },
      grads_11: { [Y]: 18, [E]: 18 },
      staff_ped: { [Y]: 30 },
      staff_ped_admin: { [Y]: 36 },
      quality_4_5: { [H1]: { value: num(95), printedShare: num(0.25) } },
      gia9_rus_avg: { [E]: 3.6 },
      gia9_rus_fail: { [E]: { value: num(2), printedShare: num(0.05) } },
      contest_participants: { [Y]: 120 },
      contest_winners: { [Y]: 12 },
      contest_winners_mun: { [Y]: 8 },
      contest_winners_reg: { [Y]: 2 },
      staff_category: { [Y]: 20 },
      staff_category_highest: { [Y]: 8 },
      staff_category_first: { [Y]: 12 },
      reading_room: { [Y]: 1 },
      reading_room_internet: { [Y]: 1 },
    },
    { grades: { has9: true, has11: true } },
  );

const rules = (d: SchoolData) => runChecks(d).map((f) => [f.rule, f.indicatorId, f.period, f.severity]);

describe("runChecks", () => {
  it("finds nothing in a consistent report", () => {
    expect(runChecks(clean())).toEqual([]);
  });

  it("flags a printed share that is not count / denominator", () => {
    const d = clean();
    d.observations.quality_4_5[H1] = { value: num(95), printedShare: num(0.31) };
    const [f] = runChecks(d);
    expect(f).toMatchObject({ rule: "share_mismatch", indicatorId: "quality_4_5", period: H1, severity: "warning", school: "МБОУ СОШ № 7" });
    expect(f.message.ru).toBe("«Качество знаний («4» и «5»)»: указанная доля 31,0 % не равна 95 / 380 = 25,0 %");
  });

  it("tells a share computed from the wrong denominator", () => {
    const d = clean();
    d.observations.quality_4_5[H1] = { value: num(95), printedShare: num(95 / 420) }; // all students instead of assessed
    expect(rules(d)).toEqual([["denominator_mismatch", "quality_4_5", H1, "warning"]]);
    // …unless the school chose all students on its passport.
    expect(runChecks({ ...d, qualityDenominator: "students_total" })).toEqual([]);
  });

  it("flags a declared denominator other than the indicator's", () => {
    const d = clean();
    d.observations.gia9_rus_fail[E] = { value: num(2), printedShare: num(2 / 18), denominatorUsed: "grads_11" };
    expect(rules(d)).toEqual([["denominator_mismatch", "gia9_rus_fail", E, "warning"]]);
  });

  it("flags a share written in another scale (21 for 21 %, 0,005 for 0,5 %)", () => {
    const d = clean();
    d.observations.quality_4_5[H1] = { value: num(95), printedShare: num(0.0025) };
    expect(rules(d)).toEqual([["share_format", "quality_4_5", H1, "warning"]]);
  });

  it("flags parts larger than their whole", () => {
    const d = clean();
    d.observations.contest_winners[Y] = { value: num(130) };
    d.observations.quality_4_5[H1] = { value: num(400) };
    const found = rules(d);
    expect(found).toContainEqual(["part_exceeds_whole", "quality_4_5", H1, "error"]);
    expect(found).toContainEqual(["part_exceeds_whole", "contest_winners", Y, "error"]);
    // the level breakdown (8 + 2) now stays under the larger total: no breakdown finding
    expect(found.filter((f) => f[0] === "breakdown_mismatch")).toEqual([]);
  });

  it("flags breakdowns: levels must not exceed the total; categories should add up to it", () => {
    const d = clean();
    d.observations.staff_category_first[Y] = { value: num(10) };
    d.observations.contest_winners_fed = { [Y]: { value: num(5) } };
    const found = runChecks(d);
    expect(found.map((f) => [f.rule, f.indicatorId, f.severity])).toEqual([
      ["part_exceeds_whole", "contest_winners", "error"],
      ["breakdown_mismatch", "staff_category", "warning"],
    ]);
    expect(found[0].message.ru).toContain("= 15) больше итога «");
    expect(found[1].message.ru).toContain("= 18, а итог");
  });

  it("checks the reported levels even when one is missing, and flags an item above its total", () => {
    const d = clean();
    d.observations.contest_winners_mun[Y] = { value: num(11) };
    expect(rules(d)).toEqual([["part_exceeds_whole", "contest_winners", Y, "error"]]); // 11 + 2 > 12; _fed not reported
    const e = clean();
    e.observations.staff_category_highest[Y] = { value: num(21) };
    expect(rules(e)).toEqual([["part_exceeds_whole", "staff_category_highest", Y, "error"]]); // no duplicate sum finding
  });

  it("flags winners above participants and a count above a two-part denominator", () => {
    const d = clean();
    d.observations.vsosh_participants = { [Y]: { value: num(15) } };
    d.observations.vsosh_winners = { [Y]: { value: num(16) } };
    d.observations.gia_passed_share = { [E]: { value: num(59) } };
    const found = runChecks(d);
    expect(found.map((f) => [f.rule, f.indicatorId, f.period])).toEqual([
      ["part_exceeds_whole", "gia_passed_share", E],
      ["part_exceeds_whole", "vsosh_winners", Y],
    ]);
    expect(found[0].message.ru).toMatch(/\(59\) больше, чем «.+» \+ «.+» \(58\)$/);
  });

  it("flags the one row whose denominator differs from the rows that share it", () => {
    const d = clean();
    d.observations.contest_participants[Y] = { value: num(120), denominatorUsed: "students_total" };
    d.observations.contest_winners[Y] = { value: num(12), denominatorUsed: "students_assessed" };
    expect(rules(d)).toEqual([["denominator_mismatch", "contest_winners", Y, "warning"]]);
  });

  it("uses the passport's denominator for quality", () => {
    const d = { ...clean(), qualityDenominator: "students_total" };
    d.observations.quality_4_5[H1] = { value: num(95), printedShare: num(0.25), denominatorUsed: "students_assessed" };
    expect(rules(d)).toEqual([["denominator_mismatch", "quality_4_5", H1, "warning"]]);
  });

  it("judges the scale of a share that cannot be verified", () => {
    const d = clean();
    d.observations.contest_participants[Y] = { value: { kind: "empty" }, printedShare: num(21) };
    d.observations.deep_study = { [Y]: { value: { kind: "na" }, printedShare: num(0.005) } };
    d.observations.extra_education = { [Y]: { value: num(50), printedShare: num(140) } };
    d.observations.profile_study = { [Y]: { value: num(10), printedShare: { kind: "error", message: { ru: "Не число", en: "Not a number" } } } };
    const found = runChecks(d);
    expect(found.map((f) => [f.rule, f.indicatorId, f.severity])).toEqual([
      ["share_format", "contest_participants", "warning"],
      ["share_format", "deep_study", "info"],
      ["value_out_of_scale", "profile_study", "error"],
      ["value_out_of_scale", "extra_education", "error"],
    ]);
    expect(found[1].message.ru).toContain("«0,005» читается как 0,5 %");
  });

  it("flags a plain share typed as a percentage", () => {
    const d = clean();
    d.observations.events_done_share = { [Y]: { value: num(85) }, "2024/25-Y": { value: num(0.85) }, "2025/26-Y": { value: num(185) } };
    expect(rules(d)).toEqual([
      ["share_format", "events_done_share", Y, "warning"],
      ["value_out_of_scale", "events_done_share", "2025/26-Y", "error"],
    ]);
  });

  it("expects «–» for items of a grade the school does not have", () => {
    const d = clean();
    d.grades = { has9: true, has11: false };
    d.observations.ege_rus_avg = { [E]: { value: num(61) } };
    d.observations.no_cert_11 = { [Y]: { value: { kind: "na" } } }; // correctly «–»
    // One finding per cause and period, listing the indicators.
    expect(runChecks(d).map((f) => [f.rule, f.indicatorId, f.period, f.severity, f.indicators])).toEqual([
      ["not_applicable_expected", "grads_11", Y, "warning", ["grads_11"]],
      ["not_applicable_expected", "grads_11", E, "warning", ["grads_11", "ege_rus_avg"]],
    ]);
    expect(runChecks(d)[1].message.ru).toBe("В школе нет 11 класса — вместо значений должно стоять «–» (не применимо): «Выпускники 11 кл.», «ЕГЭ, русский язык: средний балл»");
  });

  it("flags a yes/no contradiction", () => {
    const d = clean();
    d.observations.reading_room[Y] = { value: num(0) };
    const found = runChecks(d);
    expect(found.map((f) => f.rule)).toEqual(["yes_no_contradiction"]);
    expect(found[0].message.ru).toBe("«Читальный зал»: «нет», но «Читальный зал: Интернет»: «да»");
  });

  it("flags input errors and values outside their scale", () => {
    const d = clean();
    d.observations.gia9_rus_avg[E] = { value: num(6.2) };
    d.observations.students_total[H1] = { value: num(-4) };
    d.observations.contest_participants[Y] = { value: { kind: "error", message: { ru: "Не число: «много»", en: 'Not a number: "many"' } } };
    d.observations.computers_per_student = { [Y]: { value: num(-0.2) } };
    d.observations.classrooms_equipped = { [Y]: { value: num(2) } };
    d.observations.staff_ped[Y] = { value: num(30.5) };
    expect(rules(d)).toEqual([
      ["value_out_of_scale", "students_total", H1, "error"],
      ["part_exceeds_whole", "students_assessed", H1, "error"], // 380 assessed of −4
      ["value_out_of_scale", "staff_ped", Y, "error"],
      ["value_out_of_scale", "gia9_rus_avg", E, "error"],
      ["value_out_of_scale", "contest_participants", Y, "error"],
      ["value_out_of_scale", "computers_per_student", Y, "error"],
      ["value_out_of_scale", "classrooms_equipped", Y, "error"],
    ]);
  });

  it("marks exam results of a year that does not compare once, listing the results (graduates are not results)", () => {
    const d = clean();
    d.nonComparableExamYears = [2023];
    expect(rules(d)).toEqual([["exam_not_comparable", "gia9_rus_avg", E, "info"]]);
    expect(runChecks(d)[0].indicators).toEqual(["gia9_rus_avg", "gia9_rus_fail"]);
  });

  it("marks a known non-comparable exam year with its reason, unlisted", () => {
    const d = school({ gia9_math_avg: { "2019/20-E": 3.1, "2018/19-E": 3.4 } });
    const found = runChecks(d);
    expect(found.map((f) => [f.rule, f.period, f.severity])).toEqual([["exam_not_comparable", "2019/20-E", "info"]]);
    expect(found[0].message.ru).toContain("ОГЭ отменены");
  });

  it("marks the 2020 certificates (1.14–1.17, by annual marks) but not other yearly values", () => {
    const d = school({
      no_cert_9: { "2019/20-Y": 0, "2020/21-Y": 1 },
      honors_cert_11: { "2019/20-Y": 2 },
      grads_9: { "2019/20-Y": 20, "2020/21-Y": 20 },
      grads_11: { "2019/20-Y": 10 },
    });
    const found = runChecks(d).filter((f) => f.rule === "exam_not_comparable");
    // One cause, one finding listing both certificates.
    expect(found.map((f) => [f.indicatorId, f.period, f.indicators])).toEqual([["no_cert_9", "2019/20-Y", ["no_cert_9", "honors_cert_11"]]]);
    expect(found[0].message.ru).toContain("годовым отметкам");
  });

  it("never throws on odd data", () => {
    const odd = {
      school: "",
      observations: { no_such: { x: { value: num(1) } }, quality_4_5: { "не период": { value: num(-1), printedShare: num(NaN) } }, grads_9: {} },
      grades: {},
    } as SchoolData;
    expect(() => runChecks(odd)).not.toThrow();
    for (const junk of [null, undefined, 5, "x", { school: 1, observations: null }, { observations: { quality_4_5: null, grads_9: { "2023/24-E": null } } }]) {
      expect(runChecks(junk as unknown as SchoolData)).toEqual([]);
    }
    expect(runChecks(odd).map((f) => [f.rule, f.indicatorId, f.school])).toEqual([
      ["value_out_of_scale", "quality_4_5", undefined], // −1 students
      ["value_out_of_scale", "quality_4_5", undefined], // NaN share
    ]);
  });

  it("orders findings by catalog, then period, and is deterministic", () => {
    const d = clean();
    d.observations.gia9_rus_avg[E] = { value: num(6.2) };
    d.observations.quality_4_5[Y] = { value: num(1.5) };
    d.observations.students_total[Y] = { value: { kind: "error", message: { ru: "Не число", en: "Not a number" } } };
    const a = runChecks(d);
    expect(a.map((f) => [f.indicatorId, f.period])).toEqual([["students_total", Y], ["quality_4_5", Y], ["gia9_rus_avg", E]]);
    expect(runChecks(d)).toEqual(a);
  });
});
