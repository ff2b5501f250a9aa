/** Conditional formats, formats and sheet settings, tables and charts, and the inspection API. */

import { createSimHost, installSimHost, SimHost } from "../../src/sim";
import { code } from "./errorCode";

let host: SimHost;
let uninstall: () => void;

beforeEach(() => {
  host = createSimHost({ sheets: ["Предметные результаты"] });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());

const S = "Предметные результаты";

test("conditional formats: a custom rule with relative references is evaluated per cell", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    // C: this year, D: last year; red when the share fell.
    sheet.getRange("C2:D4").values = [[0.3, 0.4], [0.5, 0.5], [0.2, 0.1]];
    const cf = sheet.getRange("C2:C4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = "=C2<D2";
    cf.custom.format.fill.color = "#FFC7CE";
    cf.custom.format.font.color = "#9C0006";
    const count = sheet.getRange("C3").conditionalFormats.getCount();
    cf.load("type, priority");
    cf.custom.rule.load("formula");
    await context.sync();
    expect(count.value).toBe(1);
    expect(cf.type).toBe("Custom");
    expect(cf.custom.rule.formula).toBe("=C2<D2");
  });
  expect(host.inspect.cell(S, "C2")).toMatchObject({ conditionalFill: "#FFC7CE", conditionalFontColor: "#9C0006" });
  expect(host.inspect.cell(S, "C3").conditionalFill).toBeNull();
  expect(host.inspect.cell(S, "C4").conditionalFill).toBeNull();
  // The colours follow the data.
  expect(host.inspect.userEdit(S, "D4", "0.9")).toEqual({ ok: true });
  expect(host.inspect.cell(S, "C4").conditionalFill).toBe("#FFC7CE");
});

test("conditional formats: a rule formula over 255 characters is refused, as Excel does", async () => {
  const text = (n: number) => `="${"x".repeat(n)}"<>""`;
  const [long, ok] = [text(249), text(248)];
  expect([long.length, ok.length]).toEqual([256, 255]);
  const add = (formula: string) =>
    Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(S).getRange("B2:B3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });
  expect(await code(add(long))).toBe("InvalidArgument");
  expect(host.inspect.conditionalFormats(S).map((c: { rule: { formula?: string } }) => c.rule.formula)).not.toContain(long);
  expect(await code(add(ok))).toBe("no error");
  expect(host.inspect.conditionalFormats(S).map((c: { rule: { formula?: string } }) => c.rule.formula)).toContain(ok);
});

test("conditional formats: cellValue between, priorities and stopIfTrue", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    sheet.getRange("B1:B3").values = [[0.1], [0.3], [0.9]];
    const range = sheet.getRange("B1:B3");
    const low = range.conditionalFormats.add("CellValue");
    low.cellValue.rule = { formula1: "=0", formula2: "=0.2", operator: "Between" };
    low.cellValue.format.fill.color = "#FF0000";
    const any = range.conditionalFormats.add("CellValue");
    any.cellValue.rule = { formula1: "0", operator: "GreaterThan" };
    any.cellValue.format.fill.color = "#00FF00";
    any.cellValue.format.font.bold = true;
    await context.sync();
    // "any" was added last, so it has priority 0 and wins the fill; "low" still adds nothing new.
    low.priority = 0;
    low.stopIfTrue = true;
    await context.sync();
  });
  expect(host.inspect.cell(S, "B1")).toMatchObject({ conditionalFill: "#FF0000", conditionalBold: null });
  expect(host.inspect.cell(S, "B2")).toMatchObject({ conditionalFill: "#00FF00", conditionalBold: true });
  expect(host.inspect.conditionalFormats(S).map((c) => [c.type, c.priority, c.stopIfTrue])).toEqual([
    ["CellValue", 0, true],
    ["CellValue", 1, false],
  ]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(S).getRange("B2:B3").conditionalFormats.clearAll();
  });
  expect(host.inspect.conditionalFormats(S)[0].ranges).toEqual(["B1"]);
});

test("stored-only conditional formats (icon sets) keep their settings", async () => {
  await Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(S).getRange("A1:A5").conditionalFormats.add("IconSet");
    cf.iconSet.style = "ThreeArrows";
    cf.iconSet.reverseIconOrder = false;
  });
  expect(host.inspect.conditionalFormats(S)[0]).toMatchObject({ type: "IconSet", extra: { style: "ThreeArrows" } });
});

test("formats read back as Office.js reports them, null when mixed", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    const r = sheet.getRange("A1:B2");
    r.format.fill.color = "yellow";
    r.format.font.set({ bold: true, color: "#1F4E79", size: 12, name: "Arial" });
    r.format.horizontalAlignment = "Center";
    r.format.wrapText = true;
    r.format.indentLevel = 1;
    sheet.getRange("A1").format.font.italic = true;
    const edge = r.format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.weight = "Medium";
    r.load("format/fill/color, format/font/bold, format/font/italic, format/horizontalAlignment, format/columnWidth");
    edge.load("style, weight");
    const plain = sheet.getRange("D1").format.fill;
    plain.load("color");
    await context.sync();
    expect(r.format.fill.color).toBe("#FFFF00");
    expect(r.format.font.bold).toBe(true);
    expect(r.format.font.italic).toBeNull();
    expect(r.format.horizontalAlignment).toBe("Center");
    expect(r.format.columnWidth).toBe(48);
    expect([edge.style, edge.weight]).toEqual(["Continuous", "Medium"]);
    expect(plain.color).toBe("#FFFFFF");
    sheet.getRange("A1").format.fill.color = "not a colour";
    let code = "";
    await context.sync().catch((e: OfficeExtension.Error) => (code = e.code));
    expect(code).toBe("InvalidArgument");
  });
  expect(host.inspect.cell(S, "B2")).toMatchObject({ fill: "#FFFF00", fontColor: "#1F4E79", bold: true, italic: false, indentLevel: 1, wrapText: true });
  expect(host.inspect.cell(S, "D1").fill).toBeNull();
});

test("the grid snapshot: values, text, styles, merges, widths, frozen panes", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    sheet.getRange("A1").values = [["Показатель"]];
    sheet.getRange("A1:C1").merge();
    sheet.getRange("A2:C2").values = [["Качество", 0.38, "=B2*2"]];
    sheet.getRange("B2:C2").numberFormat = [["0.0%", "0.0%"]];
    sheet.getRange("A:A").format.columnWidth = 200;
    sheet.getRange("A1").format.font.bold = true;
    sheet.freezePanes.freezeRows(1);
    sheet.tabColor = "#2E75B6";
    const loc = sheet.freezePanes.getLocationOrNullObject();
    loc.load("address");
    await context.sync();
    expect(loc.address).toBe(`'${S}'!1:1`);
  });
  const g = host.inspect.grid(S);
  expect([g.rows, g.columns]).toEqual([2, 3]);
  expect(g.cells[1].map((c) => c.text)).toEqual(["Качество", "38.0%", "76.0%"]);
  expect(g.cells[1][2]).toMatchObject({ value: 0.76, formula: "=B2*2" });
  expect(g.cells[0][0].bold).toBe(true);
  expect(g.merges).toEqual(["A1:C1"]);
  expect(g.columnWidths).toEqual([200, 48, 48]);
  expect(g.frozen).toEqual({ rows: 1, columns: 0 });
  expect(g.tabColor).toBe("#2E75B6");
  expect(host.inspect.frozen(S)).toEqual({ rows: 1, columns: 0 });
});

test("page layout, custom properties, selection and change notifications", async () => {
  const events: string[] = [];
  const listener = (e: { source: string }) => events.push(e.source);
  host.inspect.onChange(listener);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.setPrintTitleRows("$1:$4");
    sheet.customProperties.add("shnor-monitor", "subject");
    sheet.getRange("B3:C4").select();
    const prop = sheet.customProperties.getItemOrNullObject("shnor-monitor");
    prop.load("value");
    await context.sync();
    expect(prop.value).toBe("subject");
    const sel = context.workbook.getSelectedRange();
    sel.load("address");
    await context.sync();
    expect(sel.address).toBe(`'${S}'!B3:C4`);
  });
  host.inspect.userEdit(S, "A1", "1");
  host.inspect.offChange(listener);
  host.inspect.userEdit(S, "A1", "2");
  expect(events).toEqual(["api", "user"]);
  expect(host.inspect.sheetInfo(S)).toMatchObject({
    pageLayout: { orientation: "Landscape", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$1:$4" },
    customProperties: { "shnor-monitor": "subject" },
  });
});

test("tables: add, header and body ranges, rows.add; charts: series from the source range", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(S);
    sheet.getRange("A1:C3").values = [["Школа", "2023/24", "2024/25"], ["№ 1", 0.3, 0.35], ["№ 2", 0.25, 0.31]];
    const table = sheet.tables.add("A1:C3", true);
    table.name = "Quality";
    table.rows.add(undefined, [["№ 3", 0.2, 0.22]]);
    const body = table.getDataBodyRange();
    body.load("address");
    const header = table.getHeaderRowRange();
    header.load("values");
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:C4"), Excel.ChartSeriesBy.columns);
    chart.title.text = "Качество знаний";
    chart.setPosition("E2", "L18");
    chart.series.load("items/name");
    await context.sync();
    expect(body.address).toBe(`'${S}'!A2:C4`);
    expect(header.values).toEqual([["Школа", "2023/24", "2024/25"]]);
    expect(chart.series.items.map((s) => s.name)).toEqual(["2023/24", "2024/25"]);
    sheet.tables.add("B2:C5", true);
    let code = "";
    await context.sync().catch((e: OfficeExtension.Error) => (code = e.code));
    expect(code).toBe("InvalidArgument");
  });
  expect(host.inspect.tables()).toEqual([{ name: "Quality", sheet: S, range: "A1:C4", style: "TableStyleMedium2", showTotals: false }]);
  expect(host.inspect.cell(S, "A4").value).toBe("№ 3");
  const [chart] = host.inspect.charts(S);
  expect(chart).toMatchObject({ type: "ColumnClustered", title: "Качество знаний", position: { start: "E2", end: "L18" } });
  expect(chart.series[1]).toEqual({ name: "2024/25", values: `'${S}'!$C$2:$C$4` });
});

test("custom XML parts: add, find by namespace, read back", async () => {
  await Excel.run(async (context) => {
    context.workbook.customXmlParts.add('<settings xmlns="urn:shnor-monitor"><lang>ru</lang></settings>');
    await context.sync();
    const part = context.workbook.customXmlParts.getByNamespace("urn:shnor-monitor").getOnlyItemOrNullObject();
    const none = context.workbook.customXmlParts.getByNamespace("urn:other").getOnlyItemOrNullObject();
    await context.sync();
    expect(none.isNullObject).toBe(true);
    const xml = part.getXml();
    await context.sync();
    expect(xml.value).toContain("<lang>ru</lang>");
  });
});

test("inspection helpers explain bad input clearly", () => {
  expect(() => host.inspect.cell("Нет листа", "A1")).toThrow('No sheet named "Нет листа"');
  expect(() => host.inspect.cell(S, "A1:B2")).toThrow("not a single-cell A1 address");
});
