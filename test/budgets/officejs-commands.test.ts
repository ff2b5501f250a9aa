/**
 * Request budgets in Office.js' own bytes: every command of the task pane runs through Microsoft's
 * Office.js client beside the simulated host (src/cli/officejs-bytes.ts), which serializes each
 * request exactly as Excel would receive it. Every request stays under 4 MB — insert and the
 * analysis commands on one and ten school years, road-map import, refresh risks, freeze and restore
 * of the ten-year report and of a large workbook (10,000 EDU.* formulas, each a write of its own) —
 * and the RequestBudget's estimate is never below the real size of a request it chunked.
 */
import { COMMANDS, REQUEST_BUDGET_BYTES, runCommands, runLargeFreeze, type CommandFigures } from "../../src/cli/bench-commands";

jest.setTimeout(600_000);

/** Every request under the budget; each budgeted request's estimate at least its real size. */
function checkRequests(f: CommandFigures): void {
  const requests = f.realRequests ?? [];
  expect(requests.length).toBeGreaterThan(1);
  for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  const budgeted = requests.filter((r) => r.estimate > 0 && !r.closing);
  expect(budgeted.length).toBeGreaterThan(0); // the writes went through the budget
  for (const r of budgeted) expect(r.bytes / r.estimate).toBeLessThanOrEqual(1);
}

describe.each([1, 10])("commands on a report of %i school year(s), in Office.js bytes", (years) => {
  let figures: CommandFigures[];
  beforeAll(async () => {
    figures = await runCommands(years, { officeJs: true });
  });

  it("runs every command successfully", () => {
    expect(figures.map((f) => [f.command, f.ok, f.error])).toEqual(COMMANDS.map((c) => [c, true, undefined]));
  });

  it.each([...COMMANDS])("%s: every request under 4 MB, the estimate never below the real size", (command) => {
    checkRequests(figures.find((x) => x.command === command)!);
  });
});

describe("freeze and restore of a large workbook (10,000 EDU.* formulas), in Office.js bytes", () => {
  let figures: CommandFigures[];
  beforeAll(async () => {
    figures = await runLargeFreeze(10_000, { officeJs: true });
  });

  it.each(["freeze", "restore"])("%s succeeds, in requests under 4 MB", (command) => {
    const f = figures.find((x) => x.command === command)!;
    expect([f.ok, f.error]).toEqual([true, undefined]);
    checkRequests(f);
    // More than one write request: 10,000 separate cells do not fit one.
    expect(f.realRequests!.filter((r) => r.estimate > 0 && !r.closing).length).toBeGreaterThan(1);
  });
});
