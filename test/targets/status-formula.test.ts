/**
 * The native status formula agrees with the core judgement (evaluateTarget, what «Риски» says)
 * over a grid of values, directions as people type them, margins, milestones and deadlines,
 * evaluated by HyperFormula (as the simulated host does, empty cells as in Excel).
 */
import { HyperFormula } from "hyperformula";
import { marginCellFormula, signCellFormula, targetCellFormula, targetStatusFormula } from "../../src/core/layout/targetStatus";
import { evaluateTarget, parseDirection, type SeriesPoint } from "../../src/core/targets";
import type { Direction, Period, Target } from "../../src/core/types";

const P0: Period = { startYear: 2023, kind: "Q1" };
const P: Period = { startYear: 2023, kind: "H1" };
const D: Period = { startYear: 2023, kind: "Y" };
const TIMELINE = [P0, P, D];

interface Case {
  value: number | null;
  target: number;
  direction: string;
  fallback: Direction;
  margin: number | null;
  milestone: number | null;
  phase: "deadline" | "before";
  /** Before the deadline: a value one step earlier (a trend), or none. */
  earlier: number | null;
}

function cases(): Case[] {
  const out: Case[] = [];
  const directions: [string, Direction][] = [["не менее", "atMost"], ["не более", "atLeast"], ["≤", "atLeast"], ["At  Most", "atLeast"], ["Не ниже", "atMost"], ["", "atMost"], ["как-нибудь", "atLeast"]];
  for (const value of [null, 0.2, 0.3, 0.36, 0.37, 0.38, 0.39, 0.4, 0.5])
    for (const [direction, fallback] of directions)
      for (const margin of [null, 0, 0.02])
        for (const milestone of [null, 0.3, 0.37, 0.45])
          for (const phase of ["deadline", "before"] as const)
            for (const earlier of phase === "before" ? [null, 0.1, 0.7] : [null]) out.push({ value, target: 0.38, direction, fallback, margin, milestone, phase, earlier });
  return out;
}

/** What «Риски» says for the value (1, 0, −1, or "" for nothing shown), and the trend flag the refresh passes on. */
function expected(c: Case): { status: number | ""; trendTooSlow: boolean; onCourse: boolean } {
  const direction = parseDirection(c.direction) ?? c.fallback;
  const at = c.phase === "deadline" ? D : P;
  const target: Target = { indicatorId: "quality_4_5", value: c.target, direction, deadline: D, margin: c.margin ?? 0, milestones: c.milestone !== null && c.phase === "before" ? [{ period: P, value: c.milestone }] : [] };
  const series: SeriesPoint[] = [];
  if (c.earlier !== null) series.push({ period: P0, value: c.earlier });
  if (c.value !== null) series.push({ period: at, value: c.value });
  const e = evaluateTarget(target, series, TIMELINE);
  if (c.value === null || e.status === null || periodOf(e) !== at) return { status: "", trendTooSlow: false, onCourse: false };
  const trendTooSlow = e.reason === "trendTooSlow";
  const onCourse = e.reason === "met" && (e.gap ?? 0) < -1e-9;
  // On course without a milestone: «Риски» says nothing, and the sheet colours nothing until the target is reached.
  if (c.phase === "before" && c.milestone === null && e.reason === "met" && (e.gap ?? 0) < -1e-9) return { status: "", trendTooSlow, onCourse };
  return { status: e.status, trendTooSlow, onCourse };
}

const periodOf = (e: ReturnType<typeof evaluateTarget>): Period | undefined => e.latest?.period;

it("judges every case like evaluateTarget (met / at risk / missed / nothing)", () => {
  const all = cases();
  const rows = all.map((c, i) => {
    const r = i + 1;
    const e = expected(c);
    const formula = targetStatusFormula(
      { value: `A${r}`, target: `F${r}`, sign: `G${r}`, margin: `H${r}`, milestone: c.phase === "before" ? `E${r}` : undefined },
      { phase: c.phase, trendTooSlow: e.trendTooSlow, onCourse: e.onCourse },
    );
    return [c.value, c.target, c.direction, c.margin, c.milestone, targetCellFormula(`B${r}`), signCellFormula(`C${r}`, c.fallback), marginCellFormula(`D${r}`), formula];
  });
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3", evaluateNullToZero: true } as never);
  const got = hf.getSheetValues(0).map((r) => r[8]);
  const wrong = all.flatMap((c, i) => (got[i] === expected(c).status ? [] : [{ ...c, got: got[i], want: expected(c).status }]));
  expect(wrong).toEqual([]);
  // The grid covers every outcome.
  expect(new Set(got)).toEqual(new Set([1, 0, -1, ""]));
  hf.destroy();
});
