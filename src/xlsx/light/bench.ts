/** Rough timing of the file reader (for the report and `npm run bench`-style checks; not bundled by the pane). */
import { readSchoolFile } from "./workbook";

export interface ReadTiming {
  files: number;
  /** Files read into a school (ok: true). */
  ok: number;
  totalMs: number;
  perFileMs: number;
}

/** Read every file once with readSchoolFile and time it (wall clock, ms). */
export function timeSchoolFiles(files: readonly { label: string; bytes: Uint8Array }[]): ReadTiming {
  const now = () => globalThis.performance?.now() ?? Date.now();
  const start = now();
  let ok = 0;
  for (const f of files) if (readSchoolFile(f.label, f.bytes).ok) ok++;
  const totalMs = now() - start;
  return { files: files.length, ok, totalMs, perFileMs: files.length ? totalMs / files.length : 0 };
}
