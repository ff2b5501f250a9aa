/**
 * Impossible data per school on «Свод» (core): shown as «данные неверны», left out of the municipal
 * total and the ranks, never given a target status, and listed once per cause.
 */
import { consolidate, figuresFor, INVALID_LOOK, SUMMARY } from "../../src/core/consolidate";
import { impossibleData } from "../../src/core/judge";
import type { Period } from "../../src/core/types";
import { report } from "./fixtures";

const Y: Period = { startYear: 2023, kind: "Y" };
const E: Period = { startYear: 2023, kind: "E" };
const KY = "2023/24-Y";
const KE = "2023/24-E";
type Values = Parameters<typeof report>[2];

const good1: Values = { students_total: { [KY]: 400 }, students_assessed: { [KY]: 100 }, quality_4_5: { [KY]: 50 }, vsosh_participants: { [KY]: 12 }, staff_ped: { [KY]: 20 }, staff_higher_ed: { [KY]: 18 } };
const good2: Values = { students_total: { [KY]: 900 }, students_assessed: { [KY]: 300 }, quality_4_5: { [KY]: 60 }, vsosh_participants: { [KY]: 3 }, staff_ped: { [KY]: 40 }, staff_higher_ed: { [KY]: 20 } };
const with_ = (base: Values, id: string, v: number): Values => ({ ...base, [id]: { ...(base[id] ?? {}), [KY]: v } });

describe("an impossible school value on «Свод»", () => {
  it.each([
    // [case, the bad school's values, indicator shown invalid, expected total, expected ranks (bad school first)]
    ["a count above its denominator (share over 100 %)", with_(good1, "quality_4_5", 120), "quality_4_5", 60 / 300, [null, 1]],
    ["a fractional count", with_(good1, "quality_4_5", 50.5), "quality_4_5", 60 / 300, [null, 1]],
    ["a negative count", with_(good1, "vsosh_participants", -3), "vsosh_participants", 3, [null, 1]],
    ["a share whose denominator is impossible (fractional staff)", with_(good1, "staff_ped", 20.5), "staff_higher_ed", 20 / 40, [null, 1]],
  ])("%s: invalid, out of the total and the ranks", (_, bad, id, total, ranks) => {
    const reports = [report("Плохая", [Y], bad as Values), report("Хорошая", [Y], good2)];
    const figs = figuresFor(reports, Y, reports.map((r) => impossibleData(r))).find((f) => f.indicator.id === id)!;
    expect(figs.figures[0].invalid?.ru).toMatch(/\S/);
    expect(figs.figures[1].invalid).toBeUndefined();
    expect(figs.total.value).toBeCloseTo(total as number, 12);
    expect(figs.total.schools).toBe(1);
    expect(figs.ranks).toEqual(ranks);
  });

  it("a judged share outside 0–100 % that no check explains is impossible too, named with its indicator", () => {
    const bad = report("Плохая", [Y], good1);
    bad.judged = { quality_4_5: { [KY]: 1.3 } };
    const out = consolidate([{ label: "bad.xlsx", report: bad }, { label: "good.xlsx", report: report("Хорошая", [Y], good2) }], { period: Y, lang: "ru", targets: [], summaryName: "Свод" })!;
    expect(out.findings.map((f) => [f.label, f.code, f.message.ru])).toEqual([
      ["bad.xlsx", "invalid", "«Плохая», 2023/24 учебный год: Качество знаний («4» и «5»): доля 130 % вне 0–100 % — данные неверны; значение не учтено в итоге и местах и не оценивается по цели."],
    ]);
  });

  it("without impossible data passed, figures are as before (no school marked)", () => {
    const reports = [report("Плохая", [Y], with_(good1, "quality_4_5", 120)), report("Хорошая", [Y], good2)];
    const q = figuresFor(reports, Y).find((f) => f.indicator.id === "quality_4_5")!;
    expect(q.figures.every((f) => f.invalid === undefined)).toBe(true);
  });
});

describe("«Свод» with impossible data", () => {
  const target = { indicatorId: "quality_4_5", value: 0.38, direction: "atLeast" as const, deadline: Y, milestones: [], margin: 0.02 };
  const bad = report("Школа А", [Y, E], {
    ...with_(good1, "quality_4_5", 120),
    vsosh_participants: { [KY]: -3 },
    // A breakdown above its whole with the total row blank: one cause over three indicators.
    contest_participants: { [KY]: 10 }, contest_winners_reg: { [KY]: 8 }, contest_winners_fed: { [KY]: 5 },
    // The same cause in the year and the exam session.
    grads_9: { [KY]: 20, [KE]: 20 }, gia9_rus_avg: { [KE]: 4 },
    students_assessed: { [KY]: 100, [KE]: 100 },
  });
  bad.data.observations.quality_4_5[KE] = { value: { kind: "number", value: 120 } };
  const good = report("Школа Б", [Y, E], { ...good2, contest_participants: { [KY]: 30 }, contest_winners: { [KY]: 6 }, contest_winners_reg: { [KY]: 4 } });
  const out = consolidate([{ label: "a.xlsx", report: bad }, { label: "b.xlsx", report: good }], { period: [Y, E], lang: "ru", targets: [target], summaryName: "Свод" })!;
  const cells = out.summary.cells;
  const row = (id: string) => cells.findIndex((r) => r[0]?.value === id);

  it("shows the value as red «данные неверны», an empty rank, and the other school first", () => {
    const r = row("quality_4_5");
    expect(cells[r][SUMMARY.firstSchoolCol - 1]).toEqual({ value: "данные неверны", style: "d.share" });
    // Red and bold by one conditional format over the blocks' values (not a fill: never read as «missed»).
    expect(out.summary.conditionalFormats.filter((c) => c.style.fontColor)).toEqual([{ range: expect.stringMatching(/^E5:/), formula: '=E5="данные неверны"', style: INVALID_LOOK }]);
    expect(cells[r][SUMMARY.firstSchoolCol]?.value).toBeUndefined();
    expect(cells[r][SUMMARY.firstSchoolCol + 1]?.value).toBeCloseTo(0.2, 12);
    expect(cells[r][SUMMARY.firstSchoolCol + 2]?.value).toBe(1);
    expect(cells[r][SUMMARY.totalCol - 1]?.value).toBeCloseTo(60 / 300, 12);
    expect(cells[r][SUMMARY.schoolsCol - 1]?.value).toBe(1);
    const v = row("vsosh_participants");
    expect(cells[v][SUMMARY.totalCol - 1]?.value).toBe(3);
    expect(cells[v][SUMMARY.firstSchoolCol - 1]?.value).toBe("данные неверны");
    // The blank total row whose breakdown is impossible stays blank; the breakdown rows are marked.
    expect(cells[row("contest_winners")][SUMMARY.firstSchoolCol - 1]?.value).toBeUndefined();
    expect(cells[row("contest_winners_reg")][SUMMARY.firstSchoolCol - 1]?.value).toBe("данные неверны");
    // The explanation under the table.
    expect(cells.flat().some((c) => typeof c?.value === "string" && c.value.startsWith("«данные неверны» — значение школы невозможно"))).toBe(true);
  });

  it("the text cell gives the target status formula nothing to judge (never met or missed)", () => {
    const r = row("quality_4_5") + 1;
    const status = cells.flat().filter((c) => typeof c?.formula === "string" && c.formula.includes(`J${r}`)).map((c) => c!.formula!);
    expect(status).toHaveLength(1);
    expect(status[0]).toMatch(new RegExp(`^=IF\\(COUNT\\(J${r},`));
  });

  it("lists one finding per cause, naming the school, the indicators and why; a cause in two periods once", () => {
    const inv = out.findings.filter((f) => f.code === "invalid").map((f) => f.message.ru);
    expect(inv).toEqual([
      "«Школа А», 2023/24 учебный год, ГИА-2024: «Качество знаний («4» и «5»)» (120) больше, чем «Подлежат аттестации» (100) — данные неверны; значение не учтено в итоге и местах и не оценивается по цели.",
      "«Школа А», 2023/24 учебный год: Сумма «в т. ч.» («Победители: региональный уровень» + «Победители: федеральный уровень» = 13) больше, чем «Участники олимпиад и конкурсов» (10), при пустой строке итога «Победители и призёры» — данные неверны; значение не учтено в итоге и местах и не оценивается по цели.",
      "«Школа А», 2023/24 учебный год: «Участники ВсОШ»: количество должно быть целым неотрицательным числом, указано −3 — данные неверны; значение не учтено в итоге и местах и не оценивается по цели.",
    ]);
    expect(out.findings.filter((f) => f.code === "check")).toEqual([]);
    // On the sheet too.
    const texts = cells.flat().map((c) => c?.value);
    for (const m of inv) expect(texts).toContain(m);
  });
});
