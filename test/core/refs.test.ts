/** The reference translation of kept user formulas (core/layout/refs.ts) and the input form of typed cells (typed.ts). */
import fc from "fast-check";
import { axisOf, gridMove, moveOnAxis, sheetsMove, translateFormula, type CellMove, type CellPos } from "../../src/core/layout/refs";
import { asTyped, inputForm, planContent } from "../../src/core/layout/typed";
import { columnLetter, columnNumber } from "../../src/core/layout/grid";

/** Columns E.. shift right by 2 on sheet "S" (a period inserted before them); other sheets stay. */
const shiftS: CellMove = (sheet, row, col) => ((sheet ?? "S") === "S" && col >= 5 ? { row, col: col + 2 } : undefined);

describe("translateFormula", () => {
  it.each([
    ["=E5+G5", "=G5+I5"],
    ["=$E$5*2", "=$G$5*2"],
    ["=SUM(E5:F9)", "=SUM(G5:H9)"],
    ["=A1+D4", "=A1+D4"],
    ['="E5"&E5', '="E5"&G5'],
    ['="say ""E5"""&E5', '="say ""E5"""&G5'],
    ["=S!E5+'S'!F6", "=S!G5+'S'!H6"],
    ["=Other!E5+E5", "=Other!E5+G5"],
    ["='My sheet'!E5", "='My sheet'!E5"],
    ["=LOG10(E5)", "=LOG10(G5)"],
    ["=Sheet1:Sheet3!E5+E5", "=Sheet1:Sheet3!E5+G5"],
    ["='Sheet1:Sheet3'!E5+E5", "='Sheet1:Sheet3'!E5+G5"],
    ["=[1]S!E5+E5", "=[1]S!E5+G5"],
    ["=SUM(Table1[E5])+E5", "=SUM(Table1[E5])+G5"],
    ["=SUM(E:E)+E5", "=SUM(E:E)+G5"],
    ["=SUM(5:5)", "=SUM(5:5)"],
    ["=1.5E+10+E5", "=1.5E+10+G5"],
    ["=IF(E5>0,TRUE,FALSE)", "=IF(G5>0,TRUE,FALSE)"],
    ["=e5", "=G5"],
    ["=E5", "=G5"],
  ])("%s → %s", (f, want) => {
    expect(translateFormula(f, shiftS)).toBe(want);
  });

  it("a reference to a cell that is gone becomes #REF!, like a deleted row in Excel", () => {
    const gone: CellMove = (_s, row, col) => (row === 7 ? null : { row, col });
    expect(translateFormula("=E7+E8", gone)).toBe("=#REF!+E8");
    expect(translateFormula("=SUM(E6:E7)", gone)).toBe("=SUM(#REF!)");
  });

  it("sheetsMove matches sheet names case-insensitively and treats unqualified references as the home sheet", () => {
    const plus1 = (row: number, col: number): CellPos => ({ row: row + 1, col });
    const move = sheetsMove("Кадры", new Map([["Кадры", plus1], ["База", plus1]]));
    expect(translateFormula("=E5+база!E5+'Другой'!E5", move)).toBe("=E6+база!E6+'Другой'!E5");
  });

  it("moveOnAxis: fixed part stays, keys follow, past the keyed area shifts by its growth, unkeyed inside is gone", () => {
    const axis = axisOf(4, [["a", 5], ["b", 6], ["c", 8]], [["a", 5], ["x", 6], ["b", 7], ["c", 9]]);
    expect([1, 4, 5, 6, 7, 8, 9, 20].map((p) => moveOnAxis(axis, p))).toEqual([1, 4, 5, 7, null, 9, 10, 21]);
  });

  /** A random move of columns: a permutation-free insert of `k` columns at `at`. */
  it("property: translating through an insert, then through its inverse, gives back the formula", () => {
    const ref = fc.record({
      col: fc.integer({ min: 1, max: 60 }),
      row: fc.integer({ min: 1, max: 200 }),
      absCol: fc.boolean(),
      absRow: fc.boolean(),
    });
    const a1 = (r: { col: number; row: number; absCol: boolean; absRow: boolean }) => `${r.absCol ? "$" : ""}${columnLetter(r.col)}${r.absRow ? "$" : ""}${r.row}`;
    const term = fc.oneof(
      ref.map(a1),
      fc.tuple(ref, ref).map(([x, y]) => `SUM(${a1(x)}:${a1(y)})`),
      ref.map((r) => `'S'!${a1(r)}`),
      ref.map((r) => `Other!${a1(r)}`),
      fc.string({ unit: fc.constantFrom("A", "B", "1", " ", '"', "=") }).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.integer({ min: 0, max: 999 }).map(String),
    );
    let cases = 0;
    let refs = 0;
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 6 }), fc.constantFrom("+", "-", "*", "&"), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10 }), (terms, op, at, k) => {
        const f = `=${terms.join(op)}`;
        const ins: CellMove = (s, row, col) => ((s ?? "S") === "S" ? { row, col: col >= at ? col + k : col } : undefined);
        const del: CellMove = (s, row, col) => ((s ?? "S") === "S" ? { row, col: col >= at + k ? col - k : col } : undefined);
        const moved = translateFormula(f, ins);
        cases++;
        refs += (f.match(/\$?[A-Z]{1,3}\$?\d+/g) ?? []).length;
        // every reference on S at or after `at` moved by k; the inverse brings the text back
        expect(translateFormula(moved, del)).toBe(f);
        // references to Other never move
        expect(moved.match(/Other!\$?[A-Z]+\$?\d+/g) ?? []).toEqual(f.match(/Other!\$?[A-Z]+\$?\d+/g) ?? []);
      }),
      { numRuns: 500 },
    );
    console.log(`translateFormula round trip: ${cases} formulas, ${refs} references, 0 differences`);
  });

  it("property: the moved reference points to the moved cell (columns and rows through gridMove)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 5, max: 90 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (col, row, dc, dr) => {
        const rows = axisOf(4, [["r", row]], [["r", row + dr]]);
        const cols = axisOf(4, [["c", col]], [["c", col + dc]]);
        const move = sheetsMove("S", new Map([["S", gridMove(rows, cols)]]));
        const out = translateFormula(`=${columnLetter(col)}${row}*2`, move);
        const m = /^=([A-Z]+)(\d+)\*2$/.exec(out);
        expect(m).not.toBeNull();
        expect([columnNumber(m![1]), Number(m![2])]).toEqual([col + dc, row + dr]);
      }),
    );
  });
});

describe("input form (text typed as '=… stays text)", () => {
  it("tells a text typed with the prefix from a formula by the value Excel returns", () => {
    expect(inputForm("=1+1", 2, "Double")).toBe("=1+1");
    expect(inputForm("=1+1", "=1+1", "String")).toBe("'=1+1");
    expect(inputForm('="x"', "x", "String")).toBe('="x"');
    expect(inputForm("'quoted", "'quoted", "String")).toBe("''quoted");
    expect(inputForm("21 %", "21 %", "String")).toBe("21 %");
    expect(inputForm(5, 5, "Double")).toBe(5);
  });

  it("property: planContent(inputForm(text)) writes the same text; a formula stays a formula", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "'", "+", "-", "@", "1", "a", " ", "%", ".") }), (text) => {
        fc.pre(text !== "");
        const typed = inputForm(text, text, "String") as string;
        expect(planContent(typed)).toEqual({ value: text });
        expect(planContent(asTyped(text))).toEqual({ value: text });
      }),
      { numRuns: 500 },
    );
    expect(planContent("=E5+1")).toEqual({ formula: "=E5+1" });
  });
});
