/** The task pane's plain logic: form defaults and options, outcomes, pair choice, Office theme. */
import "./scheduler";
import { OPTION_ERRORS } from "../../src/core/layout/strings";
import { currentSchoolYear, defaultForm, formProblems, formToOptions, hasProblems, toggle, yearChoices, KIND_ORDER } from "../../src/taskpane/hooks/reportForm";
import { toOutcome, UNEXPECTED } from "../../src/taskpane/hooks/useOperation";
import { luminance, officeThemeKind, officeDisplayLanguage } from "../../src/taskpane/office";
import { chosenPair } from "../../src/taskpane/screens/ComparePeriods";
import { excelCommands } from "../../src/taskpane/wire";
import { fill, messages } from "../../src/i18n";
import { ru } from "../../src/i18n/ru";
import { en } from "../../src/i18n/en";

describe("report form", () => {
  it("the school year starts on 1 September", () => {
    expect(currentSchoolYear(new Date(2026, 10, 25))).toBe(2026);
    expect(currentSchoolYear(new Date(2026, 8, 1))).toBe(2026);
    expect(currentSchoolYear(new Date(2026, 7, 31))).toBe(2025);
    expect(currentSchoolYear(new Date(2027, 4, 1))).toBe(2026);
    // The next school year down to 2013/14: programs' baselines (2019/20, 2020/21) can be entered.
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014, 2013]);
  });

  it("defaults: this school year, I полугодие + year + exams, every section but the optional partnership and pupil context", () => {
    const f = defaultForm(new Date(2026, 10, 25), "ru");
    expect(formToOptions({ ...f, school: "  Школа № 5 " })).toEqual({
      school: "Школа № 5",
      municipality: undefined,
      program: undefined,
      schoolYear: 2026,
      periods: [
        { startYear: 2026, kind: "H1" },
        { startYear: 2026, kind: "Y" },
        { startYear: 2026, kind: "E" },
      ],
      sections: ["subject", "staff", "facilities", "methods"],
      lang: "ru",
      qualityDenominator: "students_assessed",
    });
  });

  it("places validateReportOptions's problems by field", () => {
    const f = defaultForm(new Date(2026, 10, 25), "en");
    const p = formProblems({ ...f, kinds: [] });
    expect(p.school).toBe(OPTION_ERRORS.emptySchool);
    expect(p.periods).toBe(OPTION_ERRORS.noPeriods);
    expect(p.other).toEqual([]);
    expect(hasProblems(p)).toBe(true);
    expect(hasProblems(formProblems({ ...f, school: "School 5" }))).toBe(false);
    // A year out of range also makes its periods invalid: both messages go to the form summary.
    const today = new Date(2026, 10, 25);
    const badYear = { ru: "Учебный год указан неверно: ожидается учебный год с 2013/14 по 2027/28.", en: "The school year is wrong: expected a school year from 2013/14 to 2027/28." };
    expect(formProblems({ ...f, school: "S", schoolYear: 2013 }, today).other).toEqual([]);
    expect(formProblems({ ...f, school: "S", schoolYear: 2027 }, today).other).toEqual([]);
    expect(formProblems({ ...f, school: "S", schoolYear: 2028 }, today).other[0]).toEqual(badYear);
    expect(formProblems({ ...f, school: "S", schoolYear: 2012 }, today).other[0]).toEqual(badYear);
    expect(formProblems({ ...f, school: "S", schoolYear: 1990 }, today).other).toEqual([
      badYear,
      { ru: 'Отчётный период указан неверно: {"startYear":1990,"kind":"H1"}.', en: 'A reporting period is wrong: {"startYear":1990,"kind":"H1"}.' },
    ]);
  });

  it("toggle keeps the canonical order", () => {
    expect(toggle(["Y", "H1"], "Q1", true, KIND_ORDER)).toEqual(["Q1", "H1", "Y"]);
    expect(toggle(["Q1", "H1", "Y"], "H1", false, KIND_ORDER)).toEqual(["Q1", "Y"]);
  });
});

describe("outcomes", () => {
  it("turns results into done / failed, and anything malformed into the unexpected message", () => {
    expect(toOutcome({ ok: true, sheet: "Динамика", indicators: 3 })).toEqual({ kind: "done", value: { ok: true, sheet: "Динамика", indicators: 3 } });
    const message = { ru: "Лист защищён.", en: "The sheet is protected." };
    expect(toOutcome({ ok: false, error: { code: "protected", message } })).toEqual({ kind: "failed", message });
    expect(toOutcome(undefined)).toEqual({ kind: "failed", message: UNEXPECTED });
    expect(toOutcome({ ok: false, error: { code: "x" } })).toEqual({ kind: "failed", message: UNEXPECTED });
  });
});

describe("period pair choice", () => {
  const pairs = [{ earlier: { startYear: 2025, kind: "H1" as const }, later: { startYear: 2025, kind: "Y" as const } }];
  it("a suggested pair by index, a custom pair only in chronological order", () => {
    expect(chosenPair("0", pairs, "", "")).toEqual(pairs[0]);
    expect(chosenPair("3", pairs, "", "")).toBeNull();
    expect(chosenPair("custom", pairs, "2024/25-Y", "2025/26-Y")).toEqual({ earlier: { startYear: 2024, kind: "Y" }, later: { startYear: 2025, kind: "Y" } });
    expect(chosenPair("custom", pairs, "2025/26-Y", "2024/25-Y")).toBeNull();
    expect(chosenPair("custom", pairs, "2025/26-Y", "2025/26-Y")).toBeNull();
    expect(chosenPair("custom", pairs, "garbage", "2025/26-Y")).toBeNull();
  });
});

describe("Office context", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("reads nothing outside Office", () => {
    expect(officeDisplayLanguage()).toBeUndefined();
    expect(officeThemeKind()).toBeUndefined();
  });

  it("follows Office's theme and display language", () => {
    g.Office = { context: { displayLanguage: "ru-RU", officeTheme: { bodyBackgroundColor: "#262626" } } };
    expect(officeDisplayLanguage()).toBe("ru-RU");
    expect(officeThemeKind()).toBe("dark");
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
    expect(officeThemeKind()).toBe("light");
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "not a colour" } } };
    expect(officeThemeKind()).toBeUndefined();
  });

  it("luminance of hex colours", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("red")).toBeUndefined();
  });
});

describe("wiring and strings", () => {
  it("wires every command of src/excel", () => {
    const c = excelCommands();
    for (const name of ["insertReport", "readReportInfo", "insertTargets", "comparePeriods", "refreshRisks", "activateSheet"] as const) {
      expect({ name, type: typeof c[name] }).toEqual({ name, type: "function" });
    }
  });

  it("English has every Russian key, none empty, and placeholders match", () => {
    const walk = (a: unknown, b: unknown, path: string): void => {
      if (typeof a === "string") {
        expect({ path, ok: typeof b === "string" && b.trim() !== "" }).toEqual({ path, ok: true });
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect({ path, ph: ph(b as string) }).toEqual({ path, ph: ph(a) });
        return;
      }
      for (const k of Object.keys(a as object)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    };
    walk(ru, en, "");
    expect(fill(messages("ru").fill.renamed, { wanted: "Паспорт", used: "Паспорт (2)" })).toBe(
      "В книге уже есть лист «Паспорт», созданный не надстройкой, поэтому наш лист назван «Паспорт (2)».",
    );
  });
});
