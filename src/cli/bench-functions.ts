/** Evaluations per second of the registered custom functions (dist/functions.js in a functions-only runtime). */
import { performance } from "node:perf_hooks";
import { loadFunctionsBundle } from "./functions-runtime";

function measure(fn: (i: number) => unknown, minMs = 300): number {
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < 10_000; i++) {
      const r = fn(i);
      if (typeof r === "number") sink += r;
    }
    n += 10_000;
    t = performance.now();
  }
  if (sink === Number.MIN_VALUE) console.log(sink); // keep the results alive
  return n / ((t - t0) / 1000);
}

export function benchFunctions(): { name: string; perSecond: number }[] {
  const fns = loadFunctionsBundle();
  const f = (id: string) => fns.get(id) as (...a: unknown[]) => unknown;
  const DELTA = f("DELTA");
  const DYNAMICS = f("DYNAMICS");
  const TARGETSTATUS = f("TARGETSTATUS");
  const TREND = f("TREND");
  const row = [[0.21, 0.22, "", 0.24, 0.25, 0.25, 0.27, "", 0.29, 0.3, 0.31, 0.33]];
  measure((i) => DELTA(i, i + 1), 100); // warm-up
  return [
    { name: "DELTA", perSecond: measure((i) => DELTA(0.21 + i * 1e-9, 0.24)) },
    { name: "DYNAMICS", perSecond: measure((i) => DYNAMICS(0.1 + i * 1e-9, 0.05, -1, 0.001)) },
    { name: "DYNAMICS(id)", perSecond: measure((i) => DYNAMICS(0.1 + i * 1e-9, 0.05, "gia9_rus_fail")) },
    { name: "TARGETSTATUS", perSecond: measure((i) => TARGETSTATUS(0.27 + i * 1e-9, 0.38, 1, 0.02)) },
    { name: "TREND(12)", perSecond: measure(() => TREND(row)) },
  ];
}

if (require.main === module) {
  for (const r of benchFunctions()) console.log(`${r.name}: ${Math.round(r.perSecond).toLocaleString("en")} evaluations/s`);
}
