/**
 * dist/functions.js in a plain JavaScript runtime that has only a CustomFunctions global (no DOM,
 * no Office): every function is associated and answers Excel-like inputs. `npm test` builds first.
 */
import { ERROR_CODES, FakeCustomFunctionsError, loadFunctionsBundle, type Registered } from "../../src/cli/functions-runtime";
import { IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";
import { russianId } from "../../src/functions/names";

let fns: Registered;
beforeAll(() => {
  fns = loadFunctionsBundle();
});

const call = (id: string, ...args: unknown[]) => {
  const f = fns.get(id);
  if (!f) throw new Error(`${id} is not registered`);
  return f(...args);
};

function excelError(id: string, ...args: unknown[]): { code: string; message: string } {
  try {
    call(id, ...args);
  } catch (e) {
    expect(e).toBeInstanceOf(FakeCustomFunctionsError);
    return { code: (e as FakeCustomFunctionsError).code, message: (e as Error).message };
  }
  throw new Error(`${id} did not fail`);
}

describe("dist/functions.js in the functions runtime", () => {
  it("associates exactly the public functions, each also under its Russian twin id, to the same function", () => {
    const ids = Object.keys(IMPLEMENTATIONS) as FunctionId[];
    expect([...fns.keys()].sort()).toEqual([...ids, ...ids.map(russianId)].sort());
    for (const id of ids) expect(fns.get(russianId(id))).toBe(fns.get(id));
  });

  it("computes results from what Excel passes", () => {
    expect(call("SHARE", 42, 200)).toBeCloseTo(0.21, 12);
    expect(call("SHARE", "42", "200")).toBeCloseTo(0.21, 12); // numbers stored as text
    expect(call("DELTA", 0.21, 0.24)).toBeCloseTo(0.03, 12);
    expect(call("GROWTH", 50, 60)).toBeCloseTo(0.2, 12);
    expect(call("DYNAMICS", 0.1, 0.05, "gia9_rus_fail")).toBe(1);
    expect(call("DYNAMICS", 0.21, 0.2101, 1, 0.001)).toBe(0);
    expect(call("DYNAMICS", 3.6, 3.4, null, null)).toBe(-1); // omitted optional arguments arrive as null
    expect(call("TARGETSTATUS", 0.37, 0.38, "quality_4_5", 0.02)).toBe(0);
    expect(call("TARGETGAP", 0.02, 0, -1)).toBeCloseTo(-0.02, 12);
    expect(call("TREND", [[0.21, 0.24, "", 0.3]])).toBeCloseTo(0.03, 12);
    expect(call("TREND", [[0.1], [0.08], ["–"], [0.04]], -1)).toBeCloseTo(0.02, 12);
    expect(call("QUALITY", 5, 10, 12, 3)).toBeCloseTo(0.5, 12);
    expect(call("SUCCESS", 5, 10, 12, 3, 32)).toBeCloseTo(27 / 32, 12);
    expect(call("GRADEAVG", 5, 10, 12, 3)).toBeCloseTo(107 / 30, 12);
    expect(call("SOU", 5, 10, 12, 3, 2)).toBeCloseTo(1634 / 3200, 12);
  });

  it("keeps missing data blank", () => {
    for (const blank of [null, "", "–", "-", "н/п"]) {
      expect(call("SHARE", blank, 10)).toBe("");
      expect(call("DELTA", 0.2, blank)).toBe("");
      expect(call("DYNAMICS", blank, 0.3, "quality_4_5")).toBe("");
      expect(call("TARGETSTATUS", blank, 0.38)).toBe("");
    }
  });

  it("gives the documented Excel errors with Russian messages", () => {
    expect(excelError("SHARE", 45, 40)).toEqual({ code: ERROR_CODES.invalidValue, message: "Часть (45) больше целого (40)" });
    expect(excelError("SHARE", -3, 40)).toEqual({ code: ERROR_CODES.invalidValue, message: "Отрицательное количество: −3" });
    expect(excelError("SHARE", "много", 40).code).toBe(ERROR_CODES.invalidValue);
    expect(excelError("SHARE", true, 40).code).toBe(ERROR_CODES.invalidValue);
    expect(excelError("SHARE", 3, 0).code).toBe(ERROR_CODES.divisionByZero);
    expect(excelError("GROWTH", 0, 5).code).toBe(ERROR_CODES.divisionByZero);
    expect(excelError("DYNAMICS", 1, 2, "no_such_id")).toEqual({ code: ERROR_CODES.notAvailable, message: "Неизвестный показатель: «no_such_id»" });
    expect(excelError("DYNAMICS", 1, 2, 5).code).toBe(ERROR_CODES.invalidValue);
    expect(excelError("TARGETSTATUS", 21, 0.38, "quality_4_5").message).toMatch(/^Доля вне диапазона 0…1: 21/);
    expect(excelError("TREND", [[0.2, "", ""]])).toEqual({ code: ERROR_CODES.notAvailable, message: "Недостаточно данных" });
    expect(excelError("QUALITY", 5, 10, 12, 3, 20).code).toBe(ERROR_CODES.invalidValue);
    expect(excelError("QUALITY", 5.5, 10, 12, 3).code).toBe(ERROR_CODES.invalidValue);
  });

  it("throws nothing but CustomFunctions errors, whatever it is given", () => {
    const junk: unknown[] = [0, -1, 1e308, NaN, Infinity, "", "abc", "21%", "0,21", true, null, undefined, [[1, "x"]], {}, "#N/A"];
    for (const [id, f] of fns) {
      for (const a of junk) {
        for (const b of junk) {
          try {
            const r = f(a, b, a, b, a);
            expect(typeof r === "number" || r === "").toBe(true);
          } catch (e) {
            if (!(e instanceof FakeCustomFunctionsError)) throw new Error(`${id}(${String(a)}, ${String(b)}) threw ${String(e)}`);
          }
        }
      }
    }
  });
});
