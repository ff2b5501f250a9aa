/**
 * Issue 16 — judgements a director can trust: tables of cases for every rule in core (impossible
 * data, deadlines, like with like, chance told from change, how far to the target) and the two
 * property tests (impossible data never met/missed; one pupil in a class under 15 never significant).
 */
import fc from "fast-check";
import { getIndicator } from "../../src/core/catalog";
import { runChecks } from "../../src/core/checks";
import { comparableEarlier, impossibleData, needed } from "../../src/core/judge";
import { periodKey } from "../../src/core/periods";
import type { ReportData } from "../../src/core/report";
import { computeRisks } from "../../src/core/risks";
import { changeSignificance, pupilsChange, wilson } from "../../src/core/stats";
import { evaluateTarget, targetState, type SeriesPoint } from "../../src/core/targets";
import type { Observation, Period, Target } from "../../src/core/types";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const y = 2023;
const quarters: Period[] = [P(y, "Q1"), P(y, "Q2"), P(y, "Q3"), P(y, "Q4"), P(y, "Y")];
const pt = (kind: Period["kind"], value: number): SeriesPoint => ({ period: P(y, kind), value });

function target(over: Partial<Target> = {}): Target {
  return { indicatorId: "quality_4_5", value: 0.38, direction: "atLeast", deadline: P(y, "Y"), milestones: [], margin: 0.02, ...over };
}

/**
 * A report as readReport builds it: raw values (counts for Ч/УВ indicators) by id and period key;
 * the judged value of a Ч/УВ indicator is its count over its denominator, as the share formula computes.
 */
function report(values: Record<string, Record<string, number | undefined>>, periods: Period[]): ReportData {
  const r: ReportData = { school: "Школа", schoolYear: y, periods, data: { school: "Школа", observations: {} }, cells: {}, judged: {}, sheets: {} };
  for (const [id, byKey] of Object.entries(values)) {
    const ind = getIndicator(id);
    if (!ind) throw new Error(id);
    const obs: Record<string, Observation> = {};
    r.judged[id] = {};
    r.cells[id] = {};
    for (const p of periods) r.cells[id][periodKey(p)] = { sheet: "S", row: 1, col: 1 };
    for (const [key, v] of Object.entries(byKey)) {
      if (v === undefined) continue;
      obs[key] = { value: { kind: "number", value: v } };
    }
    r.data.observations[id] = obs;
  }
  for (const [id, byKey] of Object.entries(values)) {
    const ind = getIndicator(id)!;
    for (const [key, v] of Object.entries(byKey)) {
      if (v === undefined) continue;
      if (ind.unit.kind === "countShare") {
        const den = ind.unit.denominator.reduce((s, d) => s + (values[d]?.[key] ?? NaN), 0);
        if (Number.isFinite(den) && den > 0) r.judged[id][key] = v / den;
      } else r.judged[id][key] = v;
    }
  }
  return r;
}

describe("1. impossible data is never judged", () => {
  const invalid = new Map([["2023/24-Y", { ru: "часть больше целого", en: "part above whole" }]]);
  it.each([
    ["a share above 100 %", [pt("Y", 1.2)], {}],
    ["a negative share", [pt("Y", -0.1)], {}],
    ["a share above 100 % far above the target before the deadline", [pt("Q1", 0.2), pt("Q2", 1.5)], {}],
    ["a value the checks found impossible", [pt("Y", 0.5)], { invalid }],
  ])("%s → «данные неверны», neither met nor missed", (_, series, options) => {
    const e = evaluateTarget(target(), series, quarters, options);
    expect(e).toMatchObject({ status: null, reason: "invalidData" });
    expect(targetState(e)).toBe("invalid");
    expect(e.invalid?.ru).toBeTruthy();
  });

  it("keeps an impossible earlier value out of the trend", () => {
    // Q1 1.5 (impossible), Q2 0.30, Q3 0.34: slope 0.04 from the valid points only → 0.42 by Y.
    const e = evaluateTarget(target(), [pt("Q1", 1.5), pt("Q2", 0.3), pt("Q3", 0.34)], quarters);
    expect(e.status).toBe(1);
    expect(e.projected).toBeCloseTo(0.42, 10);
  });

  it("finds a breakdown summed above its whole when the total row is blank, and marks the parts", () => {
    const r = report({
      students_total: { "2023/24-Y": 200 },
      contest_participants: { "2023/24-Y": 50 },
      contest_winners_mun: { "2023/24-Y": 30 },
      contest_winners_reg: { "2023/24-Y": 25 },
    }, [P(y, "Y")]);
    const f = runChecks(r.data).find((x) => x.rule === "part_exceeds_whole");
    expect(f).toMatchObject({ indicatorId: "contest_winners", severity: "error", involves: ["contest_winners_mun", "contest_winners_reg"] });
    expect(f?.message.ru).toContain("при пустой строке итога");
    const bad = impossibleData(r);
    expect(bad.get("contest_winners_mun")?.has("2023/24-Y")).toBe(true);
    expect(bad.get("contest_winners_reg")?.has("2023/24-Y")).toBe(true);
    expect(bad.has("contest_participants")).toBe(false);
  });

  it("«Риски»: more «4» and «5» than pupils assessed is listed first, not counted as met or missed", () => {
    const r = report({ students_assessed: { "2023/24-Y": 40 }, quality_4_5: { "2023/24-Y": 45 } }, [P(y, "Y")]);
    const s = computeRisks(r, [target()]);
    expect(s.lines[0]).toMatchObject({ kind: "invalid", indicatorId: "quality_4_5" });
    expect(s).toMatchObject({ missed: 0, atRisk: 0 });
    expect(s.invalid).toBeGreaterThanOrEqual(2); // the target left unjudged and the finding itself
    expect(s.lines.filter((l) => l.kind === "invalid").map((l) => l.text.ru).join(" ")).toMatch(/данные неверны.*цель не оценивается/);
    expect(s.lines.some((l) => l.kind === "finding" && l.rule === "part_exceeds_whole")).toBe(false);
  });

  it("property: a share outside 0…1 (or a value flagged impossible) is never met, missed or at risk", () => {
    const value = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1.0001, max: 100, noNaN: true }), fc.double({ min: -5, max: -0.0001, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (vals, t, flag) => {
        const series = vals.map((v, i) => ({ period: quarters[i], value: v }));
        const last = series[series.length - 1];
        const opts = flag ? { invalid: new Map([[periodKey(last.period), { ru: "x", en: "x" }]]) } : {};
        const e = evaluateTarget(target({ value: t }), series, quarters, opts);
        const impossible = flag || last.value < 0 || last.value > 1;
        return !impossible || (e.status === null && e.reason === "invalidData");
      }),
    );
  });

  it("property: a count above its denominator never produces a missed or at-risk target on «Риски»", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 40 }), (den, extra) => {
        const r = report({ students_assessed: { "2023/24-Y": den }, quality_4_5: { "2023/24-Y": den + extra } }, [P(y, "Y")]);
        const s = computeRisks(r, [target()]);
        return s.missed === 0 && s.atRisk === 0 && s.evaluations[0].evaluation.reason === "invalidData";
      }),
      { numRuns: 50 },
    );
  });
});

describe("2. deadlines", () => {
  const m = (kind: Period["kind"], value: number) => ({ period: P(y, kind), value });
  it.each<[string, Target, SeriesPoint[], number | null, string]>([
    ["at the deadline, on target", target(), [pt("Y", 0.38)], 1, "met"],
    ["at the deadline, within the margin", target(), [pt("Y", 0.37)], -1, "missed"],
    ["at the deadline, far short", target(), [pt("Y", 0.2)], -1, "missed"],
    ["deadline passed (a later value exists), deadline blank", target({ deadline: P(y, "Q4") }), [pt("Q3", 0.37), pt("Y", 0.4)], -1, "missed"],
    ["before the deadline, within the margin, no trend", target(), [pt("Q3", 0.37)], 0, "withinMargin"],
    ["before the deadline, trend too slow", target(), [pt("Q1", 0.21), pt("Q2", 0.24), pt("Q3", 0.27)], 0, "trendTooSlow"],
    ["before the deadline, on course", target(), [pt("Q1", 0.26), pt("Q2", 0.3), pt("Q3", 0.34)], 1, "met"],
    ["before the deadline, already met", target(), [pt("Q2", 0.4)], 1, "met"],
    ["at a milestone's date, short within the margin", target({ milestones: [m("Q2", 0.3)] }), [pt("Q1", 0.2), pt("Q2", 0.29)], -1, "milestoneMissed"],
    ["at a milestone's date, milestone met, trend too slow", target({ milestones: [m("Q2", 0.25)] }), [pt("Q1", 0.25), pt("Q2", 0.26)], 0, "trendTooSlow"],
    ["at most: at the deadline within the margin", target({ indicatorId: "gia9_rus_fail", value: 0, direction: "atMost", margin: 0.05 }), [pt("Y", 0.02)], -1, "missed"],
  ])("%s", (_, t, series, status, reason) => {
    expect(evaluateTarget(t, series, quarters)).toMatchObject({ status, reason });
  });

  it("says how far the target is before the deadline", () => {
    const e = evaluateTarget(target(), [pt("Q1", 0.21), pt("Q2", 0.24), pt("Q3", 0.27)], quarters);
    expect(e.needed?.periodsLeft).toBe(2);
    expect(e.needed?.total).toBeCloseTo(0.11, 10);
  });
});

describe("3. like with like", () => {
  it.each<[Period, Period[], Period[]]>([
    [P(2024, "Y"), [P(2023, "Y"), P(2024, "H2"), P(2024, "H1")], [P(2023, "Y")]],
    [P(2024, "H2"), [P(2023, "H2"), P(2024, "H1"), P(2024, "Y")], [P(2023, "H2"), P(2024, "H1")]],
    [P(2024, "H1"), [P(2023, "H1"), P(2023, "Y"), P(2024, "Y")], [P(2023, "H1")]],
    [P(2024, "E"), [P(2023, "E"), P(2024, "Y")], [P(2023, "E")]],
    [P(2024, "Q3"), [P(2023, "Q3"), P(2024, "Q2"), P(2024, "H1")], [P(2023, "Q3"), P(2024, "Q2")]],
  ])("%j compares with %j → %j", (later, reported, expected) => {
    expect(comparableEarlier(later, reported)).toEqual(expected);
  });

  it("«Риски» no longer reports «Ухудшение» for II полугодие → учебный год", () => {
    const periods = [P(y, "H2"), P(y, "Y")];
    const r = report({ staff_ped: { "2023/24-H2": 40, "2023/24-Y": 40 }, staff_higher_ed: { "2023/24-H2": 38, "2023/24-Y": 30 } }, periods);
    expect(computeRisks(r, []).lines.filter((l) => l.kind === "worsening")).toEqual([]);
  });
});

describe("6. chance told from change", () => {
  it.each([
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [21, 100, 0.1417, 0.2998],
  ])("Wilson 95 %% of %i/%i is [%f, %f]", (x, n, lo, hi) => {
    const w = wilson(x, n);
    expect(w.ok && w.value.lower).toBeCloseTo(lo, 3);
    expect(w.ok && w.value.upper).toBeCloseTo(hi, 3);
  });

  it.each([
    [1, 9, 2, 9, 0],
    [2, 9, 8, 9, 1],
    [30, 100, 50, 100, 1],
    [50, 100, 30, 100, -1],
    [30, 100, 35, 100, 0],
    [0, 1, 1, 1, 0],
  ])("%i/%i → %i/%i: verdict %i", (a, n1, b, n2, verdict) => {
    const s = changeSignificance(a, n1, b, n2);
    expect(s.ok && s.value.verdict).toBe(verdict);
  });

  it.each([[5, 4], [3.5, 10], [-1, 10], [1, 0]])("refuses impossible counts %f of %f", (x, n) => {
    expect(changeSignificance(x, n, 1, 10).ok).toBe(false);
    expect(wilson(x, n).ok).toBe(false);
  });

  it("property: a change of one pupil in a class of under 15 is never significant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.nat(), fc.boolean(), (n, k0, up) => {
        const k = k0 % n; // 0 … n − 1: k and k + 1 both fit
        const [a, b] = up ? [k, k + 1] : [k + 1, k];
        const s = changeSignificance(a, n, b, n);
        return s.ok && s.value.verdict === 0;
      }),
    );
    // And exhaustively, since the space is small.
    for (let n = 1; n < 15; n++) for (let k = 0; k < n; k++) {
      const s1 = changeSignificance(k, n, k + 1, n);
      const s2 = changeSignificance(k + 1, n, k, n);
      expect([s1.ok && s1.value.verdict, s2.ok && s2.value.verdict]).toEqual([0, 0]);
    }
  });

  it("«Риски»: 1 of 9 → 2 of 9 failing ОГЭ is within chance, says +1 учащийся, and is not a worsening", () => {
    const periods = [P(2022, "E"), P(2023, "E")];
    const r = report({ grads_9: { "2022/23-E": 9, "2023/24-E": 9 }, gia9_rus_fail: { "2022/23-E": 1, "2023/24-E": 2 } }, periods);
    const s = computeRisks(r, []);
    expect(s.worsening).toBe(0);
    const line = s.lines.find((l) => l.kind === "chance");
    expect(line).toMatchObject({ indicatorId: "gia9_rus_fail", pupils: 1 });
    expect(line?.text.ru).toContain("в пределах случайных колебаний");
    expect(line?.text.ru).toContain("+1 учащийся");
  });

  it("«Риски»: 1 of 50 → 12 of 50 is a real worsening, with the pupils", () => {
    const periods = [P(2022, "E"), P(2023, "E")];
    const r = report({ grads_9: { "2022/23-E": 50, "2023/24-E": 50 }, gia9_rus_fail: { "2022/23-E": 1, "2023/24-E": 12 } }, periods);
    const line = computeRisks(r, []).lines.find((l) => l.kind === "worsening");
    expect(line?.text.ru).toContain("+11 учащихся");
  });

  it("writes pupils in Russian correctly", () => {
    expect([1, 2, 5, 11, 21, -3].map((k) => pupilsChange(k).ru)).toEqual(["+1 учащийся", "+2 учащихся", "+5 учащихся", "+11 учащихся", "+21 учащийся", "−3 учащихся"]);
  });
});

describe("7. how far to the target", () => {
  it.each<[number, number, number, 1 | -1 | 0, number | undefined, number]>([
    [0.27, 0.38, 2, 1, undefined, 0.055],
    [0.27, 0.38, 1, 1, 100, 11],
    [0.27, 0.38, 2, 1, 100, 5.5],
    [0.4, 0.38, 2, 1, undefined, 0],
    [0.1, 0, 2, -1, undefined, -0.05],
    [2 / 9, 0, 1, -1, 9, -2],
    [0.3, 0.38, 1, 1, 9, 1], // 3 of 9 → 0.38 × 9 = 3.42: 4 pupils needed, i.e. one more
  ])("needed(%f → %f over %i periods, polarity %i, total %p) = %f", (cur, tgt, left, pol, total, want) => {
    const r = needed(cur, tgt, left, pol, total);
    expect(r.ok && r.value).toBeCloseTo(want, 10);
  });

  it.each([[0.2, 0.38, 0, 1, undefined], [0.2, 0.38, 1.5, 1, undefined], [0.2, 0.38, 1, 1, 10.5], [1.2, 0.38, 1, 1, 10]])(
    "refuses needed(%f, %f, %f, %i, %p)", (cur, tgt, left, pol, total) => {
      expect(needed(cur, tgt, left, pol as 1, total).ok).toBe(false);
    });

  it("«Риски» says how many pupils are still needed before the deadline", () => {
    const periods = quarters;
    const r = report({
      students_assessed: { "2023/24-Q1": 100, "2023/24-Q2": 100, "2023/24-Q3": 100 },
      quality_4_5: { "2023/24-Q1": 21, "2023/24-Q2": 24, "2023/24-Q3": 27 },
    }, periods);
    const line = computeRisks(r, [target()]).lines.find((l) => l.kind === "atRisk");
    expect(line?.pupils).toBe(11);
    expect(line?.text.ru).toContain("Нужно ещё 11 учащихся к сроку (2023/24 учебный год): рост на 11,0 п. п., по 5,5 п. п. за период (осталось периодов: 2).");
  });

  it("«Риски» words a «не более» target above its bound as an excess and a fall still needed", () => {
    const r = report({
      students_assessed: { "2023/24-Q1": 100, "2023/24-Q2": 100, "2023/24-Q3": 100 },
      quality_4_5: { "2023/24-Q1": 21, "2023/24-Q2": 24, "2023/24-Q3": 27 },
    }, quarters);
    const line = computeRisks(r, [target({ value: 0.1, direction: "atMost", margin: 0 })]).lines.find((l) => l.kind === "atRisk");
    expect(line?.text.ru).toContain("Значение: 27,0 %, требуется: не более 10,0 % (превышение на 17,0 п. п.)");
    expect(line?.text.ru).toContain("к сроку (2023/24 учебный год): снижение на 17,0 п. п., по 8,5 п. п. за период (осталось периодов: 2).");
    expect(line?.text.en).toContain("Value: 27.0%, required: at most 10.0% (over by 17.0 pp)");
    expect(line?.text.en).toContain("a fall of 17.0 pp, 8.5 pp per period");
    expect(line?.text.ru).not.toMatch(/[−-]\d/);
  });
});
