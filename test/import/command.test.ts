/**
 * «Загрузить таблицу показателей» through the simulated Excel host: paste a self-examination table,
 * select it, preview (no write), write, read the report back and judge it — the figures equal the table's.
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { columnLetter } from "../../src/core/layout/grid";
import { readReport } from "../../src/core/report";
import { insertReport } from "../../src/excel/insertReport";
import { refreshRisks } from "../../src/excel/commands";
import { readOurSheets } from "../../src/excel/readReport";
import { previewImport, writeImport } from "../../src/excel/importTable";
import { planImport } from "../../src/core/import";
import type { Period } from "../../src/core/types";
import { ok, reportCell } from "../helpers/commands";
import { SELF_EXAM } from "./fixtures";

const Y: Period = { startYear: 2023, kind: "Y" };
const BASE = "Базовые показатели";
let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

async function paste(rows: string[][], sheet = "Вставка", asText = true): Promise<void> {
  await Excel.run(async (context) => {
    const ws = host.inspect.sheetNames().some((s) => s.name === sheet) ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.add(sheet);
    const width = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
    const range = ws.getRange(`A1:${columnLetter(width)}${grid.length}`);
    if (asText) range.numberFormat = grid.map((r) => r.map(() => "@"));
    range.values = grid;
    range.select();
    await context.sync();
  });
}

async function report() {
  return Excel.run(async (context) => readReport((await readOurSheets(context, () => context.sync())).ours));
}

async function basicSchool(): Promise<void> {
  restore?.();
  host = createSimHost({ plugins: [registerEduFunctions()] });
  restore = installSimHost(host);
  ok(await insertReport({ school: "МБОУ ООШ № 3", schoolYear: 2023, periods: [Y], sections: ["subject", "staff"], lang: "ru", levels: ["primary", "basic"] }));
  const e = host.inspect.userEdit(BASE, reportCell(host, BASE, "students_total", "2023/24-Y"), "198");
  if (!e.ok) throw new Error(e.message.en);
  await paste(SELF_EXAM);
}

describe("import of a pasted self-examination table", () => {
  beforeAll(basicSchool);

  it("previews without writing: rows, targets, findings and the typed value in conflict", async () => {
    const before = host.inspect.grid(BASE);
    host.resetStats();
    const p = ok(await previewImport({ lang: "ru", period: Y }));
    // Markers, then our sheets with the selection's text: no write, no third round trip.
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    expect(p.source).toBe(`Вставка!A1:D${SELF_EXAM.length}`);
    expect(p.plan.rows).toHaveLength(29);
    expect(p.plan.unrecognised.map((u) => u.text)).toEqual(["Количество кружков робототехники"]);
    expect(p.conflicts).toEqual([{ indicatorId: "students_total", period: "2023/24-Y", sheet: "base", value: 200, old: "198" }]);
    expect(p.targets.find((t) => t.indicatorId === "students_total")).toMatchObject({ sheetName: BASE, address: reportCell(host, BASE, "students_total", "2023/24-Y") });
    // The exam session is not on the sheets yet: its cells are new.
    expect(p.targets.find((t) => t.indicatorId === "gia9_rus_avg")).toMatchObject({ period: "2023/24-E", address: null });
    // facilities is not inserted yet.
    expect(p.targets.find((t) => t.indicatorId === "reading_room")).toMatchObject({ sheetName: null, address: null });
    expect(p.levels).toEqual(["primary", "basic"]);
    expect(p.plan.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["part_exceeds_whole", "share_scale", "not_applicable_expected"]));
    expect(host.inspect.grid(BASE)).toEqual(before);
  });

  it("writes, keeping the typed value without consent, inserting the missing sheet and period", async () => {
    host.resetStats();
    const w = await writeImport({ lang: "ru", period: Y, school: "МБОУ ООШ № 3", schoolYear: 2023 });
    if (!w.ok) throw new Error(w.error.message.en);
    console.log(`import write: ${host.stats.syncs} syncs, largest request ${host.stats.maxRequestBytes} bytes (host estimate), ${w.written.length} cells`);
    expect(host.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(w.kept.map((k) => `${k.indicatorId}:${k.old}→${k.value}`)).toEqual(["students_total:198→200"]);
    expect(w.created).toEqual(["Материально-технические условия"]);
    expect(host.inspect.cell(BASE, reportCell(host, BASE, "students_total", "2023/24-Y")).value).toBe(198);
    const r = await report();
    expect(r.periods.map((x) => `${x.startYear}-${x.kind}`)).toEqual(["2023-Y", "2023-E"]);
    expect(r.data.observations.gia9_rus_avg["2023/24-E"].value).toEqual({ kind: "number", value: 3.8 });
    expect(r.data.observations.reading_room["2023/24-Y"].value).toEqual({ kind: "number", value: 1 });
    expect(r.data.observations.reading_room_media["2023/24-Y"].value).toEqual({ kind: "number", value: 0 });
    expect(r.data.observations.ege_math_avg["2023/24-E"].value).toEqual({ kind: "na" });
    // ЕГЭ in a basic school: the sheet shows «–», the table's 68 is not written.
    expect(r.data.observations.ege_rus_avg["2023/24-E"].value).toEqual({ kind: "na" });
  });

  it("with consent replaces the typed value; the shares computed on the sheets equal the table's", async () => {
    const w = await writeImport({ lang: "ru", period: Y, school: "МБОУ ООШ № 3", schoolYear: 2023, overwrite: true });
    if (!w.ok) throw new Error(w.error.message.en);
    expect(w.replaced.map((k) => k.indicatorId)).toEqual(["students_total"]);
    const r = await report();
    const plan = planImport(SELF_EXAM, { period: Y, lang: "ru", levels: ["primary", "basic"] });
    let compared = 0;
    for (const row of plan.rows) {
      for (const v of row.values) {
        if (v.reading.share === undefined || v.write === null || v.reading.shareForm === "fraction" || !v.period) continue;
        // Shares of staff (20 teachers) and pupils (200) as the sheets compute them from the written counts.
        const judged = r.judged[row.indicatorId]?.[v.period];
        if (judged === undefined) continue;
        expect(Math.abs(judged - v.reading.share)).toBeLessThanOrEqual(v.reading.shareTolerance ?? 0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(r.judged.computers_per_student["2023/24-Y"]).toBe(0.15);
    const risks = await refreshRisks({ lang: "ru", today: "2024-06-30" });
    expect(risks.ok).toBe(true);
  });

  it("a second write of the same table changes nothing", async () => {
    const w = await writeImport({ lang: "ru", period: Y, school: "МБОУ ООШ № 3", schoolYear: 2023 });
    if (!w.ok) throw new Error(w.error.message.en);
    expect(w.written).toEqual([]);
    expect(w.kept).toEqual([]);
    expect(w.unchanged).toBeGreaterThan(20);
  });

  it("refuses an empty selection and a selection on our sheets, with a message", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Вставка").getRange("H1:I3").select();
      await context.sync();
    });
    const empty = await previewImport({ lang: "ru", period: Y });
    expect(empty.ok ? "" : empty.error.message.ru).toContain("пуст");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(BASE).getRange("A1:D5").select();
      await context.sync();
    });
    const ours = await writeImport({ lang: "ru", period: Y, school: "МБОУ ООШ № 3" });
    expect(ours.ok ? "" : ours.error.message.en).toContain("made by the add-in");
  });

  it("a table passed in (a Word document's) is read instead of the selection", async () => {
    const p = ok(await previewImport({ lang: "ru", period: Y, grid: SELF_EXAM, gridSource: "отчёт.docx: Показатели" }));
    expect(p.source).toBe("отчёт.docx: Показатели");
    expect(p.plan.rows).toHaveLength(29);
    expect(p.conflicts).toEqual([]);
    const big = await previewImport({ lang: "ru", period: Y, grid: Array.from({ length: 2001 }, () => ["1"]) });
    expect(big.ok ? "" : big.error.message.en).toContain("Too much is selected");
  });

  it("a paste Excel converted (numbers, percents) reads the same as the text", async () => {
    const text = ok(await previewImport({ lang: "ru", period: Y, grid: SELF_EXAM }));
    await paste(SELF_EXAM, "Вставка 2", false);
    const converted = ok(await previewImport({ lang: "ru", period: Y }));
    const writes = (p: typeof text) => p.plan.rows.map((r) => `${r.indicatorId}:${r.values.map((v) => v.write).join(",")}`);
    expect(writes(converted)).toEqual(writes(text));
    expect(converted.plan.columns.map((c) => c.period)).toEqual(["2023/24-Y"]);
  });

  it("graduates written to the exam session too: the exam shares on the sheets equal the table's", async () => {
    await paste([
      ["№", "Показатель", "2023/24"],
      ["", "Численность выпускников 9 класса", "20"],
      ["1.10", "Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на ГИА по русскому языку", "2/10%"],
      ["1.11", "Численность/удельный вес численности выпускников 9 класса, получивших неудовлетворительные результаты на ГИА по математике", "3/15%"],
    ], "Вставка 3");
    const w = await writeImport({ lang: "ru", period: Y, school: "МБОУ ООШ № 3", schoolYear: 2023, overwrite: true });
    if (!w.ok) throw new Error(w.error.message.en);
    const r = await report();
    expect(r.judged.gia9_rus_fail["2023/24-E"]).toBeCloseTo(0.1, 10);
    expect(r.judged.gia9_math_fail["2023/24-E"]).toBeCloseTo(0.15, 10);
    expect(r.data.observations.grads_9["2023/24-Y"].value).toEqual({ kind: "number", value: 20 });
  });
});
