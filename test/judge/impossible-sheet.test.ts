/**
 * Issue 16, item 1 on the indicator sheets: impossible data is marked at entry by native formulas
 * alone (a host WITHOUT our custom functions). Over a table of cases — and a property over random
 * counts — the cells the simulated host fills red are exactly those judge.ts impossibleData lists,
 * each with its reason in the check cell below the table, and evaluateTarget never calls such a
 * value met or missed.
 */
import fc from "fast-check";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { getIndicator } from "../../src/core/catalog";
import { impossibleData } from "../../src/core/judge";
import { CHECK_NOTE } from "../../src/core/layout/impossible";
import { LAYOUT, parseCellAddress } from "../../src/core/layout/grid";
import { RISK_COLORS } from "../../src/core/layout/styles";
import { kindOfGrid, readReport, type ReportSheet } from "../../src/core/report";
import { evaluateTarget } from "../../src/core/targets";
import { parsePeriodKey } from "../../src/core/periods";
import { insertReport } from "../../src/excel/insertReport";
import { reportCell } from "../helpers/commands";

const BASE = "Базовые показатели";
const SUBJECT = "Предметные результаты";
const PARTNERS = "Партнёрство";
const SHEET_OF: Record<string, string> = {};
const RED = RISK_COLORS.missed.fill;
const Y = "2023/24-Y";
const E = "2023/24-E";

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

beforeAll(async () => {
  host = createSimHost(); // no EDU.* plugin: the marking comes from native formulas alone
  restore = installSimHost(host);
  const r = await insertReport({
    school: "МБОУ СОШ № 1", schoolYear: 2023, periods: [{ startYear: 2023, kind: "Y" }, { startYear: 2023, kind: "E" }], sections: ["subject", "partnership"], lang: "ru",
  });
  if (!r.ok) throw new Error(r.error.message.en);
  for (const sheet of [BASE, SUBJECT, PARTNERS]) {
    for (const row of host.inspect.grid(sheet).cells) {
      const id = row[LAYOUT.idCol - 1]?.value;
      if (typeof id === "string" && getIndicator(id)) SHEET_OF[id] = sheet;
    }
  }
}, 60_000);

/** Values typed as a user would: [indicator id, period key, input]. */
type Edit = [string, string, string];

function type(edits: readonly Edit[]): void {
  for (const [id, key, input] of edits) {
    const sheet = SHEET_OF[id];
    const r = host.inspect.userEdit(sheet, reportCell(host, sheet, id, key), input);
    if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
  }
}

function report() {
  const sheets: ReportSheet[] = host.inspect.sheetNames().flatMap(({ name }) => {
    const g = host.inspect.grid(name).cells;
    const values = g.map((r) => r.map((c) => c?.value ?? ""));
    const formulas = g.map((r) => r.map((c) => c?.formula ?? c?.value ?? ""));
    const kind = kindOfGrid(values);
    return kind ? [{ name, kind, values, formulas }] : [];
  });
  return readReport(sheets);
}

/** The value (count) cell of an indicator in a period. */
function valueCell(id: string, key: string): string {
  return reportCell(host, SHEET_OF[id], id, key);
}

/** The reason in the check cell of a value: the check row (name in column C, below the check note) in the value's column. */
function reasonOf(id: string, key: string): string {
  const sheet = SHEET_OF[id];
  const g = host.inspect.grid(sheet).cells;
  const note = g.findIndex((r) => r[2]?.value === CHECK_NOTE.ru);
  const row = g.findIndex((r, i) => i > note && r[2]?.value === getIndicator(id)?.short.ru);
  const col = (parseCellAddress(valueCell(id, key)) as { col: number }).col;
  return row < 0 ? "" : String(g[row][col - 1]?.value ?? "");
}

/** Every (id|key) whose value cell the host fills red, and what impossibleData says, over every cell of the report. */
function marking(): { native: string[]; core: string[] } {
  const rep = report();
  const core = impossibleData(rep);
  const native: string[] = [];
  const fromCore: string[] = [];
  for (const [id, byKey] of Object.entries(rep.cells)) {
    for (const key of Object.keys(byKey)) {
      if (host.inspect.cell(SHEET_OF[id], valueCell(id, key)).conditionalFill === RED) native.push(`${id}|${key}`);
      if (core.get(id)?.has(key)) fromCore.push(`${id}|${key}`);
    }
  }
  return { native: native.sort(), core: fromCore.sort() };
}

/** Judge every marked value against a target it would otherwise meet or miss: never met, never missed. */
function neverJudged(marked: string[]): void {
  const rep = report();
  const invalid = impossibleData(rep);
  for (const k of marked) {
    const [id, key] = k.split("|");
    const value = rep.judged[id]?.[key];
    if (value === undefined) continue;
    const period = parsePeriodKey(key)!;
    for (const [target, direction] of [[0, "atLeast"], [1e9, "atLeast"], [0, "atMost"], [1e9, "atMost"]] as const) {
      const e = evaluateTarget(
        { indicatorId: id, value: target, direction, deadline: period, milestones: [], margin: 0 },
        [{ period, value }],
        [period],
        { invalid: invalid.get(id) },
      );
      expect([e.status, e.reason]).toEqual([null, "invalidData"]);
    }
  }
}

function clear(edits: readonly Edit[]): void {
  type(edits.map(([id, key]) => [id, key, ""] as Edit));
}

const CASES: { name: string; edits: Edit[]; marked: string[]; reason?: [string, string, RegExp] }[] = [
  {
    name: "pupils graded «4» and «5» above pupils assessed (share over 100 %)",
    edits: [["students_assessed", Y, "10"], ["quality_4_5", Y, "12"]],
    marked: [`quality_4_5|${Y}`],
    reason: ["quality_4_5", Y, /^больше, чем «.+»$/],
  },
  {
    name: "ОГЭ «2» above the graduates",
    edits: [["grads_9", E, "9"], ["gia9_math_fail", E, "12"]],
    marked: [`gia9_math_fail|${E}`],
    reason: ["gia9_math_fail", E, /^больше, чем «.+»$/],
  },
  {
    name: "winners by level summed above the participants, the winners' total row blank",
    edits: [["contest_participants", Y, "10"], ["contest_winners_mun", Y, "6"], ["contest_winners_reg", Y, "5"]],
    marked: [`contest_winners|${Y}`, `contest_winners_mun|${Y}`, `contest_winners_reg|${Y}`],
    reason: ["contest_winners_reg", Y, /^сумма «в т\. ч\.» больше, чем «.+», при пустой строке итога$/],
  },
  {
    name: "pupils by level summed above all pupils",
    edits: [["students_total", Y, "100"], ["students_primary", Y, "60"], ["students_basic", Y, "50"]],
    marked: [`students_total|${Y}`, `students_primary|${Y}`, `students_basic|${Y}`],
    reason: ["students_total", Y, /^сумма «в т\. ч\.» больше итога «.+»$/],
  },
  {
    name: "one level above all pupils (the total itself is not marked)",
    edits: [["students_total", Y, "50"], ["students_primary", Y, "60"]],
    marked: [`students_primary|${Y}`],
    reason: ["students_primary", Y, /^больше итога «.+»$/],
  },
  {
    name: "pupils assessed above all pupils; olympiad winners above participants",
    edits: [["students_total", Y, "100"], ["students_assessed", Y, "120"], ["vsosh_participants", Y, "3"], ["vsosh_winners", Y, "5"]],
    marked: [`students_assessed|${Y}`, `vsosh_winners|${Y}`],
  },
  {
    name: "a negative count",
    edits: [["grads_9", E, "-1"]],
    marked: [`grads_9|${E}`],
    reason: ["grads_9", E, /^количество должно быть целым ≥ 0$/],
  },
  {
    name: "a fractional count",
    edits: [["students_assessed", Y, "10,5"]],
    marked: [`students_assessed|${Y}`],
  },
  {
    name: "a share over 100 % (a pasted 101 is shown as 10 100 %) and an average above its scale",
    edits: [["events_done_share", Y, "101"], ["gia9_rus_avg", E, "6"]],
    marked: [`events_done_share|${Y}`, `gia9_rus_avg|${E}`],
    reason: ["events_done_share", Y, /^доля вне 0–100 %$/],
  },
  {
    // Excel stores a percent cell's fraction: «150 %» (or 150 with automatic percent entry) is 1.5,
    // shown 150 %, and must never be read as 1.5 %.
    name: "a share typed as 150 % (stored 1.5) is over 100 %, not 1,5 %",
    edits: [["events_done_share", Y, "150%"]],
    marked: [`events_done_share|${Y}`],
    reason: ["events_done_share", Y, /^доля вне 0–100 %$/],
  },
  {
    name: "valid at the boundaries: 0 % and 100 %, a part equal to its whole, levels adding up to the total",
    edits: [
      ["students_assessed", Y, "10"], ["quality_4_5", Y, "10"], ["grads_9", E, "9"], ["gia9_math_fail", E, "0"], ["gia9_rus_fail", E, "9"],
      ["events_done_share", Y, "100%"], ["students_total", Y, "100"], ["students_primary", Y, "40"], ["students_basic", Y, "60"],
      ["contest_participants", Y, "10"], ["contest_winners_mun", Y, "6"], ["contest_winners_reg", Y, "4"], ["gia9_rus_avg", E, "5"],
    ],
    marked: [],
  },
];

describe("impossible data marked at entry by native formulas (no add-in functions)", () => {
  it.each(CASES)("$name", ({ edits, marked, reason }) => {
    type(edits);
    try {
      const m = marking();
      expect(m.native).toEqual(m.core);
      expect(m.native).toEqual([...marked].sort());
      for (const k of marked) {
        const [id, key] = k.split("|");
        expect(reasonOf(id, key)).not.toBe("");
      }
      if (reason) expect(reasonOf(reason[0], reason[1])).toMatch(reason[2]);
      neverJudged(m.native);
    } finally {
      clear(edits);
    }
    expect(marking()).toEqual({ native: [], core: [] });
  });

  it("property: over random counts the red cells are exactly impossibleData's, and none is judged", () => {
    const count = fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(0.5, 12.25), fc.constant(null));
    fc.assert(
      fc.property(fc.record({ assessed: count, quality: count, total: count, primary: count, grads: count, fail: count }), (v) => {
        const edits: Edit[] = [
          ["students_assessed", Y, v.assessed], ["quality_4_5", Y, v.quality], ["students_total", Y, v.total], ["students_primary", Y, v.primary],
          ["grads_9", E, v.grads], ["gia9_math_fail", E, v.fail],
        ].map(([id, key, x]) => [id, key, x === null ? "" : String(x).replace(".", ",")] as Edit);
        type(edits);
        try {
          const m = marking();
          expect(m.native).toEqual(m.core);
          neverJudged(m.native);
        } finally {
          clear(edits);
        }
      }),
      { numRuns: 25, seed: 16 },
    );
  }, 120_000);

  it("keeps the check rows off paper and its rules short", () => {
    const rules = host.inspect.conditionalFormats(SUBJECT);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(String(r.rule.formula).length).toBeLessThan(60);
    const g = host.inspect.grid(SUBJECT).cells;
    const note = g.findIndex((r) => r[2]?.value === CHECK_NOTE.ru) + 1;
    const lastId = g.reduce((last, r, i) => (typeof r[0]?.value === "string" && getIndicator(String(r[0].value)) ? i + 1 : last), 0);
    expect(note).toBe(lastId + 2);
    const area = String(host.inspect.sheetInfo(SUBJECT).pageLayout.printArea);
    expect(area).toMatch(new RegExp(`^\\$?B\\$?1:\\$?[A-Z]+\\$?${lastId}$`)); // column A (ids) is hidden
  });
});
