/**
 * «Свести школы» in the simulated host with template files that carry every period's column:
 * periods are counted by data, a file without data and a file of another school year are
 * listed apart and kept out of «Свод» and «Данные».
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { SUMMARY } from "../../src/core/consolidate";
import { periodsOf } from "../../src/core/periods";
import { readSchoolFile, type SchoolSource, type SourceFinding } from "../../src/xlsx/light";
import { consolidate, type ConsolidateResult } from "../../src/excel/consolidate";
import { schoolWorkbook } from "../xlsx/fixtures";

const H1 = "2023/24-H1";
const KY = "2023/24-Y";

let host: SimHost;
let restore: (() => void) | undefined;
let out: ConsolidateResult;

beforeAll(async () => {
  const files: [string, Uint8Array][] = [
    ["a.xlsx", await schoolWorkbook({ school: "Школа А", values: { students_assessed: { [H1]: 100, [KY]: 100 }, quality_4_5: { [H1]: 40, [KY]: 50 } } })],
    ["b.xlsx", await schoolWorkbook({ school: "Школа Б", values: { students_assessed: { [H1]: 200 }, quality_4_5: { [H1]: 60 } } })],
    // The blank template with the school's name only.
    ["empty.xlsx", await schoolWorkbook({ school: "Школа В", values: {} })],
    // Only the roll filled: the school is consolidated, but its Y does not count as reported.
    ["roll.xlsx", await schoolWorkbook({ school: "Школа Д", values: { students_total: { [KY]: 300 } } })],
    ["old.xlsx", await schoolWorkbook({ school: "Школа Г", values: { students_assessed: { "2022/23-H1": 50 }, quality_4_5: { "2022/23-H1": 10 } } }, { schoolYear: 2022, periods: periodsOf(2022, ["H", "Y"]) })],
  ];
  const reads = files.map(([name, bytes]) => readSchoolFile(name, bytes));
  const sources: SchoolSource[] = reads.flatMap((r) => (r.ok ? [r.school] : []));
  const findings: SourceFinding[] = reads.flatMap((r) => (r.ok ? r.findings : [r.finding]));
  expect(sources).toHaveLength(5);
  host = createSimHost({ sheets: ["Лист1"] });
  restore = installSimHost(host);
  const r = await consolidate({ sources, sourceFindings: findings, useOpenWorkbook: false, period: null, lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
  out = r;
});
afterAll(() => restore?.());

describe("consolidation by data (simulated host)", () => {
  it("offers only periods with data and picks the latest most schools filled, not the latest column", () => {
    expect(out.period).toEqual({ startYear: 2023, kind: "H1" });
    expect(out.periods).toEqual([{ period: { startYear: 2023, kind: "H1" }, schools: 2 }, { period: { startYear: 2023, kind: "Y" }, schools: 1 }]);
    expect(out.schools).toBe(3);
  });

  it("lists the file without data and the file of another school year apart, with the reason", () => {
    const byLabel = Object.fromEntries(out.findings.map((f) => [f.label, f.message.ru]));
    expect(byLabel["empty.xlsx"]).toBe("«Школа В» (empty.xlsx): в файле нет данных ни за один период — школа не включена в свод. Проверьте, тот ли это файл.");
    expect(byLabel["old.xlsx"]).toContain("отчёт за 2022/23 учебный год, а у большинства школ — за 2023/24");
    expect(byLabel["roll.xlsx"]).toBe("«Школа Д»: нет данных за период «I полугодие 2023/24» — столбец школы пуст.");
  });

  it("keeps them out of «Свод» and «Данные»; the total is over the schools with the value", () => {
    const g = host.inspect.grid("Свод").cells;
    const names = g[SUMMARY.headerRow - 1].map((c) => c.value).filter((v) => typeof v === "string" && v.startsWith("Школа"));
    expect(names).toEqual(["Школа А", "Школа Б", "Школа Д"]);
    const row = g.findIndex((r) => r[0]?.value === "quality_4_5");
    expect(g[row][SUMMARY.totalCol - 1].value).toBeCloseTo(100 / 300, 9);
    const data = host.inspect.grid("Данные").cells.flat().map((c) => c.value);
    expect(data).toContain("Школа А");
    expect(data).not.toContain("Школа В");
    expect(data).not.toContain("Школа Г");
    // The findings are written under «Свод» too.
    expect(g.flat().some((c) => typeof c.value === "string" && c.value.includes("old.xlsx"))).toBe(true);
  });
});
