/**
 * The road map from Word and from real pastes (issue 19) through the simulated Excel host: a month
 * Excel turned into a date is read whole from the cell's number format, the user's wording is on
 * the sheet and a row imported before keeps its key and typed status; the sample .docx's road map
 * goes through the same recognition, with the programme years from its title.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { cellAddress } from "../../src/core/layout/grid";
import { ROADMAP } from "../../src/core/layout/roadmapSheet";
import { insertReport } from "../../src/excel/insertReport";
import { importRoadmap } from "../../src/excel/roadmap";
import { isoToSerial, roadmapTables, wordProgramYears } from "../../src/core/roadmap";
import { SAMPLES, roadmapGrid, ROADMAP_TITLE } from "../../src/samples";
import { readDocx } from "../../src/xlsx/light";
import { ok } from "../helpers/commands";

const SHEET = "Дорожная карта";
let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

async function workbook(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  const r = await insertReport({ school: "МБОУ СОШ № 7", schoolYear: 2021, periods: [{ startYear: 2021, kind: "Y" }], sections: ["subject"], lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
}

/** Values (and number formats) at A1 of «Вставка», selected. */
async function paste(values: unknown[][], formats?: string[][]): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject("Вставка");
    await context.sync();
    const sheet = ws.isNullObject ? context.workbook.worksheets.add("Вставка") : ws;
    sheet.getRange("A1:H40").clear();
    const range = sheet.getRange(`A1:D${values.length}`);
    range.values = values as (string | number)[][];
    if (formats) range.numberFormat = formats;
    range.select();
    await context.sync();
  });
}

const rows = () => host.inspect.grid(SHEET).cells;
const eventRow = (n: string) => rows().findIndex((c) => String(c[ROADMAP.keyCol - 1]?.value ?? "").startsWith(`${n}|`)) + 1;
const at = (row: number, col: number) => host.inspect.cell(SHEET, cellAddress(row, col)).value;

describe("a month Excel turned into a date", () => {
  beforeAll(workbook);
  const HEADER = ["№", "Мероприятие", "Сроки", "Ответственные"];
  const march = isoToSerial("2022-03-01")!;

  it("an earlier import read it as its first day; a status is typed there", async () => {
    // What the reader made of the pasted date before issue 19: «01.03.2022».
    await paste([HEADER, ["1", "Педсовет", "01.03.2022", "Директор"]]);
    ok(await importRoadmap({ lang: "ru", years: { firstYear: 2021, lastYear: 2021 } }));
    const r = eventRow("1");
    expect(at(r, ROADMAP.keyCol)).toMatch(/^1\|[0-9a-f]{8}\|2022-03-01$/);
    expect(host.inspect.userEdit(SHEET, cellAddress(r, ROADMAP.statusCol), "выполнено").ok).toBe(true);
  });

  it("is read as the whole month from its number format, in the user's words; the key and the status stay", async () => {
    const before = at(eventRow("1"), ROADMAP.keyCol);
    await paste([HEADER, ["1", "Педсовет", march, "Директор"]], [["General", "General", "General", "General"], ["General", "General", "mmmm yyyy", "General"]]);
    const res = ok(await importRoadmap({ lang: "ru", years: { firstYear: 2021, lastYear: 2021 } }));
    expect(res.kept).toBe(1);
    expect(res.orphans).toBe(0);
    const r = eventRow("1");
    expect(at(r, ROADMAP.deadlineCol)).toBe("Март 2022");
    expect(at(r, ROADMAP.startCol)).toBe(isoToSerial("2022-03-01"));
    expect(at(r, ROADMAP.endCol)).toBe(isoToSerial("2022-03-31"));
    expect(at(r, ROADMAP.keyCol)).toBe(before);
    expect(at(r, ROADMAP.statusCol)).toBe("выполнено");
  });

  it("a fresh import of the month gets the month's key", async () => {
    await workbook();
    await paste([HEADER, ["1", "Педсовет", march, "Директор"]], [["General", "General", "General", "General"], ["General", "General", "[$-419]ММММ ГГГГ", "General"]]);
    ok(await importRoadmap({ lang: "ru", years: { firstYear: 2021, lastYear: 2021 } }));
    expect(at(eventRow("1"), ROADMAP.keyCol)).toMatch(/\|2022-03-31$/);
  });
});

describe("the sample road map", () => {
  beforeAll(workbook);

  it("pasted with its title: the programme years come from the title", async () => {
    const grid = roadmapGrid();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Вставка");
      const range = ws.getRange(`A1:F${grid.length}`);
      range.values = grid;
      range.select();
      await context.sync();
    });
    const r = ok(await importRoadmap({ lang: "ru" }));
    expect(r).toMatchObject({ events: 10, groups: 3, unparsed: [], years: { firstYear: 2025, lastYear: 2025 }, yearsSource: "title" });
    expect(r.findings.filter((f) => f.code === "paste")).toEqual([]);
  });

  it("from the .docx: the chosen table goes through the same recognition, whatever is selected", async () => {
    const read = readDocx(SAMPLES[1].docx());
    if (!read.ok) throw new Error(read.finding.en);
    const { best } = roadmapTables(read.doc.tables);
    const years = wordProgramYears(read.doc, best)!.years;
    // The selection is on the add-in's own sheet: irrelevant for a table from a file.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("A1").select();
      await context.sync();
    });
    const r = ok(await importRoadmap({ lang: "ru", years, table: { rows: read.doc.tables[best].rows, label: `${SAMPLES[1].file}: ${ROADMAP_TITLE}` } }));
    expect(r).toMatchObject({ events: 10, groups: 3, unparsed: [], undated: 2, years: { firstYear: 2025, lastYear: 2025 }, yearsSource: "option", created: false });
    expect(r.source).toBe(`${SAMPLES[1].file}: ${ROADMAP_TITLE}`);
    // Re-import from the file keeps what the paste created: same keys, nothing orphaned.
    expect(r.orphans).toBe(0);
    const deadlines = rows().map((c) => c[ROADMAP.deadlineCol - 1]?.value);
    expect(deadlines).toContain("Октябрь 2025 – апрель 2026");
    expect(deadlines).toContain("в течение года, согласно плану-графику");
  });
});
