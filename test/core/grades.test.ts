import { gradeAvg, quality, sou, success } from "../../src/core/grades";
import type { Calc } from "../../src/core/types";

const val = <T>(c: Calc<T>): T => {
  if (!c.ok) throw new Error(`expected a value, got ${c.error.code}: ${c.error.message.en}`);
  return c.value;
};
const error = (c: Calc<unknown>) => (c.ok ? null : c.error);

// A class of 30: 5 fives, 10 fours, 12 threes, 3 twos.
describe("quality and success", () => {
  it.each([
    ["quality", quality, undefined, 15 / 30],
    ["quality", quality, 32, 15 / 32], // N includes 2 students without marks
    ["success", success, undefined, 27 / 30],
    ["success", success, 30, 27 / 30],
  ] as const)("%s(5, 10, 12, 3, N = %p)", (_, f, N, expected) => {
    expect(val(f(5, 10, 12, 3, N))).toBeCloseTo(expected, 12);
  });

  it("is 0 and 1 at the extremes", () => {
    expect(val(quality(0, 0, 7, 3))).toBe(0);
    expect(val(success(2, 3, 5, 0))).toBe(1);
  });

  it.each([quality, success])("%p: blank for a missing count, errors for bad ones", (f) => {
    expect(val(f(null, 10, 12, 3))).toBeNull();
    expect(val(f(5, 10, 12, null, 30))).toBeNull();
    expect(val(f(5, 10, 12, 3, null))).toBeCloseTo(f === quality ? 0.5 : 0.9, 12); // blank N: the graded total
    expect(error(f(-3, 10, 12, 3))).toEqual({ code: "value", message: { ru: "Отрицательное количество: −3", en: "Negative count: -3" } });
    expect(error(f(5, 10.5, 12, 3))).toEqual({ code: "value", message: { ru: "Количество должно быть целым: 10,5", en: "A count must be whole: 10.5" } });
    expect(error(f(5, 10, 12, 3, 29))).toEqual({
      code: "value",
      message: { ru: "Знаменатель (29) меньше числа получивших отметки (30)", en: "The denominator (29) is less than the number graded (30)" },
    });
    expect(error(f(5, 10, 12, 3, -1))?.code).toBe("value");
    expect(error(f(5, 10, 12, 3, 30.5))?.code).toBe("value");
    expect(error(f(0, 0, 0, 0))?.code).toBe("div0");
    expect(error(f(0, 0, 0, 0, 0))?.code).toBe("div0");
    expect(error(f(NaN, 1, 1, 1))?.code).toBe("value");
    expect(error(f(1, 1, 1, Infinity))?.code).toBe("value");
    expect(error(f(null, 1, 1, NaN))?.code).toBe("value"); // a bad number wins over a blank
  });

  it("takes N = 0 marks over a larger roll as 0", () => {
    expect(val(quality(0, 0, 0, 0, 25))).toBe(0);
  });
});

describe("gradeAvg", () => {
  it.each([
    [[5, 10, 12, 3], (25 + 40 + 36 + 6) / 30],
    [[1, 0, 0, 0], 5],
    [[0, 0, 0, 4], 2],
    [[1, 1, 1, 1], 3.5],
  ])("gradeAvg(%p) = %p", (counts, expected) => {
    const [a, b, c, d] = counts;
    expect(val(gradeAvg(a, b, c, d))).toBeCloseTo(expected, 12);
  });
  it("is blank on missing data; errors on bad counts or no marks", () => {
    expect(val(gradeAvg(1, null, 1, 1))).toBeNull();
    expect(error(gradeAvg(0, 0, 0, 0))).toEqual({ code: "div0", message: { ru: "Нет ни одной отметки", en: "No marks at all" } });
    expect(error(gradeAvg(1, -1, 1, 1))?.code).toBe("value");
    expect(error(gradeAvg(1, 1, 0.5, 1))?.code).toBe("value");
    expect(error(gradeAvg(1, 1, 1, -Infinity))?.code).toBe("value");
  });
});

describe("sou (степень обученности)", () => {
  it.each([
    [[5, 10, 12, 3, undefined], (500 + 640 + 432 + 48) / 30 / 100],
    [[5, 10, 12, 3, 2], (500 + 640 + 432 + 48 + 14) / 32 / 100],
    [[5, 10, 12, 3, null], (500 + 640 + 432 + 48) / 30 / 100], // blank «н/а» count: none
    [[4, 0, 0, 0, undefined], 1],
    [[0, 0, 0, 0, 3], 0.07],
  ])("sou(%p) = %p", (counts, expected) => {
    const [a, b, c, d, e] = counts;
    expect(val(sou(a as number, b as number, c as number, d as number, e))).toBeCloseTo(expected, 12);
  });
  it("is blank on missing data; errors on bad counts or nobody", () => {
    expect(val(sou(null, 1, 1, 1))).toBeNull();
    expect(error(sou(0, 0, 0, 0))).toEqual({ code: "div0", message: { ru: "Нет ни одного учащегося", en: "No students at all" } });
    expect(error(sou(0, 0, 0, 0, 0))?.code).toBe("div0");
    expect(error(sou(1, 1, 1, 1, -2))?.code).toBe("value");
    expect(error(sou(1, 1, 1, 1, 1.5))?.code).toBe("value");
    expect(error(sou(1, 1, NaN, 1))?.code).toBe("value");
  });
});

// Сетевой город's rule, shared by all four: pupils «н/а» are in N (N = n5 + n4 + n3 + n2 + n_na).
describe("one denominator rule with «н/а»", () => {
  it("quality, success and СОУ divide by the same N, which includes н/а", () => {
    // 30 graded + 2 «н/а»: N = 32.
    expect(val(quality(5, 10, 12, 3, undefined, 2))).toBeCloseTo(15 / 32, 12);
    expect(val(success(5, 10, 12, 3, undefined, 2))).toBeCloseTo(27 / 32, 12);
    expect(val(sou(5, 10, 12, 3, 2))).toBeCloseTo((500 + 640 + 432 + 48 + 14) / 32 / 100, 12);
    for (const k of [0, 1, 5]) {
      const N = 1 + k;
      expect(val(quality(1, 0, 0, 0, undefined, k))).toBeCloseTo(1 / N, 12);
      expect(val(success(1, 0, 0, 0, undefined, k))).toBeCloseTo(1 / N, 12);
      expect(val(sou(1, 0, 0, 0, k))).toBeCloseTo((100 + 7 * k) / N / 100, 12);
    }
  });

  it("a given N (the roll) is used by all three, and must cover graded + н/а", () => {
    expect(val(quality(5, 10, 12, 3, 40, 2))).toBeCloseTo(15 / 40, 12);
    expect(val(sou(5, 10, 12, 3, 2, 40))).toBeCloseTo((500 + 640 + 432 + 48 + 14) / 40 / 100, 12);
    const tooSmall = {
      code: "value",
      message: { ru: "Знаменатель (31) меньше числа получивших отметки и «н/а» (32)", en: "The denominator (31) is less than the number graded or not assessed (32)" },
    };
    expect(error(quality(5, 10, 12, 3, 31, 2))).toEqual(tooSmall);
    expect(error(success(5, 10, 12, 3, 31, 2))).toEqual(tooSmall);
    expect(error(sou(5, 10, 12, 3, 2, 31))).toEqual(tooSmall);
  });

  it("a class of «н/а» only has quality 0; a blank н/а count is none; a bad one is an error", () => {
    expect(val(quality(0, 0, 0, 0, undefined, 3))).toBe(0);
    expect(val(quality(5, 10, 12, 3, undefined, null))).toBeCloseTo(0.5, 12);
    expect(error(quality(5, 10, 12, 3, undefined, -1))?.code).toBe("value");
    expect(error(success(5, 10, 12, 3, undefined, 1.5))?.code).toBe("value");
    expect(error(gradeAvg(5, 10, 12, 3, -1))?.code).toBe("value");
  });

  it("the average mark is over marks only: «н/а» have none", () => {
    expect(val(gradeAvg(5, 10, 12, 3, 2))).toBeCloseTo(val(gradeAvg(5, 10, 12, 3))!, 12);
  });
});
