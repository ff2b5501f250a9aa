import fc from "fast-check";
import { parseDeadline } from "../../src/core/roadmap/deadlines";
import type { Deadline, ProgramYears } from "../../src/core/roadmap/types";

/** The program runs over the school years 2022/23 and 2023/24. */
const YEARS: ProgramYears = { firstYear: 2022, lastYear: 2023 };

const spans = (flat: string[]): { start: string; end: string }[] =>
  Array.from({ length: flat.length / 2 }, (_, k) => ({ start: flat[2 * k], end: flat[2 * k + 1] }));
/** Dated once: start, end, start, end … */
const D = (...flat: string[]): Deadline => ({ kind: "dated", occurrences: spans(flat), recurring: false });
/** Recurring, expanded over the program years. */
const R = (...flat: string[]): Deadline => ({ kind: "dated", occurrences: spans(flat), recurring: true });
const U = (reason: "schedule" | "asNeeded" | "afterMonitoring" | "other"): Deadline => ({ kind: "undated", reason });
const X: Deadline = { kind: "unparsed" };

const TEACHING = R("2022-09-01", "2023-05-31", "2023-09-01", "2024-05-31");
const WHOLE_YEAR = R("2022-09-01", "2023-08-31", "2023-09-01", "2024-08-31");
const JUNE = R("2023-06-01", "2023-06-30", "2024-06-01", "2024-06-30");
const QUARTERS = R(
  "2022-09-01", "2022-10-31", "2022-11-01", "2022-12-31", "2023-01-01", "2023-03-31", "2023-04-01", "2023-05-31",
  "2023-09-01", "2023-10-31", "2023-11-01", "2023-12-31", "2024-01-01", "2024-03-31", "2024-04-01", "2024-05-31",
);
const HALVES = R("2022-09-01", "2022-12-31", "2023-01-01", "2023-05-31", "2023-09-01", "2023-12-31", "2024-01-01", "2024-05-31");

const AFTER_QUARTERS = R(
  "2022-11-01", "2022-11-30", "2023-01-01", "2023-01-31", "2023-04-01", "2023-04-30", "2023-06-01", "2023-06-30",
  "2023-11-01", "2023-11-30", "2024-01-01", "2024-01-31", "2024-04-01", "2024-04-30", "2024-06-01", "2024-06-30",
);
const MONTHLY = R(...[2022, 2023].flatMap((Y) => [9, 10, 11, 12, 1, 2, 3, 4, 5].flatMap((m) => {
  const y = m >= 9 ? Y : Y + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return [`${y}-${mm}-01`, `${y}-${mm}-${last}`];
})));

const TABLE: [string, Deadline][] = [
  // months and month ranges
  ["Январь 2023", D("2023-01-01", "2023-01-31")],
  ["январь 2023 г.", D("2023-01-01", "2023-01-31")],
  ["в январе 2023 года", D("2023-01-01", "2023-01-31")],
  ["ЯНВАРЯ 2023", D("2023-01-01", "2023-01-31")],
  ["февраль 2023 – выезд в школы-партнёры", D("2023-02-01", "2023-02-28")],
  ["Март 2024 (по согласованию)", D("2024-03-01", "2024-03-31")],
  ["Январь 2021- декабрь 2023", D("2021-01-01", "2023-12-31")],
  ["Май - июнь 2021", D("2021-05-01", "2021-06-30")],
  ["в мае—июне 2021 г.", D("2021-05-01", "2021-06-30")],
  ["Ноябрь 2020 – апрель 2021", D("2020-11-01", "2021-04-30")],
  ["Ноябрь - январь 2021", D("2020-11-01", "2021-01-31")],
  ["сентябрь 2023 г. -\nмай 2024 г.", D("2023-09-01", "2024-05-31")],
  ["Сентябрь 2023 г., январь 2024 г.", D("2023-09-01", "2023-09-30", "2024-01-01", "2024-01-31")],
  ["февр. 2024", D("2024-02-01", "2024-02-29")],
  // dates and date ranges
  ["20.12.2023", D("2023-12-20", "2023-12-20")],
  ["20.12.2023г.", D("2023-12-20", "2023-12-20")],
  ["20.12.23", D("2023-12-20", "2023-12-20")],
  ["20 декабря 2023 г.", D("2023-12-20", "2023-12-20")],
  ["до 20.01.2023", D("2022-09-01", "2023-01-20")],
  ["До 01.06.2022", D("2022-06-01", "2022-06-01")],
  ["не позднее 25.05.2024", D("2022-09-01", "2024-05-25")],
  ["к 1 сентября 2023 г.", D("2022-09-01", "2023-09-01")],
  ["до конца 2023 года", D("2022-09-01", "2023-12-31")],
  ["01.09.2023 – 31.05.2024", D("2023-09-01", "2024-05-31")],
  ["с 01.09.2023 по 31.05.2024", D("2023-09-01", "2024-05-31")],
  ["с 1 по 15 сентября 2023", D("2023-09-01", "2023-09-15")],
  ["10-20 января 2024", D("2024-01-10", "2024-01-20")],
  ["10.01-20.01.2024", D("2024-01-10", "2024-01-20")],
  // recurring dates and months (no year)
  ["25.10– 10.11; 25.03- 10.04", R(
    "2022-10-25", "2022-11-10", "2023-03-25", "2023-04-10", "2023-10-25", "2023-11-10", "2024-03-25", "2024-04-10")],
  ["25.12 - 10.01", R("2022-12-25", "2023-01-10", "2023-12-25", "2024-01-10")],
  ["до 25.05", R("2022-09-01", "2023-05-25", "2023-09-01", "2024-05-25")],
  ["сентябрь", R("2022-09-01", "2022-09-30", "2023-09-01", "2023-09-30")],
  ["Март", R("2023-03-01", "2023-03-31", "2024-03-01", "2024-03-31")],
  ["октябрь, март", R("2022-10-01", "2022-10-31", "2023-03-01", "2023-03-31", "2023-10-01", "2023-10-31", "2024-03-01", "2024-03-31")],
  ["ежегодно в сентябре", R("2022-09-01", "2022-09-30", "2023-09-01", "2023-09-30")],
  ["Апрель, ежегодно", R("2023-04-01", "2023-04-30", "2024-04-01", "2024-04-30")],
  ["ноябрь-декабрь", R("2022-11-01", "2022-12-31", "2023-11-01", "2023-12-31")],
  ["II полугодие", R("2023-01-01", "2023-05-31", "2024-01-01", "2024-05-31")],
  ["I четверть", R("2022-09-01", "2022-10-31", "2023-09-01", "2023-10-31")],
  // years, quarters, half-years
  ["2023 год", D("2023-01-01", "2023-12-31")],
  ["в 2024 г.", D("2024-01-01", "2024-12-31")],
  ["2021-2023 гг.", D("2021-01-01", "2023-12-31")],
  ["IV квартал 2023", D("2023-10-01", "2023-12-31")],
  ["4 квартал 2023 г.", D("2023-10-01", "2023-12-31")],
  ["I полугодие 2023", D("2023-01-01", "2023-06-30")],
  ["1-е полугодие 2023/24 уч. года", D("2023-09-01", "2023-12-31")],
  ["III четверть 2023-2024 учебного года", D("2024-01-01", "2024-03-31")],
  // school years
  ["2023-2024 уч. год", D("2023-09-01", "2024-05-31")],
  ["2023/24 учебный год", D("2023-09-01", "2024-05-31")],
  ["в течение 2022-2023 и 2023-2024 уч годов", D("2022-09-01", "2023-05-31", "2023-09-01", "2024-05-31")],
  ["В течение 2022/2023 учебного года", D("2022-09-01", "2023-05-31")],
  ["сентябрь 2023-2024 учебного года", D("2023-09-01", "2023-09-30")],
  // school-year phrases
  ["В течение года", WHOLE_YEAR],
  ["в течение учебного года", TEACHING],
  ["В течение уч. года", TEACHING],
  ["В ТЕЧЕНИЕ\n  УЧЕБНОГО   ГОДА.", TEACHING],
  ["ежегодно", WHOLE_YEAR],
  ["Ежегодно.", WHOLE_YEAR],
  ["1 раз в год", WHOLE_YEAR],
  ["ежегодно в течение учебного года", TEACHING],
  ["до конца учебного года", TEACHING],
  ["По итогам учебного года", JUNE],
  ["ежегодно по итогам учебного года", JUNE],
  ["в конце учебного года", JUNE],
  ["ежеквартально", QUARTERS],
  ["1 раз в квартал", QUARTERS],
  ["1 раз в полугодие", HALVES],
  ["2 раза в год", HALVES],
  ["в течение всего периода реализации программы", D("2022-09-01", "2024-08-31")],
  // undated
  ["По отдельному графику", U("schedule")],
  ["согласно плану-графику", U("schedule")],
  ["По мере необходимости", U("asNeeded")],
  ["при необходимости", U("asNeeded")],
  ["по запросу", U("asNeeded")],
  ["По результатам мониторинга", U("afterMonitoring")],
  ["по итогам диагностики", U("afterMonitoring")],
  ["постоянно", U("other")],
  ["Систематически", U("other")],
  // not understood: never guessed
  ["скоро", X],
  ["31.02.2023", X],
  ["13 месяц", X],
  ["", X],
  ["   ", X],
  ["до января 2023", X],
  ["сентябрь 2023 уч. год", X],
  ["май - сентябрь", X],
  ["сентябрь, декабрь 2023", X],
  ["ежегодно, март 2023", X],
  ["2023/25", X],
  ["32.01.2023", X],
  ["Январь 2023 – выезд в школу № 5", X],
  ["III полугодие 2023", X],
  ["с сентября 2023", X],
  // issue 19: common phrases of real road maps. The summing-up follows the period it sums up (as
  // «по итогам учебного года» → June): the month after each school quarter / half-year.
  ["по итогам четверти", AFTER_QUARTERS],
  ["По итогам каждой четверти", AFTER_QUARTERS],
  ["в конце четверти", AFTER_QUARTERS],
  ["по итогам I четверти", R("2022-11-01", "2022-11-30", "2023-11-01", "2023-11-30")],
  ["по итогам 3-й четверти", R("2023-04-01", "2023-04-30", "2024-04-01", "2024-04-30")],
  ["по итогам полугодия", R("2023-01-01", "2023-01-31", "2023-06-01", "2023-06-30", "2024-01-01", "2024-01-31", "2024-06-01", "2024-06-30")],
  ["по итогам II полугодия", JUNE],
  ["по итогам V четверти", X],
  // A qualifier naming the plan is dropped when a deadline comes before it; alone it is a schedule.
  ["в течение года, согласно плану-графику", WHOLE_YEAR],
  ["В течение года, согласно плану работы школы", WHOLE_YEAR],
  ["в течение учебного года согласно графику", TEACHING],
  ["в течение года (по отдельному графику)", WHOLE_YEAR],
  ["ежемесячно, по графику", MONTHLY],
  ["Октябрь 2022, в соответствии с положением о конкурсе", D("2022-10-01", "2022-10-31")],
  ["ежегодно, согласно приказу", WHOLE_YEAR],
  ["согласно плану-графику", U("schedule")],
  ["по отдельному графику", U("schedule")],
  ["выезд в школу, согласно графику", X],
  ["ежемесячно", MONTHLY],
  ["постоянно", U("other")],
  ["по мере необходимости", U("asNeeded")],
];

describe("parseDeadline: the phrase table", () => {
  test("has at least 45 phrases", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(45);
  });

  test.each(TABLE)("%j", (text, expected) => {
    expect(parseDeadline(text, YEARS)).toEqual(expected);
  });
});

describe("parseDeadline: program years", () => {
  test("recurring deadlines expand over each program year", () => {
    const d = parseDeadline("ежегодно", { firstYear: 2020, lastYear: 2024 });
    expect(d.kind === "dated" && d.occurrences.map((o) => o.start)).toEqual(
      ["2020-09-01", "2021-09-01", "2022-09-01", "2023-09-01", "2024-09-01"]);
  });

  test("a dated deadline outside the program years is kept as written", () => {
    expect(parseDeadline("Май 2030", YEARS)).toEqual(D("2030-05-01", "2030-05-31"));
    expect(parseDeadline("Май 2015", YEARS)).toEqual(D("2015-05-01", "2015-05-31"));
  });

  test.each([
    [{ firstYear: 2024, lastYear: 2022 }],
    [{ firstYear: 2022.5, lastYear: 2023 }],
    [{ firstYear: 1800, lastYear: 2023 }],
    [{ firstYear: 2000, lastYear: 2040 }],
    [null as unknown as ProgramYears],
  ])("invalid program years %j: recurring deadlines are unparsed, dated ones still read", (years) => {
    expect(parseDeadline("ежегодно", years)).toEqual(X);
    expect(parseDeadline("сентябрь", years)).toEqual(X);
    expect(parseDeadline("Январь 2023", years)).toEqual(D("2023-01-01", "2023-01-31"));
    expect(parseDeadline("до 20.01.2023", years)).toEqual(D("2023-01-20", "2023-01-20"));
  });

  test("non-string input is unparsed", () => {
    expect(parseDeadline(45000 as unknown as string, YEARS)).toEqual(X);
    expect(parseDeadline(undefined as unknown as string, YEARS)).toEqual(X);
  });
});

describe("parseDeadline: properties", () => {
  const years = fc.record({ firstYear: fc.integer({ min: 2015, max: 2030 }), span: fc.integer({ min: 0, max: 5 }) })
    .map(({ firstYear, span }) => ({ firstYear, lastYear: firstYear + span }));
  const phrase = fc.constantFrom(...TABLE.map(([t]) => t));

  test("every occurrence has start ≤ end; occurrences are sorted and distinct", () => {
    fc.assert(fc.property(phrase, years, (text, y) => {
      const d = parseDeadline(text, y);
      if (d.kind !== "dated") return;
      expect(d.occurrences.length).toBeGreaterThan(0);
      for (const o of d.occurrences) expect(o.start <= o.end).toBe(true);
      const keys = d.occurrences.map((o) => `${o.start}|${o.end}`);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(keys.length);
    }));
  });

  test("case, dashes and spacing do not change the meaning", () => {
    const variant = fc.record({
      upper: fc.boolean(), dash: fc.constantFrom("-", "–", "—", "‒"), space: fc.constantFrom(" ", "  ", "\n", "\u00a0"),
    });
    fc.assert(fc.property(phrase, variant, (text, v) => {
      let t = text.replace(/[-–—]/g, v.dash).replace(/ /g, v.space);
      if (v.upper) t = t.toUpperCase();
      expect(parseDeadline(t, YEARS)).toEqual(parseDeadline(text, YEARS));
    }));
  });

  test("a recurring deadline has the same count of occurrences in every program year", () => {
    fc.assert(fc.property(phrase, years, (text, y) => {
      const d = parseDeadline(text, y);
      if (d.kind !== "dated" || !d.recurring) return;
      expect(d.occurrences.length % (y.lastYear - y.firstYear + 1)).toBe(0);
    }));
  });

  test("arbitrary text never throws and gives a valid Deadline", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      const d = parseDeadline(text, YEARS);
      expect(["dated", "undated", "unparsed"]).toContain(d.kind);
    }));
  });

  test("any valid date dd.mm.yyyy is that single day", () => {
    fc.assert(fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), (dt) => {
      const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
      const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const text = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
      expect(parseDeadline(text, YEARS)).toEqual(D(iso, iso));
    }));
  });
});
