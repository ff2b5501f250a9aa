import { fitRowHeights } from "../../src/core/layout/rowHeights";
import { buildReportPlan } from "../../src/core/layout";
import { LAYOUT } from "../../src/core/layout/grid";

const styles = { wrap: { wrap: true, locked: true }, plain: { locked: true }, indented: { wrap: true, indent: 2, locked: true } };

describe("fitRowHeights", () => {
  it("grows a row by the lines its wrapped text needs and leaves short rows alone", () => {
    const words = "слово ".repeat(20).trim(); // 119 characters
    const h = fitRowHeights({ cells: [[{ value: "коротко", style: "wrap" }], [{ value: words, style: "wrap" }], [{ value: words, style: "plain" }]], columnWidths: [60], merges: [] }, styles);
    expect(h[0]).toBe(0);
    expect(h[1]).toBe(45); // 54 characters per line → 3 lines of 15 pt
    expect(h[2]).toBe(0); // not wrapped: one line
  });

  it("counts indentation, skips merged cells and caps at Excel's 409 pt", () => {
    const text = "абв ".repeat(13).trim(); // 51 characters: one line at width 60, two when indented
    const cells = [[{ value: text, style: "wrap" }], [{ value: text, style: "indented" }], [{ value: "x ".repeat(5000), style: "wrap" }]];
    const h = fitRowHeights({ cells, columnWidths: [60], merges: ["A1:A2"] }, styles);
    expect(h).toEqual([0, 30, 409]);
  });

  it("gives every long indicator name on a section sheet room for its lines", () => {
    const plan = buildReportPlan({ school: "Школа", schoolYear: 2023, periods: [{ startYear: 2023, kind: "Y" }], sections: ["subject"], lang: "ru" });
    const sheet = plan.sheets.find((s) => s.kind === "subject")!;
    const r = LAYOUT.firstDataRow - 1;
    const name = sheet.cells[r][LAYOUT.nameCol - 1]!.value as string;
    expect(name.length).toBeGreaterThan(100);
    expect(sheet.rowHeights![r]).toBeGreaterThanOrEqual(30);
  });
});
