/** Denominators (section "base") and section 1, subject results. Wording: приказ № 1324, прил. 2. */
import type { Indicator } from "../types";
import { AVG, BASIC, COUNT, CS, PRIMARY, SECONDARY, section, SRC_1324, SRC_MUNICIPAL } from "./build";

export const BASE: Indicator[] = section("base", [
  {
    id: "students_total", number: "1.1", unit: COUNT, periodicity: ["Q", "H", "Y"],
    name: { ru: "Общая численность учащихся, в том числе:", en: "Total number of students, including:" },
    short: { ru: "Всего учащихся", en: "Students, total" },
  },
  {
    id: "students_primary", number: "1.2", unit: COUNT, periodicity: ["Y"], parent: "students_total", levels: PRIMARY,
    name: {
      ru: "Численность учащихся по образовательной программе начального общего образования",
      en: "Number of students in the primary general education programme",
    },
    short: { ru: "Учащихся НОО (1–4 кл.)", en: "Primary students (1–4)" },
  },
  {
    id: "students_basic", number: "1.3", unit: COUNT, periodicity: ["Y"], parent: "students_total", levels: BASIC,
    name: {
      ru: "Численность учащихся по образовательной программе основного общего образования",
      en: "Number of students in the basic general education programme",
    },
    short: { ru: "Учащихся ООО (5–9 кл.)", en: "Basic students (5–9)" },
  },
  {
    id: "students_secondary", number: "1.4", unit: COUNT, periodicity: ["Y"], parent: "students_total", levels: SECONDARY,
    name: {
      ru: "Численность учащихся по образовательной программе среднего общего образования",
      en: "Number of students in the secondary general education programme",
    },
    short: { ru: "Учащихся СОО (10–11 кл.)", en: "Secondary students (10–11)" },
  },
  {
    id: "students_assessed", number: "", unit: COUNT, periodicity: ["Q", "H", "Y"], source: SRC_MUNICIPAL,
    name: {
      ru: "Численность учащихся, подлежащих аттестации (без учащихся 1 класса и обучающихся без отметок; не аттестованные «н/а» входят)",
      en: "Number of students subject to assessment (excluding 1st grade and students taught without marks; students not assessed (absent) are included)",
    },
    short: { ru: "Подлежат аттестации", en: "Students assessed" },
  },
  {
    id: "grads_9", number: "", unit: COUNT, periodicity: ["Y", "E"], source: SRC_MUNICIPAL, levels: BASIC,
    name: { ru: "Численность выпускников 9 класса", en: "Number of 9th-grade graduates" },
    short: { ru: "Выпускники 9 кл.", en: "Grade 9 graduates" },
  },
  {
    id: "grads_11", number: "", unit: COUNT, periodicity: ["Y", "E"], source: SRC_MUNICIPAL, levels: SECONDARY,
    name: { ru: "Численность выпускников 11 класса", en: "Number of 11th-grade graduates" },
    short: { ru: "Выпускники 11 кл.", en: "Grade 11 graduates" },
  },
  {
    id: "staff_ped", number: "1.24", unit: COUNT, periodicity: ["H", "Y"],
    name: { ru: "Общая численность педагогических работников, в том числе:", en: "Total number of teaching staff, including:" },
    short: { ru: "Педагогов всего", en: "Teaching staff, total" },
  },
  {
    id: "staff_ped_admin", number: "", unit: COUNT, periodicity: ["H", "Y"], source: `${SRC_1324}, пп. 1.33–1.34 (знаменатель)`,
    name: {
      ru: "Общая численность педагогических и административно-хозяйственных работников",
      en: "Total number of teaching, administrative and support staff",
    },
    short: { ru: "Педагогов и АХР всего", en: "Teaching and admin staff" },
  },
]);

const G9 = "в общей численности выпускников 9 класса";
const G9_EN = "as a share of all 9th-grade graduates";
const G11 = "в общей численности выпускников 11 класса";
const G11_EN = "as a share of all 11th-grade graduates";
const ALL = "в общей численности учащихся";
const ALL_EN = "as a share of all students";

export const SUBJECT: Indicator[] = section("subject", [
  {
    id: "quality_4_5", number: "1.5", periodicity: ["Q", "H", "Y"],
    unit: { kind: "countShare", denominator: ["students_assessed"], choices: ["students_assessed", "students_total"] },
    name: {
      ru: `Численность/удельный вес численности учащихся, успевающих на «4» и «5» по результатам промежуточной аттестации, ${ALL}`,
      en: `Number/share of students with marks of "4" and "5" in the interim assessment, ${ALL_EN}`,
    },
    short: { ru: "Качество знаний («4» и «5»)", en: "Quality (marks 4 and 5)" },
  },
  {
    id: "gia9_rus_avg", number: "1.6", unit: AVG(2, 5), periodicity: ["E"], levels: BASIC,
    name: {
      ru: "Средний балл государственной итоговой аттестации выпускников 9 класса по русскому языку",
      en: "Average state final examination (GIA) mark of 9th-grade graduates in Russian",
    },
    short: { ru: "ОГЭ, русский язык: средний балл", en: "OGE Russian: average" },
  },
  {
    id: "gia9_math_avg", number: "1.7", unit: AVG(2, 5), periodicity: ["E"], levels: BASIC,
    name: {
      ru: "Средний балл государственной итоговой аттестации выпускников 9 класса по математике",
      en: "Average state final examination (GIA) mark of 9th-grade graduates in mathematics",
    },
    short: { ru: "ОГЭ, математика: средний балл", en: "OGE maths: average" },
  },
  {
    id: "ege_rus_avg", number: "1.8", unit: AVG(0, 100), periodicity: ["E"], levels: SECONDARY,
    name: {
      ru: "Средний балл единого государственного экзамена выпускников 11 класса по русскому языку",
      en: "Average Unified State Exam (EGE) score of 11th-grade graduates in Russian",
    },
    short: { ru: "ЕГЭ, русский язык: средний балл", en: "EGE Russian: average" },
  },
  {
    id: "ege_math_avg", number: "1.9", unit: AVG(0, 100), periodicity: ["E"], levels: SECONDARY,
    name: {
      ru: "Средний балл единого государственного экзамена выпускников 11 класса по математике",
      en: "Average Unified State Exam (EGE) score of 11th-grade graduates in mathematics",
    },
    short: { ru: "ЕГЭ, математика: средний балл", en: "EGE maths: average" },
  },
  {
    id: "ege_math_prof_avg", number: "1.9п", unit: AVG(0, 100), periodicity: ["E"], levels: SECONDARY, adapts: "1.9",
    name: {
      ru: "Средний балл единого государственного экзамена выпускников 11 класса по математике (профильный уровень)",
      en: "Average Unified State Exam (EGE) score of 11th-grade graduates in mathematics (profile level)",
    },
    short: { ru: "ЕГЭ, профильная математика: средний балл", en: "EGE profile maths: average" },
  },
  {
    id: "ege_math_base_avg", number: "1.9б", unit: AVG(2, 5), periodicity: ["E"], levels: SECONDARY, adapts: "1.9",
    name: {
      ru: "Средний балл единого государственного экзамена выпускников 11 класса по математике (базовый уровень)",
      en: "Average Unified State Exam (EGE) mark of 11th-grade graduates in mathematics (basic level)",
    },
    short: { ru: "ЕГЭ, базовая математика: средний балл", en: "EGE basic maths: average" },
  },
  {
    id: "gia9_rus_fail", number: "1.10", unit: CS("grads_9"), polarity: -1, periodicity: ["E"], levels: BASIC,
    name: {
      ru: `Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на государственной итоговой аттестации по русскому языку, ${G9}`,
      en: `Number/share of 9th-grade graduates with unsatisfactory state final examination results in Russian, ${G9_EN}`,
    },
    short: { ru: "ОГЭ, русский язык: «2»", en: "OGE Russian: failed" },
  },
  {
    id: "gia9_math_fail", number: "1.11", unit: CS("grads_9"), polarity: -1, periodicity: ["E"], levels: BASIC,
    name: {
      ru: `Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на государственной итоговой аттестации по математике, ${G9}`,
      en: `Number/share of 9th-grade graduates with unsatisfactory state final examination results in mathematics, ${G9_EN}`,
    },
    short: { ru: "ОГЭ, математика: «2»", en: "OGE maths: failed" },
  },
  {
    id: "ege_rus_below_min", number: "1.12", unit: CS("grads_11"), polarity: -1, periodicity: ["E"], levels: SECONDARY,
    name: {
      ru: `Численность/удельный вес численности выпускников 11 класса, получивших результаты ниже установленного минимального количества баллов единого государственного экзамена по русскому языку, ${G11}`,
      en: `Number/share of 11th-grade graduates who scored below the established Unified State Exam minimum in Russian, ${G11_EN}`,
    },
    short: { ru: "ЕГЭ, русский язык: ниже минимума", en: "EGE Russian: below minimum" },
  },
  {
    id: "ege_math_below_min", number: "1.13", unit: CS("grads_11"), polarity: -1, periodicity: ["E"], levels: SECONDARY,
    name: {
      ru: `Численность/удельный вес численности выпускников 11 класса, получивших результаты ниже установленного минимального количества баллов единого государственного экзамена по математике, ${G11}`,
      en: `Number/share of 11th-grade graduates who scored below the established Unified State Exam minimum in mathematics, ${G11_EN}`,
    },
    short: { ru: "ЕГЭ, математика: ниже минимума", en: "EGE maths: below minimum" },
  },
  {
    id: "no_cert_9", number: "1.14", unit: CS("grads_9"), polarity: -1, periodicity: ["Y"], levels: BASIC,
    name: {
      ru: `Численность/удельный вес численности выпускников 9 класса, не получивших аттестаты об основном общем образовании, ${G9}`,
      en: `Number/share of 9th-grade graduates who did not receive a basic general education certificate, ${G9_EN}`,
    },
    short: { ru: "Без аттестата, 9 кл.", en: "No certificate, grade 9" },
  },
  {
    id: "no_cert_11", number: "1.15", unit: CS("grads_11"), polarity: -1, periodicity: ["Y"], levels: SECONDARY,
    name: {
      ru: `Численность/удельный вес численности выпускников 11 класса, не получивших аттестаты о среднем общем образовании, ${G11}`,
      en: `Number/share of 11th-grade graduates who did not receive a secondary general education certificate, ${G11_EN}`,
    },
    short: { ru: "Без аттестата, 11 кл.", en: "No certificate, grade 11" },
  },
  {
    id: "honors_cert_9", number: "1.16", unit: CS("grads_9"), periodicity: ["Y"], levels: BASIC,
    name: {
      ru: `Численность/удельный вес численности выпускников 9 класса, получивших аттестаты об основном общем образовании с отличием, ${G9}`,
      en: `Number/share of 9th-grade graduates who received a basic general education certificate with honours, ${G9_EN}`,
    },
    short: { ru: "Аттестат с отличием, 9 кл.", en: "Honours certificate, grade 9" },
  },
  {
    id: "honors_cert_11", number: "1.17", unit: CS("grads_11"), periodicity: ["Y"], levels: SECONDARY,
    name: {
      ru: `Численность/удельный вес численности выпускников 11 класса, получивших аттестаты о среднем общем образовании с отличием, ${G11}`,
      en: `Number/share of 11th-grade graduates who received a secondary general education certificate with honours, ${G11_EN}`,
    },
    short: { ru: "Аттестат с отличием, 11 кл.", en: "Honours certificate, grade 11" },
  },
  {
    id: "contest_participants", number: "1.18", unit: CS("students_total"), periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности учащихся, принявших участие в различных олимпиадах, смотрах, конкурсах, ${ALL}`,
      en: `Number/share of students who took part in olympiads, reviews and competitions, ${ALL_EN}`,
    },
    short: { ru: "Участники олимпиад и конкурсов", en: "Contest participants" },
  },
  {
    id: "contest_winners", number: "1.19", unit: CS("students_total"), periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности учащихся — победителей и призёров олимпиад, смотров, конкурсов, ${ALL}, в том числе:`,
      en: `Number/share of students who are winners and prize-winners of olympiads, reviews and competitions, ${ALL_EN}, including:`,
    },
    short: { ru: "Победители и призёры", en: "Contest winners" },
  },
  {
    id: "contest_winners_mun", number: "1.19м", unit: CS("students_total"), periodicity: ["Y"], parent: "contest_winners", adapts: "1.19",
    name: { ru: "муниципального уровня", en: "at municipal level" },
    short: { ru: "Победители: муниципальный уровень", en: "Winners: municipal" },
  },
  {
    id: "contest_winners_reg", number: "1.19.1", unit: CS("students_total"), periodicity: ["Y"], parent: "contest_winners",
    name: { ru: "регионального уровня", en: "at regional level" },
    short: { ru: "Победители: региональный уровень", en: "Winners: regional" },
  },
  {
    id: "contest_winners_fed", number: "1.19.2", unit: CS("students_total"), periodicity: ["Y"], parent: "contest_winners",
    name: { ru: "федерального уровня", en: "at federal level" },
    short: { ru: "Победители: федеральный уровень", en: "Winners: federal" },
  },
  {
    id: "contest_winners_int", number: "1.19.3", unit: CS("students_total"), periodicity: ["Y"], parent: "contest_winners",
    name: { ru: "международного уровня", en: "at international level" },
    short: { ru: "Победители: международный уровень", en: "Winners: international" },
  },
  {
    id: "deep_study", number: "1.20", unit: CS("students_total"), periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности учащихся, получающих образование с углублённым изучением отдельных учебных предметов, ${ALL}`,
      en: `Number/share of students receiving education with in-depth study of particular subjects, ${ALL_EN}`,
    },
    short: { ru: "Углублённое изучение предметов", en: "In-depth study" },
  },
  {
    id: "profile_study", number: "1.21", unit: CS("students_total"), periodicity: ["Y"], levels: SECONDARY,
    name: {
      ru: `Численность/удельный вес численности учащихся, получающих образование в рамках профильного обучения, ${ALL}`,
      en: `Number/share of students receiving education within specialised (profile) programmes, ${ALL_EN}`,
    },
    short: { ru: "Профильное обучение", en: "Profile education" },
  },
  {
    id: "distance_learning", number: "1.22", unit: CS("students_total"), polarity: 0, periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности учащихся с применением дистанционных образовательных технологий, электронного обучения, ${ALL}`,
      en: `Number/share of students taught with distance learning technologies and e-learning, ${ALL_EN}`,
    },
    short: { ru: "Дистанционное и электронное обучение", en: "Distance and e-learning" },
  },
  {
    id: "network_form", number: "1.23", unit: CS("students_total"), polarity: 0, periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности учащихся в рамках сетевой формы реализации образовательных программ, ${ALL}`,
      en: `Number/share of students in programmes delivered in a network form, ${ALL_EN}`,
    },
    short: { ru: "Сетевая форма обучения", en: "Network-form programmes" },
  },
  {
    id: "extra_education", number: "М1.1", unit: CS("students_total"), periodicity: ["Y"], source: SRC_MUNICIPAL,
    name: {
      ru: `Численность/удельный вес численности учащихся, осваивающих дополнительные общеобразовательные программы, ${ALL}`,
      en: `Number/share of students enrolled in supplementary general education programmes, ${ALL_EN}`,
    },
    short: { ru: "Дополнительное образование", en: "Supplementary education" },
  },
]);
