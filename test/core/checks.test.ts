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

  it("flags breakdowns: category parts must add up to the total; levels must not exceed it", () => {
    const d = clean();
    d.observations.staff_category_first[Y] = { value: num(10) };
    d.observations.contest_winners_fed = { [Y]: { value: num(5) } };
    const found = runChecks(d);
    expect(found.map((f) => [f.rule, f.indicatorId, f.severity])).toEqual([
      ["breakdown_mismatch", "contest_winners", "error"],
      ["breakdown_mismatch", "staff_category", "warning"],
    ]);
    expect(found[1].message.ru).toContain("= 18, а итог");
  });

  it("expects «–» for items of a grade the school does not have", () => {
    const d = clean();
    d.grades = { has9: true, has11: false };
    d.observations.ege_rus_avg = { [E]: { value: num(61) } };
    d.observations.no_cert_11 = { [Y]: { value: { kind: "na" } } }; // correctly «–»
    expect(rules(d)).toEqual([
      ["not_applicable_expected", "grads_11", Y, "warning"],
      ["not_applicable_expected", "grads_11", E, "warning"],
      ["not_applicable_expected", "ege_rus_avg", E, "warning"],
    ]);
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
    expect(rules(d)).toEqual(
      expect.arrayContaining([
        ["value_invalid", "students_total", H1, "error"],
        ["value_invalid", "gia9_rus_avg", E, "error"],
        ["value_invalid", "contest_participants", Y, "error"],
      ]),
    );
  });

  it("marks exam results of a year that does not compare", () => {
    const d = clean();
    d.nonComparableExamYears = [2023];
    expect(rules(d)).toEqual([
      ["exam_not_comparable", "grads_9", E, "info"],
      ["exam_not_comparable", "grads_11", E, "info"],
      ["exam_not_comparable", "gia9_rus_avg", E, "info"],
      ["exam_not_comparable", "gia9_rus_fail", E, "info"],
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
