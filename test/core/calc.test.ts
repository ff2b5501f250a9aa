import { delta, dynamics, growth, resolvePolarity, share, targetGap, targetStatus, trend } from "../../src/core/calc";
import { aggregateAverage, aggregateShare, rank } from "../../src/core/aggregate";
import { gradeAvg, quality, sou, success } from "../../src/core/grades";
import type { Calc } from "../../src/core/types";

const val = <T>(c: Calc<T>): T => {
  if (!c.ok) throw new Error(`expected a value, got ${c.error.code}: ${c.error.message.en}`);
  return c.value;
};
const err = (c: Calc<unknown>): string => (c.ok ? "ok" : c.error.code);

describe("share", () => {
  it.each([
    [42, 200, 0.21],
    [0, 10, 0],
    [10, 10, 1],
    [null, 10, null],
    [5, null, null],
  ])("share(%p, %p) = %p", (p, w, expected) => expect(val(share(p, w))).toBe(expected));

  it.each([
    [45, 40, "value", "Часть (45) больше целого (40)"],
    [-3, 40, "value", "Отрицательное количество: −3"],
    [3, 0, "div0", "Целое равно нулю"],
    [NaN, 4, "value", "Недопустимое число: NaN"],
    [1, Infinity, "value", "Недопустимое число: Infinity"],
  ])("share(%p, %p) is a %s error", (p, w, code, ru) => {
    const r = share(p, w);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.ru).toBe(ru);
      expect(r.error.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe("delta and growth", () => {
  it("gives the change, blank on missing data", () => {
    expect(val(delta(0.21, 0.24))).toBeCloseTo(0.03, 12);
    expect(val(delta(3.8, 3.5))).toBeCloseTo(-0.3, 12);
    expect(val(delta(null, 1))).toBeNull();
    expect(val(delta(1, null))).toBeNull();
  });
  it("gives growth over |previous|, div0 on a zero start", () => {
    expect(val(growth(50, 60))).toBeCloseTo(0.2, 12);
    expect(val(growth(-10, -5))).toBeCloseTo(0.5, 12);
    expect(err(growth(0, 5))).toBe("div0");
    expect(val(growth(null, 5))).toBeNull();
  });
});

describe("dynamics", () => {
  it.each([
    [0.21, 0.24, 1, 0, 1],
    [0.24, 0.21, 1, 0, -1],
    [0.1, 0.05, -1, 0, 1], // fewer failures: improved
    [0.05, 0.1, -1, 0, -1],
    [0.21, 0.21, 1, 0, 0],
    [0.21, 0.27, 1, 0.06, 0], // change equal to the tolerance (floating point) is "unchanged"
    [0.21, 0.2701, 1, 0.06, 1],
    [0.1, 0.5, 0, 0, 0], // neutral: never judged
  ])("dynamics(%p, %p, polarity %p, tolerance %p) = %p", (a, b, p, t, expected) => {
    expect(val(dynamics(a, b, p as 1 | 0 | -1, t))).toBe(expected);
  });
  it("is blank on missing data and rejects a negative tolerance", () => {
    expect(val(dynamics(null, 1))).toBeNull();
    expect(err(dynamics(1, 2, 1, -0.1))).toBe("value");
  });
});

describe("targets", () => {
  it.each([
    [0.38, 0.38, 1, 0, 1],
    [0.37, 0.38, 1, 0.02, 0],
    [0.36, 0.38, 1, 0.02, 0],
    [0.35, 0.38, 1, 0.02, -1],
    [0, 0, -1, 0, 1],
    [0.02, 0, -1, 0, -1],
    [0.02, 0, -1, 0.05, 0],
    [0.9, 0.1, 0, 0, 0],
  ])("targetStatus(%p, %p, %p, margin %p) = %p", (v, t, p, m, expected) => {
    expect(val(targetStatus(v, t, p as 1 | 0 | -1, m))).toBe(expected);
  });
  it("gives a gap signed so that ≥ 0 means met", () => {
    expect(val(targetGap(0.27, 0.38))).toBeCloseTo(-0.11, 12);
    expect(val(targetGap(0.02, 0, -1))).toBeCloseTo(-0.02, 12);
    expect(val(targetGap(0.5, 0.4, 0))).toBeCloseTo(0.1, 12);
    expect(val(targetGap(null, 0.4))).toBeNull();
    expect(err(targetStatus(0.3, 0.4, 1, -1))).toBe("value");
  });
});

describe("trend", () => {
  it("is the least-squares slope per step, skipped periods keeping their step", () => {
    expect(val(trend([0.21, 0.24, 0.27]))).toBeCloseTo(0.03, 12);
    expect(val(trend([0.21, null, 0.27]))).toBeCloseTo(0.03, 12);
    expect(val(trend([1, 2, 4]))).toBeCloseTo(1.5, 12);
    expect(val(trend([0.1, 0.05], -1))).toBeCloseTo(0.05, 12);
    expect(val(trend([5, 5, null, 5]))).toBe(0);
  });
  it("needs two filled values", () => {
    const r = trend([null, 0.3, null]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: "na", message: { ru: "Недостаточно данных", en: "Not enough data" } });
    expect(err(trend([]))).toBe("na");
  });
});

describe("resolvePolarity", () => {
  it.each([
    [undefined, 1],
    [null, 1],
    ["", 1],
    [1, 1],
    [-1, -1],
    [0, 0],
    ["-1", -1],
    ["−1", -1],
    ["gia9_rus_fail", -1],
    ["quality_4_5", 1],
    [" staff_exp_lt5 ", 0],
  ])("resolvePolarity(%p) = %p", (p, expected) => expect(val(resolvePolarity(p))).toBe(expected));
  it("rejects unknown ids (na) and other values (value)", () => {
    const r = resolvePolarity("no_such_indicator");
    expect(err(r)).toBe("na");
    if (!r.ok) expect(r.error.message.ru).toBe("Неизвестный показатель: «no_such_indicator»");
    expect(err(resolvePolarity(2))).toBe("value");
    expect(err(resolvePolarity(0.5))).toBe("value");
    expect(err(resolvePolarity(true))).toBe("value");
  });
});

describe("grade statistics", () => {
  // 5 fives, 10 fours, 12 threes, 3 twos: 30 graded.
  it("computes quality, success, average mark and СОУ", () => {
    expect(val(quality(5, 10, 12, 3))).toBeCloseTo(0.5, 12);
    expect(val(quality(5, 10, 12, 3, 32))).toBeCloseTo(15 / 32, 12);
    expect(val(success(5, 10, 12, 3))).toBeCloseTo(0.9, 12);
    expect(val(gradeAvg(5, 10, 12, 3))).toBeCloseTo((25 + 40 + 36 + 6) / 30, 12);
    expect(val(sou(5, 10, 12, 3))).toBeCloseTo((500 + 640 + 432 + 48) / 30 / 100, 12);
    expect(val(sou(5, 10, 12, 3, 2))).toBeCloseTo((500 + 640 + 432 + 48 + 14) / 32 / 100, 12);
  });
  it("rejects bad counts and reports blanks", () => {
    expect(err(quality(-1, 1, 1, 1))).toBe("value");
    expect(err(quality(1.5, 1, 1, 1))).toBe("value");
    expect(err(quality(5, 10, 12, 3, 20))).toBe("value"); // N below the graded total
    expect(err(quality(0, 0, 0, 0))).toBe("div0");
    expect(err(gradeAvg(0, 0, 0, 0))).toBe("div0");
    expect(val(success(null, 1, 1, 1))).toBeNull();
  });
});

describe("aggregation", () => {
  it("divides the sum of counts by the sum of denominators, not the mean of shares", () => {
    const r = val(aggregateShare([
      { school: "A", count: 10, denominator: 100 }, // 10 %
      { school: "B", count: 9, denominator: 10 }, // 90 %
      { school: "C", count: null, denominator: 50 }, // not reported
    ]));
    expect(r).toEqual({ count: 19, denominator: 110, share: 19 / 110, schools: 2 });
    expect(val(aggregateShare([]))).toBeNull();
  });
  it("names the school whose part exceeds its whole", () => {
    const r = aggregateShare([{ school: "СОШ № 2", count: 12, denominator: 10 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.ru).toBe("СОШ № 2: Часть (12) больше целого (10)");
  });
  it("weights averages", () => {
    expect(val(aggregateAverage([{ value: 4, weight: 100 }, { value: 3, weight: 0 }, { value: 2, weight: null }]))).toBe(4);
    expect(val(aggregateAverage([{ value: 4, weight: 3 }, { value: 3, weight: 1 }]))).toBeCloseTo(3.75, 12);
  });
  it("ranks with ties and polarity", () => {
    const items = [{ key: "a", value: 0.3 }, { key: "b", value: 0.5 }, { key: "c", value: 0.3 }, { key: "d", value: null }];
    expect([...rank(items, 1)]).toEqual([["a", 2], ["b", 1], ["c", 2], ["d", null]]);
    expect([...rank(items, -1)]).toEqual([["a", 1], ["b", 3], ["c", 1], ["d", null]]);
    expect([...rank(items, 0)].every(([, r]) => r === null)).toBe(true);
  });
});
