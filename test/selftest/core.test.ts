/** «Самопроверка», the pure part: the function list matches what the add-in writes, probes, judgements, the diagnostic text. */
import { WRITTEN_FUNCTIONS } from "../../src/core/layout/formulas";
import {
  apiSetLines,
  CHECK_IDS,
  diagnosticText,
  FUNCTION_PROBES,
  judgeFunction,
  mayBeLeftover,
  payloadBlock,
  PROBED_SETS,
  sameRuleFormula,
  selfTestSheetName,
  SELFTEST_SHEET,
  type Environment,
  type SelfTestReport,
} from "../../src/core/selftest";
import { customCalls } from "../../src/core/share";
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { IMPLEMENTATIONS } from "../../src/functions/impl";
import { YEAR, reportBook } from "../hardening/workbook";

jest.setTimeout(60_000);

/** "0.3" → 0.3, '"id"' → "id": the literal arguments of a probe. */
const literal = (a: string): unknown => (a.startsWith('"') ? a.slice(1, -1) : Number(a));

describe("the custom functions the add-in writes", () => {
  it("are exactly those its sheets contain (report, targets, dynamics, risks)", async () => {
    const book = await reportBook();
    try {
      expect((await insertTargets({ lang: "ru" })).ok).toBe(true);
      expect((await comparePeriods({ earlier: { startYear: YEAR, kind: "H1" }, later: { startYear: YEAR, kind: "Y" }, lang: "ru" })).ok).toBe(true);
      expect((await refreshRisks({ lang: "ru" })).ok).toBe(true);
      const written = new Set<string>();
      for (const { name } of book.host.inspect.sheetNames())
        for (const row of book.host.inspect.grid(name).cells) for (const c of row) for (const f of customCalls(c.formula)) written.add(f);
      expect([...written].sort()).toEqual(WRITTEN_FUNCTIONS.map((f) => `EDU.${f}`).sort());
    } finally {
      book.close();
    }
  });

  it("each has a probe, written as the add-in writes it, whose expected value is what the function computes", () => {
    expect(FUNCTION_PROBES.map((p) => p.fn)).toEqual([...WRITTEN_FUNCTIONS]);
    for (const p of FUNCTION_PROBES) {
      const m = /^=EDU\.([A-Z]+)\((.*)\)$/.exec(p.formula);
      expect(m?.[1]).toBe(p.fn);
      expect(customCalls(p.formula)).toEqual([`EDU.${p.fn}`]);
      const value = (IMPLEMENTATIONS[p.fn] as (...a: unknown[]) => unknown)(...m![2].split(",").map(literal));
      expect(value).toBeCloseTo(p.expected, 12);
    }
  });

  it("lists one check per function and every platform behaviour", () => {
    expect(CHECK_IDS).toEqual([
      "veryHidden",
      "function:DELTA",
      "function:GROWTH",
      "function:DYNAMICS",
      "function:TARGETSTATUS",
      "function:TARGETGAP",
      "conditionalFormat",
      "dataValidation",
      "sheetChain",
      "chart",
      "payload",
      "protection",
    ]);
  });
});

describe("judging what Excel gives back", () => {
  const delta = FUNCTION_PROBES[0];
  it.each([
    [3, null],
    [3 + 1e-12, null],
    ["#NAME?", { code: "#NAME?", message: "=EDU.DELTA(2,5) gives #NAME?" }],
    ["#BUSY!", { code: "StillBusy", message: "=EDU.DELTA(2,5) still shows #BUSY!: Excel did not compute the custom function" }],
    [4, { code: "Mismatch", message: "=EDU.DELTA(2,5) gives 4, expected 3" }],
    ["3", { code: "Mismatch", message: '=EDU.DELTA(2,5) gives "3", expected 3' }],
  ])("EDU.DELTA giving %p", (value, expected) => {
    expect(judgeFunction(delta, value)).toEqual(expected);
  });

  it("compares rule formulas as Excel may return them", () => {
    expect(sameRuleFormula("=c1 > 0", "=C1>0")).toBe(true);
    expect(sameRuleFormula("C1>0", "=C1>0")).toBe(true);
    expect(sameRuleFormula("=C2>0", "=C1>0")).toBe(false);
    expect(sameRuleFormula(null, "=C1>0")).toBe(false);
  });
});

describe("the temporary sheet", () => {
  it("takes our name unless a sheet of the user's has it", () => {
    expect(selfTestSheetName(["Лист1"])).toBe(SELFTEST_SHEET);
    expect(selfTestSheetName(["SHNOR_SELFTEST", `${SELFTEST_SHEET} (2)`])).toBe(`${SELFTEST_SHEET} (3)`);
  });
  it("counts as a possible leftover only under our names (A1 decides)", () => {
    expect(mayBeLeftover(SELFTEST_SHEET)).toBe(true);
    expect(mayBeLeftover(`${SELFTEST_SHEET} (12)`)).toBe(true);
    expect(mayBeLeftover(`${SELFTEST_SHEET} копия`)).toBe(false);
    expect(mayBeLeftover("Лист1")).toBe(false);
  });
  it("gets a request of about the size asked for", () => {
    const block = payloadBlock(3_500_000);
    const bytes = JSON.stringify(block).length;
    expect(bytes).toBeGreaterThanOrEqual(3_500_000);
    expect(bytes).toBeLessThan(3_501_100);
    expect(block.every((r) => r.length === 10 && r.every((c) => !/\d/.test(c)))).toBe(true);
  });
});

describe("the diagnostic text", () => {
  const env: Environment = {
    officeVersion: "16.0.18025.20104",
    platform: "PC",
    displayLanguage: "ru-RU",
    userAgent: null,
    apiSets: PROBED_SETS.flatMap(({ name, versions }) =>
      versions.map((version) => ({ name, version, supported: name === "ExcelApi" ? version !== "1.17" && version !== "1.15" : name === "SharedRuntime" ? null : version <= "1.3" })),
    ),
  };

  it("sums up API sets as runs of versions", () => {
    expect(apiSetLines(env)).toEqual(["ExcelApi: yes 1.1–1.14, 1.16; no 1.15, 1.17", "CustomFunctionsRuntime: yes 1.1–1.3; no 1.4", "SharedRuntime: unknown 1.1"]);
  });

  it("holds the environment and each check with Excel's code and message", () => {
    const report: SelfTestReport = {
      date: "2026-12-01T10:00:00.000Z",
      environment: env,
      sheet: SELFTEST_SHEET,
      leftoversRemoved: 1,
      cleanup: { ok: true },
      restored: { activeSheet: false, selection: true },
      checks: [
        { id: "veryHidden", ok: true, detail: "VeryHidden", ms: 12.4 },
        { id: "function:DELTA", ok: false, code: "#NAME?", message: "=EDU.DELTA(2,5) gives #NAME?", ms: 40 },
        { id: "protection", ok: false, code: "AccessDenied", message: "You cannot perform the requested operation.", location: "WorksheetProtection.protect", ms: 8 },
      ],
    };
    expect(diagnosticText(report, "0.1.0")).toBe(
      [
        "Мониторинг ШНОР — самопроверка / School Support Monitor — self-test",
        "Date: 2026-12-01T10:00:00.000Z",
        "Add-in: 0.1.0",
        "Office: 16.0.18025.20104; platform: PC; display language: ru-RU",
        "ExcelApi: yes 1.1–1.14, 1.16; no 1.15, 1.17",
        "CustomFunctionsRuntime: yes 1.1–1.3; no 1.4",
        "SharedRuntime: unknown 1.1",
        "Checks: 1 of 3 passed",
        "✔ veryHidden (12 ms): VeryHidden",
        "✘ function:DELTA (40 ms): #NAME? — =EDU.DELTA(2,5) gives #NAME?",
        "✘ protection (8 ms): AccessDenied — You cannot perform the requested operation. [WorksheetProtection.protect]",
        "Temporary sheet: shnor_selftest; removed",
        "Leftovers of an earlier run removed: 1",
        "Restored afterwards: selection",
      ].join("\n"),
    );
    expect(diagnosticText({ ...report, cleanup: { ok: false, code: "GeneralException" } })).toContain(
      "Temporary sheet: shnor_selftest; NOT removed (GeneralException); the next run removes it",
    );
  });
});
