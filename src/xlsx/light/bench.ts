/** Timing of the file reader (for `npm run bench` and tests; not bundled by the pane). */
import { readSchoolFile } from "./workbook";

export interface ReadTiming {
  files: number;
  /** Files read into a school (ok: true). */
  ok: number;
  totalMs: number;
  perFileMs: number;
  /** The slowest file and its time (ms). */
  slowest: { label: string; ms: number } | null;
  /** Process memory before the first file, and its peaks sampled after each file (bytes; 0 where process.memoryUsage is absent). */
  startRss: number;
  startHeapUsed: number;
  peakRss: number;
  peakHeapUsed: number;
}

/** Read every file once with readSchoolFile and time it (wall clock, ms). */
export function timeSchoolFiles(files: readonly { label: string; bytes: Uint8Array }[]): ReadTiming {
  const now = () => globalThis.performance?.now() ?? Date.now();
  const memory = () => (typeof process !== "undefined" && process.memoryUsage ? process.memoryUsage() : { rss: 0, heapUsed: 0 });
  let ok = 0;
  let totalMs = 0;
  let slowest: ReadTiming["slowest"] = null;
  const start = memory();
  let peakRss = start.rss;
  let peakHeapUsed = start.heapUsed;
  for (const f of files) {
    const start = now();
    if (readSchoolFile(f.label, f.bytes).ok) ok++;
    const ms = now() - start;
    totalMs += ms;
    if (!slowest || ms > slowest.ms) slowest = { label: f.label, ms };
    const m = memory();
    peakRss = Math.max(peakRss, m.rss);
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  }
  return { files: files.length, ok, totalMs, perFileMs: files.length ? totalMs / files.length : 0, slowest, startRss: start.rss, startHeapUsed: start.heapUsed, peakRss, peakHeapUsed };
}
