import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { itWithSoffice, profileArg, soffice, recalcProfile } from "../helpers/soffice";
import { strToU8, unzipSync, zipSync } from "fflate";
import { readReport, type ReadSheet } from "../../src/core/report";
import { parseAnyMarker } from "../../src/core/layout/markers";
import { loadXlsx, sheetGrid } from "../../src/xlsx/read";
import { readSchoolFile, readWorkbookBytes } from "../../src/xlsx/light";
import { parseSheet } from "../../src/xlsx/light/sheet";
import { parseSharedStrings } from "../../src/xlsx/light/xml";
import { cellEntries } from "../hostile/cells";
import { schoolWorkbook } from "./fixtures";

const FILL = {
  school: "МБОУ СОШ № 5",
  values: {
    students_total: { "2023/24-H1": 412, "2023/24-Y": 405 },
    students_assessed: { "2023/24-H1": 380, "2023/24-Y": 371 },
    quality_4_5: { "2023/24-H1": 120, "2023/24-Y": 131 },
    staff_ped: { "2023/24-H1": 30, "2023/24-Y": 31 },
    staff_higher_ed: { "2023/24-H1": 27, "2023/24-Y": "–" },
  },
};

async function exceljsSheets(bytes: Uint8Array): Promise<ReadSheet[]> {
  const wb = await loadXlsx(Buffer.from(bytes));
  const out: ReadSheet[] = [];
  for (const ws of wb.worksheets) {
    const grid = sheetGrid(ws);
    const m = parseAnyMarker(grid[0]?.[0]);
    if (m) out.push({ name: ws.name, kind: m.kind, values: grid, formulas: grid });
  }
  return out;
}

/** Replace one part of a zip. */
function withPart(bytes: Uint8Array, name: string, content: string): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(content);
  return zipSync(files);
}

describe("readSchoolFile on a workbook written by the template writer", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await schoolWorkbook(FILL);
  });

  it("reads the same observations as exceljs does", async () => {
    const read = readSchoolFile("school5.xlsx", bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const expected = readReport(await exceljsSheets(bytes));
    expect(read.school.report.school).toBe("МБОУ СОШ № 5");
    expect(read.school.report.data.observations).toEqual(expected.data.observations);
    expect(read.school.report.periods).toEqual(expected.periods);
    expect(read.school.report.data.observations.quality_4_5["2023/24-Y"].value).toEqual({ kind: "number", value: 131 });
    expect(read.school.report.data.observations.staff_higher_ed["2023/24-Y"].value.kind).toBe("na");
    expect(read.findings).toEqual([]);
  });

  it("keeps a formula-like school name as text", async () => {
    for (const name of ['=HYPERLINK("http://x","y")', "+7 (999)", "-1", "@a"]) {
      const read = readSchoolFile("x.xlsx", await schoolWorkbook({ ...FILL, school: name }));
      expect(read.ok && read.school.report.school).toBe(name);
    }
  });

  it("names a school without a name after its file and says so", async () => {
    const read = readSchoolFile("Школа 7.xlsx", await schoolWorkbook({ ...FILL, school: "" }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.school.report.school).toBe("Школа 7");
    expect(read.findings.map((f) => f.code)).toEqual(["noSchoolName"]);
  });

  it("reports damaged, foreign and non-workbook files with a clear message", async () => {
    const cases: [string, Uint8Array, string][] = [
      ["truncated", bytes.slice(0, Math.floor(bytes.length / 2)), "damaged"],
      ["random", new Uint8Array(2000).map((_, i) => (i * 7919) % 251), "notZip"],
      ["empty", new Uint8Array(0), "notZip"],
      ["docx-like", zipSync({ "word/document.xml": strToU8("<w:document/>") }), "notXlsx"],
      ["bad sheet xml", withPart(bytes, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"), "damaged"],
      ["missing sheet", (() => { const f = unzipSync(bytes); delete f["xl/worksheets/sheet2.xml"]; return zipSync(f); })(), "damaged"],
    ];
    for (const [label, b, code] of cases) {
      const read = readSchoolFile(`${label}.xlsx`, b);
      expect({ label, ok: read.ok }).toEqual({ label, ok: false });
      if (read.ok) continue;
      expect({ label, code: read.finding.code }).toEqual({ label, code });
      expect(read.finding.message.ru).toContain(`«${label}.xlsx»`);
      expect(read.finding.message.en.length).toBeGreaterThan(20);
    }
  });

  it("reports a workbook without our sheets as not ours", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Лист1").getCell("A1").value = "Отчёт школы";
    const read = readSchoolFile("other.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.ok === false && read.finding.code).toBe("notOurs");
  });

  it("reads only the first row of a foreign sheet", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = await loadXlsx(Buffer.from(bytes));
    const big = wb.addWorksheet("Анализ");
    for (let r = 1; r <= 3000; r++) big.getRow(r).values = [r, `строка ${r}`, r * 2];
    const read = readWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    const foreign = read.sheets.find((s) => s.name === "Анализ")!;
    expect(foreign.partial).toBe(true);
    expect(cellEntries(foreign.values)).toEqual([["A1", 1], ["B1", "строка 1"], ["C1", 2]]);
    expect(ExcelJS).toBeDefined();
  });

  // LibreOffice is provisioned by npm test; where it cannot be, this check says so and skips.
  itWithSoffice("reads cached formula results of a file saved by LibreOffice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "light-"));
    try {
      writeFileSync(join(dir, "in.xlsx"), bytes);
      // Force recalculation on load (the file written by exceljs carries no cached results).
      recalcProfile(dir);
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "in.xlsx")], { stdio: "ignore", timeout: 120_000 });
      const read = readSchoolFile("lo.xlsx", new Uint8Array(readFileSync(join(dir, "out", "in.xlsx"))));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      // quality_4_5 share = count / assessed students (the passport's default), computed by LibreOffice and cached.
      expect(read.school.report.judged.quality_4_5["2023/24-Y"]).toBeCloseTo(131 / 371, 10);
      expect(read.school.report.judged.staff_higher_ed["2023/24-H1"]).toBeCloseTo(27 / 30, 10);
      expect(read.school.report.data.observations.quality_4_5["2023/24-H1"].value).toEqual({ kind: "number", value: 120 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("the SpreadsheetML reader", () => {
  it("reads rich text, entities, inline strings, booleans, errors and formulas", () => {
    const shared = parseSharedStrings(
      '<sst xmlns="x"><si><t>plain</t></si><si><r><t xml:space="preserve">МБОУ </t></r><r><rPr><b/></rPr><t>СОШ &amp; № 1</t></r><rPh><t>ignored</t></rPh></si><si><t>a&#x41;&#66;_x000D_</t></si><si/></sst>',
    );
    expect(shared).toEqual(["plain", "МБОУ СОШ & № 1", "aAB\r", ""]);
    const sheet = parseSheet(
      `<x:worksheet><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>&lt;=1&gt;</x:t></x:is></x:c></x:row>
        <x:row r="3"><x:c r="A3" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c r="D3"><x:f>A3*2</x:f><x:v>2</x:v></x:c><x:c r="E3"><x:f t="shared" si="0"/><x:v>4</x:v></x:c><x:c r="F3"><x:f>NOW()</x:f></x:c><x:c r="G3" s="1"/></x:row>
      </x:sheetData></x:worksheet>`,
      shared,
    );
    // Sparse: only cells with content (G3 is styled, empty); F3 is a formula without a cached value.
    expect(cellEntries(sheet.values)).toEqual([["A1", "МБОУ СОШ & № 1"], ["C1", "<=1>"], ["A3", true], ["B3", "#N/A"], ["D3", 2], ["E3", 4], ["F3", null]]);
    expect(cellEntries(sheet.formulas)).toEqual([["A1", "МБОУ СОШ & № 1"], ["C1", "<=1>"], ["A3", true], ["B3", "#N/A"], ["D3", "=A3*2"], ["E3", 4], ["F3", "=NOW()"]]);
  });

  it("refuses malformed parts instead of guessing", () => {
    expect(() => parseSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>abc</v></c></row></sheetData></worksheet>', [])).toThrow(/not a number/);
    expect(() => parseSheet('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData></worksheet>', ["a"])).toThrow(/shared string/);
    expect(() => parseSheet('<worksheet><sheetData><row r="2"><c r="A1"><v>1</v></c></row></sheetData></worksheet>', [])).toThrow(/cell reference/);
    expect(() => parseSharedStrings("<sst><si><t>a&nbsp;</t></si></sst>")).toThrow(/entity/);
    expect(parseSheet("<worksheet><sheetData/></worksheet>", []).values.size).toBe(0);
    expect(() => parseSheet("<worksheet/>", [])).toThrow(/no <sheetData>/);
  });
});
