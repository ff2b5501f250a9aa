import { defaultDirection, defaultTargets, describeEvaluation, evaluateTarget } from "../../src/core/targets";
import { getIndicator } from "../../src/core/catalog";
import type { Period, Target } from "../../src/core/types";

const y = 2023;
const p = (kind: Period["kind"]): Period => ({ startYear: y, kind });
const quarters: Period[] = [p("Q1"), p("Q2"), p("Q3"), p("Q4"), p("Y")];

function target(over: Partial<Target> = {}): Target {
  return { indicatorId: "quality_4_5", value: 0.38, direction: "atLeast", deadline: p("Y"), milestones: [], margin: 0.02, ...over };
}

describe("default targets", () => {
  it("suggests the program targets with directions from polarity", () => {
    const ts = defaultTargets(p("Y"));
    const byId = Object.fromEntries(ts.map((t) => [t.indicatorId, t]));
    expect(byId.quality_4_5).toMatchObject({ value: 0.38, direction: "atLeast" });
    for (const id of ["gia9_rus_fail", "gia9_math_fail", "ege_rus_below_min", "ege_math_below_min"]) {
      expect(byId[id]).toMatchObject({ value: 0, direction: "atMost" });
    }
    expect(byId.staff_fgos_pd).toMatchObject({ value: 1, direction: "atLeast" });
    expect(byId.broadband_share).toMatchObject({ value: 1, direction: "atLeast" });
    for (const t of ts) expect(getIndicator(t.indicatorId)).toBeDefined();
  });

  it("defaults the direction from the indicator polarity", () => {
    expect(defaultDirection("gia9_rus_fail")).toBe("atMost");
    expect(defaultDirection("quality_4_5")).toBe("atLeast");
    expect(defaultDirection("staff_exp_gt30")).toBe("atLeast");
  });
});

describe("evaluateTarget", () => {
  it("flags 21% → 24% → 27% against 38% by year end as at risk: the trend is too slow", () => {
    const series = [
      { period: p("Q1"), value: 0.21 },
      { period: p("Q2"), value: 0.24 },
      { period: p("Q3"), value: 0.27 },
    ];
    const e = evaluateTarget(target(), series, quarters);
    expect(e.status).toBe(0);
    expect(e.reason).toBe("trendTooSlow");
    expect(e.projected).toBeCloseTo(0.33, 10); // 0.27 + 0.03 × 2 steps (Q4, Y)
    expect(e.gap).toBeCloseTo(-0.11, 10);
  });

  it("marks the same school missed when the year ends at 27%", () => {
    const series = [0.21, 0.24, 0.27, 0.27, 0.27].map((value, i) => ({ period: quarters[i], value }));
    const e = evaluateTarget(target(), series, quarters);
    expect(e).toMatchObject({ status: -1, reason: "missed" });
    expect(e.gap).toBeCloseTo(-0.11, 10);
  });

  it("at the deadline is met or missed only: the margin warns before, never after (issue 16)", () => {
    expect(evaluateTarget(target(), [{ period: p("Y"), value: 0.37 }], quarters)).toMatchObject({ status: -1, reason: "missed" });
    expect(evaluateTarget(target(), [{ period: p("Y"), value: 0.38 }], quarters)).toMatchObject({ status: 1, reason: "met" });
  });

  it("accepts a trend that reaches the target in time", () => {
    const series = [
      { period: p("Q1"), value: 0.26 },
      { period: p("Q2"), value: 0.3 },
      { period: p("Q3"), value: 0.34 },
    ];
    const e = evaluateTarget(target(), series, quarters);
    expect(e.status).toBe(1);
    expect(e.projected).toBeCloseTo(0.42, 10);
  });

  it("counts a skipped period as a step of time", () => {
    // Q1 0.30, Q2 blank, Q3 0.34: slope 0.02 per step; Q4 and Y remain → 0.38.
    const series = [
      { period: p("Q1"), value: 0.3 },
      { period: p("Q3"), value: 0.34 },
    ];
    const e = evaluateTarget(target(), series, quarters);
    expect(e.projected).toBeCloseTo(0.38, 10);
    expect(e.status).toBe(1);
  });

  it("judges an at-most target: a fall of failures is progress", () => {
    const t = target({ indicatorId: "gia9_rus_fail", value: 0, direction: "atMost", margin: 0, deadline: { startYear: 2025, kind: "E" } });
    const timeline = [2023, 2024, 2025].map((startYear): Period => ({ startYear, kind: "E" }));
    const falling = [0.1, 0.05].map((value, i) => ({ period: timeline[i], value }));
    expect(evaluateTarget(t, falling, timeline)).toMatchObject({ status: 1, reason: "met" });
    const flat = [0.1, 0.1].map((value, i) => ({ period: timeline[i], value }));
    expect(evaluateTarget(t, flat, timeline)).toMatchObject({ status: 0, reason: "trendTooSlow" });
    expect(evaluateTarget(t, [{ period: timeline[2], value: 0.02 }], timeline)).toMatchObject({ status: -1, reason: "missed" });
  });

  it("uses a milestone due in the latest period", () => {
    const t = target({ milestones: [{ period: p("Q2"), value: 0.3 }] });
    const series = [
      { period: p("Q1"), value: 0.2 },
      { period: p("Q2"), value: 0.25 },
    ];
    expect(evaluateTarget(t, series, quarters)).toMatchObject({ status: -1, reason: "milestoneMissed", required: 0.3 });
  });

  it("ignores values after the deadline and reports no data without values", () => {
    const t = target({ deadline: p("Q2") });
    expect(evaluateTarget(t, [{ period: p("Q3"), value: 0.5 }], quarters)).toMatchObject({ status: null, reason: "noData" });
    expect(evaluateTarget(t, [], quarters).status).toBeNull();
  });

  it("describes every evaluation in Russian and English", () => {
    const name = { ru: "Качество знаний", en: "Quality" };
    const e = evaluateTarget(target(), [{ period: p("Y"), value: 0.2 }], quarters);
    const text = describeEvaluation(e, name);
    expect(text.ru).toBe("Качество знаний: цель не достигнута.");
    expect(text.en).toBe("Quality: the target is missed.");
  });
});
