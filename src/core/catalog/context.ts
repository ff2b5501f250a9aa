/**
 * The optional section «Контингент»: who the school teaches. Context for reading its results, not
 * a result itself: every item is neutral (shown, never judged better or worse, never a risk).
 * Program items numbered «К.n», each a count and its share of all students.
 */
import type { Text } from "../types";
import { CS, SRC_CONTEXT, section } from "./build";

/** [id, what the students are (ru, after «учащихся»), (en, after "students"), short ru, short en]. */
const ITEMS: [string, string, string, string, string][] = [
  ["ctx_ovz", "с ограниченными возможностями здоровья", "with special educational needs (limited health capacities)", "Учащиеся с ОВЗ", "Special needs"],
  ["ctx_disabled", "имеющих статус ребёнка-инвалида", "with the status of a disabled child", "Дети-инвалиды", "Disabled children"],
  ["ctx_school_register", "состоящих на внутришкольном учёте", "on the school's internal register", "На внутришкольном учёте", "School register"],
  [
    "ctx_police_register",
    "состоящих на учёте в подразделении по делам несовершеннолетних органов внутренних дел и (или) в комиссии по делам несовершеннолетних и защите их прав",
    "on the register of the police juvenile unit and/or the commission for juvenile affairs",
    "На учёте в ПДН/КДНиЗП", "Police register",
  ],
  ["ctx_large_family", "из многодетных семей", "from large families", "Из многодетных семей", "Large families"],
  ["ctx_single_parent", "из неполных семей", "from single-parent families", "Из неполных семей", "Single-parent families"],
  [
    "ctx_parents_higher_ed",
    "у которых хотя бы один из родителей (законных представителей) имеет высшее образование",
    "with at least one parent (legal guardian) holding higher education",
    "Родители с высшим образованием", "Parents with higher education",
  ],
  [
    "ctx_parents_unemployed",
    "оба родителя (законных представителя) которых, либо единственный родитель, не работают",
    "whose parents (legal guardians), both or the only one, are not employed",
    "Родители не работают", "Parents unemployed",
  ],
  ["ctx_non_native_russian", "для которых русский язык не является родным", "whose native language is not Russian", "Русский язык не родной", "Russian not native"],
  ["ctx_transported", "которым организован подвоз к образовательной организации", "transported to school", "Подвоз", "Transported to school"],
  [
    "ctx_moved_region",
    "прибывших в течение учебного года из другого субъекта Российской Федерации или из иностранного государства",
    "who arrived during the school year from another region of Russia or from abroad",
    "Прибыли из другого региона", "Arrived from another region",
  ],
];

const name = (ru: string, en: string): Text => ({
  ru: `Численность/удельный вес численности учащихся ${ru} в общей численности учащихся`,
  en: `Number/share of students ${en}, as a share of all students`,
});

export const CONTEXT = section("context", ITEMS.map(([id, ru, en, shortRu, shortEn], k) => ({
  id,
  number: `К.${k + 1}`,
  name: name(ru, en),
  short: { ru: shortRu, en: shortEn },
  unit: CS("students_total"),
  polarity: 0 as const,
  periodicity: ["Y" as const],
  source: SRC_CONTEXT,
})));
