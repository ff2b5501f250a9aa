/**
 * Issue 16 through the commands in the simulated host: impossible data listed first and never
 * judged, a small school's one-pupil change called chance, and the pupils still needed — asserted
 * as statuses and sentences on «Риски».
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { RISKS } from "../../src/core/layout/risksSheet";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { readReportInfo, refreshRisks } from "../../src/excel/commands";
import { ok, reportCell } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const SUBJECT = "Предметные результаты";
const BASE = "Базовые показатели";

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

const at = (sheet: string, id: string, key: string): string => reportCell(host, sheet, id, key);

function type(sheet: string, id: string, key: string, input: string): void {
  const r = host.inspect.userEdit(sheet, at(sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}

async function school(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  const periods = [P(2022, "E"), P(2023, "Q1"), P(2023, "Q2"), P(2023, "Q3"), P(2023, "Y"), P(2023, "E")];
  const r = await insertReport({ school: "МБОУ ООШ с. Малое", schoolYear: 2023, periods, sections: ["subject"], lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
  // Quality: 21 → 24 → 27 of 100 against 38 % by the year end.
  for (const k of ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3"]) type(BASE, "students_assessed", k, "100");
  type(SUBJECT, "quality_4_5", "2023/24-Q1", "21");
  type(SUBJECT, "quality_4_5", "2023/24-Q2", "24");
  type(SUBJECT, "quality_4_5", "2023/24-Q3", "27");
  // 9 graduates: ОГЭ Russian «2» 1 → 2 (one pupil); mathematics «2» reported as 12 of 9 (impossible).
  type(BASE, "grads_9", "2022/23-E", "9");
  type(BASE, "grads_9", "2023/24-E", "9");
  type(SUBJECT, "gia9_rus_fail", "2022/23-E", "1");
  type(SUBJECT, "gia9_rus_fail", "2023/24-E", "2");
  type(SUBJECT, "gia9_math_fail", "2022/23-E", "0");
  type(SUBJECT, "gia9_math_fail", "2023/24-E", "12");
}

const lines = () =>
  host.inspect
    .grid("Риски")
    .cells.slice(RISKS.firstLineRow - 1)
    .filter((c) => typeof c[RISKS.idCol - 1]?.value === "string" && /^[a-z]/.test(String(c[RISKS.idCol - 1]?.value)))
    .map((c) => ({ id: c[RISKS.idCol - 1].value, kind: c[RISKS.kindCol - 1].value, text: String(c[RISKS.textCol - 1].value) }));

describe("«Риски» judgements a director can trust (issue 16, simulated host)", () => {
  beforeAll(school, 60_000);

  it("lists impossible data first, never as a missed target; one pupil of 9 is chance; says the pupils needed", async () => {
    const r = ok(await refreshRisks({ lang: "ru" }));
    // gia9_math_fail 12 of 9: its target «не более 0» is neither missed nor at risk.
    expect(r).toMatchObject({ invalid: 2, missed: 1, atRisk: 1, worsening: 0, chance: 1 });
    const ls = lines();
    expect(ls.slice(0, 2).map((l) => [l.id, l.kind])).toEqual([
      ["gia9_math_fail", "Данные неверны"],
      ["gia9_math_fail", "Данные неверны"],
    ]);
    expect(ls[0].text).toMatch(/данные неверны.*цель не оценивается/);
    expect(ls[1].text).toMatch(/больше, чем .*значение не оценивается/);
    expect(ls.filter((l) => l.id === "gia9_math_fail").every((l) => l.kind === "Данные неверны")).toBe(true);
    // ОГЭ Russian: 2 of 9 against «не более 0» at the deadline is missed; the change 1 → 2 is chance.
    expect(ls.find((l) => l.id === "gia9_rus_fail" && l.kind === "Цель не достигнута")).toBeDefined();
    const chance = ls.find((l) => l.kind === "Случайные колебания");
    expect(chance?.id).toBe("gia9_rus_fail");
    expect(chance?.text).toContain("в пределах случайных колебаний");
    expect(chance?.text).toContain("(+1 учащийся)");
    // Quality at risk: 27 of 100 → 38 % by the year end needs 11 more pupils (one period left: the report has no Q4).
    const q = ls.find((l) => l.id === "quality_4_5");
    expect(q?.kind).toBe("Цель под угрозой");
    expect(q?.text).toContain("Нужно ещё 11 учащихся к сроку (2023/24 учебный год)");
    const summary = String(host.inspect.grid("Риски").cells[RISKS.summaryRow - 1][RISKS.kindCol - 1].value);
    expect(summary).toMatch(/^Данные неверны \(не оцениваются\): 2\. Целей не достигнуто: 1; под угрозой: 1; ухудшений: 0;/);
    expect(summary).toContain("Изменений в пределах случайных колебаний: 1.");
  }, 60_000);

  it("tells the periods with data from template columns nobody filled", async () => {
    const info = ok(await readReportInfo());
    expect(info.periods.map((p) => `${p.startYear}${p.kind}`)).toEqual(["2022E", "2023Q1", "2023Q2", "2023Q3", "2023Y", "2023E"]);
    expect(info.filled.map((p) => `${p.startYear}${p.kind}`)).toEqual(["2022E", "2023Q1", "2023Q2", "2023Q3", "2023E"]);
  }, 60_000);

  it("judges the corrected value once the data are fixed", async () => {
    type(SUBJECT, "gia9_math_fail", "2023/24-E", "1");
    const r = ok(await refreshRisks({ lang: "ru" }));
    expect(r.invalid).toBe(0);
    expect(lines().find((l) => l.id === "gia9_math_fail")?.kind).toBe("Цель не достигнута");
  }, 60_000);
});
