/**
 * Hostile school files for `npm run bench`: every file of test/hostile/generate.ts read once by the
 * pane's reader; the slowest file (name, ms) and the peak memory over the suite.
 */
import { hostileFiles } from "../../test/hostile/generate";
import { timeSchoolFiles } from "../xlsx/light/bench";
import type { Report } from "./bench";

export async function benchHostile(r: Report): Promise<void> {
  const files = hostileFiles().map((f) => ({ label: f.name, bytes: f.bytes }));
  const t = timeSchoolFiles(files);
  r("hostile.files", t.files, "files");
  r("hostile.totalMs", t.totalMs, "ms");
  r("hostile.slowestMs", t.slowest?.ms ?? 0, `ms (${t.slowest?.label ?? "-"})`);
  // The generated files themselves are in memory before the first read (the "start" figures).
  const mb = (n: number) => n / 1024 / 1024;
  r("hostile.startRssMB", mb(t.startRss), "MB");
  r("hostile.peakRssMB", mb(t.peakRss), "MB");
  r("hostile.startHeapUsedMB", mb(t.startHeapUsed), "MB");
  r("hostile.peakHeapUsedMB", mb(t.peakHeapUsed), "MB");
}
