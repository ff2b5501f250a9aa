/**
 * What users do to the workbook itself, table-driven: a sheet protected with their own password,
 * one of our sheets renamed or deleted, sheets of their own that already carry our names. Each
 * command gives the documented result (typed error, or success with the documented sheet), never
 * throws, and changes no value the user owns.
 */
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { insertReport } from "../../src/excel/insertReport";
import { H1, PERIODS, SHEET, Y, YEAR, changed, reportBook, userCells, type Book } from "./workbook";

jest.setTimeout(60_000);

type Command = "reinsert" | "targets" | "compare" | "risks";
const COMMANDS: Command[] = ["reinsert", "targets", "compare", "risks"];

async function run(command: Command): Promise<{ ok: boolean; code?: string; message?: string; value: Record<string, unknown> }> {
  const r =
    command === "reinsert"
      ? await insertReport({ school: "МБОУ СОШ № 3", schoolYear: YEAR, periods: PERIODS, sections: ["subject", "staff", "facilities", "methods", "partnership"], lang: "ru" })
      : command === "targets"
        ? await insertTargets({ lang: "ru" })
        : command === "compare"
          ? await comparePeriods({ earlier: { startYear: YEAR, kind: "H1" }, later: { startYear: YEAR, kind: "Y" }, lang: "ru" })
          : await refreshRisks({ lang: "ru", today: "2025-06-30" });
  return r.ok ? { ok: true, value: r as unknown as Record<string, unknown> } : { ok: false, code: r.error.code, message: r.error.message.ru, value: {} };
}

const protectWithPassword = (sheet: string) => async () =>
  Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.protection.unprotect(); // ours are protected without a password
    ws.protection.protect({}, "секрет");
    await context.sync();
  });

interface Case {
  what: string;
  /** Sheets of the user's own before the report is inserted. */
  foreign?: string[];
  setup(book: Book): Promise<unknown>;
  /** Documented result per command: "ok", or the typed error code; with the sheet it names. */
  expected: Record<Command, { code: string; sheet?: string; created?: boolean; updated?: string; createdSheets?: string[] }>;
}

const PROTECTED = /защищены паролем/;

const CASES: Case[] = [
  {
    what: "an indicator sheet protected with the user's password",
    setup: protectWithPassword(SHEET.subject),
    expected: {
      reinsert: { code: "protected" },
      targets: { code: "ok", sheet: "Цели программы" },
      compare: { code: "ok", sheet: "Динамика" },
      risks: { code: "protected" }, // highlighting must unprotect it
    },
  },
  {
    what: "«Цели программы» protected with the user's password",
    setup: async () => {
      await insertTargets({ lang: "ru" });
      await protectWithPassword("Цели программы")();
    },
    expected: {
      reinsert: { code: "ok" },
      targets: { code: "protected" },
      compare: { code: "ok", sheet: "Динамика" },
      risks: { code: "ok", sheet: "Риски" },
    },
  },
  {
    what: "an indicator sheet renamed by the user (found by its A1 marker)",
    setup: () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET.subject).name = "Мои результаты";
        await context.sync();
      }),
    expected: { reinsert: { code: "ok", updated: "Мои результаты" }, targets: { code: "ok" }, compare: { code: "ok" }, risks: { code: "ok" } },
  },
  {
    what: "an indicator sheet deleted by the user",
    setup: () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET.staff).delete();
        await context.sync();
      }),
    expected: { reinsert: { code: "ok", createdSheets: [SHEET.staff] }, targets: { code: "ok" }, compare: { code: "ok" }, risks: { code: "ok" } },
  },
  {
    what: "«Цели программы» deleted by the user",
    setup: async () => {
      await insertTargets({ lang: "ru" });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Цели программы").delete();
        await context.sync();
      });
    },
    expected: { reinsert: { code: "ok" }, targets: { code: "ok", sheet: "Цели программы", created: true }, compare: { code: "ok" }, risks: { code: "ok" } },
  },
  {
    what: "sheets of the user's own named «Паспорт», «Цели программы», «Динамика», «Риски»",
    foreign: ["Паспорт", "Цели программы", "Динамика", "Риски"],
    setup: async (b) => {
      for (const s of ["Паспорт", "Цели программы", "Динамика", "Риски"]) {
        b.type(s, "A1", "мои данные");
        b.type(s, "B2", "42");
      }
    },
    expected: {
      reinsert: { code: "ok", updated: "Паспорт (2)" },
      targets: { code: "ok", sheet: "Цели программы (2)", created: true },
      compare: { code: "ok", sheet: "Динамика (2)" },
      risks: { code: "ok", sheet: "Риски (2)" },
    },
  },
];

describe.each(CASES)("$what", (c) => {
  let book: Book;
  beforeAll(async () => {
    book = await reportBook(c.foreign ?? ["Лист1"]);
    await c.setup(book);
    // Values the user typed: they must survive every command.
    book.type(SHEET.base, book.at(SHEET.base, "students_assessed", "2024/25-Q1"), "150");
    const subject = book.host.inspect.sheetNames().some((s) => s.name === SHEET.subject) ? SHEET.subject : "Мои результаты";
    book.type(subject, book.at(subject, "quality_4_5", H1), "42");
    book.type(SHEET.base, book.at(SHEET.base, "students_total", Y), "230");
  });
  afterAll(() => book.close());

  it.each(COMMANDS)("%s gives the documented result and changes no user value", async (command) => {
    const before = userCells(book.host);
    const r = await run(command);
    const want = c.expected[command];
    expect(r.ok ? "ok" : r.code).toBe(want.code);
    if (want.code === "protected") expect(r.message).toMatch(PROTECTED);
    if (want.sheet) expect(r.value.sheet).toBe(want.sheet);
    if (want.created !== undefined) expect(r.value.created).toBe(want.created);
    if (want.updated) expect(r.value.updated).toContain(want.updated);
    if (want.createdSheets) expect(r.value.created).toEqual(want.createdSheets);
    expect(changed(before, userCells(book.host))).toEqual([]);
  });
});
