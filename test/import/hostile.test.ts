/** Odd and oversized pastes: the import stays bounded and never throws. */
import { planImport, MAX_IMPORT_ROWS, type ImportOptions } from "../../src/core/import";
import { SELF_EXAM } from "./fixtures";

const O: ImportOptions = { period: { startYear: 2023, kind: "Y" }, lang: "ru" };

describe("odd pastes", () => {
  it("a table far longer than the limit is cut at the limit", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => SELF_EXAM[3 + (i % (SELF_EXAM.length - 3))]);
    const p = planImport([SELF_EXAM[1], ...rows], O);
    expect(p.rows.length + p.unrecognised.length + p.headings.length).toBeLessThanOrEqual(MAX_IMPORT_ROWS);
    expect(p.findings.some((f) => f.rule === "duplicate_row")).toBe(true);
  }, 60_000);

  it("overlong cells, separators only, control characters, non-strings", () => {
    const long = "Численность ".repeat(3000);
    const grid: unknown[][] = [
      ["№", "Показатель", "Значение"],
      ["1.1", long, "/".repeat(30000)],
      ["1.24", "Общая численность педагогических работников", "1".repeat(400)],
      ["1.25", "Численность/удельный вес численности педагогических работников, имеющих высшее образование", "18/90%"],
      [null, { toString: () => "объект" }, 42],
      ["1.5", "Численность/удельный вес численности учащихся, успевающих на «4» и «5»", "\u0000\u0007"],
      [],
    ];
    const p = planImport(grid, O);
    expect(p.rows.find((r) => r.indicatorId === "staff_ped")?.values[0].skip).toBe("unreadable");
    expect(p.rows.find((r) => r.indicatorId === "quality_4_5")?.values[0].write).toBeNull();
  }, 60_000);

  it("not a grid at all", () => {
    expect(planImport(null as unknown as string[][], O).rows).toEqual([]);
    expect(planImport([[]], O).rows).toEqual([]);
    expect(planImport([["только текст без значений, довольно длинный"]], O).cells).toBe(0);
  });
});
