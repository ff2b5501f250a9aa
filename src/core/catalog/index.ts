/**
 * The indicator catalog: every indicator and denominator of the monitoring, with official wording
 * (приказ Минобрнауки России от 10.12.2013 № 1324, прил. 2, as adapted by municipal programs).
 * Numbering: the 1324 item number where the indicator is in that list; «М<section>.<n>» for
 * municipal additions; «5.n» for partnership indicators; "" for denominators. A municipal «в т. ч.»
 * item under a 1324 group gets «.0» (contest_winners_mun 1.19.0, reading_room_20plus 2.4.0).
 */
import type { Indicator, Lang, SectionId, Text, Unit } from "../types";
import { FACILITIES, METHODS, PARTNERSHIP } from "./conditions";
import { STAFF } from "./staff";
import { BASE, SUBJECT } from "./subject";

export { SRC_1324, SRC_MUNICIPAL, SRC_PARTNERSHIP } from "./build";

/** All indicators in report order: base figures, then sections 1–5; sub-items follow their parent. */
export const CATALOG: readonly Indicator[] = Object.freeze([
  ...BASE, ...SUBJECT, ...STAFF, ...FACILITIES, ...METHODS, ...PARTNERSHIP,
]);

/** Report sections; `name.ru` is the worksheet name. Partnership sheets are optional. */
export const SECTIONS: readonly { id: SectionId; name: Text; optional: boolean }[] = Object.freeze([
  { id: "subject", name: { ru: "Предметные результаты", en: "Subject results" }, optional: false },
  { id: "staff", name: { ru: "Кадровые условия", en: "Staff" }, optional: false },
  { id: "facilities", name: { ru: "Материально-технические условия", en: "Facilities" }, optional: false },
  { id: "methods", name: { ru: "Учебно-методические условия", en: "Teaching materials" }, optional: false },
  { id: "partnership", name: { ru: "Партнёрство", en: "Partnership" }, optional: true },
  { id: "base", name: { ru: "Базовые показатели", en: "Base figures" }, optional: false },
]);

const BY_ID = new Map(CATALOG.map((i) => [i.id, i]));

export function getIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

export function indicatorsOfSection(section: SectionId): Indicator[] {
  return CATALOG.filter((i) => i.section === section);
}

/**
 * Every denominator id an indicator may use: its named denominator(s) followed by the alternative
 * choices, without repeats. Empty for units without a denominator.
 */
export function denominatorsOf(ind: Indicator): string[] {
  if (ind.unit.kind !== "countShare") return [];
  return [...new Set([...ind.unit.denominator, ...(ind.unit.choices ?? [])])];
}

/** The «в т. ч.» items of a total, in catalog order. */
export function childrenOf(id: string): Indicator[] {
  return CATALOG.filter((i) => i.parent === id);
}

/** True when the indicator's value is (or includes) a share 0…1. */
export function isShareLike(ind: Indicator): boolean {
  return ind.unit.kind === "countShare" || ind.unit.kind === "share";
}

function scale(min: number, max: number, lang: Lang): string {
  return lang === "ru" ? `${min}–${max}` : `${min}-${max}`;
}

/** A short unit label for the "unit" column, e.g. «чел. / %», «балл (2–5)», «да/нет». */
export function unitLabel(unit: Unit, lang: Lang): string {
  const ru = lang === "ru";
  switch (unit.kind) {
    case "count":
      return ru ? "чел." : "people";
    case "countShare":
      return ru ? "чел. / %" : "people / %";
    case "average":
      return ru ? `балл (${scale(unit.min, unit.max, lang)})` : `score (${scale(unit.min, unit.max, lang)})`;
    case "ratio":
      return ru ? "ед. на 1 уч." : "per student";
    case "yesNo":
      return ru ? "да/нет" : "yes/no";
    case "share":
      return "%";
  }
}
