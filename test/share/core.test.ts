/** The pure part of safe sharing: formula scanning, values, the store format, freeze and restore plans. */
import fc from "fast-check";
import {
  a1, asTextInput, customCalls, frozenValueOf, parseA1, idsAreLive, parseStore, planFreeze, planRestore, resolveSheet, sameValue, storeRows, valueInput,
  type ScannedSheet, type StoreEntry,
} from "../../src/core/share";

describe("customCalls", () => {
  it.each([
    ['=EDU.DYNAMICS(B5,C5,"gia9_rus_fail")', ["EDU.DYNAMICS"]],
    ['=IF(COUNT(B5,C5)<2,"",EDU.DELTA(B5,C5))', ["EDU.DELTA"]],
    ["=edu.share(1,2)+EDU.GROWTH(1,2)", ["EDU.SHARE", "EDU.GROWTH"]],
    ["=EDU.ДИНАМИКА(1;2)", ["EDU.ДИНАМИКА"]],
    ["=_xldudf_EDU_DELTA(A1,B1)", ["_XLDUDF_EDU_DELTA"]],
    ["{=SUM(EDU.SHARE(A1:A3,B1:B3))}", ["EDU.SHARE"]],
  ])("finds the calls in %s", (formula, calls) => {
    expect(customCalls(formula)).toEqual(calls);
  });

  it.each([
    ['="EDU.DELTA(1,2)"'], // a string literal
    ['=IF(A1,"say ""EDU.DELTA("" here",1)'], // escaped quotes inside a literal
    ["='EDU.DELTA(x'!A1+1"], // a quoted sheet name
    ["=EDU.DELTA!A1"], // an unquoted sheet name
    ["=EDU.RATE*2"], // a defined name, not a call
    ["=MYEDU.DELTA(1,2)"], // another namespace ending in EDU
    ["=Table1[EDU.DELTA(]+1"], // a structured reference
    ["=[Book.xlsx]EDU!A1"], // an external workbook
    ["=SUM(A1:A3)"],
    ["EDU.DELTA(1,2)"], // text, not a formula
    [12],
    [null],
  ])("finds none in %j", (formula) => {
    expect(customCalls(formula)).toEqual([]);
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string(), (s) => Array.isArray(customCalls(`=${s}`))));
  });
});

describe("values", () => {
  it("types the computed value by valueTypes and writes it back so it reads the same", () => {
    expect(frozenValueOf(0.25, "Double")).toEqual({ type: "number", value: 0.25 });
    expect(frozenValueOf("#N/A", "Error")).toEqual({ type: "error", value: "#N/A" });
    expect(frozenValueOf("", "Empty")).toEqual({ type: "empty" });
    expect(frozenValueOf(true, "Boolean")).toEqual({ type: "boolean", value: true });
    expect(frozenValueOf("12", "String")).toEqual({ type: "string", value: "12" });
    expect(valueInput({ type: "string", value: "12" })).toBe("'12");
    expect(valueInput({ type: "error", value: "#VALUE!" })).toBe("#VALUE!");
    expect(valueInput({ type: "empty" })).toBe("");
    expect(sameValue({ type: "number", value: 0.1 + 0.2 }, 0.30000000000000004, "Double")).toBe(true);
    expect(sameValue({ type: "number", value: 1 }, 2, "Double")).toBe(false);
    expect(sameValue({ type: "number", value: 1 }, "1", "String")).toBe(false);
    expect(sameValue({ type: "empty" }, "", "Empty")).toBe(true);
    expect(sameValue({ type: "error", value: "#N/A" }, "#N/A", "Error")).toBe(true);
  });

  it("converts A1 addresses both ways", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (r, c) => {
      expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
    }));
    expect(parseA1("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("Sheet!A1")).toBeNull();
  });
});

describe("the store", () => {
  const entries: StoreEntry[] = [
    { sheetId: "{1}", sheet: "Динамика", address: "F7", formula: '=IF(COUNT(D7,E7)<2,"",EDU.DELTA(D7,E7))', value: { type: "number", value: 0.1 + 0.2 } },
    { sheetId: "{2}", sheet: "Мой 'лист'", address: "B2", formula: "=EDU.SHARE(1,0)", value: { type: "error", value: "#DIV/0!" } },
    { sheetId: "{2}", sheet: "Мой 'лист'", address: "B3", formula: "=EDU.DELTA(1,1)", value: { type: "empty" } },
    { sheetId: "{2}", sheet: "Мой 'лист'", address: "B4", formula: '=IF(1,"=x",EDU.DELTA(1,1))', value: { type: "string", value: "=x" } },
    { sheetId: "{2}", sheet: "Мой 'лист'", address: "B5", formula: "=EDU.DELTA(1,2)>0", value: { type: "boolean", value: true } },
    { sheetId: "{3}", stamp: "0f1e2d3c4b5a6978", sheet: "Свод", address: "C3", formula: "=EDU.DELTA(1,2)", value: { type: "number", value: 1 } },
  ];

  it("round-trips every entry exactly through its text rows", () => {
    const rows = storeRows(entries, "ru");
    expect(rows[0][0]).toBe("shnor-monitor:v1:frozen");
    expect(rows.every((r) => r.length === 7)).toBe(true);
    // As Excel gives the values back: text without the leading apostrophe.
    const back = asTextInput(rows).map((r) => r.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
    expect(parseStore(back)).toEqual({ entries, bad: 0 });
  });

  it("reads a store written before stamps (six columns) with no stamp", () => {
    const rows = storeRows(entries.slice(0, 2), "ru").map((r) => r.slice(0, 6));
    expect(parseStore(rows)).toEqual({ entries: entries.slice(0, 2), bad: 0 });
  });

  it("counts rows it cannot read and skips blank ones", () => {
    const rows: unknown[][] = storeRows(entries.slice(0, 1), "en");
    rows.push(["", "", "", "", "", ""], ["{3}", "X", "not an address", "=EDU.DELTA(1,2)", "1", "number"], ["{3}", "X", "A1", "=EDU.DELTA(1,2)", "abc", "number"]);
    expect(parseStore(rows)).toEqual({ entries: entries.slice(0, 1), bad: 2 });
  });
});

function sheet(id: string, name: string, cells: [string, unknown, unknown, string][], row0 = 0, col0 = 0): ScannedSheet {
  // cells: [address, formula, value, valueType]; the grid spans them all from (row0, col0).
  const at = cells.map(([a, f, v, t]) => ({ ...parseA1(a)!, f, v, t }));
  const rows = Math.max(...at.map((x) => x.row)) - row0 + 1;
  const cols = Math.max(...at.map((x) => x.col)) - col0 + 1;
  const grid = <T>(fill: T) => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const s: ScannedSheet = { id, name, row0, col0, formulas: grid<unknown>(""), values: grid<unknown>(""), valueTypes: grid<unknown>("Empty") };
  for (const x of at) {
    s.formulas[x.row - row0][x.col - col0] = x.f;
    s.values[x.row - row0][x.col - col0] = x.v;
    s.valueTypes[x.row - row0][x.col - col0] = x.t;
  }
  return s;
}

describe("planFreeze", () => {
  const dyn = sheet("{1}", "Динамика", [
    ["B2", "=EDU.DELTA(1,3)", 2, "Double"],
    ["C2", "=B2*100", 200, "Double"],
    ["D2", '="EDU.DELTA(1,2)"', "EDU.DELTA(1,2)", "String"],
    ["E2", "=EDU.SHARE(1,0)", "#DIV/0!", "Error"],
    ["F2", "=EDU.DELTA(1,2)", "=EDU.DELTA(1,2)", "String"], // text that looks like a formula
    ["G2", "{=EDU.DELTA(A1:A2,B1:B2)}", 1, "Double"],
    ["H2", "=EDU.DELTA(A1,B1)", 0, "Double"],
  ], 1, 1);

  it("freezes only real calls, skips arrays and spills, and reports them", () => {
    const plan = planFreeze({ sheets: [dyn], store: [], spilled: new Set(["{1}!H2"]) });
    expect(plan.writes.map((w) => [w.address, w.input])).toEqual([["B2", 2], ["E2", "#DIV/0!"]]);
    expect(plan.store.map((e) => [e.address, e.formula, e.value])).toEqual([
      ["B2", "=EDU.DELTA(1,3)", { type: "number", value: 2 }],
      ["E2", "=EDU.SHARE(1,0)", { type: "error", value: "#DIV/0!" }],
    ]);
    expect(plan.skipped.map((k) => [k.address, k.reason])).toEqual([["G2", "array"], ["H2", "spill"]]);
    expect(plan).toMatchObject({ frozen: 2, sheets: ["Динамика"], kept: 0 });
  });

  it("merges with an earlier store: a stored cell keeps its original formula", () => {
    const earlier: StoreEntry[] = [
      { sheetId: "{1}", sheet: "Динамика", address: "B2", formula: "=EDU.DELTA(5,6)", value: { type: "number", value: 1 } },
      { sheetId: "{9}", sheet: "Удалённый", address: "A1", formula: "=EDU.DELTA(1,2)", value: { type: "number", value: 1 } },
    ];
    const plan = planFreeze({ sheets: [dyn], store: earlier });
    expect(plan.kept).toBe(2);
    expect(plan.store.find((e) => e.address === "B2")).toEqual({ ...earlier[0], value: { type: "number", value: 2 } });
    expect(plan.store.find((e) => e.sheet === "Удалённый")).toEqual(earlier[1]);
    expect(plan.store.filter((e) => e.address === "B2")).toHaveLength(1);
  });
});

describe("planRestore", () => {
  const store: StoreEntry[] = [
    { sheetId: "{1}", sheet: "Динамика", address: "B2", formula: "=EDU.DELTA(1,3)", value: { type: "number", value: 2 } },
    { sheetId: "{1}", sheet: "Динамика", address: "C2", formula: "=EDU.DELTA(1,4)", value: { type: "number", value: 3 } },
    { sheetId: "{1}", sheet: "Динамика", address: "D2", formula: "=EDU.DELTA(1,5)", value: { type: "number", value: 4 } },
    { sheetId: "{1}", sheet: "Динамика", address: "E2", formula: "=EDU.DELTA(1,6)", value: { type: "empty" } },
    { sheetId: "{1}", sheet: "Динамика", address: "Z99", formula: "=EDU.DELTA(1,7)", value: { type: "empty" } },
    { sheetId: "{7}", sheet: "Старое имя", address: "A1", formula: "=EDU.SHARE(1,2)", value: { type: "number", value: 0.5 } },
    { sheetId: "{8}", sheet: "Удалённый", address: "A1", formula: "=EDU.SHARE(1,2)", value: { type: "number", value: 0.5 } },
  ];
  const now = [
    sheet("{1}", "Динамика", [
      ["B2", 2, 2, "Double"], // unchanged
      ["C2", 30, 30, "Double"], // typed over
      ["D2", "=EDU.DELTA(1,5)", 4, "Double"], // already back
      ["E2", "", "", "Empty"], // blank stays blank
    ], 1, 1),
    sheet("{7}", "Новое имя", [["A1", 0.5, 0.5, "Double"]]),
  ];

  it("restores unchanged cells, keeps changed ones, finds renamed sheets, lists deleted ones", () => {
    const plan = planRestore({ sheets: now, store });
    expect(plan.writes.map((w) => [w.sheet, w.address, w.input])).toEqual([
      ["Динамика", "B2", "=EDU.DELTA(1,3)"],
      ["Динамика", "E2", "=EDU.DELTA(1,6)"],
      ["Динамика", "Z99", "=EDU.DELTA(1,7)"],
      ["Новое имя", "A1", "=EDU.SHARE(1,2)"],
    ]);
    expect(plan.already).toBe(1);
    expect(plan.changed.map((k) => k.address)).toEqual(["C2"]);
    expect(plan.sheetMissing).toEqual([{ sheet: "Удалённый", address: "A1", formula: "=EDU.SHARE(1,2)", reason: "sheetMissing" }]);
  });

  it("a formula typed over a frozen cell counts as a change", () => {
    const s = sheet("{1}", "Динамика", [["B2", "=1+1", 2, "Double"]], 1, 1);
    expect(planRestore({ sheets: [s], store: store.slice(0, 1) }).changed).toHaveLength(1);
  });

  it("finds a sheet by its id first; by name only without an id or with stale ids, and says so", () => {
    const sheets = [{ id: "a", name: "X" }, { id: "b", name: "Y" }];
    const live = idsAreLive([{ sheetId: "a" }], sheets);
    expect(live).toBe(true);
    expect(resolveSheet({ sheetId: "b", sheet: "Y" }, sheets, live)).toEqual({ sheet: sheets[1], byName: null });
    // renamed X → Y's name taken by another sheet: still the sheet with id a, never b
    expect(resolveSheet({ sheetId: "a", sheet: "y" }, sheets, live)).toEqual({ sheet: sheets[0], byName: null });
    expect(resolveSheet({ sheetId: "a", sheet: "Z" }, sheets, live)).toEqual({ sheet: sheets[0], byName: null });
    // deleted (its id is gone): not found, even though a sheet carries its name
    expect(resolveSheet({ sheetId: "c", sheet: "X" }, sheets, live)).toEqual({ sheet: null, byName: null });
    // an older store without ids: by name, said so
    expect(resolveSheet({ sheetId: "", sheet: "y" }, sheets, live)).toEqual({ sheet: sheets[1], byName: "noId" });
    // the workbook was reopened (no stored id is known now): by name, said so
    expect(idsAreLive([{ sheetId: "c" }, { sheetId: "" }], sheets)).toBe(false);
    expect(resolveSheet({ sheetId: "c", sheet: "X" }, sheets, false)).toEqual({ sheet: sheets[0], byName: "idsChanged" });
  });

  it("a stamped entry is found by its stamp only, whatever the ids and names say; a copy (same stamp) yields to the stored name", () => {
    // After reopening, Excel desktop numbers ids by position: the stored id "p1" is now another sheet's.
    const sheets = [{ id: "p0", name: "Свод", stamp: "s-svod" }, { id: "p1", name: "Новый", stamp: null }, { id: "p2", name: "Расчёты 2024", stamp: "s-calc" }, { id: "p3", name: "Расчёты (2)", stamp: "s-calc" }];
    const entry = { sheetId: "p1", sheet: "Расчёты", stamp: "s-calc" };
    expect(resolveSheet(entry, sheets, true)).toEqual({ sheet: sheets[2], byName: null });
    expect(resolveSheet({ ...entry, sheet: "Расчёты (2)" }, sheets, true)).toEqual({ sheet: sheets[3], byName: null });
    // the stamped sheet was deleted: nothing, although the id and a name are taken
    expect(resolveSheet({ sheetId: "p1", sheet: "Новый", stamp: "s-gone" }, sheets, true)).toEqual({ sheet: null, byName: null });
    // stamps unreadable now (no ExcelApi 1.12): the id/name rules apply
    const plain = sheets.map(({ id, name }) => ({ id, name }));
    expect(resolveSheet(entry, plain, true)).toEqual({ sheet: plain[1], byName: null });
  });

  it("planFreeze stamps sheets with frozen cells that have none (or carry a copy's stamp), and stores every entry with its sheet's stamp", () => {
    const a = { ...sheet("{1}", "Расчёты", [["A1", "=EDU.DELTA(1,2)", 1, "Double"]]), stamp: "s-a" };
    const copy = { ...sheet("{2}", "Расчёты (2)", [["A1", "=EDU.DELTA(1,2)", 1, "Double"]]), stamp: "s-a" };
    const fresh = { ...sheet("{3}", "Новый", [["B1", "=EDU.SHARE(1,2)", 0.5, "Double"]]), stamp: null };
    const quiet = { ...sheet("{4}", "Тихий", [["A1", "=1+1", 2, "Double"]]), stamp: null };
    let n = 0;
    const plan = planFreeze({ sheets: [a, copy, fresh, quiet], store: [], newStamp: () => `new-${++n}` });
    expect(plan.stamps).toEqual([{ sheetId: "{2}", sheet: "Расчёты (2)", stamp: "new-1" }, { sheetId: "{3}", sheet: "Новый", stamp: "new-2" }]);
    expect(plan.store.map((e) => [e.sheet, e.stamp])).toEqual([["Расчёты", "s-a"], ["Расчёты (2)", "new-1"], ["Новый", "new-2"]]);
    // Without readable stamps nothing is stamped and entries carry none.
    const unstamped = planFreeze({ sheets: [a, fresh].map(({ stamp, ...rest }) => (void stamp, rest)), store: [], newStamp: () => "x" });
    expect(unstamped.stamps).toEqual([]);
    expect(unstamped.store.every((e) => e.stamp === undefined)).toBe(true);
  });

  it("a frozen sheet renamed and a new sheet under its old name: the renamed one is restored, the new one never written", () => {
    const entries: StoreEntry[] = [
      { sheetId: "{7}", sheet: "Расчёты", address: "A1", formula: "=EDU.SHARE(1,2)", value: { type: "number", value: 0.5 } },
      { sheetId: "{7}", sheet: "Расчёты", address: "A2", formula: "=EDU.SHARE(1,4)", value: { type: "empty" } },
    ];
    const plan = planRestore({
      sheets: [sheet("{9}", "Расчёты", [["A1", 0.5, 0.5, "Double"]]), sheet("{7}", "Расчёты (старые)", [["A1", 0.5, 0.5, "Double"]])],
      store: entries,
    });
    expect(plan.writes.map((w) => [w.sheetId, w.sheet, w.address])).toEqual([["{7}", "Расчёты (старые)", "A1"], ["{7}", "Расчёты (старые)", "A2"]]);
    expect(plan.byName).toEqual([]);
  });

  it("an older store without ids is restored by name and the sheets are listed", () => {
    const old = store.slice(0, 1).map((e) => ({ ...e, sheetId: "" }));
    const plan = planRestore({ sheets: now, store: old });
    expect(plan.writes.map((w) => [w.sheet, w.address])).toEqual([["Динамика", "B2"]]);
    expect(plan.byName).toEqual([{ sheet: "Динамика", reason: "noId" }]);
  });
});
