/**
 * Hardening helpers: a school's report on the simulated host, typing and pasting as a user does,
 * reading the report as the commands do, and a snapshot of every value the user owns (to prove a
 * command changed none of them).
 */
import { LAYOUT } from "../../src/core/layout";
import { cellAddress } from "../../src/core/layout/grid";
import { parseAnyMarker } from "../../src/core/layout/markers";
import { readReport, type ReportData } from "../../src/core/report";
import { runChecks } from "../../src/core/checks";
import type { Finding, Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { readOurSheets } from "../../src/excel/readReport";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";

export const YEAR = 2024;
export const PERIODS: Period[] = [
  { startYear: 2023, kind: "E" },
  { startYear: YEAR, kind: "Q1" },
  { startYear: YEAR, kind: "H1" },
  { startYear: YEAR, kind: "Y" },
  { startYear: YEAR, kind: "E" },
];
export const H1 = "2024/25-H1";
export const Y = "2024/25-Y";
export const SHEET = {
  passport: "Паспорт",
  base: "Базовые показатели",
  subject: "Предметные результаты",
  staff: "Кадровые условия",
  partnership: "Партнёрство",
} as const;

export interface Book {
  host: SimHost;
  /** The input cell of indicator `id` in period `key` (the count for Ч/УВ rows). */
  at(sheet: string, id: string, key: string): string;
  /** Type into a cell as a user does (Excel's parsing, data validation alerts); throws when refused. */
  type(sheet: string, addr: string, input: string): void;
  /** Put a raw value (or an "=…" formula) into a cell the way a paste or another program does. */
  paste(sheet: string, addr: string, value: string | number | boolean): Promise<void>;
  close(): void;
}

let current: (() => void) | undefined;

/** A fresh workbook (optionally with foreign sheets first) holding the report sheets of one school. */
export async function reportBook(foreign: string[] = ["Лист1"]): Promise<Book> {
  current?.();
  const host = createSimHost({ plugins: [registerEduFunctions()], sheets: foreign });
  const restore = installSimHost(host);
  current = restore;
  const r = await insertReport({ school: "МБОУ СОШ № 3", schoolYear: YEAR, periods: PERIODS, sections: ["subject", "staff", "facilities", "methods", "partnership"], lang: "ru" });
  if (!r.ok) throw new Error(`insertReport failed: ${r.error.message.en}`);
  const book: Book = {
    host,
    at(sheet, id, key) {
      const cells = host.inspect.grid(sheet).cells;
      const row = cells.findIndex((c) => c[LAYOUT.idCol - 1]?.value === id) + 1;
      const col = (cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
      if (row < 1 || col < 1) throw new Error(`no cell for ${id} ${key} on ${sheet}`);
      return cellAddress(row, col);
    },
    type(sheet, addr, input) {
      const e = host.inspect.userEdit(sheet, addr, input);
      if (!e.ok) throw new Error(`edit of ${sheet}!${addr} refused: ${e.message.en}`);
    },
    async paste(sheet, addr, value) {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRange(addr);
        if (typeof value === "string" && value.startsWith("=")) range.formulas = [[value]];
        else range.values = [[value]];
        await context.sync();
      });
    },
    close() {
      restore();
      if (current === restore) current = undefined;
    },
  };
  // Denominators of the school year, as a school types them.
  for (const key of [H1, Y]) {
    book.type(SHEET.base, book.at(SHEET.base, "students_total", key), "220");
    book.type(SHEET.base, book.at(SHEET.base, "students_assessed", key), "200");
    book.type(SHEET.base, book.at(SHEET.base, "staff_ped", key), "40");
  }
  host.resetStats();
  return book;
}

/** The report and its findings, read as the commands read them (src/excel + src/core). */
export async function readAndCheck(): Promise<{ report: ReportData; findings: Finding[] }> {
  const report = await Excel.run(async (context) => readReport((await readOurSheets(context, () => context.sync())).ours));
  return { report, findings: runChecks(report.data) };
}

/**
 * Everything the user owns: every cell of a sheet not made by the add-in, and the unlocked cells
 * (inputs) of ours, as formula or value. Keys "Sheet!A1".
 */
export function userCells(host: SimHost): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const { name } of host.inspect.sheetNames()) {
    const g = host.inspect.grid(name);
    const ours = parseAnyMarker(g.cells[0]?.[0]?.value) !== null;
    g.cells.forEach((row, r) =>
      row.forEach((c, ci) => {
        if (c.value === "" && c.formula === null) return;
        const addr = cellAddress(r + 1, ci + 1);
        if (ours && host.inspect.cell(name, addr).locked) return;
        out.set(`${name}!${addr}`, c.formula ?? c.value);
      }),
    );
  }
  return out;
}

/** Cells of `before` whose content differs (or vanished) in `after`, as "addr: before → after". */
export function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) out.push(`${k}: ${String(v)} → ${String(after.get(k))}`);
  return out;
}
