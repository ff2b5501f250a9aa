/**
 * Section 2, staff (кадровые условия). Wording: приказ № 1324, прил. 2, пп. 1.25–1.34 (1.24, the
 * total, is a base figure); program variants of 1.33 keep their own numbers «1.33к», «1.33п».
 */
import type { Indicator, Periodicity } from "../types";
import { CS, section, SRC_MUNICIPAL } from "./build";

const PED = "в общей численности педагогических работников";
const PED_EN = "as a share of all teaching staff";
const PA = "в общей численности педагогических и административно-хозяйственных работников";
const PA_EN = "as a share of all teaching, administrative and support staff";
const HY: Periodicity[] = ["H", "Y"];

export const STAFF: Indicator[] = section("staff", [
  {
    id: "staff_higher_ed", number: "1.25", unit: CS("staff_ped"), periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, имеющих высшее образование, ${PED}`,
      en: `Number/share of teaching staff with higher education, ${PED_EN}`,
    },
    short: { ru: "Высшее образование", en: "Higher education" },
  },
  {
    id: "staff_higher_ped_ed", number: "1.26", unit: CS("staff_ped"), periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, имеющих высшее образование педагогической направленности (профиля), ${PED}`,
      en: `Number/share of teaching staff with higher education in teaching (pedagogical profile), ${PED_EN}`,
    },
    short: { ru: "Высшее педагогическое образование", en: "Higher teaching education" },
  },
  {
    id: "staff_vocational_ed", number: "1.27", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, имеющих среднее профессиональное образование, ${PED}`,
      en: `Number/share of teaching staff with secondary vocational education, ${PED_EN}`,
    },
    short: { ru: "Среднее профессиональное образование", en: "Vocational education" },
  },
  {
    id: "staff_vocational_ped_ed", number: "1.28", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, имеющих среднее профессиональное образование педагогической направленности (профиля), ${PED}`,
      en: `Number/share of teaching staff with secondary vocational education in teaching (pedagogical profile), ${PED_EN}`,
    },
    short: { ru: "Среднее профессиональное педагогическое", en: "Vocational teaching education" },
  },
  {
    id: "staff_category", number: "1.29", unit: CS("staff_ped"), periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, которым по результатам аттестации присвоена квалификационная категория, ${PED}, в том числе:`,
      en: `Number/share of teaching staff awarded a qualification category following certification, ${PED_EN}, including:`,
    },
    short: { ru: "Квалификационная категория", en: "Qualification category" },
  },
  {
    id: "staff_category_highest", number: "1.29.1", unit: CS("staff_ped"), periodicity: HY, parent: "staff_category",
    name: { ru: "высшая", en: "highest" },
    short: { ru: "Высшая категория", en: "Highest category" },
  },
  {
    id: "staff_category_first", number: "1.29.2", unit: CS("staff_ped"), periodicity: HY, parent: "staff_category",
    name: { ru: "первая", en: "first" },
    short: { ru: "Первая категория", en: "First category" },
  },
  {
    id: "staff_exp_lt5", number: "1.30.1", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников ${PED}, педагогический стаж работы которых составляет до 5 лет`,
      en: `Number/share of teaching staff whose teaching experience is under 5 years, ${PED_EN}`,
    },
    short: { ru: "Стаж до 5 лет", en: "Experience under 5 years" },
  },
  {
    id: "staff_exp_gt30", number: "1.30.2", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников ${PED}, педагогический стаж работы которых составляет свыше 30 лет`,
      en: `Number/share of teaching staff whose teaching experience exceeds 30 years, ${PED_EN}`,
    },
    short: { ru: "Стаж свыше 30 лет", en: "Experience over 30 years" },
  },
  {
    id: "staff_age_lt30", number: "1.31", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников ${PED} в возрасте до 30 лет`,
      en: `Number/share of teaching staff aged under 30, ${PED_EN}`,
    },
    short: { ru: "Педагоги до 30 лет", en: "Teachers under 30" },
  },
  {
    id: "staff_age_55plus", number: "1.32", unit: CS("staff_ped"), polarity: 0, periodicity: HY,
    name: {
      ru: `Численность/удельный вес численности педагогических работников ${PED} в возрасте от 55 лет`,
      en: `Number/share of teaching staff aged 55 and over, ${PED_EN}`,
    },
    short: { ru: "Педагоги от 55 лет", en: "Teachers 55 and over" },
  },
  {
    id: "staff_pd_5y", number: "1.33", unit: CS("staff_ped_admin"), periodicity: ["Y"],
    name: {
      ru: `Численность/удельный вес численности педагогических и административно-хозяйственных работников, прошедших за последние 5 лет повышение квалификации/профессиональную переподготовку по профилю педагогической деятельности или иной осуществляемой в образовательной организации деятельности, ${PA}`,
      en: `Number/share of teaching, administrative and support staff who completed professional development or retraining in their field of work in the last 5 years, ${PA_EN}`,
    },
    short: { ru: "Повышение квалификации/переподготовка за 5 лет", en: "Development or retraining, 5 years" },
  },
  {
    id: "staff_pd_3y", number: "1.33к", unit: CS("staff_ped_admin"), periodicity: ["Y"], adapts: "1.33",
    name: {
      ru: `Численность/удельный вес численности педагогических и административно-хозяйственных работников, прошедших за последние 3 года повышение квалификации по профилю педагогической деятельности или иной осуществляемой в образовательной организации деятельности, ${PA}`,
      en: `Number/share of teaching, administrative and support staff who completed professional development in their field of work in the last 3 years, ${PA_EN}`,
    },
    short: { ru: "Повышение квалификации за 3 года", en: "Professional development, 3 years" },
  },
  {
    id: "staff_retraining", number: "1.33п", unit: CS("staff_ped_admin"), periodicity: ["Y"], adapts: "1.33",
    name: {
      ru: `Численность/удельный вес численности педагогических и административно-хозяйственных работников, имеющих профессиональную переподготовку по профилю педагогической деятельности или иной осуществляемой в образовательной организации деятельности, ${PA}`,
      en: `Number/share of teaching, administrative and support staff with professional retraining in their field of work, ${PA_EN}`,
    },
    short: { ru: "Профессиональная переподготовка", en: "Professional retraining" },
  },
  {
    id: "staff_fgos_pd", number: "1.34", unit: CS("staff_ped_admin"), periodicity: ["Y"], impliedTarget: 1,
    name: {
      ru: `Численность/удельный вес численности педагогических и административно-хозяйственных работников, прошедших повышение квалификации по применению в образовательном процессе федеральных государственных образовательных стандартов, ${PA}`,
      en: `Number/share of teaching, administrative and support staff trained in applying the federal state educational standards (FGOS), ${PA_EN}`,
    },
    short: { ru: "Повышение квалификации по ФГОС", en: "FGOS training" },
  },
  {
    id: "staff_online_platforms", number: "М2.1", unit: CS("staff_ped"), periodicity: ["Y"], source: SRC_MUNICIPAL,
    name: {
      ru: `Численность/удельный вес численности педагогических работников, использующих в образовательном процессе онлайн-платформы, ${PED}`,
      en: `Number/share of teaching staff who use online platforms in teaching, ${PED_EN}`,
    },
    short: { ru: "Используют онлайн-платформы", en: "Use online platforms" },
  },
]);
