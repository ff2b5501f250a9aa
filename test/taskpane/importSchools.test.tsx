/**
 * @jest-environment jsdom
 */
/** The import preview of a municipal table offers «Свод» straight from the school columns (jsdom, injected commands built on the real core). */
import "./scheduler";
import * as React from "react";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ImportTable } from "../../src/taskpane/screens/ImportTable";
import { findingsForSummary, importTargets, planImport, schoolSources } from "../../src/core/import";
import { consolidate } from "../../src/core/consolidate";
import type { ImportPreview, ImportTableOptions } from "../../src/excel/importTable";
import type { ConsolidateTableOptions, ConsolidateTableResult } from "../../src/excel/consolidateTable";
import type { CommandResult } from "../../src/excel/commands";
import { MUNICIPAL, SELF_EXAM } from "../import/fixtures";

const Y = { startYear: 2023, kind: "Y" as const };

function previewOf(o: ImportTableOptions, grid: string[][]): ImportPreview {
  const plan = planImport(grid, { period: o.period, lang: o.lang, columns: o.columns });
  return { source: "Вставка!A1:G12", plan, targets: importTargets(plan).map((x) => ({ ...x, sheetName: null, address: null })), unchanged: 0, conflicts: [], school: "", schoolYear: 2023, levels: null };
}

/** What the command returns, from the real core (the sim round trip is test/import/consolidateTable.test.ts). */
function resultOf(o: ConsolidateTableOptions): ConsolidateTableResult {
  const imp = schoolSources(MUNICIPAL, { period: o.period, lang: o.lang });
  const findings = findingsForSummary(imp).map((f) => ({ label: f.school, code: "file" as const, message: f.message }));
  const c = consolidate(imp.schools.map((s) => s.source), { period: o.period, lang: o.lang, targets: [], summaryName: "Свод", sourceFindings: findings })!;
  return {
    summarySheet: "Свод", dataSheet: "Данные", period: c.period, chosen: c.chosen, periods: c.periods, schools: c.schools.length, dataRows: c.data.rows.length,
    findings: c.findings.map((f) => ({ label: f.label, message: f.message })), syncs: 5,
    source: "Вставка!A1:G12", tableSchools: imp.schools.map((s) => s.label), ignored: imp.ignored.map((x) => x.header), tableFindings: imp.findings,
  };
}

async function previewWith(grid: string[][], consolidateTable?: (o: ConsolidateTableOptions) => Promise<CommandResult<ConsolidateTableResult>>, activateSheet?: (n: string) => Promise<void>) {
  const previewImport = async (o: ImportTableOptions): Promise<CommandResult<ImportPreview>> => ({ ok: true, ...previewOf(o, grid) });
  const writeImport = async () => ({ ok: false as const, error: { code: "x", message: { ru: "нет", en: "no" } } });
  render(<ImportTable lang="ru" report={{ school: "", schoolYear: 2023, periods: [Y], hasTargets: false }} previewImport={previewImport} writeImport={writeImport} {...(consolidateTable ? { consolidateTable } : {})} {...(activateSheet ? { activateSheet } : {})} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Проверить выделение" })));
}

describe("ImportTable: a table of several schools", () => {
  it("offers «Свод» for 3 school columns, runs the command and shows the result with the way to «Свод»", async () => {
    const calls: ConsolidateTableOptions[] = [];
    const opened: string[] = [];
    await previewWith(
      MUNICIPAL,
      async (o) => {
        calls.push(o);
        return { ok: true, ...resultOf(o) };
      },
      async (n) => {
        opened.push(n);
      },
    );
    const offer = within(screen.getByTestId("import-schools"));
    expect(offer.getByText("В таблице 3 школы: свести их в «Свод»")).toBeTruthy();
    await act(async () => fireEvent.click(offer.getByRole("button", { name: "Свести в «Свод»" })));
    expect(calls).toEqual([{ lang: "ru", period: Y }]);
    const result = within(screen.getByTestId("import-schools-result"));
    expect(result.getByText(/«Свод» готов: 3 школы, 2023\/24/)).toBeTruthy();
    expect(result.getByText("Не сведены (не школы): Итого по району")).toBeTruthy();
    expect(result.getByText(/«Школа 12»: .*указанная доля 20,0 %/)).toBeTruthy();
    await act(async () => fireEvent.click(result.getByRole("button", { name: "Перейти к листу «Свод»" })));
    expect(opened).toEqual(["Свод"]);
  });

  it("shows the command's refusal", async () => {
    await previewWith(MUNICIPAL, async () => ({ ok: false, error: { code: "noSchools", message: { ru: "В выделенной таблице нет столбцов школ", en: "no" } } }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Свести в «Свод»" })));
    expect(screen.getByText(/В выделенной таблице нет столбцов школ/)).toBeTruthy();
  });

  it("makes no offer for one school's table or without the command", async () => {
    await previewWith(SELF_EXAM, async () => ({ ok: true, ...resultOf({ lang: "ru", period: Y }) }));
    expect(screen.getByTestId("import-preview")).toBeTruthy();
    expect(screen.queryByTestId("import-schools")).toBeNull();
    cleanup();
    await previewWith(MUNICIPAL);
    expect(screen.queryByTestId("import-schools")).toBeNull();
  });
});
