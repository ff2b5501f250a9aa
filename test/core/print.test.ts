/** The print layout of a sheet (src/core/layout/print.ts): a fixed scale keeping text at 8 pt or more. */
import { buildReportPlan } from "../../src/core/layout";
import { MIN_PRINT_PT, PRINT_FOOTER, columnPoints, printLayout, smallestPrintedFont } from "../../src/core/layout/print";
import { STYLES } from "../../src/core/layout/styles";
import { parseRangeAddress } from "../../src/core/layout/grid";
import type { PlanCell, PlanStyle, SheetPlan } from "../../src/core/plan";
import { allPeriods, reportPlans, roadmapPlan, summaryPlan } from "../targets/allPlans";
import { analysisStyles } from "../../src/core/layout/highlight";
import { summaryStyles } from "../../src/core/consolidate";
import { roadmapStyles } from "../../src/core/layout/roadmapSheet";

const styles: Record<string, PlanStyle> = { small: { fontSize: 8, locked: true }, nine: { fontSize: 9, locked: true }, plain: { locked: true } };
const row = (...cells: (PlanCell | null)[]) => cells;
const text = (style: string): PlanCell => ({ value: "x", style });

describe("smallestPrintedFont", () => {
  it("counts only written cells that print: not in a hidden row or column, inside the area", () => {
    const cells = [row(text("small"), text("plain")), row(null, text("nine")), row(text("plain"), { style: "small" })];
    expect(smallestPrintedFont({ sheet: { cells, columnWidths: [] }, styles })).toBe(8);
    expect(smallestPrintedFont({ sheet: { cells, columnWidths: [], hiddenColumns: [1] }, styles })).toBe(9);
    expect(smallestPrintedFont({ sheet: { cells, columnWidths: [], hiddenColumns: [1], hiddenRows: [2] }, styles })).toBe(11);
    expect(smallestPrintedFont({ sheet: { cells, columnWidths: [] }, styles, area: { row1: 2, col1: 2, row2: 3, col2: 2 } })).toBe(9);
  });
});

describe("printLayout", () => {
  it("a narrow sheet: one page wide at 100 %, from the first shown column, the footer naming sheet and page", () => {
    const cells = [row(text("small"), text("plain"), text("plain"))];
    const pl = printLayout({ sheet: { cells, columnWidths: [6, 20, 20], hiddenColumns: [1] }, styles, orientation: "portrait", titleRows: "1:1" });
    expect(pl).toEqual({ orientation: "portrait", fitToPagesWide: 1, scale: 100, printArea: "B1:C1", printTitleRows: "1:1", footer: PRINT_FOOTER });
  });

  it("a sheet a little too wide is shrunk to one page, never under 8 pt", () => {
    const cells = [row(...Array.from({ length: 12 }, () => text("plain")))];
    const widths = Array.from({ length: 12 }, () => 12);
    const pl = printLayout({ sheet: { cells, columnWidths: widths }, styles, orientation: "landscape" });
    const total = widths.reduce((a, w) => a + columnPoints(w), 0);
    expect(pl.scale).toBeLessThan(100);
    expect(((pl.scale ?? 0) * total) / 100).toBeLessThanOrEqual(741);
    expect(((pl.scale ?? 0) * 11) / 100).toBeGreaterThanOrEqual(MIN_PRINT_PT);
  });

  it("a wide sheet: the scale keeping its smallest text at 8 pt, title columns repeated, whole groups on a page", () => {
    const cells = [row(text("plain"), text("plain"), ...Array.from({ length: 40 }, () => text("nine")))];
    const widths = [7, 50, ...Array.from({ length: 40 }, (_, i) => (i % 2 ? 8 : 12))];
    const pl = printLayout({ sheet: { cells, columnWidths: widths }, styles, orientation: "landscape", titleColumns: { first: 1, last: 2 }, groupWidth: 2 });
    expect(pl.printTitleColumns).toBe("A:B");
    expect(((pl.scale ?? 0) * 9) / 100).toBeGreaterThanOrEqual(MIN_PRINT_PT);
    // Titles plus k whole groups fill the page, k+1 would not.
    const page = (741 * 0.94 * 100) / (pl.scale ?? 100);
    const titles = columnPoints(7) + columnPoints(50);
    const group = columnPoints(12) + columnPoints(8);
    const k = Math.floor((page - titles) / group);
    expect(k).toBeGreaterThanOrEqual(1);
    expect(titles + (k + 1) * group).toBeGreaterThan(page);
  });

  it("every sheet the add-in plans prints its smallest shown text at 8 pt or more (1 and 10 school years)", () => {
    const all = analysisStyles("ru");
    const check = (name: string, sheet: SheetPlan, scale: number | undefined, st: Record<string, PlanStyle>) => {
      const area = parseRangeAddress(sheet.pageLayout.printArea ?? "") ?? undefined;
      const min = smallestPrintedFont({ sheet, styles: st, area });
      expect({ name, pt: ((scale ?? 100) * min) / 100 >= MIN_PRINT_PT }).toEqual({ name, pt: true });
    };
    for (const years of [1, 10]) {
      const plan = buildReportPlan({ school: "Школа", schoolYear: 2017, periods: allPeriods(years), sections: ["subject", "staff", "facilities", "methods", "partnership", "context"], lang: "ru" });
      for (const s of plan.sheets) check(s.name, s, s.pageLayout.scale, STYLES);
      const p = reportPlans(years);
      check("targets", p.targets.sheet, p.targets.sheet.pageLayout.scale, all);
      check("dynamics", p.dynamics, p.dynamics.pageLayout.scale, all);
      const summary = summaryPlan(years, 40);
      check("summary", summary, summary.pageLayout.scale, { ...all, ...(summaryStyles() as Record<string, PlanStyle>) });
    }
    const rm = roadmapPlan();
    check("roadmap", rm, rm.pageLayout.scale, roadmapStyles("ru"));
  });
});
