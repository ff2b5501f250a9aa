/**
 * Hostile and damaged Word files (built by ./docx.ts): each ends, within a generous timeout (a
 * regression to a hang fails here), with its named failure and a short printable message — or,
 * where the file is legitimate but odd, with what Word would show.
 */
import { readDocx, type DocxRead } from "../../src/xlsx/light";
import { hostileDocxFiles, type DocxOutcome, type HostileDocx } from "./docx";

/** Per file: far above the slowest measured (well under a second), far below a hang. */
const PER_FILE_MS = 10_000;

const files: HostileDocx[] = hostileDocxFiles();

function outcome(r: DocxRead): DocxOutcome {
  if (!r.ok) return { fail: r.code };
  return { tables: r.doc.tables.length, firstRow: r.doc.tables[0]?.rows[0] ?? null, paragraphs: r.doc.paragraphs };
}

describe("hostile Word files", () => {
  it("are a few dozen distinct kinds", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it.each(files.map((f) => [f.name, f] as const))(
    "%s: gives its named failure or what Word shows",
    (_name, f) => {
      const r = readDocx(f.bytes, f.limits);
      expect(outcome(r)).toEqual(f.expect);
      if (!r.ok) {
        for (const m of [r.finding.ru, r.finding.en]) {
          expect(m.length).toBeGreaterThan(20);
          expect(m.length).toBeLessThan(600);
          expect(m).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
        }
      }
    },
    PER_FILE_MS,
  );

  it("never throws, whatever is passed", () => {
    for (const bad of [undefined, null, "PK", 42, new Uint8Array([0x50, 0x4b, 0x05, 0x06])] as unknown[]) {
      const r = readDocx(bad as Uint8Array);
      expect(r.ok).toBe(false);
    }
  });
});
