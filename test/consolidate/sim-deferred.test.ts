/**
 * The simulated host keeps the constants of a sheet no formula can reach outside HyperFormula
 * (src/sim/host/deferred.ts) — a 1,000-school «Данные» is 4.5 million cells. Reads must be the
 * same as when HyperFormula holds them, and a formula that reaches the sheet later must see them.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { isPlainConstant, referencedSheets } from "../../src/sim/host/deferred";

const CONSTANTS: (string | number | boolean)[] = [0.1 + 0.2, 1 / 3, -1e-7, 123456789012345680, 42, -0.5, true, false, "'=1+1", "''x", "Доля", "Ед. изм.", "–", "'2023/24"];

async function writeAndRead(host: SimHost, sheet: string): Promise<unknown> {
  const uninstall = installSimHost(host);
  try {
    return await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(`A1:A${CONSTANTS.length}`);
      r.values = CONSTANTS.map((v) => [v]);
      await ctx.sync();
      r.load("values,formulas,text,valueTypes");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, text: r.text, types: r.valueTypes };
    });
  } finally {
    uninstall();
  }
}

const calcOf = (host: SimHost) => host.model.calc;
const hfId = (host: SimHost, name: string) => host.model.sheet(name)!.hfId;

describe("deferred constants in the simulated host", () => {
  it("answer reads exactly as HyperFormula does", async () => {
    const plain = createSimHost({ sheets: ["S"] });
    const attached = createSimHost({ sheets: ["X"] });
    // A formula naming the sheet before it exists: the sheet then lives in HyperFormula from the start.
    installSimHost(attached)();
    attached.inspect.userEdit("X", "A1", "=S!A1");
    attached.model.addSheet("S");
    expect(calcOf(attached).isDeferred(hfId(attached, "S"))).toBe(false);
    expect(calcOf(plain).isDeferred(hfId(plain, "S"))).toBe(true);
    const a = await writeAndRead(plain, "S");
    const b = await writeAndRead(attached, "S");
    expect(calcOf(plain).isDeferred(hfId(plain, "S"))).toBe(true);
    expect(a).toEqual(b);
    expect(attached.inspect.cell("X", "A1").value).toBeCloseTo(0.3, 12);
  });

  it("moves the constants into HyperFormula when a formula reaches the sheet", async () => {
    const host = createSimHost({ sheets: ["Лист1", "Данные"] });
    await writeAndRead(host, "Данные");
    host.inspect.userEdit("Лист1", "A1", "=SUM('Данные'!A5:A6)");
    expect(calcOf(host).isDeferred(hfId(host, "Данные"))).toBe(false);
    expect(host.inspect.cell("Лист1", "A1").value).toBe(41.5);
    // Later writes go to HyperFormula and the formula follows them.
    host.inspect.userEdit("Данные", "A5", "100");
    expect(host.inspect.cell("Лист1", "A1").value).toBe(99.5);
  });

  it("a formula on the sheet itself, a defined name or INDIRECT attaches it too", async () => {
    const host = createSimHost({ sheets: ["A", "B", "C"] });
    for (const s of ["A", "B", "C"]) await writeAndRead(host, s);
    host.inspect.userEdit("A", "B1", "=A5*2");
    expect(host.inspect.cell("A", "B1").value).toBe(84);
    expect(calcOf(host).isDeferred(hfId(host, "B"))).toBe(true);
    host.model.addName("Answer", "=B!$A$5");
    expect(calcOf(host).isDeferred(hfId(host, "B"))).toBe(false);
    host.inspect.userEdit("A", "B2", '=INDIRECT("C!A5")+1');
    expect(calcOf(host).isDeferred(hfId(host, "C"))).toBe(false);
    // (HyperFormula has no INDIRECT, so no value to check here; the sheet is attached.)
  });

  it("keeps only what HyperFormula stores as given; finds sheet references", () => {
    expect(["'x", "Доля", 5, true, null].every((v) => isPlainConstant(v as never))).toBe(true);
    expect(["12", "1 234", "TRUE", "#N/A", "=A1", " a", "2023/24"].some((v) => isPlainConstant(v))).toBe(false);
    expect(referencedSheets("=SUM('Мой лист'!A1:A3)+Данные!B2+'It''s'!C1")).toEqual(["мой лист", "данные", "it's"]);
  });
});
