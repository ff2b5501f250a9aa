/**
 * Change between two chosen periods of «Свод», like with like only (judge.ts comparableEarlier:
 * the same period of the previous year first, else the previous one of the same kind in the year;
 * never a half-year against its year). For a share with counts in both periods, a change inside
 * random variation (Newcombe 95 %, stats.ts) is «в пределах случайных колебаний» with the pupils
 * it amounts to, never a number read as better or worse.
 */
import { comparableEarlier } from "../judge";
import { periodKey } from "../periods";
import { changeSignificance } from "../stats";
import type { Indicator, Period } from "../types";

/** Block indices (chronological chosen periods): `later` is compared with `earlier`. */
export interface ChangePair {
  earlier: number;
  later: number;
}

/** For each chosen period, the comparable earlier chosen period it is compared with, if any. */
export function changePairs(chosen: readonly Period[]): ChangePair[] {
  const out: ChangePair[] = [];
  chosen.forEach((p, k) => {
    const earlier = comparableEarlier(p, chosen.slice(0, k))[0];
    const j = earlier ? chosen.findIndex((c) => periodKey(c) === periodKey(earlier)) : -1;
    if (j >= 0) out.push({ earlier: j, later: k });
  });
  return out;
}

/** The blocks of «Свод» in order: each period, and after a period compared with an earlier one, its change. */
export function summaryKinds(chosen: readonly Period[]): ("period" | "change")[] {
  const later = new Set(changePairs(chosen).map((c) => c.later));
  return chosen.flatMap((_, k) => (later.has(k) ? (["period", "change"] as const) : (["period"] as const)));
}

interface Figure {
  value: number | null;
  count: number | null;
  denominator: number | null;
  invalid?: unknown;
}

export type ChangeCell =
  /** The change in the indicator's units (a share as a fraction: 0.05 = 5 п. п.). */
  | { kind: "delta"; value: number }
  /** Inside random variation; `pupils`: later count − earlier count. */
  | { kind: "chance"; pupils: number };

/** The change from `a` (earlier) to `b` (later); null when either is missing or impossible. */
export function changeOf(ind: Indicator, a: Figure, b: Figure): ChangeCell | null {
  if (a.invalid || b.invalid || a.value === null || b.value === null) return null;
  const delta = b.value - a.value;
  if (ind.unit.kind === "countShare" && Math.abs(delta) > 1e-12 && a.count !== null && a.denominator !== null && b.count !== null && b.denominator !== null) {
    const s = changeSignificance(a.count, a.denominator, b.count, b.denominator);
    if (s.ok && s.value.verdict === 0) return { kind: "chance", pupils: b.count - a.count };
  }
  return { kind: "delta", value: delta };
}
