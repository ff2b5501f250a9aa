import ExcelJS from "exceljs";
import { LAYOUT } from "../../src/core/layout";
import { loadXlsx } from "../../src/xlsx/read";
import { readSchoolFile } from "../../src/xlsx/light";
import { timeSchoolFiles } from "../../src/xlsx/light/bench";
import { colOf, findRow, schoolWorkbook } from "./fixtures";

const FILL = {
  school: "МБОУ СОШ № 9",
  values: {
    students_total: { "2023/24-H1": 300, "2023/24-Y": 298 },
    students_assessed: { "2023/24-H1": 280, "2023/24-Y": 279 },
    quality_4_5: { "2023/24-H1": 70, "2023/24-Y": 75 },
  },
};

/** The standard filled workbook, changed by `edit` through exceljs. */
async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = await loadXlsx(Buffer.from(await schoolWorkbook(FILL)));
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readSchoolFile findings: listed, not fatal", () => {
  it("names a school after its file when the passport sheet is missing", async () => {
    const bytes = await edited((wb) => wb.removeWorksheet(wb.worksheets.find((w) => w.getCell(1, 1).value === "shnor-monitor:v1:passport")!.id));
    const read = readSchoolFile("Школа № 12.xlsx", bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.school.report.school).toBe("Школа № 12");
    expect(read.findings.map((f) => f.code)).toEqual(["noPassport"]);
    expect(read.findings[0].message.ru).toContain("«Школа № 12.xlsx»");
    expect(read.school.report.data.observations.students_total["2023/24-Y"].value).toEqual({ kind: "number", value: 298 });
  });

  it("lists unknown indicators, unreadable period keys and values of the wrong unit", async () => {
    const bytes = await edited((wb) => {
      const q = findRow(wb, "quality_4_5");
      q.ws.getCell(q.row, LAYOUT.idCol).value = "mystery_rate";
      const s = findRow(wb, "students_total");
      s.ws.getCell(s.row, colOf(s.ws, "2023/24-H1")).value = 300.5;
      s.ws.getCell(LAYOUT.periodKeyRow, colOf(s.ws, "2023/24-Y")).value = "2023/24-Z9";
    });
    const read = readSchoolFile("s9.xlsx", bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const byCode = Object.fromEntries(read.findings.map((f) => [f.code, f]));
    expect(Object.keys(byCode).sort()).toEqual(["badPeriod", "badValue", "unknownIndicator"]);
    expect(byCode.unknownIndicator.detail).toBe("mystery_rate");
    expect(byCode.badPeriod.detail).toBe("2023/24-Z9");
    expect(byCode.badValue.detail).toBe("students_total 2023/24-H1");
    expect(byCode.badValue.message.ru).toContain("«s9.xlsx»");
    expect(read.school.report.data.observations.quality_4_5).toBeUndefined();
    expect(read.school.report.data.observations.students_total["2023/24-H1"].value.kind).toBe("error");
  });

  it("refuses a file whose indicator sheets have no period", async () => {
    const bytes = await edited((wb) => {
      for (const ws of wb.worksheets) {
        if (!/^shnor-monitor:v1:(base|subject|staff)$/.test(String(ws.getCell(1, 1).value))) continue;
        for (let c = LAYOUT.firstPeriodCol; c <= ws.columnCount; c++) ws.getCell(LAYOUT.periodKeyRow, c).value = null;
      }
    });
    const read = readSchoolFile("empty.xlsx", bytes);
    expect(read.ok === false && read.finding.code).toBe("empty");
  });
});

describe("timeSchoolFiles", () => {
  it("reads 100 school files and counts them", async () => {
    const distinct = await Promise.all([0, 1, 2, 3].map((i) => schoolWorkbook({ ...FILL, school: `МБОУ СОШ № ${i + 1}` })));
    const files = Array.from({ length: 100 }, (_, i) => ({ label: `school${i}.xlsx`, bytes: distinct[i % distinct.length] }));
    const t = timeSchoolFiles(files);
    expect(t).toMatchObject({ files: 100, ok: 100 });
    expect(t.perFileMs).toBeCloseTo(t.totalMs / 100, 10);
  }, 60_000);
});
