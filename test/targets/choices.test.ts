/**
 * «Цели программы»: the indicator of a target is picked by its name from a drop-down (a hidden
 * list of names), read back to its id; older sheets with codes in column A still read; a row for
 * every indicator of the list.
 */
import { buildTargetsSheet, readTargetsSheet, TARGETS } from "../../src/core/layout/targetsSheet";
import { TARGET_CHOICES, indicatorIdOf, targetLabel } from "../../src/core/layout/targetChoices";
import { cellAddress, columnLetter } from "../../src/core/layout/grid";
import type { ReadSheet } from "../../src/core/report";
import type { Period } from "../../src/core/types";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import { writePlanToXlsx } from "../../src/xlsx/write";
import ExcelJS from "exceljs";
import { ok } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const periods = [P(2023, "H1"), P(2023, "Y"), P(2023, "E")];

function asRead(plan: ReturnType<typeof buildTargetsSheet>["sheet"]): ReadSheet {
  const grid = plan.cells.map((row) => row.map((c) => c?.formula ?? c?.value ?? ""));
  return { name: plan.name, kind: "targets", values: grid, formulas: grid.map((r) => [...r]) };
}
const put = (s: ReadSheet, row: number, col: number, v: string | number) => {
  for (const g of [s.values, s.formulas!]) {
    while (g.length < row) g.push([]);
    g[row - 1][col - 1] = v;
  }
};

describe("the indicator drop-down of «Цели программы»", () => {
  it("offers unique names in each language, neither denominators nor the pupil context", () => {
    for (const lang of ["ru", "en"] as const) {
      const labels = TARGET_CHOICES.map((i) => targetLabel(i, lang));
      expect(new Set(labels).size).toBe(labels.length);
      for (const [k, i] of TARGET_CHOICES.entries()) expect(indicatorIdOf(labels[k])).toBe(i.id);
    }
    expect(TARGET_CHOICES.some((i) => i.id === "students_assessed" || i.id.startsWith("ctx_"))).toBe(false);
    expect(TARGET_CHOICES.map((i) => i.id)).toEqual(expect.arrayContaining(["quality_4_5", "gia9_rus_avg", "staff_exp_gt30", "events_done_share"]));
  });

  it("reads names loosely (case, spaces, ё) and codes, and nothing else", () => {
    expect(indicatorIdOf("  огэ,  РУССКИЙ язык: средний балл ")).toBe("gia9_rus_avg");
    expect(indicatorIdOf("Углубленное изучение предметов")).toBe("deep_study");
    expect(indicatorIdOf("gia9_rus_avg")).toBe("gia9_rus_avg");
    expect(indicatorIdOf("Что-то своё")).toBeNull();
    expect(indicatorIdOf(42)).toBeNull();
  });

  it("lays out a hidden list, a drop-down on every row and a row for every indicator", () => {
    const built = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: null });
    const sheet = built.sheet;
    const lastRow = sheet.cells.length;
    const rows = lastRow - TARGETS.firstDataRow + 1;
    expect(rows).toBeGreaterThanOrEqual(TARGET_CHOICES.length);
    expect(rows - built.targets.length).toBeGreaterThanOrEqual(TARGETS.spareRows);
    // Column A (the code, filled from the picked name) and the list, both hidden.
    const [idCol, col] = sheet.hiddenColumns!;
    expect(idCol).toBe(TARGETS.idCol);
    const list = sheet.cells.slice(TARGETS.firstDataRow - 1).map((r) => r[col - 1]?.value).filter((v) => v !== undefined);
    expect(list).toEqual(TARGET_CHOICES.map((i) => i.short.ru));
    const dropDown = sheet.validations.find((v) => v.rule.kind === "listFrom")!;
    expect(dropDown.range).toBe(`B${TARGETS.firstDataRow}:B${lastRow}`);
    const L = columnLetter(col);
    expect(dropDown.rule).toEqual({ kind: "listFrom", source: `$${L}$${TARGETS.firstDataRow}:$${L}$${TARGETS.firstDataRow + TARGET_CHOICES.length - 1}` });
    // The milestone columns end before the hidden list: period keys are read from them only.
    expect(readTargetsSheet(asRead(sheet), periods).periodKeys).toEqual(["2023/24-H1", "2023/24-Y", "2023/24-E"]);
    // Existing rows show the same names as the list, so the drop-down accepts them.
    for (const id of Object.keys(built.layout.rowOf)) expect(list).toContain(sheet.cells[built.layout.rowOf[id] - 1][TARGETS.nameCol - 1]?.value);
  });

  it("reads a target picked by name, an older row typed by code, and the name over a stale code", () => {
    const first = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: null });
    const read = asRead(first.sheet);
    const spare = first.sheet.cells.findIndex((r, i) => i >= TARGETS.firstDataRow - 1 && r[TARGETS.idCol - 1]?.value === undefined) + 1;
    put(read, spare, TARGETS.nameCol, "Стаж свыше 30 лет");
    put(read, spare, TARGETS.valueCol, 0.2);
    put(read, spare, TARGETS.directionCol, "не более");
    put(read, spare + 1, TARGETS.idCol, "gia9_math_avg");
    put(read, spare + 1, TARGETS.valueCol, 3.6);
    put(read, spare + 2, TARGETS.nameCol, "Нет такого показателя");
    put(read, spare + 2, TARGETS.valueCol, 5);
    const q = first.layout.rowOf.quality_4_5;
    put(read, q, TARGETS.nameCol, "Высшее образование");
    const rows = readTargetsSheet(read, periods).rows;
    expect(rows.find((r) => r.id === "staff_exp_gt30")?.target).toMatchObject({ value: 0.2, direction: "atMost" });
    expect(rows.find((r) => r.id === "gia9_math_avg")?.target).toMatchObject({ value: 3.6 });
    expect(rows.some((r) => r.id === "quality_4_5")).toBe(false);
    expect(rows.find((r) => r.id === "staff_higher_ed")?.target?.value).toBe(first.targets.find((t) => t.indicatorId === "quality_4_5")!.value);
    expect(rows).toHaveLength(first.targets.length + 2);

    const again = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: read });
    const row = again.layout.rowOf.staff_exp_gt30;
    expect(again.sheet.cells[row - 1][TARGETS.idCol - 1]?.value).toBe("staff_exp_gt30");
    expect(again.sheet.cells[row - 1][TARGETS.nameCol - 1]?.value).toBe("Стаж свыше 30 лет");
    expect(again.sheet.cells.length - TARGETS.firstDataRow + 1).toBeGreaterThanOrEqual(TARGET_CHOICES.length);
  });

  it("writes the drop-down and the hidden list to .xlsx (the template)", async () => {
    const built = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: null });
    const plan = { lang: "ru" as const, sheets: [built.sheet], styles: {}, names: [] };
    const buf = await writePlanToXlsx(plan as unknown as Parameters<typeof writePlanToXlsx>[0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Цели программы")!;
    const col = built.sheet.hiddenColumns![1];
    expect(ws.getColumn(TARGETS.idCol).hidden).toBe(true);
    expect(ws.getColumn(col).hidden).toBe(true);
    expect(ws.getColumn(col - 1).hidden).toBe(false);
    const dv = ws.getCell(`B${TARGETS.firstDataRow + 40}`).dataValidation;
    expect(dv).toMatchObject({ type: "list", formulae: [(built.sheet.validations.find((v) => v.rule.kind === "listFrom")!.rule as { source: string }).source] });
  });
});

describe("picking a target by name in the simulated Excel", () => {
  let host: SimHost;
  let restore: () => void;
  beforeAll(async () => {
    host = createSimHost({ plugins: [registerEduFunctions()] });
    restore = installSimHost(host);
    const r = await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2023, periods: [P(2023, "H1"), P(2023, "Y"), P(2023, "E")], sections: ["subject", "staff", "facilities", "methods"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
    ok(await insertTargets({ lang: "ru" }));
  });
  afterAll(() => restore());

  it("hides the list, accepts a listed name, warns on another, and reads the pick on refresh", async () => {
    const name = "Цели программы";
    const info = host.inspect.sheetInfo(name);
    expect(info.hiddenColumns).toHaveLength(2);
    expect(info.hiddenColumns[0]).toBe(columnLetter(TARGETS.idCol));
    const grid = host.inspect.grid(name);
    const hidden = grid.columnWidths.lastIndexOf(0) + 1;
    expect(columnLetter(hidden)).toBe(info.hiddenColumns[1]);
    const spare = grid.cells.findIndex((r, i) => i >= TARGETS.firstDataRow - 1 && !r[TARGETS.idCol - 1]?.value && !r[TARGETS.nameCol - 1]?.value) + 5;
    const bad = host.inspect.userEdit(name, cellAddress(spare, TARGETS.nameCol), "Мой показатель");
    expect(bad).toMatchObject({ ok: true, warning: { title: "Проверьте значение" } });
    const good = host.inspect.userEdit(name, cellAddress(spare, TARGETS.nameCol), "Стаж свыше 30 лет");
    expect(good).toEqual({ ok: true });
    expect(host.inspect.userEdit(name, cellAddress(spare, TARGETS.valueCol), "20%")).toMatchObject({ ok: true });
    expect(host.inspect.userEdit(name, cellAddress(spare, TARGETS.directionCol), "не более")).toMatchObject({ ok: true });

    // A spare row further down than the next one: formulas refer to the row where the target stands.
    ok(await refreshRisks({ lang: "ru", today: "2024-07-01" }));
    const staff = host.inspect.grid("Кадровые условия");
    const formulas = staff.cells.flat().map((c) => c.formula ?? "").filter((f) => f.includes(`'${name}'!$C$${spare}`));
    expect(formulas.length).toBeGreaterThan(0);

    ok(await insertTargets({ lang: "ru" }));
    const after = host.inspect.grid(name);
    const row = after.cells.findIndex((r) => r[TARGETS.idCol - 1]?.value === "staff_exp_gt30") + 1;
    expect(row).toBeGreaterThan(0);
    expect(after.cells[row - 1][TARGETS.nameCol - 1]?.value).toBe("Стаж свыше 30 лет");
    expect(after.cells[row - 1][TARGETS.valueCol - 1]?.value).toBe(0.2);
    // Still exactly the code and list columns hidden after the rebuild.
    expect(host.inspect.sheetInfo(name).hiddenColumns).toEqual(info.hiddenColumns);
  });

  it("moves the hidden list right when a period adds a milestone column, and shows the column it left", async () => {
    const name = "Цели программы";
    const before = host.inspect.sheetInfo(name).hiddenColumns;
    const r = await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2023, periods: [P(2023, "Q1"), P(2023, "H1"), P(2023, "Y"), P(2023, "E")], sections: ["subject", "staff", "facilities", "methods"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
    ok(await insertTargets({ lang: "ru" }));
    const after = host.inspect.sheetInfo(name).hiddenColumns;
    expect(after).toHaveLength(2);
    expect(after[1]).toBe(columnLetter(TARGETS.firstMilestoneCol + 4));
    expect(after).not.toEqual(before);
    const grid = host.inspect.grid(name);
    expect(grid.columnWidths[TARGETS.firstMilestoneCol + 2]).toBeGreaterThan(0); // the list's old column, now a milestone
    expect(grid.cells[TARGETS.periodKeyRow - 1][TARGETS.firstMilestoneCol + 2]?.value).toBe("2023/24-E");
  });
});
