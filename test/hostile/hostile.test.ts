/**
 * Hostile and damaged school files (built by ./generate.ts): each ends, within a generous timeout
 * (a regression to a hang fails here), with its named finding — or, where the file is legitimate
 * but odd, with the right values. A batch of hostile and good files consolidates the good ones
 * and lists one finding per refused file (simulated host).
 */
import { readReport } from "../../src/core/report";
import { buildHighlights } from "../../src/core/layout/highlight";
import { readTargetsSheet } from "../../src/core/layout/targetsSheet";
import { readSchoolFile, readSchoolSheets, type FileRead } from "../../src/xlsx/light";
import { consolidate } from "../../src/excel/consolidate";
import { createSimHost, installSimHost } from "../../src/sim";
import { goodFile, hostileFiles, PERIOD, type HostileFile } from "./generate";

/** Per file: far above the slowest measured (well under a second), far below a hang. */
const PER_FILE_MS = 10_000;

const files: HostileFile[] = hostileFiles();

function outcome(read: FileRead) {
  if (!read.ok) return { fail: read.finding.code };
  const r = read.school.report;
  const v = r.data.observations.students_total?.[PERIOD]?.value;
  return { school: r.school, value: v?.kind === "number" ? v.value : null, findings: read.findings.map((f) => f.code) };
}

describe("hostile school files", () => {
  it("are a few dozen distinct kinds", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it.each(files.map((f) => [f.name, f] as const))(
    "%s: gives its named finding or the right values",
    (_name, f) => {
      const read = readSchoolFile(f.name, f.bytes);
      expect(outcome(read)).toEqual(f.expect);
      if (!read.ok) {
        expect(read.finding.label).toBe(f.name);
        expect(read.finding.message.ru).toContain(`«${f.name}»`);
        expect(read.finding.message.en).toContain(`«${f.name}»`);
      }
      for (const m of read.ok ? read.findings.map((x) => x.message) : [read.finding.message]) {
        // Messages stay short and printable whatever the file held.
        expect(m.ru.length).toBeLessThan(1000);
        expect(m.en.length).toBeLessThan(1000);
        expect(m.ru).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      }
    },
    PER_FILE_MS,
  );
});

describe("a batch of hostile and good files", () => {
  it("consolidates the good files' values and lists one finding per refused file", async () => {
    const good = [goodFile("Школа А", 300), goodFile("Школа Б", 500)];
    const batch = [
      { name: "a.xlsx", bytes: good[0] },
      ...files.map((f) => ({ name: f.name, bytes: f.bytes })),
      { name: "b.xlsx", bytes: good[1] },
    ];
    const reads = batch.map((f) => ({ name: f.name, read: readSchoolFile(f.name, f.bytes) }));
    const refused = reads.filter((r) => !r.read.ok).map((r) => r.name);
    expect(refused.sort()).toEqual(files.filter((f) => "fail" in f.expect).map((f) => f.name).sort());
    const host = createSimHost({ sheets: ["Лист1"] });
    const uninstall = installSimHost(host);
    try {
      const result = await consolidate({
        sources: reads.flatMap((r) => (r.read.ok ? [r.read.school] : [])),
        sourceFindings: reads.flatMap((r) => (r.read.ok ? r.read.findings : [r.read.finding])),
        useOpenWorkbook: false,
        period: null,
        lang: "ru",
      });
      if (!result.ok) throw new Error(result.error.message.en);
      // A file read without any value is listed apart, not counted as a school.
      const empty = files.filter((f) => "value" in f.expect && f.expect.value === null).map((f) => f.name);
      const readable = files.length - refused.length - empty.length + 2;
      expect(result.schools).toBe(readable);
      for (const name of [...refused, ...empty]) expect(result.findings.filter((f) => f.label === name)).toHaveLength(1);
      // «Данные»: one row per school × period × indicator; the good files' values are there.
      const data = host.inspect.grid(result.dataSheet).cells.map((r) => r.map((c) => c.value));
      const header = data[1];
      const at = (school: string) => data.find((r) => r[header.indexOf("Школа")] === school && r.includes("students_total"));
      expect(at("Школа А")).toContain(300);
      expect(at("Школа Б")).toContain(500);
      expect(at("Школа far")).toContain(412);
    } finally {
      uninstall();
    }
  }, 60_000);
});

describe("large grids in the readers (no spread of rows into a call)", () => {
  const ROWS = 200_000;
  const tall = (marker: string, at: [number, number, unknown][]) => {
    const g: unknown[][] = Array.from({ length: ROWS }, () => []);
    g[0][0] = marker;
    for (const [r, c, v] of at) g[r - 1][c - 1] = v;
    return g;
  };

  it("readSchoolSheets reads an open-workbook sheet set with a value at row 130,000", () => {
    const passport = tall("shnor-monitor:v1:passport", [[3, 1, "school"], [3, 3, "Школа 130k"]]);
    const base = tall("shnor-monitor:v1:base", [[3, 5, PERIOD], [5, 1, "students_total"], [5, 5, 412], [130_000, 1, "students_assessed"], [130_000, 5, 400]]);
    const read = readSchoolSheets("листы этой книги", [
      { name: "Паспорт", values: passport, formulas: passport },
      { name: "Базовые", values: base, formulas: base },
    ]);
    expect(outcome(read)).toEqual({ school: "Школа 130k", value: 412, findings: [] });
    if (read.ok) expect(read.school.report.data.observations.students_assessed[PERIOD].value).toEqual({ kind: "number", value: 400 });
  });

  it("readTargetsSheet and buildHighlights take a sheet of 200,000 rows", () => {
    const g = tall("shnor-monitor:v1:targets", []);
    expect(() => readTargetsSheet({ name: "Цели", kind: "targets", values: g, formulas: g }, [])).not.toThrow();
    const base = tall("shnor-monitor:v1:base", [[3, 5, PERIOD]]);
    const report = readReport([{ name: "Базовые", kind: "base", values: base, formulas: base }]);
    // The table's rules are cleared over the table; the area below it (the status block's place) down to the last row.
    const [h] = buildHighlights({ report, lang: "ru", targets: [], trendTooSlow: new Set(), timeline: () => [] });
    expect(h.clear).toMatch(/^E5:/);
    expect(h.status.clear).toMatch(new RegExp(`:[A-Z]+${ROWS}$`));
  });
});
