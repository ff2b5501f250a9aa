/**
 * `npm run samples -- --out DIR`
 * Writes the project's sample documents (src/samples): each as a Word file (.docx) and as the grid
 * a paste from Word gives (.json, rows of cell texts).
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { SAMPLES } from "../samples";

const USAGE = "Usage: npm run samples -- --out DIR";

export function parseSamplesArgs(argv: string[]): { out: string } | { error: string } | { help: true } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const i = argv.indexOf("--out");
  const out = i >= 0 ? argv[i + 1] : undefined;
  if (!out || out.startsWith("--")) return { error: `--out DIR is required. ${USAGE}` };
  const unknown = argv.filter((a, k) => a.startsWith("--") && a !== "--out" && k !== i + 1);
  if (unknown.length) return { error: `Unknown option ${unknown[0]}. ${USAGE}` };
  return { out };
}

/** Write the samples into `dir`; returns the paths written. */
export function writeSamples(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const s of SAMPLES) {
    const docx = join(dir, s.file);
    writeFileSync(docx, s.docx());
    const grid = join(dir, s.file.replace(/\.docx$/, ".grid.json"));
    writeFileSync(grid, `${JSON.stringify(s.grid(), null, 1)}\n`);
    written.push(docx, grid);
  }
  return written;
}

if (require.main === module) {
  const args = parseSamplesArgs(process.argv.slice(2));
  if ("help" in args) console.log(`${USAGE}\n\nWrites the sample self-examination table and road map as .docx and as pasted grids (.grid.json).`);
  else if ("error" in args) {
    console.error(args.error);
    process.exitCode = 2;
  } else for (const p of writeSamples(args.out)) console.log(p);
}
