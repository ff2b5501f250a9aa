/**
 * The Office.js harness (src/cli/officejs-bytes.ts): a batch run through the tee sends Excel the
 * very request Microsoft's client builds for it alone, reads come from the simulated host, and a
 * request over the limit is refused whole, as Excel on the web does. The advice of a request too
 * large fits the command (src/i18n/payload.ts).
 */
import { installOfficeJsTee, loadOfficeJs, type OfficeJsTee, type RequestBody } from "../../src/cli/officejs-bytes";
import { syntheticSchool } from "../../src/cli/bench-consolidate";
import { ALL_SECTIONS, schoolYears } from "../../src/cli/bench-commands";
import { mapOfficeError } from "../../src/excel/errors";
import { consolidate } from "../../src/excel/consolidate";
import { insertReport } from "../../src/excel/insertReport";
import { createSimHost, type SimHost } from "../../src/sim";

jest.setTimeout(120_000);

/** One write batch, as the commands queue them (a new sheet, values, formats, a rule, a name). */
async function batch(context: Excel.RequestContext): Promise<void> {
  const ws = context.workbook.worksheets.add("Лист");
  const r = ws.getRange("A1:B2");
  r.numberFormat = [["General", "0.0"], ["@", "General"]];
  r.formulas = [["'Школа", 1.5], ["x", "=B1*2"]];
  r.format.fill.color = "#FFEEDD";
  r.format.font.bold = true;
  const cf = ws.getRange("B1:B2").conditionalFormats.add("Custom");
  cf.custom.rule.formula = "=B1>1";
  cf.custom.format.fill.color = "#FF0000";
  ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
  context.workbook.names.add("Test", ws.getRange("A1"));
  await context.sync();
}

describe("Office.js tee", () => {
  let host: SimHost;
  let tee: OfficeJsTee;
  const bodies: RequestBody[] = [];
  beforeEach(() => {
    bodies.length = 0;
    host = createSimHost();
    tee = installOfficeJsTee(host, { onRequest: (b) => bodies.push(JSON.parse(JSON.stringify(b)) as RequestBody) });
  });
  afterEach(() => tee.uninstall());

  it("sends the request Microsoft's client builds for the batch alone, byte for byte", async () => {
    await Excel.run(batch);
    const alone: string[] = [];
    await loadOfficeJs().run(async (context) => {
      context._requestExecutor = {
        executeAsync: (_c: unknown, _f: number, m: { Body: unknown }) => {
          alone.push(JSON.stringify(m.Body));
          return Promise.resolve({ ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: { Results: [] } });
        },
      };
      await batch(context as unknown as Excel.RequestContext);
    });
    expect(JSON.stringify(bodies[0])).toBe(alone[0]);
    expect(tee.requests[0].bytes).toBe(Buffer.byteLength(alone[0], "utf8"));
    // The simulated host applied it.
    expect(host.inspect.cell("Лист", "B2").value).toBe(3);
    expect(host.inspect.protection("Лист").protected).toBe(true);
  });

  it("answers reads from the simulated host and keeps proxies valid across syncs", async () => {
    const got = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Данные");
      const r = ws.getRange("A1:B1");
      r.values = [[2, "=A1*21"]];
      await context.sync();
      // The same proxies after a sync: Office.js needs the ids Excel answered.
      r.load("values");
      ws.load("name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const missing = sheets.getItemOrNullObject("Нет такого");
      await context.sync();
      return { values: r.values, name: ws.name, names: sheets.items.map((s) => s.name), missing: missing.isNullObject };
    });
    expect(got).toEqual({ values: [[2, 42]], name: "Данные", names: ["Sheet1", "Данные"], missing: true });
    expect(tee.requests.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a request over the limit whole, with Excel's error code", async () => {
    const big = Array.from({ length: 3000 }, (_, i) => [`'${"ш".repeat(1000)}${i}`]);
    const error = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").values = [[1]];
      ws.getRange("A1:A3000").values = big;
      await context.sync();
    }).then(() => null, (e: unknown) => e as { code?: string });
    expect(error?.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(tee.requests.at(-1)!.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(host.inspect.cell("Sheet1", "B1").value).toBe(""); // nothing of the request was applied
  });
});

describe("the advice of a request too large fits the command", () => {
  it.each([
    ["insert", /периодов/, /periods/],
    ["consolidate", /меньше школ или разделите свод/, /fewer schools or split/],
    ["freeze", /EDU\.\*/, /EDU\.\*/],
    ["restore", /Вернуть формулы/, /Restore formulas/],
    ["roadmap", /дорожную карту частями/, /road map in parts/],
  ] as const)("%s", (command, ru, en) => {
    const e = mapOfficeError({ code: "RequestPayloadSizeLimitExceeded" }, { command });
    expect(e.code).toBe("payloadTooLarge");
    expect(e.message.ru).toMatch(ru);
    expect(e.message.en).toMatch(en);
    if (command !== "insert") expect(e.message.ru).not.toMatch(/периодов/);
  });

  it("consolidation refused by Excel tells to pick fewer schools, not fewer periods", async () => {
    const host = createSimHost();
    // A limit of 300 KB: the first write request of ten schools passes it.
    const tee = installOfficeJsTee(host, { limit: 300_000 });
    try {
      const sources = Array.from({ length: 10 }, (_, i) => ({ label: `s${i}.xlsx`, report: syntheticSchool(i) }));
      const r = await consolidate({ sources, useOpenWorkbook: false, period: { startYear: 2023, kind: "Y" }, lang: "ru" });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe("payloadTooLarge");
      expect(r.error.message.ru).toMatch(/меньше школ/);
      // Nothing of the failed run is left behind.
      expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Sheet1"]);
    } finally {
      tee.uninstall();
    }
  });

  it("an insert refused by Excel tells to pick fewer periods", async () => {
    const host = createSimHost();
    // The read (about 180 KB) passes; the sheets of a school year (about 430 KB) do not.
    const tee = installOfficeJsTee(host, { limit: 300_000 });
    try {
      const r = await insertReport({ school: "Школа", schoolYear: 2024, periods: schoolYears(2024, 1), sections: ALL_SECTIONS, lang: "ru" });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.ru).toMatch(/меньше периодов/);
    } finally {
      tee.uninstall();
    }
  });
});
