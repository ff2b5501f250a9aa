/** Office.js request semantics of the simulated host: load/sync, errors, payload limit, edit mode. */

import { createSimHost, installSimHost, SimHost } from "../../src/sim";
import { code } from "./errorCode";

let host: SimHost;
let uninstall: () => void;

beforeEach(() => {
  host = createSimHost({ sheets: ["Sheet1"] });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());


test("installSimHost sets the globals and the enums carry Office.js string values", () => {
  expect(globalThis.Excel).toBe(host.Excel);
  expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
  expect(Excel.ConditionalFormatType.custom).toBe("Custom");
  expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
});

test("reading a property before load, or before the sync that loads it, throws PropertyNotLoaded", async () => {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => range.values).toThrow(/call the load method/);
    range.load("values, address");
    let error: unknown;
    try {
      void range.address;
    } catch (e) {
      error = e;
    }
    expect((error as OfficeExtension.Error).code).toBe("PropertyNotLoaded");
    await context.sync();
    expect(range.address).toBe("Sheet1!A1:B2");
    expect(range.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(() => range.rowCount).toThrow(/rowCount/);
  });
});

test("writes are queued until sync; each non-empty sync is one round trip with its payload size", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C1").values = [[1, "два", true]];
    expect(host.inspect.cell("Sheet1", "A1").value).toBe("");
    await context.sync();
    expect(host.inspect.cell("Sheet1", "B1").value).toBe("два");
    await context.sync(); // nothing queued: answered locally
    const count = context.workbook.worksheets.getCount();
    expect(() => count.value).toThrow();
    await context.sync();
    expect(count.value).toBe(1);
  });
  expect(host.stats.syncs).toBe(2);
  expect(host.stats.syncCalls).toBe(4); // three in the batch, one final by Excel.run
  expect(host.stats.requests[0].actions).toBe(1);
  expect(host.stats.requests[0].bytes).toBeGreaterThan(JSON.stringify([[1, "два", true]]).length);
  host.resetStats();
  expect(host.stats.syncs).toBe(0);
});

test("Excel.run flushes what is still queued when the batch returns", async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[5]];
  });
  expect(host.inspect.cell("Sheet1", "A1").value).toBe(5);
});

test("getItem of a missing sheet rejects the sync with ItemNotFound; getItemOrNullObject gives isNullObject", async () => {
  await Excel.run(async (context) => {
    const missing = context.workbook.worksheets.getItem("Нет такого");
    missing.load("name");
    expect(await code(context.sync())).toBe("ItemNotFound");
    const maybe = context.workbook.worksheets.getItemOrNullObject("Нет такого");
    const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
    await context.sync();
    expect(maybe.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });
});

test("a request over 5 MB is rejected with RequestPayloadSizeLimitExceeded and nothing of it is applied", async () => {
  const rows = 9000;
  const big = Array.from({ length: rows }, (_, i) => Array.from({ length: 10 }, (_, j) => `значение ${i}-${j} `.padEnd(60, "x")));
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("Z1").values = [["small"]];
    sheet.getRange(`A1:J${rows}`).values = big;
    expect(await code(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
  });
  expect(host.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  expect(host.inspect.cell("Sheet1", "Z1").value).toBe("");
  expect(host.inspect.cell("Sheet1", "A1").value).toBe("");
  // The same data in blocks under the limit goes through.
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    for (let start = 0; start < rows; start += 3000) {
      sheet.getRange(`A${start + 1}:J${start + 3000}`).values = big.slice(start, start + 3000);
      await context.sync();
    }
  });
  expect(host.inspect.cell("Sheet1", `J${rows}`).value).toBe(big[rows - 1][9]);
});

test("a values array of the wrong shape fails with InvalidArgument; actions before it stay applied", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["before"]];
    sheet.getRange("A2:B3").values = [[1, 2]];
    sheet.getRange("A4").values = [["after"]];
    expect(await code(context.sync())).toBe("InvalidArgument");
  });
  expect(host.inspect.cell("Sheet1", "A1").value).toBe("before");
  expect(host.inspect.cell("Sheet1", "A2").value).toBe("");
  expect(host.inspect.cell("Sheet1", "A4").value).toBe("");
});

test("a single value is applied to every cell; null leaves a cell unchanged", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").values = [[1, 2], [3, 4]];
    await context.sync();
    (sheet.getRange("A1:B2") as unknown as { values: unknown }).values = 7;
    sheet.getRange("A1:B1").values = [[null, 9]];
  });
  expect(host.inspect.cell("Sheet1", "A1").value).toBe(7);
  expect(host.inspect.cell("Sheet1", "B1").value).toBe(9);
  expect(host.inspect.cell("Sheet1", "B2").value).toBe(7);
});

test("invalid addresses and entire-column value writes fail; entire columns accept formats", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:").load("address");
    expect(await code(context.sync())).toBe("InvalidArgument");
    (sheet.getRange("A:A") as unknown as { values: unknown }).values = 1;
    expect(await code(context.sync())).toBe("InvalidOperation");
    sheet.getRange("2:3").formulas = [["=1"]];
    expect(await code(context.sync())).toBe("InvalidOperation");
    const col = sheet.getRange("B:C");
    col.format.columnWidth = 120;
    col.numberFormat = "0.0%" as never;
    col.load("address, values");
    await context.sync();
    expect(col.address).toBe("Sheet1!B:C");
    expect(col.values).toBeNull();
  });
  expect(host.inspect.columnWidth("Sheet1", "C")).toBe(120);
  expect(host.inspect.cell("Sheet1", "C500").numberFormat).toBe("0.0%");
});

test("adding a sheet with a taken name fails with ItemAlreadyExists (case-insensitive)", async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.add("SHEET1");
    expect(await code(context.sync())).toBe("ItemAlreadyExists");
    context.workbook.worksheets.add("Bad/name");
    expect(await code(context.sync())).toBe("InvalidArgument");
  });
});

test("in cell-edit mode every sync rejects with InvalidOperationInCellEditMode and applies nothing", async () => {
  host.setEditMode(true);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    expect(await code(context.sync())).toBe("InvalidOperationInCellEditMode");
  });
  expect(host.inspect.cell("Sheet1", "A1").value).toBe("");
  host.setEditMode(false);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await context.sync();
  });
  expect(host.inspect.cell("Sheet1", "A1").value).toBe(1);
});

test("worksheets: items, positions, visibility, activation, delete, used range", async () => {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const a = sheets.add("Паспорт");
    sheets.add("Данные");
    a.position = 0;
    sheets.getItem("Данные").visibility = Excel.SheetVisibility.hidden;
    sheets.getItem("Sheet1").getRange("C3:D4").values = [[1, 2], [3, 4]];
    sheets.load("items/name, items/position, items/visibility");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    const used = sheets.getItem("Sheet1").getUsedRange();
    used.load("address, rowIndex, columnIndex");
    const none = sheets.getItem("Паспорт").getUsedRangeOrNullObject();
    await context.sync();
    expect(sheets.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
      ["Паспорт", 0, "Visible"],
      ["Sheet1", 1, "Visible"],
      ["Данные", 2, "Hidden"],
    ]);
    expect(active.name).toBe("Sheet1");
    expect(used.address).toBe("Sheet1!C3:D4");
    expect([used.rowIndex, used.columnIndex]).toEqual([2, 2]);
    expect(none.isNullObject).toBe(true);
    sheets.getItem("Данные").activate();
    expect(await code(context.sync())).toBe("InvalidOperation");
    sheets.getItem("Sheet1").delete();
    await context.sync();
  });
  expect(host.inspect.sheetNames()).toEqual([
    { name: "Паспорт", visibility: "Visible" },
    { name: "Данные", visibility: "Hidden" },
  ]);
  expect(host.inspect.activeSheet()).toBe("Паспорт");
});

test("range navigation: getCell, offsets, resize, rows, columns, intersections", async () => {
  await Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
    const parts = [
      r.getCell(1, 1),
      r.getOffsetRange(1, 0),
      r.getResizedRange(1, -1),
      r.getRow(0),
      r.getColumn(2),
      r.getEntireColumn(),
      r.getEntireRow(),
      r.getLastRow(),
      r.getIntersection("C1:C3"),
    ];
    parts.forEach((p) => p.load("address"));
    const empty = r.getIntersectionOrNullObject("F1:F2");
    await context.sync();
    expect(parts.map((p) => p.address)).toEqual([
      "Sheet1!C3",
      "Sheet1!B3:D6",
      "Sheet1!B2:C6",
      "Sheet1!B2:D2",
      "Sheet1!D2:D5",
      "Sheet1!B:D",
      "Sheet1!2:5",
      "Sheet1!B5:D5",
      "Sheet1!C2:C3",
    ]);
    expect(empty.isNullObject).toBe(true);
  });
});

test("load forms: arrays, { select }, property trees and nested navigation", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const r = sheet.getRange("A1");
    r.format.fill.color = "#ffcc00";
    r.format.font.bold = true;
    r.load(["values", "format/fill/color"]);
    r.load({ select: "rowCount" } as never);
    r.load({ format: { font: { bold: true } } } as never);
    sheet.load("protection/protected");
    await context.sync();
    expect(r.format.fill.color).toBe("#FFCC00");
    expect(r.format.font.bold).toBe(true);
    expect(r.rowCount).toBe(1);
    expect(sheet.protection.protected).toBe(false);
    expect(r.toJSON()).toMatchObject({ rowCount: 1, format: { fill: { color: "#FFCC00" } } });
  });
});

test("objects cannot be used after their Excel.run has finished", async () => {
  let range: Excel.Range | undefined;
  await Excel.run(async (context) => {
    range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
  });
  expect(() => range!.load("values")).toThrow(/request contexts/);
});
