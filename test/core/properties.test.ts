import fc from "fast-check";
import { delta, dynamics, growth, resolvePolarity, share, targetGap, targetStatus, trend, type Num } from "../../src/core/calc";
import { aggregateAverage, aggregateShare, rank } from "../../src/core/aggregate";
import { CATALOG } from "../../src/core/catalog";
import { runChecks } from "../../src/core/checks";
import { gradeAvg, quality, sou, success } from "../../src/core/grades";
import type { Observation, Polarity, SchoolData, Value } from "../../src/core/types";

const polarity = fc.constantFrom<Polarity>(1, 0, -1);
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const anyNum: fc.Arbitrary<Num> = fc.oneof(fc.double(), fc.constant(null), fc.integer());
const count = fc.nat({ max: 10_000 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

describe("invariants", () => {
  it("0 ≤ share ≤ 1 whenever 0 ≤ part ≤ whole, whole > 0", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        fc.pre(whole > 0);
        const r = share(part, whole);
        return r.ok && r.value !== null && r.value >= 0 && r.value <= 1;
      }),
    );
  });

  it("dynamics is antisymmetric in its arguments", () => {
    fc.assert(
      fc.property(num, num, polarity, fc.double({ min: 0, max: 10, noNaN: true }), (a, b, p, t) => {
        const x = dynamics(a, b, p, t);
        const y = dynamics(b, a, p, t);
        return x.ok && y.ok && (x.value as number) === -(y.value as number) + 0;
      }),
    );
  });

  it("the trend of a constant series, with any gaps, is 0", () => {
    fc.assert(
      fc.property(num, fc.array(fc.boolean(), { minLength: 2, maxLength: 24 }), polarity, (c, filled, p) => {
        const values = filled.map((f) => (f ? c : null));
        fc.pre(values.filter((v) => v !== null).length >= 2);
        const r = trend(values, p);
        return r.ok && r.value === 0;
      }),
    );
  });

  it("the trend of a linear series is its slope (sign flipped for polarity −1)", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.integer({ min: 2, max: 24 }), (a, k, n) => {
        const values = Array.from({ length: n }, (_, i) => a + k * i);
        const up = trend(values, 1);
        const down = trend(values, -1);
        const tol = 1e-6 * (1 + Math.abs(a) + Math.abs(k) * n);
        return up.ok && down.ok && Math.abs(up.value - k) <= tol && Math.abs(down.value + k) <= tol;
      }),
    );
  });

  it("the aggregate of one school equals that school's share", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        fc.pre(whole > 0);
        const agg = aggregateShare([{ count: part, denominator: whole }]);
        const own = share(part, whole);
        return agg.ok && own.ok && agg.value !== null && agg.value.share === own.value;
      }),
    );
  });

  it("quality ≤ success ≤ 1 and the average mark lies in [2, 5]", () => {
    fc.assert(
      fc.property(count, count, count, count, (n5, n4, n3, n2) => {
        fc.pre(n5 + n4 + n3 + n2 > 0);
        const q = quality(n5, n4, n3, n2);
        const s = success(n5, n4, n3, n2);
        const g = gradeAvg(n5, n4, n3, n2);
        const so = sou(n5, n4, n3, n2);
        return (
          q.ok && s.ok && g.ok && so.ok &&
          (q.value as number) <= (s.value as number) + 1e-12 && (s.value as number) <= 1 &&
          (g.value as number) >= 2 - 1e-12 && (g.value as number) <= 5 + 1e-12 &&
          (so.value as number) >= 0.16 - 1e-12 && (so.value as number) <= 1 + 1e-12
        );
      }),
    );
  });

  it("met means a non-negative gap", () => {
    fc.assert(
      fc.property(num, num, fc.constantFrom<Polarity>(1, -1), (v, t, p) => {
        const s = targetStatus(v, t, p);
        const g = targetGap(v, t, p);
        return s.ok && g.ok && (s.value === 1) === ((g.value as number) >= -1e-9);
      }),
    );
  });

  it("no function throws, whatever it is given", () => {
    const junk = fc.oneof(anyNum, fc.anything()) as fc.Arbitrary<Num>;
    fc.assert(
      fc.property(junk, junk, junk, junk, junk, fc.array(junk, { maxLength: 8 }), fc.anything(), (a, b, c, d, e, arr, p) => {
        share(a, b); delta(a, b); growth(a, b);
        dynamics(a, b, c as Polarity, d as number); targetStatus(a, b, c as Polarity, d as number); targetGap(a, b, c as Polarity);
        trend(arr, a as Polarity); trend(a as unknown as Num[]);
        resolvePolarity(p);
        quality(a, b, c, d, e); success(a, b, c, d, e); gradeAvg(a, b, c, d); sou(a, b, c, d, e);
        aggregateShare([{ count: a, denominator: b }, { count: c, denominator: d }]);
        aggregateAverage([{ value: a, weight: b }]);
        aggregateShare(arr as never); aggregateAverage(p as never);
        rank([{ key: "x", value: a }, { key: "y", value: b }], c as Polarity); rank(p as never, 1);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it("missing data gives a blank, never 0 and never an error", () => {
    fc.assert(
      fc.property(maybe(fc.nat()), maybe(fc.nat()), (a, b) => {
        fc.pre(a === null || b === null);
        return [share(a, b), delta(a, b), growth(a, b), dynamics(a, b), targetStatus(a, b), targetGap(a, b)].every((r) => r.ok && r.value === null);
      }),
    );
  });

  it("quality ≤ success with any roll N at least the graded total", () => {
    fc.assert(
      fc.property(count, count, count, count, fc.nat({ max: 100 }), (n5, n4, n3, n2, extra) => {
        const N = n5 + n4 + n3 + n2 + extra;
        fc.pre(N > 0);
        const q = quality(n5, n4, n3, n2, N);
        const s = success(n5, n4, n3, n2, N);
        return q.ok && s.ok && (q.value as number) <= (s.value as number) && (s.value as number) <= 1;
      }),
    );
  });

  it("rank: 1 is the best value by polarity and ranks never exceed the number ranked", () => {
    fc.assert(
      fc.property(fc.array(maybe(fc.integer({ min: -50, max: 50 })), { maxLength: 12 }), fc.constantFrom<Polarity>(1, -1), (vals, p) => {
        const items = vals.map((value, i) => ({ key: `k${i}`, value }));
        const r = rank(items, p);
        const filled = items.filter((it) => it.value !== null);
        const best = filled.length ? (p === 1 ? Math.max : Math.min)(...filled.map((it) => it.value as number)) : null;
        return items.every((it) => {
          const k = r.get(it.key);
          if (it.value === null) return k === null;
          return typeof k === "number" && k >= 1 && k <= filled.length && (k === 1) === (it.value === best);
        });
      }),
    );
  });

  it("runChecks never throws and is deterministic on arbitrary reports", () => {
    const ids = fc.constantFrom(...CATALOG.map((i) => i.id), "unknown_id");
    const periods = fc.constantFrom("2019/20-E", "2023/24-H1", "2023/24-Y", "2023/24-E", "2024/25-Q2", "bad key");
    const value: fc.Arbitrary<Value> = fc.oneof(
      fc.double().map((v) => ({ kind: "number" as const, value: v })),
      fc.integer({ min: -5, max: 500 }).map((v) => ({ kind: "number" as const, value: v })),
      fc.constant({ kind: "na" as const }),
      fc.constant({ kind: "empty" as const }),
      fc.constant({ kind: "error" as const, message: { ru: "Ошибка", en: "Error" } }),
    );
    const observation: fc.Arbitrary<Observation> = fc.record(
      { value, printedShare: value, denominatorUsed: fc.constantFrom("students_total", "students_assessed", "grads_9", "nonsense") },
      { requiredKeys: ["value"] },
    );
    const data: fc.Arbitrary<SchoolData> = fc.record({
      school: fc.string(),
      qualityDenominator: fc.option(fc.constantFrom("students_total", "students_assessed", "x"), { nil: undefined }),
      observations: fc.dictionary(ids, fc.dictionary(periods, observation)),
      grades: fc.record({ has9: fc.boolean(), has11: fc.boolean() }, { requiredKeys: [] }),
      nonComparableExamYears: fc.array(fc.integer({ min: 2018, max: 2025 })),
    });
    fc.assert(
      fc.property(data, (d) => {
        const a = runChecks(d);
        return JSON.stringify(a) === JSON.stringify(runChecks(d)) && a.every((f) => f.message.ru.length > 0 && f.message.en.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
