import { HyperFormula } from "hyperformula";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { createSimHost } from "../../src/sim";

registerEduFunctions();

/** One sheet: row arrays of cell contents (formulas as text), evaluated by HyperFormula. */
function sheet(rows: unknown[][]) {
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3" });
  return {
    value: (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!),
    hf,
  };
}

describe("EDU.* in HyperFormula", () => {
  it("evaluates the functions in sheet formulas", () => {
    const s = sheet([
      [42, 200, "=EDU.SHARE(A1,B1)"],
      [0.1, 0.05, '=EDU.DYNAMICS(A2,B2,"gia9_rus_fail")', "=EDU.DYNAMICS(A2,B2)", "=EDU.DELTA(A2,B2)", "=EDU.GROWTH(A2,B2)"],
      [0.21, 0.24, 0.27, null, 0.33, "=EDU.TREND(A3:E3)"],
      [0.27, 0.38, '=EDU.TARGETSTATUS(A4,B4,"quality_4_5",0.02)', "=EDU.TARGETGAP(A4,B4)", "=EDU.TARGETSTATUS(0.37,B4,1,0.02)"],
      [5, 10, 12, 3, "=EDU.QUALITY(A5,B5,C5,D5)", "=EDU.SUCCESS(A5,B5,C5,D5)", "=EDU.GRADEAVG(A5,B5,C5,D5)", "=EDU.SOU(A5,B5,C5,D5)"],
      // 2 pupils «н/а»: every statistic takes them, N = 32 for all three shares.
      [5, 10, 12, 3, "=EDU.QUALITY(A6,B6,C6,D6,,2)", "=EDU.SUCCESS(A6,B6,C6,D6,,2)", "=EDU.GRADEAVG(A6,B6,C6,D6,2)", "=EDU.SOU(A6,B6,C6,D6,2)", "=EDU.SOU(A6,B6,C6,D6,2,40)"],
    ]);
    expect(s.value("C1")).toBeCloseTo(0.21, 12);
    expect(s.value("C2")).toBe(1); // fewer failures: improved
    expect(s.value("D2")).toBe(-1);
    expect(s.value("E2")).toBeCloseTo(-0.05, 12);
    expect(s.value("F2")).toBeCloseTo(-0.5, 12);
    expect(s.value("F3")).toBeCloseTo(0.03, 12); // the empty D3 is skipped but keeps its step
    expect(s.value("C4")).toBe(-1);
    expect(s.value("D4")).toBeCloseTo(-0.11, 12);
    expect(s.value("E4")).toBe(0);
    expect(s.value("E5")).toBeCloseTo(0.5, 12);
    expect(s.value("F5")).toBeCloseTo(0.9, 12);
    expect(s.value("G5")).toBeCloseTo(107 / 30, 9); // HyperFormula rounds results to 10 significant digits
    expect(s.value("H5")).toBeCloseTo(1620 / 3000, 12);
    expect(s.value("E6")).toBeCloseTo(15 / 32, 9);
    expect(s.value("F6")).toBeCloseTo(27 / 32, 9);
    expect(s.value("G6")).toBeCloseTo(107 / 30, 9);
    expect(s.value("H6")).toBeCloseTo(1634 / 3200, 9);
    expect(s.value("I6")).toBeCloseTo(1634 / 4000, 9);
  });

  it("keeps missing data blank and reports errors with their Excel type and message", () => {
    const s = sheet([
      [null, 10, "=EDU.SHARE(A1,B1)", "–", "=EDU.DELTA(D1,B1)"],
      [45, 40, "=EDU.SHARE(A2,B2)", "=EDU.SHARE(1,0)", "=EDU.GROWTH(0,5)", '=EDU.DYNAMICS(1,2,"no_such_id")', "=EDU.TREND(A3:C3)", '=EDU.SHARE("много",2)'],
      [null, 0.3, null, '=EDU.TARGETSTATUS(38,0.38,"quality_4_5")', "=EDU.DYNAMICS(1/0,2)"],
    ]);
    expect(s.value("C1")).toBe("");
    expect(s.value("E1")).toBe("");
    const e = (a1: string) => s.value(a1) as { type: string; message: string };
    expect(e("C2")).toMatchObject({ type: "VALUE", message: "Часть (45) больше целого (40)" });
    expect(e("D2")).toMatchObject({ type: "DIV_BY_ZERO" });
    expect(e("E2")).toMatchObject({ type: "DIV_BY_ZERO" });
    expect(e("F2")).toMatchObject({ type: "NA", message: "Неизвестный показатель: «no_such_id»" });
    expect(e("G2")).toMatchObject({ type: "NA", message: "Недостаточно данных" });
    expect(e("H2").type).toBe("VALUE");
    expect(e("D3")).toMatchObject({ type: "VALUE" });
    expect(e("D3").message).toMatch(/^Доля вне диапазона 0…1: 38/);
    expect(e("E3")).toMatchObject({ type: "DIV_BY_ZERO" }); // an error argument propagates
  });

  it("runs inside the simulated Excel host", async () => {
    const host = createSimHost({ plugins: [registerEduFunctions()] });
    await host.Excel.run(async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1:C1").values = [[0.3, 0.25, null]];
      ws.getRange("C1").formulas = [['=EDU.DYNAMICS(A1,B1,"gia9_math_fail")']];
      const r = ws.getRange("C1");
      r.load("values");
      await context.sync();
      expect(r.values[0][0]).toBe(1);
    });
  });
});

describe("EDU.* under their Russian names in the simulated host", () => {
  it("computes =EDU.ДОЛЯ(…) like =EDU.SHARE(…) and reads the formula back as written", async () => {
    const host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1"] });
    await host.Excel.run(async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1:B1").values = [[42, 200]];
      ws.getRange("C1:F1").formulas = [[
        "=EDU.ДОЛЯ(A1,B1)",
        "=edu.доля(A1,B1)+EDU.SHARE(A1,B1)",
        '=EDU.ОТКЛОНЕНИЕ.ОТ.ЦЕЛИ(0.5,0.25)&" EDU.ДОЛЯ(1,2)"',
        '=EDU.ДИНАМИКА(0.1,0.05,"gia9_rus_fail")',
      ]];
      const r = ws.getRange("C1:F1");
      r.load(["values", "formulas"]);
      await context.sync();
      expect(r.values[0][0]).toBeCloseTo(0.21, 12);
      expect(r.values[0][1]).toBeCloseTo(0.42, 12);
      expect(r.values[0][2]).toBe("0.25 EDU.ДОЛЯ(1,2)"); // the text inside quotes is not a call
      expect(r.values[0][3]).toBe(1);
      expect(r.formulas[0][0]).toBe("=EDU.ДОЛЯ(A1,B1)");
      expect(r.formulas[0][2]).toContain('" EDU.ДОЛЯ(1,2)"');
    });
  });

  it("accepts a typed =EDU.ДОЛЯ(…) in the grid (what the demo does)", () => {
    const host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1"], locale: "ru-RU" });
    expect(host.inspect.userEdit("Лист1", "A1", "=EDU.ДОЛЯ(1,4)")).toEqual({ ok: true });
    expect(host.inspect.cell("Лист1", "A1")).toMatchObject({ value: 0.25, formula: "=EDU.ДОЛЯ(1,4)" });
  });
});
