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
  r("hostile.peakRssMB", t.peakRss / 1024 / 1024, "MB");
  r("hostile.peakHeapUsedMB", t.peakHeapUsed / 1024 / 1024, "MB");
}
