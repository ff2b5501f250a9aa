/** src/excel insertReport against the simulated Excel host (HyperFormula computes the formulas). */
import type { SimHost } from "../../src/sim";
import { buildReportPlan, LAYOUT, markerOf, NA_TEXT, type ReportOptions } from "../../src/core/layout";
import { cellAddress, columnLetter } from "../../src/core/layout/grid";
import { currentSchoolYear, periodsOf } from "../../src/core/periods";
import { insertReport } from "../../src/excel/insertReport";
import { OURS, SECTIONS, ok, simHosts } from "./fixture";

const FOUR_MB = 4 * 1024 * 1024;

function options(over: Partial<ReportOptions> = {}): Omit<ReportOptions, "existing"> {
  return { school: "МБОУ СОШ № 5", schoolYear: 2023, periods: periodsOf(2023, ["H", "Y", "E"]), sections: SECTIONS, lang: "ru", ...over };
}

const hosts = simHosts();
let host: SimHost;
function freshHost(sheets?: string[]): SimHost {
  host = hosts.fresh(sheets);
  return host;
}

/** Locate cells the way readers do: indicator id in column A, period key in row 3. */
function locate(sheet: string) {
  const g = host.inspect.grid(sheet);
  const rowOf = (id: string) => g.cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id) + 1;
  const colOf = (key: string) => (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  return { g, at: (id: string, key: string, share = false) => cellAddress(rowOf(id), colOf(key) + (share ? 1 : 0)), rowOf, colOf };
}

describe("insertReport in the simulated host", () => {
  beforeEach(() => freshHost());

  it("creates the marked sheets in order within 3 syncs and 4 MB per request", async () => {
    const r = ok(await insertReport(options()));
    expect(r.created).toEqual(OURS);
    expect(r.updated).toEqual([]);
    expect(r.renamed).toEqual([]);
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Sheet1", ...OURS]);
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(r.chunkSyncs).toBe(0);
    expect(host.stats.syncs).toBeLessThanOrEqual(3);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(host.stats.calculationSuspensions).toBe(1);
    expect(host.inspect.activeSheet()).toBe("Паспорт");
    const kinds = ["passport", "base", "subject", "staff", "facilities", "methods"] as const;
    OURS.forEach((name, i) => {
      const a1 = host.inspect.cell(name, "A1");
      expect(a1.value).toBe(markerOf(kinds[i]));
      expect(a1.fontColor.toUpperCase()).toBe("#808080");
      expect(host.inspect.protection(name).protected).toBe(true);
      expect(host.inspect.protection(name).options).toMatchObject({ allowFormatColumns: true, allowFormatRows: true, allowSort: false });
    });
  });

  it("writes what the plan says: values, formulas, formats, validation, frozen panes, widths", async () => {
    ok(await insertReport(options()));
    const plan = buildReportPlan({ ...options(), existing: { sheetNames: ["Sheet1"], sheets: [] } });
    for (const s of plan.sheets) {
      const g = host.inspect.grid(s.name);
      s.cells.forEach((row, r) =>
        row.forEach((c, ci) => {
          const got = g.cells[r]?.[ci];
          if (c?.formula) expect(got?.formula).toBe(c.formula);
          else if (c?.value !== undefined) expect(got?.value).toBe(c.value);
          const st = c?.style ? plan.styles[c.style] : undefined;
          if (st) expect(got?.locked).toBe(st.locked);
          if (st?.fill) expect(got?.fill?.toUpperCase()).toBe(st.fill);
          if (st?.indent) expect(got?.indentLevel).toBe(st.indent);
        }),
      );
      expect(g.frozen).toEqual({ rows: s.frozenRows, columns: s.frozenColumns });
      for (const m of s.merges) expect(g.merges).toContain(m);
    }
    const { at } = locate("Кадровые условия");
    const input = host.inspect.cell("Кадровые условия", at("staff_higher_ed", "2023/24-H1"));
    expect(input).toMatchObject({ numberFormat: "0", locked: false });
    // A whole number ≥ 0 or «–» (not applicable): a short custom rule relative to the range's first cell.
    const a1 = at("staff_higher_ed", "2023/24-H1");
    expect(input.validation?.rule).toEqual({ custom: { formula: `=IF(ISNUMBER(${a1}),AND(${a1}>=0,INT(${a1})=${a1}),OR(${a1}="–",${a1}="-"))` } });
    expect(input.validation?.prompt).toMatchObject({ showPrompt: true, title: "Количество" });
    expect(input.validation?.errorAlert).toMatchObject({ showAlert: true, style: "Warning" });
    expect(host.inspect.cell("Кадровые условия", at("staff_higher_ed", "2023/24-H1", true))).toMatchObject({ numberFormat: "0.0%", locked: true });
    expect(host.inspect.columnWidth("Предметные результаты", "C")).toBeGreaterThan(host.inspect.columnWidth("Предметные результаты", "A") * 5);
    expect(host.inspect.cell("Паспорт", "C3").value).toBe("МБОУ СОШ № 5");
  });

  it("computes shares from what the user types, follows the «Паспорт» choice, and refuses edits of formulas", async () => {
    ok(await insertReport(options()));
    const base = locate("Базовые показатели");
    const subj = locate("Предметные результаты");
    expect(host.inspect.userEdit("Базовые показатели", base.at("students_total", "2023/24-H1"), "400")).toEqual({ ok: true });
    expect(host.inspect.userEdit("Базовые показатели", base.at("students_assessed", "2023/24-H1"), "200").ok).toBe(true);
    const share = subj.at("quality_4_5", "2023/24-H1", true);
    expect(host.inspect.cell("Предметные результаты", share).value).toBe("");
    expect(host.inspect.userEdit("Предметные результаты", subj.at("quality_4_5", "2023/24-H1"), "42").ok).toBe(true);
    expect(host.inspect.cell("Предметные результаты", share).value).toBeCloseTo(0.21, 12);
    expect(host.inspect.cell("Предметные результаты", share).text).toBe("21.0%");

    const qRow = host.inspect.grid("Паспорт").cells.findIndex((r) => r[0].value === "quality_denominator") + 1;
    expect(host.inspect.userEdit("Паспорт", `C${qRow}`, "все учащиеся")).toEqual({ ok: true });
    expect(host.inspect.cell("Предметные результаты", share).value).toBeCloseTo(0.105, 12);
    expect(host.inspect.userEdit("Паспорт", `C${qRow}`, "кто-то ещё").ok).toBe(true); // a warning, not a stop

    const typedDash = host.inspect.userEdit("Предметные результаты", subj.at("quality_4_5", "2023/24-H1"), NA_TEXT);
    expect(typedDash).toEqual({ ok: true }); // «–» is what the prompt offers: no warning to confirm
    expect(host.inspect.userEdit("Предметные результаты", subj.at("quality_4_5", "2023/24-Y"), "12,5")).toMatchObject({ ok: true, warning: { title: "Проверьте значение" } });
    expect(host.inspect.cell("Предметные результаты", share).value).toBe(NA_TEXT);

    expect(host.inspect.userEdit("Предметные результаты", share, "0.5").ok).toBe(false);
    const gia = subj.at("gia9_rus_avg", "2023/24-H1");
    expect(host.inspect.cell("Предметные результаты", gia)).toMatchObject({ locked: true, fill: "#D9D9D9" });
  });

  it("keeps every typed value when re-inserted with another period and section", async () => {
    ok(await insertReport(options({ municipality: "Город N", program: "Школа 500+" })));
    const rng = mulberry32(20231);
    const typed = new Map<string, string>(); // "sheet!A1" → typed text
    for (const name of OURS) {
      const g = host.inspect.grid(name);
      g.cells.forEach((row, r) =>
        row.forEach((c, ci) => {
          if (c.locked) return;
          const a1 = cellAddress(r + 1, ci + 1);
          const text = randomInput(host.inspect.cell(name, a1).validation?.rule, rng);
          expect(host.inspect.userEdit(name, a1, text).ok).toBe(true);
          typed.set(`${name}!${a1}`, text);
        }),
      );
    }
    // By (id or passport field, period key): where each value must be found after the re-insert.
    const byKey = new Map<string, unknown>();
    for (const ref of typed.keys()) {
      const [name, a1] = ref.split("!");
      const { g } = locate(name);
      const r = Number(/\d+/.exec(a1)![0]);
      const col = a1.replace(/\d+/g, "");
      const ci = g.cells[0].findIndex((_, i) => columnLetter(i + 1) === col);
      const id = g.cells[r - 1][0].value;
      const key = name === "Паспорт" ? "value" : g.cells[LAYOUT.periodKeyRow - 1][ci].value;
      byKey.set(`${name}|${id}|${key}`, host.inspect.cell(name, a1).value);
    }
    expect(byKey.size).toBeGreaterThan(60);

    const r = ok(await insertReport(options({ periods: [{ startYear: 2023, kind: "Q3" }], sections: ["partnership"], municipality: undefined, program: undefined })));
    expect(r.created).toEqual(["Партнёрство"]);
    expect(r.updated).toEqual(OURS);
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(r.valuesKept).toBe(byKey.size - 1); // the school name comes from the options, not the old sheet
    for (const [k, v] of byKey) {
      const [name, id, key] = k.split("|");
      if (name === "Паспорт") {
        const row = host.inspect.grid(name).cells.find((x) => x[0].value === id);
        // school comes from the options; the other fields are kept as typed
        expect(row?.[2].value).toBe(id === "school" ? "МБОУ СОШ № 5" : v);
        continue;
      }
      expect(host.inspect.cell(name, locate(name).at(id, key)).value).toBe(v);
    }
    const keys = host.inspect.grid("Предметные результаты").cells[LAYOUT.periodKeyRow - 1].map((c) => c.value).filter(Boolean);
    expect(keys).toEqual(["2023/24-H1", "2023/24-Q3", "2023/24-H2", "2023/24-Y", "2023/24-E"]);
    expect(host.inspect.protection("Предметные результаты").protected).toBe(true);
  });

  it("never touches a foreign sheet with our name: ours goes to «Кадровые условия (2)»", async () => {
    freshHost(["Кадровые условия"]);
    expect(host.inspect.userEdit("Кадровые условия", "A1", "Список кадров").ok).toBe(true);
    expect(host.inspect.userEdit("Кадровые условия", "B2", "17").ok).toBe(true);
    const before = host.inspect.grid("Кадровые условия");
    const r = ok(await insertReport(options()));
    expect(r.renamed).toEqual([{ wanted: "Кадровые условия", used: "Кадровые условия (2)" }]);
    expect(host.inspect.grid("Кадровые условия")).toEqual(before);
    expect(host.inspect.cell("Кадровые условия (2)", "A1").value).toBe(markerOf("staff"));
    // a second insert finds ours by its marker and still leaves the foreign sheet alone
    const again = ok(await insertReport(options()));
    expect(again.renamed).toEqual([]);
    expect(again.updated).toContain("Кадровые условия (2)");
    expect(host.inspect.grid("Кадровые условия")).toEqual(before);
  });

  it("finds our sheets after the user renamed them", async () => {
    ok(await insertReport(options()));
    const a1 = locate("Предметные результаты").at("quality_4_5", "2023/24-H1");
    host.inspect.userEdit("Предметные результаты", a1, "33");
    host.model.sheets.find((s) => s.name === "Предметные результаты")!.name = "Предметы";
    const r = ok(await insertReport(options()));
    expect(r.created).toEqual([]);
    expect(r.updated).toContain("Предметы");
    expect(host.inspect.cell("Предметы", a1).value).toBe(33);
  });

  it("returns a typed error and writes nothing while a cell is being edited", async () => {
    host.setEditMode(true);
    const r = await insertReport(options());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("cellEditMode");
      expect(r.error.message.ru).toContain("режиме правки");
      expect(r.error.message.ru).toMatch(/Книга не изменена\.$/);
    }
    host.setEditMode(false);
    expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("reports a password-protected sheet as a typed error and leaves every sheet protected", async () => {
    ok(await insertReport(options()));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Кадровые условия");
      ws.protection.unprotect();
      ws.protection.protect({ allowFormatColumns: true }, "secret");
      await context.sync();
    });
    const before = OURS.map((n) => host.inspect.grid(n));
    const r = await insertReport(options({ periods: periodsOf(2024, ["Y"]) }));
    expect(r).toMatchObject({ ok: false, error: { code: "protected" } });
    if (!r.ok) {
      expect(r.error.message.ru).toContain("защищены паролем");
      // the failure came in the write request: the user is told the sheets may be partly written
      expect(r.error.message.ru).toContain("повторите вставку — введённые значения сохранятся");
    }
    OURS.forEach((n, i) => {
      expect(host.inspect.protection(n).protected).toBe(true);
      expect(host.inspect.grid(n).cells).toEqual(before[i].cells);
    });
  });

  it("inserts English sheets when asked", async () => {
    const r = ok(await insertReport(options({ lang: "en", sections: ["facilities"] })));
    expect(r.created).toEqual(["Passport", "Base figures", "Facilities"]);
    const { at } = locate("Facilities");
    const yn = host.inspect.cell("Facilities", at("classrooms_equipped", "2023/24-Y"));
    expect(yn.validation?.rule).toEqual({ list: { inCellDropDown: true, source: "yes,no" } });
    expect(yn.validation?.prompt.message).toBe("Pick «yes» or «no» from the list.");
    expect(host.inspect.cell("Facilities", "E2").value).toBe("H1 2023/24");
  });

  it("rejects bad options before touching the workbook", async () => {
    const r = await insertReport(options({ school: " ", periods: [] }));
    expect(r).toMatchObject({ ok: false, syncs: 0, error: { code: "invalidOptions" } });
    if (!r.ok) expect(r.error.message.ru).toContain("Укажите название");
    expect(host.stats.syncCalls).toBe(0);
  });

  it("stays within 3 syncs (4 on re-insert) and 4 MB per request for ten years of every period and section", async () => {
    const periods = Array.from({ length: 10 }, (_, i) => periodsOf(2015 + i, ["Q", "H", "Y", "E"])).flat();
    const r = ok(await insertReport(options({ periods, sections: [...SECTIONS, "partnership"] })));
    // a new workbook: one read (no sheet of ours, so no second read), then the writes: ten years of
    // every section (70 indicator rows) are ~3.6 MB as Office.js serializes them, so one chunk more
    expect(r.readSyncs).toBe(1);
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(r.chunkSyncs).toBeLessThanOrEqual(1);
    expect(host.stats.syncs).toBe(r.syncs);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(r.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    const keys = host.inspect.grid("Кадровые условия").cells[LAYOUT.periodKeyRow - 1].map((c) => c.value).filter(Boolean);
    expect(keys).toHaveLength(80);
    // re-insert reads it all back and keeps the layout
    const again = ok(await insertReport(options({ periods: periods.slice(0, 1), sections: ["staff"] })));
    expect(again.updated).toHaveLength(7);
    expect(again.syncs).toBeLessThanOrEqual(4); // two reads, the writes in one or two requests
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
  });
});

/** Every timer API but Date, for jest.useFakeTimers({ doNotFake }). */
const NOT_DATE = [
  "hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback",
  "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout",
] as const;

describe("chunking", () => {
  beforeEach(() => freshHost());

  it("splits a plan too large for one request into counted extra syncs, each under 4 MB", async () => {
    // A workbook kept for decades: in 2061 every school year to 2061/62 is allowed (49 years, too
    // large for one request). Only Date is faked: the host's timers stay real.
    jest.useFakeTimers({ now: new Date(2061, 0, 15), doNotFake: [...NOT_DATE] });
    const years = currentSchoolYear(new Date()) + 1 - 2013 + 1;
    expect(years).toBe(49);
    const periods = Array.from({ length: years }, (_, i) => periodsOf(2013 + i, ["Q", "H", "Y", "E"])).flat();
    let r;
    try {
      r = ok(await insertReport(options({ periods, sections: [...SECTIONS, "partnership"] })));
    } finally {
      jest.useRealTimers();
    }
    expect(r.chunkSyncs).toBeGreaterThan(0);
    expect(r.syncs).toBe(2 + r.chunkSyncs); // one read (new workbook), the write and its chunks
    expect(host.stats.syncs).toBe(r.syncs);
    for (const q of host.stats.requests) expect(q.bytes).toBeLessThanOrEqual(FOUR_MB);
    const keys = host.inspect.grid("Базовые показатели").cells[LAYOUT.periodKeyRow - 1].map((c) => c.value).filter(Boolean);
    expect(keys).toHaveLength(8 * years);
    expect(host.inspect.protection("Партнёрство").protected).toBe(true);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random valid entry for a cell with this (Office.js) validation rule; text for unvalidated cells. */
function randomInput(rule: Record<string, Record<string, unknown>> | undefined, rng: () => number): string {
  if (rule?.wholeNumber) return String(Math.floor(rng() * 500));
  if (rule?.decimal) {
    const min = Number(rule.decimal.formula1);
    const max = rule.decimal.formula2 === undefined ? min + 10 : Number(rule.decimal.formula2);
    return String(Math.round((min + rng() * (max - min)) * 100) / 100);
  }
  if (rule?.list) {
    const items = String(rule.list.source).split(",");
    return items[Math.floor(rng() * items.length)];
  }
  return `текст ${Math.floor(rng() * 1000)}`;
}
