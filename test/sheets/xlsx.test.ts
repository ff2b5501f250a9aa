import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { buildReportPlan, LAYOUT, markerOf, type ReportOptions } from "../../src/core/layout";
import { periodsOf } from "../../src/core/periods";
import type { SheetPlan } from "../../src/core/plan";
import { columnLetter } from "../../src/core/layout/grid";
import { cellContent, loadXlsx, readXlsxReport } from "../../src/xlsx/read";
import { writePlanToXlsx } from "../../src/xlsx/write";
import { main, parseArgs } from "../../src/cli/template";
import { itWithSoffice, profileArg, soffice, recalcProfile } from "../helpers/soffice";

const options: ReportOptions = {
  school: "МБОУ СОШ № 5",
  schoolYear: 2023,
  periods: periodsOf(2023, ["H", "Y", "E"]),
  sections: ["subject", "staff", "facilities", "methods", "partnership"],
  lang: "ru",
};
const plan = buildReportPlan(options);
const rowOf = (s: SheetPlan, id: string) => s.cells.findIndex((r) => r[0]?.value === id) + 1;
const colOf = (s: SheetPlan, key: string) => (s.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c?.value === key) + 1;
const sheet = (kind: string) => plan.sheets.find((s) => s.kind === kind)!;

/** exceljs typings lack the worksheet's range validations and protection model. */
type WsModel = { dataValidations: { model: Record<string, { type: string; formulae: unknown[]; errorStyle: string; prompt: string }> }; sheetProtection: Record<string, unknown> | null };

describe("writePlanToXlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadXlsx(await writePlanToXlsx(plan));
  });

  it("writes every sheet with its marker, values and formulas", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      expect(ws.getCell("A1").value).toBe(markerOf(s.kind));
      s.cells.forEach((row, r) =>
        row.forEach((c, ci) => {
          if (!c || (c.value === undefined && c.formula === undefined)) return;
          expect(cellContent(ws.getCell(r + 1, ci + 1))).toBe(c.formula ?? c.value);
        }),
      );
    }
  });

  it("keeps formats, fills, fonts, locks, widths, frozen panes, page setup and tab colours", () => {
    const s = sheet("staff");
    const ws = wb.getWorksheet(s.name)!;
    const r = rowOf(s, "staff_higher_ed");
    const c = colOf(s, "2023/24-H1");
    const input = ws.getCell(r, c);
    expect(input.numFmt).toBe("0");
    expect(input.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(input.protection).toMatchObject({ locked: false });
    const share = ws.getCell(r, c + 1);
    expect(share.numFmt).toBe("0.0%");
    expect(share.protection?.locked).not.toBe(false);
    expect(ws.getCell("A1").font).toMatchObject({ size: 8, color: { argb: "FF808080" } });
    expect(ws.getColumn(3).width).toBe(60);
    expect(ws.getColumn(1).width).toBeLessThan(10);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: false, scale: s.pageLayout.scale, printTitlesRow: "2:4", printTitlesColumn: "B:D" });
    // The ids (and marker) and the period keys are hidden, still there for the readers.
    expect(ws.getColumn(LAYOUT.idCol).hidden).toBe(true);
    expect(ws.getRow(LAYOUT.periodKeyRow).hidden).toBe(true);
    expect(ws.getCell(LAYOUT.periodKeyRow, LAYOUT.firstPeriodCol).value).toMatch(/^2023\/24-/);
    expect(ws.properties.tabColor).toEqual({ argb: "FF70AD47" });
    const child = ws.getCell(rowOf(s, "staff_category_highest"), LAYOUT.nameCol);
    expect(child.alignment).toMatchObject({ indent: 1, wrapText: true });
  });

  it("protects every sheet without a password, allowing column and row formatting only", () => {
    for (const s of plan.sheets) {
      const prot = (wb.getWorksheet(s.name) as unknown as WsModel).sheetProtection;
      expect(prot).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
      expect(prot?.sort).toBeUndefined();
      expect(prot?.hashValue).toBeUndefined();
    }
  });

  it("writes the data validations with warning alerts and prompts", () => {
    const s = sheet("facilities");
    const ws = wb.getWorksheet(s.name) as unknown as WsModel;
    const yn = ws.dataValidations.model[`${columnLetter(colOf(s, "2023/24-Y"))}${rowOf(s, "classrooms_equipped")}`];
    expect(yn).toMatchObject({ type: "list", formulae: ['"да,нет"'], errorStyle: "warning" });
    expect(yn.prompt).toContain("«да» или «нет»");
  });

  it("reads its own file back: values typed into the template survive a re-insert", async () => {
    const s = sheet("subject");
    const ws = wb.getWorksheet(s.name)!;
    ws.getCell(rowOf(s, "quality_4_5"), colOf(s, "2023/24-H1")).value = 42;
    ws.getCell(rowOf(s, "no_cert_9"), colOf(s, "2023/24-Y")).value = "–";
    const report = await readXlsxReport(await wb.xlsx.writeBuffer());
    expect(report.sheets.map((x) => x.kind)).toEqual(["passport", "base", "subject", "staff", "facilities", "methods", "partnership"]);
    const sub = report.sheets.find((x) => x.kind === "subject")!;
    expect(sub.values).toEqual({ quality_4_5: { "2023/24-H1": 42 }, no_cert_9: { "2023/24-Y": "–" } });
    expect(report.sheets[0].fields.school).toBe("МБОУ СОШ № 5");
    const again = buildReportPlan({ ...options, periods: periodsOf(2024, ["H"]), existing: report });
    const ns = again.sheets.find((x) => x.kind === "subject")!;
    expect(ns.cells[rowOf(ns, "quality_4_5") - 1][colOf(ns, "2023/24-H1") - 1]?.value).toBe(42);
    expect(colOf(ns, "2024/25-H2")).toBeGreaterThan(colOf(ns, "2023/24-E"));
  });
});

describe("npm run template", () => {
  it("parses its arguments and rejects bad ones with a usage text", () => {
    expect(parseArgs(["--out", "x.xlsx", "--lang", "en", "--year", "2024/25", "--school", "Школа"])).toEqual({ out: "x.xlsx", lang: "en", year: 2024, school: "Школа" });
    expect(parseArgs(["--lang", "ru"])).toEqual({ error: expect.stringContaining("--out is required") });
    expect(parseArgs(["--out", "x", "--year", "2023/25"])).toEqual({ error: expect.stringContaining("2023/24") });
    expect(parseArgs(["--out", "x", "--lang", "de"])).toEqual({ error: expect.stringContaining("ru or en") });
    expect(parseArgs(["--out"])).toEqual({ error: expect.stringContaining("needs a value") });
  });

  it("writes all periods of the year and every section but the optional partnership and pupil context", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shnor-template-"));
    try {
      const out = join(dir, "t.xlsx");
      const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
      expect(await main(["--out", out, "--year", "2023/24"])).toBe(0);
      log.mockRestore();
      const report = await readXlsxReport(readFileSync(out));
      expect(report.sheetNames).toEqual(["Паспорт", "Базовые показатели", "Предметные результаты", "Кадровые условия", "Материально-технические условия", "Учебно-методические условия"]);
      expect(report.sheets[1].periods).toEqual(["2023/24-Q1", "2023/24-Q2", "2023/24-H1", "2023/24-Q3", "2023/24-Q4", "2023/24-H2", "2023/24-Y", "2023/24-E"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// LibreOffice is the independent check of the formulas' truth; CI installs it. Skipped only where it is absent.
describe("formula truth in LibreOffice (headless recalculation)", () => {
  itWithSoffice("computes the shares from typed counts: blanks stay blank, «–» shows «–», no #DIV/0!", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shnor-lo-"));
    try {
      recalcProfile(dir);
      const wb = await loadXlsx(await writePlanToXlsx(plan));
      const set = (kind: string, id: string, key: string, v: ExcelJS.CellValue) => {
        const s = sheet(kind);
        wb.getWorksheet(s.name)!.getCell(rowOf(s, id), colOf(s, key)).value = v;
      };
      set("base", "students_total", "2023/24-H1", 400);
      set("base", "students_assessed", "2023/24-H1", 200);
      set("base", "staff_ped", "2023/24-H1", 50);
      set("base", "staff_ped", "2023/24-Y", 0);
      set("base", "grads_9", "2023/24-E", 30);
      set("base", "grads_11", "2023/24-E", "–");
      set("subject", "quality_4_5", "2023/24-H1", 42);
      set("subject", "gia9_math_fail", "2023/24-E", 3);
      set("subject", "ege_math_below_min", "2023/24-E", 1);
      set("staff", "staff_higher_ed", "2023/24-H1", 45);
      set("staff", "staff_higher_ed", "2023/24-Y", 45);
      set("partnership", "gia_passed_share", "2023/24-E", 27);
      const input = join(dir, "filled.xlsx");
      await wb.xlsx.writeFile(input);
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "xlsx", "--outdir", join(dir, "out"), input], { stdio: "pipe", timeout: 120000 });
      const out = await loadXlsx(readFileSync(join(dir, "out", "filled.xlsx")));
      const result = (kind: string, id: string, key: string) => {
        const s = sheet(kind);
        const v = out.getWorksheet(s.name)!.getCell(rowOf(s, id), colOf(s, key) + 1).value as { result?: unknown } | null;
        return v && typeof v === "object" ? v.result : v;
      };
      expect(result("subject", "quality_4_5", "2023/24-H1")).toBeCloseTo(0.21, 12); // 42 of the 200 assessed
      expect(result("subject", "gia9_math_fail", "2023/24-E")).toBeCloseTo(0.1, 12);
      expect(result("subject", "ege_math_below_min", "2023/24-E")).toBe("–"); // no 11th grade
      expect(result("staff", "staff_higher_ed", "2023/24-H1")).toBeCloseTo(0.9, 12);
      expect([undefined, null, ""]).toContain(result("staff", "staff_higher_ed", "2023/24-Y")); // 0 staff: blank, not #DIV/0!
      expect([undefined, null, ""]).toContain(result("subject", "quality_4_5", "2023/24-H2")); // nothing typed
      expect(result("partnership", "gia_passed_share", "2023/24-E")).toBeCloseTo(0.9, 12); // 27 of 30 + «–»
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
