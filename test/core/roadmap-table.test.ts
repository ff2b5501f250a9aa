import { headerField, recognizeRoadmap } from "../../src/core/roadmap/table";
import { isoToSerial } from "../../src/core/roadmap/dates";

/** A road map as Excel gives it after a paste from Word: title line, header, column numbers, groups, split rows. */
const PASTE: unknown[][] = [
  ["План мероприятий («дорожная карта») МБОУ СОШ № 7", "", "", "", "", ""],
  ["№ п/п", "Наименование\nмероприятия", "Сроки\nреализации", "Ответственные исполнители", "Целевая группа", "Ожидаемый результат"],
  [1, 2, 3, 4, 5, 6],
  ["1. Координация и управление", "", "", "", "", ""],
  ["1.1", "Создание рабочей группы", "Январь 2023", "Директор", "Администрация", "Приказ"],
  ["1.2.", "Разработка программы", "февраль 2023 – выезд", "Заместитель директора", "", "Программа"],
  ["", "  перехода в эффективный\n режим работы", null, "по УВР", "", "утверждена"],
  Array(6).fill("Повышение профессиональной компетентности педагогических и управленческих кадров"),
  [2.1, "Курсы повышения квалификации", isoToSerial("2023-12-20"), "Методист", "Учителя", "Удостоверения"],
  [null, null, null, null, null, null],
  ["2.2", "", "ежегодно", "Методист", "", ""],
  ["", "", "", "", "", "", "примечание"],
  ["1.1", "Повторный номер", "По мере необходимости", "", "", ""],
];

describe("recognizeRoadmap: a Word paste", () => {
  const res = recognizeRoadmap(PASTE, "ru");

  test("finds the header below the title line and every column", () => {
    expect(res.headerRow).toBe(1);
    expect(res.columns).toEqual({ number: 0, title: 1, deadline: 2, responsible: 3, targetGroup: 4, result: 5 });
  });

  test("keeps the direction headings as groups, in order", () => {
    expect(res.groups).toEqual([
      "1. Координация и управление",
      "Повышение профессиональной компетентности педагогических и управленческих кадров",
    ]);
  });

  test("reads events, merging the row Word split and converting a date serial", () => {
    expect(res.events).toEqual([
      {
        number: "1.1", title: "Создание рабочей группы", deadlineText: "Январь 2023", responsible: "Директор",
        targetGroup: "Администрация", result: "Приказ", group: "1. Координация и управление", sourceRows: [4],
      },
      {
        number: "1.2.", title: "Разработка программы перехода в эффективный режим работы",
        deadlineText: "февраль 2023 – выезд", responsible: "Заместитель директора по УВР", targetGroup: "",
        result: "Программа утверждена", group: "1. Координация и управление", sourceRows: [5, 6],
      },
      {
        number: "2.1", title: "Курсы повышения квалификации", deadlineText: "20.12.2023", responsible: "Методист",
        targetGroup: "Учителя", result: "Удостоверения",
        group: "Повышение профессиональной компетентности педагогических и управленческих кадров", sourceRows: [8],
      },
      {
        number: "2.2", title: "", deadlineText: "ежегодно", responsible: "Методист", targetGroup: "", result: "",
        group: "Повышение профессиональной компетентности педагогических и управленческих кадров", sourceRows: [10],
      },
      {
        number: "1.1", title: "Повторный номер", deadlineText: "По мере необходимости", responsible: "",
        targetGroup: "", result: "",
        group: "Повышение профессиональной компетентности педагогических и управленческих кадров", sourceRows: [12],
      },
    ]);
  });

  test("lists findings with 0-based rows and messages in both languages", () => {
    // «1.1» again under the second direction is numbering that restarts there (issue 19): no finding.
    expect(res.findings.map((f) => f.row)).toEqual([11, 10]);
    const [outside, noTitle] = res.findings;
    expect(outside.message.ru).toBe("Строка 12 выделения: текст вне распознанных столбцов пропущен.");
    expect(noTitle.message).toEqual({
      ru: "Строка 11 выделения: у мероприятия № 2.2 нет названия.", en: "Row 11 of the selection: event № 2.2 has no title.",
    });
  });

  test("a № repeated within one direction is a finding", () => {
    const dup = recognizeRoadmap([...PASTE, ["1.1", "Ещё раз", "Май 2023", "", "", ""]]);
    expect(dup.findings.map((f) => f.message.ru)).toContain("Строка 14 выделения: № 1.1 уже встречался в строке 13.");
  });
});

describe("recognizeRoadmap: shapes of tables", () => {
  test("no header row → a finding and nothing else", () => {
    const res = recognizeRoadmap([["a", "b"], ["c", "d"]]);
    expect(res.headerRow).toBe(-1);
    expect(res.events).toEqual([]);
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].row).toBeNull();
    expect(res.findings[0].message.ru).toMatch(/^Не найдена строка заголовков/);
    expect(res.findings[0].message.en).toMatch(/^No header row/);
  });

  test("a header further than the first rows is not searched", () => {
    const grid = [...Array(6).fill(["", ""]), ["Мероприятие", "Сроки"], ["Семинар", "май 2023"]];
    expect(recognizeRoadmap(grid).headerRow).toBe(-1);
  });

  test.each([null, undefined, 42, "text", [], [[]]])("bad input %j gives the no-header finding, never throws", (g) => {
    const res = recognizeRoadmap(g as unknown as unknown[][]);
    expect(res.events).toEqual([]);
    expect(res.findings).toHaveLength(1);
  });

  test("without a № column: a lone numbered heading is a group, a lone title continues the event", () => {
    const grid = [
      ["Содержание", "Срок", "Исполнитель"],
      ["Направление 1. Методическая работа", "", ""],
      ["Открытые уроки", "Март", "Учителя"],
      ["по математике", "", ""],
      ["II. Мониторинг", "", ""],
      ["Анализ ВПР", "Май", ""],
    ];
    const res = recognizeRoadmap(grid);
    expect(res.columns).toEqual({ title: 0, deadline: 1, responsible: 2 });
    expect(res.groups).toEqual(["Направление 1. Методическая работа", "II. Мониторинг"]);
    expect(res.events.map((e) => [e.title, e.group, e.sourceRows])).toEqual([
      ["Открытые уроки по математике", "Направление 1. Методическая работа", [2, 3]],
      ["Анализ ВПР", "II. Мониторинг", [5]],
    ]);
    expect(res.events[0].number).toBe("");
  });

  test("a lone title before any event of its group is a heading", () => {
    const res = recognizeRoadmap([["Мероприятие", "Сроки"], ["Работа с родителями", ""], ["Собрание", "сентябрь"]]);
    expect(res.groups).toEqual(["Работа с родителями"]);
    expect(res.events.map((e) => e.title)).toEqual(["Собрание"]);
  });

  test("a row with only a № is an event without title (finding), not a group", () => {
    const res = recognizeRoadmap([["№", "Мероприятие", "Сроки"], ["3.", "", ""]]);
    expect(res.groups).toEqual([]);
    expect(res.events).toHaveLength(1);
    expect(res.findings.map((f) => f.message.en)).toEqual(["Row 2 of the selection: event № 3. has no title."]);
  });

  test("a row with only a deadline continues the event above (issue 19); a split row does not continue across a group heading", () => {
    const res = recognizeRoadmap([
      ["№", "Мероприятие", "Сроки", "Ответственный"],
      ["", "Семинар", "", ""],
      ["", "", "Май 2023", "Иванов"],
      ["Раздел 2", "", "", ""],
      ["", "для учителей", "", ""],
    ]);
    expect(res.events.map((e) => [e.title, e.deadlineText, e.responsible, e.group])).toEqual([
      ["Семинар", "Май 2023", "Иванов", ""], ["для учителей", "", "", "Раздел 2"],
    ]);
    expect(res.findings).toEqual([]);
  });

  test("a missing deadline column is reported; English headers are recognised", () => {
    const res = recognizeRoadmap([["No.", "Event", "Responsible"], ["1", "Kick-off", "Head"]]);
    expect(res.columns).toEqual({ number: 0, title: 1, responsible: 2 });
    expect(res.events[0].title).toBe("Kick-off");
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].row).toBe(0);
    expect(res.findings[0].message.ru).toContain("нет столбца «Сроки»");
  });

  test("a repeated header row is skipped", () => {
    const header = ["№", "Мероприятие", "Сроки"];
    const res = recognizeRoadmap([header, ["1", "Педсовет", "август"], header, ["2", "Совещание", "январь"]]);
    expect(res.events.map((e) => e.number)).toEqual(["1", "2"]);
  });
});

describe("headerField", () => {
  test.each([
    ["№", "number"], ["№ п/п", "number"], ["N", "number"], ["№п/п", "number"],
    ["Мероприятие", "title"], ["Наименование мероприятия", "title"], ["Содержание", "title"],
    ["Содержание деятельности", "title"], ["Сроки", "deadline"], ["Сроки реализации", "deadline"],
    ["Сроки выполнения", "deadline"], ["Срок", "deadline"], ["СРОКИ ПРОВЕДЕНИЯ МЕРОПРИЯТИЯ", "deadline"],
    ["Ответственные", "responsible"], ["Ответственный", "responsible"], ["Исполнители", "responsible"],
    ["Исполнитель", "responsible"], ["Ответственные за выполнение мероприятия", "responsible"],
    ["Целевая группа", "targetGroup"], ["Участники", "targetGroup"], ["Результат", "result"],
    ["Ожидаемый результат", "result"], ["Показатель", "result"], ["Планируемый результат", "result"],
    ["Результат мероприятия", "result"], ["Примечание", null], ["", null], [5, null], [null, null],
  ])("%j → %p", (cell, field) => {
    expect(headerField(cell)).toBe(field);
  });
});
