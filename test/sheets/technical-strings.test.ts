/**
 * No technical string on a user's screen or paper (issue 18 item 3): every sheet the commands make
 * in the simulated host, and the template, is scanned cell by cell — every cell not in a hidden row
 * or column, as displayed — for markers, ids, period keys, road-map keys and English words in a
 * Russian workbook. The keys stay where the readers look for them (hidden, not moved), so a
 * workbook of an older version still reads, and gets its keys hidden at the next insert.
 */
import type { SimHost } from "../../src/sim";
import { buildReportPlan, LAYOUT } from "../../src/core/layout";
import { cellAddress } from "../../src/core/layout/grid";
import { periodKey } from "../../src/core/periods";
import { writePlanToXlsx } from "../../src/xlsx/write";
import { loadXlsx } from "../../src/xlsx/read";
import { templateOptions } from "../../src/cli/template";
import { insertReport } from "../../src/excel/insertReport";
import { comparePeriods, refreshRisks } from "../../src/excel/commands";
import { consolidate } from "../../src/excel/consolidate";
import { ok, reportCell } from "../helpers/commands";
import { technicalKinds, type Found } from "../helpers/technical";
import { BASE, OPTIONS, OUR_SHEETS, PASTE_SHEET, PERIODS, SUBJECT, everyCommand } from "../helpers/workbook";

jest.setTimeout(300_000);



let restore: (() => void) | undefined;
afterAll(() => restore?.());

/** Every shown cell of a sheet of the simulated workbook with something technical in it. */
function scanSim(host: SimHost, sheet: string, lang: "ru" | "en"): Found[] {
  const g = host.inspect.grid(sheet);
  const hiddenRows = new Set(g.hiddenRows);
  const hiddenCols = new Set(g.hiddenColumns);
  const found: Found[] = [];
  g.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (hiddenRows.has(r) || hiddenCols.has(c)) return;
      const text = cell.text ?? "";
      for (const kind of text ? technicalKinds(text, lang) : []) found.push({ sheet, address: cellAddress(r + 1, c + 1), text, kind });
    }),
  );
  return found;
}

const listed = (found: Found[]): string[] => found.map((f) => `${f.sheet}!${f.address} [${f.kind}]: ${f.text.slice(0, 80)}`);

describe("no technical string on a user's screen or paper", () => {
  let host: SimHost;
  beforeAll(async () => {
    restore?.();
    ({ host, restore } = await everyCommand());
  });

  it("every sheet the commands make shows none (ids, markers and keys hidden, headers Russian)", () => {
    const sheets = host.inspect.sheetNames().map((s) => s.name).filter((s) => s !== PASTE_SHEET);
    // Every kind of our sheets is there.
    for (const s of OUR_SHEETS) expect(sheets).toContain(s);
    const found = sheets.flatMap((s) => scanSim(host, s, "ru"));
    expect(listed(found)).toEqual([]);
  });

  it("«Данные»: the marker row and the code columns hidden, printed from the header row (repeated) one page wide", () => {
    const g = host.inspect.grid("Данные");
    expect(host.inspect.cell("Данные", "A1").value).toBe("shnor-monitor:v1:data");
    expect(g.hiddenRows).toEqual([0]);
    expect(g.hiddenColumns.map((c) => g.cells[1][c].text)).toEqual(["Код периода", "Код показателя"]);
    const pl = host.inspect.sheetInfo("Данные").pageLayout;
    // Eight shown columns of 90 pt: 720 pt on a landscape A4 (741 pt less 6 %): 96 %.
    expect(pl).toMatchObject({ orientation: "Landscape", zoom: { scale: 96 }, headersFooters: { centerFooter: "&A — &P / &N" } });
    expect(pl.printTitleRows).toMatch(/\$2:\$2$/);
    expect(pl.printArea).toMatch(/^\$A\$2:/);
  });

  it("the keys are still where the readers find them: the commands run again on this workbook", async () => {
    // Read back: the report (ids in column A, keys in row 3), targets, road map (keys in column A).
    expect(host.inspect.cell(BASE, `A${LAYOUT.firstDataRow}`).value).toMatch(/^[a-z]/);
    expect(host.inspect.cell(BASE, "A1").value).toBe("shnor-monitor:v1:base");
    ok(await insertReport({ ...OPTIONS, periods: PERIODS }));
    expect(host.inspect.cell(SUBJECT, reportCell(host, SUBJECT, "quality_4_5", periodKey(PERIODS[0]))).value).toBe(30);
    const risks = ok(await refreshRisks({ lang: "ru", today: "2024-01-15" }));
    expect(risks.sheet).toBe("Риски");
    ok(await comparePeriods({ earlier: PERIODS[0], later: PERIODS[1], lang: "ru" }));
    ok(await consolidate({ sources: [], useOpenWorkbook: true, period: null, lang: "ru" }));
    expect(listed(host.inspect.sheetNames().map((s) => s.name).filter((s) => s !== PASTE_SHEET).flatMap((s) => scanSim(host, s, "ru")))).toEqual([]);
  });

  it("a workbook of an older version (nothing hidden) still reads, and its keys are hidden at the next insert", async () => {
    await Excel.run(async (context) => {
      for (const name of [BASE, SUBJECT]) {
        const ws = context.workbook.worksheets.getItem(name);
        ws.protection.unprotect();
        ws.getRange("A1:AZ200").columnHidden = false;
        ws.getRange("A1:A200").rowHidden = false;
      }
      await context.sync();
    });
    expect(scanSim(host, BASE, "ru").length).toBeGreaterThan(0);
    ok(await insertReport({ ...OPTIONS, periods: PERIODS }));
    expect(host.inspect.cell(SUBJECT, reportCell(host, SUBJECT, "quality_4_5", periodKey(PERIODS[1]))).value).toBe(24);
    expect(listed([BASE, SUBJECT].flatMap((s) => scanSim(host, s, "ru")))).toEqual([]);
  });
});

describe("the template shows none either", () => {
  for (const lang of ["ru", "en"] as const) {
    it(`${lang}: every cell not in a hidden row or column`, async () => {
      const plan = buildReportPlan(templateOptions({ out: "", lang, year: 2023, school: "" }));
      const wb = await loadXlsx(await writePlanToXlsx(plan));
      const found: Found[] = [];
      wb.eachSheet((ws) => {
        ws.eachRow({ includeEmpty: false }, (row, r) => {
          if (row.hidden) return;
          row.eachCell({ includeEmpty: false }, (cell, c) => {
            if (ws.getColumn(c).hidden) return;
            const v = cell.value;
            const text = typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
            for (const kind of text ? technicalKinds(text, lang) : []) found.push({ sheet: ws.name, address: cellAddress(r, c), text, kind });
          });
        });
      });
      expect(listed(found)).toEqual([]);
      // …and the readers' keys are all still in the file.
      const base = wb.getWorksheet(plan.sheets[1].name)!;
      expect(base.getCell("A1").value).toBe("shnor-monitor:v1:base");
      expect(base.getCell(LAYOUT.periodKeyRow, LAYOUT.firstPeriodCol).value).toBe(periodKey(PERIODS[0]));
    });
  }
});
