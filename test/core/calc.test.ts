import { delta, dynamics, growth, resolvePolarity, share, targetGap, targetStatus, trend } from "../../src/core/calc";
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
    [4.5, 4, "value", "Часть (4,5) больше целого (4)"],
    [1, -2.5, "value", "Отрицательное целое: −2,5"],
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

describe("non-numbers", () => {
  const fns = { share, delta, growth, dynamics, targetGap, targetStatus } as const;
  it.each(Object.keys(fns))("%s rejects NaN, ±Infinity and text with a value error", (name) => {
    const f = fns[name as keyof typeof fns] as (a: unknown, b: unknown) => Calc<unknown>;
    for (const bad of [NaN, Infinity, -Infinity, "5", true, {}]) {
      expect(err(f(bad, 1))).toBe("value");
      expect(err(f(1, bad))).toBe("value");
      expect(err(f(null, bad))).toBe("value"); // a bad number is reported even beside a blank
    }
    const r = f(-Infinity, 1);
    if (!r.ok) expect(r.error.message).toEqual({ ru: "Недопустимое число: −Infinity", en: "Not a valid number: -Infinity" });
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
    const zero = growth(0, 5);
    expect(err(zero)).toBe("div0");
    if (!zero.ok) expect(zero.error.message.ru).toBe("Предыдущее значение равно нулю: темп прироста не определён");
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
    const neg = dynamics(1, 2, 1, -0.1);
    expect(err(neg)).toBe("value");
    if (!neg.ok) expect(neg.error.message.ru).toBe("Допустимое отклонение должно быть неотрицательным числом");
    expect(err(dynamics(1, 2, 1, NaN))).toBe("value");
    expect(val(dynamics(1, null, -1, 0.5))).toBeNull();
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
    expect(err(targetStatus(0.3, 0.4, 1, Infinity))).toBe("value");
    expect(val(targetStatus(0.3, null))).toBeNull();
    expect(val(targetStatus(null, 0.4, -1, 0.1))).toBeNull();
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
    expect(err(trend([null, null]))).toBe("na");
  });
  it("rejects bad numbers, a non-array and an overflowing series", () => {
    expect(err(trend([1, NaN, 3]))).toBe("value");
    expect(err(trend([1, Infinity]))).toBe("value");
    expect(err(trend("1;2;3" as unknown as number[]))).toBe("value");
    const huge = trend([-1.7e308, 1.7e308, -1.7e308, 1.7e308]);
    expect(err(huge)).toBe("value");
    if (!huge.ok) expect(huge.error.message.ru).toBe("Значения слишком велики для расчёта тренда");
  });
  it("flips the sign for polarity −1 and keeps the raw slope for neutral", () => {
    expect(val(trend([3, 2, 1], -1))).toBeCloseTo(1, 12);
    expect(val(trend([3, 2, 1], 0))).toBeCloseTo(-1, 12);
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
    ["1", 1],
    ["0", 0],
    [" +1 ", 1],
    ["1,0", 1],
    ["-1.0", -1],
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
    expect(err(resolvePolarity("2"))).toBe("value");
    expect(err(resolvePolarity("0,5"))).toBe("value");
    expect(err(resolvePolarity(NaN))).toBe("value");
    expect(err(resolvePolarity({}))).toBe("value");
  });
});
