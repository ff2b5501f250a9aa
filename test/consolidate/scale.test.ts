/**
 * Scale: the synthetic schools of the bench (every catalog indicator × 8 periods) are consistent,
 * and the simulated host keeps the big «Данные» sheet cheap. The sync/request budget at scale is
 * tested in command.test.ts; 1,000 schools are measured by `npm run bench`.
 */
import { CATALOG } from "../../src/core/catalog";
import { BENCH_PERIODS, syntheticSchool } from "../../src/cli/bench-consolidate";
import { periodKey } from "../../src/core/periods";
import { consolidate } from "../../src/excel/consolidate";
import { createSimHost, installSimHost } from "../../src/sim";

describe("consolidation at scale (simulated host)", () => {
  it("generates consistent schools: every indicator in 8 periods, counts within their denominators", () => {
    const r = syntheticSchool(7);
    expect(r.periods).toHaveLength(8);
    for (const p of BENCH_PERIODS) {
      const k = periodKey(p);
      for (const ind of CATALOG) {
        const v = r.data.observations[ind.id]?.[k]?.value;
        expect(v?.kind).toBe("number");
        if (ind.unit.kind === "countShare" && v?.kind === "number") {
          const den = ind.unit.denominator.map((d) => r.data.observations[d][k].value).reduce((a, x) => a + (x.kind === "number" ? x.value : 0), 0);
          expect(v.value).toBeLessThanOrEqual(den);
        }
      }
    }
  });

  it("keeps «Данные» out of HyperFormula in the simulated host (what makes 1,000 schools quick)", async () => {
    const host = createSimHost();
    const uninstall = installSimHost(host);
    try {
      const sources = Array.from({ length: 3 }, (_, i) => ({ label: `s${i}.xlsx`, report: syntheticSchool(i) }));
      const r = await consolidate({ sources, useOpenWorkbook: false, period: null, lang: "ru" });
      expect(r.ok).toBe(true);
      expect(host.model.calc.isDeferred(host.model.sheet("Данные")!.hfId)).toBe(true);
      expect(host.inspect.cell("Данные", "A1").value).toBe("shnor-monitor:v1:data");
      expect(host.inspect.cell("Данные", "A3")).toMatchObject({ value: "МБОУ СОШ № 1", formula: null });
    } finally {
      uninstall();
    }
  });
});
