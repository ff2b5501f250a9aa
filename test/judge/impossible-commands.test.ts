/**
 * Issue 16 through the commands in the simulated host WITHOUT our custom functions (items 1 and 2):
 * impossible values typed on the indicator sheets are red with their reason below the table, their
 * target status is «данные неверны» ("x": never green, never amber), live as the user types, and
 * «Риски» lists them first; the «Ухудшение» colours compare like with like (a half-year with the same
 * half-year of the previous year, never «II полугодие → учебный год»).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { getIndicator } from "../../src/core/catalog";
import { CHECK_NOTE } from "../../src/core/layout/impossible";
import { LAYOUT, parseCellAddress } from "../../src/core/layout/grid";
import { RISK_COLORS } from "../../src/core/layout/styles";
import { RISKS } from "../../src/core/layout/risksSheet";
import { STATUS_NOTE } from "../../src/core/layout/highlight";
import { INVALID_STATUS } from "../../src/core/layout/targetStatus";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import { ok, reportCell } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const SUBJECT = "Предметные результаты";
const BASE = "Базовые показатели";
const RED = RISK_COLORS.missed.fill;
const GREEN = RISK_COLORS.met.fill;
const AMBER = RISK_COLORS.atRisk.fill;
const WORSE = RISK_COLORS.worsening.fontColor;
const Y = "2023/24-Y";
const E = "2023/24-E";

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

const at = (sheet: string, id: string, key: string, share = false): string => reportCell(host, sheet, id, key, share);

function type(sheet: string, id: string, key: string, input: string): void {
  const r = host.inspect.userEdit(sheet, at(sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}

/** The cell in the helper block below the table: the row after `note` named `id`'s short name, in the column of `a1`. */
function helper(sheet: string, note: string, id: string, a1: string): unknown {
  const g = host.inspect.grid(sheet).cells;
  const from = g.findIndex((r) => r[2]?.value === note);
  const row = g.findIndex((r, i) => i > from && r[2]?.value === getIndicator(id)?.short.ru);
  if (from < 0 || row < 0) return undefined;
  return g[row][(parseCellAddress(a1) as { col: number }).col - 1]?.value;
}
const reason = (sheet: string, id: string, key: string) => helper(sheet, CHECK_NOTE.ru, id, at(sheet, id, key));
const status = (sheet: string, id: string, key: string, share = false) => helper(sheet, STATUS_NOTE.ru, id, at(sheet, id, key, share));
const look = (sheet: string, a1: string) => {
  const c = host.inspect.cell(sheet, a1);
  return { fill: c.conditionalFill, font: c.conditionalFontColor };
};

const riskLines = () =>
  host.inspect
    .grid("Риски")
    .cells.slice(RISKS.firstLineRow - 1)
    .filter((c) => typeof c[RISKS.idCol - 1]?.value === "string" && /^[a-z]/.test(String(c[RISKS.idCol - 1]?.value)))
    .map((c) => ({ id: String(c[RISKS.idCol - 1].value), kind: String(c[RISKS.kindCol - 1].value) }));

describe("impossible data with targets, through the commands (no add-in functions)", () => {
  beforeAll(async () => {
    restore?.();
    host = createSimHost();
    restore = installSimHost(host);
    const r = await insertReport({ school: "МБОУ ООШ с. Малое", schoolYear: 2023, periods: [P(2023, "Y"), P(2023, "E")], sections: ["subject"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
    ok(await insertTargets({ lang: "ru" }));
    // More pupils graded «4» and «5» than assessed; more ОГЭ «2» than graduates — at the targets' deadlines.
    type(BASE, "students_assessed", Y, "10");
    type(SUBJECT, "quality_4_5", Y, "12");
    type(BASE, "grads_9", E, "9");
    type(SUBJECT, "gia9_math_fail", E, "12");
    type(SUBJECT, "gia9_rus_fail", E, "0");
  }, 120_000);

  it("marks the values red with the reason as soon as they are typed (before any refresh)", () => {
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y))).toEqual({ fill: RED, font: RISK_COLORS.missed.fontColor });
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y, true)).fill).toBe(RED);
    expect(reason(SUBJECT, "quality_4_5", Y)).toBe("больше, чем «Подлежат аттестации»");
    expect(look(SUBJECT, at(SUBJECT, "gia9_math_fail", E)).fill).toBe(RED);
    expect(reason(SUBJECT, "gia9_math_fail", E)).toMatch(/^больше, чем «.+»$/);
    expect(look(SUBJECT, at(SUBJECT, "gia9_rus_fail", E)).fill).toBeNull();
  });

  it("after «Обновить риски»: status «данные неверны» (x), red and never green; «Риски» lists them first", async () => {
    const r = ok(await refreshRisks({ lang: "ru" }));
    expect(r.invalid).toBe(4); // per value: its target line and its data finding
    for (const [id, key] of [["quality_4_5", Y], ["gia9_math_fail", E]]) {
      expect(status(SUBJECT, id, key, true)).toBe(INVALID_STATUS);
      for (const share of [false, true]) {
        const c = look(SUBJECT, at(SUBJECT, id, key, share));
        expect(c.fill).toBe(RED);
        expect([GREEN, AMBER]).not.toContain(c.fill);
      }
      expect(reason(SUBJECT, id, key)).not.toBe("");
    }
    // The valid ОГЭ Russian 0 of 9 against «не более 0» is met: green.
    expect(status(SUBJECT, "gia9_rus_fail", E, true)).toBe(1);
    expect(look(SUBJECT, at(SUBJECT, "gia9_rus_fail", E, true)).fill).toBe(GREEN);
    const ls = riskLines();
    const invalid = ls.filter((l) => l.kind === "Данные неверны");
    expect(invalid.length).toBeGreaterThanOrEqual(2);
    expect(ls.slice(0, invalid.length)).toEqual(invalid);
    expect(new Set(invalid.map((l) => l.id))).toEqual(new Set(["quality_4_5", "gia9_math_fail"]));
  }, 60_000);

  it("follows the typed value live: corrected → judged (green), impossible again → x and red", () => {
    type(SUBJECT, "quality_4_5", Y, "4");
    expect(reason(SUBJECT, "quality_4_5", Y)).toBe("");
    expect(status(SUBJECT, "quality_4_5", Y, true)).toBe(1); // 40 % ≥ 38 %
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y, true)).fill).toBe(GREEN);
    type(BASE, "students_assessed", Y, "3");
    expect(status(SUBJECT, "quality_4_5", Y, true)).toBe(INVALID_STATUS);
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y, true)).fill).toBe(RED);
    expect(reason(SUBJECT, "quality_4_5", Y)).toBe("больше, чем «Подлежат аттестации»");
  });
});

describe("«Ухудшение» colours compare like with like (no add-in functions)", () => {
  const H2a = "2022/23-H2";
  const H2b = "2023/24-H2";
  beforeAll(async () => {
    restore?.();
    host = createSimHost();
    restore = installSimHost(host);
    const periods = [P(2022, "H1"), P(2022, "H2"), P(2022, "Y"), P(2023, "H1"), P(2023, "H2"), P(2023, "Y")];
    const r = await insertReport({ school: "МБОУ СОШ № 2", schoolYear: 2023, periods, sections: ["subject"], lang: "ru" });
    if (!r.ok) throw new Error(r.error.message.en);
    for (const k of [H2a, H2b, Y]) type(BASE, "students_assessed", k, "100");
    type(SUBJECT, "quality_4_5", H2a, "50");
    type(SUBJECT, "quality_4_5", H2b, "50");
    type(SUBJECT, "quality_4_5", Y, "30"); // below this year's H2: a year is not a half-year
    ok(await refreshRisks({ lang: "ru" }));
  }, 120_000);

  it("never colours «II полугодие → учебный год» as worsening; «Риски» agrees", () => {
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y, true)).font).not.toBe(WORSE);
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", H2b, true)).font).not.toBe(WORSE);
    expect(riskLines().filter((l) => l.kind === "Ухудшение")).toEqual([]);
  });

  it("colours H2 of this year below H2 of last year", async () => {
    type(SUBJECT, "quality_4_5", H2b, "30");
    // Live (native rule), and the same after a refresh.
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", H2b, true)).font).toBe(WORSE);
    ok(await refreshRisks({ lang: "ru" }));
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", H2b, true)).font).toBe(WORSE);
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", Y, true)).font).not.toBe(WORSE);
    // «Риски» judges the latest value (the year), which has no comparable earlier year here.
    expect(riskLines().filter((l) => l.kind === "Ухудшение")).toEqual([]);
  }, 60_000);

  it("an impossible value is never coloured as worsening", () => {
    type(SUBJECT, "quality_4_5", H2b, "-3");
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", H2b, true)).font).not.toBe(WORSE);
    expect(look(SUBJECT, at(SUBJECT, "quality_4_5", H2b)).fill).toBe(RED);
    expect(LAYOUT.blockWidth).toBe(2);
  });
});
