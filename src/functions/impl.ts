/**
 * The EDU.* functions as plain JavaScript: parse the Excel arguments, call src/core, return a number,
 * "" (blank: missing data) or an ArgError. functions.ts (Excel) and the HyperFormula plugin (tests,
 * demo) both call these, each turning an ArgError into its own error type.
 */
import { countShare, delta, dynamics, growth, targetGap, targetStatus, trend, type Num } from "../core/calc";
import { gradeAvg, quality, sou, success } from "../core/grades";
import { needed } from "../core/judge";
import { changeSignificance, wilson } from "../core/stats";
import type { Calc } from "../core/types";
import { ArgError, NAMES, checkShare, nonNegative, num, polarity, series } from "./args";

export type Out = number | string | ArgError;

const TOO_LARGE = new ArgError({ code: "value", message: { ru: "Результат вне допустимых чисел Excel", en: "The result is beyond Excel's numbers" } });

function out(c: Calc<number | null>): Out {
  if (!c.ok) return new ArgError(c.error);
  if (c.value === null) return "";
  return Number.isFinite(c.value) ? c.value : TOO_LARGE;
}

const isErr = (x: unknown): x is ArgError => x instanceof ArgError;

export function SHARE(part: unknown, whole: unknown): Out {
  const p = num(part, NAMES.part);
  if (isErr(p)) return p;
  const w = num(whole, NAMES.whole);
  if (isErr(w)) return w;
  return out(countShare(p, w));
}

/** previous and current of a pair, checked as shares when the polarity names a share indicator. */
function pair(a: unknown, b: unknown, pol: unknown, names: [typeof NAMES.previous, typeof NAMES.previous]) {
  const p = polarity(pol);
  if (isErr(p)) return p;
  const x = num(a, names[0]);
  if (isErr(x)) return x;
  const y = num(b, names[1]);
  if (isErr(y)) return y;
  return checkShare(x, p) ?? checkShare(y, p) ?? { x, y, p };
}

export function DELTA(previous: unknown, current: unknown): Out {
  const x = num(previous, NAMES.previous);
  if (isErr(x)) return x;
  const y = num(current, NAMES.current);
  if (isErr(y)) return y;
  return out(delta(x, y));
}

export function GROWTH(previous: unknown, current: unknown): Out {
  const x = num(previous, NAMES.previous);
  if (isErr(x)) return x;
  const y = num(current, NAMES.current);
  if (isErr(y)) return y;
  return out(growth(x, y));
}

export function DYNAMICS(previous: unknown, current: unknown, pol?: unknown, tolerance?: unknown): Out {
  const a = pair(previous, current, pol, [NAMES.previous, NAMES.current]);
  if (isErr(a)) return a;
  const t = nonNegative(tolerance, NAMES.tolerance);
  if (isErr(t)) return t;
  return out(dynamics(a.x, a.y, a.p.polarity, t));
}

export function TARGETSTATUS(value: unknown, target: unknown, pol?: unknown, margin?: unknown): Out {
  const a = pair(value, target, pol, [NAMES.value, NAMES.target]);
  if (isErr(a)) return a;
  const m = nonNegative(margin, NAMES.margin);
  if (isErr(m)) return m;
  return out(targetStatus(a.x, a.y, a.p.polarity, m));
}

export function TARGETGAP(value: unknown, target: unknown, pol?: unknown): Out {
  const a = pair(value, target, pol, [NAMES.value, NAMES.target]);
  if (isErr(a)) return a;
  return out(targetGap(a.x, a.y, a.p.polarity));
}

export function TREND(values: unknown, pol?: unknown): Out {
  const p = polarity(pol);
  if (isErr(p)) return p;
  const s = series(values);
  if (isErr(s)) return s;
  const nums: Num[] = [];
  for (const v of s) {
    if (isErr(v)) return v;
    const bad = checkShare(v, p);
    if (bad) return bad;
    nums.push(v);
  }
  return out(trend(nums, p.polarity));
}

type Grades = [Num, Num, Num, Num];

function grades(n5: unknown, n4: unknown, n3: unknown, n2: unknown): Grades | ArgError {
  const g: Num[] = [];
  const names = [NAMES.n5, NAMES.n4, NAMES.n3, NAMES.n2];
  const args = [n5, n4, n3, n2];
  for (let i = 0; i < 4; i++) {
    const v = num(args[i], names[i]);
    if (isErr(v)) return v;
    g.push(v);
  }
  return g as Grades;
}

/** An optional count that stays undefined when omitted (so the core default applies). */
function optional(x: unknown, name: { ru: string; en: string }): Num | undefined | ArgError {
  return x === undefined || x === null || x === "" ? undefined : num(x, name);
}

export function QUALITY(n5: unknown, n4: unknown, n3: unknown, n2: unknown, N?: unknown, nNa?: unknown): Out {
  const g = grades(n5, n4, n3, n2);
  if (isErr(g)) return g;
  const d = optional(N, NAMES.N);
  if (isErr(d)) return d;
  const e = optional(nNa, NAMES.nNa);
  if (isErr(e)) return e;
  return out(quality(...g, d, e));
}

export function SUCCESS(n5: unknown, n4: unknown, n3: unknown, n2: unknown, N?: unknown, nNa?: unknown): Out {
  const g = grades(n5, n4, n3, n2);
  if (isErr(g)) return g;
  const d = optional(N, NAMES.N);
  if (isErr(d)) return d;
  const e = optional(nNa, NAMES.nNa);
  if (isErr(e)) return e;
  return out(success(...g, d, e));
}

export function GRADEAVG(n5: unknown, n4: unknown, n3: unknown, n2: unknown, nNa?: unknown): Out {
  const g = grades(n5, n4, n3, n2);
  if (isErr(g)) return g;
  const e = optional(nNa, NAMES.nNa);
  if (isErr(e)) return e;
  return out(gradeAvg(...g, e));
}

export function SOU(n5: unknown, n4: unknown, n3: unknown, n2: unknown, nNa?: unknown, N?: unknown): Out {
  const g = grades(n5, n4, n3, n2);
  if (isErr(g)) return g;
  const e = optional(nNa, NAMES.nNa);
  if (isErr(e)) return e;
  const d = optional(N, NAMES.N);
  if (isErr(d)) return d;
  return out(sou(...g, e, d));
}

/** A required count argument: missing data gives a blank result (null). */
function counts(args: unknown[], names: (typeof NAMES.count)[]): number[] | null | ArgError {
  const outv: number[] = [];
  let missing = false;
  for (let i = 0; i < args.length; i++) {
    const v = num(args[i], names[i]);
    if (isErr(v)) return v;
    if (v === null) missing = true;
    else outv.push(v);
  }
  return missing ? null : outv;
}

export function WILSON(count: unknown, total: unknown, bound?: unknown): Out {
  const c = counts([count, total], [NAMES.count, NAMES.total]);
  if (c === null || isErr(c)) return c === null ? "" : c;
  const b = num(bound, NAMES.bound);
  if (isErr(b)) return b;
  if (b !== null && b !== 1 && b !== -1) return new ArgError({ code: "value", message: { ru: "Граница: −1 — нижняя, 1 — верхняя", en: "Bound: −1 lower, 1 upper" } });
  const w = wilson(c[0], c[1]);
  if (!w.ok) return new ArgError(w.error);
  return b === 1 ? w.value.upper : w.value.lower;
}

export function SIGNIFICANT(count1: unknown, total1: unknown, count2: unknown, total2: unknown): Out {
  const c = counts([count1, total1, count2, total2], [NAMES.count1, NAMES.total1, NAMES.count2, NAMES.total2]);
  if (c === null || isErr(c)) return c === null ? "" : c;
  const s = changeSignificance(c[0], c[1], c[2], c[3]);
  return s.ok ? s.value.verdict : new ArgError(s.error);
}

export function NEEDED(current: unknown, target: unknown, periodsLeft: unknown, total?: unknown, pol?: unknown): Out {
  const p = polarity(pol);
  if (isErr(p)) return p;
  const x = num(current, NAMES.current);
  if (isErr(x)) return x;
  const t = num(target, NAMES.target);
  if (isErr(t)) return t;
  const n = num(periodsLeft, NAMES.periodsLeft);
  if (isErr(n)) return n;
  const d = optional(total, NAMES.total);
  if (isErr(d)) return d;
  const bad = checkShare(x, p) ?? checkShare(t, p);
  if (bad) return bad;
  if (x === null || t === null || n === null) return "";
  return out(needed(x, t, n, p.polarity, d ?? undefined));
}

/** Every function by its id: the public interface, in the order of the reference. */
export const IMPLEMENTATIONS = { SHARE, DELTA, GROWTH, DYNAMICS, TARGETSTATUS, TARGETGAP, TREND, QUALITY, SUCCESS, GRADEAVG, SOU, WILSON, SIGNIFICANT, NEEDED } as const;
export type FunctionId = keyof typeof IMPLEMENTATIONS;
export { ArgError };
