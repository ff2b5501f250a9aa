/**
 * The EDU.* functions at Excel's sizes and on the counts the README documents: a whole column
 * (1,048,576 cells) as a range argument never throws; a fractional or negative count is #VALUE!.
 */
import { ArgError, IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";
import { trend } from "../../src/core/calc";
import { maxOf, minOf, widthOf } from "../../src/core/arrays";

const ROWS = 1_048_576;
/** A whole column as Excel passes it to a custom function: rows of one cell. */
const column = (cell: (i: number) => unknown): unknown[][] => Array.from({ length: ROWS }, (_, i) => [cell(i)]);

function call(id: FunctionId, args: unknown[]): unknown {
  return (IMPLEMENTATIONS[id] as (...a: unknown[]) => unknown)(...args);
}

describe("a whole column (1,048,576 cells) as an argument", () => {
  it("EDU.TREND over empty cells read as 0 (desktop) is a flat trend", () => {
    expect(call("TREND", [column(() => 0)])).toBe(0);
  });

  it("EDU.TREND over empty cells read as null (web) has not enough data", () => {
    const r = call("TREND", [column(() => null)]);
    expect(r).toBeInstanceOf(ArgError);
    expect((r as ArgError).error.code).toBe("na");
  });

  it("EDU.TREND over a filled column gives the slope, also with a share indicator as polarity", () => {
    expect(call("TREND", [column((i) => i * 2)])).toBeCloseTo(2, 9);
    expect(call("TREND", [column((i) => (i % 2 === 0 ? 0.2 : null)), "quality_4_5"])).toBe(0);
    expect(call("TREND", [column((i) => (i < ROWS / 2 ? 0.2 : 0.5)), -1])).toBeLessThan(0);
  });

  it("EDU.TREND with a bad cell at the very end reports it", () => {
    const r = call("TREND", [column((i) => (i === ROWS - 1 ? "много" : 1))]);
    expect((r as ArgError).error.message.ru).toBe("Значения: «много» — не число");
  });

  it("the core trend takes 1,048,576 values (no spread into a call)", () => {
    const values = new Array<number | null>(ROWS).fill(null);
    values[0] = 1;
    values[ROWS - 1] = 2;
    const r = trend(values);
    expect(r.ok && r.value).toBeCloseTo(1 / (ROWS - 1), 15);
  });

  it("every function given a whole column in every argument answers without an exception", () => {
    const zeros = column(() => 0);
    const blanks = column(() => null);
    for (const id of Object.keys(IMPLEMENTATIONS) as FunctionId[]) {
      for (const big of [zeros, blanks]) {
        let out: unknown;
        expect(() => (out = call(id, [big, big, big, big, big]))).not.toThrow();
        expect(out === "" || typeof out === "number" || out instanceof ArgError).toBe(true);
      }
    }
  });
});

describe("counts must be whole and not negative (README: «negative or fractional count» → #VALUE!)", () => {
  const fractional = (n: string) => ({ ru: `Количество должно быть целым: ${n.replace(".", ",")}`, en: `A count must be whole: ${n}` });
  it.each<[FunctionId, unknown[], string | RegExp]>([
    ["SHARE", [2.5, 200], fractional("2.5").ru],
    ["SHARE", [25, 200.5], fractional("200.5").ru],
    ["SHARE", [2.5, 0], fractional("2.5").ru],
    ["SHARE", [-5, 200], "Отрицательное количество: −5"],
    ["SHARE", [5, -200], "Отрицательное целое: −200"],
    ["QUALITY", [5, 10.5, 12, 3], fractional("10.5").ru],
    ["QUALITY", [5, 10, 12, 3, 30.5], fractional("30.5").ru],
    ["QUALITY", [5, -10, 12, 3], "Отрицательное количество: −10"],
    ["SUCCESS", [5, 10, 12.25, 3], fractional("12.25").ru],
    ["SUCCESS", [5, 10, 12, 3, -30], "Отрицательное количество: −30"],
    ["GRADEAVG", [5, 10, 12, 3.5], fractional("3.5").ru],
    ["GRADEAVG", [-5, 10, 12, 3], "Отрицательное количество: −5"],
    ["SOU", [0.5, 10, 12, 3], fractional("0.5").ru],
    ["SOU", [5, 10, 12, 3, 1.5], fractional("1.5").ru],
    ["SOU", [5, 10, 12, 3, -1], "Отрицательное количество: −1"],
  ])("%s(%j) is #VALUE!", (id, args, ru) => {
    const r = call(id, args);
    expect(r).toBeInstanceOf(ArgError);
    expect((r as ArgError).error.code).toBe("value");
    expect((r as ArgError).error.message.ru).toBe(ru);
  });

  it("whole counts still give the documented results", () => {
    expect(call("SHARE", [42, 200])).toBe(0.21);
    expect(call("SHARE", [2, 200])).toBe(0.01);
    expect(call("QUALITY", [5, 10, 12, 3])).toBe(0.5);
    expect(call("SOU", [5, 10, 12, 3])).toBeCloseTo(0.54, 2);
  });
});

describe("grids of Excel's height in the core", () => {
  it("widthOf / maxOf / minOf take 1,048,576 rows", () => {
    const rows = Array.from({ length: ROWS }, (_, i) => (i === ROWS - 1 ? [1, 2, 3] : [1]));
    expect(widthOf(rows)).toBe(3);
    const xs = Array.from({ length: ROWS }, (_, i) => i);
    expect([minOf(xs), maxOf(xs), maxOf([], 7)]).toEqual([0, ROWS - 1, 7]);
  });
});
