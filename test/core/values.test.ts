import fc from "fast-check";
import { formatValue, parseReported, parseShare, parseValue, shareAmbiguity } from "../../src/core/values";
import type { Unit, Value } from "../../src/core/types";

const COUNT: Unit = { kind: "count" };
const CS: Unit = { kind: "countShare", denominator: ["students_total"] };
const SHARE: Unit = { kind: "share" };
const AVG5: Unit = { kind: "average", min: 2, max: 5 };
const AVG100: Unit = { kind: "average", min: 0, max: 100 };
const RATIO: Unit = { kind: "ratio" };
const YN: Unit = { kind: "yesNo" };

/** Expected: a number, or the kind of a non-number value. */
type Expect = number | "na" | "empty" | "error";

function kindOf(v: Value): Expect {
  return v.kind === "number" ? v.value : v.kind;
}

const TABLE: [unknown, Unit | undefined, Expect][] = [
  // numbers and separators
  [42, COUNT, 42],
  ["42", COUNT, 42],
  ["1 234", COUNT, 1234],
  ["1\u00a0234", COUNT, 1234],
  ["1 234 567", COUNT, 1234567],
  ["1 234,5", RATIO, 1234.5],
  ["1.234,5", RATIO, 1234.5],
  ["1,234.5", RATIO, 1234.5],
  ["2,5", RATIO, 2.5],
  ["2.5", RATIO, 2.5],
  ["12 чел.", COUNT, 12],
  ["3,2 кв. м", RATIO, 3.2],
  ["1 23", COUNT, "error"],
  ["1,2,3", RATIO, "error"],
  ["-3", COUNT, "error"],
  ["3,5", COUNT, "error"],
  ["21%", COUNT, "error"],
  ["abc", COUNT, "error"],
  ["12abc", RATIO, "error"],
  ["01.09.2023", COUNT, "error"],
  [new Date(2023, 8, 1), COUNT, "error"],
  [NaN, COUNT, "error"],
  [Infinity, RATIO, "error"],
  [-0.5, RATIO, "error"],
  [true, COUNT, "error"],
  // shares
  ["21%", SHARE, 0.21],
  ["21 %", SHARE, 0.21],
  ["21", SHARE, 0.21],
  [21, SHARE, 0.21],
  ["0,21", SHARE, 0.21],
  ["0.21", SHARE, 0.21],
  [0.21, SHARE, 0.21],
  ["21,5%", SHARE, 0.215],
  ["100%", SHARE, 1],
  ["1", SHARE, 1],
  ["0", SHARE, 0],
  ["150", SHARE, "error"],
  [101, SHARE, "error"],
  ["-5%", SHARE, "error"],
  ["0,005", SHARE, 0.005],
  // countShare cell holds the count
  ["42", CS, 42],
  [42, CS, 42],
  ["42,5", CS, "error"],
  // averages
  ["4,25", AVG5, 4.25],
  [3, AVG5, 3],
  ["5,1", AVG5, "error"],
  ["1,9", AVG5, "error"],
  ["65,3", AVG100, 65.3],
  [101, AVG100, "error"],
  ["70%", AVG100, "error"],
  // yes / no
  ["да", YN, 1],
  ["Да", YN, 1],
  ["НЕТ", YN, 0],
  ["yes", YN, 1],
  ["No", YN, 0],
  ["TRUE", YN, 1],
  ["ложь", YN, 0],
  ["1", YN, 1],
  ["0", YN, 0],
  ["+", YN, 1],
  [true, YN, 1],
  [false, YN, 0],
  [1, YN, 1],
  [2, YN, "error"],
  ["может быть", YN, "error"],
  // not applicable / not filled / Excel errors
  ["–", COUNT, "na"],
  ["—", SHARE, "na"],
  ["-", YN, "na"],
  ["н/п", CS, "na"],
  ["N/A", AVG5, "na"],
  ["х", RATIO, "na"],
  ["не применимо", COUNT, "na"],
  ["нет данных", COUNT, "empty"],
  ["н/д", SHARE, "empty"],
  ["", COUNT, "empty"],
  ["   ", SHARE, "empty"],
  [null, YN, "empty"],
  [undefined, COUNT, "empty"],
  ["#N/A", COUNT, "error"],
  ["#DIV/0!", SHARE, "error"],
  ["#VALUE!", RATIO, "error"],
  ["#ДЕЛ/0!", SHARE, "error"],
  ["#NAME?", COUNT, "error"],
  [{}, COUNT, "error"],
  [[1, 2], COUNT, "error"],
  // no unit: any finite number
  ["-3,5", undefined, -3.5],
  ["21%", undefined, 0.21],
  [7, undefined, 7],
];

describe("parseValue", () => {
  test("table has at least 40 cases", () => expect(TABLE.length).toBeGreaterThanOrEqual(40));

  test.each(TABLE.map(([input, unit, expected]) => [String(input instanceof Date ? "Date" : JSON.stringify(input)), unit?.kind ?? "none", input, unit, expected]))(
    "%s as %s", (_label, _kind, input, unit, expected) => {
      const v = parseValue(input, unit as Unit | undefined);
      const got = kindOf(v);
      if (typeof expected === "number") {
        expect(typeof got).toBe("number");
        expect(got as number).toBeCloseTo(expected, 12);
      } else {
        expect(got).toBe(expected);
      }
      if (v.kind === "error") {
        expect(v.message.ru).toMatch(/[а-яё]/i);
        expect(v.message.en).toMatch(/[a-z]/i);
      }
    });

  test("error messages name the problem", () => {
    const avg = parseValue("5,5", AVG5);
    expect(avg.kind === "error" && avg.message.ru).toBe("Средний балл вне шкалы 2–5");
    const date = parseValue("01.09.2023", COUNT);
    expect(date.kind === "error" && date.message.ru).toContain("Дата «01.09.2023»");
    const text = parseValue("много", COUNT);
    expect(text.kind === "error" && text.message.ru).toBe("«много» — не число");
    const xl = parseValue("#N/A", SHARE);
    expect(xl.kind === "error" && xl.message.en).toBe("The cell holds the Excel error #N/A");
    const whole = parseValue(2.5, COUNT);
    expect(whole.kind === "error" && whole.message.ru).toBe("Численность должна быть целым числом");
  });

  test("never throws, for any input and unit", () => {
    const units = [undefined, COUNT, CS, SHARE, AVG5, AVG100, RATIO, YN];
    fc.assert(fc.property(fc.anything(), fc.constantFrom(...units), (x, u) => {
      const v = parseValue(x, u);
      expect(["number", "na", "empty", "error"]).toContain(v.kind);
      if (v.kind === "number") expect(Number.isFinite(v.value)).toBe(true);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), fc.constantFrom(...units), (s, u) => {
      parseValue(s, u);
      if (u) parseReported(s, u);
      shareAmbiguity(s);
    }), { numRuns: 2000 });
  });
});

describe("parseValue of a percent-formatted share cell", () => {
  const SHARE: Unit = { kind: "share" };
  it("takes the number as the share Excel shows: 0.38 is 38 %, 1.5 (typed «150 %») is over 100 %", () => {
    expect(parseValue(0.38, SHARE, { percentCell: true })).toEqual({ kind: "number", value: 0.38 });
    expect(parseValue(1, SHARE, { percentCell: true })).toEqual({ kind: "number", value: 1 });
    expect(parseValue(1.5, SHARE, { percentCell: true }).kind).toBe("error");
    expect(parseValue(21, SHARE, { percentCell: true }).kind).toBe("error"); // a pasted 21 shows 2 100 %
    expect(parseValue(-0.1, SHARE, { percentCell: true }).kind).toBe("error");
    // Text keeps the reading of a printed table: «21» is 21 %.
    expect(parseValue("21", SHARE, { percentCell: true })).toEqual({ kind: "number", value: 0.21 });
    // A number from elsewhere (a report table, a function argument) keeps the old reading.
    expect(parseValue(21, SHARE)).toEqual({ kind: "number", value: 0.21 });
  });
});

describe("parseReported", () => {
  test.each([
    ["42/21%", 42, 0.21],
    ["42 (21%)", 42, 0.21],
    ["42 / 21 %", 42, 0.21],
    ["42/21", 42, 0.21],
    ["42 / 21,5%", 42, 0.215],
    ["1 042 / 0,21", 1042, 0.21],
    ["42; 21%", 42, 0.21],
  ])("%j", (input, count, share) => {
    const o = parseReported(input, CS);
    expect(kindOf(o.value)).toBe(count);
    expect(kindOf(o.printedShare!)).toBeCloseTo(share, 12);
  });

  test("plain values, lone shares, not applicable, bad parts", () => {
    expect(parseReported(42, CS)).toEqual({ value: { kind: "number", value: 42 } });
    expect(parseReported("42", CS)).toEqual({ value: { kind: "number", value: 42 } });
    expect(parseReported("21%", CS)).toEqual({ value: { kind: "empty" }, printedShare: { kind: "number", value: 0.21 } });
    expect(parseReported("н/п", CS)).toEqual({ value: { kind: "na" } });
    expect(parseReported("n/a", CS)).toEqual({ value: { kind: "na" } });
    expect(parseReported("н/д", CS)).toEqual({ value: { kind: "empty" } });
    expect(parseReported("#N/A", CS).value.kind).toBe("error");
    expect(parseReported("–/–", CS)).toEqual({ value: { kind: "na" }, printedShare: { kind: "na" } });
    const bad = parseReported("42/250%", CS);
    expect(bad.value).toEqual({ kind: "number", value: 42 });
    expect(bad.printedShare?.kind).toBe("error");
    expect(parseReported("4,5", AVG5)).toEqual({ value: { kind: "number", value: 4.5 } });
    expect(parseReported("да", YN)).toEqual({ value: { kind: "number", value: 1 } });
  });
});

describe("shareAmbiguity", () => {
  test.each([
    ["0,005", true], ["0.005", true], ["0,0099", true],
    ["0,05", false], ["0,21", false], ["21", false], ["0,5%", false], ["0", false], ["abc", false], ["", false],
  ])("%j", (raw, flagged) => {
    const t = shareAmbiguity(raw);
    expect(t !== null).toBe(flagged);
  });

  test("the warning states how the value reads", () => {
    expect(shareAmbiguity("0,005")?.ru).toBe("«0,005» читается как 0,5 %. Если имелось в виду другое, введите долю со знаком % (например, 5 %).");
    expect(shareAmbiguity("0.005")?.en).toContain("reads as 0.5%");
  });

  test("parseShare reads the share side", () => {
    expect(parseShare("21%")).toEqual({ kind: "number", value: 0.21 });
  });
});

describe("formatValue", () => {
  test.each([
    [{ kind: "number", value: 0.21 }, SHARE, "ru", "21,0 %"],
    [{ kind: "number", value: 0.21 }, SHARE, "en", "21.0%"],
    [{ kind: "number", value: 0.2155 }, SHARE, "ru", "21,6 %"],
    [{ kind: "number", value: 1234 }, COUNT, "ru", "1\u00a0234"],
    [{ kind: "number", value: 1234 }, CS, "en", "1234"],
    [{ kind: "number", value: 4.25 }, AVG5, "ru", "4,25"],
    [{ kind: "number", value: 65 }, AVG100, "en", "65"],
    [{ kind: "number", value: 0.5 }, RATIO, "ru", "0,5"],
    [{ kind: "number", value: 1 }, YN, "ru", "да"],
    [{ kind: "number", value: 0 }, YN, "en", "no"],
    [{ kind: "na" }, COUNT, "ru", "–"],
    [{ kind: "empty" }, SHARE, "en", ""],
    [{ kind: "error", message: { ru: "Ошибка", en: "Error" } }, COUNT, "en", "Error"],
  ] as [Value, Unit, "ru" | "en", string][])("%j %j %s", (v, unit, lang, expected) => {
    expect(formatValue(v, unit, lang)).toBe(expected);
  });

  const langs = fc.constantFrom("ru" as const, "en" as const);
  const roundTrip = (unit: Unit, arb: fc.Arbitrary<number>, digits: number): void => {
    fc.assert(fc.property(arb, langs, (x, lang) => {
      const back = parseValue(formatValue({ kind: "number", value: x }, unit, lang), unit);
      expect(back.kind).toBe("number");
      if (back.kind === "number") expect(back.value).toBeCloseTo(x, digits);
    }), { numRuns: 500 });
  };

  test("formatValue → parseValue round-trips numbers for each unit kind", () => {
    roundTrip(COUNT, fc.nat({ max: 10_000_000 }), 12);
    roundTrip(CS, fc.nat({ max: 100_000 }), 12);
    roundTrip(SHARE, fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000), 12);
    roundTrip(AVG5, fc.integer({ min: 200, max: 500 }).map((k) => k / 100), 12);
    roundTrip(AVG100, fc.integer({ min: 0, max: 10000 }).map((k) => k / 100), 12);
    roundTrip(RATIO, fc.integer({ min: 0, max: 10_000_000 }).map((k) => k / 100), 12);
    roundTrip(YN, fc.constantFrom(0, 1), 12);
  });
});
