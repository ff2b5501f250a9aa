/**
 * Property: insert → the user types → re-insert with other periods → every typed value survives
 * exactly (issue 15 item 2). Typed: numbers, texts typed with Excel's apostrophe ("'=1+1",
 * "'=HYPERLINK(…)", "''quoted", "'01.09.2024", "'21 %", random texts of formula-like characters),
 * and formulas with relative and absolute references into period columns that the re-insert moves
 * (same sheet and «Базовые показатели»). A kept constant must read back with the same value and
 * text and no formula; a kept formula must still refer to the same indicator and period cells and
 * give the same result. Runs on the simulated host, whose `formulas` drop the apostrophe as Excel's do.
 */
import fc from "fast-check";
import type { SimHost } from "../../src/sim";
import { LAYOUT, PASSPORT, PASSPORT_FIELDS } from "../../src/core/layout";
import { cellAddress, parseCellAddress } from "../../src/core/layout/grid";
import { periodKey, periodsOf } from "../../src/core/periods";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { ok, simHosts } from "./fixture";

jest.setTimeout(600_000);

const hosts = simHosts();
const BASE = "Базовые показатели";
const STAFF = "Кадровые условия";
const ALL: Period[] = [...periodsOf(2023, ["Q", "H", "Y"]), ...periodsOf(2024, ["H", "Y"])];

type Snapshot = ReturnType<SimHost["inspect"]["grid"]>;

/** (row, col) → what the layout says it is: indicator id and period key with the block offset. */
function meaning(g: Snapshot, row: number, col: number): string {
  const id = row >= LAYOUT.firstDataRow ? String(g.cells[row - 1]?.[LAYOUT.idCol - 1]?.value ?? "") : `row${row}`;
  if (col < LAYOUT.firstPeriodCol) return `${id}|col${col}`;
  const block = Math.floor((col - LAYOUT.firstPeriodCol) / LAYOUT.blockWidth);
  const keyCol = LAYOUT.firstPeriodCol + block * LAYOUT.blockWidth;
  return `${id}|${String(g.cells[LAYOUT.periodKeyRow - 1]?.[keyCol - 1]?.value ?? "")}#${col - keyCol}`;
}

/** Where an indicator's period input cell is, or null. */
function inputAt(g: Snapshot, id: string, key: string): { row: number; col: number } | null {
  const row = g.cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id) + 1;
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  return row > 0 && col > 0 ? { row, col } : null;
}

/** The references of a formula, each resolved to its sheet and meaning in the layout. */
function refsOf(formula: string, home: string, grids: Map<string, Snapshot>): string[] {
  const out: string[] = [];
  const re = /(?:'((?:[^']|'')+)'!|([^\s'!(),=+\-*/&:]+)!)?(\$?[A-Z]{1,3}\$?\d+)(?![\w(])/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    const sheet = m[1]?.replace(/''/g, "'") ?? m[2] ?? home;
    const p = parseCellAddress(m[3])!;
    const g = grids.get(sheet);
    out.push(`${sheet}:${g ? meaning(g, p.row, p.col) : m[3]}`);
  }
  return out;
}

type Typed = { kind: "number"; n: number } | { kind: "text"; text: string } | { kind: "formula"; refs: { sheet: string; id: string; keyIndex: number; share: boolean; abs: boolean }[] };

const trickyText = fc.constantFrom("=1+1", '=HYPERLINK("http://evil.example","x")', "'quoted", "01.09.2024", "21 %", "+7 999", "-5", "@SUM(A1)", "TRUE", "#N/A");
const randomText = fc.string({ unit: fc.constantFrom("=", "'", "+", "-", "@", "1", "a", "Я", " ", "%", ".", "(", ")"), minLength: 1, maxLength: 12 });

describe("re-insert keeps every typed value exactly (property, simulated host)", () => {
  it("numbers, texts typed as '…, and formulas into moved period columns", async () => {
    const ids = { [BASE]: ["students_total", "students_assessed", "staff_ped"], [STAFF]: ["staff_higher_ed", "staff_category"] };
    const typedArb = (sheet: string) =>
      fc.oneof(
        fc.integer({ min: 0, max: 500 }).map((n): Typed => ({ kind: "number", n })),
        trickyText.map((text): Typed => ({ kind: "text", text })),
        randomText.map((text): Typed => ({ kind: "text", text })),
        { weight: 3, arbitrary: fc
          .array(
            fc.record({
              sheet: fc.constantFrom(sheet, BASE),
              idIndex: fc.nat(),
              keyIndex: fc.nat(),
              share: fc.boolean(),
              abs: fc.boolean(),
            }),
            { minLength: 1, maxLength: 3 },
          )
          .map((refs): Typed => ({
            kind: "formula",
            refs: refs.map((r) => ({ sheet: r.sheet, id: ids[r.sheet as keyof typeof ids][r.idIndex % ids[r.sheet as keyof typeof ids].length], keyIndex: r.keyIndex, share: r.share, abs: r.abs })),
          })) },
      );
    const entry = fc.record({ sheet: fc.constantFrom(BASE, STAFF), idIndex: fc.nat(), keyIndex: fc.nat() }).chain((e) => fc.tuple(fc.constant(e), typedArb(e.sheet)));
    const scenario = fc.record({
      first: fc.subarray(ALL, { minLength: 1 }),
      more: fc.subarray(ALL, { minLength: 1 }),
      entries: fc.array(entry, { minLength: 1, maxLength: 14 }),
      passportText: fc.option(fc.oneof(trickyText, randomText), { nil: undefined }),
    });

    let cases = 0;
    let cells = 0;
    let formulas = 0;
    let texts = 0;
    let differences = 0;
    let moved = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ first, more, entries, passportText }) => {
        const host = hosts.fresh();
        const problems: string[] = [];
        const options = { school: "Школа", schoolYear: 2023, sections: ["staff" as const], lang: "ru" as const };
        ok(await insertReport({ ...options, periods: first }));
        const firstKeys = first.map(periodKey);
        const keyOf = (i: number) => firstKeys[i % firstKeys.length];
        const grids = () => new Map([BASE, STAFF].map((s) => [s, host.inspect.grid(s)]));
        let before = grids();
        // Type: each entry into its cell when that period is on the sheet and the cell takes input.
        const typedCells: { sheet: string; id: string; key: string }[] = [];
        for (const [entry, t] of entries) {
          const e = { ...entry, key: keyOf(entry.keyIndex) };
          const id = ids[e.sheet as keyof typeof ids][e.idIndex % ids[e.sheet as keyof typeof ids].length];
          const at = inputAt(before.get(e.sheet)!, id, e.key);
          if (!at || typedCells.some((c) => c.sheet === e.sheet && c.id === id && c.key === e.key)) continue;
          let input: string;
          if (t.kind === "number") input = String(t.n);
          else if (t.kind === "text") input = `'${t.text}`;
          else {
            const parts: string[] = [];
            for (const r of t.refs) {
              const target = inputAt(before.get(r.sheet)!, r.id, keyOf(r.keyIndex));
              if (!target || (r.sheet === e.sheet && target.row === at.row && target.col + (r.share ? 1 : 0) === at.col)) continue;
              const a1 = cellAddress(target.row, target.col + (r.share ? 1 : 0), r.abs);
              parts.push(r.sheet === e.sheet ? a1 : `'${r.sheet}'!${a1}`);
            }
            if (!parts.length) continue;
            input = `=${parts.join("+")}`;
          }
          if (!host.inspect.userEdit(e.sheet, cellAddress(at.row, at.col), input).ok) continue;
          typedCells.push({ sheet: e.sheet, id, key: e.key });
        }
        if (passportText !== undefined) expect(host.inspect.userEdit("Паспорт", cellAddress(passportRow("program"), PASSPORT.valueCol), `'${passportText}`).ok).toBe(true);
        // In a text-formatted cell ("@") Excel keeps a typed apostrophe as part of the text: compare with what the cell holds.
        const passportBefore = passportText === undefined ? null : host.inspect.cell("Паспорт", cellAddress(passportRow("program"), PASSPORT.valueCol));
        before = grids();
        const expected = typedCells.map((c) => {
          const at = inputAt(before.get(c.sheet)!, c.id, c.key)!;
          const info = host.inspect.cell(c.sheet, cellAddress(at.row, at.col));
          return { ...c, col: at.col, value: info.value, text: info.text, formula: info.formula, refs: info.formula ? refsOf(info.formula, c.sheet, before) : [] };
        });

        // Re-insert with more periods (the union keeps the old ones; columns move).
        ok(await insertReport({ ...options, periods: more }));
        const after = grids();
        cases++;
        for (const x of expected) {
          cells++;
          const at = inputAt(after.get(x.sheet)!, x.id, x.key);
          const info = at ? host.inspect.cell(x.sheet, cellAddress(at.row, at.col)) : null;
          const got = info ? { value: info.value, text: info.text, formula: info.formula, refs: info.formula ? refsOf(info.formula, x.sheet, after) : [] } : null;
          if (at && at.col !== x.col) moved++;
          if (x.formula) formulas++;
          else if (typeof x.value === "string") texts++;
          const same = got !== null && got.value === x.value && got.text === x.text && (x.formula === null ? got.formula === null : got.formula !== null && JSON.stringify(got.refs) === JSON.stringify(x.refs));
          if (!same) {
            differences++;
            problems.push(`${x.sheet} ${x.id} ${x.key}: ${JSON.stringify({ value: x.value, text: x.text, formula: x.formula, refs: x.refs })} → ${JSON.stringify(got)}`);
          }
        }
        if (passportBefore) {
          cells++;
          texts++;
          const v = host.inspect.cell("Паспорт", cellAddress(passportRow("program"), PASSPORT.valueCol));
          if (v.value !== passportBefore.value || v.text !== passportBefore.text || v.formula !== null || passportBefore.formula !== null) {
            differences++;
            problems.push(`Паспорт program: ${JSON.stringify(passportBefore.value)} → ${JSON.stringify(v.value)}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 50, seed: 152 },
    );
    console.log(`re-insert round trip: ${cases} cases, ${cells} typed cells (${formulas} formulas, ${texts} texts; ${moved} moved to another column), ${differences} differences`);
    expect(differences).toBe(0);
    expect(formulas).toBeGreaterThan(50);
    expect(moved).toBeGreaterThan(50);
  });
});

/** A passport field's row (PASSPORT_FIELDS order from PASSPORT.firstFieldRow). */
function passportRow(id: string): number {
  return PASSPORT.firstFieldRow + PASSPORT_FIELDS.findIndex((f) => f.id === id);
}
