/**
 * Bad arguments to the EDU.* functions, table-driven: each gives the documented result — a number,
 * a blank ("": missing data) or an Excel error with its Russian message — and none throws.
 * Excel error values in the arguments are checked through the HyperFormula twin (as in Excel, the
 * function is not called: the error passes through).
 */
import { ArgError, IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";
import { createSimHost, installSimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";

type Expected = number | "" | { error: "value" | "div0" | "na"; ru?: RegExp };

const ROWS: [string, FunctionId, unknown[], Expected][] = [
  ["text in a number argument", "SHARE", ["много", 200], { error: "value", ru: /^Часть: «много» — не число$/ }],
  ["a negative count", "SHARE", [-5, 200], { error: "value", ru: /^Отрицательное количество: −5$/ }],
  ["part > whole", "SHARE", [250, 200], { error: "value", ru: /^Часть \(250\) больше целого \(200\)$/ }],
  ["a zero whole", "SHARE", [42, 0], { error: "div0" }],
  ["a share as 21 with a share indicator", "DYNAMICS", [21, 0.25, "quality_4_5"], { error: "value", ru: /^Доля вне диапазона 0…1: 21\. Введите долю как 21 % или 0,21$/ }],
  ["shares as «21%» text", "DYNAMICS", ["21%", "25%", "quality_4_5"], 1],
  ["shares as «0,21» text", "DYNAMICS", ["0,21", "0,25", "quality_4_5"], 1],
  ["an ОГЭ average outside 2–5", "TARGETSTATUS", [7, 4, "gia9_rus_avg"], { error: "value", ru: /^Средний балл вне шкалы 2–5: 7$/ }],
  ["an ОГЭ average on the scale", "TARGETSTATUS", [4.2, 4, "gia9_rus_avg"], 1],
  ["a negative grade count", "GRADEAVG", [-1, 2, 3, 4], { error: "value", ru: /^Отрицательное количество: −1$/ }],
  ["a denominator below the graded", "QUALITY", [10, 10, 10, 10, 5], { error: "value", ru: /Знаменатель \(5\) меньше/ }],
  ["a date as text", "SHARE", ["01.09.2024", 200], { error: "value", ru: /^Часть: Дата «01\.09\.2024» вместо числа$/ }],
  ["a date as Excel's serial number", "SHARE", [45536, 200], { error: "value", ru: /^Часть \(45536\) больше целого \(200\)$/ }],
  ["the text «#N/A»", "SHARE", ["#N/A", 200], { error: "value", ru: /^Часть: В ячейке ошибка Excel #N\/A$/ }],
  ["an empty argument", "SHARE", ["", 200], ""],
  ["«–» (not applicable)", "SHARE", ["–", 200], ""],
  ["TRUE instead of a number", "SHARE", [true, 200], { error: "value", ru: /логическое значение/ }],
  ["text inside a TREND range", "TREND", [[[0.2, "много", 0.3]]], { error: "value", ru: /^Значения: «много» — не число$/ }],
  ["an empty TREND range", "TREND", [[]], { error: "na", ru: /^Недостаточно данных$/ }],
  ["a negative tolerance", "DYNAMICS", [0.1, 0.2, 1, -1], { error: "value", ru: /^Допустимое отклонение не может быть отрицательным$/ }],
  ["an unknown indicator as polarity", "DYNAMICS", [0.1, 0.2, "abc"], { error: "na", ru: /Неизвестный показатель: «abc»/ }],
  ["an object (not an Excel value)", "DELTA", [{}, 1], { error: "value", ru: /Неподдерживаемое значение/ }],
];

describe("EDU.* functions on bad arguments", () => {
  it.each(ROWS)("%s: %s(…)", (_what, id, args, expected) => {
    const fn = IMPLEMENTATIONS[id] as (...a: unknown[]) => unknown;
    let out: unknown;
    expect(() => (out = fn(...args))).not.toThrow();
    if (typeof expected === "object") {
      expect(out).toBeInstanceOf(ArgError);
      const e = (out as ArgError).error;
      expect(e.code).toBe(expected.error);
      if (expected.ru) expect(e.message.ru).toMatch(expected.ru);
      expect(e.message.en.length).toBeGreaterThan(5);
    } else if (typeof expected === "number") {
      expect(out).toBe(expected);
    } else {
      expect(out).toBe("");
    }
  });
});

describe("Excel error values in the arguments (HyperFormula twin)", () => {
  it.each([
    ["=EDU.SHARE(NA(),200)", "#N/A"],
    ["=EDU.SHARE(B1,200)", "#N/A"],
    ["=EDU.TREND(B1:B3)", "#N/A"],
    ["=EDU.DYNAMICS(1/0,0.2,1)", "#DIV/0!"],
    ['=EDU.SHARE("много",200)', "#VALUE!"],
  ])("%s gives %s", async (formula, value) => {
    const host = createSimHost({ plugins: [registerEduFunctions()] });
    const restore = installSimHost(host);
    try {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("B1:B3").formulas = [["=NA()"], [0.2], [0.3]];
        ws.getRange("A1").formulas = [[formula]];
        await context.sync();
      });
      expect(host.inspect.cell("Sheet1", "A1").value).toBe(value);
      expect(host.inspect.cell("Sheet1", "B1").value).toBe("#N/A"); // the user's input is untouched
    } finally {
      restore();
    }
  });
});
