/**
 * Printed on A4 (issue 18 item 2): the template and every sheet the commands make are converted to
 * PDF with LibreOffice and measured — the smallest text on paper is 8 pt or more on every sheet,
 * the column titles repeat on every page, and no technical string (marker, id, period or road-map
 * key, English word in a Russian workbook) is printed. Pages are told apart by their footer
 * («<sheet> — <page> / <pages>»). The sheets of the commands are the plans the commands apply in
 * the simulated host, written as .xlsx the way the template is.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildReportPlan } from "../../src/core/layout";
import { MIN_PRINT_PT } from "../../src/core/layout/print";
import type { PlanStyle, SheetPlan, WorkbookPlan } from "../../src/core/plan";
import { templateOptions } from "../../src/cli/template";
import { writePlanToXlsx } from "../../src/xlsx/write";
import * as applyModule from "../../src/excel/apply";
import { pdfTextRuns, type TextRun } from "../helpers/pdf";
import { itWithSoffice, profileArg, soffice } from "../helpers/soffice";
import { technicalKinds } from "../helpers/technical";
import { everyCommand } from "../helpers/workbook";

jest.setTimeout(600_000);

interface Printed {
  sheet: string;
  pages: number;
  /** The smallest and largest text on paper, in points (the footer aside). */
  min: number;
  max: number;
  runs: TextRun[];
}

/** Pages of a PDF by sheet, found by the footer «<sheet> — <page> / <pages>». */
function bySheet(pdf: Buffer, names: string[]): Map<string, Printed> {
  const runs = pdfTextRuns(pdf);
  const pages = new Map<number, TextRun[]>();
  for (const r of runs) pages.set(r.page, [...(pages.get(r.page) ?? []), r]);
  const out = new Map<string, Printed>();
  for (const [page, rs] of pages) {
    const at = rs.findIndex((r, i) => names.includes(r.text.trim()) && rs[i + 1]?.text.trim() === "—");
    if (at < 0) throw new Error(`page ${page} has no footer naming a sheet: ${rs.slice(0, 6).map((r) => r.text).join(" | ")}`);
    const sheet = rs[at].text.trim();
    const body = rs.filter((_, i) => i < at || i > at + 4);
    const p = out.get(sheet) ?? { sheet, pages: 0, min: Infinity, max: 0, runs: [] };
    p.pages++;
    for (const r of body) {
      p.min = Math.min(p.min, r.size);
      p.max = Math.max(p.max, r.size);
    }
    p.runs.push(...body.map((r) => ({ ...r })));
    out.set(sheet, p);
  }
  return out;
}

/** Convert .xlsx files to PDF in one LibreOffice run; returns the PDFs in the same order. */
function toPdf(dir: string, files: string[]): Buffer[] {
  execFileSync(soffice!, ["--headless", "--norestore", profileArg(join(dir, "profile")), "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...files], { stdio: "pipe", timeout: 300_000 });
  return files.map((f) => readFileSync(join(dir, "pdf", f.split("/").pop()!.replace(/\.xlsx$/, ".pdf"))));
}

/** Every plan the commands apply, last version of each sheet, with the styles it was applied with. */
async function commandPlans(): Promise<WorkbookPlan> {
  const original = applyModule.queuePlan;
  const sheets = new Map<string, SheetPlan>();
  const styles: Record<string, PlanStyle> = {};
  const spy = jest.spyOn(applyModule, "queuePlan").mockImplementation(async (context, plan, states, caps, budget) => {
    for (const s of plan.sheets) sheets.set(s.name, s);
    Object.assign(styles, plan.styles);
    return original(context, plan, states, caps, budget);
  });
  const { restore } = await everyCommand();
  restore();
  spy.mockRestore();
  return { lang: "ru", sheets: [...sheets.values()], styles, names: [], valuesKept: 0 };
}

const report = (printed: Map<string, Printed>): string =>
  [...printed.values()].map((p) => `${p.sheet}: ${p.pages} page(s), text ${p.min}–${p.max} pt`).join("\n");

describe("printed on A4", () => {
  let dir = "";
  let template: WorkbookPlan;
  let commands: WorkbookPlan;
  let printed: { template: Map<string, Printed>; commands: Map<string, Printed> };

  beforeAll(async () => {
    if (!soffice) return;
    dir = mkdtempSync(join(tmpdir(), "shnor-print-"));
    template = buildReportPlan(templateOptions({ out: "", lang: "ru", year: 2023, school: "" }));
    commands = await commandPlans();
    const files = [join(dir, "template.xlsx"), join(dir, "commands.xlsx")];
    writeFileSync(files[0], await writePlanToXlsx(template));
    writeFileSync(files[1], await writePlanToXlsx(commands));
    const [t, c] = toPdf(dir, files);
    printed = { template: bySheet(t, template.sheets.map((s) => s.name)), commands: bySheet(c, commands.sheets.map((s) => s.name)) };
    console.log(`template:\n${report(printed.template)}\n\ncommands:\n${report(printed.commands)}`);
  });
  afterAll(() => {
    if (dir && !process.env.KEEP_PRINT) rmSync(dir, { recursive: true, force: true });
  });

  itWithSoffice("every sheet prints, its text at 8 pt or more on paper", async () => {
    for (const [which, plan] of [["template", template], ["commands", commands]] as const) {
      const got = printed[which];
      expect([...got.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
      for (const p of got.values()) {
        expect({ sheet: p.sheet, min: p.min }).toEqual({ sheet: p.sheet, min: expect.any(Number) });
        expect(p.min).toBeGreaterThanOrEqual(MIN_PRINT_PT);
      }
    }
    // All our kinds of sheets were printed.
    expect(commands.sheets.map((s) => s.kind).sort()).toEqual(["base", "context", "dynamics", "facilities", "methods", "partnership", "passport", "risks", "roadmap", "staff", "subject", "summary", "targets"]);
  });

  itWithSoffice("no technical string is printed", async () => {
    for (const which of ["template", "commands"] as const) {
      const bad = [...printed[which].values()].flatMap((p) => p.runs.flatMap((r) => technicalKinds(r.text, "ru").map((k) => `${p.sheet} p.${r.page} [${k}]: ${r.text}`)));
      expect(bad).toEqual([]);
    }
  });

  itWithSoffice("the column titles repeat on every page of a sheet", async () => {
    const heading: Partial<Record<string, string>> = { base: "Показатель", subject: "Показатель", staff: "Показатель", dynamics: "Показатель", summary: "Показатель", targets: "Показатель", roadmap: "Мероприятие", risks: "Показатель" };
    for (const which of ["template", "commands"] as const) {
      const plan = which === "template" ? template : commands;
      for (const s of plan.sheets) {
        const word = heading[s.kind];
        const p = printed[which].get(s.name)!;
        if (!word) continue;
        const pages = new Set(p.runs.map((r) => r.page));
        const withTitle = new Set(p.runs.filter((r) => r.text.trim() === word).map((r) => r.page));
        expect({ sheet: s.name, missing: [...pages].filter((n) => !withTitle.has(n)) }).toEqual({ sheet: s.name, missing: [] });
      }
    }
  });
});
