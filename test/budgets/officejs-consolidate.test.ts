/**
 * Consolidation's request budget in Office.js' own bytes (src/cli/officejs-bytes.ts): 10, 100 and
 * 1,000 synthetic schools (every indicator × 8 periods) succeed with every request under 4 MB, and
 * the RequestBudget's estimate is never below the real size of a request it chunked. (Before the
 * budget counted Office.js' bytes, 100 schools sent 5.25 MB in one request and Excel refused it.)
 */
import { REQUEST_BUDGET_BYTES } from "../../src/cli/bench-commands";
import { BENCH_PERIODS, runConsolidation } from "../../src/cli/bench-consolidate";
import type { Period } from "../../src/core/types";
import { CATALOG } from "../../src/core/catalog";

// 1,000 schools: about 456,000 rows of «Данные», 40 requests; minutes on a small machine.
jest.setTimeout(900_000);

describe.each([10, 100, 1000])("consolidation of %i schools, in Office.js bytes", (n) => {
  it("succeeds, every request under 4 MB, the estimate never below the real size", async () => {
    const f = await runConsolidation(n, { officeJs: true });
    expect(f.dataRows).toBe(n * CATALOG.length * 8); // every catalog indicator in 8 periods
    const requests = f.realRequests ?? [];
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    const budgeted = requests.filter((r) => r.estimate > 0 && !r.closing);
    expect(budgeted.length).toBeGreaterThan(0);
    for (const r of budgeted) expect(r.bytes / r.estimate).toBeLessThanOrEqual(1);
    // Syncs follow the payload: the estimate is at most about 1.4 × the real size, so a few more
    // than ceil(1.4 × real bytes / 3.5 MB).
    expect(f.real!.syncs).toBeLessThanOrEqual(4 + Math.ceil((f.real!.totalBytes * 1.4) / 3_500_000));
  });
});

// Several periods side by side: 100 schools × all 8 periods (with 4 change blocks: Q2–Q4, H2),
// 1,000 schools × the year and the exam session (the «Свод» directors ask for).
describe.each([
  [100, BENCH_PERIODS],
  [1000, [{ startYear: 2023, kind: "Y" }, { startYear: 2023, kind: "E" }] as Period[]],
])("consolidation of %i schools, several periods, in Office.js bytes", (n, periods) => {
  it(`${periods.length} periods: succeeds, every request under 4 MB, the estimate never below the real size`, async () => {
    const f = await runConsolidation(n, { officeJs: true, periods });
    expect(f.dataRows).toBe(n * CATALOG.length * 8);
    const requests = f.realRequests ?? [];
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    for (const r of requests.filter((q) => q.estimate > 0 && !q.closing)) expect(r.bytes / r.estimate).toBeLessThanOrEqual(1);
    expect(f.real!.syncs).toBeLessThanOrEqual(4 + Math.ceil((f.real!.totalBytes * 1.4) / 3_500_000));
  });
});
