/** Pure parts of targets, risks and the analysis sheets. */
import { buildTargetsSheet, readTargetsSheet, targetCheck, TARGETS } from "../../src/core/layout/targetsSheet";
import { comparableEarlier } from "../../src/core/judge";
import { signCellFormula, targetStatusFormula } from "../../src/core/layout/targetStatus";
import { defaultDeadline, defaultTargetsFor, deviationWords, parseDirection, describeEvaluation, evaluateTarget } from "../../src/core/targets";
import type { ReadSheet } from "../../src/core/report";
import { getIndicator } from "../../src/core/catalog";
import type { Period, Target } from "../../src/core/types";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const periods = [P(2023, "H1"), P(2023, "Y"), P(2023, "E")];

/** What src/excel would read back from a planned sheet (values = formulas for constants). */
function asRead(plan: ReturnType<typeof buildTargetsSheet>["sheet"]): ReadSheet {
  const grid = plan.cells.map((row) => row.map((c) => c?.formula ?? c?.value ?? ""));
  return { name: plan.name, kind: "targets", values: grid, formulas: grid };
}

describe("targets core", () => {
  it("defaults the deadline to the last school year, exam indicators to its exam session", () => {
    expect(defaultDeadline("quality_4_5", periods)).toEqual(P(2023, "Y"));
    expect(defaultDeadline("gia9_rus_fail", periods)).toEqual(P(2023, "E"));
    expect(defaultDeadline("quality_4_5", [])).toBeNull();
    expect(defaultTargetsFor(periods).find((t) => t.indicatorId === "gia9_math_fail")?.deadline).toEqual(P(2023, "E"));
  });

  it("reads directions in both languages and symbols", () => {
    expect(parseDirection("Не менее")).toBe("atLeast");
    expect(parseDirection("at most")).toBe("atMost");
    expect(parseDirection("≤")).toBe("atMost");
    expect(parseDirection("как-нибудь")).toBeNull();
    expect(parseDirection(3)).toBeNull();
  });

  it("words a deviation by its side of the requirement: shortfall or excess, shares in п. п.", () => {
    const share = getIndicator("quality_4_5")!.unit;
    expect(deviationWords(0.368, 0.38, share, "ru")).toBe("не хватает 1,2 п. п.");
    expect(deviationWords(0.1, 0, share, "ru")).toBe("превышение на 10,0 п. п.");
    expect(deviationWords(0.368, 0.38, share, "en")).toBe("short by 1.2 pp");
    expect(deviationWords(0.1, 0, share, "en")).toBe("over by 10.0 pp");
    expect(deviationWords(0.38, 0.38, share, "ru")).toBe("");
    const grade = getIndicator("gia9_rus_avg")!.unit;
    expect(deviationWords(3.5, 3.8, grade, "ru")).toMatch(/^не хватает 0,3/);
  });

  it("names the value and the requirement in the risk sentence", () => {
    const t: Target = { indicatorId: "quality_4_5", value: 0.38, direction: "atLeast", deadline: P(2023, "Y"), milestones: [], margin: 0.02 };
    const e = evaluateTarget(t, [{ period: P(2023, "Y"), value: 0.27 }], [P(2023, "H1"), P(2023, "Y")]);
    const text = describeEvaluation(e, getIndicator("quality_4_5")!.short, getIndicator("quality_4_5")!.unit);
    expect(text.ru).toMatch(/цель не достигнута\. Значение: 27,0 %, требуется: не менее 38,0 % \(не хватает 11,0 п\. п\.\)\.$/);
    expect(text.en).toMatch(/Value: 27\.0%, required: at least 38\.0% \(short by 11\.0 pp\)\.$/);
  });
});

describe("«Цели программы» sheet", () => {
  it("validates each target row by its indicator's unit, value and milestones alike", () => {
    const first = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: null });
    const read = asRead(first.sheet);
    const spare = first.layout.rowOf.broadband_share + 1;
    ["gia9_rus_avg", "ege_rus_avg", "vsosh_participants"].forEach((id, i) => {
      read.values[spare - 1 + i][TARGETS.idCol - 1] = id;
      read.formulas[spare - 1 + i] = [...read.values[spare - 1 + i]];
    });
    const built = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: read });
    const at = (id: string, col: number) => {
      const a = `${String.fromCharCode(64 + col)}${built.layout.rowOf[id]}`;
      return built.sheet.validations.find((v) => v.range === a || v.range.startsWith(`${a}:`));
    };
    const share = at("quality_4_5", TARGETS.valueCol)!;
    expect(share.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    expect(share.error.message).toBe("Доля должна быть от 0 до 100 %. Введите, например, 38 % (а не 3800 %).");
    expect(at("quality_4_5", TARGETS.firstMilestoneCol)?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    expect(at("quality_4_5", TARGETS.firstMilestoneCol)?.range).toBe(`G${built.layout.rowOf.quality_4_5}:I${built.layout.rowOf.quality_4_5}`);
    expect(at("quality_4_5", TARGETS.marginCol)?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    const grade = at("gia9_rus_avg", TARGETS.valueCol)!;
    expect(grade.rule).toEqual({ kind: "decimal", min: 2, max: 5 });
    expect(grade.prompt.message).toBe("Средний балл от 2 до 5.");
    expect(at("gia9_rus_avg", TARGETS.firstMilestoneCol)?.rule).toEqual({ kind: "decimal", min: 2, max: 5 });
    expect(at("gia9_rus_avg", TARGETS.marginCol)?.rule).toEqual({ kind: "decimal", min: 0, max: 3 });
    expect(at("ege_rus_avg", TARGETS.valueCol)?.rule).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(at("vsosh_participants", TARGETS.valueCol)?.rule).toEqual({ kind: "wholeNumber", min: 0 });
    expect(at("vsosh_participants", TARGETS.valueCol)?.error.message).toBe("Ожидается целое неотрицательное число.");
    // English workbook: the same rules, English words; yes/no and an unknown id.
    expect(targetCheck("classrooms_equipped", "en").value.rule).toEqual({ kind: "wholeNumber", min: 0, max: 1 });
    expect(targetCheck("gia9_rus_avg", "en").value.error.message).toBe("The average must be between 2 and 5.");
    expect(targetCheck("no_such_id", "ru").value.rule).toEqual({ kind: "decimal", min: 0 });
    expect(targetCheck("quality_4_5", "ru").margin.error.message).toBe("Допустимое отклонение должно быть от 0 до 100 %.");
  });

  it("pre-fills the suggestions and keeps every typed cell and row on rebuild", () => {
    const first = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: null });
    expect(first.targets).toHaveLength(7);
    const read = asRead(first.sheet);
    const q = first.layout.rowOf.quality_4_5;
    read.values[q - 1][TARGETS.valueCol - 1] = 0.4;
    read.formulas[q - 1][TARGETS.valueCol - 1] = 0.4;
    read.values[q - 1][TARGETS.deadlineCol - 1] = "I полугодие 2023/24";
    read.formulas[q - 1][TARGETS.deadlineCol - 1] = "I полугодие 2023/24";
    // A user's own target in a spare row.
    const spare = first.layout.rowOf.broadband_share + 1;
    read.values[spare - 1][TARGETS.idCol - 1] = "staff_exp_gt30";
    read.values[spare - 1][TARGETS.valueCol - 1] = 0.2;
    read.values[spare - 1][TARGETS.directionCol - 1] = "не более";
    read.formulas[spare - 1] = [...read.values[spare - 1]];
    const parsed = readTargetsSheet(read, periods).rows;
    expect(parsed.find((r) => r.id === "quality_4_5")?.target).toMatchObject({ value: 0.4, deadline: P(2023, "H1") });
    expect(parsed.find((r) => r.id === "staff_exp_gt30")?.target).toMatchObject({ value: 0.2, direction: "atMost", deadline: P(2023, "Y"), margin: 0 });
    const again = buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: read });
    expect(again.targets).toHaveLength(8);
    expect(again.sheet.cells[q - 1][TARGETS.valueCol - 1]?.value).toBe(0.4);
    expect(again.sheet.cells[q - 1][TARGETS.deadlineCol - 1]?.value).toBe("I полугодие 2023/24");
    // Idempotent: rebuilding what was rebuilt gives the same plan.
    expect(buildTargetsSheet({ name: "Цели программы", lang: "ru", school: "", periods, existing: asRead(again.sheet) }).sheet).toEqual(again.sheet);
  });
});

describe("highlighting helpers", () => {
  it("compares like with like: a year with last year, never with its half-year; a session with last year's", () => {
    const all = [P(2022, "E"), P(2022, "Y"), P(2023, "H1"), P(2023, "H2"), P(2023, "Y"), P(2023, "E")];
    expect(comparableEarlier(P(2023, "Y"), [P(2023, "H1"), P(2023, "Y")])).toEqual([]);
    expect(comparableEarlier(P(2023, "Y"), all)).toEqual([P(2022, "Y")]);
    expect(comparableEarlier(P(2023, "E"), [P(2022, "E"), P(2023, "E")])).toEqual([P(2022, "E")]);
    expect(comparableEarlier(P(2023, "H1"), all)).toEqual([]);
  });

  it("builds the status from native functions only (it must work without the add-in)", () => {
    const f = targetStatusFormula({ value: "F5", target: "$DB5", sign: "$DC5", margin: "$DD5", milestone: "'Цели программы'!$K$5" }, { phase: "before", trendTooSlow: true });
    expect(f).not.toMatch(/EDU\./);
    expect(signCellFormula("'Цели программы'!$D$5", "atLeast")).toMatch(/не более/);
  });
});
