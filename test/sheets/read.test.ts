/** The «Insert sheets» read: marker-first, so sheets not made by the add-in are never read beyond A1. */
import type { SimHost } from "../../src/sim";
import { LAYOUT, markerOf, type ReportOptions } from "../../src/core/layout";
import { cellAddress, columnLetter } from "../../src/core/layout/grid";
import { periodsOf } from "../../src/core/periods";
import { insertReport } from "../../src/excel/insertReport";
import { OURS, SECTIONS, ok, simHosts } from "./fixture";
import { CHAIN_BOUND, readWorkbook } from "../../src/excel/read";


function options(over: Partial<ReportOptions> = {}): Omit<ReportOptions, "existing"> {
  return { school: "МБОУ СОШ № 5", schoolYear: 2023, periods: periodsOf(2023, ["H", "Y"]), sections: SECTIONS, lang: "ru", ...over };
}

const hosts = simHosts();
let host: SimHost;
function freshHost(sheets?: string[]): SimHost {
  host = hosts.fresh(sheets);
  return host;
}

/** A sheet not made by the add-in: `rows` × `cols` filled cells, "Анализ" in A1. */
async function addForeign(name: string, rows: number, cols: number): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(name);
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r + c === 0 ? "Анализ" : `${name} ${r}:${c}`)));
    ws.getRange(`A1:${columnLetter(cols)}${rows}`).values = values;
    await context.sync();
  });
}

/** The input cell of an indicator and period on one of our sheets. */
function inputCell(sheet: string, id: string, key: string): string {
  const g = host.inspect.grid(sheet);
  const row = g.cells.findIndex((r) => r[LAYOUT.idCol - 1]?.value === id) + 1;
  const col = (g.cells[LAYOUT.periodKeyRow - 1] ?? []).findIndex((c) => c.value === key) + 1;
  return cellAddress(row, col);
}

/** What the last command read of sheet `name`. */
const readsOf = (name: string) => host.stats.rangeReads.filter((r) => r.sheet === name);
const A1_ONLY = [{ sheet: "", address: "A1", properties: ["values"], cells: 1 }];
const a1Only = (name: string) => A1_ONLY.map((r) => ({ ...r, sheet: name }));

/** A report with one typed value on «Кадровые условия»; returns where it is. */
async function reportWithValue(): Promise<string> {
  ok(await insertReport(options()));
  const at = inputCell("Кадровые условия", "staff_higher_ed", "2023/24-H1");
  expect(host.inspect.userEdit("Кадровые условия", at, "17").ok).toBe(true);
  return at;
}

describe("a large sheet of someone else's", () => {
  beforeEach(() => freshHost());

  it("is read only at A1: insert works within 3 syncs and keeps what was typed", async () => {
    const at = await reportWithValue();
    await addForeign("Анализ", 1000, 20); // 20,000 filled cells
    const sample = ["A1", "T1000", "J500"].map((a) => host.inspect.cell("Анализ", a).value);
    host.resetStats();
    const r = ok(await insertReport(options({ periods: periodsOf(2023, ["H", "Y", "E"]) })));
    expect(r.updated).toEqual(OURS);
    expect(r.syncs).toBe(3);
    expect(r.readSyncs).toBe(2);
    expect(r.extraReads).toEqual([]);
    expect(host.stats.syncs).toBe(3);
    expect(readsOf("Анализ")).toEqual(a1Only("Анализ"));
    // every other read is the A1 of a sheet or the used range of one of ours
    for (const read of host.stats.rangeReads) expect(read.address === "A1" || OURS.includes(read.sheet)).toBe(true);
    expect(host.inspect.cell("Кадровые условия", at).value).toBe(17);
    expect(["A1", "T1000", "J500"].map((a) => host.inspect.cell("Анализ", a).value)).toEqual(sample);
  });

  it("does not change what the read requests return: the same bytes as with a one-cell sheet", async () => {
    const responses = async (rows: number, cols: number) => {
      freshHost();
      await reportWithValue();
      await addForeign("Анализ", rows, cols);
      host.resetStats();
      ok(await insertReport(options()));
      return host.stats.requests.slice(0, 2).map((q) => q.responseBytes);
    };
    const small = await responses(1, 1);
    const large = await responses(1000, 20);
    expect(large).toEqual(small);
    expect(Math.max(...(large as number[]))).toBeLessThan(200_000);
  });
});

describe("finding our sheets by the A1 marker", () => {
  beforeEach(() => freshHost());

  it("finds a renamed sheet of ours, moved behind a foreign one", async () => {
    const at = await reportWithValue();
    await addForeign("Справка", 50, 5);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Кадровые условия");
      ws.name = "Кадры 2023";
      ws.position = 7; // last: after «Справка»
      await context.sync();
    });
    host.resetStats();
    const r = ok(await insertReport(options()));
    expect(r.created).toEqual([]);
    expect(r.updated).toContain("Кадры 2023");
    expect(r.syncs).toBe(3);
    expect(host.inspect.cell("Кадры 2023", at).value).toBe(17);
    expect(readsOf("Кадры 2023").some((x) => x.properties.includes("formulas") && x.cells > 1)).toBe(true);
    expect(readsOf("Справка")).toEqual(a1Only("Справка"));
  });

  it("leaves a foreign sheet named like ours untouched and unread", async () => {
    freshHost(["Паспорт"]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Паспорт");
      ws.getRange("A1:C3").values = [["Паспорт проекта", "", ""], ["Цель", "Рост", 5], ["Срок", "2025", 7]];
      ws.getRange("D3").formulas = [["=C2+C3"]];
      await context.sync();
    });
    const before = host.inspect.grid("Паспорт");
    const r = ok(await insertReport(options()));
    expect(r.renamed).toEqual([{ wanted: "Паспорт", used: "Паспорт (2)" }]);
    expect(host.inspect.cell("Паспорт (2)", "A1").value).toBe(markerOf("passport"));
    host.resetStats();
    const again = ok(await insertReport(options()));
    expect(again.updated).toContain("Паспорт (2)");
    expect(again.renamed).toEqual([]);
    expect(readsOf("Паспорт")).toEqual(a1Only("Паспорт"));
    expect(host.inspect.grid("Паспорт")).toEqual(before);
  });
});

describe("more sheets than the first request covers", () => {
  beforeEach(() => freshHost());

  it("reads the markers of the rest in the second request and our sheets among them in one counted extra sync", async () => {
    const at = await reportWithValue(); // Sheet1, then our six
    await addForeign("Данные", 300, 10);
    host.resetStats();
    const r = ok(await insertReport(options(), { chainBound: 2 })); // reaches Sheet1 and «Паспорт»
    expect(r.updated).toEqual(OURS);
    expect(r.readSyncs).toBe(3);
    expect(r.extraReads).toEqual([{ reason: "beyondChain", detail: OURS.slice(1) }]);
    expect(r.syncs).toBe(4);
    expect(host.stats.syncs).toBe(4);
    expect(host.inspect.cell("Кадровые условия", at).value).toBe(17);
    expect(readsOf("Данные")).toEqual(a1Only("Данные"));
  });

  it("needs no extra sync when none of the sheets past the chain is ours", async () => {
    await reportWithValue();
    await addForeign("Данные", 300, 10);
    await addForeign("Ещё данные", 10, 10);
    host.resetStats();
    const r = ok(await insertReport(options(), { chainBound: 7 })); // Sheet1 and our six
    expect(r.readSyncs).toBe(2);
    expect(r.extraReads).toEqual([]);
    expect(r.syncs).toBe(3);
    expect(readsOf("Данные")).toEqual(a1Only("Данные"));
    expect(readsOf("Ещё данные")).toEqual(a1Only("Ещё данные"));
  });

  it("takes the first sheet of each kind in workbook order, across the chain's end", async () => {
    ok(await insertReport(options()));
    // a copy of «Паспорт» placed last (beyond the chain) carries the same marker: the original wins
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Копия").getRange("A1").values = [[markerOf("passport")]];
      await context.sync();
    });
    host.resetStats();
    const r = ok(await insertReport(options(), { chainBound: 3 }));
    expect(r.updated).toEqual(OURS);
    expect(r.extraReads).toEqual([{ reason: "beyondChain", detail: OURS.slice(2) }]);
    expect(readsOf("Копия")).toEqual(a1Only("Копия"));
  });
});

describe("the first request", () => {
  beforeEach(() => freshHost());

  it(`walks ${CHAIN_BOUND} sheets in a small request; only existing sheets' A1 are read`, async () => {
    ok(await insertReport(options()));
    host.resetStats();
    ok(await insertReport(options()));
    const first = host.stats.requests[0];
    expect(first.bytes).toBeLessThan(64 * 1024);
    expect(first.responseBytes).toBeLessThan(4 * 1024);
    const a1s = host.stats.rangeReads.filter((x) => x.address === "A1");
    expect(a1s.map((x) => x.sheet)).toEqual(["Sheet1", ...OURS]);
  });

  it("when the host refuses the chain, is sent again without it and the markers come next (extra syncs reported)", async () => {
    await reportWithValue();
    await addForeign("Данные", 100, 10);
    host.resetStats();
    host.refuse("nullObjectMethods"); // the chain walks past the last sheet: calls on a null object
    const state = await Excel.run(async (context) => readWorkbook(context));
    host.refuse("nullObjectMethods", false);
    // refused request, names again, every A1, our contents: two syncs more than usual, both reported
    expect(state.read).toEqual({
      syncs: 4,
      extra: [
        { reason: "chainRejected", detail: ["InvalidObjectPath"] },
        { reason: "beyondChain", detail: OURS },
      ],
      chained: 0,
    });
    expect([...state.states.keys()]).toEqual(OURS);
    expect(state.report.sheetNames).toEqual(["Sheet1", ...OURS, "Данные"]);
    for (const x of readsOf("Данные")) expect(x).toEqual(a1Only("Данные")[0]);
  });

  it("is not sent again while a cell is being edited", async () => {
    host.setEditMode(true);
    const r = await insertReport(options());
    host.setEditMode(false);
    expect(r).toMatchObject({ ok: false, syncs: 1, error: { code: "cellEditMode" } });
  });
});
