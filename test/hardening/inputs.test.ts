/**
 * Bad values typed or pasted into the indicator sheets, table-driven. For every row: the report
 * reader and the checks give the documented finding (or none), and re-inserting the sheets,
 * inserting targets, comparing periods and refreshing risks all succeed without throwing and
 * without changing a single value the user owns. README «Неверные данные / Bad input» lists the
 * same table.
 */
import { comparePeriods, insertTargets, refreshRisks } from "../../src/excel/commands";
import { insertReport } from "../../src/excel/insertReport";
import type { Value } from "../../src/core/types";
import { H1, PERIODS, SHEET, YEAR, changed, readAndCheck, reportBook, userCells, type Book } from "./workbook";

jest.setTimeout(60_000);

const E = "2024/25-E";

interface Row {
  what: string;
  sheet: string;
  id: string;
  key: string;
  /** "type": as a user types it (Excel's own parsing); "paste": the raw value a paste or a program puts in. */
  how: "type" | "paste";
  input: string | number;
  /** What the reader makes of it. */
  read: Value["kind"] | "none";
  /** The documented finding rule, or null for none. */
  finding: string | null;
  /** A fragment of the finding's Russian message. */
  message?: RegExp;
  /** The share read, for a share cell (0.21 unless said). */
  share?: number;
  /** Known defect: re-inserting the sheets writes this text back unprefixed and Excel parses it (a date). */
}

const ROWS: Row[] = [
  { what: "text in a count cell", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "много", read: "error", finding: "value_out_of_scale", message: /«много» — не число/ },
  { what: "a negative count", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "-5", read: "error", finding: "value_out_of_scale", message: /Численность не может быть отрицательной/ },
  { what: "part > whole (250 of 200 assessed)", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "250", read: "number", finding: "part_exceeds_whole", message: /\(250\) больше, чем «Подлежат аттестации» \(200\)/ },
  { what: "a share typed as 21%", sheet: SHEET.partnership, id: "events_done_share", key: H1, how: "type", input: "21%", read: "number", finding: null },
  { what: "a share typed as 21 (Excel's automatic percent entry: 21 %)", sheet: SHEET.partnership, id: "events_done_share", key: H1, how: "type", input: "21", read: "number", finding: null },
  // Excel keeps what a % cell shows: typed 0,21 is 0,21 %; that is what is judged, with a note asking whether 21 % was meant.
  { what: "a share typed as 0,21 (shown 0,2 %)", sheet: SHEET.partnership, id: "events_done_share", key: H1, how: "type", input: "0,21", read: "number", finding: "share_format", message: /21/, share: 0.0021 },
  // The cell is formatted as percent: a pasted 21 shows 2 100 %, and is judged as shown (not as 21 %).
  { what: "a share pasted as 21 (shown 2 100 %)", sheet: SHEET.partnership, id: "events_done_share", key: H1, how: "paste", input: 21, read: "error", finding: "value_out_of_scale", message: /Доля больше 100 %/ },
  { what: "a share pasted as the text «21 %»", sheet: SHEET.partnership, id: "events_done_share", key: H1, how: "paste", input: "21 %", read: "number", finding: null },
  { what: "an ОГЭ average outside 2–5", sheet: SHEET.subject, id: "gia9_rus_avg", key: E, how: "type", input: "7", read: "error", finding: "value_out_of_scale", message: /Средний балл вне шкалы 2–5/ },
  { what: "a date kept as text ('01.09.2024)", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "'01.09.2024", read: "error", finding: "value_out_of_scale", message: /Дата «01\.09\.2024» вместо числа/, },
  { what: "a date Excel converted to its serial number", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "paste", input: 45536, read: "number", finding: "part_exceeds_whole", message: /\(45536\) больше/ },
  { what: "an Excel error value (=NA())", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "paste", input: "=NA()", read: "error", finding: "value_out_of_scale", message: /ошибка Excel #N\/A/ },
  { what: "«–» (not applicable)", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "–", read: "na", finding: null },
  { what: "an empty cell", sheet: SHEET.subject, id: "quality_4_5", key: H1, how: "type", input: "", read: "none", finding: null },
];

async function enter(book: Book, row: Row): Promise<string> {
  const addr = book.at(row.sheet, row.id, row.key);
  if (row.how === "type") book.type(row.sheet, addr, String(row.input));
  else await book.paste(row.sheet, addr, row.input);
  return addr;
}

describe.each(ROWS)("$what → $finding", (row) => {
  let book: Book;
  beforeAll(async () => {
    book = await reportBook();
    await enter(book, row);
  });
  afterAll(() => book.close());

  it("the report reader and the checks give the documented result", async () => {
    const { report, findings } = await readAndCheck();
    const obs = report.data.observations[row.id]?.[row.key];
    expect(obs?.value.kind ?? "none").toBe(row.read);
    if (row.id === "events_done_share" && row.read === "number") expect(obs?.value).toEqual({ kind: "number", value: row.share ?? 0.21 });
    const mine = findings.filter((f) => f.indicatorId === row.id && f.period === row.key);
    expect(mine.map((f) => f.rule)).toEqual(row.finding ? [row.finding] : []);
    if (row.message) expect(mine[0].message.ru).toMatch(row.message);
    // Nothing else in the workbook is wrong.
    expect(findings.filter((f) => f.indicatorId !== row.id && f.severity !== "info")).toEqual([]);
  });

  it.each(["insertTargets", "comparePeriods", "refreshRisks"] as const)("%s succeeds and changes no user value", async (command) => {
    const before = userCells(book.host);
    const r =
      command === "insertTargets"
        ? await insertTargets({ lang: "ru" })
        : command === "comparePeriods"
          ? await comparePeriods({ earlier: { startYear: YEAR, kind: "H1" }, later: { startYear: YEAR, kind: "Y" }, lang: "ru" })
          : await refreshRisks({ lang: "ru", today: "2025-06-30" });
    expect(r.ok ? "ok" : r.error.code).toBe("ok");
    expect(changed(before, userCells(book.host))).toEqual([]);
  });

  // Re-inserting rewrites the typed values: text goes back with Excel's text prefix (asConstant in
  // src/excel/apply.ts), so text Excel could parse (a date, "21 %") is not converted.
  it("re-inserting the sheets keeps the value as typed", async () => {
    const before = userCells(book.host);
    const r = await insertReport({ school: "МБОУ СОШ № 3", schoolYear: YEAR, periods: PERIODS, sections: ["subject", "staff", "facilities", "methods", "partnership"], lang: "ru" });
    expect(r.ok ? "ok" : r.error.code).toBe("ok");
    expect(changed(before, userCells(book.host))).toEqual([]);
  });
});
