/** The HyperFormula bridge: formulas across sheets, renames, errors, text rendering, names, plugins. */

import { FunctionArgumentType, FunctionPlugin } from "hyperformula";
import { createSimHost, installSimHost, SimHost } from "../../src/sim";

let host: SimHost;
let uninstall: () => void;

/** A one-function plugin, injected the way the EDU.* plugin will be. */
class TwicePlugin extends FunctionPlugin {
  static implementedFunctions = {
    "TEST.TWICE": { method: "twice", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
  };
  twice(ast: never, state: never) {
    return this.runFunction((ast as { args: unknown[] }).args as never, state, this.metadata("TEST.TWICE"), (x: number) => x * 2);
  }
}

beforeEach(() => {
  host = createSimHost({
    sheets: ["Базовые показатели", "Кадровые условия"],
    plugins: [{ plugin: TwicePlugin, translations: { enGB: { "TEST.TWICE": "TEST.TWICE" } } }],
  });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());

test("formulas across quoted Cyrillic sheet names recompute after a value write", async () => {
  await Excel.run(async (context) => {
    const base = context.workbook.worksheets.getItem("Базовые показатели");
    const staff = context.workbook.worksheets.getItem("Кадровые условия");
    base.getRange("E7:E8").values = [[40], [10]];
    staff.getRange("C3").formulas = [["='Базовые показатели'!E8/'Базовые показатели'!E7"]];
    const c3 = staff.getRange("C3");
    c3.load("values, formulas, address");
    await context.sync();
    expect(c3.values).toEqual([[0.25]]);
    expect(c3.formulas).toEqual([["='Базовые показатели'!E8/'Базовые показатели'!E7"]]);
    expect(c3.address).toBe("'Кадровые условия'!C3");
    base.getRange("E8").values = [[30]];
    c3.load("values");
    await context.sync();
    expect(c3.values).toEqual([[0.75]]);
  });
});

test("renaming a sheet keeps formulas pointing to it; deleting it gives #REF!", async () => {
  await Excel.run(async (context) => {
    const base = context.workbook.worksheets.getItem("Базовые показатели");
    base.getRange("A1").values = [[3]];
    context.workbook.worksheets.getItem("Кадровые условия").getRange("A1").formulas = [["='Базовые показатели'!A1*2"]];
    base.name = "База";
    await context.sync();
  });
  const cell = host.inspect.cell("Кадровые условия", "A1");
  expect(cell.value).toBe(6);
  expect(cell.formula).toMatch(/^='?База'?!A1\*2$/); // HyperFormula quotes non-ASCII names; Excel would not

  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("База").delete();
  });
  expect(host.inspect.cell("Кадровые условия", "A1").value).toBe("#REF!");
});

test("errors show as Excel strings and valueTypes as Office.js types", async () => {
  await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Кадровые условия").getRange("A1:F1");
    r.formulas = [["=1/0", "=NOSUCHFN(1)", '="a"+1', "=NA()", "", "=1>0"]];
    r.load("values, valueTypes");
    await context.sync();
    expect(r.values).toEqual([["#DIV/0!", "#NAME?", "#VALUE!", "#N/A", "", true]]);
    expect(r.valueTypes).toEqual([["Error", "Error", "Error", "Error", "Empty", "Boolean"]]);
    r.getCell(0, 0).formulas = [["=SUM("]];
    let code = "";
    await context.sync().catch((e: OfficeExtension.Error) => (code = e.code));
    expect(code).toBe("InvalidArgument");
  });
});

test("text renders number formats: percent, decimals, sections, text format keeps strings", async () => {
  await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Кадровые условия").getRange("A1:F1");
    r.numberFormat = [["0%", "0.0%", "0.00", '+0.0" п. п.";-0.0" п. п.";0.0" п. п."', "General", "@"]];
    r.values = [[0.256, 0.3845, 2.5, -1.25, 0.1, "007"]];
    r.load("text, values");
    await context.sync();
    expect(r.text).toEqual([["26%", "38.5%", "2.50", "-1.3 п. п.", "0.1", "007"]]);
    expect(r.values[0][5]).toBe("007");
  });
  const ru = createSimHost({ locale: "ru-RU" });
  const restore = installSimHost(ru);
  await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.numberFormat = [["0.0%"]];
    r.values = [[0.125]];
    r.load("text");
    await context.sync();
    expect(r.text).toEqual([["12,5%"]]);
  });
  restore();
});

test("injected HyperFormula plugins are callable from written formulas", async () => {
  await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Кадровые условия").getRange("A1:B1");
    r.formulas = [[21, "=TEST.TWICE(A1)"]];
    r.load("values");
    await context.sync();
    expect(r.values).toEqual([[21, 42]]);
  });
  // Registering the same plugin again (a second host) is harmless.
  expect(() => createSimHost({ plugins: [{ plugin: TwicePlugin, translations: { enGB: { "TEST.TWICE": "TEST.TWICE" } } }] })).not.toThrow();
});

test("workbook names: add from a range, use in formulas, list, null object for a missing one", async () => {
  await Excel.run(async (context) => {
    const base = context.workbook.worksheets.getItem("Базовые показатели");
    base.getRange("C9").values = [[120]];
    context.workbook.names.add("StudentsTotal", base.getRange("C9"), "Численность");
    await context.sync();
    const staff = context.workbook.worksheets.getItem("Кадровые условия");
    staff.getRange("A1").formulas = [["=StudentsTotal/2"]];
    const item = context.workbook.names.getItem("StudentsTotal");
    const missing = context.workbook.names.getItemOrNullObject("Nope");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    const range = item.getRange();
    context.workbook.names.add("StudentsTotal", "=1");
    let code = "";
    await context.sync().catch((e: OfficeExtension.Error) => (code = e.code));
    expect(code).toBe("ItemAlreadyExists");
    await context.sync();
    item.load("name, formula, type, comment");
    range.load("address, values");
    await context.sync();
    expect(item.formula).toBe("='Базовые показатели'!$C$9");
    expect(item.type).toBe("Range");
    expect(item.comment).toBe("Численность");
    expect(range.address).toBe("'Базовые показатели'!C9");
    expect(range.values).toEqual([[120]]);
  });
  expect(host.inspect.cell("Кадровые условия", "A1").value).toBe(60);
  expect(host.inspect.names().map((n) => n.name)).toEqual(["StudentsTotal"]);
});
