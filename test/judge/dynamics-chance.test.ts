/**
 * Issue 16, chance told from change on «Динамика» (made by «Сравнить периоды») in the simulated
 * host: a class of 9 where one pupil moves the share by 11 п. п. is «в пределах случайных
 * колебаний (+1 учащийся)» and not coloured as worsening; 200 pupils assessed, 40 → 100 graded
 * «4» and «5», is significant and coloured. The verdict agrees with judge.ts judgeChange and is
 * computed by native formulas (also in a host without our functions).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { getIndicator } from "../../src/core/catalog";
import { judgeChange } from "../../src/core/judge";
import { DYN } from "../../src/core/layout/dynamicsSheet";
import { cellAddress } from "../../src/core/layout/grid";
import { RISK_COLORS } from "../../src/core/layout/styles";
import { kindOfGrid, readReport, type ReportSheet } from "../../src/core/report";
import type { Period } from "../../src/core/types";
import { insertReport } from "../../src/excel/insertReport";
import { comparePeriods } from "../../src/excel/commands";
import { ok, reportCell } from "../helpers/commands";

const P = (startYear: number, kind: Period["kind"]): Period => ({ startYear, kind });
const SUBJECT = "Предметные результаты";
const BASE = "Базовые показатели";
const DYNAMICS = "Динамика";
const A = "2022/23-Y";
const B = "2023/24-Y";

let host: SimHost;
let restore: (() => void) | undefined;
afterAll(() => restore?.());

function type(sheet: string, id: string, key: string, input: string): void {
  const r = host.inspect.userEdit(sheet, reportCell(host, sheet, id, key), input);
  if (!r.ok) throw new Error(`edit refused: ${r.message.en}`);
}

async function school(withFunctions: boolean): Promise<void> {
  restore?.();
  host = createSimHost(withFunctions ? { plugins: [registerEduFunctions()] } : {});
  restore = installSimHost(host);
  const r = await insertReport({ school: "МБОУ ООШ с. Малое", schoolYear: 2023, periods: [P(2022, "Y"), P(2023, "Y")], sections: ["subject"], lang: "ru" });
  if (!r.ok) throw new Error(r.error.message.en);
  // 9 graduates both years: no certificate 1 → 2 (one pupil, 11 п. п.).
  type(BASE, "grads_9", A, "9");
  type(BASE, "grads_9", B, "9");
  type(SUBJECT, "no_cert_9", A, "1");
  type(SUBJECT, "no_cert_9", B, "2");
  // 200 pupils assessed both years: «4» and «5» 40 → 100.
  type(BASE, "students_assessed", A, "200");
  type(BASE, "students_assessed", B, "200");
  type(SUBJECT, "quality_4_5", A, "40");
  type(SUBJECT, "quality_4_5", B, "100");
  ok(await comparePeriods({ earlier: P(2022, "Y"), later: P(2023, "Y"), lang: "ru" }));
}

/** A «Динамика» cell of an indicator's row. */
function dyn(id: string, col: number) {
  const g = host.inspect.grid(DYNAMICS).cells;
  const row = g.findIndex((r) => r[DYN.idCol - 1]?.value === id) + 1;
  if (row < 1) throw new Error(`no row ${id}`);
  return host.inspect.cell(DYNAMICS, cellAddress(row, col));
}

function report() {
  const sheets: ReportSheet[] = host.inspect.sheetNames().flatMap(({ name }) => {
    const g = host.inspect.grid(name).cells;
    const values = g.map((r) => r.map((c) => c?.value ?? ""));
    const kind = kindOfGrid(values);
    return kind ? [{ name, kind, values, formulas: g.map((r) => r.map((c) => c?.formula ?? c?.value ?? "")) }] : [];
  });
  return readReport(sheets);
}

describe("«Динамика»: chance told from change (with the add-in's functions)", () => {
  beforeAll(() => school(true), 60_000);

  it("one pupil of 9 is within random variation, said in pupils, and not coloured as worsening", () => {
    expect(dyn("no_cert_9", DYN.verdictCol).value).toBe("в пределах случайных колебаний (+1 учащийся)");
    expect(dyn("no_cert_9", DYN.sigCol).value).toBe(0);
    expect(dyn("no_cert_9", DYN.directionCol).value).toBe(-1); // the arrow still shows the direction …
    expect(dyn("no_cert_9", DYN.directionCol).conditionalFontColor).toBeNull(); // … uncoloured
  });

  it("40 → 100 of 200 is significant and coloured as improvement", () => {
    expect(dyn("quality_4_5", DYN.verdictCol).value).toBe("значимое изменение (+60 учащихся)");
    expect(dyn("quality_4_5", DYN.sigCol).value).toBe(1);
    expect(dyn("quality_4_5", DYN.directionCol).conditionalFontColor).toBe(RISK_COLORS.met.fontColor);
  });

  it("agrees with judge.ts judgeChange", () => {
    const rep = report();
    for (const id of ["no_cert_9", "quality_4_5"]) {
      const ind = getIndicator(id)!;
      const j = judgeChange(rep, id, P(2022, "Y"), P(2023, "Y"), rep.judged[id][A], rep.judged[id][B], ind.polarity);
      expect(j.verdict === "chance").toBe(dyn(id, DYN.sigCol).value === 0);
      expect(dyn(id, DYN.verdictCol).value).toContain(`+${j.pupils} `);
    }
  });

  it("follows typed values live: 40 → 41 of 200 becomes chance, the colour goes", () => {
    type(SUBJECT, "quality_4_5", B, "41");
    expect(dyn("quality_4_5", DYN.verdictCol).value).toBe("в пределах случайных колебаний (+1 учащийся)");
    expect(dyn("quality_4_5", DYN.directionCol).conditionalFontColor).toBeNull();
  });

  it("keeps the helper columns off paper and out of sight", () => {
    const info = host.inspect.sheetInfo(DYNAMICS);
    // Column A (ids) and the helpers N:R are hidden; the print area ends at the verdict (M).
    expect(String(info.pageLayout.printArea).replace(/\$/g, "")).toMatch(/^B1:M\d+$/);
    expect(info.hiddenColumns).toEqual(["A", "N", "O", "P", "Q", "R"]);
  });
});

describe("«Динамика»: the verdict needs no add-in function", () => {
  beforeAll(() => school(false), 60_000);

  it("computes the verdict with native formulas alone", () => {
    expect(dyn("no_cert_9", DYN.verdictCol).value).toBe("в пределах случайных колебаний (+1 учащийся)");
    expect(dyn("quality_4_5", DYN.verdictCol).value).toBe("значимое изменение (+60 учащихся)");
  });
});
