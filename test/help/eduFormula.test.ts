/** «Вставить функцию», pure part: arguments read from what a user picks or types, formulas in both forms. */
import { eduFormula, parseArg, readArgs } from "../../src/core/eduFormula";
import SIGNATURES from "../../src/functions/signatures.json";

const sig = (id: string) => SIGNATURES.find((s) => s.id === id)!;

describe("parseArg", () => {
  it("reads cells and ranges, on this sheet or another (quoted or not)", () => {
    expect(parseArg(" e5 ")).toEqual({ kind: "ref", sheet: null, address: "E5" });
    expect(parseArg("$E$5:L5")).toEqual({ kind: "ref", sheet: null, address: "$E$5:L5" });
    expect(parseArg("'Кадровые условия'!F7")).toEqual({ kind: "ref", sheet: "Кадровые условия", address: "F7" });
    expect(parseArg("'Школа ''А'''!B2:C3")).toEqual({ kind: "ref", sheet: "Школа 'А'", address: "B2:C3" });
    expect(parseArg("Лист1!A1")).toEqual({ kind: "ref", sheet: "Лист1", address: "A1" });
  });

  it("reads numbers the Russian and the English way, percent and minus", () => {
    expect(parseArg("0,21")).toEqual({ kind: "number", value: 0.21 });
    expect(parseArg("0.21")).toEqual({ kind: "number", value: 0.21 });
    expect(parseArg("38 %")).toEqual({ kind: "number", value: 0.38 });
    expect(parseArg("−1")).toEqual({ kind: "number", value: -1 });
    expect(parseArg("42")).toEqual({ kind: "number", value: 42 });
  });

  it("reads an indicator id, bare or quoted, and refuses anything else", () => {
    expect(parseArg("gia9_rus_fail")).toEqual({ kind: "text", value: "gia9_rus_fail" });
    expect(parseArg('"gia9_rus_fail"')).toEqual({ kind: "text", value: "gia9_rus_fail" });
    expect(parseArg("")).toEqual({ kind: "empty" });
    for (const bad of ["1,2,3", "E5;F5", "=A1", "Лист!", "много", "A1+B1", '"a"b"']) expect(parseArg(bad)).toBeNull();
  });
});

describe("eduFormula", () => {
  it("writes the invariant form (English name, commas, points) and the Russian display form", () => {
    const { args, problems } = readArgs(sig("SHARE"), ["E5", "'Базовые показатели'!E6"]);
    expect(problems).toEqual([]);
    expect(eduFormula(sig("SHARE"), args, "invariant")).toBe("=EDU.SHARE(E5,'Базовые показатели'!E6)");
    expect(eduFormula(sig("SHARE"), args, "ru")).toBe("=EDU.ДОЛЯ(E5;'Базовые показатели'!E6)");
    // A reference on the sheet the formula goes to is written without its sheet.
    expect(eduFormula(sig("SHARE"), args, "invariant", "Базовые показатели")).toBe("=EDU.SHARE(E5,E6)");
  });

  it("leaves out trailing empty optional arguments, keeps one in the middle, writes decimals per style", () => {
    const q = readArgs(sig("QUALITY"), ["5", "10", "12", "3", "", "2"]);
    expect(q.problems).toEqual([]);
    expect(eduFormula(sig("QUALITY"), q.args, "ru")).toBe("=EDU.КАЧЕСТВО.ЗНАНИЙ(5;10;12;3;;2)");
    expect(eduFormula(sig("QUALITY"), q.args, "invariant")).toBe("=EDU.QUALITY(5,10,12,3,,2)");
    const t = readArgs(sig("TARGETSTATUS"), ["0,37", "38%", "", ""]);
    expect(eduFormula(sig("TARGETSTATUS"), t.args, "invariant")).toBe("=EDU.TARGETSTATUS(0.37,0.38)");
    expect(eduFormula(sig("TARGETSTATUS"), t.args, "ru")).toBe("=EDU.СТАТУС.ЦЕЛИ(0,37;0,38)");
    const d = readArgs(sig("DYNAMICS"), ["B5", "C5", "gia9_rus_fail"]);
    expect(eduFormula(sig("DYNAMICS"), d.args, "invariant")).toBe('=EDU.DYNAMICS(B5,C5,"gia9_rus_fail")');
  });

  it("names what is missing or wrong, argument by argument", () => {
    const r = readArgs(sig("SHARE"), ["", "много"]);
    expect(r.problems.map((p) => [p.index, p.message.ru])).toEqual([
      [0, "Обязательный аргумент: заполните его."],
      [1, "«много»: укажите ячейку (например, E5 или нажмите «Взять из выделения»), число или код показателя в кавычках."],
    ]);
    expect(readArgs(sig("TREND"), ["0,2"]).problems[0].message.en).toMatch(/A range of cells is needed/);
    expect(readArgs(sig("TREND"), ["E5:L5"]).problems).toEqual([]);
  });
});
