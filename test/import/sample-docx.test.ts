/**
 * The project's own self-examination sample (src/samples) as a Word file, read by the .docx reader
 * and planned by the import: the table is found by its heading, its items recognised, and each
 * mistake the sample was made with (SELF_EXAM_MISTAKES) shows up as a finding on the way in.
 */
import { planImportFromDoc, type ImportOptions } from "../../src/core/import";
import { SAMPLES } from "../../src/samples";
import { SELF_EXAM_HEADING, SELF_EXAM_MISTAKES, SELF_EXAM_ROWS } from "../../src/samples/selfExam";
import { readDocx } from "../../src/xlsx/light/docx";

const O: ImportOptions = { period: { startYear: 2023, kind: "Y" }, lang: "ru", levels: ["primary", "basic", "secondary"] };

describe("the self-examination sample .docx → «Загрузить таблицу показателей»", () => {
  const sample = SAMPLES.find((s) => s.file.startsWith("samoobsledovanie"))!;
  const read = readDocx(sample.docx());
  if (!read.ok) throw new Error(read.finding.en);
  const index = read.doc.tables.findIndex((t) => t.heading === SELF_EXAM_HEADING);
  const plan = planImportFromDoc(read.doc.tables, index, O);
  const numbered = SELF_EXAM_ROWS.filter(([no, , , value]) => /^\d+\.\d/.test(no) && value !== "").length;

  it("finds the indicator table by its heading and recognises its items", () => {
    expect(index).toBeGreaterThanOrEqual(0);
    // Every numbered row with a value is recognised, or listed as not recognised — none lost.
    expect(plan.rows.length + plan.unrecognised.length).toBeGreaterThanOrEqual(numbered * 0.9);
    expect(plan.rows.length).toBeGreaterThan(numbered * 0.8);
    expect(plan.rows.find((r) => r.indicatorId === "quality_4_5")?.values[0]?.write).toBe(246);
  });

  it("reports each mistake the sample was made with", () => {
    for (const m of SELF_EXAM_MISTAKES) {
      const row = plan.rows.find((r) => r.number.replace(/\.$/, "") === m.number);
      expect({ number: m.number, recognised: Boolean(row) }).toEqual({ number: m.number, recognised: true });
      const ids = new Set([row!.indicatorId]);
      const hit = plan.findings.some((f) => (f.indicatorId && ids.has(f.indicatorId)) || f.indicators?.some((i) => ids.has(i)));
      expect({ number: m.number, kind: m.kind, found: hit }).toEqual({ number: m.number, kind: m.kind, found: true });
    }
  });
});
