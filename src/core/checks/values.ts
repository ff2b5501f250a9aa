/** Rules on single values: input errors, scales, counts; and the exam years that do not compare. */
import { isExamYearComparable } from "../exams";
import { parsePeriodKey } from "../periods";
import type { Finding } from "../types";
import { label, n, type CheckContext } from "./context";

/** value_invalid: an input error, a negative or fractional count, an average outside its scale. */
export function checkValues(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, period, obs } of c.entries()) {
    const v = obs.value;
    const name = label(ind.id);
    if (v.kind === "error") {
      out.push(c.finding("value_invalid", ind, period, "error", { ru: `${name.ru}: ${v.message.ru}`, en: `${name.en}: ${v.message.en}` }));
      continue;
    }
    if (v.kind !== "number") continue;
    const x = v.value;
    const u = ind.unit;
    if ((u.kind === "count" || u.kind === "countShare") && (x < 0 || !Number.isInteger(x))) {
      out.push(c.finding("value_invalid", ind, period, "error", {
        ru: `${name.ru}: количество должно быть целым неотрицательным числом, указано ${n.ru(x)}`,
        en: `${name.en}: a count must be a whole number ≥ 0, got ${n.en(x)}`,
      }));
    } else if (u.kind === "average" && (x < u.min || x > u.max)) {
      out.push(c.finding("value_invalid", ind, period, "error", {
        ru: `${name.ru}: средний балл ${n.ru(x)} вне шкалы ${u.min}–${u.max}`,
        en: `${name.en}: average ${n.en(x)} is outside the ${u.min}–${u.max} scale`,
      }));
    } else if (u.kind === "ratio" && x < 0) {
      out.push(c.finding("value_invalid", ind, period, "error", { ru: `${name.ru}: отрицательное значение ${n.ru(x)}`, en: `${name.en}: negative value ${n.en(x)}` }));
    } else if (u.kind === "share" && (x < 0 || x > 1)) {
      out.push(c.finding("value_invalid", ind, period, "error", { ru: `${name.ru}: доля ${n.pctRu(x)} вне 0–100 %`, en: `${name.en}: share ${n.pctEn(x)} is outside 0–100%` }));
    } else if (u.kind === "yesNo" && x !== 0 && x !== 1) {
      out.push(c.finding("value_invalid", ind, period, "error", { ru: `${name.ru}: ожидалось «да» или «нет»`, en: `${name.en}: expected yes or no` }));
    }
  }
  return out;
}

/** exam_not_comparable: exam-session results of a year whose exams were cancelled or changed. */
export function checkExamYears(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  const listed = new Set(c.data.nonComparableExamYears ?? []);
  for (const { ind, period, obs } of c.entries()) {
    const p = parsePeriodKey(period);
    if (!p || p.kind !== "E" || obs.value.kind !== "number") continue;
    if (!listed.has(p.startYear) && isExamYearComparable(p.startYear)) continue;
    const name = label(ind.id);
    out.push(c.finding("exam_not_comparable", ind, period, "info", {
      ru: `${name.ru}: результаты ГИА этого года несопоставимы с другими годами (экзамены отменены или изменены)`,
      en: `${name.en}: this year's exam results are not comparable with other years (exams cancelled or changed)`,
    }));
  }
  return out;
}
