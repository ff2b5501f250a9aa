/**
 * «Свод» straight from a municipal table in the simulated host: paste a 3-school table, select it,
 * consolidate → «Свод» shows each school's value and the total equal to the table's figures.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { SUMMARY } from "../../src/core/consolidate";
import { columnLetter } from "../../src/core/layout/grid";
import { consolidateTable, type ConsolidateTableResult } from "../../src/excel/consolidateTable";
import type { Period } from "../../src/core/types";
import { ok } from "../helpers/commands";
import { MUNICIPAL } from "./fixtures";

const Y: Period = { startYear: 2023, kind: "Y" };
let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

function fresh(): void {
  restore?.();
  host = createSimHost({ sheets: ["Лист1"] });
  restore = installSimHost(host);
}

async function paste(rows: string[][], sheet = "Вставка"): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(sheet);
    const width = Math.max(...rows.map((r) => r.length));
    const range = ws.getRange(`A1:${columnLetter(width)}${rows.length}`);
    range.numberFormat = rows.map((r) => r.map(() => "@"));
    range.values = rows;
    range.select();
    await context.sync();
  });
}

describe("consolidateTable (simulated host)", () => {
  let out: ConsolidateTableResult;
  beforeAll(async () => {
    fresh();
    await paste(MUNICIPAL);
    out = ok(await consolidateTable({ period: Y, lang: "ru" }));
  });

  const row = (id: string) => {
    const g = host.inspect.grid("Свод").cells;
    return g[g.findIndex((r) => r[0]?.value === id)];
  };
  const school = (r: ReturnType<typeof row>, k: number) => r[SUMMARY.firstSchoolCol - 1 + 2 * k].value;

  it("consolidates the three school columns, not the district total, and makes no school sheets", () => {
    expect(out).toMatchObject({ summarySheet: "Свод", dataSheet: "Данные", schools: 3, period: Y, source: "Вставка!A1:G12" });
    expect(out.tableSchools).toEqual(["МБОУ СОШ № 1", "СОШ № 5", "Школа 12"]);
    expect(out.ignored).toEqual(["Итого по району"]);
    expect(host.inspect.sheetNames().map((s) => s.name).sort()).toEqual(["Вставка", "Данные", "Лист1", "Свод"].sort());
    const head = host.inspect.grid("Свод").cells[SUMMARY.headerRow - 1].map((c) => c.value);
    expect(head).toEqual(expect.arrayContaining(["МБОУ СОШ № 1", "СОШ № 5", "Школа 12"]));
    expect(head).not.toContain("Итого по району");
  });

  it("shows each school's value and the total of the table's figures (share = summed counts / summed denominators)", () => {
    const p = row("contest_participants");
    expect(school(p, 0)).toBeCloseTo(164 / 200, 12);
    expect(school(p, 1)).toBeCloseTo(246 / 670, 9);
    expect(school(p, 2)).toBeCloseTo(30 / 120, 12);
    expect(p[SUMMARY.totalCol - 1].value).toBeCloseTo(440 / 990, 9);
    const s = row("staff_higher_ed");
    expect(s[SUMMARY.totalCol - 1].value).toBeCloseTo(56 / 70, 9);
    const t = row("students_total");
    expect([school(t, 0), school(t, 1), school(t, 2), t[SUMMARY.totalCol - 1].value]).toEqual([200, 670, 120, 990]);
  });

  it("lists the table's own finding on «Свод» and returns every school's findings", () => {
    expect(out.findings.some((f) => f.label === "Школа 12" && /20,0 %/.test(f.message.ru))).toBe(true);
    expect(out.tableFindings.map((f) => [f.school, f.rule]).sort()).toEqual([["Школа 12", "part_exceeds_whole"], ["Школа 12", "share_mismatch"]]);
    const text = host.inspect.grid("Свод").cells.flat().map((c) => String(c.value ?? "")).join("\n");
    expect(text).toContain("«Школа 12»: «Участники олимпиад и конкурсов»: указанная доля 20,0 %");
  });

  it("«Данные» holds one row per school × indicator with a value, «–» as «–»", () => {
    const data = host.inspect.grid("Данные").cells;
    const secondary = data.filter((r) => r[4]?.value === "students_secondary").map((r) => [r[0].value, r[6].value]);
    expect(secondary).toEqual([["МБОУ СОШ № 1", 20], ["СОШ № 5", 60], ["Школа 12", "–"]]);
  });

  it("a Word table passed in is consolidated the same way, and a second run replaces «Свод»", async () => {
    const again = ok(await consolidateTable({ period: Y, lang: "ru", grid: MUNICIPAL, gridSource: "район.docx: Таблица 1" }));
    expect(again).toMatchObject({ source: "район.docx: Таблица 1", summarySheet: "Свод", schools: 3 });
    expect(host.inspect.sheetNames().map((x) => x.name).sort()).toEqual(["Вставка", "Данные", "Лист1", "Свод"].sort());
    expect(row("contest_participants")[SUMMARY.totalCol - 1].value).toBeCloseTo(440 / 990, 9);
  });

  it("a table without school columns is refused with a clear message, the workbook unchanged", async () => {
    fresh();
    await paste([["№", "Показатель", "2023/24"], ["1.1", "Общая численность учащихся", "200"]]);
    const r = await consolidateTable({ period: Y, lang: "ru" });
    expect(r).toMatchObject({ ok: false, error: { code: "noSchools" } });
    expect(host.inspect.sheetNames().map((s) => s.name).sort()).toEqual(["Вставка", "Лист1"]);
  });
});
