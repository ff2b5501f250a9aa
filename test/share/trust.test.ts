/**
 * What «Подготовить к отправке» / «Вернуть формулы» can trust, against the simulated host: sheets
 * are found by id (a sheet that took a frozen sheet's name is never written), a host refusing the
 * undocumented chain of sheets, functions still computing (#BUSY!), and errors that say their true
 * cause (a view-only workbook, a refused unprotect, a protected structure, an unknown code).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import type { CommandResult } from "../../src/excel/commands";
import { freezeForSending, restoreFormulas, WAIT_PAUSES_MS } from "../../src/excel/share";
import { mapOfficeError } from "../../src/excel/errors";
import { ok } from "../helpers/commands";
import { limitExcelApi } from "./apiSets";

const CALC = "Расчёты";
const OTHER = "Свод школ";
let host: SimHost;
let uninstall: (() => void) | undefined;
/** Pauses asked for (ms): the waits are counted, not timed. */
let pauses: number[] = [];
const pause = async (ms: number) => {
  pauses.push(ms);
};

function failed<T>(r: CommandResult<T>) {
  if (r.ok) throw new Error("expected a failure");
  return r.error;
}

/** Two sheets with EDU formulas (one of them protected without a password) and a plain one. */
async function workbook(): Promise<void> {
  uninstall?.();
  host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1"] });
  uninstall = installSimHost(host);
  pauses = [];
  await Excel.run(async (context) => {
    const a = context.workbook.worksheets.add(CALC);
    a.getRange("A1:C2").formulas = [
      ["=EDU.DELTA(0.21,0.24)", "=EDU.SHARE(1,4)", "=A1*100"],
      ["=EDU.QUALITY(5,10,12,3)", "текст", '=EDU.DELTA("",1)'],
    ];
    const b = context.workbook.worksheets.add(OTHER);
    b.getRange("A1:B1").formulas = [["=EDU.GROWTH(50,60)", 7]];
    b.protection.protect();
    await context.sync();
  });
  host.resetStats();
}

const formula = (sheet: string, a1: string) => host.inspect.cell(sheet, a1).formula;
const value = (sheet: string, a1: string) => host.inspect.cell(sheet, a1).value;

afterAll(() => uninstall?.());

describe("«Вернуть формулы» finds sheets by id first", () => {
  beforeEach(workbook);

  it("a frozen sheet renamed, a new sheet under its old name: the renamed one gets its formulas, the new one is never written", async () => {
    ok(await freezeForSending({ lang: "ru", pause }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(CALC).name = "Расчёты 2023";
      const fresh = context.workbook.worksheets.add(CALC);
      // the new sheet even shows the frozen values in the same cells
      fresh.getRange("A1:B2").values = [[0.03, 0.25], [0.5, ""]];
      await context.sync();
    });
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(formula("Расчёты 2023", "A1")).toBe("=EDU.DELTA(0.21,0.24)");
    expect(formula("Расчёты 2023", "A2")).toBe("=EDU.QUALITY(5,10,12,3)");
    expect(host.inspect.grid(CALC).cells.flat().every((c) => c.formula === null)).toBe(true);
    expect(value(CALC, "A1")).toBe(0.03);
    expect(r).toMatchObject({ restored: 5, changed: [], sheetMissing: [], byName: [] });
  });

  it("a deleted sheet's cells are listed, even when a new sheet carries its name", async () => {
    ok(await freezeForSending({ lang: "ru", pause }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(CALC).delete();
      context.workbook.worksheets.add(CALC).getRange("A1").values = [[0.03]];
      await context.sync();
    });
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(r.sheetMissing.map((k) => `${k.sheet}!${k.address}`).sort()).toEqual([`${CALC}!A1`, `${CALC}!A2`, `${CALC}!B1`, `${CALC}!C2`]);
    expect(formula(CALC, "A1")).toBeNull();
    expect(formula(OTHER, "A1")).toBe("=EDU.GROWTH(50,60)");
  });

  it("a renamed sheet is restored under its new name", async () => {
    ok(await freezeForSending({ lang: "ru", pause }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(OTHER).name = "Свод-2";
      await context.sync();
    });
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(formula("Свод-2", "A1")).toBe("=EDU.GROWTH(50,60)");
    expect(host.inspect.protection("Свод-2")).toMatchObject({ protected: true });
    expect(r.byName).toEqual([]);
  });

  it("after the workbook is reopened (ids renumbered by position) finds each sheet by its stamp", async () => {
    ok(await freezeForSending({ lang: "ru", pause }));
    host.reopen();
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(r.restored).toBe(5);
    expect(r.byName).toEqual([]);
    expect(formula(CALC, "C2")).toBe('=EDU.DELTA("",1)');
  });

  it("sheets moved and the workbook reopened twice: an old positional id now names another sheet, the stamp still finds the right one", async () => {
    // A workbook as Excel desktop opens it: ids by position.
    host.reopen();
    ok(await freezeForSending({ lang: "ru", pause }));
    await Excel.run(async (context) => {
      // «Свод школ» moves to the front and a new sheet takes its old place, showing its frozen value in A1.
      context.workbook.worksheets.getItem(OTHER).position = 0;
      const twin = context.workbook.worksheets.add("Копия");
      twin.position = 2;
      twin.getRange("A1:B1").values = [[0.2, 7]];
      await context.sync();
    });
    host.reopen();
    const ids = host.inspect.sheetNames().map((s) => s.name);
    expect(ids.indexOf("Копия")).toBe(2); // the position «Свод школ» had when frozen: its old id is now «Копия»'s
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(r.restored).toBe(5);
    expect(formula("Копия", "A1")).toBeNull();
    expect(value("Копия", "A1")).toBe(0.2);
    expect(formula(CALC, "A1")).toBe("=EDU.DELTA(0.21,0.24)");
    expect(formula(OTHER, "A1")).toBe("=EDU.GROWTH(50,60)");
  });

  it("without ExcelApi 1.12 (no stamps) a reopened workbook's sheets are found by name, and the result says so", async () => {
    const restore = limitExcelApi("1.11");
    try {
      ok(await freezeForSending({ lang: "ru", pause }));
      host.reopen();
      const r = ok(await restoreFormulas({ lang: "ru" }));
      expect(r.restored).toBe(5);
      expect(r.byName).toEqual([{ sheet: CALC, reason: "idsChanged" }, { sheet: OTHER, reason: "idsChanged" }]);
    } finally {
      restore();
    }
  });

  it("an older store without sheet ids or stamps is restored by name and says so", async () => {
    ok(await freezeForSending({ lang: "ru", pause }));
    const store = host.inspect.sheetNames().find((s) => s.visibility === "VeryHidden")!.name;
    const rows = host.inspect.grid(store).cells.length;
    await Excel.run(async (context) => {
      const blank = Array.from({ length: rows - 2 }, () => [""]);
      context.workbook.worksheets.getItem(store).getRange(`A3:A${rows}`).values = blank;
      context.workbook.worksheets.getItem(store).getRange(`G3:G${rows}`).values = blank;
      await context.sync();
    });
    const r = ok(await restoreFormulas({ lang: "en" }));
    expect(r.restored).toBe(5);
    expect(r.byName.map((b) => b.reason)).toEqual(["noId", "noId"]);
  });
});

describe("a host that refuses calls on null objects (the getNextOrNullObject chain)", () => {
  beforeEach(workbook);

  it("freeze and restore are sent again without the chain, work the same, and report the extra sync", async () => {
    host.refuse("nullObjectMethods");
    const f = ok(await freezeForSending({ lang: "ru", pause }));
    expect(f.frozen).toBe(5);
    expect(f.extraReads).toEqual([{ reason: "chainRejected", detail: ["InvalidObjectPath"] }]);
    expect(formula(CALC, "A1")).toBeNull();
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(r.restored).toBe(5);
    expect(r.extraReads).toEqual([{ reason: "chainRejected", detail: ["InvalidObjectPath"] }]);
    expect(formula(CALC, "A1")).toBe("=EDU.DELTA(0.21,0.24)");
  });

  it("without the refusal the chain is one request", async () => {
    const f = ok(await freezeForSending({ lang: "ru", pause }));
    expect(f.extraReads).toEqual([]);
  });
});

describe("functions still computing are never frozen", () => {
  beforeEach(workbook);

  it("a cell showing #BUSY! for a while is read again after pauses and frozen with its value", async () => {
    host.setBusy(CALC, "A1", 3); // the scan and two re-reads see #BUSY!
    host.setBusy(OTHER, "A1", 2, "#GETTING_DATA");
    const f = ok(await freezeForSending({ lang: "ru", pause }));
    expect(f).toMatchObject({ frozen: 5, skipped: [], waits: 3 });
    expect(pauses).toEqual(WAIT_PAUSES_MS.slice(0, 3));
    expect(host.inspect.cell(CALC, "A1")).toMatchObject({ formula: null });
    expect(value(CALC, "A1")).toBeCloseTo(0.03, 12);
    expect(value(OTHER, "A1")).toBeCloseTo(0.2, 12);
  });

  it("a cell that stays #BUSY! keeps its formula and is reported; the rest is frozen", async () => {
    host.setBusy(CALC, "B1", 100);
    host.setBusy(CALC, "A2", 100, "#CALC!");
    const f = ok(await freezeForSending({ lang: "ru", pause }));
    expect(f.waits).toBe(WAIT_PAUSES_MS.length);
    expect(f.frozen).toBe(3);
    expect(f.skipped).toEqual([
      { sheet: CALC, address: "B1", formula: "=EDU.SHARE(1,4)", reason: "busy", error: "#BUSY!" },
      { sheet: CALC, address: "A2", formula: "=EDU.QUALITY(5,10,12,3)", reason: "busy", error: "#CALC!" },
    ]);
    expect(formula(CALC, "B1")).toBe("=EDU.SHARE(1,4)");
    expect(formula(CALC, "A2")).toBe("=EDU.QUALITY(5,10,12,3)");
    // never written as a value, nor kept in the store as one
    const store = host.inspect.sheetNames().find((s) => s.visibility === "VeryHidden")!.name;
    expect(host.inspect.grid(store).cells.flat().some((c) => c.value === "#BUSY!" || c.value === "#CALC!")).toBe(false);
    // restore gives back what was frozen and leaves the kept formulas alone
    const r = ok(await restoreFormulas({ lang: "ru" }));
    expect(r).toMatchObject({ restored: 3, changed: [], sheetMissing: [] });
    expect(formula(CALC, "B1")).toBe("=EDU.SHARE(1,4)");
  });

  it("with nothing computing, no pause and no extra sync", async () => {
    const f = ok(await freezeForSending({ lang: "ru", pause }));
    expect(f.waits).toBe(0);
    expect(pauses).toEqual([]);
  });
});

describe("errors say their true cause", () => {
  beforeEach(workbook);

  it("a workbook open for viewing only: not a password problem, nothing changed", async () => {
    host.refuse("writes");
    const e = failed(await freezeForSending({ lang: "ru", pause }));
    host.refuse("writes", false);
    expect(e.code).toBe("readOnly");
    expect(e.message.ru).toBe("Excel не разрешил изменить книгу: она открыта только для просмотра или у вас нет прав на её изменение. Откройте книгу для редактирования (или сохраните копию) и повторите. Книга не изменена.");
    expect(e.message.ru).not.toMatch(/парол/);
    expect(formula(CALC, "A1")).toBe("=EDU.DELTA(0.21,0.24)");
  });

  it("Excel refusing to unprotect a sheet without a password (June 2026 builds): said so, not a password problem", async () => {
    host.refuse("protectionWithoutPassword");
    const e = failed(await freezeForSending({ lang: "en", pause }));
    host.refuse("protectionWithoutPassword", false);
    expect(e.code).toBe("protectionRefused");
    expect(e.message.en).toMatch(/^Excel did not let the add-in unprotect or protect a sheet\. This is not a password problem.*The workbook was not changed\.$/);
    expect(formula(OTHER, "A1")).toBe("=EDU.GROWTH(50,60)");
    expect(host.inspect.protection(OTHER)).toMatchObject({ protected: true });
  });

  it("a sheet protected with a password: the password message", async () => {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(OTHER);
      ws.protection.unprotect();
      ws.protection.protect({}, "secret");
      await context.sync();
    });
    const e = failed(await freezeForSending({ lang: "ru", pause }));
    expect(e.code).toBe("protected");
    expect(e.message.ru).toMatch(/защищены паролем.*Книга не изменена\.$/);
  });

  it("a protected workbook structure (the store sheet cannot be added): said so", async () => {
    await Excel.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    const e = failed(await freezeForSending({ lang: "ru", pause }));
    expect(e.code).toBe("structureProtected");
    expect(e.message.ru).toMatch(/^Структура книги защищена/);
    expect(formula(CALC, "A1")).toBe("=EDU.DELTA(0.21,0.24)");
    expect(host.inspect.protection(OTHER)).toMatchObject({ protected: true });
  });
});

describe("one honest mapping of Office errors (src/excel/errors.ts)", () => {
  const err = (code: string, location?: string, statement?: string) => {
    const e = new host.OfficeExtension.Error(code, undefined, location);
    if (statement) e.debugInfo.statement = statement;
    return e;
  };
  beforeAll(workbook);

  it.each<[string, string | undefined, Parameters<typeof mapOfficeError>[1], string]>([
    ["InvalidArgument", "WorksheetProtection.unprotect", {}, "protected"],
    ["AccessDenied", "WorksheetProtection.unprotect", {}, "protectionRefused"],
    ["AccessDenied", "WorksheetProtection.protect", {}, "protectionRefused"],
    ["AccessDenied", "WorksheetProtection.unprotect", { readOnly: true }, "readOnly"],
    ["AccessDenied", "Range.values", {}, "readOnly"],
    ["AccessDenied", "WorksheetCollection.add", { structureProtected: true }, "structureProtected"],
    ["AccessDenied", "WorksheetCollection.add", { structureProtected: false }, "readOnly"],
    ["InvalidOperationInCellEditMode", "RequestContext.sync", {}, "cellEditMode"],
    ["GeneralException", "Range.values", {}, "unknown"],
  ])("%s at %s (%j) → %s", (code, location, facts, expected) => {
    const m = mapOfficeError(err(code, location), facts);
    expect(m.code).toBe(expected);
    if (expected !== "protected") expect(m.message.ru).not.toMatch(/защищен\S* паролем/);
  });

  it("an unknown error shows Excel's code, location and statement", () => {
    const m = mapOfficeError(err("GeneralException", "Range.values", "Range.values(...);"), { unknown: { ru: "Не удалось выполнить команду.", en: "The command failed." } });
    expect(m).toMatchObject({ code: "unknown", officeCode: "GeneralException", location: "Range.values" });
    expect(m.message).toEqual({
      ru: "Не удалось выполнить команду. Excel отказал: GeneralException (Range.values; Range.values(...);).",
      en: "The command failed. Excel refused: GeneralException (Range.values; Range.values(...);).",
    });
  });

  it("«Вставить листы» under a refused unprotect says so and protects the sheets again", async () => {
    const { insertReport } = await import("../../src/excel/insertReport");
    const options = { school: "МБОУ СОШ № 5", schoolYear: 2023, periods: [{ startYear: 2023, kind: "Y" as const }], sections: ["subject" as const], lang: "ru" as const };
    expect((await insertReport(options)).ok).toBe(true);
    const guarded = () => host.inspect.sheetNames().map((x) => [x.name, (host.inspect.protection(x.name) as { protected: boolean }).protected]);
    const before = guarded();
    expect(before.some(([, p]) => p)).toBe(true);
    host.refuse("protectionWithoutPassword");
    const r = await insertReport(options);
    host.refuse("protectionWithoutPassword", false);
    expect(guarded()).toEqual(before);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("protectionRefused");
      expect(r.error.message.ru).not.toMatch(/защищен\S* паролем/);
    }
  });
});
