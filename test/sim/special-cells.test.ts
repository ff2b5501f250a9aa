/** Range.getSpecialCells(formulas) on the simulated host: RangeAreas of formula cells, found sparsely. */
import { createSimHost, installSimHost } from "../../src/sim";
import { code as errorCode } from "./errorCode";

describe("getSpecialCells(formulas)", () => {
  let uninstall: () => void;
  afterEach(() => uninstall());

  it("returns rectangular areas of formula cells (text, constants and stray values excluded), with their contents", async () => {
    const host = createSimHost({ sheets: ["S", "Empty"] });
    uninstall = installSimHost(host);
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:C3").formulas = [
        [1, "=A1*2", "=A1*3"],
        [2, "=A2*2", "=A2*3"],
        ["'=1+1", "=A3", 5],
      ];
      ws.getRange("E2").formulas = [['=""']];
      ws.getRange("A100001").values = [["низ"]];
      ws.getRange("XFD10").values = [["право"]];
      const all = ws.getRange().getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
      all.load("address,areaCount,cellCount,areas/items/address,areas/items/formulas");
      const text = ws.getRange().getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas, Excel.SpecialCellValueType.text);
      text.load("address");
      const none = ctx.workbook.worksheets.getItem("Empty").getRange().getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
      const part = ws.getRange("C1:C2").getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
      part.load("address");
      await ctx.sync();
      return {
        address: all.address, areaCount: all.areaCount, cellCount: all.cellCount,
        areas: all.areas.items.map((a) => [a.address, a.formulas]), text: text.address, none: none.isNullObject, part: part.address,
      };
    });
    expect(out).toEqual({
      address: "S!B1:C2, S!E2, S!B3",
      areaCount: 3,
      cellCount: 6,
      areas: [["S!B1:C2", [["=A1*2", "=A1*3"], ["=A2*2", "=A2*3"]]], ["S!E2", [['=""']]], ["S!B3", [["=A3"]]]],
      // B3 shows the text "=1+1" of A3
      text: "S!E2, S!B3",
      none: true,
      part: "S!C1:C2",
    });
    // only the filled cells were visited: no read of the stray cells' grid
    expect(host.stats.rangeReads.every((r) => r.cells <= 4)).toBe(true);
  });

  it("getSpecialCells with no formula cell fails with ItemNotFound", async () => {
    const host = createSimHost({ sheets: ["S"] });
    uninstall = installSimHost(host);
    const code = await errorCode(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[1]];
        ws.getRange().getSpecialCells(Excel.SpecialCellType.formulas).load("address");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });
});
