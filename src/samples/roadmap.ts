/**
 * A sample programme road map, made up by the project for the tests and the demo: directions as
 * merged rows, cells of several paragraphs (a bullet list in the event, a deadline on two lines),
 * month deadlines, common phrases, numbering that restarts in a direction, the programme years in
 * the title; a second table (the programme's indicators) before it, so a user has to choose.
 */
import type { DocxBlock, DocxCell } from "./docxWriter";

export const ROADMAP_TITLE = "Дорожная карта реализации программы поддержки МБОУ «СОШ № 7» на 2025–2026 гг.";
export const ROADMAP_HEADER = ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Целевая группа", "Результат"];
export const INDICATORS_HEADING = "Целевые показатели программы";

type Para = string | string[];
/** A direction (one merged row) or an event: its cells as paragraphs. */
type Row = { direction: string } | [Para, Para, Para, Para, Para, Para];

export const ROADMAP_ROWS: readonly Row[] = [
  { direction: "1. Повышение качества образовательных результатов" },
  ["1.1", "Анализ результатов ВПР и ГИА 2025 года", "Сентябрь 2025", "Заместитель директора по УВР", "Педагоги", "Аналитическая справка"],
  ["1.2", ["Проведение диагностических работ:", "- по русскому языку;", "- по математике"], ["Октябрь 2025 –", "апрель 2026"], "Учителя-предметники", "Учащиеся 5–9 классов", "Карты затруднений учащихся"],
  ["1.3", "Консультации для учащихся группы риска", "ежемесячно", "Учителя-предметники", "Учащиеся 9, 11 классов", "Снижение доли неуспевающих"],
  ["1.4", "Мониторинг успеваемости и качества знаний", "по итогам четверти", ["Заместитель директора", "по УВР"], "Учащиеся 2–11 классов", "Справка по итогам четверти"],
  { direction: "2. Развитие кадрового потенциала" },
  ["2.1", "Курсы повышения квалификации учителей", "в течение года, согласно плану-графику", "Методист", "Педагоги", "Удостоверения о повышении квалификации"],
  ["2.2", "Взаимопосещение уроков", "постоянно", "Руководители ШМО", "Педагоги", "Листы наблюдения"],
  ["2.3", "Стажировка на базе школы-наставника", "Март 2026", "Директор", "Педагоги", "Отчёт о стажировке"],
  { direction: "3. Работа с родителями" },
  ["1", "Родительские собрания по вопросам подготовки к ГИА", "Декабрь 2025", "Классные руководители", "Родители учащихся 9, 11 классов", "Протоколы собраний"],
  ["2", "Индивидуальные консультации для родителей", "по мере необходимости", "Классные руководители", "Родители", ""],
  ["3", "Анкетирование родителей об удовлетворённости качеством образования", "Май 2026", "Педагог-психолог", "Родители", "Результаты анкетирования"],
];

/** The row of column numbers Word road maps often have under the header. */
const COLUMN_NUMBERS = ["1", "2", "3", "4", "5", "6"];

/** Rows after this index (the third direction's heading) have automatic numbers in the .docx. */
const AUTO_NUMBERED_FROM = 9;

const paras = (p: Para): string[] => (typeof p === "string" ? [p] : p);

/**
 * The table as Excel gives it when pasted from Word: the title row above it (copied with it), and
 * every paragraph of a cell on a row of its own (Excel splits a cell at its paragraphs; the other
 * cells of the row are merged, so only their first row holds text).
 */
export function roadmapGrid(): string[][] {
  const out: string[][] = [[ROADMAP_TITLE, "", "", "", "", ""], ROADMAP_HEADER.slice(), COLUMN_NUMBERS.slice()];
  for (const r of ROADMAP_ROWS) {
    if (!Array.isArray(r)) {
      out.push([(r as { direction: string }).direction, "", "", "", "", ""]);
      continue;
    }
    const cells = r.map(paras);
    const height = Math.max(...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) out.push(cells.map((c) => c[i] ?? ""));
  }
  return out;
}

export function roadmapBlocks(): DocxBlock[] {
  const rows: (DocxCell | string)[][] = [
    ROADMAP_HEADER.slice(),
    COLUMN_NUMBERS.slice(),
    // The third direction's № are Word's automatic numbers (a list restarting at 1), as real documents have.
    ...ROADMAP_ROWS.map((r, i): (DocxCell | string)[] =>
      Array.isArray(r)
        ? r.map((p, c) => (c === 0 && i > AUTO_NUMBERED_FROM ? { text: "", numbered: true } : { text: paras(p) }))
        : [{ text: (r as { direction: string }).direction, span: 6, bold: true }]),
  ];
  return [
    { kind: "p", text: "Программа поддержки МБОУ «СОШ № 7» с низкими образовательными результатами", bold: true, center: true, size: 28 },
    { kind: "p", text: "Срок реализации программы: 2025–2026 годы." },
    { kind: "p", text: INDICATORS_HEADING, bold: true },
    {
      kind: "table", widths: [6000, 1500, 1500], headerRows: 1,
      rows: [["Показатель", "2025", "2026"], ["Доля учащихся, успевающих на «4» и «5», %", "34", "38"], ["Доля выпускников 9 класса, не получивших аттестаты, %", "3", "0"]],
    },
    { kind: "p", text: ROADMAP_TITLE, bold: true, center: true },
    { kind: "table", widths: [800, 4200, 1800, 2200, 2000, 2600], rows, headerRows: 1 },
  ];
}
