/**
 * Excel refuses conditional-format formulas over 255 characters: every rule the add-in writes
 * (over all the plans it generates) stays short by testing a status cell.
 */
import { readReport } from "../../src/core/report";
import { MAX_CF_FORMULA } from "../../src/sim/host/api-rules";
import { LAYOUT, cellAddress, parseRangeAddress } from "../../src/core/layout/grid";
import { everyRule, reportPlans, summaryPlan } from "./allPlans";
import type { ReportSheet } from "../../src/core/report";

const longest = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length));

it("every conditional-format formula of every plan is at most 255 characters (aim: 120)", () => {
  const rules = everyRule();
  const formulas = rules.map((r) => r.formula);
  console.log(`conditional formats over all plans (report 1 and 10 school years, «Динамика», «Свод» of 12 schools, «Дорожная карта»): ${rules.length} rules, longest formula ${longest(formulas)} characters`);
  expect(rules.length).toBeGreaterThan(0);
  expect(MAX_CF_FORMULA).toBe(255);
  expect(formulas.filter((f) => f.length > MAX_CF_FORMULA)).toEqual([]);
  expect(longest(formulas)).toBeLessThanOrEqual(120);
});

it.each([1, 10])("report of %i school year(s): three status rules per sheet with targets, one status cell per judged cell", (years) => {
  const { report, highlights, targets } = reportPlans(years);
  // Status rules fill only; the impossible-data rules (impossible.ts) fill and set a dark red font.
  const statusRules = highlights.flatMap((h) => h.rules.filter((r) => r.style.fill && !r.style.fontColor));
  const checkRules = highlights.flatMap((h) => h.rules.filter((r) => r.style.fill && r.style.fontColor));
  expect(checkRules.length).toBeGreaterThanOrEqual(highlights.length);
  expect(checkRules.every((r) => /^=OR\([A-Z]+\d+<>"",[A-Z]+\d+<>""\)$/.test(r.formula))).toBe(true);
  const statusCells = highlights.flatMap((h) => h.status.cells.flat().filter((c) => c?.style === "st.status").map((c) => c?.formula ?? ""));
  const judged = targets.targets.reduce((n, t) => n + Object.keys(report.cells[t.indicatorId] ?? {}).length, 0);
  console.log(`${years} school year(s): ${report.periods.length} periods, ${targets.targets.length} targets, ${statusRules.length} status rules, ${statusCells.length} status cells (longest ${longest(statusCells)} characters)`);
  const withTargets = highlights.filter((h) => h.status.cells.length > 0);
  expect(statusRules).toHaveLength(3 * withTargets.length);
  // Not-applicable periods (an exam result in a quarter) are never judged.
  expect(statusCells.length).toBeGreaterThan(0);
  expect(statusCells.length).toBeLessThanOrEqual(judged);
  expect(statusCells.every((f) => f.startsWith("=") && !/EDU\./.test(f))).toBe(true);
});

it("the status block sits below the table, outside the print area, and readers do not see it", () => {
  const { report, highlights } = reportPlans(10);
  for (const h of highlights) {
    const sheet = Object.values(report.sheets).find((s) => s?.name === h.sheet) as unknown as ReportSheet & { values: unknown[][]; formulas: unknown[][] }; // dense: read from a plan
    const tableWidth = (sheet.values[LAYOUT.periodKeyRow - 1] ?? []).length;
    // The table ends at its last indicator id (the plan's check rows below it are helper cells).
    const tableRows = sheet.values.reduce((last: number, r, i) => (typeof (r as unknown[])?.[LAYOUT.idCol - 1] === "string" && String((r as unknown[])[LAYOUT.idCol - 1]).trim() ? i + 1 : last), 0);
    expect(h.status.printArea).toBe(`B1:${cellAddress(tableRows, tableWidth)}`);
    expect(h.status.lastCol).toBe(tableWidth);
    if (h.status.cells.length === 0) continue;
    expect(h.status.row1).toBe(tableRows + 2);
    expect(h.status.cells.slice(0, tableRows + 1).flat().filter((c) => c !== null)).toEqual([]);
    expect(Math.max(...h.status.cells.map((r) => r.length))).toBeLessThanOrEqual(tableWidth);
    // Reading the sheet with its status block gives the same report.
    const grown = (grid: unknown[][], pick: (c: NonNullable<(typeof h.status.cells)[number][number]>) => unknown) =>
      [...grid.slice(0, tableRows), ...h.status.cells.slice(tableRows).map((row) => row.map((c) => (c ? pick(c) : "")))];
    const withBlock = { ...sheet, values: grown(sheet.values, (c) => c.value ?? (c.formula ? 1 : "")), formulas: grown(sheet.formulas, (c) => c.formula ?? c.value ?? "") };
    const again = readReport(Object.values(report.sheets).map((s) => (s?.name === h.sheet ? withBlock : s!)));
    expect(again.cells).toEqual(report.cells);
    expect(again.periods).toEqual(report.periods);
  }
});

it("«Свод»: three rules over the table (one run of rows), helper cells below the print area", () => {
  const s = summaryPlan(1, 12);
  // Status colours (fills) three by three; besides them only the red font of «данные неверны» (these made-up schools have impossible values).
  expect(s.conditionalFormats.filter((c) => c.style.fill).length % 3).toBe(0);
  expect(s.conditionalFormats.filter((c) => !c.style.fill).map((c) => c.formula)).toEqual(['=E5="данные неверны"']);
  const printed = parseRangeAddress(s.pageLayout.printArea ?? "")!;
  const formulaRows = s.cells.flatMap((row, r) => (row.some((c) => c?.formula) ? [r + 1] : []));
  expect(formulaRows.length).toBeGreaterThan(0);
  expect(Math.min(...formulaRows)).toBeGreaterThan(printed.row2);
});
