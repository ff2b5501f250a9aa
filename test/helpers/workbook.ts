/**
 * A school's workbook made by every command in the simulated host: the report (all sections and
 * periods of a year), targets, «Динамика», «Дорожная карта», «Риски», «Свод» and «Данные».
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { columnLetter } from "../../src/core/layout/grid";
import { periodKey, periodsOf } from "../../src/core/periods";
import { insertReport } from "../../src/excel/insertReport";
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { importRoadmap } from "../../src/excel/roadmap";
import { consolidate } from "../../src/excel/consolidate";
import { PASTE } from "../targets/roadmap-fixture";
import { ok, reportCell } from "./commands";

export const PERIODS = periodsOf(2023, ["Q", "H", "Y", "E"]);
export const OPTIONS = {
  school: "МБОУ СОШ № 3",
  schoolYear: 2023,
  sections: ["subject" as const, "staff" as const, "facilities" as const, "methods" as const, "partnership" as const, "context" as const],
  lang: "ru" as const,
};
export const BASE = "Базовые показатели";
export const SUBJECT = "Предметные результаты";
/** The user's sheet the road map is pasted on (not ours). */
export const PASTE_SHEET = "Вставка";
/** Our sheets the commands make, by name. */
export const OUR_SHEETS = ["Паспорт", BASE, SUBJECT, "Цели программы", "Динамика", "Риски", "Дорожная карта", "Свод", "Данные"];

/** Run every command on a new simulated workbook; `restore` uninstalls the host. */
export async function everyCommand(): Promise<{ host: SimHost; restore: () => void }> {
  const host = createSimHost({ plugins: [registerEduFunctions()] });
  const restore = installSimHost(host);
  ok(await insertReport({ ...OPTIONS, periods: PERIODS }));
  const q1 = periodKey(PERIODS[0]);
  const q2 = periodKey(PERIODS[1]);
  for (const k of [q1, q2]) host.inspect.userEdit(BASE, reportCell(host, BASE, "students_assessed", k), "100");
  host.inspect.userEdit(SUBJECT, reportCell(host, SUBJECT, "quality_4_5", q1), "30");
  host.inspect.userEdit(SUBJECT, reportCell(host, SUBJECT, "quality_4_5", q2), "24");
  ok(await insertTargets({ lang: "ru" }));
  ok(await comparePeriods({ earlier: PERIODS[0], later: PERIODS[1], lang: "ru" }));
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(PASTE_SHEET);
    const width = PASTE.reduce((w, r) => Math.max(w, r.length), 0);
    const grid = PASTE.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
    ws.getRange(`A1:${columnLetter(width)}${grid.length}`).values = grid;
    ws.getRange(`A1:${columnLetter(width)}${grid.length}`).select();
    await context.sync();
  });
  ok(await importRoadmap({ lang: "ru", today: "2024-01-15" }));
  ok(await refreshRisks({ lang: "ru", today: "2024-01-15" }));
  ok(await consolidate({ sources: [], useOpenWorkbook: true, period: null, lang: "ru" }));
  return { host, restore };
}
