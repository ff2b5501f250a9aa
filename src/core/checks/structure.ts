/** Rules between rows: parts and wholes, breakdowns, applicability, yes/no contradictions. */
import { CATALOG, appliesToLevels, childrenOf, getIndicator } from "../catalog";
import type { Finding, Indicator, Text } from "../types";
import { label, n, sortPeriodKeys, type CheckContext } from "./context";

/** Pairs where the first can never exceed the second, beyond parent/child and denominators. */
export const NOT_ABOVE: readonly [string, string][] = [
  ["contest_winners", "contest_participants"],
  ["vsosh_winners", "vsosh_participants"],
  ["students_assessed", "students_total"],
  ["staff_ped", "staff_ped_admin"],
];

/** Breakdowns that must add up exactly to their total (every item falls in one of the parts). */
const EXACT_BREAKDOWNS: Record<string, string[]> = {
  staff_category: ["staff_category_highest", "staff_category_first"],
  students_total: ["students_primary", "students_basic", "students_secondary"],
};

function periodsOf(c: CheckContext, ids: string[]): string[] {
  const keys = new Set<string>();
  for (const id of ids) for (const k of Object.keys(c.data.observations[id] ?? {})) keys.add(k);
  return sortPeriodKeys([...keys]);
}

/**
 * part_exceeds_whole: a count above its denominator, winners above participants, a «в т. ч.» item
 * above its total, a breakdown adding up to more than its total. breakdown_mismatch (warning): a
 * breakdown that should cover the whole total (staff categories) adds up to less.
 */
export function checkPartsAndWholes(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  const exceeds = (part: string, whole: string | string[], period: string, p: number, w: number) => {
    const wholes = typeof whole === "string" ? [whole] : whole;
    return c.finding("part_exceeds_whole", part, period, "error", {
      ru: `${label(part).ru} (${n.ru(p)}) больше, чем ${wholes.map((id) => label(id).ru).join(" + ")} (${n.ru(w)})`,
      en: `${label(part).en} (${n.en(p)}) exceeds ${wholes.map((id) => label(id).en).join(" + ")} (${n.en(w)})`,
    });
  };

  for (const ind of CATALOG) {
    if (ind.unit.kind !== "countShare") continue;
    const dens = c.expectedDenominator(ind);
    for (const period of periodsOf(c, [ind.id])) {
      const p = c.num(ind.id, period);
      const parts = dens.map((d) => c.num(d, period));
      if (p === null || parts.some((x) => x === null)) continue;
      const w = (parts as number[]).reduce((a, b) => a + b, 0);
      if (p > w) out.push(exceeds(ind.id, dens, period, p, w));
    }
  }
  for (const [part, whole] of NOT_ABOVE) {
    const kids = childrenOf(part).filter((k) => k.unit.kind === "count" || k.unit.kind === "countShare").map((k) => k.id);
    for (const period of periodsOf(c, [part, whole, ...kids])) {
      const w = c.num(whole, period);
      if (w === null) continue;
      const p = c.num(part, period);
      if (p !== null) {
        if (p > w) out.push(exceeds(part, whole, period, p, w));
        continue;
      }
      // The total row left blank (as report tables often are): its breakdown must not exceed the whole either.
      const reported = kids.filter((k) => c.num(k, period) !== null);
      const sum = reported.reduce((a, k) => a + (c.num(k, period) as number), 0);
      if (reported.length === 0 || sum <= w) continue;
      const f = c.finding("part_exceeds_whole", part, period, "error", {
        ru: `Сумма «в т. ч.» (${reported.map((k) => label(k).ru).join(" + ")} = ${n.ru(sum)}) больше, чем ${label(whole).ru} (${n.ru(w)}), при пустой строке итога ${label(part).ru}`,
        en: `The breakdown (${reported.map((k) => label(k).en).join(" + ")} = ${n.en(sum)}) exceeds ${label(whole).en} (${n.en(w)}); the total row ${label(part).en} is blank`,
      });
      f.involves = reported;
      out.push(f);
    }
  }
  for (const total of CATALOG) {
    const kids = childrenOf(total.id).filter((k) => k.unit.kind === "count" || k.unit.kind === "countShare");
    if (kids.length === 0) continue;
    for (const period of periodsOf(c, [total.id, ...kids.map((k) => k.id)])) {
      const t = c.num(total.id, period);
      if (t === null) continue;
      let single = false;
      for (const k of kids) {
        const x = c.num(k.id, period);
        if (x !== null && x > t) {
          out.push(exceeds(k.id, total.id, period, x, t));
          single = true;
        }
      }
      if (single) continue;
      // Parts not reported are unknown, not 0: the known ones alone must not exceed the total.
      const values = kids.map((k) => c.num(k.id, period));
      const known = values.filter((x): x is number => x !== null);
      if (known.length === 0) continue;
      const sum = known.reduce((a, b) => a + b, 0);
      const reported = kids.filter((_, i) => values[i] !== null);
      const exact = known.length === kids.length ? EXACT_BREAKDOWNS[total.id] : undefined;
      if (sum > t) {
        out.push(withInvolved(reported.map((k) => k.id), c.finding("part_exceeds_whole", total, period, "error", {
          ru: `Сумма «в т. ч.» (${reported.map((k) => label(k.id).ru).join(" + ")} = ${n.ru(sum)}) больше итога ${label(total.id).ru} (${n.ru(t)})`,
          en: `The breakdown (${reported.map((k) => label(k.id).en).join(" + ")} = ${n.en(sum)}) exceeds the total ${label(total.id).en} (${n.en(t)})`,
        })));
      } else if (exact && sum !== t) {
        out.push(c.finding("breakdown_mismatch", total, period, "warning", {
          ru: `${exact.map((id) => label(id).ru).join(" + ")} = ${n.ru(sum)}, а итог ${label(total.id).ru} = ${n.ru(t)}: обычно сумма равна итогу`,
          en: `${exact.map((id) => label(id).en).join(" + ")} = ${n.en(sum)}, but the total ${label(total.id).en} = ${n.en(t)}: they normally match`,
        }));
      }
    }
  }
  return out;
}

function withInvolved(ids: string[], f: Finding): Finding {
  f.involves = ids;
  return f;
}

const GRADE_OF = (id: string): 9 | 11 | null =>
  /(^|_)(gia9|grads_9|no_cert_9|honors_cert_9)($|_)/.test(id) || /_9$/.test(id)
    ? 9
    : /(^|_)(ege|grads_11)($|_)/.test(id) || /_11$/.test(id)
      ? 11
      : null;

const LEVEL_TEXT = {
  primary: { ru: "1–4 классов", en: "grades 1–4" },
  basic: { ru: "5–9 классов", en: "grades 5–9" },
  secondary: { ru: "10–11 классов", en: "grades 10–11" },
} as const;

/**
 * not_applicable_expected: a number for an item of a level the school lacks («Паспорт»), or for a
 * 9th/11th-grade item in a school without that grade. One finding per cause and period, listing
 * the indicators (the first is its indicatorId).
 */
export function checkApplicability(c: CheckContext): Finding[] {
  const { grades, levels } = c.data;
  if (!grades && !levels) return [];
  /** Cause (ru/en sentence tails) → period → the indicators. */
  const groups = new Map<string, { ind: Indicator; period: string; cause: Text; ids: string[] }>();
  const add = (ind: Indicator, period: string, cause: Text) => {
    const key = `${period}|${cause.ru}`;
    const g = groups.get(key);
    if (g) g.ids.push(ind.id);
    else groups.set(key, { ind, period, cause, ids: [ind.id] });
  };
  for (const { ind, period, obs } of c.entries()) {
    if (obs.value.kind !== "number") continue;
    if (levels && !appliesToLevels(ind, levels)) {
      const need = (ind.levels ?? []).map((l) => LEVEL_TEXT[l]);
      add(ind, period, { ru: `в школе нет ${need.map((x) => x.ru).join(" и ")} (см. «Паспорт»)`, en: `the school has no ${need.map((x) => x.en).join(" or ")} (see «Паспорт»)` });
      continue;
    }
    const grade = GRADE_OF(ind.id);
    if (!grade || !grades) continue;
    const has = grade === 9 ? grades.has9 : grades.has11;
    if (has !== false) continue;
    add(ind, period, { ru: `в школе нет ${grade} класса`, en: `the school has no grade ${grade}` });
  }
  const out: Finding[] = [];
  for (const { ind, period, cause, ids } of groups.values()) {
    const names = ids.map(label);
    const f = c.finding("not_applicable_expected", ind, period, "warning", names.length === 1
      ? { ru: `${names[0].ru}: ${cause.ru} — вместо значения должно стоять «–» (не применимо)`, en: `${names[0].en}: ${cause.en} — the value should be "–" (not applicable)` }
      : {
        ru: `${cause.ru[0].toUpperCase()}${cause.ru.slice(1)} — вместо значений должно стоять «–» (не применимо): ${names.map((x) => x.ru).join(", ")}`,
        en: `${cause.en[0].toUpperCase()}${cause.en.slice(1)} — the values should be "–" (not applicable): ${names.map((x) => x.en).join(", ")}`,
      });
    f.indicators = ids;
    out.push(f);
  }
  return out;
}

/** yes_no_contradiction: a «в т. ч.» yes/no item is "yes" while its total is "no". */
export function checkYesNo(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, period } of c.entries()) {
    if (ind.unit.kind !== "yesNo" || !ind.parent) continue;
    const parent = getIndicator(ind.parent);
    if (!parent || c.num(ind.id, period) !== 1 || c.num(parent.id, period) !== 0) continue;
    out.push(c.finding("yes_no_contradiction", ind, period, "error", {
      ru: `${label(parent.id).ru}: «нет», но ${label(ind.id).ru}: «да»`,
      en: `${label(parent.id).en}: "no", but ${label(ind.id).en}: "yes"`,
    }));
  }
  return out;
}
