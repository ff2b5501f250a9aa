/**
 * The project's sample documents are real Word files: LibreOffice opens each .docx and prints it to
 * PDF, and the PDF holds the documents' words; the CLI writes them with their pasted grids.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateSync } from "zlib";
import { SAMPLES } from "../../src/samples";
import { parseSamplesArgs, writeSamples } from "../../src/cli/samples";
import { itWithWriter, profileArg, soffice } from "../helpers/soffice";

/** Page count of a PDF, and whether its content streams were there to inflate. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The text-showing operators' bytes of a PDF's Flate streams (enough to find a ToUnicode-less word is not; we count glyph runs). */
function pdfStreams(pdf: Buffer): string {
  const s = pdf.toString("latin1");
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endstream", start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a Flate stream (an image or a font program): skipped.
    }
  }
  return out.join("\n");
}

describe("sample documents", () => {
  it("the CLI writes each .docx with its grid", () => {
    expect(parseSamplesArgs([])).toEqual({ error: expect.stringContaining("--out") });
    expect(parseSamplesArgs(["--out", "x", "--bad"])).toEqual({ error: expect.stringContaining("--bad") });
    const dir = mkdtempSync(join(tmpdir(), "shnor-samples-"));
    try {
      const written = writeSamples(join(dir, "out"));
      expect(written.map((p) => p.slice(dir.length + 5)).sort()).toEqual(SAMPLES.flatMap((s) => [s.file, s.file.replace(".docx", ".grid.json")]).sort());
      for (const s of SAMPLES) {
        expect(readFileSync(join(dir, "out", s.file)).equals(Buffer.from(s.docx()))).toBe(true);
        expect(JSON.parse(readFileSync(join(dir, "out", s.file.replace(".docx", ".grid.json")), "utf8"))).toEqual(s.grid());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are made the same way each time (reproducible bytes)", () => {
    for (const s of SAMPLES) expect(Buffer.from(s.docx()).equals(Buffer.from(s.docx()))).toBe(true);
  });

  itWithWriter("LibreOffice opens each .docx and prints it to PDF with its tables' text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shnor-lo-docx-"));
    try {
      mkdirSync(join(dir, "profile"), { recursive: true });
      const files = writeSamples(join(dir, "in")).filter((p) => p.endsWith(".docx"));
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "pdf", "--outdir", join(dir, "out"), ...files], { stdio: "pipe", timeout: 180_000 });
      const pdfs = readdirSync(join(dir, "out")).sort();
      expect(pdfs).toEqual(SAMPLES.map((s) => s.file.replace(".docx", ".pdf")).sort());
      for (const name of pdfs) {
        const pdf = readFileSync(join(dir, "out", name));
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
        // Text was laid out: the page streams show glyph runs (Tj/TJ operators) in quantity.
        expect((pdfStreams(pdf).match(/\bT[Jj]\b/g) ?? []).length).toBeGreaterThan(100);
      }
      // Round trip: LibreOffice saves the road map back as .docx and our reader finds the same table.
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "docx:MS Word 2007 XML", "--outdir", join(dir, "back"), files.find((f) => f.includes("karta"))!], { stdio: "pipe", timeout: 180_000 });
      const { readDocx } = await import("../../src/xlsx/light");
      const back = readDocx(readFileSync(join(dir, "back", SAMPLES[1].file)));
      if (!back.ok) throw new Error(back.finding.en);
      const mine = readDocx(SAMPLES[1].docx());
      if (!mine.ok) throw new Error(mine.finding.en);
      expect(back.doc.tables.map((t) => t.heading)).toEqual(mine.doc.tables.map((t) => t.heading));
      expect(back.doc.tables[1].rows).toEqual(mine.doc.tables[1].rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
