/**
 * «Свести школы» in the simulated host with two periods side by side and a school whose value is
 * impossible: cells, colours and texts of «Свод», the periods of «Данные», and a clean replacement
 * when consolidated again with the automatic period.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { SUMMARY, summaryBlockCols, summaryKinds, summaryLayout } from "../../src/core/consolidate";
import { periodKey, periodsOf } from "../../src/core/periods";
import { report } from "./fixtures";
import { RISK_COLORS } from "../../src/core/layout/highlight";
import { cellAddress } from "../../src/core/layout/grid";
import { readSchoolFile, type SchoolSource } from "../../src/xlsx/light";
import { consolidate, DATA_TABLE_NAME, type ConsolidateResult } from "../../src/excel/consolidate";
import { schoolWorkbook } from "../xlsx/fixtures";
import { ok } from "../helpers/commands";

const H1 = "2023/24-H1";
const KY = "2023/24-Y";
const FOUR_MB = 4 * 1024 * 1024;

let host: SimHost;
let restore: (() => void) | undefined;
let sources: SchoolSource[];
let out: ConsolidateResult;

beforeAll(async () => {
  const files: [string, Uint8Array][] = [
    ["a.xlsx", await schoolWorkbook({ school: "Школа А", values: { students_assessed: { [H1]: 100, [KY]: 100 }, quality_4_5: { [H1]: 30, [KY]: 50 } } })],
    // More pupils on «4» and «5» than assessed in the first half-year: impossible there, fine in the year.
    ["b.xlsx", await schoolWorkbook({ school: "Школа Б", values: { students_assessed: { [H1]: 200, [KY]: 300 }, quality_4_5: { [H1]: 250, [KY]: 60 } } })],
    ["c.xlsx", await schoolWorkbook({ school: "Школа В", values: { students_assessed: { [H1]: 100, [KY]: 100 }, quality_4_5: { [H1]: 40, [KY]: 45 } } })],
  ];
  sources = files.map(([n, bytes]) => {
    const r = readSchoolFile(n, bytes);
    if (!r.ok) throw new Error(r.finding.message.en);
    return r.school;
  });
  host = createSimHost({ sheets: ["Лист1"] });
  restore = installSimHost(host);
  host.resetStats();
  out = ok(await consolidate({ sources, useOpenWorkbook: false, period: [{ startYear: 2023, kind: "Y" }, { startYear: 2023, kind: "H1" }], lang: "ru" }));
});
afterAll(() => restore?.());

const [h, y] = [summaryBlockCols(0, 3), summaryBlockCols(1, 3)];
const qRow = () => host.inspect.grid("Свод").cells.findIndex((r) => r[0]?.value === "quality_4_5") + 1;
const cell = (col: number) => host.inspect.cell("Свод", cellAddress(qRow(), col));
const school = (b: typeof h, i: number) => b.firstSchool + 2 * i;

describe("«Свод» with two periods (simulated host)", () => {
  it("reports both periods, chronologically", () => {
    expect(out.chosen).toEqual([{ startYear: 2023, kind: "H1" }, { startYear: 2023, kind: "Y" }]);
    expect(out.period).toEqual({ startYear: 2023, kind: "Y" });
    expect(host.inspect.cell("Свод", cellAddress(1, h.total)).value).toBe("I полугодие 2023/24");
    expect(host.inspect.cell("Свод", cellAddress(1, y.total)).value).toBe("2023/24 учебный год");
    expect(host.inspect.cell("Свод", cellAddress(SUMMARY.headerRow, school(y, 1))).value).toBe("Школа Б");
  });

  it("the half-year block: the impossible value red «данные неверны», uncoloured, out of the total and the ranks", () => {
    expect(cell(school(h, 1))).toMatchObject({ value: "данные неверны", conditionalFontColor: "#C00000", conditionalBold: true, conditionalFill: null, fill: null });
    expect(cell(school(h, 0))).toMatchObject({ conditionalFontColor: null });
    expect(cell(school(h, 1) + 1).value).toBe("");
    expect(cell(h.total).value).toBeCloseTo(70 / 200, 12);
    expect(cell(h.schools).value).toBe(2);
    expect([cell(school(h, 0) + 1).value, cell(school(h, 2) + 1).value]).toEqual([2, 1]);
    // Before the target's deadline (the year): 30 % and the total 35 % short of 38 % are at risk, 40 % met.
    expect([cell(school(h, 0)).conditionalFill, cell(school(h, 2)).conditionalFill, cell(h.total).conditionalFill]).toEqual([RISK_COLORS.atRisk.fill, RISK_COLORS.met.fill, RISK_COLORS.atRisk.fill]);
  });

  it("the year block: every school judged at the deadline, the total from summed counts", () => {
    expect([cell(school(y, 0)).value, cell(school(y, 1)).value, cell(school(y, 2)).value]).toEqual([0.5, 0.2, 0.45]);
    expect(cell(y.total).value).toBeCloseTo(155 / 500, 12);
    expect([cell(school(y, 0) + 1).value, cell(school(y, 1) + 1).value, cell(school(y, 2) + 1).value]).toEqual([1, 3, 2]);
    expect([cell(school(y, 0)).conditionalFill, cell(school(y, 1)).conditionalFill, cell(school(y, 2)).conditionalFill, cell(y.total).conditionalFill])
      .toEqual([RISK_COLORS.met.fill, RISK_COLORS.missed.fill, RISK_COLORS.met.fill, RISK_COLORS.missed.fill]);
  });

  it("an analyst correcting the cell on «Свод» gets it judged natively", () => {
    expect(host.inspect.userEdit("Свод", cellAddress(qRow(), school(h, 1)), "50%").ok).toBe(true);
    expect(cell(school(h, 1))).toMatchObject({ conditionalFill: RISK_COLORS.met.fill, conditionalFontColor: null });
    expect(host.inspect.userEdit("Свод", cellAddress(qRow(), school(h, 1)), "данные неверны").ok).toBe(true);
    expect(cell(school(h, 1)).conditionalFill).toBeNull();
  });

  it("lists the impossible value once, with the school, the period, the indicator and why — in the result and on the sheet", () => {
    const msg = "«Школа Б», I полугодие 2023/24: «Качество знаний («4» и «5»)» (250) больше, чем «Подлежат аттестации» (200) — данные неверны; значение не учтено в итоге и местах и не оценивается по цели.";
    expect(out.findings.map((f) => f.message.ru)).toEqual([msg]);
    expect(host.inspect.grid("Свод").cells.flat().filter((c) => c.value === msg)).toHaveLength(1);
  });

  it("«Данные» carries both periods; the budget holds", () => {
    const keys = new Set(host.inspect.grid("Данные").cells.slice(2).map((r) => r[3]?.value));
    expect([...keys].sort()).toEqual([H1, KY]);
    expect(out.dataRows).toBe(12);
    expect(out.syncs).toBeLessThanOrEqual(4);
    expect(host.stats.maxRequestBytes).toBeLessThan(FOUR_MB);
  });

  it("consolidating again with the automatic period replaces «Свод» cleanly: one block, nothing left of the other", async () => {
    const again = ok(await consolidate({ sources, useOpenWorkbook: false, period: null, lang: "ru" }));
    expect(again.chosen).toEqual([{ startYear: 2023, kind: "Y" }]);
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Лист1", "Свод", "Данные"]);
    const g = host.inspect.grid("Свод");
    expect(g.columns).toBe(summaryBlockCols(0, 3).last);
    expect(g.cells[0].slice(SUMMARY.totalCol - 1).every((c) => c.value === "")).toBe(true);
    expect(host.inspect.cell("Свод", cellAddress(qRow(), SUMMARY.totalCol)).value).toBeCloseTo(155 / 500, 12);
    expect(host.inspect.tables().filter((t) => t.name === DATA_TABLE_NAME)).toHaveLength(1);
  });
});

describe("«Свод» of the year against the previous year (simulated host)", () => {
  let again: ConsolidateResult;
  const K22 = "2022/23-Y";
  beforeAll(async () => {
    const periods = [{ startYear: 2022, kind: "Y" as const }, ...periodsOf(2023, ["H", "Y"])];
    const files: [string, Uint8Array][] = [
      // 9 pupils: one more on «4» and «5» is 11 п. п. — and chance.
      ["small.xlsx", await schoolWorkbook({ school: "Малая школа", values: { students_assessed: { [K22]: 9, [KY]: 9 }, quality_4_5: { [K22]: 3, [KY]: 4 } } }, { periods })],
      ["big.xlsx", await schoolWorkbook({ school: "Большая школа", values: { students_assessed: { [K22]: 300, [KY]: 300 }, quality_4_5: { [K22]: 60, [KY]: 150 } } }, { periods })],
    ];
    const schools = files.map(([n, bytes]) => {
      const r = readSchoolFile(n, bytes);
      if (!r.ok) throw new Error(r.finding.message.en);
      return r.school;
    });
    restore?.();
    host = createSimHost({ sheets: ["Лист1"] });
    restore = installSimHost(host);
    again = ok(await consolidate({ sources: schools, useOpenWorkbook: false, period: [{ startYear: 2022, kind: "Y" }, { startYear: 2023, kind: "Y" }], lang: "ru" }));
  });

  it("shows the change per school: chance in words with the pupils, a real change in п. п., uncoloured", () => {
    expect(again.chosen).toEqual([{ startYear: 2022, kind: "Y" }, { startYear: 2023, kind: "Y" }]);
    const [, , ch] = summaryLayout(summaryKinds(again.chosen!), 2);
    expect(host.inspect.cell("Свод", cellAddress(1, ch.total)).value).toBe("Изменение: 2022/23 учебный год → 2023/24 учебный год");
    const small = cell(ch.firstSchool);
    expect(small).toMatchObject({ value: "в пределах случайных колебаний (+1 учащийся)", conditionalFill: null, wrapText: true });
    const big = cell(ch.firstSchool + 1);
    expect(big.value).toBeCloseTo(30, 10);
    expect(big.text).toBe("+30.0 п. п.");
    expect(big.conditionalFill).toBeNull();
    expect(cell(ch.total).value).toBeCloseTo((154 / 309 - 63 / 309) * 100, 6);
    expect(cell(ch.total).text).toBe("+29.4 п. п.");
  });
});

describe("«Свод» wider than Excel's 16,384 columns", () => {
  it("is refused with a clear message and the workbook unchanged", async () => {
    const all = periodsOf(2023, ["Q", "H", "Y", "E"]);
    // 8 periods and 4 change blocks (Q2–Q4, H2): 20 columns a school; 820 schools need 16,409.
    const many = Array.from({ length: 820 }, (_, i) => ({ label: `s${i}.xlsx`, report: report(`Школа ${i + 1}`, all, { students_total: Object.fromEntries(all.map((p) => [periodKey(p), 100 + i])) }) }));
    restore?.();
    host = createSimHost({ sheets: ["Лист1"] });
    restore = installSimHost(host);
    const r = await consolidate({ sources: many, useOpenWorkbook: false, period: all, lang: "ru" });
    expect(r.ok === false && r.error).toMatchObject({ code: "tooWide", message: { ru: expect.stringContaining("не более 16 384 столбцов") } });
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Лист1"]);
    const fewer = ok(await consolidate({ sources: many, useOpenWorkbook: false, period: all.filter((p) => p.kind === "Y" || p.kind === "E"), lang: "ru" }));
    expect(fewer.schools).toBe(820);
  }, 120_000);
});
