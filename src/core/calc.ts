/**
 * Period-to-period calculations: share, change, growth, judged dynamics, target status and gap,
 * trend. Pure and total: every function returns a Calc and never throws. `null` means missing data
 * (an empty cell or «–» not applicable) and gives a blank result, never 0.
 */
import { getIndicator } from "./catalog";
import type { Calc, CalcError, Judgement, Polarity, Text } from "./types";

export type Num = number | null;

/** Tolerance for comparisons of computed differences (0.27 − 0.21 is not exactly 0.06). */
export const EPS = 1e-9;

export const ok = <T>(value: T): Calc<T> => ({ ok: true, value });
export const fail = (code: CalcError["code"], message: Text): Calc<never> => ({ ok: false, error: { code, message } });

/** A number for a Russian message: typographic minus, decimal comma. */
export const fmtRu = (n: number): string => String(n).replace("-", "−").replace(".", ",");
const fmt = fmtRu;

function badNumber(x: unknown): Calc<never> | null {
  if (typeof x === "number") return Number.isFinite(x) ? null : fail("value", { ru: `Недопустимое число: ${fmt(x)}`, en: `Not a valid number: ${x}` });
  if (x === null || x === undefined) return null;
  return fail("value", { ru: "Ожидалось число", en: "A number was expected" });
}

/** A value error for a non-finite number or a non-number, or null when all are numbers or missing. */
export function nonFinite(...xs: unknown[]): Calc<never> | null {
  for (const x of xs) {
    const bad = badNumber(x);
    if (bad) return bad;
  }
  return null;
}

/** nonFinite for two arguments without allocating (the custom functions' hot path). */
function nonFinite2(a: unknown, b: unknown): Calc<never> | null {
  return badNumber(a) ?? badNumber(b);
}

const isMissing = (x: unknown): boolean => x === null || x === undefined;

/** part / whole, a fraction 0…1. */
export function share(part: Num, whole: Num): Calc<number | null> {
  const bad = nonFinite2(part, whole);
  if (bad) return bad;
  if (isMissing(part) || isMissing(whole)) return ok(null);
  const p = part as number;
  const w = whole as number;
  if (p < 0) return fail("value", { ru: `Отрицательное количество: ${fmt(p)}`, en: `Negative count: ${p}` });
  if (w < 0) return fail("value", { ru: `Отрицательное целое: ${fmt(w)}`, en: `Negative whole: ${w}` });
  if (w === 0) return fail("div0", { ru: "Целое равно нулю", en: "The whole is zero" });
  if (p > w) return fail("value", { ru: `Часть (${fmt(p)}) больше целого (${fmt(w)})`, en: `The part (${p}) exceeds the whole (${w})` });
  return ok(p / w);
}

/** A count must be a whole number ≥ 0; null (missing) passes. */
export function badCount(c: unknown): Calc<never> | null {
  if (typeof c !== "number") return badNumber(c);
  if (!Number.isFinite(c)) return badNumber(c);
  if (c < 0) return fail("value", { ru: `Отрицательное количество: ${fmt(c)}`, en: `Negative count: ${c}` });
  if (!Number.isInteger(c)) return fail("value", { ru: `Количество должно быть целым: ${fmt(c)}`, en: `A count must be whole: ${c}` });
  return null;
}

/** share() of two counts (EDU.SHARE): a fractional count is a value error too (before a zero whole). */
export function countShare(part: Num, whole: Num): Calc<number | null> {
  const bad = nonFinite2(part, whole);
  if (bad) return bad;
  for (const c of [part, whole]) {
    if (typeof c === "number" && c >= 0 && !Number.isInteger(c)) return badCount(c) as Calc<never>;
  }
  return share(part, whole);
}

/** current − previous (for shares a fraction: ×100 gives percentage points). */
export function delta(previous: Num, current: Num): Calc<number | null> {
  const bad = nonFinite2(previous, current);
  if (bad) return bad;
  if (isMissing(previous) || isMissing(current)) return ok(null);
  return ok((current as number) - (previous as number));
}

/** (current − previous) / |previous|. */
export function growth(previous: Num, current: Num): Calc<number | null> {
  const bad = nonFinite2(previous, current);
  if (bad) return bad;
  if (isMissing(previous) || isMissing(current)) return ok(null);
  if (previous === 0) return fail("div0", { ru: "Предыдущее значение равно нулю: темп прироста не определён", en: "The previous value is zero: growth is undefined" });
  return ok(((current as number) - (previous as number)) / Math.abs(previous as number));
}

const TOLERANCE: Text = { ru: "Допустимое отклонение", en: "The tolerance" };
const MARGIN: Text = { ru: "Допустимое отклонение", en: "The allowed deviation" };

function checkTolerance(name: Text, x: number | undefined): Calc<never> | null {
  if (x === undefined) return null;
  if (!Number.isFinite(x) || x < 0) {
    return fail("value", { ru: `${name.ru} должно быть неотрицательным числом`, en: `${name.en} must be a non-negative number` });
  }
  return null;
}

/** 1 improved, 0 unchanged (|change| ≤ tolerance) or neutral, −1 worsened. */
export function dynamics(previous: Num, current: Num, polarity: Polarity = 1, tolerance = 0): Calc<Judgement | null> {
  const bad = nonFinite2(previous, current) ?? checkTolerance(TOLERANCE, tolerance);
  if (bad) return bad;
  if (isMissing(previous) || isMissing(current)) return ok(null);
  const change = (current as number) - (previous as number);
  if (polarity === 0 || Math.abs(change) <= tolerance + EPS) return ok(0);
  return ok((Math.sign(change) * polarity) as Judgement);
}

/** (value − target) × polarity sign: ≥ 0 means met. Neutral: plain value − target. */
export function targetGap(value: Num, target: Num, polarity: Polarity = 1): Calc<number | null> {
  const bad = nonFinite2(value, target);
  if (bad) return bad;
  if (isMissing(value) || isMissing(target)) return ok(null);
  const gap = (value as number) - (target as number);
  return ok(polarity === -1 ? -gap : gap);
}

/** 1 met, 0 at risk (short of the target by no more than margin), −1 missed; neutral → 0. */
export function targetStatus(value: Num, target: Num, polarity: Polarity = 1, margin = 0): Calc<Judgement | null> {
  const bad = nonFinite2(value, target) ?? checkTolerance(MARGIN, margin);
  if (bad) return bad;
  if (isMissing(value) || isMissing(target)) return ok(null);
  if (polarity === 0) return ok(0);
  const d = (value as number) - (target as number);
  const g = polarity === -1 ? -d : d;
  if (g >= -EPS) return ok(1);
  if (-g <= margin + EPS) return ok(0);
  return ok(-1);
}

const NOT_ENOUGH: Text = { ru: "Недостаточно данных", en: "Not enough data" };

/**
 * Least-squares slope per step over the filled values; the index is time, so a null keeps its
 * step. With polarity −1 the sign is flipped so that > 0 always means "getting better".
 */
export function trend(values: Num[], polarity: Polarity = 1): Calc<number> {
  if (!Array.isArray(values)) return fail("value", { ru: "Ожидался диапазон значений", en: "A range of values was expected" });
  // A loop, not nonFinite(...values): a whole column is 1,048,576 values, too many to spread.
  for (let i = 0; i < values.length; i++) {
    const bad = badNumber(values[i]);
    if (bad) return bad;
  }
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    n++;
    sx += i;
    sy += v;
  }
  if (n < 2) return fail("na", NOT_ENOUGH);
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    num += (i - mx) * (v - my);
    den += (i - mx) * (i - mx);
  }
  const slope = num / den;
  const scale = Math.max(1, Math.abs(my));
  const cleaned = Math.abs(slope) < EPS * scale ? 0 : slope;
  if (!Number.isFinite(cleaned)) return fail("value", { ru: "Значения слишком велики для расчёта тренда", en: "Values too large to compute a trend" });
  return ok(polarity === -1 ? (cleaned === 0 ? 0 : -cleaned) : cleaned);
}

/**
 * What a polarity argument means: missing → 1; 1, 0, −1 (also as text); a catalog indicator id →
 * its polarity; an unknown id → na; anything else → value.
 */
export function resolvePolarity(p: unknown): Calc<Polarity> {
  if (p === null || p === undefined || p === "") return ok(1);
  const asNumber =
    typeof p === "number" ? p : typeof p === "string" && /^\s*[+\-−]?\d+([.,]\d+)?\s*$/.test(p) ? Number(p.trim().replace("−", "-").replace(",", ".")) : NaN;
  if (asNumber === 1 || asNumber === 0 || asNumber === -1) return ok(asNumber === 0 ? 0 : (asNumber as Polarity));
  if (typeof p === "string" && Number.isNaN(asNumber)) {
    const id = p.trim();
    const ind = getIndicator(id);
    if (ind) return ok(ind.polarity);
    return fail("na", { ru: `Неизвестный показатель: «${id}»`, en: `Unknown indicator: "${id}"` });
  }
  return fail("value", {
    ru: "Полярность: 1 (больше — лучше), −1 (меньше — лучше), 0 (нейтральный) или код показателя",
    en: "Polarity: 1 (higher is better), −1 (lower is better), 0 (neutral) or an indicator id",
  });
}
