/**
 * The impossible-data check formulas (impossible.ts) evaluated by another engine than HyperFormula:
 * the report plan written as .xlsx (as the template workbook is), impossible and valid values typed
 * in, LibreOffice recalculates headless, and the check cells below the tables name a reason for
 * exactly the impossible values; and the «Динамика» significance formula (chanceFormulas.ts) gives
 * the verdict of stats.ts. Skipped, with the reason, where LibreOffice is absent.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type ExcelJS from "exceljs";
import { getIndicator } from "../../src/core/catalog";
import { buildReportPlan, LAYOUT } from "../../src/core/layout";
import { significanceFormula, verdictFormula } from "../../src/core/layout/chanceFormulas";
import { CHECK_NOTE } from "../../src/core/layout/impossible";
import type { SheetPlan } from "../../src/core/plan";
import { periodsOf } from "../../src/core/periods";
import { changeSignificance, pupilsChange } from "../../src/core/stats";
import { loadXlsx } from "../../src/xlsx/read";
import { writePlanToXlsx } from "../../src/xlsx/write";
import { itWithSoffice, profileArg, soffice, recalcProfile } from "../helpers/soffice";

const plan = buildReportPlan({ school: "МБОУ СОШ № 1", schoolYear: 2023, periods: periodsOf(2023, ["Y", "E"]), sections: ["subject", "partnership"], lang: "ru" });
const Y = "2023/24-Y";
const E = "2023/24-E";
const sheetOf = (id: string): SheetPlan => plan.sheets.find((s) => s.cells.some((r) => r?.[LAYOUT.idCol - 1]?.value === id))!;
const rowOf = (s: SheetPlan, id: string) => s.cells.findIndex((r) => r?.[LAYOUT.idCol - 1]?.value === id) + 1;
const colOf = (s: SheetPlan, key: string) => (s.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c?.value === key) + 1;
/** The check cell of a value: the row named by the indicator's short name below the check note, in the value's column. */
function checkRow(s: SheetPlan, id: string): number {
  const note = s.cells.findIndex((r) => r?.[2]?.value === CHECK_NOTE.ru);
  return s.cells.findIndex((r, i) => i > note && r?.[2]?.value === getIndicator(id)?.short.ru) + 1;
}

const TYPED: [string, string, ExcelJS.CellValue][] = [
  ["students_assessed", Y, 10], ["quality_4_5", Y, 12], // part above its whole
  ["grads_9", E, 9], ["gia9_math_fail", E, 12], ["gia9_rus_fail", E, 9], // ОГЭ «2» above graduates; equal is valid
  ["contest_participants", Y, 10], ["contest_winners_mun", Y, 6], ["contest_winners_reg", Y, 5], // breakdown above the whole, total blank
  ["students_total", Y, 100], ["students_primary", Y, 60], ["students_basic", Y, 50], // levels above the total
  ["vsosh_participants", Y, 3], ["vsosh_winners", Y, 5],
  ["grads_11", E, -1], ["staff_ped", Y, 10.5], // negative, fractional
  ["events_done_share", Y, 101], ["gia9_rus_avg", E, 6], ["gia9_math_avg", E, 5], // share over 100 %, average above / at its scale
];
const IMPOSSIBLE = [
  `quality_4_5|${Y}`, `gia9_math_fail|${E}`, `contest_winners|${Y}`, `contest_winners_mun|${Y}`, `contest_winners_reg|${Y}`,
  `students_total|${Y}`, `students_primary|${Y}`, `students_basic|${Y}`, `vsosh_winners|${Y}`, `grads_11|${E}`, `staff_ped|${Y}`,
  `events_done_share|${Y}`, `gia9_rus_avg|${E}`,
].sort();

describe("impossible-data checks in LibreOffice (headless recalculation)", () => {
  itWithSoffice("names a reason for exactly the impossible values", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shnor-lo-chk-"));
    try {
      recalcProfile(dir);
      const wb = await loadXlsx(await writePlanToXlsx(plan));
      for (const [id, key, v] of TYPED) {
        const s = sheetOf(id);
        wb.getWorksheet(s.name)!.getCell(rowOf(s, id), colOf(s, key)).value = v;
      }
      const input = join(dir, "filled.xlsx");
      await wb.xlsx.writeFile(input);
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "xlsx", "--outdir", join(dir, "out"), input], { stdio: "pipe", timeout: 120000 });
      const out = await loadXlsx(readFileSync(join(dir, "out", "filled.xlsx")));
      const marked: string[] = [];
      let checked = 0;
      for (const s of plan.sheets.filter((x) => x.cells.some((r) => r?.some((c) => c?.style === "chk.reason")))) {
        const ws = out.getWorksheet(s.name)!;
        for (const row of s.cells) {
          const id = row?.[LAYOUT.idCol - 1]?.value;
          if (typeof id !== "string" || !getIndicator(id)) continue;
          const r = checkRow(s, id);
          if (r < 1) continue;
          for (const key of [Y, E]) {
            const c = colOf(s, key);
            if (c < 1 || s.cells[r - 1]?.[c - 1]?.style !== "chk.reason") continue;
            checked++;
            const v = ws.getCell(r, c).value as { result?: unknown; error?: unknown } | string | null;
            const result = v && typeof v === "object" ? v.result : v;
            expect(typeof result === "string" || result === undefined || result === null).toBe(true); // never an error value
            if (typeof result === "string" && result !== "") marked.push(`${id}|${key}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(40);
      expect(marked.sort()).toEqual(IMPOSSIBLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("«Динамика» significance formula in LibreOffice", () => {
  itWithSoffice("gives the verdict of stats.ts changeSignificance over a table of classes", async () => {
    const cases: [number, number, number, number][] = [
      [1, 9, 2, 9], [0, 9, 5, 9], [40, 200, 100, 200], [40, 200, 41, 200], [38, 40, 36, 40], [5, 50, 2, 50], [0, 15, 1, 15], [10, 14, 2, 14], [3, 30, 3, 31],
    ];
    const dir = mkdtempSync(join(tmpdir(), "shnor-lo-sig-"));
    try {
      const { default: Excel } = await import("exceljs");
      const wb = new Excel.Workbook();
      const ws = wb.addWorksheet("S");
      cases.forEach(([c1, n1, c2, n2], i) => {
        const r = i + 1;
        ws.getRow(r).values = [c1, n1, c2, n2];
        ws.getCell(r, 5).value = { formula: significanceFormula(`A${r}`, `B${r}`, `C${r}`, `D${r}`).slice(1) };
        ws.getCell(r, 6).value = { formula: verdictFormula(`E${r}`, `A${r}`, `C${r}`, "ru").slice(1) };
        // The verdict as text (exceljs reads a formula's cached 0 as no result).
        ws.getCell(r, 7).value = { formula: `IF(E${r}="","blank",E${r}&"")` };
      });
      const input = join(dir, "sig.xlsx");
      await wb.xlsx.writeFile(input);
      execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "xlsx", "--outdir", join(dir, "out"), input], { stdio: "pipe", timeout: 120000 });
      const out = (await loadXlsx(readFileSync(join(dir, "out", "sig.xlsx")))).getWorksheet("S")!;
      const got = cases.map((_, i) => {
        const v = out.getCell(i + 1, 7).value as { result?: unknown } | number | string;
        const w = out.getCell(i + 1, 6).value as { result?: unknown } | string;
        return [v && typeof v === "object" ? v.result : v, w && typeof w === "object" ? w.result : w];
      });
      const want = cases.map(([c1, n1, c2, n2]) => {
        const s = changeSignificance(c1, n1, c2, n2);
        if (!s.ok) throw new Error("valid counts");
        return [String(s.value.verdict), `${s.value.verdict === 0 ? "в пределах случайных колебаний" : "значимое изменение"} (${pupilsChange(c2 - c1).ru})`];
      });
      expect(got).toEqual(want);
      expect(want.map((w) => w[0])).toEqual(expect.arrayContaining(["0", "1", "-1"])); // not vacuous
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
