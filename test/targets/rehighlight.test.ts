/** Re-inserting the report sheets clears their target highlighting; the result says so, and «Обновить риски» redraws it. */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { insertReport } from "../../src/excel/insertReport";
import { insertTargets, refreshRisks } from "../../src/excel/commands";
import type { ReportOptions } from "../../src/core/layout";

const SUBJECT = "Предметные результаты";
const OPTIONS: Omit<ReportOptions, "existing"> = { school: "МБОУ СОШ № 5", schoolYear: 2023, periods: [{ startYear: 2023, kind: "H1" }, { startYear: 2023, kind: "Y" }], sections: ["subject"], lang: "ru" };

let host: SimHost;
let restore: () => void;
beforeEach(() => {
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
});
afterEach(() => restore());

async function insert() {
  const r = await insertReport(OPTIONS);
  if (!r.ok) throw new Error(r.error.message.en);
  return r;
}

it("without targets a re-insert clears nothing worth saying", async () => {
  await insert();
  const again = await insert();
  expect(again.highlightCleared).toBe(false);
});

it("with targets: the re-insert reports the cleared highlighting and refreshRisks draws it again", async () => {
  await insert();
  expect((await insertTargets({ lang: "ru" })).ok).toBe(true);
  expect((await refreshRisks({ lang: "ru" })).ok).toBe(true);
  const rules = host.inspect.conditionalFormats(SUBJECT).length;
  expect(rules).toBeGreaterThan(0);
  host.resetStats();
  const again = await insert();
  expect(again).toMatchObject({ highlightCleared: true, updated: expect.arrayContaining([SUBJECT]) });
  expect(again.syncs).toBeLessThanOrEqual(3);
  // Only the impossible-data rules, written with the sheet (impossible.ts), remain: the target colours are gone.
  const left = host.inspect.conditionalFormats(SUBJECT);
  expect(left.length).toBeGreaterThan(0);
  expect(left.length).toBeLessThan(rules);
  expect(left.every((r) => /^=OR\([A-Z]+\d+<>"",[A-Z]+\d+<>""\)$/.test(String(r.rule.formula)))).toBe(true);
  expect((await refreshRisks({ lang: "ru" })).ok).toBe(true);
  expect(host.inspect.conditionalFormats(SUBJECT)).toHaveLength(rules);
});
