/**
 * CI budgets of the task pane's commands on the simulated host (deterministic: syncs and request
 * bytes, not time): at most 3 syncs each and no request over 4 MB, for one school year and for ten
 * (80 periods, every section, filled). Consolidation has its own budget test (test/consolidate).
 */
import { REQUEST_BUDGET_BYTES, SYNC_BUDGET, runCommands, type CommandFigures } from "../../src/cli/bench-commands";

jest.setTimeout(120_000);

describe.each([1, 10])("commands on a report of %i school year(s)", (years) => {
  let figures: CommandFigures[];
  beforeAll(async () => {
    figures = await runCommands(years);
  });

  it("runs every command successfully", () => {
    expect(figures.map((f) => [f.command, f.ok, f.error])).toEqual(
      ["insert", "reinsert", "targets", "compare", "risks"].map((c) => [c, true, undefined]),
    );
  });

  it.each(["insert", "reinsert", "targets", "compare", "risks"])(`%s stays within ${SYNC_BUDGET} syncs and 4 MB per request`, (command) => {
    const f = figures.find((x) => x.command === command);
    expect(f).toBeDefined();
    expect(f!.syncs).toBeGreaterThan(0); // it really talked to Excel
    expect(f!.syncs).toBeLessThanOrEqual(SYNC_BUDGET);
    expect(f!.maxRequestBytes).toBeGreaterThan(1000);
    expect(f!.maxRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });
});
