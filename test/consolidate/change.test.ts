/**
 * Chance told from change on «Свод» (core): chosen periods compared like with like only, a change
 * of a share inside random variation shown in words with the pupils it amounts to.
 */
import { changeOf, changePairs, type ChangeCell, consolidate, SUMMARY, summaryKinds, summaryLayout } from "../../src/core/consolidate";
import { getIndicator } from "../../src/core/catalog";
import type { Period } from "../../src/core/types";
import { report } from "./fixtures";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const Y22 = P(2022, "Y");
const Y23 = P(2023, "Y");

describe("which chosen periods are compared", () => {
  it.each([
    ["the year with the previous year", [Y22, Y23], [{ earlier: 0, later: 1 }]],
    ["the second half-year with the first", [P(2023, "H1"), P(2023, "H2")], [{ earlier: 0, later: 1 }]],
    ["quarters, each with the one before", [P(2023, "Q1"), P(2023, "Q2"), P(2023, "Q3")], [{ earlier: 0, later: 1 }, { earlier: 1, later: 2 }]],
    ["the exam session with the previous one", [P(2022, "E"), P(2023, "E")], [{ earlier: 0, later: 1 }]],
    ["the same half-year of the previous year before the previous half-year", [P(2022, "H2"), P(2023, "H1"), P(2023, "H2")], [{ earlier: 0, later: 2 }]],
    ["a half-year is never compared with its year", [P(2023, "H1"), Y23], []],
    ["the year is not compared with the exam session", [Y23, P(2023, "E")], []],
  ])("%s", (_, chosen, pairs) => {
    expect(changePairs(chosen as Period[])).toEqual(pairs);
  });

  it("lays a change block after the later period", () => {
    expect(summaryKinds([Y22, Y23, P(2023, "E")])).toEqual(["period", "period", "change", "period"]);
    const l = summaryLayout(["period", "period", "change"], 3);
    expect(l[2]).toEqual({ kind: "change", total: l[1].last + 1, schools: null, firstSchool: l[1].last + 2, step: 1, last: l[1].last + 4 });
  });
});

describe("a change", () => {
  const q = getIndicator("quality_4_5")!;
  const avg = getIndicator("gia9_rus_avg")!;
  const f = (count: number | null, denominator: number | null, invalid?: boolean) => ({ value: count !== null && denominator ? count / denominator : null, count, denominator, ...(invalid ? { invalid: { ru: "x", en: "x" } } : {}) });
  it.each([
    ["one pupil of 9 (11 п. п.): within random variation", f(5, 9), f(6, 9), { kind: "chance", pupils: 1 }],
    ["three pupils of 12 down: within random variation", f(8, 12), f(5, 12), { kind: "chance", pupils: -3 }],
    ["20 → 50 of 100: a real change, in share points", f(20, 100), f(50, 100), { kind: "delta", value: 0.3 }],
    ["no change at all: 0", f(5, 10), f(5, 10), { kind: "delta", value: 0 }],
    ["an impossible value: nothing", f(5, 10), f(12, 10, true), null],
    ["a missing value: nothing", f(null, 10), f(5, 10), null],
  ] as [string, ReturnType<typeof f>, ReturnType<typeof f>, ChangeCell | null][])("%s", (_, a, b, expected) => {
    const c = changeOf(q, a, b);
    if (c?.kind === "delta" && expected?.kind === "delta") expect(c.value).toBeCloseTo(expected.value, 12);
    else expect(c).toEqual(expected);
  });

  it("an average is a plain difference (no counts to judge chance by)", () => {
    expect(changeOf(avg, { value: 3.5, count: null, denominator: null }, { value: 3.9, count: null, denominator: null })).toEqual({ kind: "delta", value: 3.9 - 3.5 });
  });
});

describe("«Свод» of this year and the previous year", () => {
  const K22 = "2022/23-Y";
  const K23 = "2023/24-Y";
  const small = report("Малая школа", [Y23, Y22], { grads_9: { [K22]: 9, [K23]: 9 }, students_assessed: { [K22]: 9, [K23]: 9 }, quality_4_5: { [K22]: 3, [K23]: 4 } });
  const big = report("Большая школа", [Y23, Y22], { grads_9: { [K22]: 300, [K23]: 300 }, students_assessed: { [K22]: 300, [K23]: 300 }, quality_4_5: { [K22]: 60, [K23]: 150 } });
  const out = consolidate([{ label: "s.xlsx", report: small }, { label: "b.xlsx", report: big }], { period: [Y22, Y23], lang: "ru", targets: [], summaryName: "Свод" })!;
  const cells = out.summary.cells;
  const [, , ch] = summaryLayout(summaryKinds([Y22, Y23]), 2);
  const r = cells.findIndex((x) => x[0]?.value === "quality_4_5");
  const at = (c: number) => cells[r][c - 1];

  it("puts the change block after the year, with its heading", () => {
    expect(cells[0][ch.total - 1]?.value).toBe("Изменение: 2022/23 учебный год → 2023/24 учебный год");
    expect(cells[SUMMARY.headerRow - 1][ch.firstSchool - 1]?.value).toBe("Малая школа");
    expect(cells[SUMMARY.subHeaderRow - 1][ch.firstSchool - 1]?.value).toBe("изменение");
  });

  it("one pupil of 9 is «в пределах случайных колебаний (+1 учащийся)»; 60 → 150 of 300 is +30 п. п.; the total from summed counts", () => {
    expect(at(ch.firstSchool)).toEqual({ value: "в пределах случайных колебаний (+1 учащийся)", style: "s.chance" });
    expect(at(ch.firstSchool + 1)?.style).toBe("s.chg.pp");
    expect(at(ch.firstSchool + 1)?.value).toBeCloseTo(30, 10); // percentage points
    expect(at(ch.total)?.value).toBeCloseTo((154 / 309 - 63 / 309) * 100, 10);
    expect(at(ch.total)?.style).toBe("d.pp.total");
    // A count (no share): the plain difference.
    const g = cells.findIndex((x) => x[0]?.value === "students_assessed");
    expect(cells[g][ch.firstSchool - 1]).toEqual({ value: 0, style: "s.chg.delta0" });
  });

  it("explains the words under the table", () => {
    expect(cells.flat().some((c) => typeof c?.value === "string" && c.value.includes("«В пределах случайных колебаний» — изменение доли не больше случайного разброса"))).toBe(true);
  });

  it("a half-year beside its year gets no change block", () => {
    const H1 = P(2023, "H1");
    const withHalf = report("Школа", [Y23, H1], { students_assessed: { [K23]: 9, "2023/24-H1": 9 }, quality_4_5: { [K23]: 4, "2023/24-H1": 3 } });
    const o = consolidate([{ label: "h.xlsx", report: withHalf }], { period: [H1, Y23], lang: "ru", targets: [], summaryName: "Свод" })!;
    expect(o.summary.cells.flat().some((c) => typeof c?.value === "string" && c.value.startsWith("Изменение"))).toBe(false);
  });
});
