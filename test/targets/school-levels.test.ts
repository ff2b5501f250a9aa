/**
 * School types in the simulated Excel host: an ООШ (grades 1–9) gets no ЕГЭ input, target or
 * finding; its «–» rows are locked and unvalidated; a «–» typed in a count cell needs no confirmation.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { LAYOUT, PASSPORT } from "../../src/core/layout";
import { cellAddress } from "../../src/core/layout/grid";
import { RISKS } from "../../src/core/layout/risksSheet";
import { TARGETS } from "../../src/core/layout/targetsSheet";
import { CATALOG } from "../../src/core/catalog";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import { ok } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const PERIODS = [P(2022, "Y"), P(2022, "E"), P(2023, "H1"), P(2023, "Y"), P(2023, "E")];
const SUBJECT = "Предметные результаты";
const BASE = "Базовые показатели";
/** Items of grades 10–11: ЕГЭ, 11th-grade certificates and graduates, pupils of СОО, profile study. */
const SECONDARY_ONLY = CATALOG.filter((i) => i.levels?.length === 1 && i.levels[0] === "secondary").map((i) => i.id);

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

function rowOf(sheet: string, id: string): number {
  return host.inspect.grid(sheet).cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id) + 1;
}

function at(sheet: string, id: string, key: string): string {
  const g = host.inspect.grid(sheet);
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  const row = rowOf(sheet, id);
  if (row < 1 || col < 1) throw new Error(`no cell for ${id} ${key} on ${sheet}`);
  return cellAddress(row, col);
}

function type(sheet: string, id: string, key: string, input: string) {
  const r = host.inspect.userEdit(sheet, at(sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
  return r;
}

async function basicSchool(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  const r = await insertReport({
    school: "МБОУ ООШ № 7", schoolYear: 2023, periods: PERIODS, sections: ["subject", "staff", "facilities", "methods"], lang: "ru",
    levels: ["primary", "basic"],
  });
  if (!r.ok) throw new Error(r.error.message.en);
}

describe("an ООШ (grades 1–9)", () => {
  beforeAll(basicSchool);

  it("records its levels on «Паспорт»", () => {
    const g = host.inspect.grid("Паспорт");
    const field = (id: string) => g.cells.find((r) => r[PASSPORT.idCol - 1]?.value === id)?.[PASSPORT.valueCol - 1]?.value;
    expect([field("level_primary"), field("level_basic"), field("level_secondary")]).toEqual(["да", "да", "нет"]);
  });

  it("shows every 10–11 item as «–», locked and without validation", () => {
    expect(SECONDARY_ONLY).toEqual(expect.arrayContaining(["ege_rus_avg", "ege_math_avg", "ege_math_below_min", "grads_11", "no_cert_11", "students_secondary"]));
    for (const id of SECONDARY_ONLY) {
      const sheet = ["grads_11", "students_secondary"].includes(id) ? BASE : SUBJECT;
      const own = CATALOG.find((i) => i.id === id)!.periodicity.includes("E") ? "2023/24-E" : "2023/24-Y";
      const cell = host.inspect.cell(sheet, at(sheet, id, own));
      expect({ id, value: cell.value, locked: cell.locked, validation: cell.validation ?? null }).toEqual({ id, value: "–", locked: true, validation: null });
      expect(host.inspect.userEdit(sheet, at(sheet, id, own), "5").ok).toBe(false); // protected: never asks for input
    }
    // ОГЭ stays an input.
    const oge = host.inspect.cell(SUBJECT, at(SUBJECT, "gia9_rus_avg", "2023/24-E"));
    expect(oge).toMatchObject({ locked: false });
  });

  it("takes a «–» in a count cell without a warning; a fraction still warns", () => {
    expect(type(SUBJECT, "deep_study", "2023/24-Y", "–")).toEqual({ ok: true });
    expect(type(SUBJECT, "deep_study", "2022/23-Y", "-")).toEqual({ ok: true });
    expect(type(SUBJECT, "network_form", "2023/24-Y", "3")).toEqual({ ok: true });
    expect(type(SUBJECT, "distance_learning", "2023/24-Y", "2,5").warning).toBeDefined();
    type(SUBJECT, "distance_learning", "2023/24-Y", "");
  });

  it("gets no ЕГЭ target, and no ЕГЭ line or finding on «Риски»", async () => {
    // A year of figures: quality 30 of 100 → 35 of 100, ОГЭ failures 2 of 20.
    for (const k of ["2022/23-Y", "2023/24-H1", "2023/24-Y"]) type(BASE, "students_assessed", k, "100");
    type(SUBJECT, "quality_4_5", "2022/23-Y", "30");
    type(SUBJECT, "quality_4_5", "2023/24-Y", "35");
    for (const k of ["2022/23-E", "2023/24-E"]) type(BASE, "grads_9", k, "20");
    type(SUBJECT, "gia9_rus_fail", "2022/23-E", "1");
    type(SUBJECT, "gia9_rus_fail", "2023/24-E", "2");

    ok(await insertTargets({ lang: "ru" }));
    const targets = host.inspect.grid("Цели программы").cells.slice(TARGETS.firstDataRow - 1).map((r) => r[TARGETS.idCol - 1]?.value).filter(Boolean);
    expect(targets).toEqual(expect.arrayContaining(["quality_4_5", "gia9_rus_fail"]));
    expect(targets.filter((id) => String(id).startsWith("ege_"))).toEqual([]);

    ok(await refreshRisks({ lang: "ru" }));
    const lines = host.inspect.grid("Риски").cells.slice(RISKS.firstLineRow - 1).map((r) => String(r[RISKS.idCol - 1]?.value ?? ""));
    expect(lines).toContain("gia9_rus_fail"); // the school is judged where it applies
    expect(lines.filter((id) => SECONDARY_ONLY.includes(id))).toEqual([]);
  });
});

describe("consolidation of an ООШ with a СОШ", () => {
  it("leaves the ООШ out of ЕГЭ totals and ranks, even with a number in its cell", async () => {
    const { syntheticSchool } = await import("../../src/cli/bench-consolidate");
    const { figuresFor } = await import("../../src/core/consolidate/figures");
    const soh = syntheticSchool(1);
    const ooh = syntheticSchool(2);
    ooh.data.levels = ["primary", "basic"];
    const period = P(2023, "E");
    const key = "2023/24-E";
    const ege = figuresFor([soh, ooh], period).find((f) => f.indicator.id === "ege_rus_avg")!;
    expect(ooh.data.observations.ege_rus_avg[key].value.kind).toBe("number"); // typed, yet not applicable
    expect(ege.figures[1]).toEqual({ value: null, count: null, denominator: null, na: true });
    expect(ege.ranks[1]).toBeNull();
    expect(ege.total.schools).toBe(1);
    expect(ege.total.value).toBeCloseTo(ege.figures[0].value!, 12);
    const oge = figuresFor([soh, ooh], period).find((f) => f.indicator.id === "gia9_rus_avg")!;
    expect(oge.total.schools).toBe(2);
  });
});

describe("checks of an ООШ", () => {
  it("point out a number typed where 10–11 items cannot apply, and take «–» silently", async () => {
    const { runChecks } = await import("../../src/core/checks");
    const found = runChecks({
      school: "ООШ",
      levels: ["primary", "basic"],
      observations: {
        ege_rus_avg: { "2023/24-E": { value: { kind: "number", value: 60 } } },
        ege_math_avg: { "2023/24-E": { value: { kind: "na" } } },
        gia9_rus_avg: { "2023/24-E": { value: { kind: "number", value: 3.8 } } },
      },
    });
    expect(found.map((f) => [f.rule, f.indicatorId])).toEqual([["not_applicable_expected", "ege_rus_avg"]]);
    expect(found[0].message.ru).toMatch(/нет 10–11 классов.*«–»/);
  });
});
