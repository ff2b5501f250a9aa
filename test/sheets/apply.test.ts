import { RequestBudget, charsToPoints } from "../../src/excel/apply";
import { mapOfficeError } from "../../src/excel/errors";
import { styleRects } from "../../src/excel/rects";
import type { SheetPlan } from "../../src/core/plan";

describe("RequestBudget", () => {
  it("syncs before a request would pass the budget, and counts those syncs", async () => {
    let flushed = 0;
    const b = new RequestBudget(async () => {
      flushed++;
    }, 1200); // each reserve costs 400 + 120 = 520
    await b.reserve(400, 120);
    await b.reserve(400, 120);
    expect(flushed).toBe(0);
    await b.reserve(400, 120);
    expect(flushed).toBe(1);
    expect(b.chunkSyncs).toBe(1);
    expect(b.maxBytes).toBeLessThanOrEqual(1200);
    b.sent();
    expect(b.bytes).toBe(0);
  });
  it("converts character widths to points monotonically", () => {
    expect(charsToPoints(60)).toBeGreaterThan(charsToPoints(12));
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe("mapOfficeError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["AccessDenied", "readOnly"], // a view-only workbook, not a password (issue 14.7)
    ["ItemAlreadyExists", "sheetExists"],
    ["RequestPayloadSizeLimitExceeded", "payloadTooLarge"],
    ["ApiNotFound", "apiNotSupported"],
    ["GeneralException", "unknown"],
  ])("%s → %s with ru and en messages", (code, expected) => {
    const e = mapOfficeError({ code });
    expect(e.code).toBe(expected);
    expect(e.officeCode).toBe(code);
    expect(e.message.ru).toMatch(/[а-я]/);
    expect(e.message.en).toMatch(/[a-z]/);
  });
  it("maps a wrong-password unprotect to «protected» and anything else to unknown", () => {
    expect(mapOfficeError({ code: "InvalidArgument", debugInfo: { errorLocation: "WorksheetProtection.unprotect" } }).code).toBe("protected");
    expect(mapOfficeError(new Error("boom")).code).toBe("unknown");
    expect(mapOfficeError(undefined).code).toBe("unknown");
  });
});

describe("styleRects", () => {
  it("covers every styled cell exactly once with same-style rectangles", () => {
    const st = ["a", "a", "b", null, "a"];
    const cells = [st, st, ["a", "b", "b", "b", null], st].map((r) => r.map((s) => (s ? { style: s } : null)));
    const sheet = { cells } as unknown as SheetPlan;
    const rects = styleRects(sheet);
    const seen = new Map<string, string>();
    for (const r of rects)
      for (let y = r.row1; y <= r.row2; y++)
        for (let x = r.col1; x <= r.col2; x++) {
          expect(seen.has(`${y},${x}`)).toBe(false);
          seen.set(`${y},${x}`, r.style);
        }
    cells.forEach((row, y) => row.forEach((c, x) => expect(seen.get(`${y + 1},${x + 1}`)).toBe(c?.style)));
    expect(rects).toContainEqual({ style: "a", row1: 1, col1: 1, row2: 2, col2: 2 });
    expect(rects.length).toBeLessThan(12);
  });
});

describe("styleRects by look", () => {
  it("joins styles of the same look (numbers formats apart) into one rectangle, each cell still covered once", () => {
    const row = ["v", "r", "v", "r", "x"];
    const cells = [row, row, row].map((r) => r.map((s) => ({ style: s })));
    const look = (s: string) => (s === "x" ? "x" : "right-aligned");
    const rects = styleRects({ cells } as unknown as SheetPlan, look);
    expect(rects).toEqual([
      { style: "v", row1: 1, col1: 1, row2: 3, col2: 4 },
      { style: "x", row1: 1, col1: 5, row2: 3, col2: 5 },
    ]);
    expect(styleRects({ cells } as unknown as SheetPlan)).toHaveLength(5);
  });
});
