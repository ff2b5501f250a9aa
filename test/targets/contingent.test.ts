/**
 * The optional section «Контингент» (issue 17, item 6) in the simulated Excel host: its sheet is
 * inserted when asked, its figures are shares of all students, and being neutral context they get
 * no default target, no «Риски» line and no rank in a consolidation, however much they change.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { LAYOUT } from "../../src/core/layout";
import { cellAddress } from "../../src/core/layout/grid";
import { RISKS } from "../../src/core/layout/risksSheet";
import { TARGETS } from "../../src/core/layout/targetsSheet";
import { indicatorsOfSection } from "../../src/core/catalog";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import { ok, reportCell } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const PERIODS = [P(2022, "Y"), P(2023, "H1"), P(2023, "Y")];
const CTX = "Контингент";
const BASE = "Базовые показатели";
const SUBJECT = "Предметные результаты";
const CTX_IDS = indicatorsOfSection("context").map((i) => i.id);

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

const at = (sheet: string, id: string, key: string): string => reportCell(host, sheet, id, key);

function type(sheet: string, id: string, key: string, input: string): void {
  const r = host.inspect.userEdit(sheet, at(sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}

/** The share cell right of a count cell. */
function shareOf(sheet: string, id: string, key: string): unknown {
  const addr = at(sheet, id, key);
  const g = host.inspect.grid(sheet);
  const row = g.cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id);
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key);
  expect(addr).toBe(cellAddress(row + 1, col + 1));
  return g.cells[row][col + 1]?.value;
}

describe("«Контингент» in a workbook", () => {
  beforeAll(async () => {
    host = createSimHost({ plugins: [registerEduFunctions()] });
    restore = installSimHost(host);
    const r = await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2023, periods: PERIODS, sections: ["subject", "context"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
  });

  it("inserts the sheet only when asked, with every item as a share of all students", () => {
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Sheet1", "Паспорт", BASE, SUBJECT, CTX]); // Sheet1: the blank workbook's own
    for (const k of ["2022/23-Y", "2023/24-Y"]) type(BASE, "students_total", k, "200");
    type(CTX, "ctx_ovz", "2023/24-Y", "30");
    expect(shareOf(CTX, "ctx_ovz", "2023/24-Y")).toBeCloseTo(0.15, 12);
  });

  it("gets no default target and no «Риски» line, however far its figures move; a ↑ item beside it does", async () => {
    // Every context item halves or doubles; deep_study (↑) falls from 60 to 20 of 200 as a control.
    CTX_IDS.forEach((id, k) => {
      type(CTX, id, "2022/23-Y", k % 2 ? "20" : "80");
      type(CTX, id, "2023/24-Y", k % 2 ? "80" : "20");
    });
    type(SUBJECT, "deep_study", "2022/23-Y", "60");
    type(SUBJECT, "deep_study", "2023/24-Y", "20");

    ok(await insertTargets({ lang: "ru" }));
    const targets = host.inspect.grid("Цели программы").cells.slice(TARGETS.firstDataRow - 1).map((r) => String(r[TARGETS.idCol - 1]?.value ?? "")).filter(Boolean);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((id) => CTX_IDS.includes(id))).toEqual([]);

    ok(await refreshRisks({ lang: "ru" }));
    const lines = host.inspect.grid("Риски").cells.slice(RISKS.firstLineRow - 1).map((r) => String(r[RISKS.idCol - 1]?.value ?? ""));
    expect(lines).toContain("deep_study");
    expect(lines.filter((id) => CTX_IDS.includes(id))).toEqual([]);
  });
});

describe("«Контингент» in a consolidation", () => {
  it("totals the shares over the schools and ranks no school", async () => {
    const { syntheticSchool } = await import("../../src/cli/bench-consolidate");
    const { figuresFor } = await import("../../src/core/consolidate/figures");
    const schools = [syntheticSchool(1), syntheticSchool(2), syntheticSchool(3)];
    const year = schools[0].periods.find((p) => p.kind === "Y")!;
    const figures = figuresFor(schools, year).filter((f) => f.indicator.section === "context");
    expect(figures.map((f) => f.indicator.id)).toEqual(CTX_IDS);
    for (const f of figures) {
      expect(f.ranks).toEqual([null, null, null]);
      expect(f.total.schools).toBe(3);
      const count = f.figures.reduce((s, x) => s + (x.count ?? 0), 0);
      const den = f.figures.reduce((s, x) => s + (x.denominator ?? 0), 0);
      expect(f.total.value).toBeCloseTo(count / den, 12);
    }
    // A ↑ item is ranked, for contrast.
    expect(figuresFor(schools, year).find((f) => f.indicator.id === "deep_study")!.ranks.every((r) => r !== null)).toBe(true);
  });
});
