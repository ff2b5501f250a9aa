/**
 * Messy real workbooks (issue 14 item 8): a stray value far below a table (row 100,001), a stray
 * value far right (XFD10) and a stray format at XFD1048576 — on our sheets and on a user's sheet —
 * must not break any command: each finishes with the same results as on a clean workbook, reads
 * only a bounded number of cells, and leaves the stray cells where they are (never cleared).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { LAYOUT } from "../../src/core/layout";
import { cellAddress, columnLetter } from "../../src/core/layout/grid";
import { periodKey, periodsOf } from "../../src/core/periods";
import { insertReport } from "../../src/excel/insertReport";
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { importRoadmap } from "../../src/excel/roadmap";
import { consolidate } from "../../src/excel/consolidate";
import { freezeForSending, restoreFormulas } from "../../src/excel/share";
import { PASTE } from "../targets/roadmap-fixture";
import { ok } from "../helpers/commands";

jest.setTimeout(300_000);

const PERIODS = periodsOf(2023, ["H", "Y"]);
const MORE = [...PERIODS, ...periodsOf(2024, ["H", "Y"])];
const OPTIONS = { school: "МБОУ СОШ № 3", schoolYear: 2023, sections: ["subject" as const, "staff" as const, "partnership" as const], lang: "ru" as const };
const BASE = "Базовые показатели";
const STAFF = "Кадровые условия";
const FAR_VALUE = "A100001";
const FAR_RIGHT = "XFD10";
const FAR_FORMAT = "XFD1048576";
/** No read of a command may load more cells than this (our largest sheet here is a few thousand). */
const MAX_CELLS_READ = 200_000;
/** Our sheets and the user's paste sheet, each given the stray cells. */
const LITTERED = [BASE, STAFF, "Цели программы", "Дорожная карта", "Вставка"];

let restore: (() => void) | undefined;
afterAll(() => restore?.());

/** A user's input cell of an indicator and period. */
function inputCell(host: SimHost, sheet: string, id: string, key: string): string {
  // Only the top of the sheet: a full grid snapshot would span the stray cells.
  let row = 0;
  let col = 0;
  for (let r = LAYOUT.firstDataRow; r < 200 && !row; r++) if (host.inspect.cell(sheet, cellAddress(r, LAYOUT.idCol)).value === id) row = r;
  for (let c = LAYOUT.firstPeriodCol; c < 200 && !col; c++) if (host.inspect.cell(sheet, cellAddress(LAYOUT.periodKeyRow, c)).value === key) col = c;
  return cellAddress(row, col);
}

/** What a user of a messy workbook did: stray notes and a stray format, on our sheets and theirs. */
async function litter(sheets: string[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const name of sheets) {
      const ws = context.workbook.worksheets.getItem(name);
      ws.protection.load("protected");
      await context.sync();
      const wasProtected = ws.protection.protected;
      if (wasProtected) ws.protection.unprotect();
      ws.getRange(FAR_VALUE).values = [["заметка внизу"]];
      ws.getRange(FAR_RIGHT).values = [["заметка справа"]];
      ws.getRange(FAR_FORMAT).format.fill.color = "#FFFF00";
      if (wasProtected) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
      await context.sync();
    }
  });
}

function expectStrayKept(host: SimHost, sheets: string[]): void {
  for (const name of sheets) {
    expect(host.inspect.cell(name, FAR_VALUE).value).toBe("заметка внизу");
    expect(host.inspect.cell(name, FAR_RIGHT).value).toBe("заметка справа");
    expect(host.inspect.cell(name, FAR_FORMAT).fill).toBe("#FFFF00");
  }
}

/** The largest range read by the last command, in cells. */
const largestRead = (host: SimHost) => host.stats.rangeReads.reduce((m, r) => Math.max(m, r.cells), 0);

/** A report with a typed figure, targets, a road map and a user's sheet; `messy` litters them. */
async function workbook(messy: boolean): Promise<SimHost> {
  restore?.();
  const host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  ok(await insertReport({ ...OPTIONS, periods: PERIODS }));
  const key = periodKey(PERIODS[0]);
  for (const [id, v] of [["students_total", "400"], ["students_assessed", "380"], ["staff_ped", "30"]] as const) host.inspect.userEdit(BASE, inputCell(host, BASE, id, key), v);
  host.inspect.userEdit(STAFF, inputCell(host, STAFF, "staff_higher_ed", key), "'=1+1");
  ok(await insertTargets({ lang: "ru" }));
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add("Вставка");
    const width = PASTE.reduce((w, r) => Math.max(w, r.length), 0);
    const grid = PASTE.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
    ws.getRange(`A1:${columnLetter(width)}${grid.length}`).values = grid;
    ws.getRange(`A1:${columnLetter(width)}${grid.length}`).select();
    await context.sync();
  });
  ok(await importRoadmap({ lang: "ru", today: "2024-01-15" }));
  if (messy) await litter(LITTERED);
  host.resetStats();
  return host;
}

describe("a stray value at row 100,001 and XFD10 and a stray format at XFD1048576", () => {
  type Step = { name: string; run: () => Promise<unknown> };
  const steps: Step[] = [
    { name: "re-insert with more periods", run: async () => ok(await insertReport({ ...OPTIONS, periods: MORE })) },
    { name: "insert targets", run: async () => ok(await insertTargets({ lang: "ru" })) },
    { name: "compare periods", run: async () => ok(await comparePeriods({ earlier: PERIODS[0], later: PERIODS[1], lang: "ru" })) },
    { name: "refresh risks", run: async () => ok(await refreshRisks({ lang: "ru", today: "2024-01-15" })) },
    {
      name: "road-map import (re-import)",
      run: async () => {
        await Excel.run(async (context) => {
          const width = PASTE.reduce((w, r) => Math.max(w, r.length), 0);
          context.workbook.worksheets.getItem("Вставка").getRange(`A1:${columnLetter(width)}${PASTE.length}`).select();
          await context.sync();
        });
        return ok(await importRoadmap({ lang: "ru", today: "2024-01-15" }));
      },
    },
    { name: "consolidation of this workbook", run: async () => ok(await consolidate({ sources: [], useOpenWorkbook: true, period: null, lang: "ru" })) },
  ];

  it.each(steps.map((s) => [s.name, s] as const))("%s: same result as on a clean workbook, bounded reads, stray cells kept", async (_name, step) => {
    await workbook(false);
    const clean = JSON.stringify(await step.run());
    const host = await workbook(true);
    const messy = JSON.stringify(await step.run());
    expect(messy).toEqual(clean);
    const largest = largestRead(host);
    expect(largest).toBeLessThanOrEqual(MAX_CELLS_READ);
    expect(host.stats.maxResponseBytes).toBeLessThan(1_000_000);
    expectStrayKept(host, LITTERED);
    // what was typed is still there, the text typed as '=1+1 still text
    const key = periodKey(PERIODS[0]);
    expect(host.inspect.cell(BASE, inputCell(host, BASE, "students_total", key)).value).toBe(400);
    const text = host.inspect.cell(STAFF, inputCell(host, STAFF, "staff_higher_ed", key));
    expect([text.value, text.formula]).toEqual(["=1+1", null]);
    console.log(`${_name}: largest read ${largest} cells, largest response ${host.stats.maxResponseBytes} bytes, ${host.stats.syncs} syncs`);
  });

  it("freeze and restore: a stray format far away is ignored (values-only used ranges)", async () => {
    const host = await workbook(false);
    await Excel.run(async (context) => {
      for (const name of [BASE, "Вставка"]) {
        const ws = context.workbook.worksheets.getItem(name);
        ws.protection.load("protected");
        await context.sync();
        if (ws.protection.protected) ws.protection.unprotect();
        ws.getRange(FAR_FORMAT).format.fill.color = "#FFFF00";
        if (name === BASE) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
      }
      await context.sync();
    });
    host.resetStats();
    ok(await freezeForSending({ lang: "ru" }));
    expect(largestRead(host)).toBeLessThanOrEqual(MAX_CELLS_READ);
    host.resetStats();
    ok(await restoreFormulas({ lang: "ru" }));
    expect(largestRead(host)).toBeLessThanOrEqual(MAX_CELLS_READ);
    expect(host.inspect.cell(BASE, FAR_FORMAT).fill).toBe("#FFFF00");
  });
});
