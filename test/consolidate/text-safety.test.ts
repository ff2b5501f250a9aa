/**
 * Text from schools' files is written with Excel's text prefix (a leading apostrophe). Real Excel
 * stores such an entry as text and hides the apostrophe: `values`, `formulas` and `text` read it
 * back without it (OfficeDev/office-js#6687). The simulated host must behave the same.
 */
import { asConstant } from "../../src/excel/apply";
import { createSimHost, installSimHost } from "../../src/sim";

const TRICKY = ["=1+1", '=HYPERLINK("http://evil.example","x")', "+79001234567", "-5", "@SUM(A1)", "2023/24", "'quoted"];

describe("text written with Excel's apostrophe prefix", () => {
  it("asConstant sends every non-empty text with the prefix, numbers and booleans as they are", () => {
    expect(TRICKY.map((s) => asConstant(s))).toEqual(["'=1+1", `'${TRICKY[1]}`, "'+79001234567", "'-5", "'@SUM(A1)", "'2023/24", "''quoted"]);
    expect(asConstant(5)).toBe(5);
    expect(asConstant(true)).toBe(true);
    expect(asConstant("")).toBe("");
    expect(asConstant("Школа № 1")).toBe("'Школа № 1");
  });

  it("stays text in the simulated host, read back without the apostrophe, never a formula", async () => {
    const host = createSimHost({ sheets: ["S"] });
    const uninstall = installSimHost(host);
    try {
      const written = TRICKY.map((s) => `'${s}`);
      const read = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("A1:G1");
        r.values = [written];
        await ctx.sync();
        r.load("values,formulas,text,valueTypes");
        await ctx.sync();
        return { values: r.values[0], formulas: r.formulas[0], text: r.text[0], types: r.valueTypes[0] };
      });
      expect(read.values).toEqual(TRICKY);
      expect(read.formulas).toEqual(TRICKY);
      expect(read.text).toEqual(TRICKY);
      expect(read.types).toEqual(TRICKY.map(() => "String"));
      for (const c of ["A1", "B1", "C1", "D1", "E1"]) expect(host.inspect.cell("S", c).formula).toBeNull();
    } finally {
      uninstall();
    }
  });

  it("without the prefix the same input becomes a formula or a number (why the prefix is needed)", async () => {
    const host = createSimHost({ sheets: ["S"] });
    const uninstall = installSimHost(host);
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["=1+1", "-5"]];
        await ctx.sync();
      });
      expect(host.inspect.cell("S", "A1")).toMatchObject({ formula: "=1+1", value: 2 });
      expect(host.inspect.cell("S", "B1").value).toBe(-5);
    } finally {
      uninstall();
    }
  });
});
