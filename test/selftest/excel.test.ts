/**
 * «Самопроверка» against the simulated host: every check passes and the workbook is exactly as
 * before; with each behaviour refused by Excel (the host made to refuse that operation with an
 * Office error code), that check fails with the code, the others still run and pass, and the
 * workbook is still exactly as before. Leftovers of a run whose cleanup failed go at the next run.
 */
import { apiSetLines, CHECK_IDS, SELFTEST_MARKER, SELFTEST_SHEET, type CheckId, type SelfTestReport } from "../../src/core/selftest";
import { WRITTEN_FUNCTIONS } from "../../src/core/layout/formulas";
import { readEnvironment, runSelfTest, type SelfTestOptions } from "../../src/excel/selftest";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";

jest.setTimeout(60_000);

const FUNCTIONS = WRITTEN_FUNCTIONS.map((f) => `function:${f}` as CheckId);
/** No pauses, and a small request for the size check (the first test sends the full one). */
const noWait: SelfTestOptions = { wait: async () => undefined, payloadBytes: 100_000 };

let host: SimHost;
let restore: () => void;

/** A user's workbook: values, a formula, a hidden sheet, a protected sheet, the second sheet active with a range selected. */
async function userBook(): Promise<void> {
  host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1", "Данные", "Скрытый", "Защищённый"] });
  restore = installSimHost(host);
  await Excel.run(async (context) => {
    const s = context.workbook.worksheets;
    s.getItem("Лист1").getRange("A1:B2").values = [["Школа", 42], ["x", 0.5]];
    s.getItem("Данные").getRange("A1:C1").formulas = [["='Лист1'!B1*2", "=EDU.DELTA(1,4)", "текст"]];
    s.getItem("Скрытый").getRange("A1").values = [["секрет"]];
    s.getItem("Скрытый").visibility = "Hidden" as Excel.SheetVisibility;
    s.getItem("Защищённый").getRange("B2").values = [[7]];
    s.getItem("Защищённый").protection.protect();
    s.getItem("Данные").activate();
    s.getItem("Данные").getRange("B2:C3").select();
    await context.sync();
  });
}

/** Everything a user could see of the workbook. */
function snapshot() {
  const sheets = host.inspect.sheetNames();
  return {
    sheets,
    active: host.inspect.activeSheet(),
    selection: JSON.stringify(host.model.selection),
    perSheet: sheets.map(({ name }) => ({
      name,
      grid: host.inspect.grid(name),
      protection: host.inspect.protection(name),
      conditionalFormats: host.inspect.conditionalFormats(name),
      charts: host.inspect.charts(name),
      info: host.inspect.sheetInfo(name),
    })),
  };
}

const byId = (r: SelfTestReport) => new Map(r.checks.map((c) => [c.id, c]));

beforeEach(userBook);
afterEach(() => restore());

describe("«Самопроверка» in the simulated host", () => {
  it("passes every check, in the listed order, and leaves the workbook as it was", async () => {
    host.setCustomFunctionLag(3);
    const before = snapshot();
    host.resetStats();
    let waits = 0;
    const { report } = await runSelfTest({ wait: async () => void waits++ });
    expect(report.checks.map((c) => c.id)).toEqual(CHECK_IDS);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.cleanup).toEqual({ ok: true });
    expect(report.sheet).toBe(SELFTEST_SHEET);
    expect(report.leftoversRemoved).toBe(0);
    expect(report.restored).toEqual({ activeSheet: false, selection: false });
    // #BUSY! for the two reads after the write, then the values: two pauses, three reads.
    expect(waits).toBe(2);
    expect(byId(report).get("function:DYNAMICS")?.detail).toBe('=EDU.DYNAMICS(0.3,0.4,"gia9_rus_fail") = -1 (read 3×)');
    expect(byId(report).get("sheetChain")?.detail).toBe("5 of 5 sheets in one request");
    // One request near the add-in's request budget (3.5 MB), none larger.
    expect(host.stats.maxRequestBytes).toBeGreaterThan(3_400_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(3_600_000);
    expect(snapshot()).toEqual(before);
  });

  // Operation refused → the checks that must fail.
  const REFUSALS: [string, string, CheckId[]][] = [
    ["Worksheet.visibility", "AccessDenied", ["veryHidden"]],
    ["Range.formulas", "InvalidArgument", FUNCTIONS],
    ["ConditionalFormatCollection.add", "ApiNotFound", ["conditionalFormat"]],
    ["ConditionalFormatRule.formula", "InvalidArgument", ["conditionalFormat"]],
    ["DataValidation.rule", "ApiNotFound", ["dataValidation"]],
    ["WorksheetProtection.protect", "AccessDenied", ["protection"]],
    ["WorksheetProtection.unprotect", "AccessDenied", ["protection"]],
    ["Worksheet.getNextOrNullObject", "InvalidObjectPath", ["sheetChain"]],
    ["ChartCollection.add", "GeneralException", ["chart"]],
  ];

  it.each(REFUSALS)("Excel refusing %s (%s): that check fails with the code, the others pass, the workbook is unchanged", async (operation, code, failing) => {
    const before = snapshot();
    host.refuse(operation, code);
    const { report } = await runSelfTest(noWait);
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual(failing);
    for (const f of failed) {
      expect(f.code).toBe(code);
      expect(f.message).toBeTruthy();
      expect(f.location).toBe(operation);
    }
    expect(report.checks.map((c) => c.id)).toEqual(CHECK_IDS);
    expect(report.cleanup).toEqual({ ok: true });
    host.allow();
    expect(snapshot()).toEqual(before);
  });

  it("a request over Excel's 5 MB limit fails the size check with RequestPayloadSizeLimitExceeded", async () => {
    const before = snapshot();
    const { report } = await runSelfTest({ ...noWait, payloadBytes: 6_000_000 });
    expect(report.checks.filter((c) => !c.ok).map((c) => [c.id, c.code])).toEqual([["payload", "RequestPayloadSizeLimitExceeded"]]);
    expect(snapshot()).toEqual(before);
  });

  it("custom functions stuck at #BUSY! fail after a bounded number of reads", async () => {
    host.setCustomFunctionLag(Infinity);
    const before = snapshot();
    let waits = 0;
    const { report } = await runSelfTest({ ...noWait, attempts: 4, wait: async () => void waits++ });
    expect(waits).toBe(3);
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual(FUNCTIONS);
    for (const f of failed) {
      expect(f.code).toBe("StillBusy");
      expect(f.message).toMatch(/still shows #BUSY!/);
    }
    expect(snapshot()).toEqual(before);
  });

  it("when the temporary sheet cannot be added, every check says so with Excel's code and nothing changes", async () => {
    const before = snapshot();
    host.refuse("WorksheetCollection.add", "AccessDenied");
    const { report } = await runSelfTest(noWait);
    expect(report.checks.map((c) => [c.id, c.ok, c.code])).toEqual(CHECK_IDS.map((id) => [id, false, "AccessDenied"]));
    expect(report.checks[0].message).toMatch(/^not run: the temporary sheet could not be added/);
    expect(report.cleanup).toEqual({ ok: true });
    host.allow();
    expect(snapshot()).toEqual(before);
  });

  it("a temporary sheet that could not be deleted stays very hidden and goes at the next run", async () => {
    const before = snapshot();
    host.refuse("Worksheet.delete", "GeneralException");
    const first = (await runSelfTest(noWait)).report;
    expect(first.checks.every((c) => c.ok)).toBe(true);
    expect(first.cleanup).toMatchObject({ ok: false, code: "GeneralException" });
    expect(host.inspect.sheetNames().slice(-1)).toEqual([{ name: SELFTEST_SHEET, visibility: "VeryHidden" }]);
    host.allow();
    const second = (await runSelfTest(noWait)).report;
    expect(second.leftoversRemoved).toBe(1);
    expect(second.sheet).toBe(SELFTEST_SHEET);
    expect(second.cleanup).toEqual({ ok: true });
    expect(snapshot()).toEqual(before);
  });

  it("never deletes a user's own sheet that happens to have our name; uses another name", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add(SELFTEST_SHEET).getRange("A1").values = [["мои данные"]];
      await context.sync();
    });
    const before = snapshot();
    const { report } = await runSelfTest(noWait);
    expect(report.sheet).toBe(`${SELFTEST_SHEET} (2)`);
    expect(report.leftoversRemoved).toBe(0);
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(host.inspect.cell(SELFTEST_SHEET, "A1").value).toBe("мои данные");
    expect(host.inspect.cell(SELFTEST_SHEET, "A1").value).not.toBe(SELFTEST_MARKER);
    expect(snapshot()).toEqual(before);
  });
});

describe("the environment in the diagnostic text", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("is read from Office.context: version, platform, display language, each API set asked", () => {
    const asked: string[] = [];
    g.Office = {
      context: {
        diagnostics: { version: "16.0.18025.20104", platform: "PC" },
        displayLanguage: "ru-RU",
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return name === "ExcelApi" ? Number(version.split(".")[1]) <= 16 : name !== "CustomFunctionsRuntime" || version !== "1.4";
          },
        },
      },
    };
    const env = readEnvironment();
    expect(env).toMatchObject({ officeVersion: "16.0.18025.20104", platform: "PC", displayLanguage: "ru-RU" });
    expect(asked).toHaveLength(17 + 4 + 1);
    expect(apiSetLines(env)).toEqual(["ExcelApi: yes 1.1–1.16; no 1.17", "CustomFunctionsRuntime: yes 1.1–1.3; no 1.4", "SharedRuntime: yes 1.1"]);
  });

  it("says unknown where Office cannot tell (outside Office, or a probe that throws)", () => {
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error("no"); } } } };
    const env = readEnvironment();
    expect(env).toMatchObject({ officeVersion: null, platform: null, displayLanguage: null });
    expect(env.apiSets.every((a) => a.supported === null)).toBe(true);
    delete g.Office;
    expect(readEnvironment().apiSets.every((a) => a.supported === null)).toBe(true);
  });
});
