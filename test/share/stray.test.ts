/**
 * «Подготовить к отправке» / «Вернуть формулы» on a messy workbook (issue 14 item 8): a stray value at
 * XFD10 and one at A100001 — on a user's sheet and on one of ours — make their used ranges 1.6
 * billion cells. Freeze finds the formula cells with getSpecialCells (ExcelApi 1.9) and restore reads
 * only the stored cells: both finish with the results of a clean workbook, in a bounded number of
 * syncs and bytes, and the stray cells stay. Without ExcelApi 1.9 the used ranges are read whole: a
 * gigantic one is refused with the sheet and range named, before anything changes.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { keyCol, keyRow } from "../../src/sim/host/styles";
import { cellAddress } from "../../src/core/layout/grid";
import { LAYOUT } from "../../src/core/layout";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { freezeForSending, restoreFormulas } from "../../src/excel/share";
import { limitExcelApi } from "./apiSets";
import { ok } from "../helpers/commands";

jest.setTimeout(120_000);

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const BASE = "Базовые показатели";
const SUBJECT = "Предметные результаты";
const DYNAMICS = "Динамика";
const MINE = "Мои расчёты";
const FAR = ["XFD10", "A100001"];

let host: SimHost;
let uninstall: (() => void) | undefined;
const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((f) => f()));
afterAll(() => uninstall?.());

function at(sheet: string, id: string, key: string): string {
  let row = 0;
  let col = 0;
  for (let r = LAYOUT.firstDataRow; r < 300 && !row; r++) if (host.inspect.cell(sheet, cellAddress(r, LAYOUT.idCol)).value === id) row = r;
  for (let c = LAYOUT.firstPeriodCol; c < 100 && !col; c++) if (host.inspect.cell(sheet, cellAddress(LAYOUT.periodKeyRow, c)).value === key) col = c;
  return cellAddress(row, col);
}

/** A report with the analysis sheets and a user's sheet with EDU calls; `far`: stray values on both. */
async function workbook(far: string[]): Promise<void> {
  uninstall?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  uninstall = installSimHost(host);
  const periods = [P(2022, "E"), P(2023, "Q1"), P(2023, "Q2"), P(2023, "E")];
  ok(await insertReport({ school: "МБОУ СОШ № 5", schoolYear: 2023, periods, sections: ["subject"], lang: "ru" }));
  for (const k of ["2023/24-Q1", "2023/24-Q2"]) host.inspect.userEdit(BASE, at(BASE, "students_assessed", k), "100");
  host.inspect.userEdit(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Q1"), "21");
  host.inspect.userEdit(SUBJECT, at(SUBJECT, "quality_4_5", "2023/24-Q2"), "24");
  ok(await insertTargets({ lang: "ru" }));
  ok(await comparePeriods({ earlier: P(2023, "Q1"), later: P(2023, "Q2"), lang: "ru" }));
  ok(await refreshRisks({ lang: "ru" }));
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(MINE);
    ws.getRange("A1:E2").formulas = [
      ["=EDU.DELTA(0.21,0.24)", "=A1*100", '="EDU.DELTA(1,2)"', "=EDU.SHARE(1,0)", '=IF(A1>0,"рост",EDU.DYNAMICS(1,2))'],
      ["=EDU.QUALITY(5,10,12,3)", 42, "текст", '=EDU.DELTA("–",1)', "=1/4"],
    ];
    await context.sync();
  });
  await Excel.run(async (context) => {
    for (const name of [MINE, DYNAMICS]) {
      const ws = context.workbook.worksheets.getItem(name);
      ws.protection.load("protected,options");
      await context.sync();
      const { protected: was, options } = ws.protection;
      if (was) ws.protection.unprotect();
      for (const a of far) ws.getRange(a).values = [[`заметка ${a}`]];
      if (was) ws.protection.protect(options);
      await context.sync();
    }
  });
  host.resetStats();
}

/** Every filled cell of every sheet (read sparsely: the used ranges are huge), with its formula and value. */
function snapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const { name } of host.inspect.sheetNames()) {
    const sheet = host.model.sheet(name)!;
    for (const k of sheet.content) {
      const a = cellAddress(keyRow(k) + 1, keyCol(k) + 1);
      const c = host.inspect.cell(name, a);
      out.set(`${name}!${a}`, [c.formula, c.value]);
    }
  }
  return out;
}

function expectStrayKept(far: string[]): void {
  for (const name of [MINE, DYNAMICS]) for (const a of far) expect(host.inspect.cell(name, a)).toMatchObject({ value: `заметка ${a}`, formula: null });
}

const figures = () => ({
  syncs: host.stats.syncs,
  largestRead: host.stats.rangeReads.reduce((m, r) => Math.max(m, r.cells), 0),
  cellsRead: host.stats.rangeReads.reduce((n, r) => n + r.cells, 0),
  maxRequestBytes: host.stats.maxRequestBytes,
  maxResponseBytes: host.stats.maxResponseBytes,
});

describe("freeze and restore with stray values at XFD10 and A100001", () => {
  it("give the results of a clean workbook, read only the cells that matter, keep the stray cells", async () => {
    await workbook([]);
    const cleanFreeze = ok(await freezeForSending({ lang: "ru" }));
    const cleanRestore = ok(await restoreFormulas({ lang: "ru" }));

    await workbook(FAR);
    const before = snapshot();
    const freeze = ok(await freezeForSending({ lang: "ru" }));
    const f = figures();
    expect(freeze).toEqual(cleanFreeze);
    expect(freeze.frozen).toBeGreaterThan(10);
    expect(freeze.sheets).toEqual(expect.arrayContaining([DYNAMICS, MINE]));
    expectStrayKept(FAR);
    expect(host.inspect.cell(MINE, "A1")).toMatchObject({ formula: null });
    host.resetStats();
    const restore = ok(await restoreFormulas({ lang: "ru" }));
    const r = figures();
    expect(restore).toEqual(cleanRestore);
    expect(snapshot()).toEqual(before);
    console.log(`freeze ${JSON.stringify(f)}; restore ${JSON.stringify(r)}`);
    // facts (with the formula areas), their contents, the writes
    expect(f.syncs).toBe(3);
    // facts, the store, the stored cells, the writes
    expect(r.syncs).toBe(4);
    for (const x of [f, r]) {
      expect(x.largestRead).toBeLessThanOrEqual(2_000);
      expect(x.cellsRead).toBeLessThan(10_000);
      expect(x.maxRequestBytes).toBeLessThan(400_000);
      expect(x.maxResponseBytes).toBeLessThan(400_000);
    }
  });

  it("without ExcelApi 1.9 a gigantic used range is refused with the sheet and range named, and nothing changes", async () => {
    await workbook(FAR);
    const before = snapshot();
    undo.push(limitExcelApi("1.8"));
    const r = await freezeForSending({ lang: "ru" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("strayRange");
    expect(r.error.message.ru).toContain(`удалите лишние значения за пределами таблицы: лист «${DYNAMICS}», диапазон A1:XFD100001`.replace("удалите", "Удалите"));
    expect(r.error.message.ru).toContain("Книга не изменена.");
    expect(r.error.message.en).toContain(`sheet «${DYNAMICS}», range A1:XFD100001`);
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.rangeReads.reduce((n, x) => n + x.cells, 0)).toBeLessThan(100);
    expect(snapshot()).toEqual(before);
  });

  it("without ExcelApi 1.9 a stray value at A100001 alone is read in blocks; restore reads only the stored cells", async () => {
    await workbook(["A100001"]);
    const before = snapshot();
    undo.push(limitExcelApi("1.8"));
    const freeze = ok(await freezeForSending({ lang: "ru" }));
    const f = figures();
    expect(freeze.sheets).toEqual(expect.arrayContaining([DYNAMICS, MINE]));
    expectStrayKept(["A100001"]);
    host.resetStats();
    ok(await restoreFormulas({ lang: "ru" }));
    const r = figures();
    expect(snapshot()).toEqual(before);
    console.log(`fallback freeze ${JSON.stringify(f)}; restore ${JSON.stringify(r)}`);
    expect(f.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(r.syncs).toBe(4);
    expect(r.cellsRead).toBeLessThan(10_000);
  });
});
