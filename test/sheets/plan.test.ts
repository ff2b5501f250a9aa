import { CATALOG, SECTIONS, indicatorsOfSection, getIndicator } from "../../src/core/catalog";
import { formatPeriod, periodKey, periodsOf } from "../../src/core/periods";
import {
  LAYOUT,
  PASSPORT,
  ReportOptionsError,
  buildReportPlan,
  freeSheetName,
  markerOf,
  readSheetGrid,
  validateReportOptions,
  type ExistingReport,
  type ReportOptions,
} from "../../src/core/layout";
import type { SheetPlan, WorkbookPlan } from "../../src/core/plan";
import { blockValueCol, cellAddress, columnLetter, parseRangeAddress } from "../../src/core/layout/grid";
import type { Period, SectionId } from "../../src/core/types";

const P = (kind: Period["kind"], startYear = 2023): Period => ({ startYear, kind });
const ALL: Period[] = periodsOf(2023, ["Q", "H", "Y", "E"]);
const SECTION_IDS: SectionId[] = ["subject", "staff", "facilities", "methods"];

function opts(over: Partial<ReportOptions> = {}): ReportOptions {
  return { school: "МБОУ СОШ № 5", schoolYear: 2023, periods: ALL, sections: SECTION_IDS, lang: "ru", ...over };
}

const sheetOf = (plan: WorkbookPlan, kind: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} sheet`);
  return s;
};
const cell = (s: SheetPlan, row: number, col: number) => s.cells[row - 1]?.[col - 1] ?? null;
/** The sheet as Excel would show its formulas grid (what src/excel reads back). */
const grid = (s: SheetPlan) => s.cells.map((r) => r.map((c) => c?.formula ?? c?.value ?? ""));
const rowOf = (s: SheetPlan, id: string) => LAYOUT.firstDataRow + s.cells.slice(LAYOUT.firstDataRow - 1).findIndex((r) => r[0]?.value === id);
const colOf = (s: SheetPlan, key: string) => (s.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c?.value === key) + 1;
const covering = (s: SheetPlan, row: number, col: number) =>
  s.validations.filter((v) => {
    const b = parseRangeAddress(v.range)!;
    return row >= b.row1 && row <= b.row2 && col >= b.col1 && col <= b.col2;
  });

describe("buildReportPlan: sheets", () => {
  const plan = buildReportPlan(opts());

  it("inserts the passport, the base figures and the sections in order, each marked in A1", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Паспорт",
      "Базовые показатели",
      "Предметные результаты",
      "Кадровые условия",
      "Материально-технические условия",
      "Учебно-методические условия",
    ]);
    for (const s of plan.sheets) {
      expect(cell(s, 1, 1)).toEqual({ value: markerOf(s.kind), style: "marker" });
      expect(s.marker).toBe(markerOf(s.kind));
      expect(s.protection).toEqual({ protected: true, allowFormatColumns: true, allowFormatRows: true, allowSort: false });
    }
    expect(plan.styles.marker.fontColor).toBe("#808080");
  });

  it("adds partnership only when asked, with English names in English", () => {
    const en = buildReportPlan(opts({ lang: "en", sections: [...SECTION_IDS, "partnership"] }));
    expect(en.sheets.map((s) => s.name)).toEqual(["Passport", "Base figures", ...[...SECTION_IDS, "partnership"].map((id) => SECTIONS.find((x) => x.id === id)!.name.en)]);
  });

  it("adds «Контингент» only when asked: its own sheet after partnership, tab colour, rows К.1–К.11, shares of all students", () => {
    expect(plan.sheets.map((s) => s.kind)).not.toContain("context");
    const both = buildReportPlan(opts({ sections: [...SECTION_IDS, "context", "partnership"] }));
    expect(both.sheets.slice(-2).map((s) => s.name)).toEqual(["Партнёрство", "Контингент"]);
    const s = sheetOf(both, "context");
    expect(cell(s, 1, 1)?.value).toBe("shnor-monitor:v1:context");
    expect(s.tabColor).toBe("#8064A2");
    const inds = indicatorsOfSection("context");
    expect(s.cells.slice(LAYOUT.firstDataRow - 1).map((r) => r[LAYOUT.idCol - 1]?.value)).toEqual(inds.map((i) => i.id));
    const base = sheetOf(both, "base");
    const c = colOf(s, "2023/24-Y");
    const den = `'Базовые показатели'!${columnLetter(c)}${rowOf(base, "students_total")}`;
    for (const ind of inds) {
      const r = rowOf(s, ind.id);
      expect(cell(s, r, LAYOUT.numberCol)?.value).toBe(ind.number);
      const f = cell(s, r, c + 1)?.formula ?? "";
      expect(f).toContain(`${den}=0`);
      expect(f).toContain(`${columnLetter(c)}${r}/${den}`);
      expect(cell(s, r, c + 1)?.style).toBe("share");
    }
    // Yearly items: a half-year column is not an input (as with the other yearly items).
    const h = colOf(s, "2023/24-H1");
    const yearly = sheetOf(both, "subject");
    expect(cell(s, rowOf(s, "ctx_ovz"), h)?.style).toBe(cell(yearly, rowOf(yearly, "deep_study"), h)?.style);
    const en = buildReportPlan(opts({ lang: "en", sections: ["context"] }));
    expect(en.sheets.map((x) => x.name)).toEqual(["Passport", "Base figures", "Pupil context"]);
  });

  it("has one row per indicator in catalog order, ids in column A, numbers, names and units", () => {
    for (const kind of ["base", ...SECTION_IDS] as SectionId[]) {
      const s = sheetOf(plan, kind);
      const inds = indicatorsOfSection(kind);
      const ids = s.cells.slice(LAYOUT.firstDataRow - 1).map((r) => r[LAYOUT.idCol - 1]?.value);
      expect(ids).toEqual(inds.map((i) => i.id));
      inds.forEach((ind, i) => {
        const r = LAYOUT.firstDataRow + i;
        expect(cell(s, r, LAYOUT.nameCol)?.value).toBe(ind.name.ru);
        expect(cell(s, r, LAYOUT.numberCol)?.value ?? "").toBe(ind.number);
        expect(cell(s, r, LAYOUT.idCol)?.style).toBe("id");
      });
    }
    expect(plan.styles.id).toMatchObject({ fontColor: "#808080" });
  });

  it("puts period labels in row 2 and machine keys in row 3, two columns per block", () => {
    const s = sheetOf(plan, "subject");
    ALL.forEach((p, i) => {
      const vc = blockValueCol(i);
      expect(cell(s, LAYOUT.headerRow, vc)?.value).toBe(formatPeriod(p, "ru", "long"));
      expect(cell(s, LAYOUT.periodKeyRow, vc)?.value).toBe(periodKey(p));
      expect(s.merges).toContain(`${cellAddress(LAYOUT.headerRow, vc)}:${cellAddress(LAYOUT.headerRow, vc + 1)}`);
      expect(cell(s, LAYOUT.subHeaderRow, vc)?.value).toBe("чел./знач.");
      expect(cell(s, LAYOUT.subHeaderRow, vc + 1)?.value).toBe("%");
    });
    expect(s.frozenRows).toBe(4);
    expect(s.frozenColumns).toBe(3); // id, number, name
    expect(s.columnWidths.length).toBe(4 + 2 * ALL.length);
    expect(s.columnWidths[0]).toBeLessThan(10);
    // The print area is the table: the check rows and target status rows below it stay off paper.
    const lastCol = blockValueCol(ALL.length - 1) + 1;
    // From column B (column A and the key row are hidden); too wide for one page at 8 pt: a fixed
    // scale (text 9 pt × 89 % ≥ 8 pt), number, name and unit repeated on every page. The table ends at
    // its last indicator id: the check rows below it stay off paper.
    const lastRow = s.cells.reduce((last, r, i) => (typeof r?.[LAYOUT.idCol - 1]?.value === "string" ? i + 1 : last), 0);
    expect(lastRow).toBeLessThan(s.cells.length);
    expect(s.pageLayout).toMatchObject({ orientation: "landscape", printTitleRows: "2:4", printTitleColumns: "B:D", printArea: `B1:${cellAddress(lastRow, lastCol)}` });
    expect(s.pageLayout.scale).toBeGreaterThanOrEqual(89);
    expect(s.hiddenColumns).toEqual([LAYOUT.idCol]);
    expect(s.hiddenRows).toEqual([LAYOUT.periodKeyRow]);
  });

  it("writes share formulas over the base row of the same period", () => {
    const base = sheetOf(plan, "base");
    const staff = sheetOf(plan, "staff");
    const r = rowOf(staff, "staff_higher_ed");
    const c = colOf(staff, "2023/24-H1");
    const f = cell(staff, r, c + 1)?.formula ?? "";
    const den = `'Базовые показатели'!${columnLetter(c)}${rowOf(base, "staff_ped")}`;
    expect(f.startsWith("=")).toBe(true);
    expect(f).toContain(`${den}=0`);
    expect(f).toContain(`${columnLetter(c)}${r}/${den}`);
    expect(cell(staff, r, c + 1)?.style).toBe("share");
    expect(plan.styles.share).toMatchObject({ numberFormat: "0.0%", locked: true });

    // a sum of two denominators
    const part = buildReportPlan(opts({ sections: ["partnership"], periods: [P("E")] }));
    const ps = sheetOf(part, "partnership");
    const pr = rowOf(ps, "gia_passed_share");
    const pf = cell(ps, pr, LAYOUT.firstPeriodCol + 1)?.formula ?? "";
    const pb = sheetOf(part, "base");
    expect(pf).toContain(`SUM('Базовые показатели'!E${rowOf(pb, "grads_9")},'Базовые показатели'!E${rowOf(pb, "grads_11")})`);
  });

  it("makes the quality share follow the «Паспорт» choice", () => {
    const s = sheetOf(plan, "subject");
    const pass = sheetOf(plan, "passport");
    const qRow = pass.cells.findIndex((r) => r[0]?.value === "quality_denominator") + 1;
    const f = cell(s, rowOf(s, "quality_4_5"), LAYOUT.firstPeriodCol + 1)?.formula ?? "";
    expect(f).toContain(`'Паспорт'!$C$${qRow}`);
    expect(cell(pass, qRow, PASSPORT.valueCol)?.value).toBe("подлежащие аттестации");
    expect(pass.validations.find((v) => v.range === `C${qRow}`)?.rule).toEqual({ kind: "list", items: ["подлежащие аттестации", "все учащиеся"] });
  });

  it("indents «в т. ч.» items under their total", () => {
    const s = sheetOf(plan, "subject");
    const children = CATALOG.filter((i) => i.section === "subject" && i.parent);
    expect(children.length).toBeGreaterThan(0);
    for (const ch of children) {
      expect(cell(s, rowOf(s, ch.id), LAYOUT.nameCol)?.style).toBe("name.1");
      expect(cell(s, rowOf(s, ch.parent!), LAYOUT.nameCol)?.style).toBe("name.0");
    }
    expect(plan.styles["name.1"].indent).toBe(1);
  });

  it("greys and locks the cells of periods an indicator is not reported in, without validation", () => {
    const s = sheetOf(plan, "subject");
    const r = rowOf(s, "gia9_rus_avg");
    expect(getIndicator("gia9_rus_avg")!.periodicity).toEqual(["E"]);
    const q1 = colOf(s, "2023/24-Q1");
    const e = colOf(s, "2023/24-E");
    expect(cell(s, r, q1)?.style).toBe("na");
    expect(cell(s, r, q1 + 1)?.style).toBe("na");
    expect(covering(s, r, q1)).toHaveLength(0);
    expect(plan.styles.na).toMatchObject({ locked: true, fill: "#D9D9D9" });
    expect(cell(s, r, e)?.style).toBe("in.average");
    const a1 = cellAddress(r, e);
    const top = covering(s, r, e)[0].range.split(":")[0];
    expect(covering(s, r, e).map((v) => v.rule)).toEqual([{ kind: "custom", formula: `=IF(ISNUMBER(${top}),AND(${top}>=2,${top}<=5),OR(${top}="–",${top}="-"))` }]);
    expect(top).toBe(a1); // a one-row rule: the formula names the cell itself
    expect(cell(s, r, e + 1)?.style).toBe("unused");
  });

  it("gives every applicable input cell one validation matching its unit, unlocked and yellow", () => {
    // Counts and averages accept «–» (a custom rule); the others keep Excel's plain rules.
    const expected: Record<string, string> = { count: "custom", countShare: "custom", average: "custom", ratio: "decimal", share: "decimal", yesNo: "list" };
    for (const s of plan.sheets.filter((x) => x.kind !== "passport")) {
      for (const ind of indicatorsOfSection(s.kind as SectionId)) {
        const r = rowOf(s, ind.id);
        ALL.forEach((p, i) => {
          const vc = blockValueCol(i);
          const style = cell(s, r, vc)?.style ?? "";
          if (style === "na") return;
          expect(plan.styles[style]).toMatchObject({ locked: false, fill: "#FFF2CC" });
          const vs = covering(s, r, vc);
          expect(vs).toHaveLength(1);
          expect(vs[0].rule.kind).toBe(expected[ind.unit.kind]);
          expect(vs[0].prompt.message.length).toBeLessThanOrEqual(255);
          expect(vs[0].prompt.title.length).toBeLessThanOrEqual(32);
        });
      }
    }
    const yn = sheetOf(plan, "facilities").validations.find((v) => v.rule.kind === "list");
    expect(yn?.rule).toEqual({ kind: "list", items: ["да", "нет"] });
  });

  it("is deterministic and JSON-serialisable", () => {
    const again = buildReportPlan(opts());
    expect(again).toEqual(plan);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe("buildReportPlan: re-insert keeps everything", () => {
  const first = buildReportPlan(opts({ periods: [P("H1")], sections: ["subject"], municipality: "Город N" }));
  const existingOf = (plan: WorkbookPlan, fill: (s: SheetPlan, g: unknown[][]) => void, extraNames: string[] = []): ExistingReport => {
    const sheets = plan.sheets.map((s) => {
      const g = grid(s);
      fill(s, g);
      return readSheetGrid(s.name, g)!;
    });
    return { sheetNames: [...plan.sheets.map((s) => s.name), ...extraNames], sheets };
  };

  it("keeps typed values, unions periods and sections, and counts what it kept", () => {
    const existing = existingOf(first, (s, g) => {
      if (s.kind === "subject") {
        const r = rowOf(s, "quality_4_5");
        g[r - 1][LAYOUT.firstPeriodCol - 1] = 42;
        g[rowOf(s, "contest_participants") - 1][LAYOUT.firstPeriodCol - 1] = "–";
      }
      if (s.kind === "base") g[rowOf(s, "students_total") - 1][LAYOUT.firstPeriodCol - 1] = 200;
    });
    const again = buildReportPlan(opts({ periods: [P("Y")], sections: ["staff"], existing }));
    expect(again.sheets.map((s) => s.kind)).toEqual(["passport", "base", "subject", "staff"]);
    const s = sheetOf(again, "subject");
    expect(colOf(s, "2023/24-H1")).toBe(LAYOUT.firstPeriodCol);
    expect(colOf(s, "2023/24-Y")).toBe(LAYOUT.firstPeriodCol + 2);
    expect(cell(s, rowOf(s, "quality_4_5"), colOf(s, "2023/24-H1"))?.value).toBe(42);
    expect(cell(s, rowOf(s, "contest_participants"), colOf(s, "2023/24-H1"))?.value).toBe("–");
    const b = sheetOf(again, "base");
    expect(cell(b, rowOf(b, "students_total"), colOf(b, "2023/24-H1"))?.value).toBe(200);
    const pass = sheetOf(again, "passport");
    const muni = pass.cells.find((r) => r[0]?.value === "municipality");
    expect(muni?.[PASSPORT.valueCol - 1]?.value).toBe("Город N");
    // 42, «–», 200, the municipality, the quality denominator choice and the three levels of the passport
    expect(again.valuesKept).toBe(8);
    expect(again.sheets.filter((x) => x.existing).map((x) => x.kind)).toEqual(["passport", "base", "subject"]);
  });

  it("keeps a value that fails validation as typed, and rows the catalog no longer has", () => {
    const existing = existingOf(first, (s, g) => {
      if (s.kind === "passport") g[g.findIndex((r) => r[0] === "quality_denominator")][PASSPORT.valueCol - 1] = "по-своему";
      if (s.kind !== "subject") return;
      g[rowOf(s, "quality_4_5") - 1][LAYOUT.firstPeriodCol - 1] = "сорок";
      g.push(["retired_indicator", "9.9", "Старый показатель", "чел.", 7]);
    });
    const again = buildReportPlan(opts({ periods: [P("H1")], sections: ["subject"], existing }));
    const s = sheetOf(again, "subject");
    expect(cell(s, rowOf(s, "quality_4_5"), LAYOUT.firstPeriodCol)?.value).toBe("сорок");
    const r = rowOf(s, "retired_indicator");
    expect(cell(s, r, LAYOUT.nameCol)?.value).toBe("Старый показатель");
    expect(cell(s, r, LAYOUT.firstPeriodCol)?.value).toBe(7);
    const pass = sheetOf(again, "passport");
    expect(pass.cells.find((x) => x[0]?.value === "quality_denominator")?.[PASSPORT.valueCol - 1]?.value).toBe("по-своему");
  });

  it("carries the denominator choice into the new language", () => {
    const existing = existingOf(first, (s, g) => {
      if (s.kind === "passport") g[g.findIndex((r) => r[0] === "quality_denominator")][PASSPORT.valueCol - 1] = "все учащиеся";
    });
    const en = buildReportPlan(opts({ lang: "en", periods: [P("H1")], sections: ["subject"], existing }));
    const pass = sheetOf(en, "passport");
    expect(pass.name).toBe("Паспорт"); // ours keep their name
    expect(pass.cells.find((x) => x[0]?.value === "quality_denominator")?.[PASSPORT.valueCol - 1]?.value).toBe("all students");
  });

  it("keeps our renamed sheets under the user's name and never reuses a foreign sheet's name", () => {
    const existing = existingOf(first, () => undefined);
    existing.sheets.find((s) => s.kind === "subject")!.name = "Предметы";
    existing.sheetNames = existing.sheetNames.map((n) => (n === "Предметные результаты" ? "Предметы" : n));
    existing.sheetNames.push("Кадровые условия", "Материально-технические условия");
    const again = buildReportPlan(opts({ periods: [P("H1")], sections: ["subject", "staff", "facilities"], existing }));
    const names = again.sheets.map((s) => [s.name, s.renamedFrom]);
    expect(names).toContainEqual(["Предметы", undefined]);
    expect(names).toContainEqual(["Кадровые условия (2)", "Кадровые условия"]);
    const fac = sheetOf(again, "facilities");
    expect(fac.name).toBe("Материально-технические усл (2)");
    expect(fac.name.length).toBeLessThanOrEqual(31);
    expect(freeSheetName("Кадровые условия", ["кадровые условия", "Кадровые условия (2)"])).toBe("Кадровые условия (3)");
  });

  it("points shares at a base sheet that had to be renamed", () => {
    const plan = buildReportPlan(opts({ periods: [P("Y")], sections: ["staff"], existing: { sheetNames: ["Базовые показатели"], sheets: [] } }));
    const staff = sheetOf(plan, "staff");
    expect(sheetOf(plan, "base").name).toBe("Базовые показатели (2)");
    expect(cell(staff, rowOf(staff, "staff_higher_ed"), LAYOUT.firstPeriodCol + 1)?.formula).toContain("'Базовые показатели (2)'!");
  });
});

describe("options validation", () => {
  it("reports empty school, bad year and no periods in both languages", () => {
    const errs = validateReportOptions(opts({ school: "  ", schoolYear: 23, periods: [] }));
    expect(errs.map((e) => e.ru)).toEqual([
      "Укажите название образовательной организации.",
      expect.stringContaining("Учебный год указан неверно"),
      "Выберите хотя бы один отчётный период.",
    ]);
    expect(errs.every((e) => e.en.length > 0)).toBe(true);
    expect(() => buildReportPlan(opts({ school: "" }))).toThrow(ReportOptionsError);
    expect(validateReportOptions(opts({ school: "", allowEmptySchool: true }))).toEqual([]);
    expect(validateReportOptions(opts({ sections: ["budget" as SectionId] }))[0].ru).toContain("budget");
    expect(validateReportOptions(opts({ periods: [{ startYear: 2023, kind: "Q5" as Period["kind"] }] }))).toHaveLength(1);
  });
});
