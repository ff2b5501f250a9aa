/**
 * Sections 3–5: facilities, teaching materials (приказ № 1324, прил. 2, пп. 2.1–2.6 plus municipal
 * additions) and the partnership-program indicators of mentor-school plans.
 */
import type { Indicator } from "../types";
import { COUNT, CS, RATIO, SHARE, SQM, section, SRC_MUNICIPAL, SRC_PARTNERSHIP, YN } from "./build";

const Y = ["Y" as const];

export const FACILITIES: Indicator[] = section("facilities", [
  {
    id: "computers_per_student", number: "2.1", unit: RATIO, periodicity: Y,
    name: { ru: "Количество компьютеров в расчёте на одного учащегося", en: "Number of computers per student" },
    short: { ru: "Компьютеров на учащегося", en: "Computers per student" },
  },
  {
    id: "classrooms_equipped", number: "М3.1", unit: YN, periodicity: Y, source: SRC_MUNICIPAL,
    name: {
      ru: "Оснащённость учебных кабинетов в соответствии с требованиями федеральных государственных образовательных стандартов",
      en: "Classrooms equipped in line with the federal state educational standards (FGOS)",
    },
    short: { ru: "Оснащённость кабинетов по ФГОС", en: "Classrooms equipped (FGOS)" },
  },
  {
    id: "electronic_docflow", number: "2.3", unit: YN, periodicity: Y,
    name: {
      ru: "Наличие в образовательной организации системы электронного документооборота",
      en: "The school has an electronic document management system",
    },
    short: { ru: "Электронный документооборот", en: "Electronic document flow" },
  },
  {
    id: "reading_room", number: "2.4", unit: YN, periodicity: Y,
    name: { ru: "Наличие читального зала библиотеки, в том числе:", en: "A library reading room, including:" },
    short: { ru: "Читальный зал", en: "Reading room" },
  },
  {
    id: "reading_room_20plus", number: "2.4м", unit: YN, periodicity: Y, parent: "reading_room", adapts: "2.4",
    name: { ru: "свыше 20 посадочных мест", en: "with more than 20 seats" },
    short: { ru: "Читальный зал: свыше 20 мест", en: "Reading room: 20+ seats" },
  },
  {
    id: "reading_room_pc", number: "2.4.1", unit: YN, periodicity: Y, parent: "reading_room",
    name: {
      ru: "с обеспечением возможности работы на стационарных компьютерах или использования переносных компьютеров",
      en: "where desktop computers can be used or laptops can be brought in",
    },
    short: { ru: "Читальный зал: компьютеры", en: "Reading room: computers" },
  },
  {
    id: "reading_room_media", number: "2.4.2", unit: YN, periodicity: Y, parent: "reading_room",
    name: { ru: "с медиатекой", en: "with a media library" },
    short: { ru: "Читальный зал: медиатека", en: "Reading room: media library" },
  },
  {
    id: "reading_room_scan", number: "2.4.3", unit: YN, periodicity: Y, parent: "reading_room",
    name: { ru: "оснащённого средствами сканирования и распознавания текстов", en: "equipped for scanning and text recognition" },
    short: { ru: "Читальный зал: сканирование", en: "Reading room: scanning" },
  },
  {
    id: "reading_room_internet", number: "2.4.4", unit: YN, periodicity: Y, parent: "reading_room",
    name: {
      ru: "с выходом в Интернет с компьютеров, расположенных в помещении библиотеки",
      en: "with Internet access from computers located in the library",
    },
    short: { ru: "Читальный зал: Интернет", en: "Reading room: Internet" },
  },
  {
    id: "reading_room_print", number: "2.4.5", unit: YN, periodicity: Y, parent: "reading_room",
    name: { ru: "с контролируемой распечаткой бумажных материалов", en: "with controlled printing of paper materials" },
    short: { ru: "Читальный зал: распечатка", en: "Reading room: printing" },
  },
  {
    id: "broadband_share", number: "2.5", unit: CS("students_total"), periodicity: Y, impliedTarget: 1,
    name: {
      ru: "Численность/удельный вес численности учащихся, которым обеспечена возможность пользоваться широкополосным Интернетом (не менее 2 Мб/с), в общей численности учащихся",
      en: "Number/share of students provided with broadband Internet access (at least 2 Mbit/s), as a share of all students",
    },
    short: { ru: "Широкополосный Интернет", en: "Broadband Internet" },
  },
  {
    id: "area_per_student", number: "2.6", unit: SQM, periodicity: Y,
    name: {
      ru: "Общая площадь помещений, в которых осуществляется образовательная деятельность, в расчёте на одного учащегося",
      en: "Total floor area of premises used for educational activities per student",
    },
    short: { ru: "Площадь на учащегося", en: "Area per student" },
  },
]);

export const METHODS: Indicator[] = section("methods", [
  {
    id: "books_per_student", number: "2.2", unit: RATIO, periodicity: Y,
    name: {
      ru: "Количество экземпляров учебной и учебно-методической литературы из общего количества единиц хранения библиотечного фонда, состоящих на учёте, в расчёте на одного учащегося",
      en: "Number of copies of textbooks and teaching materials among the registered library holdings, per student",
    },
    short: { ru: "Учебной литературы на учащегося", en: "Textbooks per student" },
  },
  {
    id: "textbooks_fed_list", number: "М4.1", unit: YN, periodicity: Y, source: SRC_MUNICIPAL,
    name: {
      ru: "Соответствие используемых учебников федеральному перечню учебников",
      en: "Textbooks in use comply with the federal list of textbooks",
    },
    short: { ru: "Учебники по федеральному перечню", en: "Textbooks on federal list" },
  },
  {
    id: "website_art29", number: "М4.2", unit: YN, periodicity: Y, source: SRC_MUNICIPAL,
    name: {
      ru: "Соответствие содержания сайта образовательной организации требованиям статьи 29 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»",
      en: "The school website content complies with Article 29 of Federal Law No. 273-FZ of 29.12.2012 \"On Education in the Russian Federation\"",
    },
    short: { ru: "Сайт по ст. 29 273-ФЗ", en: "Website per Art. 29" },
  },
]);

export const PARTNERSHIP: Indicator[] = section("partnership", [
  {
    id: "gia_passed_share", number: "5.1", unit: CS("grads_9", "grads_11"), periodicity: ["E"], source: SRC_PARTNERSHIP, levels: ["basic", "secondary"],
    name: {
      ru: "Численность/удельный вес численности выпускников 9 и 11 классов, успешно сдавших государственную итоговую аттестацию, в общей численности выпускников 9 и 11 классов",
      en: "Number/share of 9th- and 11th-grade graduates who passed the state final examinations, as a share of all 9th- and 11th-grade graduates",
    },
    short: { ru: "Успешно сдали ГИА", en: "Passed final exams" },
  },
  {
    id: "vsosh_participants", number: "5.2", unit: COUNT, periodicity: Y, source: SRC_PARTNERSHIP, levels: ["basic", "secondary"],
    name: {
      ru: "Количество учащихся 8–11 классов, участвующих в школьном и муниципальном этапах всероссийской олимпиады школьников (русский язык, математика)",
      en: "Number of students of grades 8–11 taking part in the school and municipal stages of the All-Russian School Olympiad (Russian, mathematics)",
    },
    short: { ru: "Участники ВсОШ", en: "Olympiad participants" },
  },
  {
    id: "vsosh_winners", number: "5.3", unit: COUNT, periodicity: Y, source: SRC_PARTNERSHIP, levels: ["basic", "secondary"],
    name: {
      ru: "Количество победителей и призёров муниципального этапа всероссийской олимпиады школьников (русский язык, математика)",
      en: "Number of winners and prize-winners of the municipal stage of the All-Russian School Olympiad (Russian, mathematics)",
    },
    short: { ru: "Победители и призёры ВсОШ", en: "Olympiad winners" },
  },
  {
    id: "events_done_share", number: "5.4", unit: SHARE, periodicity: ["H", "Y"], source: SRC_PARTNERSHIP,
    name: {
      ru: "Процент выполнения запланированных мероприятий дорожной карты",
      en: "Percentage of planned road-map activities completed",
    },
    short: { ru: "Выполнение дорожной карты", en: "Road map completed" },
  },
]);
