/**
 * What Excel passes to a custom function, turned into core inputs. Scalars: a number, "" or null
 * (empty), text (a number typed as text, «–» not applicable, or junk), a boolean. Ranges: rows of
 * those. Kept allocation-free on the number path: this is the hot path of every recalculation.
 */
import { parseValue } from "../core/values";
import { getIndicator, isShareLike } from "../core/catalog";
import { resolvePolarity, type Num } from "../core/calc";
import type { Calc, CalcError, Polarity, Text } from "../core/types";

/** A failed argument, carried to the caller as the Excel error it maps to. */
export class ArgError {
  constructor(readonly error: CalcError) {}
}

const valueError = (message: Text) => new ArgError({ code: "value", message });

/** A scalar argument: a number, null for missing data (empty, «–»), or an ArgError. */
export function num(x: unknown, name: Text): Num | ArgError {
  if (typeof x === "number") return Number.isFinite(x) ? x : valueError({ ru: `${name.ru}: недопустимое число`, en: `${name.en}: not a valid number` });
  if (x === null || x === undefined || x === "") return null;
  if (typeof x === "boolean") return valueError({ ru: `${name.ru}: ожидалось число, а не логическое значение`, en: `${name.en}: a number was expected, not TRUE/FALSE` });
  const v = parseValue(x);
  switch (v.kind) {
    case "number":
      return v.value;
    case "na":
    case "empty":
      return null;
    case "error":
      return valueError({ ru: `${name.ru}: ${v.message.ru}`, en: `${name.en}: ${v.message.en}` });
  }
}

/** An optional non-negative tolerance or margin; missing → 0. */
export function nonNegative(x: unknown, name: Text): number | ArgError {
  const v = num(x, name);
  if (v instanceof ArgError) return v;
  if (v === null) return 0;
  if (v < 0) return valueError({ ru: `${name.ru} не может быть отрицательным`, en: `${name.en} cannot be negative` });
  return v;
}

export interface PolarityArg {
  polarity: Polarity;
  /** Set when the polarity came from a share-like catalog indicator: its values must lie in 0…1. */
  shareOf?: string;
  /** Set when the polarity came from an average-score indicator: its values must lie on its scale. */
  scale?: { min: number; max: number };
}

const POLARITY_BY_NUMBER = new Map<unknown, PolarityArg>([[1, { polarity: 1 }], [0, { polarity: 0 }], [-1, { polarity: -1 }]]);
const polarityByText = new Map<string, PolarityArg | ArgError>();

/** The polarity argument: 1 / 0 / −1, or a catalog indicator id (memoised: text ids repeat in every row). */
export function polarity(x: unknown): PolarityArg | ArgError {
  const known = POLARITY_BY_NUMBER.get(x);
  if (known) return known;
  if (typeof x !== "string") return resolve(x);
  let hit = polarityByText.get(x);
  if (!hit) {
    hit = resolve(x);
    if (polarityByText.size < 1000) polarityByText.set(x, hit);
  }
  return hit;
}

function resolve(x: unknown): PolarityArg | ArgError {
  const r: Calc<Polarity> = resolvePolarity(x);
  if (!r.ok) return new ArgError(r.error);
  if (typeof x === "string") {
    const ind = getIndicator(x.trim());
    if (ind && isShareLike(ind)) return { polarity: r.value, shareOf: ind.id };
    if (ind?.unit.kind === "average") return { polarity: r.value, scale: { min: ind.unit.min, max: ind.unit.max } };
  }
  return { polarity: r.value };
}

/**
 * Values of a share-like indicator must be fractions: 21 instead of 21 % is the classic mistake.
 * Values of an average-score indicator must lie on its scale (ОГЭ 2–5, ЕГЭ 0–100).
 */
export function checkShare(v: Num, p: PolarityArg): ArgError | null {
  if (v === null) return null;
  if (p.scale) {
    if (v >= p.scale.min && v <= p.scale.max) return null;
    return valueError({
      ru: `Средний балл вне шкалы ${p.scale.min}–${p.scale.max}: ${String(v).replace(".", ",")}`,
      en: `Average score outside the ${p.scale.min}–${p.scale.max} scale: ${v}`,
    });
  }
  if (p.shareOf === undefined || (v >= 0 && v <= 1)) return null;
  return valueError({
    ru: `Доля вне диапазона 0…1: ${String(v).replace(".", ",")}. Введите долю как 21 % или 0,21`,
    en: `Share outside 0…1: ${v}. Type the share as 21% or 0.21`,
  });
}

/** Cells of a range argument as numbers in order (row by row); blanks and «–» become null. */
export function series(values: unknown): (Num | ArgError)[] | ArgError {
  if (!Array.isArray(values)) return [num(values, NAMES.values)];
  const out: (Num | ArgError)[] = [];
  for (const row of values) {
    if (Array.isArray(row)) for (const cell of row) out.push(num(cell, NAMES.values));
    else out.push(num(row, NAMES.values));
  }
  return out;
}

/** Argument names for messages. */
export const NAMES = {
  part: { ru: "Часть", en: "Part" },
  whole: { ru: "Целое", en: "Whole" },
  previous: { ru: "Предыдущее значение", en: "Previous value" },
  current: { ru: "Текущее значение", en: "Current value" },
  value: { ru: "Значение", en: "Value" },
  target: { ru: "Цель", en: "Target" },
  tolerance: { ru: "Допустимое отклонение", en: "Tolerance" },
  margin: { ru: "Допустимое отклонение", en: "Allowed deviation" },
  values: { ru: "Значения", en: "Values" },
  n5: { ru: "Число «5»", en: "Number of 5s" },
  n4: { ru: "Число «4»", en: "Number of 4s" },
  n3: { ru: "Число «3»", en: "Number of 3s" },
  n2: { ru: "Число «2»", en: "Number of 2s" },
  N: { ru: "Знаменатель", en: "Denominator" },
  nNa: { ru: "Число неаттестованных", en: "Number not assessed" },
  count: { ru: "Количество", en: "Count" },
  total: { ru: "Всего", en: "Total" },
  count1: { ru: "Количество (раньше)", en: "Earlier count" },
  total1: { ru: "Всего (раньше)", en: "Earlier total" },
  count2: { ru: "Количество (позже)", en: "Later count" },
  total2: { ru: "Всего (позже)", en: "Later total" },
  bound: { ru: "Граница", en: "Bound" },
  periodsLeft: { ru: "Осталось периодов", en: "Periods left" },
} satisfies Record<string, Text>;
