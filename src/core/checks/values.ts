/** Rules on single values: input errors, scales, counts; and the exam years that do not compare. */
import { notComparableReason } from "../exams";
import { parsePeriodKey } from "../periods";
import { isDenominator } from "../denominators";
import type { Finding, Indicator, Lang, Period, Text } from "../types";
import { label, n, type CheckContext } from "./context";
import { smallShareNote } from "./shares";

/**
 * value_out_of_scale: an input error, a negative or fractional count, an average outside its
 * scale, a negative ratio, a yes/no other than 0/1, a share outside 0–100 %. A plain share between
 * 1 and 100 is most likely a percentage typed where a fraction was expected: share_format.
 */
export function checkValues(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  const outOfScale = (ind: Parameters<CheckContext["finding"]>[1], period: string, message: Text) =>
    out.push(c.finding("value_out_of_scale", ind, period, "error", message));
  for (const { ind, period, obs } of c.entries()) {
    const v = obs.value;
    const name = label(ind.id);
    if (v.kind === "error") {
      outOfScale(ind, period, { ru: `${name.ru}: ${v.message.ru}`, en: `${name.en}: ${v.message.en}` });
      continue;
    }
    if (v.kind !== "number") continue;
    const x = v.value;
    const u = ind.unit;
    if (!Number.isFinite(x)) {
      outOfScale(ind, period, { ru: `${name.ru}: недопустимое число ${n.ru(x)}`, en: `${name.en}: not a valid number: ${n.en(x)}` });
    } else if ((u.kind === "count" || u.kind === "countShare") && (x < 0 || !Number.isInteger(x))) {
      outOfScale(ind, period, {
        ru: `${name.ru}: количество должно быть целым неотрицательным числом, указано ${n.ru(x)}`,
        en: `${name.en}: a count must be a whole number ≥ 0, got ${n.en(x)}`,
      });
    } else if (u.kind === "average" && (x < u.min || x > u.max)) {
      outOfScale(ind, period, {
        ru: `${name.ru}: средний балл ${n.ru(x)} вне шкалы ${u.min}–${u.max}`,
        en: `${name.en}: average ${n.en(x)} is outside the ${u.min}–${u.max} scale`,
      });
    } else if (u.kind === "ratio" && x < 0) {
      outOfScale(ind, period, { ru: `${name.ru}: отрицательное значение ${n.ru(x)}`, en: `${name.en}: negative value ${n.en(x)}` });
    } else if (u.kind === "share" && x > 1 && x <= 100) {
      out.push(c.finding("share_format", ind, period, "warning", {
        ru: `${name.ru}: доля записана как ${n.ru(x)} — похоже на проценты; если это ${n.ru(x)} %, введите ${n.ru(x / 100)} или «${n.ru(x)} %»`,
        en: `${name.en}: the share is written as ${n.en(x)} — it looks like a percentage; if it is ${n.en(x)}%, enter ${n.en(x / 100)} or "${n.en(x)}%"`,
      }));
    } else if (u.kind === "share" && (x < 0 || x > 1)) {
      outOfScale(ind, period, { ru: `${name.ru}: доля ${n.pctRu(x)} вне 0–100 %`, en: `${name.en}: share ${n.pctEn(x)} is outside 0–100%` });
    } else if (u.kind === "share" && x > 0 && x < 0.01) {
      out.push(c.finding("share_format", ind, period, "info", smallShareNote(ind.id, x)));
    } else if (u.kind === "yesNo" && x !== 0 && x !== 1) {
      outOfScale(ind, period, { ru: `${name.ru}: ожидалось «да» или «нет»`, en: `${name.en}: expected yes or no` });
    }
  }
  return out;
}

/**
 * exam_not_comparable: results of an exam session whose exams were cancelled or changed, and the
 * yearly indicators that session names (certificates of 2020), or a session the school lists.
 * One finding per period and reason, listing the indicators (the first is its indicatorId);
 * denominators (graduates) are not results and are never noted.
 */
export function checkExamYears(c: CheckContext): Finding[] {
  const groups = new Map<string, { ind: Indicator; period: string; kind: Period["kind"]; why: Text; ids: string[] }>();
  const listed = new Set(c.data.nonComparableExamYears ?? []);
  for (const { ind, period, obs } of c.entries()) {
    const p = parsePeriodKey(period);
    if (!p || obs.value.kind !== "number" || isDenominator(ind.id)) continue;
    const known = notComparableReason(ind.id, period);
    const byList = p.kind === "E" && listed.has(p.startYear);
    if (!known && !byList) continue;
    const why = known ?? { ru: "экзамены отменены или изменены", en: "exams cancelled or changed" };
    const key = `${period}|${why.ru}`;
    const g = groups.get(key);
    if (g) g.ids.push(ind.id);
    else groups.set(key, { ind, period, kind: p.kind, why, ids: [ind.id] });
  }
  const out: Finding[] = [];
  for (const { ind, period, kind, why, ids } of groups.values()) {
    const names = ids.map(label);
    const one = names.length === 1;
    const list = (lang: Lang) => names.map((x) => x[lang]).join(", ");
    const f = c.finding("exam_not_comparable", ind, period, "info", kind === "E"
      ? one
        ? {
          ru: `${names[0].ru}: результаты ГИА этого года несопоставимы с другими годами (${why.ru})`,
          en: `${names[0].en}: this year's exam results are not comparable with other years (${why.en})`,
        }
        : {
          ru: `Результаты ГИА этого года несопоставимы с другими годами (${why.ru}): ${list("ru")}`,
          en: `This year's exam results are not comparable with other years (${why.en}): ${list("en")}`,
        }
      : one
        ? {
          ru: `${names[0].ru}: значение этого учебного года несопоставимо с другими годами (${why.ru})`,
          en: `${names[0].en}: this school year's value is not comparable with other years (${why.en})`,
        }
        : {
          ru: `Значения этого учебного года несопоставимы с другими годами (${why.ru}): ${list("ru")}`,
          en: `This school year's values are not comparable with other years (${why.en}): ${list("en")}`,
        });
    f.indicators = ids;
    out.push(f);
  }
  return out;
}
