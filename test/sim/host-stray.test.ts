/** Far cells on the simulated host: stored sparsely, used ranges as Excel computes them, oversized reads refused. */
import { createSimHost, installSimHost } from "../../src/sim";
import { code as errorCode } from "./errorCode";

describe("stray far cells", () => {
  let uninstall: () => void;
  afterEach(() => uninstall());

  it("a value at XFD10 and A100001 and a format at XFD1048576 are cheap; used ranges follow valuesOnly", async () => {
    const host = createSimHost({ sheets: ["S"] });
    uninstall = installSimHost(host);
    const out = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:B2").values = [[1, 2], [3, "=A1+B1"]];
      ws.getRange("A100001").values = [["низ"]];
      ws.getRange("XFD10").values = [["право"]];
      ws.getRange("XFD1048576").format.fill.color = "#FFFF00";
      ws.getRange("C3").format.fill.color = "#FF0000";
      const all = ws.getUsedRange(false);
      const values = ws.getUsedRange(true);
      // Range.getUsedRange: the used cells of that range (not the sheet's used range cut to it)
      const top = ws.getRange("A1:Z50").getUsedRange(true);
      const topAll = ws.getRange("A1:Z50").getUsedRange(false);
      const colA = ws.getRange("A1:A1048576").getUsedRangeOrNullObject(true);
      const empty = ws.getRange("D20:E30").getUsedRangeOrNullObject(true);
      for (const r of [all, values, top, topAll, colA]) r.load("address");
      top.load("values");
      await ctx.sync();
      return { all: all.address, values: values.address, top: top.address, topAll: topAll.address, colA: colA.address, empty: empty.isNullObject, topValues: top.values };
    });
    expect(out).toEqual({
      all: "S!1:1048576",
      values: "S!1:100001",
      top: "S!A1:B2",
      topAll: "S!A1:C3",
      colA: "S!A1:A100001",
      empty: true,
      topValues: [[1, 2], [3, 3]],
    });
  });

  it("a read of contents too large for a response is refused before any grid is built (ResponsePayloadSizeLimitExceeded)", async () => {
    const host = createSimHost({ sheets: ["S"] });
    uninstall = installSimHost(host);
    const code = await errorCode(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[1]];
        // A1:XFC1048575 (not whole rows or columns, whose contents Office.js returns as null)
        ws.getRange("XFC1048575").format.fill.color = "#FFFF00";
        const used = ws.getUsedRange(false);
        used.load("formulas");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
