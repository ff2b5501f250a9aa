/**
 * Target colours follow typed values and target edits without the add-in: after «Обновить риски»
 * the workbook runs in a host WITHOUT our custom functions (HyperFormula evaluates the native
 * status formulas), values and targets are typed, and the fills are read back — over a report of
 * 1 and of 10 school years with every period.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { LAYOUT, cellAddress } from "../../src/core/layout/grid";
import { RISK_COLORS, STATUS_NOTE } from "../../src/core/layout/highlight";
import { getIndicator } from "../../src/core/catalog";
import { RISKS } from "../../src/core/layout/risksSheet";
import { TARGETS } from "../../src/core/layout/targetsSheet";
import { STATUS_COLS } from "../../src/core/layout/targetStatus";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import { allPeriods } from "./allPlans";
import { ok, reportCell } from "../helpers/commands";

const SUBJECT = "Предметные результаты";
const BASE = "Базовые показатели";
const GOALS = "Цели программы";
const GREEN = RISK_COLORS.met.fill;
const AMBER = RISK_COLORS.atRisk.fill;
const RED = RISK_COLORS.missed.fill;

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

/** A cell by indicator id (column A) and period key (row 3); `share` for the share column. */
const at = (sheet: string, id: string, key: string, share = false): string => reportCell(host, sheet, id, key, share);

function type(sheet: string, a1: string, input: string): void {
  const r = host.inspect.userEdit(sheet, a1, input);
  if (!r.ok) throw new Error(`edit of ${sheet}!${a1} refused: ${r.message.en}`);
}

/** A cell of «Цели программы»: the target row of `id`, column `col` (or the milestone column of a period key). */
function goal(id: string, col: number | string): string {
  const g = host.inspect.grid(GOALS).cells;
  const row = g.findIndex((r) => r[TARGETS.idCol - 1]?.value === id) + 1;
  const c = typeof col === "number" ? col : (g[TARGETS.periodKeyRow - 1] ?? []).findIndex((x) => x.value === col) + 1;
  if (row < 1 || c < 1) throw new Error(`no target cell ${id} ${col}`);
  return cellAddress(row, c);
}

const fill = (sheet: string, a1: string) => host.inspect.cell(sheet, a1).conditionalFill;

describe.each([1, 10])("a report of %i school year(s), every period, no add-in functions in the host", (years) => {
  const periods = allPeriods(years);
  const last = 2017 + years - 1;
  const Y = `${last}/${String(last + 1).slice(2)}-Y`;
  const H1 = `${last}/${String(last + 1).slice(2)}-H1`;
  const E = `${last}/${String(last + 1).slice(2)}-E`;
  const FIRST_Y = "2017/18-Y";
  const quality = (key: string) => at(SUBJECT, "quality_4_5", key, true);

  beforeAll(async () => {
    restore?.();
    host = createSimHost(); // no EDU.* plugin: the colours must come from native formulas alone
    restore = installSimHost(host);
    const r = await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2017, periods, sections: ["subject", "staff", "facilities", "methods"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
    for (const k of [Y, H1, FIRST_Y]) type(BASE, at(BASE, "students_assessed", k), "100");
    type(BASE, at(BASE, "grads_9", E), "50");
    ok(await insertTargets({ lang: "ru" }));
    ok(await refreshRisks({ lang: "ru" }));
  }, 120_000);

  it("writes only short rules: three per run of rows with targets, each under 120 characters", () => {
    const rules = host.inspect.conditionalFormats(SUBJECT);
    // The impossible-data rules (one per run of checked rows, impossible.ts) test the check cells: =OR(E40<>"",D40<>"").
    const checks = rules.filter((r) => /^=OR\([A-Z]+\d+<>"",[A-Z]+\d+<>""\)$/.test(String(r.rule.formula)));
    expect(checks.length).toBeGreaterThanOrEqual(1);
    const status = rules.filter((r) => r.format.fill && !checks.includes(r));
    expect(status.length % 3).toBe(0);
    expect(status.length).toBeGreaterThanOrEqual(3);
    expect(status.length).toBeLessThanOrEqual(3 * 5); // five targets on this sheet by default
    for (const r of rules) expect(String(r.rule.formula).length).toBeLessThanOrEqual(120);
  });

  it("at the deadline: met or missed only (the margin warns before it), empty follows the typed value", () => {
    // Target: quality at least 38 % by the last school year, margin 2 п. п.
    expect(fill(SUBJECT, quality(Y))).toBeNull();
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "40");
    expect(fill(SUBJECT, quality(Y))).toBe(GREEN);
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "37");
    expect(fill(SUBJECT, quality(Y))).toBe(RED); // within the margin, but the deadline has come
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "30");
    expect(fill(SUBJECT, quality(Y))).toBe(RED);
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "");
    expect(fill(SUBJECT, quality(Y))).toBeNull();
    // The count cell itself is never coloured; a row without a target neither.
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "30");
    expect(fill(SUBJECT, at(SUBJECT, "quality_4_5", Y))).toBeNull();
  });

  it("follows edits of the target, the direction and the margin on «Цели программы»", () => {
    // 30 % against «не менее 38 %»: missed.
    expect(fill(SUBJECT, quality(Y))).toBe(RED);
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "30%");
    expect(fill(SUBJECT, quality(Y))).toBe(GREEN);
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "25%");
    type(GOALS, goal("quality_4_5", TARGETS.directionCol), "не более");
    expect(fill(SUBJECT, quality(Y))).toBe(RED); // 30 % is 5 п. п. above «не более 25 %»
    type(GOALS, goal("quality_4_5", TARGETS.marginCol), "6%");
    expect(fill(SUBJECT, quality(Y))).toBe(RED); // within a 6 п. п. margin, but at the deadline only met or missed
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "30%");
    expect(fill(SUBJECT, quality(Y))).toBe(GREEN); // «не более 30 %»: met
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "25%");
    type(GOALS, goal("quality_4_5", TARGETS.directionCol), "Не  менее"); // case and spaces as people type
    expect(fill(SUBJECT, quality(Y))).toBe(GREEN);
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "");
    expect(fill(SUBJECT, quality(Y))).toBeNull(); // no target, no colour
    type(GOALS, goal("quality_4_5", TARGETS.valueCol), "38"); // as typed into a % cell: Excel's automatic percent entry makes it 38 %
    type(GOALS, goal("quality_4_5", TARGETS.marginCol), "2%");
    expect(fill(SUBJECT, quality(Y))).toBe(RED);
  });

  it("before the deadline: green once the target is reached, a typed milestone decides the rest", () => {
    const cells = years > 1 ? [H1, FIRST_Y] : [H1];
    for (const k of cells) {
      type(SUBJECT, at(SUBJECT, "quality_4_5", k), "30");
      expect(fill(SUBJECT, quality(k))).toBeNull(); // on the way, nothing to say yet
      type(SUBJECT, at(SUBJECT, "quality_4_5", k), "39");
      expect(fill(SUBJECT, quality(k))).toBe(GREEN);
      type(SUBJECT, at(SUBJECT, "quality_4_5", k), "30");
      type(GOALS, goal("quality_4_5", k), "28%");
      expect(fill(SUBJECT, quality(k))).toBe(GREEN); // milestone met
      type(GOALS, goal("quality_4_5", k), "31%");
      expect(fill(SUBJECT, quality(k))).toBe(RED); // a milestone is judged at its own date: 1 п. п. short is missed
      type(GOALS, goal("quality_4_5", k), "");
      type(SUBJECT, at(SUBJECT, "quality_4_5", k), "37");
      expect(fill(SUBJECT, quality(k))).toBe(AMBER); // before the deadline, within the margin of the target: at risk
      type(SUBJECT, at(SUBJECT, "quality_4_5", k), "30");
      type(GOALS, goal("quality_4_5", k), "35%");
      expect(fill(SUBJECT, quality(k))).toBe(RED); // milestone missed
      type(GOALS, goal("quality_4_5", k), "");
      expect(fill(SUBJECT, quality(k))).toBeNull();
    }
  });

  it("«не более 0» for exam failures: 0 is met, any failure is missed", () => {
    const fail = (v: string) => {
      type(SUBJECT, at(SUBJECT, "gia9_rus_fail", E), v);
      return fill(SUBJECT, at(SUBJECT, "gia9_rus_fail", E, true));
    };
    expect(fail("0")).toBe(GREEN);
    expect(fail("2")).toBe(RED);
    expect(fail("")).toBeNull();
  });

  it("agrees with «Риски» after a refresh; the status cell sits below the table", async () => {
    type(SUBJECT, at(SUBJECT, "quality_4_5", Y), "37");
    type(SUBJECT, at(SUBJECT, "gia9_rus_fail", E), "2");
    ok(await refreshRisks({ lang: "ru" }));
    const lines = host.inspect.grid("Риски").cells.filter((c) => typeof c[RISKS.idCol - 1]?.value === "string").map((c) => [c[RISKS.idCol - 1].value, c[RISKS.kindCol - 1].value]);
    expect(lines).toContainEqual(["quality_4_5", "Цель не достигнута"]); // 37 % at the deadline, 1 п. п. short
    expect(lines).toContainEqual(["gia9_rus_fail", "Цель не достигнута"]);
    expect(fill(SUBJECT, quality(Y))).toBe(RED);
    expect(fill(SUBJECT, at(SUBJECT, "gia9_rus_fail", E, true))).toBe(RED);
    // The status cell of the quality value: in its status row below the table, in the value's column.
    const g = host.inspect.grid(SUBJECT).cells;
    const noteRow = g.findIndex((r) => r[STATUS_COLS.name - 1]?.value === STATUS_NOTE.ru) + 1;
    const statusRow = g.findIndex((r, i) => i >= noteRow && r[STATUS_COLS.name - 1]?.value === getIndicator("quality_4_5")?.short.ru) + 1;
    expect(noteRow).toBeGreaterThan(LAYOUT.firstDataRow);
    expect(statusRow).toBeGreaterThan(noteRow);
    const q = quality(Y);
    const status = host.inspect.cell(SUBJECT, `${q.replace(/\d+$/, "")}${statusRow}`);
    expect(status.value).toBe(-1);
    expect(host.inspect.cell(SUBJECT, cellAddress(statusRow, STATUS_COLS.target)).value).toBeCloseTo(0.38, 12);
    expect(host.inspect.cell(SUBJECT, cellAddress(statusRow, STATUS_COLS.sign)).text).toBe("≥");
    // The indicator sheet is protected again.
    expect(host.inspect.protection(SUBJECT).protected).toBe(true);
  });
});
