/** Pure helpers of the simulated host: addresses, formula shifting, number formats, typed input. */

import { formatRect, parseAddress, quoteSheet, shiftFormula, subtract } from "../../src/sim/host/address";
import { formatValue, parseInput } from "../../src/sim/host/numfmt";

test("addresses parse and print as Excel writes them", () => {
  expect(parseAddress("'Кадровые условия'!B2:$C$3")).toEqual({ sheet: "Кадровые условия", rect: { r0: 1, c0: 1, r1: 2, c1: 2 } });
  expect(parseAddress("'It''s'!A1")?.sheet).toBe("It's");
  expect(parseAddress("A1:")).toBeNull();
  expect(parseAddress("XFE1")).toBeNull();
  expect(formatRect(parseAddress("c:a")!.rect)).toBe("A:C");
  expect(formatRect(parseAddress("3:1")!.rect, true)).toBe("$1:$3");
  expect(quoteSheet("Паспорт")).toBe("Паспорт");
  expect(quoteSheet("Кадровые условия")).toBe("'Кадровые условия'");
  expect(quoteSheet("A1")).toBe("'A1'");
  expect(quoteSheet("2024")).toBe("'2024'");
});

test("rectangle subtraction covers exactly the difference", () => {
  const parts = subtract({ r0: 0, c0: 0, r1: 9, c1: 0 }, { r0: 3, c0: 0, r1: 4, c1: 0 });
  expect(parts).toEqual([
    { r0: 0, c0: 0, r1: 2, c1: 0 },
    { r0: 5, c0: 0, r1: 9, c1: 0 },
  ]);
});

test("shiftFormula moves relative references only, never strings, sheet names or function names", () => {
  expect(shiftFormula("=C2<D2", 2, 0)).toBe("=C4<D4");
  expect(shiftFormula("=$C2<D$2", 1, 1)).toBe("=$C3<E$2");
  expect(shiftFormula("=LOG10(A1)+'A1 лист'!B1&\"A1\"", 1, 0)).toBe("=LOG10(A2)+'A1 лист'!B2&\"A1\"");
  expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
});

test("number formats render like Excel for the formats the add-in uses", () => {
  expect(formatValue(0.3845, "0.0%")).toBe("38.5%");
  expect(formatValue(0.3845, "0.0%", "ru-RU")).toBe("38,5%");
  expect(formatValue(1.005, "0.00")).toBe("1.01");
  expect(formatValue(1234567.891, "#,##0.00")).toBe("1,234,567.89");
  expect(formatValue(2.5, '+0.0" п. п.";-0.0" п. п.";0.0" п. п."')).toBe("+2.5 п. п.");
  expect(formatValue(0, '+0.0;-0.0;"—"')).toBe("—");
  expect(formatValue(1 / 3, "General")).toBe("0.3333333333");
  expect(formatValue(45000, "dd.mm.yyyy")).toBe("15.03.2023");
  expect(formatValue("текст", "0.0")).toBe("текст");
  expect(formatValue(true, "General", "ru-RU")).toBe("ИСТИНА");
  expect(formatValue("#DIV/0!", "0%")).toBe("#DIV/0!");
});

test("typed input: decimal comma or point, thousands spaces, percent, formulas, forced text", () => {
  expect(parseInput("12,5")).toEqual({ kind: "number", value: 12.5 });
  expect(parseInput("12.5")).toEqual({ kind: "number", value: 12.5 });
  expect(parseInput("1 234")).toEqual({ kind: "number", value: 1234 });
  expect(parseInput("38,5 %")).toEqual({ kind: "number", value: 0.385 });
  expect(parseInput("-3")).toEqual({ kind: "number", value: -3 });
  expect(parseInput("=A1*2")).toEqual({ kind: "formula", formula: "=A1*2" });
  expect(parseInput("'12")).toEqual({ kind: "text", value: "12" });
  expect(parseInput("н/п")).toEqual({ kind: "text", value: "н/п" });
  expect(parseInput("  ")).toEqual({ kind: "empty" });
  expect(parseInput("1.2.3")).toEqual({ kind: "text", value: "1.2.3" });
});
