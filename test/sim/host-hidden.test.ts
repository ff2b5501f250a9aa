/**
 * Hidden rows and columns (Range.rowHidden / columnHidden, ExcelApi 1.2) and page headers and
 * footers (PageLayout.headersFooters, ExcelApi 1.9) on the simulated host, as Excel behaves.
 */
import { createSimHost, installSimHost, SimHost } from "../../src/sim";
import { code } from "./errorCode";

let host: SimHost;
let uninstall: () => void;

beforeEach(() => {
  host = createSimHost({ sheets: ["Лист1"] });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());

const S = "Лист1";

test("hiding a cell's column or row hides the whole column or row; values still read", async () => {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(S);
    ws.getRange("A1:C3").values = [["key", "b", "c"], ["k2", 1, 2], ["k3", 3, 4]];
    ws.getRange("A2").columnHidden = true;
    ws.getRange("C3").rowHidden = true;
    const a = ws.getRange("A1:A3");
    const ab = ws.getRange("A1:B1");
    const b = ws.getRange("B1");
    const row3 = ws.getRange("3:3");
    const rows = ws.getRange("2:3");
    for (const r of [a, ab, b]) r.load("columnHidden");
    for (const r of [row3, rows]) r.load("rowHidden");
    a.load("values");
    await context.sync();
    expect([a.columnHidden, ab.columnHidden, b.columnHidden]).toEqual([true, null, false]);
    expect([row3.rowHidden, rows.rowHidden]).toEqual([true, null]);
    expect(a.values).toEqual([["key"], ["k2"], ["k3"]]);
  });
  const g = host.inspect.grid(S);
  expect(g.hiddenColumns).toEqual([0]);
  expect(g.hiddenRows).toEqual([2]);
  // Excel shows a hidden column 0 wide and a hidden row 0 high.
  expect(g.columnWidths[0]).toBe(0);
  expect(g.rowHeights[2]).toBe(0);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(S);
    ws.getRange("A:C").columnHidden = false;
    ws.getRange("1:5").rowHidden = false;
    await context.sync();
  });
  expect(host.inspect.grid(S).hiddenColumns).toEqual([]);
  expect(host.inspect.grid(S).hiddenRows).toEqual([]);
});

test("on a protected sheet, hiding needs the format-columns / format-rows permission", async () => {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(S);
    ws.getRange("A1:B2").values = [[1, 2], [3, 4]];
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: false });
    ws.getRange("A1").columnHidden = true;
    await context.sync();
    ws.getRange("A1").rowHidden = true;
    expect(await code(context.sync())).toBe("AccessDenied");
  });
  expect(host.inspect.grid(S)).toMatchObject({ hiddenColumns: [0], hiddenRows: [] });
});

test("a non-boolean is refused", async () => {
  await Excel.run(async (context) => {
    (context.workbook.worksheets.getItem(S).getRange("A1") as unknown as { columnHidden: unknown }).columnHidden = "yes";
    expect(await code(context.sync())).toBe("InvalidArgument");
  });
});

test("the footer of every page is kept with Excel's codes", async () => {
  await Excel.run(async (context) => {
    const pl = context.workbook.worksheets.getItem(S).pageLayout;
    pl.headersFooters.defaultForAllPages.centerFooter = "&A — &P / &N";
    pl.zoom = { scale: 85 };
    const hf = pl.headersFooters.defaultForAllPages;
    hf.load("centerFooter, leftFooter");
    await context.sync();
    expect([hf.centerFooter, hf.leftFooter]).toEqual(["&A — &P / &N", ""]);
  });
  expect(host.inspect.sheetInfo(S).pageLayout).toMatchObject({ zoom: { scale: 85 }, headersFooters: { centerFooter: "&A — &P / &N" } });
});
