/**
 * Bad values inside a school's .xlsx file and files that are not workbooks, table-driven, for both
 * readers: the task pane's (src/xlsx/light: readSchoolFile) and the exceljs one (src/xlsx/read).
 * Each gives the documented result — an observation the checks flag, a file finding, or a clear
 * rejection — and neither throws on bytes it cannot read.
 */
import { runChecks } from "../../src/core/checks";
import { readSchoolFile } from "../../src/xlsx/light";
import { readXlsxReport } from "../../src/xlsx/read";
import { schoolWorkbook } from "../xlsx/fixtures";

const H1 = "2023/24-H1";

interface Row {
  what: string;
  /** The cell value as the file stores it (exceljs cell value). */
  value: unknown;
  /** The observation kind the reader gives; "none" when the cell counts as not filled. */
  read: "number" | "error" | "na" | "none";
  finding: string | null;
  message?: RegExp;
  /** What readXlsxReport (the exceljs reader, for re-building a template) keeps of the cell. */
  kept: unknown;
}

const ROWS: Row[] = [
  { what: "text in a count cell", value: "много", read: "error", finding: "value_out_of_scale", message: /«много» — не число/, kept: "много" },
  { what: "a negative count", value: -5, read: "error", finding: "value_out_of_scale", message: /не может быть отрицательной/, kept: -5 },
  { what: "part > whole", value: 250, read: "number", finding: "part_exceeds_whole", kept: 250 },
  { what: "a date cell", value: new Date(Date.UTC(2024, 8, 1)), read: "number", finding: "part_exceeds_whole", kept: 45536 },
  { what: "a date as text", value: "01.09.2024", read: "error", finding: "value_out_of_scale", message: /Дата «01\.09\.2024» вместо числа/, kept: "01.09.2024" },
  { what: "an Excel error value", value: { error: "#N/A" }, read: "error", finding: "value_out_of_scale", message: /ошибка Excel #N\/A/, kept: "#N/A" },
  { what: "«–»", value: "–", read: "na", finding: null, kept: "–" },
  { what: "an empty cell", value: null, read: "none", finding: null, kept: undefined },
];

describe.each(ROWS)("a school file with $what in «quality_4_5»", (row) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await schoolWorkbook({ values: { students_assessed: { [H1]: 200 }, quality_4_5: { [H1]: row.value } } });
  });

  it("readSchoolFile reads it and the checks give the documented finding", () => {
    let read: ReturnType<typeof readSchoolFile> | undefined;
    expect(() => (read = readSchoolFile("school.xlsx", bytes))).not.toThrow();
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    const obs = read.school.report.data.observations.quality_4_5?.[H1];
    expect(obs?.value.kind ?? "none").toBe(row.read);
    const mine = runChecks(read.school.report.data).filter((f) => f.indicatorId === "quality_4_5" && f.period === H1);
    expect(mine.map((f) => f.rule)).toEqual(row.finding ? [row.finding] : []);
    if (row.message) expect(mine[0].message.ru).toMatch(row.message);
    if (row.read === "error") expect(read.findings.map((f) => f.code)).toContain("badValue");
  });

  it("readXlsxReport keeps the value as the file holds it (a date as its serial number)", async () => {
    const report = await readXlsxReport(Buffer.from(bytes));
    const subject = report.sheets.find((s) => s.kind === "subject");
    expect(subject?.values.quality_4_5?.[H1]).toEqual(row.kept);
  });
});

describe("files that are not school workbooks", () => {
  const cases: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["text", new TextEncoder().encode("школа;показатель;значение\n")],
    ["random", new Uint8Array(4000).map((_, i) => (i * 7919) % 251)],
  ];

  it.each(cases)("%s: readSchoolFile returns a finding with a clear message", (label, b) => {
    const read = readSchoolFile(`${label}.xlsx`, b);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.finding.code).toBe("notZip");
    expect(read.finding.message.ru).toContain(`«${label}.xlsx»`);
  });

  it.each(cases)("%s: readXlsxReport rejects with a clear message", async (_label, b) => {
    await expect(readXlsxReport(Buffer.from(b))).rejects.toThrow(/не файл Excel \(\.xlsx\)|not an Excel \(\.xlsx\) file/);
  });
});
