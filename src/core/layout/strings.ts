/** Every user-facing text of the report sheets, ru and en, in one place. */

import type { Lang, SchoolLevel, Text } from "../types";

export function t(text: Text, lang: Lang): string {
  return text[lang];
}

export const PASSPORT_SHEET_NAME: Text = { ru: "Паспорт", en: "Passport" };

export const S = {
  passportTitle: { ru: "Паспорт отчёта о мониторинге ШНОР", en: "Monitoring report passport (low-performing schools programme)" },
  colId: { ru: "id", en: "id" },
  colNumber: { ru: "№", en: "No." },
  colName: { ru: "Показатель", en: "Indicator" },
  colUnit: { ru: "Ед. изм.", en: "Unit" },
  colParameter: { ru: "Параметр", en: "Item" },
  colValue: { ru: "Значение", en: "Value" },
  subValue: { ru: "чел./знач.", en: "count/value" },
  subShare: { ru: "%", en: "%" },
  schoolYearShort: { ru: "уч. год", en: "school year" },
} satisfies Record<string, Text>;

export type PassportFieldId =
  | "school" | "municipality" | "school_year" | "program" | "periods" | "quality_denominator"
  | "level_primary" | "level_basic" | "level_secondary";

export const PASSPORT_FIELDS: { id: PassportFieldId; label: Text; input: boolean }[] = [
  { id: "school", label: { ru: "Образовательная организация", en: "School" }, input: true },
  { id: "municipality", label: { ru: "Муниципальное образование", en: "Municipality" }, input: true },
  { id: "school_year", label: { ru: "Учебный год", en: "School year" }, input: false },
  { id: "program", label: { ru: "Программа поддержки", en: "Support programme" }, input: true },
  { id: "periods", label: { ru: "Отчётные периоды", en: "Reporting periods" }, input: false },
  {
    id: "quality_denominator",
    label: {
      ru: "Знаменатель доли успевающих на «4» и «5» (п. 1.5)",
      en: "Denominator of the share of students graded 4 and 5 (item 1.5)",
    },
    input: true,
  },
  // After quality_denominator, so that its row (which share formulas refer to) never moves.
  { id: "level_primary", label: { ru: "В школе есть 1–4 классы (начальное общее образование)", en: "The school has grades 1–4 (primary)" }, input: true },
  { id: "level_basic", label: { ru: "В школе есть 5–9 классы (основное общее образование)", en: "The school has grades 5–9 (basic)" }, input: true },
  { id: "level_secondary", label: { ru: "В школе есть 10–11 классы (среднее общее образование)", en: "The school has grades 10–11 (secondary)" }, input: true },
];

/** The «Паспорт» field of each level of education. */
export const LEVEL_FIELDS: Record<SchoolLevel, PassportFieldId> = {
  primary: "level_primary",
  basic: "level_basic",
  secondary: "level_secondary",
};

export const SCHOOL_LEVELS: readonly SchoolLevel[] = ["primary", "basic", "secondary"];

/**
 * The levels a passport's fields name: a level is out only when its field says «нет» / "no" (a
 * blank or other text keeps it: every item applies). Undefined when no level field is present.
 */
export function levelsFromFields(fields: Record<string, unknown>): SchoolLevel[] | undefined {
  if (!SCHOOL_LEVELS.some((l) => fields[LEVEL_FIELDS[l]] !== undefined)) return undefined;
  const no = (v: unknown) => typeof v === "string" && ["нет", "no", "0"].includes(v.trim().toLowerCase());
  return SCHOOL_LEVELS.filter((l) => !no(fields[LEVEL_FIELDS[l]]) && fields[LEVEL_FIELDS[l]] !== 0 && fields[LEVEL_FIELDS[l]] !== false);
}

export type QualityDenominator = "students_assessed" | "students_total";

/** The list shown in the «Паспорт» cell; no commas (the list source is comma-separated). */
export const QUALITY_DENOMINATOR_LABELS: Record<QualityDenominator, Text> = {
  students_assessed: { ru: "подлежащие аттестации", en: "students subject to assessment" },
  students_total: { ru: "все учащиеся", en: "all students" },
};

/** The denominator id named by a «Паспорт» cell text in either language; null when unknown. */
export function parseQualityDenominator(text: unknown): QualityDenominator | null {
  if (typeof text !== "string") return null;
  const s = text.trim().toLowerCase();
  for (const id of Object.keys(QUALITY_DENOMINATOR_LABELS) as QualityDenominator[]) {
    const l = QUALITY_DENOMINATOR_LABELS[id];
    if (s === l.ru || s === l.en || s === id) return id;
  }
  return null;
}

export const YES_NO: Record<Lang, [string, string]> = { ru: ["да", "нет"], en: ["yes", "no"] };

/** Input messages (≤ 255 characters, titles ≤ 32) and warning texts of the validated cells. */
export const PROMPTS = {
  count: {
    title: { ru: "Количество", en: "Count" },
    message: {
      ru: "Введите целое число не меньше 0. Если показатель к школе не относится, введите «–».",
      en: "Type a whole number, 0 or more. If the item does not apply to the school, type «–».",
    },
    error: { ru: "Ожидается целое число не меньше 0 или «–».", en: "A whole number, 0 or more, or «–» is expected." },
  },
  average: {
    title: { ru: "Средний балл", en: "Average score" },
    message: {
      ru: "Введите средний балл от {min} до {max}, например 3,75. Если не применимо, введите «–».",
      en: "Type the average score from {min} to {max}, e.g. 3.75. If it does not apply, type «–».",
    },
    error: { ru: "Средний балл должен быть от {min} до {max} или «–».", en: "The average must be from {min} to {max}, or «–»." },
  },
  ratio: {
    title: { ru: "На одного учащегося", en: "Per student" },
    message: {
      ru: "Введите число не меньше 0 (в расчёте на одного учащегося), например 0,25.",
      en: "Type a number, 0 or more (per student), e.g. 0.25.",
    },
    error: { ru: "Ожидается число не меньше 0.", en: "A number, 0 or more, is expected." },
  },
  yesNo: {
    title: { ru: "Да или нет", en: "Yes or no" },
    message: { ru: "Выберите «да» или «нет» из списка.", en: "Pick «yes» or «no» from the list." },
    error: { ru: "Выберите «да» или «нет».", en: "Pick «yes» or «no»." },
  },
  share: {
    title: { ru: "Доля, %", en: "Share, %" },
    message: { ru: "Введите процент от 0 до 100, например 85 %.", en: "Type a percentage from 0 to 100, e.g. 85%." },
    error: { ru: "Доля должна быть от 0 до 100 %.", en: "The share must be from 0 to 100%." },
  },
  qualityDenominator: {
    title: { ru: "Знаменатель", en: "Denominator" },
    message: {
      ru: "Выберите, от какой численности считается доля успевающих на «4» и «5».",
      en: "Pick the count the share of students graded 4 and 5 is taken of.",
    },
    error: { ru: "Выберите значение из списка.", en: "Pick a value from the list." },
  },
  level: {
    title: { ru: "Уровень образования", en: "Level of education" },
    message: {
      ru: "«да», если в школе есть эти классы. Показатели уровня, которого нет (ЕГЭ в ООШ), станут «–» и не проверяются.",
      en: "«yes» if the school has these grades. Items of a level it lacks (EGE in a basic school) become «–» and are not checked.",
    },
    error: { ru: "Выберите «да» или «нет».", en: "Pick «yes» or «no»." },
  },
  errorTitle: { ru: "Проверьте значение", en: "Check the value" },
} as const;

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Messages of option validation (before any write). */
export const OPTION_ERRORS = {
  emptySchool: { ru: "Укажите название образовательной организации.", en: "Enter the school's name." },
  badYear: {
    ru: "Учебный год указан неверно: ожидается учебный год с {first} по {last}.",
    en: "The school year is wrong: expected a school year from {first} to {last}.",
  },
  noPeriods: { ru: "Выберите хотя бы один отчётный период.", en: "Pick at least one reporting period." },
  badPeriod: { ru: "Отчётный период указан неверно: {period}.", en: "A reporting period is wrong: {period}." },
  badSection: { ru: "Неизвестный раздел: {section}.", en: "Unknown section: {section}." },
  badLang: { ru: "Язык листов должен быть «ru» или «en».", en: "The sheet language must be «ru» or «en»." },
  noLevels: {
    ru: "Отметьте хотя бы один уровень образования (1–4, 5–9 или 10–11 классы).",
    en: "Tick at least one level of education (grades 1–4, 5–9 or 10–11).",
  },
  badDenominator: {
    ru: "Знаменатель качества знаний должен быть «students_assessed» или «students_total».",
    en: "The quality denominator must be «students_assessed» or «students_total».",
  },
} satisfies Record<string, Text>;
