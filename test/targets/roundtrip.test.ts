/**
 * Property (issue 15 item 2) for the analysis sheets: what the user typed on «Цели программы» and
 * «Дорожная карта» survives a rebuild exactly — texts typed as "'=1+1" stay text, and a formula
 * referring to a milestone column (moved by a new report period) or to another road-map row
 * (moved by a new paste) still refers to the same target and period, or the same event.
 */
import fc from "fast-check";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { cellAddress, columnLetter, parseCellAddress } from "../../src/core/layout/grid";
import { TARGETS } from "../../src/core/layout/targetsSheet";
import { ROADMAP } from "../../src/core/layout/roadmapSheet";
import { periodKey, periodsOf } from "../../src/core/periods";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets } from "../../src/excel/commands";
import { importRoadmap } from "../../src/excel/roadmap";
import { PASTE } from "./roadmap-fixture";
import { ok } from "../helpers/commands";

jest.setTimeout(600_000);

let restore: (() => void) | undefined;
afterAll(() => restore?.());
function fresh(): SimHost {
  restore?.();
  const host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  return host;
}

const ALL: Period[] = [...periodsOf(2023, ["Q", "H", "Y"]), ...periodsOf(2024, ["H", "Y"])];
const tricky = fc.constantFrom("=1+1", '=HYPERLINK("http://evil.example","x")', "'quoted", "01.09.2024", "21 %", "-5", "@x", "TRUE");
const randomText = fc.string({ unit: fc.constantFrom("=", "'", "+", "-", "@", "1", "a", "Я", " ", "%", "."), minLength: 1, maxLength: 10 });
type Input = { kind: "number"; n: number } | { kind: "text"; text: string } | { kind: "formula"; a: number; b: number; abs: boolean };
const input: fc.Arbitrary<Input> = fc.oneof(
  fc.integer({ min: 0, max: 90 }).map((n): Input => ({ kind: "number", n })),
  fc.oneof(tricky, randomText).map((text): Input => ({ kind: "text", text })),
  { weight: 2, arbitrary: fc.record({ a: fc.nat(), b: fc.nat(), abs: fc.boolean() }).map((r): Input => ({ kind: "formula", ...r })) },
);

type Info = ReturnType<SimHost["inspect"]["cell"]>;
const same = (x: Info, y: Info) => x.value === y.value && x.text === y.text && (x.formula === null) === (y.formula === null);

describe("«Цели программы»: typed cells survive a rebuild after new periods (property, simulated host)", () => {
  it("texts, numbers and formulas into milestone columns", async () => {
    let cases = 0;
    let cells = 0;
    let formulas = 0;
    let moved = 0;
    let differences = 0;
    await fc.assert(
      fc.asyncProperty(fc.subarray(ALL, { minLength: 1 }), fc.subarray(ALL, { minLength: 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), input), { minLength: 1, maxLength: 10 }), async (first, more, typed) => {
        const host = fresh();
        const options = { school: "Школа", schoolYear: 2023, sections: ["subject" as const, "staff" as const], lang: "ru" as const };
        ok(await insertReport({ ...options, periods: first }));
        ok(await insertTargets({ lang: "ru" }));
        const sheet = "Цели программы";
        const grid = host.inspect.grid(sheet);
        const ids: string[] = [];
        for (let r = TARGETS.firstDataRow; r <= grid.rows; r++) {
          const id = grid.cells[r - 1]?.[TARGETS.idCol - 1]?.value;
          if (typeof id === "string" && id) ids.push(id);
        }
        const keys = first.map(periodKey);
        const colOf = (k: string) => TARGETS.firstMilestoneCol + (grid.cells[TARGETS.periodKeyRow - 1] ?? []).slice(TARGETS.firstMilestoneCol - 1).findIndex((c) => c.value === k);
        // A typed cell: (target row, column = value/direction/deadline/margin or a milestone)
        const columns = [TARGETS.valueCol, TARGETS.directionCol, TARGETS.deadlineCol, TARGETS.marginCol, ...keys.map((k) => `m:${k}`)];
        const at = (row: number, c: number | string) => cellAddress(TARGETS.firstDataRow + row, typeof c === "number" ? c : colOf(c.slice(2)));
        const done = new Set<string>();
        const expected: { row: number; col: number | string; info: Info; refs: string[] }[] = [];
        for (const [ri, ci, t] of typed) {
          const row = ri % ids.length;
          const col = columns[ci % columns.length];
          if (done.has(`${row}|${col}`)) continue;
          let text: string;
          let refs: string[] = [];
          if (t.kind === "number") text = String(t.n);
          else if (t.kind === "text") text = `'${t.text}`;
          else {
            const k = keys[t.a % keys.length];
            const r2 = t.b % ids.length;
            if (col === `m:${k}` && r2 === row) continue;
            const target = parseCellAddress(at(r2, `m:${k}`))!;
            text = `=${cellAddress(target.row, target.col, t.abs)}*2`;
            refs = [`${ids[r2]}|${k}`];
          }
          if (!host.inspect.userEdit(sheet, at(row, col), text).ok) continue;
          done.add(`${row}|${col}`);
          expected.push({ row, col, info: host.inspect.cell(sheet, at(row, col)), refs });
        }
        // What each cell shows once everything is typed (a formula may read a cell typed after it).
        for (const x of expected) x.info = host.inspect.cell(sheet, at(x.row, x.col));
        ok(await insertReport({ ...options, periods: more }));
        ok(await insertTargets({ lang: "ru" }));
        cases++;
        const after = host.inspect.grid(sheet);
        const afterColOf = (k: string) => TARGETS.firstMilestoneCol + (after.cells[TARGETS.periodKeyRow - 1] ?? []).slice(TARGETS.firstMilestoneCol - 1).findIndex((c) => c.value === k);
        const afterRowOf = (id: string) => after.cells.findIndex((r, i) => i >= TARGETS.firstDataRow - 1 && r[TARGETS.idCol - 1]?.value === id) + 1;
        const problems: string[] = [];
        for (const x of expected) {
          cells++;
          if (x.info.formula) formulas++;
          const col = typeof x.col === "number" ? x.col : afterColOf(x.col.slice(2));
          if (typeof x.col === "string" && col !== colOf(x.col.slice(2))) moved++;
          const a1 = cellAddress(afterRowOf(ids[x.row]), col);
          const got = host.inspect.cell(sheet, a1);
          let ok2 = same(x.info, got);
          if (ok2 && x.refs.length) {
            const m = /^=\$?([A-Z]+)\$?(\d+)\*2$/.exec(got.formula ?? "");
            const c = m ? parseCellAddress(`${m[1]}${m[2]}`)! : null;
            const meaning = c ? `${after.cells[c.row - 1]?.[TARGETS.idCol - 1]?.value}|${after.cells[TARGETS.periodKeyRow - 1]?.[c.col - 1]?.value}` : "";
            ok2 = meaning === x.refs[0];
          }
          if (!ok2) {
            differences++;
            problems.push(`${ids[x.row]} ${x.col}: ${JSON.stringify([x.info.value, x.info.formula])} → ${JSON.stringify([got.value, got.formula])}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 20, seed: 1502 },
    );
    console.log(`targets round trip: ${cases} cases, ${cells} typed cells (${formulas} formulas; ${moved} moved to another column), ${differences} differences`);
    expect(differences).toBe(0);
    expect(formulas).toBeGreaterThan(10);
  });
});

describe("«Дорожная карта»: typed status, date and note survive a re-import that moves rows (property, simulated host)", () => {
  async function paste(rows: string[][]): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Вставка");
      await context.sync();
      const sheet = ws.isNullObject ? context.workbook.worksheets.add("Вставка") : ws;
      sheet.getRange("A1:Z200").clear();
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      const grid = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
      sheet.getRange(`A1:${columnLetter(width)}${grid.length}`).values = grid;
      sheet.getRange(`A1:${columnLetter(width)}${grid.length}`).select();
      await context.sync();
    });
  }

  it("notes typed as '=…, statuses and formulas referring to another event's note", async () => {
    let cases = 0;
    let cells = 0;
    let formulas = 0;
    let moved = 0;
    let differences = 0;
    // The second paste drops some events of the first: kept rows with something typed move (orphans) or shift up.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), input), { minLength: 1, maxLength: 8 }), fc.subarray([...Array(PASTE.length - 1).keys()], { minLength: 1 }), async (typed, keep) => {
        const host = fresh();
        ok(await insertReport({ school: "Школа", schoolYear: 2023, periods: periodsOf(2023, ["H", "Y"]), sections: ["partnership"], lang: "ru" }));
        await paste(PASTE);
        ok(await importRoadmap({ lang: "ru", today: "2024-01-15" }));
        const sheet = "Дорожная карта";
        const g = host.inspect.grid(sheet);
        const rows: { key: string; row: number }[] = [];
        for (let r = ROADMAP.firstDataRow; r <= g.rows; r++) {
          const key = g.cells[r - 1]?.[ROADMAP.keyCol - 1]?.value;
          if (typeof key === "string" && key && !key.startsWith("#")) rows.push({ key, row: r });
        }
        const expected: { key: string; col: number; info: Info; ref: string | null; row: number }[] = [];
        for (const [i, t] of typed) {
          const target = rows[i % rows.length];
          const col = t.kind === "formula" ? ROADMAP.noteCol : [ROADMAP.statusCol, ROADMAP.noteCol][i % 2];
          if (expected.some((e) => e.key === target.key && e.col === col)) continue;
          let text: string;
          let ref: string | null = null;
          if (t.kind === "number") text = String(t.n);
          else if (t.kind === "text") text = `'${t.text}`;
          else {
            const other = rows[t.a % rows.length];
            if (other.key === target.key) continue;
            text = `=${cellAddress(other.row, ROADMAP.titleCol, t.abs)}`;
            ref = other.key;
          }
          if (!host.inspect.userEdit(sheet, cellAddress(target.row, col), text).ok) continue;
          expected.push({ key: target.key, col, info: host.inspect.cell(sheet, cellAddress(target.row, col)), ref, row: target.row });
        }
        for (const x of expected) x.info = host.inspect.cell(sheet, cellAddress(x.row, x.col));
        // Re-import the header and the kept body rows of the paste.
        await paste([PASTE[0], ...keep.map((k) => PASTE[k + 1])]);
        const r = await importRoadmap({ lang: "ru", today: "2024-01-15" });
        if (!r.ok) return; // a paste without events is refused before anything changes
        cases++;
        const after = host.inspect.grid(sheet);
        const rowOf = (key: string) => after.cells.findIndex((c, i) => i >= ROADMAP.firstDataRow - 1 && c[ROADMAP.keyCol - 1]?.value === key) + 1;
        const problems: string[] = [];
        for (const x of expected) {
          const row = rowOf(x.key);
          // A row not in the new paste is kept only when something but «план» was typed in it.
          if (row === 0) continue;
          cells++;
          if (x.info.formula) formulas++;
          if (row !== x.row) moved++;
          const got = host.inspect.cell(sheet, cellAddress(row, x.col));
          let good: boolean;
          if (x.ref && rowOf(x.ref) === 0) good = got.formula === "=#REF!"; // the event it read is gone, as a deleted row in Excel
          else if (x.ref) {
            const m = /^=\$?([A-Z]+)\$?(\d+)$/.exec(got.formula ?? "");
            good = same(x.info, got) && after.cells[(m ? Number(m[2]) : 0) - 1]?.[ROADMAP.keyCol - 1]?.value === x.ref;
          } else good = same(x.info, got);
          if (!good) {
            differences++;
            problems.push(`${x.key} col ${x.col}: ${JSON.stringify([x.info.value, x.info.formula])} → ${JSON.stringify([got.value, got.formula])}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 15, seed: 1503 },
    );
    console.log(`road-map round trip: ${cases} cases, ${cells} typed cells (${formulas} formulas; ${moved} moved to another row), ${differences} differences`);
    expect(differences).toBe(0);
  });
});
