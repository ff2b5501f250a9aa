/** The impossible-data marking in an English workbook (the same red, the reason in English); every check formula parses. */
import { HyperFormula } from "hyperformula";
import { createSimHost, installSimHost } from "../../src/sim";
import { buildReportPlan } from "../../src/core/layout";
import { periodsOf } from "../../src/core/periods";
import { getIndicator } from "../../src/core/catalog";
import { CHECK_NOTE } from "../../src/core/layout/impossible";
import { parseCellAddress } from "../../src/core/layout/grid";
import { RISK_COLORS } from "../../src/core/layout/styles";
import { insertReport } from "../../src/excel/insertReport";
import { reportCell } from "../helpers/commands";

it("marks pupils graded 4 and 5 above pupils assessed red, with the reason in English", async () => {
  const host = createSimHost();
  const restore = installSimHost(host);
  try {
    const r = await insertReport({ school: "School 1", schoolYear: 2023, periods: [{ startYear: 2023, kind: "Y" }], sections: ["subject"], lang: "en" });
    if (!r.ok) throw new Error(r.error.message.en);
    const holding = (id: string) => host.inspect.sheetNames().find(({ name }) => host.inspect.grid(name).cells.some((row) => row[0]?.value === id))!.name;
    const base = holding("students_assessed");
    const subject = holding("quality_4_5");
    expect(host.inspect.userEdit(base, reportCell(host, base, "students_assessed", "2023/24-Y"), "10").ok).toBe(true);
    const q = reportCell(host, subject, "quality_4_5", "2023/24-Y");
    expect(host.inspect.userEdit(subject, q, "12").ok).toBe(true);
    expect(host.inspect.cell(subject, q).conditionalFill).toBe(RISK_COLORS.missed.fill);
    const g = host.inspect.grid(subject).cells;
    const note = g.findIndex((row) => row[2]?.value === CHECK_NOTE.en);
    const row = g.findIndex((x, i) => i > note && x[2]?.value === getIndicator("quality_4_5")?.short.en);
    expect(note).toBeGreaterThan(0);
    expect(g[row][parseCellAddress(q)!.col - 1]?.value).toBe(`more than “${getIndicator("students_assessed")?.short.en}”`);
  } finally {
    restore();
  }
}, 60_000);

it("writes only formulas the simulated host parses, in both languages, every section", () => {
  for (const lang of ["ru", "en"] as const) {
    const plan = buildReportPlan({ school: "S", schoolYear: 2023, periods: periodsOf(2023, ["Q", "H", "Y", "E"]), sections: ["subject", "staff", "facilities", "methods", "partnership", "context"], lang });
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const checks = plan.sheets.flatMap((s) => s.cells.flatMap((row) => (row ?? []).filter((c) => c?.style === "chk.reason").map((c) => c?.formula ?? "")));
    expect(checks.length).toBeGreaterThan(100);
    expect(checks.filter((f) => !hf.validateFormula(f))).toEqual([]);
    hf.destroy();
  }
});
