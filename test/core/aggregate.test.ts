import { aggregateAverage, aggregateShare, rank } from "../../src/core/aggregate";
import type { Calc } from "../../src/core/types";

const val = <T>(c: Calc<T>): T => {
  if (!c.ok) throw new Error(`expected a value, got ${c.error.code}: ${c.error.message.en}`);
  return c.value;
};
const error = (c: Calc<unknown>) => (c.ok ? null : c.error);

describe("aggregateShare", () => {
  it("divides the sum of counts by the sum of denominators, not the mean of shares", () => {
    const r = val(aggregateShare([
      { school: "A", count: 10, denominator: 100 }, // 10 %
      { school: "B", count: 9, denominator: 10 }, // 90 %: the mean of shares would say 50 %
      { school: "C", count: null, denominator: 50 }, // not reported
      { school: "D", count: 4, denominator: null }, // no denominator
    ]));
    expect(r).toEqual({ count: 19, denominator: 110, share: 19 / 110, schools: 2 });
  });

  it("is blank when no school has both numbers; 0 of 0 counts the school but has no share", () => {
    expect(val(aggregateShare([]))).toBeNull();
    expect(val(aggregateShare([{ count: null, denominator: null }]))).toBeNull();
    expect(val(aggregateShare([{ count: 0, denominator: 0 }]))).toEqual({ count: 0, denominator: 0, share: null, schools: 1 });
  });

  it.each([
    [{ school: "СОШ № 2", count: 12, denominator: 10 }, "СОШ № 2: Часть (12) больше целого (10)"],
    [{ school: "СОШ № 3", count: -1, denominator: 10 }, "СОШ № 3: Отрицательное количество: −1"],
    [{ school: "СОШ № 4", count: 1, denominator: NaN }, "СОШ № 4: Недопустимое число: NaN"],
    [{ count: 5, denominator: 4 }, "#2: Часть (5) больше целого (4)"],
  ])("names the school with bad numbers: %p", (bad, ru) => {
    const r = aggregateShare([{ school: "СОШ № 1", count: 3, denominator: 10 }, bad]);
    expect(error(r)?.code).toBe("value");
    expect(error(r)?.message.ru).toBe(ru);
  });

  it("rejects a non-list and sums that overflow", () => {
    expect(error(aggregateShare("A1:B3" as unknown as []))?.code).toBe("value");
    expect(error(aggregateShare([{ count: 1e308, denominator: 1.5e308 }, { count: 1e308, denominator: 1.5e308 }]))?.code).toBe("value");
  });
});

describe("aggregateAverage", () => {
  it("weights the averages and skips schools missing data", () => {
    expect(val(aggregateAverage([{ value: 4, weight: 100 }, { value: 3, weight: 0 }, { value: 2, weight: null }, { value: null, weight: 5 }]))).toBe(4);
    // 120 graduates at 3.5 and 3 at 5.0: the unweighted mean (4.25) would be wrong.
    expect(val(aggregateAverage([{ value: 3.5, weight: 120 }, { value: 5, weight: 3 }]))).toBeCloseTo((3.5 * 120 + 15) / 123, 12);
  });
  it("is blank without weight; errors name the school", () => {
    expect(val(aggregateAverage([]))).toBeNull();
    expect(val(aggregateAverage([{ value: 4, weight: 0 }]))).toBeNull();
    expect(error(aggregateAverage([{ school: "Лицей", value: 4, weight: -3 }]))).toEqual({
      code: "value",
      message: { ru: "Лицей: отрицательный вес: −3", en: "Лицей: negative weight: -3" },
    });
    expect(error(aggregateAverage([{ value: Infinity, weight: 1 }]))?.message.en).toBe("#1: Not a valid number: Infinity");
    expect(error(aggregateAverage([{ value: 1e308, weight: 1e308 }]))?.code).toBe("value");
    expect(error(aggregateAverage(null as unknown as []))?.code).toBe("value");
  });
});

describe("rank", () => {
  const items = [{ key: "a", value: 0.3 }, { key: "b", value: 0.5 }, { key: "c", value: 0.3 }, { key: "d", value: null }, { key: "e", value: 0.1 }];
  it("gives competition ranks by polarity, ties sharing a rank", () => {
    expect([...rank(items, 1)]).toEqual([["a", 2], ["b", 1], ["c", 2], ["d", null], ["e", 4]]);
    expect([...rank(items, -1)]).toEqual([["a", 2], ["b", 4], ["c", 2], ["d", null], ["e", 1]]);
  });
  it("ranks nothing for a neutral or invalid polarity, or a non-list", () => {
    expect([...rank(items, 0)].every(([, r]) => r === null)).toBe(true);
    expect([...rank(items, 2 as 1)].every(([, r]) => r === null)).toBe(true);
    expect(rank(undefined as unknown as [], 1).size).toBe(0);
  });
  it("leaves non-finite values unranked", () => {
    expect([...rank([{ key: "x", value: NaN }, { key: "y", value: 2 }], 1)]).toEqual([["x", null], ["y", 1]]);
  });
});
