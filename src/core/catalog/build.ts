/** Small constructors that keep the catalog data files readable. */
import type { Indicator, Periodicity, Polarity, SchoolLevel, SectionId, Text, Unit } from "../types";

/** The official list most indicators come from. */
export const SRC_1324 = "Приказ Минобрнауки России от 10.12.2013 № 1324, прил. 2";
/** Indicators added by municipal support programs (not in the 1324 list). */
export const SRC_MUNICIPAL = "Муниципальная программа сопровождения ШНОР (дополнение к перечню приказа № 1324)";
/** Indicators of mentor-school partnership plans. */
export const SRC_PARTNERSHIP = "Программа сопровождения (партнёрство школ)";
/** Context items of the optional section «Контингент» (who the school teaches; not in the 1324 list). */
export const SRC_CONTEXT = "Программа сопровождения ШНОР (контекстные показатели контингента)";

export const CS = (...denominator: string[]): Unit => ({ kind: "countShare", denominator });
export const AVG = (min: number, max: number): Unit => ({ kind: "average", min, max });
export const COUNT: Unit = { kind: "count" };
export const RATIO: Unit = { kind: "ratio" };
export const SQM: Unit = { kind: "ratio", measure: "sqm" };

/** Levels an item needs: 9th-grade items need ООО, 11th-grade items СОО. */
export const PRIMARY: SchoolLevel[] = ["primary"];
export const BASIC: SchoolLevel[] = ["basic"];
export const SECONDARY: SchoolLevel[] = ["secondary"];

/** The source of a program's adaptation of (or addition to) official item `number`. */
export const adaptationOf = (number: string, what: string): string =>
  `${SRC_MUNICIPAL}: вариант п. ${number} приказа № 1324 (${what})`;
export const YN: Unit = { kind: "yesNo" };
export const SHARE: Unit = { kind: "share" };

export interface Spec {
  id: string;
  /** Official number; for 1324 items the source gets "п. <number>" appended. */
  number: string;
  name: Text;
  short: Text;
  unit: Unit;
  polarity?: Polarity;
  periodicity: Periodicity[];
  /** Defaults to the 1324 list. */
  source?: string;
  parent?: string;
  impliedTarget?: number;
  /** A program's adaptation of this official item number (source defaults to the program). */
  adapts?: string;
  levels?: SchoolLevel[];
}

/**
 * Builds the indicators of one section; 1324 sources get their item number appended. Polarity
 * defaults to ↑, except for the base figures (denominators), which are neutral: more pupils or
 * staff is neither better nor worse.
 */
export function section(id: SectionId, specs: Spec[]): Indicator[] {
  return specs.map((s) => {
    const source = s.source ?? (s.adapts ? adaptationOf(s.adapts, s.short.ru) : `${SRC_1324}, п. ${s.number}`);
    const ind: Indicator = {
      id: s.id,
      number: s.number,
      section: id,
      name: s.name,
      short: s.short,
      unit: s.unit,
      polarity: s.polarity ?? (id === "base" ? 0 : 1),
      periodicity: s.periodicity,
      source,
    };
    if (s.parent !== undefined) ind.parent = s.parent;
    if (s.impliedTarget !== undefined) ind.impliedTarget = s.impliedTarget;
    if (s.adapts !== undefined) ind.adapts = s.adapts;
    if (s.levels !== undefined) ind.levels = s.levels;
    return ind;
  });
}
