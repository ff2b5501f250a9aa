/**
 * The analysis commands (targets, dynamics, risks) against the simulated Excel host, with
 * HyperFormula evaluating the EDU.* functions through the plugin the add-in's tests share.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { cellAddress } from "../../src/core/layout/grid";
import { DYN } from "../../src/core/layout/dynamicsSheet";
import { RISKS } from "../../src/core/layout/risksSheet";
import { RISK_COLORS } from "../../src/core/layout/highlight";
import { TARGETS } from "../../src/core/layout/targetsSheet";
import type { Period } from "../../src/core/types";
import { getIndicator } from "../../src/core/catalog";
import { insertReport } from "../../src/excel/insertReport";
import { activateSheet, comparePeriods, insertTargets, readReportInfo, refreshRisks, type CommandResult } from "../../src/excel/commands";
import { ok, reportCell } from "../helpers/commands";

const FOUR_MB = 4 * 1024 * 1024;
const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const PERIODS = [P(2022, "E"), P(2023, "Q1"), P(2023, "Q2"), P(2023, "H1"), P(2023, "Q3"), P(2023, "Y"), P(2023, "E")];
const SUBJECT = "Предметные результаты";
const STAFF = "Кадровые условия";
const BASE = "Базовые показатели";

let host: SimHost;
let restore: (() => void) | undefined;

/** Find a cell by indicator id (column A) and period key (row 3), as readers do. */
const at = (sheet: string, id: string, key: string, share = false): string => reportCell(host, sheet, id, key, share);

function type(sheet: string, id: string, key: string, input: string): void {
  const r = host.inspect.userEdit(sheet, at(sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}

/** A school whose quality share goes 21% → 24% → 27% (Q1–Q3) against 38% by the year end. */
async function school(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  const r = await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2023, periods: PERIODS, sections: ["subject", "staff", "facilities", "methods"], lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
  for (const k of ["2023/24-Q1", "2023/24-Q2", "2023/24-H1", "2023/24-Q3", "2023/24-Y"]) type(BASE, "students_assessed", k, "100");
  type(SUBJECT, "quality_4_5", "2023/24-Q1", "21");
  type(SUBJECT, "quality_4_5", "2023/24-Q2", "24");
  type(SUBJECT, "quality_4_5", "2023/24-Q3", "27");
  // ГИА-9: failures in Russian fall from 5 of 50 to 2 of 50 (an improvement, still above the target 0).
  type(BASE, "grads_9", "2022/23-E", "50");
  type(BASE, "grads_9", "2023/24-E", "50");
  type(SUBJECT, "gia9_rus_fail", "2022/23-E", "5");
  type(SUBJECT, "gia9_rus_fail", "2023/24-E", "2");
  // Staff: a neutral indicator that changes, and one that gets worse.
  type(BASE, "staff_ped", "2023/24-H1", "40");
  type(BASE, "staff_ped", "2023/24-Y", "40");
  type(STAFF, "staff_exp_lt5", "2023/24-H1", "4");
  type(STAFF, "staff_exp_lt5", "2023/24-Y", "10");
  type(STAFF, "staff_higher_ed", "2023/24-H1", "38");
  type(STAFF, "staff_higher_ed", "2023/24-Y", "36");
  host.resetStats();
}

function expectBudget(): void {
  expect(host.stats.syncs).toBeLessThanOrEqual(3);
  expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
}

afterAll(() => restore?.());

describe("readReportInfo", () => {
  it("reports the school, year, periods and whether targets exist", async () => {
    await school();
    const info = ok(await readReportInfo());
    expect(info).toMatchObject({ school: "МБОУ СОШ № 5", schoolYear: 2023, hasTargets: false });
    expect(info.periods.map((p) => `${p.startYear}-${p.kind}`)).toEqual(["2022-E", "2023-Q1", "2023-Q2", "2023-H1", "2023-Q3", "2023-Y", "2023-E"]);
    expectBudget();
  });

  it("says plainly when there is no report", async () => {
    restore?.();
    host = createSimHost({ plugins: [registerEduFunctions()] });
    restore = installSimHost(host);
    const r = await insertTargets({ lang: "ru" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("noReport");
      expect(r.error.message.ru).toMatch(/Сначала вставьте листы показателей/);
    }
  });
});

describe("insertTargets", () => {
  beforeAll(school);

  it("inserts the suggested targets within 3 syncs and 4 MB", async () => {
    const r = ok(await insertTargets({ lang: "ru" }));
    expect(r).toEqual({ ok: true, sheet: "Цели программы", created: true, targets: 7 });
    expectBudget();
    const name = r.sheet;
    expect(host.inspect.cell(name, "A1").value).toBe("shnor-monitor:v1:targets");
    const row = (id: string) => host.inspect.grid(name).cells.findIndex((c) => c[0]?.value === id) + 1;
    const q = row("quality_4_5");
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.valueCol)).value).toBeCloseTo(0.38, 12);
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.directionCol)).value).toBe("не менее");
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.deadlineCol)).value).toBe("2023/24 учебный год");
    expect(host.inspect.cell(name, cellAddress(row("gia9_rus_fail"), TARGETS.directionCol)).value).toBe("не более");
    expect(host.inspect.cell(name, cellAddress(row("gia9_rus_fail"), TARGETS.deadlineCol)).value).toBe("ГИА-2024");
    expect(host.inspect.dataValidationAt(name, cellAddress(q, TARGETS.directionCol))?.rule).toMatchObject({ list: { source: "не менее,не более" } });
    expect(host.inspect.activeSheet()).toBe(name);
    expect(ok(await readReportInfo()).hasTargets).toBe(true);
  });

  it("keeps the user's edits on re-insert (targets are data)", async () => {
    const name = "Цели программы";
    const q = host.inspect.grid(name).cells.findIndex((c) => c[0]?.value === "quality_4_5") + 1;
    expect(host.inspect.userEdit(name, cellAddress(q, TARGETS.valueCol), "40%").ok).toBe(true);
    expect(host.inspect.userEdit(name, cellAddress(q, TARGETS.marginCol), "1%").ok).toBe(true);
    host.resetStats();
    const r = ok(await insertTargets({ lang: "ru" }));
    expect(r).toEqual({ ok: true, sheet: name, created: false, targets: 7 });
    expectBudget();
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.valueCol)).value).toBeCloseTo(0.4, 12);
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.marginCol)).value).toBeCloseTo(0.01, 12);
    // Put the suggestion back for the tests below.
    host.inspect.userEdit(name, cellAddress(q, TARGETS.valueCol), "38%");
    host.inspect.userEdit(name, cellAddress(q, TARGETS.marginCol), "2%");
  });

  it("warns (and keeps the value) when a target breaks its unit's rule", () => {
    const name = "Цели программы";
    const q = host.inspect.grid(name).cells.findIndex((c) => c[0]?.value === "quality_4_5") + 1;
    // "2000%" rather than "20": Excel reads a bare 20 in a % cell as 20 %, and the demo may too.
    const e = host.inspect.userEdit(name, cellAddress(q, TARGETS.valueCol), "2000%");
    expect(e.ok && e.warning?.message.ru).toBe("Доля должна быть от 0 до 100 %. Введите, например, 38 % (а не 3800 %).");
    expect(host.inspect.cell(name, cellAddress(q, TARGETS.valueCol)).value).toBe(20);
    const fine = host.inspect.userEdit(name, cellAddress(q, TARGETS.valueCol), "38%");
    expect(fine.ok && fine.warning).toBeUndefined();
    const m = host.inspect.userEdit(name, cellAddress(q, TARGETS.marginCol), "-1%");
    expect(m.ok && m.warning?.message.ru).toBe("Допустимое отклонение должно быть от 0 до 100 %.");
    host.inspect.userEdit(name, cellAddress(q, TARGETS.marginCol), "2%");
  });
});

describe("comparePeriods («Динамика»)", () => {
  beforeAll(school);

  const rowOf = (id: string) => host.inspect.grid("Динамика").cells.findIndex((c) => c[0]?.value === id) + 1;
  const cellIn = (id: string, col: number) => host.inspect.cell("Динамика", cellAddress(rowOf(id), col));

  it("shows a fall of gia9_rus_fail as an improvement (DYNAMICS = 1, ▲, green), in п. п.", async () => {
    const r = ok(await comparePeriods({ earlier: P(2022, "E"), later: P(2023, "E"), lang: "ru" }));
    expect(r.sheet).toBe("Динамика");
    expectBudget();
    // Only exam indicators are reported in both sessions.
    const ids = host.inspect.grid("Динамика").cells.slice(DYN.firstDataRow - 1).map((c) => c[0]?.value).filter((v) => typeof v === "string" && /^[a-z]/.test(v as string));
    expect(r.indicators).toBe(ids.length);
    expect(ids).toContain("gia9_rus_fail");
    expect(ids).not.toContain("quality_4_5");
    expect(cellIn("gia9_rus_fail", DYN.earlierCol).value).toBeCloseTo(0.1, 12);
    expect(cellIn("gia9_rus_fail", DYN.laterCol).value).toBeCloseTo(0.04, 12);
    const change = cellIn("gia9_rus_fail", DYN.changeCol);
    expect(change.value).toBeCloseTo(-6, 9);
    expect(change.formula).toMatch(/EDU\.DELTA/);
    expect(change.numberFormat).toBe('+0.0" п. п.";-0.0" п. п.";0.0" п. п."');
    const dir = cellIn("gia9_rus_fail", DYN.directionCol);
    expect(dir.value).toBe(1);
    expect(dir.formula).toBe(`=IF(COUNT(E${rowOf("gia9_rus_fail")},F${rowOf("gia9_rus_fail")})<2,"",EDU.DYNAMICS(E${rowOf("gia9_rus_fail")},F${rowOf("gia9_rus_fail")},"gia9_rus_fail"))`);
    expect(dir.text).toBe("▲");
    // 5 → 2 of 50 is within random variation (Newcombe 95 %, issue 16): said so, in pupils, and not coloured green.
    expect(cellIn("gia9_rus_fail", DYN.verdictCol).value).toBe("в пределах случайных колебаний (−3 учащихся)");
    expect(dir.conditionalFontColor).toBeNull();
    // Target 0 («не более») in ГИА-2024: 4 % is missed, the gap is −4 п. п.
    expect(cellIn("gia9_rus_fail", DYN.targetCol).value).toBe(0);
    expect(cellIn("gia9_rus_fail", DYN.statusCol).value).toBe(-1);
    expect(cellIn("gia9_rus_fail", DYN.statusCol).conditionalFill).toBe(RISK_COLORS.missed.fill);
    expect(cellIn("gia9_rus_fail", DYN.gapCol).value).toBeCloseTo(-4, 9);
    // No growth rate for shares.
    expect(cellIn("gia9_rus_fail", DYN.growthCol).formula).toBeNull();
  });

  it("keeps a neutral indicator uncoloured and judges the worse one", async () => {
    host.resetStats();
    ok(await comparePeriods({ earlier: P(2023, "H1"), later: P(2023, "Y"), lang: "ru" }));
    expectBudget();
    const lt5 = cellIn("staff_exp_lt5", DYN.directionCol);
    expect(lt5.value).toBe(0);
    expect(lt5.text).toBe("○");
    expect(lt5.conditionalFill).toBeNull();
    expect(lt5.conditionalFontColor).toBeNull();
    expect(cellIn("staff_exp_lt5", DYN.laterCol).conditionalFill).toBeNull();
    expect(cellIn("staff_exp_lt5", DYN.changeCol).value).toBeCloseTo(15, 9);
    const he = cellIn("staff_higher_ed", DYN.directionCol);
    expect(he.value).toBe(-1);
    expect(he.text).toBe("▼");
    // 38 → 36 of 40 teachers is within random variation: not coloured as worsening (issue 16).
    expect(cellIn("staff_higher_ed", DYN.verdictCol).value).toBe("в пределах случайных колебаний (−2 педагога)");
    expect(he.conditionalFontColor).toBeNull();
  });

  it("follows the user's targets live and replaces the sheet idempotently", async () => {
    const before = host.inspect.grid("Динамика");
    const r = ok(await comparePeriods({ earlier: P(2023, "H1"), later: P(2023, "Y"), lang: "ru" }));
    expect(host.inspect.grid("Динамика")).toEqual(before);
    expect(host.inspect.sheetNames().filter((s) => s.name.startsWith("Динамика"))).toHaveLength(1);
    expect(r.indicators).toBe(host.inspect.grid("Динамика").cells.slice(DYN.firstDataRow - 1).filter((c) => /^[a-z]/.test(String(c[0]?.value ?? ""))).length);
    ok(await comparePeriods({ earlier: P(2022, "E"), later: P(2023, "E"), lang: "ru" }));
    const t = host.inspect.grid("Цели программы").cells.findIndex((c) => c[0]?.value === "gia9_rus_fail") + 1;
    host.inspect.userEdit("Цели программы", cellAddress(t, TARGETS.valueCol), "5%");
    expect(cellIn("gia9_rus_fail", DYN.statusCol).value).toBe(1);
    expect(cellIn("gia9_rus_fail", DYN.statusCol).text).toBe("достигнута");
    host.inspect.userEdit("Цели программы", cellAddress(t, TARGETS.valueCol), "0");
  });

  it("refuses two equal periods without touching the workbook", async () => {
    const r = await comparePeriods({ earlier: P(2023, "Y"), later: P(2023, "Y"), lang: "en" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("badPeriods");
  });
});

describe("refreshRisks («Риски» and highlighting)", () => {
  beforeAll(school);

  const lines = () =>
    host.inspect
      .grid("Риски")
      .cells.slice(RISKS.firstLineRow - 1)
      .filter((c) => typeof c[RISKS.idCol - 1]?.value === "string" && /^[a-z]/.test(String(c[RISKS.idCol - 1]?.value)))
      .map((c) => [c[RISKS.idCol - 1].value, c[RISKS.kindCol - 1].value, c[RISKS.periodCol - 1].value]);

  it("flags 21% → 24% → 27% as at risk before the year end and lists exactly the expected lines", async () => {
    const r = ok(await refreshRisks({ lang: "ru" }));
    expectBudget();
    expect(r).toEqual({ ok: true, sheet: "Риски", invalid: 0, missed: 1, atRisk: 1, worsening: 0, chance: 0, findings: 0 });
    expect(lines()).toEqual([
      ["gia9_rus_fail", "Цель не достигнута", "ГИА-2024"],
      ["quality_4_5", "Цель под угрозой", "III четверть 2023/24"],
      // staff_higher_ed 38 → 36 of 40 is I полугодие → учебный год: unlike periods, no «Ухудшение» (issue 16).
    ]);
    const g = host.inspect.grid("Риски");
    const q = g.cells.findIndex((c) => c[0]?.value === "quality_4_5");
    expect(g.cells[q][RISKS.valueCol - 1].value).toBeCloseTo(0.27, 12);
    expect(g.cells[q][RISKS.targetCol - 1].value).toBeCloseTo(0.38, 12);
    expect(g.cells[q][RISKS.gapCol - 1].value).toBeCloseTo(-11, 9);
    // «не более 0» at 4 %: the difference value − target reads as an excess (+4 п. п.), the sentence says so.
    const f = g.cells.findIndex((c) => c[0]?.value === "gia9_rus_fail");
    expect(g.cells[f][RISKS.gapCol - 1].value).toBeCloseTo(4, 9);
    expect(String(g.cells[f][RISKS.textCol - 1].value)).toContain("требуется: не более 0,0 % (превышение на 4,0 п. п.)");
    expect(g.cells.some((c) => c[RISKS.gapCol - 1]?.value === "Разница: значение минус цель или прежнее значение (доли — в п. п.)")).toBe(true);
    expect(String(g.cells[q][RISKS.textCol - 1].value)).toMatch(/при нынешней динамике цель к сроку не будет достигнута/);
    // Highlighting on the indicator sheet: Q3 amber (trend too slow), no colour on Q1/Q2 (on the way).
    expect(host.inspect.cell(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Q3", true)).conditionalFill).toBe(RISK_COLORS.atRisk.fill);
    expect(host.inspect.cell(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Q1", true)).conditionalFill).toBeNull();
    // gia9_rus_fail: 4 % against «не более 0» at the deadline → red; a fall from 10 % is not marked as worse.
    const fail24 = host.inspect.cell(SUBJECT, at(SUBJECT, "gia9_rus_fail", "2023/24-E", true));
    expect(fail24.conditionalFill).toBe(RISK_COLORS.missed.fill);
    expect(fail24.conditionalFontColor).toBeNull();
    // Below the half-year, but a year is not compared with its half-year (like with like, as «Риски»): no worsening colour.
    const he = host.inspect.cell(STAFF, at(STAFF, "staff_higher_ed", "2023/24-Y", true));
    expect(he.conditionalFontColor).toBeNull();
    expect(he.conditionalBold).toBeNull();
    // A neutral indicator is never coloured.
    for (const k of ["2023/24-H1", "2023/24-Y"]) {
      for (const share of [false, true]) {
        const c = host.inspect.cell(STAFF, at(STAFF, "staff_exp_lt5", k, share));
        expect([c.conditionalFill, c.conditionalFontColor, c.conditionalBold]).toEqual([null, null, null]);
      }
    }
    // The indicator sheets stay protected.
    expect(host.inspect.protection(SUBJECT).protected).toBe(true);
    // A line chart of quality with its target line.
    const charts = host.inspect.charts("Риски");
    expect(charts.map((c: { name: string }) => c.name)).toEqual(["shnor_quality"]);
    expect(charts[0]).toMatchObject({ type: "Line", title: "Качество знаний (доля на «4» и «5»)", seriesBy: "Columns" });
    expect(charts[0].series.map((s: { name: string }) => s.name)).toEqual([getIndicator("quality_4_5")?.short.ru, "Цель"]);
  });

  it("is idempotent: a second refresh gives the same sheets, counts and rules", async () => {
    const grid = host.inspect.grid("Риски");
    const rules = host.inspect.conditionalFormats(SUBJECT);
    const charts = host.inspect.charts("Риски");
    host.resetStats();
    const r = ok(await refreshRisks({ lang: "ru" }));
    expectBudget();
    expect(r).toEqual({ ok: true, sheet: "Риски", invalid: 0, missed: 1, atRisk: 1, worsening: 0, chance: 0, findings: 0 });
    expect(host.inspect.grid("Риски")).toEqual(grid);
    expect(host.inspect.conditionalFormats(SUBJECT)).toEqual(rules);
    expect(host.inspect.charts("Риски").map((c: { name: string }) => c.name)).toEqual(charts.map((c: { name: string }) => c.name));
    expect(host.inspect.sheetNames().map((s) => s.name).filter((n) => /Риски|Цели/.test(n))).toEqual(["Цели программы", "Риски"]);
  });

  it("turns the quality target red once the year ends at 27%, and keeps a user's edited target", async () => {
    type(SUBJECT, "quality_4_5", "2023/24-Y", "27");
    host.resetStats();
    const r = ok(await refreshRisks({ lang: "ru" }));
    expect(r.missed).toBe(2);
    expect(lines().slice(0, 2)).toEqual([
      ["quality_4_5", "Цель не достигнута", "2023/24 учебный год"],
      ["gia9_rus_fail", "Цель не достигнута", "ГИА-2024"],
    ]);
    expect(host.inspect.cell(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Y", true)).conditionalFill).toBe(RISK_COLORS.missed.fill);
    // The user lowers the target to 26 %: after refresh it is met and stays as typed.
    const t = host.inspect.grid("Цели программы").cells.findIndex((c) => c[0]?.value === "quality_4_5") + 1;
    expect(host.inspect.userEdit("Цели программы", cellAddress(t, TARGETS.valueCol), "26%").ok).toBe(true);
    // Live: the highlight follows the edit before any refresh.
    expect(host.inspect.cell(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Y", true)).conditionalFill).toBe(RISK_COLORS.met.fill);
    host.resetStats();
    const again = ok(await refreshRisks({ lang: "ru" }));
    expect(again.missed).toBe(1);
    expect(host.inspect.cell("Цели программы", cellAddress(t, TARGETS.valueCol)).value).toBeCloseTo(0.26, 12);
    expectBudget();
  });

  it("activateSheet brings a sheet to the front and ignores a missing one", async () => {
    await activateSheet("Цели программы");
    expect(host.inspect.activeSheet()).toBe("Цели программы");
    await expect(activateSheet("Нет такого")).resolves.toBeUndefined();
  });
});

describe("failures come back typed, never thrown", () => {
  beforeAll(school);

  it("edit mode: a clear message and nothing written", async () => {
    host.setEditMode(true);
    const r = await refreshRisks({ lang: "ru" });
    host.setEditMode(false);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("cellEditMode");
      expect(r.error.message.ru).toMatch(/режиме правки ячейки/);
    }
    expect(host.inspect.sheetNames().map((s) => s.name)).not.toContain("Риски");
  });

  it("a password-protected indicator sheet stops the refresh before any write", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SUBJECT);
      ws.protection.unprotect();
      ws.protection.protect({ allowFormatColumns: true }, "secret");
      await context.sync();
    });
    const r = await refreshRisks({ lang: "en" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("protected");
    expect(host.inspect.sheetNames().map((s) => s.name)).not.toContain("Risks");
  });

  it("measured: syncs and the largest request of each command", async () => {
    await school();
    const measured: Record<string, { syncs: number; maxRequestBytes: number }> = {};
    const measure = async (name: string, run: () => Promise<CommandResult<object>>) => {
      host.resetStats();
      ok(await run());
      measured[name] = { syncs: host.stats.syncs, maxRequestBytes: host.stats.maxRequestBytes };
      expectBudget();
    };
    await measure("readReportInfo", () => readReportInfo());
    await measure("insertTargets", () => insertTargets({ lang: "ru" }));
    await measure("comparePeriods", () => comparePeriods({ earlier: P(2023, "H1"), later: P(2023, "Y"), lang: "ru" }));
    await measure("refreshRisks", () => refreshRisks({ lang: "ru" }));
    await measure("refreshRisks again", () => refreshRisks({ lang: "ru" }));
    console.log(JSON.stringify(measured));
  });
});
