/**
 * Road-map import on real documents (issue 19): paragraphs Excel split into rows, months Excel
 * turned into dates, numbering that restarts per direction, programme years from titles, the
 * project's sample road map pasted and read from its .docx.
 */
import { isDayMonthFormat } from "../../src/core/roadmap/table";
import { isMonthFormat, isoToSerial, parseDeadline, programYearsFrom, recognizeRoadmap, roadmapTables, wordProgramYears, yearsFromText, type RoadmapEvent } from "../../src/core/roadmap";
import { SAMPLES, roadmapGrid, ROADMAP_TITLE } from "../../src/samples";
import { readDocx } from "../../src/xlsx/light";

const HEADER = ["№", "Мероприятие", "Сроки", "Ответственные"];
const brief = (e: RoadmapEvent) => [e.number, e.title, e.deadlineText, e.responsible];

describe("a cell's second paragraph continues the event above", () => {
  const cases: [string, string[][], string[][]][] = [
    ["deadline on two lines", [["1", "Семинар", "Октябрь 2025 –", "Иванов"], ["", "", "апрель 2026", ""]], [["1", "Семинар", "Октябрь 2025 – апрель 2026", "Иванов"]]],
    ["bullet list in the event", [["1", "Диагностика:", "Май 2026", "Завуч"], ["", "- по русскому языку;", "", ""], ["", "- по математике", "", ""]], [["1", "Диагностика: - по русскому языку; - по математике", "Май 2026", "Завуч"]]],
    ["bullets and a two-line deadline together", [["1.2", "Диагностика:", "Октябрь 2025 –", "Учителя"], ["", "- по русскому языку;", "апрель 2026", ""], ["", "• по математике", "", ""]], [["1.2", "Диагностика: - по русскому языку; • по математике", "Октябрь 2025 – апрель 2026", "Учителя"]]],
    ["responsible on two lines", [["1", "Совет", "Май 2026", "Заместитель директора"], ["", "", "", "по УВР"]], [["1", "Совет", "Май 2026", "Заместитель директора по УВР"]]],
    ["a deadline alone never makes an event without a title", [["", "Семинар", "", ""], ["", "", "Май 2026", "Петров"]], [["", "Семинар", "Май 2026", "Петров"]]],
    ["an unnumbered event with its own title and deadline in a numbered table stays an event", [["1", "Семинар", "Май 2026", ""], ["", "Круглый стол", "Июнь 2026", ""]], [["1", "Семинар", "Май 2026", ""], ["", "Круглый стол", "Июнь 2026", ""]]],
    ["numbered rows are events", [["1", "Семинар", "Май 2026", ""], ["2", "совещание", "июнь 2026", ""]], [["1", "Семинар", "Май 2026", ""], ["2", "совещание", "июнь 2026", ""]]],
  ];
  it.each(cases)("%s", (_name, rows, expected) => {
    const res = recognizeRoadmap([HEADER, ...rows]);
    expect(res.events.map(brief)).toEqual(expected);
    expect(res.findings).toEqual([]);
  });
});

describe("a month Excel turned into a date is the whole month", () => {
  it.each([
    ["mmmm yyyy", true], ["[$-419]ММММ ГГГГ", true], ["[$-ru-RU]mmmm yyyy;@", true], ["mmm-yy", true], ["MMM YYYY", true],
    ["mm.yyyy", true], ['"до "mmmm yyyy', true], ["dd.mm.yyyy", false], ["ДД.ММ.ГГГГ", false], ["d mmmm yyyy", false],
    ["m/d/yyyy", false], ["General", false], ["0.00", false], ["yyyy", false], ["h:mm", false], ["mmmm", false], ["@", false], [null, false],
  ])("%j → %s", (format, expected) => {
    expect(isMonthFormat(format)).toBe(expected);
  });

  const march = isoToSerial("2022-03-01")!;
  it("reads «Март 2022» from the serial and its month format; a day format stays a day", () => {
    const grid = [HEADER, ["1", "Педсовет", march, ""], ["2", "Совещание", march, ""], ["3", "Отчёт", "Март 2022", ""]];
    const formats = [[], ["General", "General", "mmmm yyyy", "General"], ["General", "General", "dd.mm.yyyy", "General"], []];
    const res = recognizeRoadmap(grid, "ru", formats);
    expect(res.events.map((e) => e.deadlineText)).toEqual(["Март 2022", "01.03.2022", "Март 2022"]);
    const years = { firstYear: 2021, lastYear: 2021 };
    expect(parseDeadline(res.events[0].deadlineText, years)).toEqual({ kind: "dated", occurrences: [{ start: "2022-03-01", end: "2022-03-31" }], recurring: false });
    // Without formats (an older caller) the serial is a day, as before.
    expect(recognizeRoadmap(grid).events[0].deadlineText).toBe("01.03.2022");
  });
});

describe("«1.1» and «25.10» Excel in Russian turned into dates of this year", () => {
  it.each([["d mmm", true], ["[$-419]d mmm;@", true], ["dd.mm", true], ["ДД.МММ", true], ["dd.mm.yyyy", false], ["mmmm yyyy", false], ["d", false], ["h:mm", false], ["General", false]])("%j → %s", (format, expected) => {
    expect(isDayMonthFormat(format)).toBe(expected);
  });

  it("reads the № and a year-less deadline back as typed; the deadline recurs", () => {
    const jan1 = isoToSerial("2026-01-01")!;
    const oct25 = isoToSerial("2026-10-25")!;
    const grid = [HEADER, ["1. Раздел", "", "", ""], [jan1, "Педсовет", oct25, ""], [isoToSerial("2026-02-01")!, "Совещание", "май", ""]];
    const formats = [[], [], ["[$-419]d mmm;@", "General", "d mmm", "General"], ["d mmm", "General", "General", "General"]];
    const res = recognizeRoadmap(grid, "ru", formats);
    expect(res.events.map((e) => [e.number, e.deadlineText])).toEqual([["1.1", "25.10"], ["1.2", "май"]]);
    expect(parseDeadline(res.events[0].deadlineText, { firstYear: 2025, lastYear: 2026 })).toMatchObject({ kind: "dated", recurring: true, occurrences: [{ start: "2025-10-25", end: "2025-10-25" }, { start: "2026-10-25", end: "2026-10-25" }] });
  });
});

describe("numbering that restarts in each direction is normal", () => {
  it("1.1 … 2.1 and 1, 2, 3 restarting per section give no finding; a repeat inside a section does", () => {
    const grid = [HEADER, ["1. Первое", "", "", ""], ["1", "А", "Май 2026", ""], ["2", "Б", "Май 2026", ""], ["2. Второе", "", "", ""], ["1", "В", "Май 2026", ""], ["2", "Г", "Май 2026", ""], ["2.", "Д", "Май 2026", ""]];
    const res = recognizeRoadmap(grid);
    expect(res.events).toHaveLength(5);
    expect(res.findings.map((f) => f.message.en)).toEqual(["Row 8 of the selection: № 2. was already used in row 7."]);
  });
});

describe("programme years from a title", () => {
  it.each([
    ["Дорожная карта … на 2025–2026 гг.", 2025, 2025],
    ["План мероприятий на 2025-2026 учебный год", 2025, 2025],
    ["на 2025/2026 учебный год", 2025, 2025],
    ["на 2025/26 уч. год", 2025, 2025],
    ["Программа на 2024/25 – 2026/27 учебные годы", 2024, 2026],
    ["Программа поддержки на 2024–2027 годы", 2024, 2026],
    ["2025 – 2027 учебные годы", 2025, 2026],
    ["Срок реализации программы: 2025–2026 годы.", 2025, 2025],
  ])("%s → %i…%i", (text, first, last) => {
    expect(yearsFromText(text)?.years).toEqual({ firstYear: first, lastYear: last });
  });
  it.each(["План на 2025 год", "Приказ от 12.05.2025 № 45", "2026–2025 гг.", "2025/27", "1800–1801", "Дорожная карта", ""])("%j names no years", (text) => {
    expect(yearsFromText(text)).toBeNull();
  });
  it("the first text that names years wins", () => {
    expect(programYearsFrom(["Дорожная карта", "на 2025/26 уч. год", "2023-2024 учебный год"])?.years).toEqual({ firstYear: 2025, lastYear: 2025 });
  });
});

describe("the project's sample road map", () => {
  const YEARS = { firstYear: 2025, lastYear: 2025 };
  const expected = [
    ["1.1", "Анализ результатов ВПР и ГИА 2025 года", "Сентябрь 2025", "Заместитель директора по УВР"],
    ["1.2", "Проведение диагностических работ: - по русскому языку; - по математике", "Октябрь 2025 – апрель 2026", "Учителя-предметники"],
    ["1.3", "Консультации для учащихся группы риска", "ежемесячно", "Учителя-предметники"],
    ["1.4", "Мониторинг успеваемости и качества знаний", "по итогам четверти", "Заместитель директора по УВР"],
    ["2.1", "Курсы повышения квалификации учителей", "в течение года, согласно плану-графику", "Методист"],
    ["2.2", "Взаимопосещение уроков", "постоянно", "Руководители ШМО"],
    ["2.3", "Стажировка на базе школы-наставника", "Март 2026", "Директор"],
    ["1", "Родительские собрания по вопросам подготовки к ГИА", "Декабрь 2025", "Классные руководители"],
    ["2", "Индивидуальные консультации для родителей", "по мере необходимости", "Классные руководители"],
    ["3", "Анкетирование родителей об удовлетворённости качеством образования", "Май 2026", "Педагог-психолог"],
  ];

  it("pasted: ten events under three directions, no findings, every deadline understood", () => {
    const res = recognizeRoadmap(roadmapGrid());
    expect(res.headerRow).toBe(1);
    expect(res.groups).toEqual(["1. Повышение качества образовательных результатов", "2. Развитие кадрового потенциала", "3. Работа с родителями"]);
    expect(res.events.map(brief)).toEqual(expected);
    expect(res.findings).toEqual([]);
    expect(res.events.map((e) => parseDeadline(e.deadlineText, YEARS).kind)).toEqual(["dated", "dated", "dated", "dated", "dated", "undated", "dated", "dated", "undated", "dated"]);
    expect(programYearsFrom([roadmapGrid()[0][0]])?.years).toEqual(YEARS);
  });

  it("from the .docx: the road map is chosen among the tables by default and reads as pasted", () => {
    const r = readDocx(SAMPLES[1].docx());
    if (!r.ok) throw new Error(r.finding.en);
    const { choices, best } = roadmapTables(r.doc.tables);
    expect(choices.map((c) => [c.heading, c.events])).toEqual([["Целевые показатели программы", 0], [ROADMAP_TITLE, 10]]);
    expect(best).toBe(1);
    const res = recognizeRoadmap(r.doc.tables[best].rows);
    expect(res.events.map(brief)).toEqual(expected);
    expect(res.findings).toEqual([]);
    expect(wordProgramYears(r.doc, best)).toEqual({ years: YEARS, words: "2025–2026" });
    // The indicators table's years come from the document's paragraph.
    expect(wordProgramYears(r.doc, 0)?.words).toBe("2025–2026");
  });
});
