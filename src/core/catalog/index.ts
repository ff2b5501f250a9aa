/**
 * The indicator catalog: every indicator and denominator of the monitoring, with official wording
 * (приказ Минобрнауки России от 10.12.2013 № 1324, прил. 2, as adapted by municipal programs).
 * Numbering: the 1324 item number where the indicator is in that list (each number once); a
 * program's variant of an official item is a separate item numbered by that item plus a letter,
 * with `adapts` naming the item («1.9п», «1.9б» profile and basic maths; «1.19м» municipal winners;
 * «1.33к», «1.33п»; «2.4м»); «М<section>.<n>» for the program's own additions; «5.n» for
 * partnership indicators; «К.n» for the pupil-context items of the optional section «Контингент»; "" for denominators outside the list (students_assessed, graduates).
 */
import type { Indicator, Lang, SchoolLevel, SectionId, Text, Unit } from "../types";
import { FACILITIES, METHODS, PARTNERSHIP } from "./conditions";
import { CONTEXT } from "./context";
import { STAFF } from "./staff";
import { BASE, SUBJECT } from "./subject";

export { SRC_1324, SRC_CONTEXT, SRC_MUNICIPAL, SRC_PARTNERSHIP } from "./build";

/** All indicators in report order: base figures, sections 1–5, then the pupil context; sub-items follow their parent. */
export const CATALOG: readonly Indicator[] = Object.freeze([
  ...BASE, ...SUBJECT, ...STAFF, ...FACILITIES, ...METHODS, ...PARTNERSHIP, ...CONTEXT,
]);

/** Report sections; `name.ru` is the worksheet name. Partnership and pupil-context sheets are optional. */
export const SECTIONS: readonly { id: SectionId; name: Text; optional: boolean }[] = Object.freeze([
  { id: "subject", name: { ru: "Предметные результаты", en: "Subject results" }, optional: false },
  { id: "staff", name: { ru: "Кадровые условия", en: "Staff" }, optional: false },
  { id: "facilities", name: { ru: "Материально-технические условия", en: "Facilities" }, optional: false },
  { id: "methods", name: { ru: "Учебно-методические условия", en: "Teaching materials" }, optional: false },
  { id: "partnership", name: { ru: "Партнёрство", en: "Partnership" }, optional: true },
  { id: "context", name: { ru: "Контингент", en: "Pupil context" }, optional: true },
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
/** Whether an item applies to a school with `levels` (unknown levels: every item applies). */
export function appliesToLevels(ind: Pick<Indicator, "levels">, levels: readonly SchoolLevel[] | undefined): boolean {
  if (!ind.levels || !levels) return true;
  return ind.levels.some((l) => levels.includes(l));
}

export function isShareLike(ind: Indicator): boolean {
  return ind.unit.kind === "countShare" || ind.unit.kind === "share";
}

function scale(min: number, max: number, lang: Lang): string {
  return lang === "ru" ? `${min}–${max}` : `${min}-${max}`;
}

/** The unit as приказ № 1324 writes it: «человек», «человек/%», «балл», «единиц», «кв. м», «да/нет». */
export function officialUnit(unit: Unit): string {
  switch (unit.kind) {
    case "count":
      return "человек";
    case "countShare":
      return "человек/%";
    case "average":
      return "балл";
    case "ratio":
      return unit.measure === "sqm" ? "кв. м" : "единиц";
    case "yesNo":
      return "да/нет";
    case "share":
      return "%";
  }
}

/** A short unit label for the "unit" column: the official unit, with the scale of an average («балл (2–5)»). */
export function unitLabel(unit: Unit, lang: Lang): string {
  const ru = lang === "ru";
  switch (unit.kind) {
    case "count":
      return ru ? "человек" : "people";
    case "countShare":
      return ru ? "человек/%" : "people/%";
    case "average":
      return ru ? `балл (${scale(unit.min, unit.max, lang)})` : `score (${scale(unit.min, unit.max, lang)})`;
    case "ratio":
      if (unit.measure === "sqm") return ru ? "кв. м" : "sq. m";
      return ru ? "единиц" : "units";
    case "yesNo":
      return ru ? "да/нет" : "yes/no";
    case "share":
      return "%";
  }
}
