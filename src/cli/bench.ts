/**
 * `npm run bench`: one line per figure, then a final JSON line with every figure. Run
 * `npm run build` first: the functions figures load dist/functions.js and the task pane figures
 * measure dist/ (sizes; first render in headless Chromium, Chrome or Edge (src/cli/tools.ts finds it)).
 *
 * Figures come from the producers below, in order; a producer that cannot run (no build, no
 * Chromium) prints why and the others still run. Deterministic figures (syncs, request bytes,
 * sizes) are also CI budgets: test/budgets.
 */
import { performance } from "node:perf_hooks";
import { buildReportPlan } from "../core/layout";
import { writePlanToXlsx } from "../xlsx/write";
import { ALL_SECTIONS, benchCommands, schoolYears } from "./bench-commands";
import { benchConsolidation } from "./bench-consolidate";
import { benchHostile } from "./bench-hostile";
import { benchPane } from "./bench-pane";

export type Report = (name: string, value: number, unit: string) => void;

const figures: Record<string, number> = {};
const skipped: Record<string, string> = {};

const report: Report = (name, value, unit) => {
  figures[name] = value;
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`);
};

async function benchTemplate(r: Report): Promise<void> {
  const plan = buildReportPlan({ school: "Школа", schoolYear: 2024, periods: schoolYears(2024, 1), sections: ALL_SECTIONS, lang: "ru" });
  const t0 = performance.now();
  const buf = await writePlanToXlsx(plan);
  r("template.ms", performance.now() - t0, "ms");
  r("template.bytes", buf.byteLength, "bytes");
}

async function benchFunctions(r: Report): Promise<void> {
  // Loaded lazily: it needs dist/functions.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("./bench-functions") as typeof import("./bench-functions");
  for (const f of mod.benchFunctions()) r(`functions.${f.name}.perSecond`, Math.round(f.perSecond), "evaluations/s");
}

/** The figure producers, in the order they print. */
const PRODUCERS: [string, (r: Report) => Promise<void>][] = [
  ["commands", (r) => benchCommands(r)],
  ["template", benchTemplate],
  ["functions", benchFunctions],
  ["consolidation", (r) => benchConsolidation(r)],
  ["hostile", benchHostile],
  ["pane", benchPane],
];

const HELP = `Usage: npm run bench [-- --only NAME[,NAME…] | -- NAME …]

Prints one line per figure (syncs, request bytes, sizes, times), then one JSON line with all of
them. Run \`npm run build\` first (functions and pane figures measure dist/).
Producers, in order: ${PRODUCERS.map(([n]) => n).join(", ")}.
Options:
  --only LIST  run only these producers
  --help       this text`;

/** Producers to run, or a usage error / help request. */
export function parseBenchArgs(argv: string[]): { only: string[] | null } | { help: true } | { error: string } {
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return { help: true };
    // `npm run bench -- hostile consolidation` names producers as well as `--only hostile,consolidation`.
    const named: string | undefined = !a.startsWith("-") ? [...(only ?? []), a].join(",") : undefined;
    const value: string | undefined = a === "--only" ? argv[++i] : a.startsWith("--only=") ? a.slice(7) : named;
    if (value === undefined) return { error: `Unknown argument: ${a} (see --help)` };
    const names: string[] = value.split(",").map((s) => s.trim()).filter(Boolean);
    only = names;
    const unknown = names.filter((n) => !PRODUCERS.some(([p]) => p === n));
    if (unknown.length || !names.length) return { error: `--only: unknown producer «${unknown[0] ?? ""}»; known: ${PRODUCERS.map(([n]) => n).join(", ")}` };
  }
  return { only };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if ("help" in args) {
    console.log(HELP);
    return;
  }
  if ("error" in args) {
    console.error(args.error);
    process.exitCode = 2;
    return;
  }
  for (const [name, produce] of PRODUCERS) {
    if (args.only && !args.only.includes(name)) continue;
    try {
      await produce(report);
    } catch (e) {
      const why = String((e as Error)?.message ?? e).split("\n")[0];
      skipped[name] = why;
      console.log(`${name}: skipped (${why})`);
    }
  }
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, figures, skipped }));
  if (Object.keys(skipped).length) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
