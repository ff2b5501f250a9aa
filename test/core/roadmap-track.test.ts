import fc from "fast-check";
import { PERIOD_KINDS, periodEnd } from "../../src/core/periods";
import { recognizeRoadmap } from "../../src/core/roadmap/table";
import {
  eventKey, expandEvents, isoToSerial, parseIsoDate, parseStatus, periodEndDate, serialToIso, trackPeriod,
} from "../../src/core/roadmap/track";
import { STATUS_LABELS } from "../../src/core/roadmap/types";
import type { EventStatus, ProgramYears, RoadmapEvent, TrackedEvent } from "../../src/core/roadmap/types";
import type { Period } from "../../src/core/types";

const YEARS: ProgramYears = { firstYear: 2022, lastYear: 2023 };

const ev = (number: string, title: string, deadlineText: string): RoadmapEvent => ({
  number, title, deadlineText, responsible: "", targetGroup: "", result: "", group: "", sourceRows: [0],
});

describe("eventKey", () => {
  const e = ev("1.2", "Проведение ВПР", "апрель");
  const o = { start: "2023-04-01", end: "2023-04-30" };

  test("is number | title hash | occurrence end", () => {
    expect(eventKey(e, o)).toMatch(/^1\.2\|[0-9a-f]{8}\|2023-04-30$/);
    expect(eventKey(ev("", "Проведение ВПР", ""), null)).toMatch(/^-\|[0-9a-f]{8}\|-$/);
  });

  test("tells apart other numbers, titles and occurrences", () => {
    const k = eventKey(e, o);
    expect(eventKey({ ...e, number: "1.3" }, o)).not.toBe(k);
    expect(eventKey({ ...e, title: "Проведение ОГЭ" }, o)).not.toBe(k);
    expect(eventKey(e, { start: "2024-04-01", end: "2024-04-30" })).not.toBe(k);
    expect(eventKey(e, null)).not.toBe(k);
  });

  test("ignores the group, the deadline text, the occurrence start and a trailing dot of the number", () => {
    const k = eventKey(e, o);
    expect(eventKey({ ...e, group: "Мониторинг", deadlineText: "в апреле", number: "1.2." }, { ...o, start: "2023-04-10" })).toBe(k);
  });

  test("is stable under whitespace, case and punctuation changes of the title", () => {
    const word = fc.stringMatching(/^[а-яёa-z0-9]{1,8}$/);
    const space = fc.constantFrom(" ", "  ", "\n", "\u00a0", " - ", ", ", " «", "» ");
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(space, { minLength: 6, maxLength: 6 }), fc.boolean(),
      (words, spaces, upper) => {
        const plain = words.join(" ");
        let messy = " " + words.map((w, i) => w + spaces[i]).join("") + " ";
        if (upper) messy = messy.toUpperCase();
        expect(eventKey(ev("3", messy, ""), o)).toBe(eventKey(ev("3", plain, ""), o));
      }));
  });
});

describe("expandEvents", () => {
  test("one row per occurrence; undated and unparsed give one row without occurrence; keys are unique", () => {
    const rows = expandEvents([
      ev("1", "Педсовет", "ежегодно"),
      ev("2", "Курсы", "20.12.2023"),
      ev("3", "Консультации", "По мере необходимости"),
      ev("4", "Что-то", "скоро"),
      ev("2", "Курсы", "20.12.2023"),
    ], YEARS);
    expect(rows.map((r) => [r.event.number, r.deadline.kind, r.occurrence?.end ?? null])).toEqual([
      ["1", "dated", "2023-08-31"], ["1", "dated", "2024-08-31"], ["2", "dated", "2023-12-20"],
      ["3", "undated", null], ["4", "unparsed", null], ["2", "dated", "2023-12-20"],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows[5].key).toBe(`${rows[2].key}#2`);
  });

  test("the same road map pasted again with other spacing gives the same keys", () => {
    const a = recognizeRoadmap([["№", "Мероприятие", "Сроки"], ["1.1", "Семинар для учителей", "сентябрь"]]);
    const b = recognizeRoadmap([["№ п/п", "Наименование мероприятия", "Сроки реализации"], ["1.1.", "Семинар\nдля  учителей", "Сентябрь"]]);
    expect(expandEvents(b.events, YEARS).map((r) => r.key)).toEqual(expandEvents(a.events, YEARS).map((r) => r.key));
  });

  test("bad input gives no rows", () => {
    expect(expandEvents(null as unknown as RoadmapEvent[], YEARS)).toEqual([]);
  });
});

describe("periodEndDate", () => {
  test.each([
    ["Q1", "2023-10-31"], ["Q2", "2023-12-31"], ["H1", "2023-12-31"], ["Q3", "2024-03-31"],
    ["Q4", "2024-05-31"], ["H2", "2024-05-31"], ["Y", "2024-08-31"], ["E", "2024-06-30"],
  ])("%s 2023/24 → %s", (kind, date) => {
    expect(periodEndDate({ startYear: 2023, kind } as Period)).toBe(date);
  });

  test("is the last day of periodEnd's month for every kind but the year", () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2090 }), fc.constantFrom(...PERIOD_KINDS.filter((k) => k !== "Y")), (startYear, kind) => {
      const p = { startYear, kind };
      const { year, month } = periodEnd(p);
      const d = periodEndDate(p);
      expect(d.slice(0, 7)).toBe(`${year}-${String(month).padStart(2, "0")}`);
      expect(serialToIso((isoToSerial(d) as number) + 1)?.slice(8)).toBe("01");
    }));
  });

  test("an invalid period gives an empty date", () => {
    expect(periodEndDate({ startYear: 2023, kind: "Q9" } as unknown as Period)).toBe("");
  });
});

describe("trackPeriod", () => {
  const rowsOf = (statuses: Record<string, [EventStatus, string | null]>): TrackedEvent[] =>
    expandEvents([
      ev("1", "Рабочая группа", "Январь 2023"),
      ev("2", "Курсы", "ежеквартально"),
      ev("3", "Отчёт", "По итогам учебного года"),
      ev("4", "Консультации", "По мере необходимости"),
      ev("5", "Непонятно", "скоро"),
      ev("6", "Выезд", "20.12.2023"),
    ], YEARS).map((r, i) => {
      const [status, completedOn] = statuses[`${r.event.number}:${r.occurrence?.end ?? ""}`] ?? statuses[String(i)] ?? ["planned", null];
      return { ...r, status, completedOn, note: "" };
    });

  test("counts due, done and overdue at the end of a period; cancelled are not due, postponed are overdue", () => {
    const rows = rowsOf({
      "1:2023-01-31": ["done", "2023-02-10"],
      "2:2022-10-31": ["done", "2022-10-20"],
      "2:2022-12-31": ["postponed", null],
      "2:2023-03-31": ["cancelled", null],
      "2:2023-05-31": ["done", null],
    });
    const h2 = trackPeriod(rows, { startYear: 2022, kind: "H2" });
    // due by 2023-05-31: event 1, four quarters of event 2 minus the cancelled one.
    expect([h2.due, h2.done, h2.share, h2.undated, h2.unparsed, h2.late]).toEqual([4, 3, 0.75, 1, 1, 1]);
    expect(h2.overdue.map((r) => [r.event.number, r.occurrence?.end, r.status])).toEqual([["2", "2022-12-31", "postponed"]]);

    const y = trackPeriod(rows, { startYear: 2022, kind: "Y" });
    // the year also brings the June report (not done).
    expect([y.due, y.done]).toEqual([5, 3]);
    expect(y.overdue.map((r) => r.event.number)).toEqual(["2", "3"]);

    const q2 = trackPeriod(rows, { startYear: 2023, kind: "Q2" });
    // by 2023-12-31: the above plus two quarters of 2023/24 and the visit of 20.12.2023.
    expect([q2.due, q2.done]).toEqual([8, 3]);
  });

  test("nothing due → share null; a done row not yet due is not counted", () => {
    const rows = rowsOf({ "6:2023-12-20": ["done", "2022-09-15"] });
    const q1 = trackPeriod(rows, { startYear: 2022, kind: "Q1" });
    expect(q1).toMatchObject({ due: 1, done: 0, share: 0 });
    const before = trackPeriod(rows, { startYear: 2021, kind: "Y" });
    expect(before).toMatchObject({ due: 0, done: 0, share: null, overdue: [], undated: 1, unparsed: 1 });
  });

  test("bad input never throws", () => {
    expect(trackPeriod(null as unknown as TrackedEvent[], { startYear: 2022, kind: "Y" }).share).toBeNull();
    expect(trackPeriod(rowsOf({}), null as unknown as Period)).toMatchObject({ due: 0, share: null });
  });

  test("share is done / due and lies in [0, 1]", () => {
    const status = fc.constantFrom<EventStatus>("planned", "done", "postponed", "cancelled");
    fc.assert(fc.property(fc.array(status, { minLength: 12, maxLength: 12 }), fc.constantFrom(...PERIOD_KINDS), fc.integer({ min: 2021, max: 2024 }),
      (statuses, kind, startYear) => {
        const rows = rowsOf(Object.fromEntries(statuses.map((s, i) => [String(i), [s, null]])));
        const t = trackPeriod(rows, { startYear, kind });
        expect(t.done + t.overdue.length).toBe(t.due);
        if (t.due === 0) expect(t.share).toBeNull();
        else expect(t.share).toBeCloseTo(t.done / t.due, 12);
      }));
  });
});

describe("parseStatus", () => {
  test.each([
    ["план", "planned"], ["План", "planned"], ["запланировано", "planned"], ["в работе", "planned"], ["planned", "planned"],
    ["выполнено", "done"], ["Выполнено.", "done"], ["ВЫПОЛНЕН", "done"], ["проведено", "done"], ["Done", "done"], ["completed", "done"],
    ["перенесено", "postponed"], ["Перенесено ", "postponed"], ["отложено", "postponed"], ["postponed", "postponed"],
    ["отменено", "cancelled"], ["Отменён", "cancelled"], ["cancelled", "cancelled"], ["canceled", "cancelled"],
    ["выполнено частично", null], ["частично выполнено", null], ["не выполнено", null], ["", null], ["да", null],
    [1, null], [null, null], [true, null],
  ])("%j → %p", (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  test("every label of STATUS_LABELS is read back in both languages", () => {
    for (const [status, label] of Object.entries(STATUS_LABELS)) {
      expect(parseStatus(label.ru)).toBe(status);
      expect(parseStatus(label.en.toUpperCase())).toBe(status);
    }
  });
});

describe("dates: Excel serials and typed dates", () => {
  test.each([
    [1, "1900-01-01"], [59, "1900-02-28"], [61, "1900-03-01"], [45000, "2023-03-15"], [45280, "2023-12-20"],
    [45280.75, "2023-12-20"], [2958465, "9999-12-31"],
  ])("serial %p ↔ %s", (n, iso) => {
    expect(serialToIso(n)).toBe(iso);
    expect(isoToSerial(iso)).toBe(Math.floor(n));
  });

  test.each([0, -5, 60, 2958466, NaN, Infinity])("serial %p has no date", (n) => {
    expect(serialToIso(n)).toBeNull();
  });

  test.each(["2023-02-29", "2023-13-01", "20.12.2023", "", "1899-12-31"])("isoToSerial(%j) → null", (d) => {
    expect(isoToSerial(d)).toBeNull();
  });

  test.each([
    ["20.12.2023", "2023-12-20"], ["1.9.2023", "2023-09-01"], ["01.09.23", "2023-09-01"], [" 20.12.2023 г.", "2023-12-20"],
    ["2023-12-20", "2023-12-20"], ["20/12/2023", "2023-12-20"], [45280, "2023-12-20"],
    ["31.02.2023", null], ["2023-02-30", null], ["декабрь", null], ["", null], [null, null], [true, null],
  ])("parseIsoDate(%j) → %p", (cell, iso) => {
    expect(parseIsoDate(cell)).toBe(iso);
  });

  test("serial → ISO → serial round-trips", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60), (n) => {
      expect(isoToSerial(serialToIso(n) as string)).toBe(n);
    }));
  });
});
