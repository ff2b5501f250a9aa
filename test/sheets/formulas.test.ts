import { HyperFormula } from "hyperformula";
import { choiceShareFormula, shareFormula, NA_TEXT } from "../../src/core/layout/formulas";
import { QUALITY_DENOMINATOR_LABELS } from "../../src/core/layout/strings";
import { columnLetter, columnNumber, parseRangeAddress, quoteSheetName, rangeAddress } from "../../src/core/layout/grid";
import { markerOf, parseMarker } from "../../src/core/layout/markers";

/** Evaluate a formula in a two-sheet HyperFormula workbook: sheet «Данные» A1 = count, «Базовые показатели» A1/A2 = denominators. */
function evaluate(formula: string, count: unknown, den: unknown[], choice: unknown = ""): unknown {
  const hf = HyperFormula.buildFromSheets(
    {
      Данные: [[count as never, null, formula]],
      "Базовые показатели": den.map((d) => [d as never]),
      Паспорт: [[choice as never]],
    },
    { licenseKey: "gpl-v3" },
  );
  const v = hf.getCellValue({ sheet: hf.getSheetId("Данные")!, row: 0, col: 2 });
  hf.destroy();
  return v;
}

const base = (row: number) => `${quoteSheetName("Базовые показатели")}!A${row}`;

describe("share formula", () => {
  const one = shareFormula("A1", { refs: [base(1)] });
  it.each([
    [42, [200], 0.21],
    [0, [200], 0],
    [null, [200], ""],
    [42, [null], ""],
    [42, [0], ""],
    [NA_TEXT, [200], NA_TEXT],
    [42, [NA_TEXT], NA_TEXT],
  ])("count %p over %p → %p", (count, den, expected) => {
    const v = evaluate(one, count, den);
    if (typeof expected === "number") expect(v).toBeCloseTo(expected, 12);
    else expect(v).toBe(expected);
  });

  const sum = shareFormula("A1", { refs: [base(1), base(2)] });
  it.each([
    [30, [40, 20], 0.5],
    [30, [40, null], 0.75],
    [30, [null, null], ""],
    [30, [NA_TEXT, 60], 0.5],
    [30, [NA_TEXT, NA_TEXT], NA_TEXT],
    [30, [0, 0], ""],
  ])("count %p over the sum of %p → %p", (count, den, expected) => {
    const v = evaluate(sum, count, den);
    if (typeof expected === "number") expect(v).toBeCloseTo(expected, 12);
    else expect(v).toBe(expected);
  });

  it("never yields an error value for any mix of blanks, zeros, dashes and numbers", () => {
    const inputs = [null, 0, 5, 120, NA_TEXT, "н/п"];
    for (const c of inputs) for (const d of inputs) {
      const v = evaluate(one, c, [d]);
      expect(typeof v === "number" || v === "" || v === NA_TEXT).toBe(true);
    }
  });
});

describe("quality share follows the «Паспорт» choice", () => {
  const f = choiceShareFormula("A1", `${quoteSheetName("Паспорт")}!$A$1`, base(1), base(2));
  // A1 = students_total (400), A2 = students_assessed (300)
  it.each([
    ["", 0.25],
    [QUALITY_DENOMINATOR_LABELS.students_assessed.ru, 0.25],
    [QUALITY_DENOMINATOR_LABELS.students_total.ru, 75 / 400],
    [QUALITY_DENOMINATOR_LABELS.students_total.en, 75 / 400],
    [QUALITY_DENOMINATOR_LABELS.students_assessed.en, 0.25],
  ])("choice %p → %p", (choice, expected) => {
    expect(evaluate(f, 75, [400, 300], choice)).toBeCloseTo(expected as number, 12);
  });
  it("is blank when the chosen denominator is blank", () => {
    expect(evaluate(f, 75, [null, 300], QUALITY_DENOMINATOR_LABELS.students_total.ru)).toBe("");
    expect(evaluate(f, 75, [400, null], "")).toBe("");
  });
});

describe("grid helpers and markers", () => {
  it("converts column letters both ways", () => {
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(columnLetter(28)).toBe("AB");
    expect(rangeAddress(2, 3, 4, 5)).toBe("C2:E4");
    expect(parseRangeAddress("$E$4:C2")).toEqual({ row1: 2, col1: 3, row2: 4, col2: 5 });
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
  it("round-trips markers and rejects others", () => {
    expect(markerOf("staff")).toBe("shnor-monitor:v1:staff");
    expect(parseMarker("shnor-monitor:v1:staff")).toEqual({ kind: "staff", version: "v1" });
    expect(parseMarker(" shnor-monitor:v2:base ")).toEqual({ kind: "base", version: "v2" });
    expect(parseMarker("shnor-monitor:v1:budget")).toBeNull();
    expect(parseMarker("Кадровые условия")).toBeNull();
    expect(parseMarker(42)).toBeNull();
  });
});
