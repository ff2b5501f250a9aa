/**
 * Issue 16 functions: EDU.WILSON / EDU.ИНТЕРВАЛ, EDU.SIGNIFICANT / EDU.ЗНАЧИМО, EDU.NEEDED / EDU.НУЖНО
 * (the README examples), and impossible inputs to TARGETSTATUS, DYNAMICS, SHARE giving the
 * documented #VALUE! with a message — through the implementations and in the simulated host.
 */
import { ArgError, IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";
import { createSimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";

type Expected = number | "" | { error: "value" | "div0"; ru: RegExp };

const ROWS: [string, FunctionId, unknown[], Expected][] = [
  ["Wilson lower bound of 0 of 10", "WILSON", [0, 10], 0],
  ["Wilson upper bound of 5 of 10", "WILSON", [5, 10, 1], 0.7634],
  ["Wilson of an empty count", "WILSON", ["", 10], ""],
  ["Wilson: part above whole", "WILSON", [12, 9], { error: "value", ru: /^Часть \(12\) больше целого \(9\)$/ }],
  ["Wilson: fractional count", "WILSON", [3.5, 10], { error: "value", ru: /целым: 3,5/ }],
  ["Wilson: bad bound", "WILSON", [3, 10, 2], { error: "value", ru: /Граница/ }],
  ["one pupil of 9 is chance", "SIGNIFICANT", [1, 9, 2, 9], 0],
  ["2 → 8 of 9 is a rise", "SIGNIFICANT", [2, 9, 8, 9], 1],
  ["50 → 30 of 100 is a fall", "SIGNIFICANT", [50, 100, 30, 100], -1],
  ["significance with a negative count", "SIGNIFICANT", [-1, 9, 2, 9], { error: "value", ru: /^Отрицательное количество/ }],
  ["needed per period", "NEEDED", [0.27, 0.38, 2], 0.055],
  ["needed pupils of 100", "NEEDED", [0.27, 0.38, 1, 100], 11],
  ["needed for an at-most indicator", "NEEDED", [0.1, 0, 2, "", "gia9_rus_fail"], -0.05],
  ["needed when met", "NEEDED", [0.4, 0.38, 3], 0],
  ["needed with a share above 100 %", "NEEDED", [1.2, 0.38, 1, "", "quality_4_5"], { error: "value", ru: /^Доля вне диапазона 0…1/ }],
  ["needed with no periods left", "NEEDED", [0.27, 0.38, 0], { error: "value", ru: /оставшихся периодов/ }],
  ["target status of a share above 100 %", "TARGETSTATUS", [1.2, 0.38, "quality_4_5"], { error: "value", ru: /^Доля вне диапазона 0…1: 1,2/ }],
  ["dynamics of a negative share", "DYNAMICS", [-0.1, 0.2, "quality_4_5"], { error: "value", ru: /^Доля вне диапазона 0…1: −0,1|^Доля вне диапазона 0…1: -0,1/ }],
  ["share of more «4» and «5» than assessed", "SHARE", [45, 40], { error: "value", ru: /^Часть \(45\) больше целого \(40\)$/ }],
];

describe("issue 16 functions (implementations)", () => {
  it.each(ROWS)("%s: %s(…)", (_what, id, args, expected) => {
    const out = (IMPLEMENTATIONS[id] as (...a: unknown[]) => unknown)(...args);
    if (typeof expected === "object") {
      expect(out).toBeInstanceOf(ArgError);
      expect((out as ArgError).error.code).toBe(expected.error);
      expect((out as ArgError).error.message.ru).toMatch(expected.ru);
    } else if (typeof expected === "number") {
      expect(out).toBeCloseTo(expected, 4);
    } else expect(out).toBe("");
  });
});

describe("issue 16 functions under both names in the simulated host", () => {
  it("computes the README examples", async () => {
    const host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1"] });
    await host.Excel.run(async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1:F1").formulas = [[
        "=EDU.ЗНАЧИМО(1,9,2,9)", "=EDU.SIGNIFICANT(2,9,8,9)", "=EDU.ИНТЕРВАЛ(2,9)", "=EDU.WILSON(2,9,1)", "=EDU.НУЖНО(0.27,0.38,1,100)", "=EDU.NEEDED(0.27,0.38,2)",
      ]];
      ws.getRange("A2").formulas = [["=EDU.ЗНАЧИМО(12,9,2,9)"]];
      const r = ws.getRange("A1:F2");
      r.load("values");
      await context.sync();
      const [row, bad] = r.values;
      expect(row[0]).toBe(0);
      expect(row[1]).toBe(1);
      expect(row[2]).toBeCloseTo(0.0632, 4);
      expect(row[3]).toBeCloseTo(0.5474, 4);
      expect(row[4]).toBe(11);
      expect(row[5]).toBeCloseTo(0.055, 12);
      expect(bad[0]).toBe("#VALUE!");
    });
  });
});
