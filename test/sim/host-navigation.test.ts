/** Worksheet navigation (ExcelApi 1.5), null-object chains, and what the host records about reads. */

import { createSimHost, installSimHost, SimHost } from "../../src/sim";
import { code } from "./errorCode";

let host: SimHost;
let uninstall: () => void;

beforeEach(() => {
  host = createSimHost({ sheets: ["Один", "Два", "Три", "Четыре"] });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());


test("getNextOrNullObject walks the sheets in order; past the last one it is a null object", async () => {
  await Excel.run(async (context) => {
    const chain: Excel.Worksheet[] = [context.workbook.worksheets.getFirst()];
    for (let i = 0; i < 5; i++) chain.push(chain[chain.length - 1].getNextOrNullObject());
    chain.forEach((ws) => ws.load("name"));
    await context.sync();
    expect(chain.slice(0, 4).map((ws) => ws.name)).toEqual(["Один", "Два", "Три", "Четыре"]);
    expect(chain.map((ws) => ws.isNullObject)).toEqual([false, false, false, false, true, true]);
    expect(() => chain[4].name).toThrow(/call the load method/);
  });
});

test("getPreviousOrNullObject walks back; before the first sheet it is a null object", async () => {
  await Excel.run(async (context) => {
    const last = context.workbook.worksheets.getLast();
    const prev = last.getPreviousOrNullObject();
    const first = context.workbook.worksheets.getFirst();
    const before = first.getPreviousOrNullObject();
    prev.load("name");
    before.load("name");
    await context.sync();
    expect(prev.name).toBe("Три");
    expect(before.isNullObject).toBe(true);
  });
});

test("visibleOnly skips hidden sheets in both directions", async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Два").visibility = Excel.SheetVisibility.hidden;
    context.workbook.worksheets.getItem("Три").visibility = Excel.SheetVisibility.veryHidden;
    await context.sync();
    const first = context.workbook.worksheets.getFirst();
    const nextVisible = first.getNextOrNullObject(true);
    const nextAny = first.getNextOrNullObject();
    const prevVisible = context.workbook.worksheets.getItem("Четыре").getPreviousOrNullObject(true);
    const afterLastVisible = nextVisible.getNextOrNullObject(true);
    [nextVisible, nextAny, prevVisible, afterLastVisible].forEach((ws) => ws.load("name"));
    await context.sync();
    expect(nextVisible.name).toBe("Четыре");
    expect(nextAny.name).toBe("Два");
    expect(prevVisible.name).toBe("Один");
    expect(afterLastVisible.isNullObject).toBe(true);
  });
});

test("getNext on the last sheet (getPrevious on the first) fails with ItemNotFound at the sync", async () => {
  await Excel.run(async (context) => {
    const next = context.workbook.worksheets.getItem("Три").getNext();
    next.load("name");
    await context.sync();
    expect(next.name).toBe("Четыре");
    const none = context.workbook.worksheets.getLast().getNext();
    none.load("name");
    expect(await code(context.sync())).toBe("ItemNotFound");
    const noPrev = context.workbook.worksheets.getFirst().getPrevious();
    noPrev.load("name");
    expect(await code(context.sync())).toBe("ItemNotFound");
  });
});

test("a null object's neighbours and ranges are null objects: loading them is harmless", async () => {
  await Excel.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Нет");
    const next = missing.getNextOrNullObject();
    const a1 = next.getRange("A1");
    const used = missing.getUsedRangeOrNullObject();
    next.load("name");
    a1.load("values");
    used.load("address");
    await context.sync();
    expect([missing.isNullObject, next.isNullObject, a1.isNullObject, used.isNullObject]).toEqual([true, true, true, true]);
    expect(() => a1.values).toThrow(/call the load method/);
    // A range of a sheet that exists, reached through a nullable proxy, is an ordinary range.
    const present = context.workbook.worksheets.getItemOrNullObject("Два").getRange("B2");
    present.load("address");
    await context.sync();
    expect(present.isNullObject).toBe(false);
    expect(present.address).toBe("Два!B2");
  });
});

test("stats.rangeReads records every load of cell contents, with sheet, address and size", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Два");
    sheet.getRange("A1:C4").values = [[1, 2, 3], [4, 5, 6], [7, 8, 9], ["a", "b", "c"]];
    await context.sync();
    host.resetStats();
    sheet.getRange("A1:C4").load("formulas, address");
    sheet.getRange("B2").load("rowCount"); // not cell contents
    context.workbook.worksheets.getItem("Три").getUsedRangeOrNullObject().load("values"); // empty: null object
    await context.sync();
  });
  expect(host.stats.rangeReads).toEqual([{ sheet: "Два", address: "A1:C4", properties: ["formulas"], cells: 12 }]);
});

test("each round trip records its response size; a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
  const text = "ж".repeat(30000); // 60 KB of UTF-8 per cell
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Один");
    for (let r = 0; r < 100; r += 20) {
      sheet.getRange(`A${r + 1}:A${r + 20}`).values = Array.from({ length: 20 }, () => [text]);
      await context.sync();
    }
    host.resetStats();
    const small = sheet.getRange("A1");
    small.load("values");
    await context.sync();
    expect(host.stats.requests[0].responseBytes).toBeGreaterThan(60000);
    expect(host.stats.requests[0].responseBytes).toBeLessThan(61000);
    const all = sheet.getRange("A1:A100");
    all.load("values");
    expect(await code(context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => all.values).toThrow(/call the load method/);
  });
  expect(host.stats.maxResponseBytes).toBeGreaterThan(5 * 1024 * 1024);
});
