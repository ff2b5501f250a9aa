import {
  CATALOG, SECTIONS, childrenOf, denominatorsOf, getIndicator, indicatorsOfSection, isShareLike, unitLabel,
} from "../../src/core/catalog";
import { EXAM_SCALES, examMinimum, examSession, isExamYearComparable, NON_COMPARABLE_EXAM_YEARS, notComparableReason } from "../../src/core/exams";
import type { Indicator } from "../../src/core/types";

const ids = CATALOG.map((i) => i.id);
const REQUIRED = [
  "quality_4_5", "gia9_rus_avg", "gia9_math_avg", "ege_rus_avg", "ege_math_prof_avg", "ege_math_base_avg",
  "gia9_rus_fail", "gia9_math_fail", "ege_rus_below_min", "ege_math_below_min", "no_cert_9", "no_cert_11",
  "honors_cert_9", "honors_cert_11", "contest_participants", "contest_winners", "contest_winners_mun",
  "contest_winners_reg", "contest_winners_fed", "deep_study", "profile_study", "extra_education",
  "staff_higher_ed", "staff_higher_ped_ed", "staff_category", "staff_category_highest", "staff_category_first",
  "staff_exp_lt5", "staff_exp_gt30", "staff_pd_3y", "staff_retraining", "staff_fgos_pd", "staff_online_platforms",
  "computers_per_student", "classrooms_equipped", "reading_room", "reading_room_20plus", "reading_room_pc",
  "reading_room_media", "reading_room_scan", "reading_room_internet", "reading_room_print", "broadband_share",
  "area_per_student", "books_per_student", "textbooks_fed_list", "website_art29", "gia_passed_share",
  "vsosh_participants", "vsosh_winners", "events_done_share", "students_total", "students_assessed", "grads_9",
  "grads_11", "staff_ped", "staff_ped_admin",
  // Official items added in issue 17 (приказ № 1324: 1.2–1.4, 1.9, 1.19.3, 1.22, 1.23, 1.27, 1.28, 1.31–1.33, 2.3).
  "students_primary", "students_basic", "students_secondary", "ege_math_avg", "contest_winners_int",
  "distance_learning", "network_form", "staff_vocational_ed", "staff_vocational_ped_ed", "staff_age_lt30",
  "staff_age_55plus", "staff_pd_5y", "electronic_docflow",
  // The optional section «Контингент» (issue 17, item 6): program context items К.1–К.11.
  "ctx_ovz", "ctx_disabled", "ctx_school_register", "ctx_police_register", "ctx_large_family", "ctx_single_parent",
  "ctx_parents_higher_ed", "ctx_parents_unemployed", "ctx_non_native_russian", "ctx_transported", "ctx_moved_region",
];

describe("catalog integrity", () => {
  test("has exactly the indicators of domain.md", () => {
    expect([...ids].sort()).toEqual([...REQUIRED].sort());
  });

  test("ids are unique ASCII [a-z0-9_]", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test.each(CATALOG.map((i) => [i.id, i] as [string, Indicator]))("%s: names, sources, periodicity", (_id, ind) => {
    for (const t of [ind.name, ind.short]) {
      expect(t.ru.trim()).not.toBe("");
      expect(t.en.trim()).not.toBe("");
      expect(t.ru).toMatch(/[а-яё]/i);
      expect(t.en).not.toMatch(/[а-яё]/i);
    }
    expect(ind.source).toMatch(/[а-яё]/i);
    expect(ind.periodicity.length).toBeGreaterThan(0);
    expect(new Set(ind.periodicity).size).toBe(ind.periodicity.length);
    if (ind.section === "base") expect(["", "1.1", "1.2", "1.3", "1.4", "1.24"]).toContain(ind.number);
    else if (ind.section === "context") expect(ind.number).toMatch(/^К\.\d+$/);
    else expect(ind.number).toMatch(/^(М?\d+(\.\d+)*[а-я]?)$/);
    if (ind.unit.kind === "average") expect(ind.unit.min).toBeLessThan(ind.unit.max);
    expect([1, 0, -1]).toContain(ind.polarity);
  });

  test("every denominator and choice is a count in section base covering the indicator's periods", () => {
    for (const ind of CATALOG) {
      if (ind.unit.kind !== "countShare") continue;
      expect(ind.unit.denominator.length).toBeGreaterThan(0);
      for (const d of denominatorsOf(ind)) {
        const den = getIndicator(d);
        expect(den).toBeDefined();
        expect(den?.section).toBe("base");
        expect(den?.unit.kind).toBe("count");
      }
      for (const d of denominatorsOf(ind)) {
        for (const p of ind.periodicity) {
          // A denominator must be asked for in every period its indicators are reported.
          expect(getIndicator(d)?.periodicity).toContain(p);
        }
      }
    }
  });

  test("base section holds exactly the denominators and the pupils by level (1.2–1.4)", () => {
    const used = new Set(CATALOG.flatMap((i) => denominatorsOf(i)));
    const levels = ["students_primary", "students_basic", "students_secondary"];
    expect(indicatorsOfSection("base").map((i) => i.id).sort()).toEqual([...used, ...levels].sort());
    expect(childrenOf("students_total").map((i) => i.id)).toEqual(levels);
  });

  test("sub-items exist after their parent and share its section, unit kind and denominator", () => {
    for (const ind of CATALOG) {
      if (!ind.parent) continue;
      const parent = getIndicator(ind.parent);
      expect(parent).toBeDefined();
      if (!parent) continue;
      expect(parent.parent).toBeUndefined();
      expect(ind.section).toBe(parent.section);
      expect(ind.unit.kind).toBe(parent.unit.kind);
      expect(denominatorsOf(ind)).toEqual(denominatorsOf(parent));
      expect(ids.indexOf(ind.id)).toBeGreaterThan(ids.indexOf(parent.id));
    }
  });

  test("numbers follow their sources", () => {
    for (const ind of CATALOG) {
      if (ind.number.startsWith("М") || ind.adapts) expect(ind.source).toMatch(/Муниципальная программа/);
      if (ind.section === "partnership") expect(ind.source).toBe("Программа сопровождения (партнёрство школ)");
      if (ind.section === "context") expect(ind.source).toBe("Программа сопровождения ШНОР (контекстные показатели контингента)");
    }
    expect(getIndicator("quality_4_5")?.source).toMatch(/№ 1324.*п\. 1\.5$/);
    expect(getIndicator("contest_winners_reg")?.number).toBe("1.19.1");
    expect(getIndicator("reading_room_scan")?.number).toBe("2.4.3");
    expect(getIndicator("gia_passed_share")?.number).toBe("5.1");
  });

  test("every section has indicators and a sheet name", () => {
    expect(SECTIONS.map((s) => s.name.ru)).toEqual([
      "Предметные результаты", "Кадровые условия", "Материально-технические условия",
      "Учебно-методические условия", "Партнёрство", "Контингент", "Базовые показатели",
    ]);
    for (const s of SECTIONS) {
      expect(indicatorsOfSection(s.id).length).toBeGreaterThan(0);
      expect(s.name.ru.length).toBeLessThanOrEqual(31); // Excel sheet-name limit
      expect(s.name.en.length).toBeLessThanOrEqual(31);
    }
    expect(SECTIONS.filter((s) => s.optional).map((s) => s.id)).toEqual(["partnership", "context"]);
    expect(new Set(CATALOG.map((i) => i.section))).toEqual(new Set(SECTIONS.map((s) => s.id)));
  });

  test("catalog order keeps sections together", () => {
    const order = CATALOG.map((i) => i.section).filter((s, k, a) => k === 0 || a[k - 1] !== s);
    expect(new Set(order).size).toBe(order.length);
  });
});

describe("catalog facts from domain.md", () => {
  test("quality_4_5 lets the school choose its denominator", () => {
    const q = getIndicator("quality_4_5");
    expect(q?.unit).toEqual({ kind: "countShare", denominator: ["students_assessed"], choices: ["students_assessed", "students_total"] });
    expect(q && denominatorsOf(q)).toEqual(["students_assessed", "students_total"]);
    expect(q?.periodicity).toEqual(["Q", "H", "Y"]);
  });

  test("polarity and implied targets", () => {
    expect(getIndicator("staff_exp_lt5")?.polarity).toBe(0);
    expect(getIndicator("staff_exp_gt30")?.polarity).toBe(0);
    for (const id of ["gia9_rus_fail", "gia9_math_fail", "ege_rus_below_min", "ege_math_below_min", "no_cert_9", "no_cert_11"]) {
      expect(getIndicator(id)?.polarity).toBe(-1);
    }
    expect(getIndicator("staff_fgos_pd")?.impliedTarget).toBe(1);
    expect(getIndicator("broadband_share")?.impliedTarget).toBe(1);
    expect(CATALOG.filter((i) => i.impliedTarget !== undefined).map((i) => i.id).sort()).toEqual(["broadband_share", "staff_fgos_pd"]);
  });

  test("units and denominators", () => {
    expect(getIndicator("gia_passed_share")?.unit).toEqual({ kind: "countShare", denominator: ["grads_9", "grads_11"] });
    expect(getIndicator("gia9_rus_avg")?.unit).toEqual({ kind: "average", min: 2, max: 5 });
    expect(getIndicator("ege_math_prof_avg")?.unit).toEqual({ kind: "average", min: 0, max: 100 });
    expect(getIndicator("ege_math_base_avg")?.unit).toEqual({ kind: "average", min: 2, max: 5 });
    expect(getIndicator("staff_pd_3y")?.unit).toEqual({ kind: "countShare", denominator: ["staff_ped_admin"] });
    expect(getIndicator("events_done_share")?.unit.kind).toBe("share");
    expect(getIndicator("vsosh_winners")?.unit.kind).toBe("count");
    expect(getIndicator("reading_room_internet")?.unit.kind).toBe("yesNo");
    expect(getIndicator("area_per_student")?.unit.kind).toBe("ratio");
  });

  test("official wording uses Ч/УВ with the named denominator", () => {
    expect(getIndicator("gia9_rus_fail")?.name.ru).toMatch(/^Численность\/удельный вес численности выпускников 9 класса.*в общей численности выпускников 9 класса$/);
    expect(getIndicator("staff_higher_ed")?.name.ru).toMatch(/в общей численности педагогических работников$/);
  });

  test("childrenOf, isShareLike, lookups", () => {
    expect(childrenOf("contest_winners").map((i) => i.id)).toEqual(["contest_winners_mun", "contest_winners_reg", "contest_winners_fed", "contest_winners_int"]);
    expect(childrenOf("staff_category").map((i) => i.id)).toEqual(["staff_category_highest", "staff_category_first"]);
    expect(childrenOf("reading_room")).toHaveLength(6);
    expect(childrenOf("quality_4_5")).toEqual([]);
    expect(childrenOf("nope")).toEqual([]);
    expect(getIndicator("nope")).toBeUndefined();
    expect(isShareLike(getIndicator("quality_4_5")!)).toBe(true);
    expect(isShareLike(getIndicator("events_done_share")!)).toBe(true);
    expect(isShareLike(getIndicator("gia9_rus_avg")!)).toBe(false);
    expect(isShareLike(getIndicator("students_total")!)).toBe(false);
    expect(denominatorsOf(getIndicator("reading_room")!)).toEqual([]);
  });

  test("unitLabel", () => {
    expect(unitLabel({ kind: "countShare", denominator: ["x"] }, "ru")).toBe("человек/%");
    expect(unitLabel({ kind: "count" }, "ru")).toBe("человек");
    expect(unitLabel({ kind: "ratio" }, "ru")).toBe("единиц");
    expect(unitLabel(getIndicator("area_per_student")!.unit, "ru")).toBe("кв. м");
    expect(getIndicator("area_per_student")?.name.ru).not.toMatch(/кв\. м/);
    expect(unitLabel({ kind: "average", min: 2, max: 5 }, "ru")).toBe("балл (2–5)");
    expect(unitLabel({ kind: "average", min: 0, max: 100 }, "en")).toBe("score (0-100)");
    expect(unitLabel({ kind: "yesNo" }, "ru")).toBe("да/нет");
    expect(unitLabel({ kind: "yesNo" }, "en")).toBe("yes/no");
    expect(unitLabel({ kind: "share" }, "ru")).toBe("%");
    for (const ind of CATALOG) for (const lang of ["ru", "en"] as const) expect(unitLabel(ind.unit, lang)).not.toBe("");
  });

  test("CATALOG and SECTIONS are frozen", () => {
    expect(Object.isFrozen(CATALOG)).toBe(true);
    expect(Object.isFrozen(SECTIONS)).toBe(true);
  });
});

describe("exams", () => {
  test("certificate minimums per year", () => {
    expect(examMinimum("ege_rus", 2023)).toBe(24);
    expect(examMinimum("ege_math_prof", 2023)).toBe(27);
    expect(examMinimum("ege_math_base", 2023)).toBe(3);
    expect(examMinimum("oge_math", 2030)).toBe(3);
    expect(examMinimum("ege_math_base", 2020)).toBeUndefined(); // not held in 2021
    expect(examMinimum("ege_math_prof", 2020)).toBeUndefined(); // 2021: for admission only, no certificate minimum
    expect(examMinimum("ege_rus", 2020)).toBe(24); // 2021: the certificate minimum for those who took it
    expect(examMinimum("oge_math", 2020)).toBe(3);
    expect(examMinimum("oge_rus", 2019)).toBeUndefined(); // 2020: ОГЭ cancelled
    expect(examMinimum("ege_math_prof", 2014)).toBe(27); // the 2015 session
    expect(examMinimum("ege_rus", 2013)).toBeUndefined(); // 2014: not recorded
    expect(examMinimum("ege_rus", 2019)).toBeUndefined(); // no certificate ЕГЭ in 2020
    expect(examMinimum("ege_rus", 2010)).toBeUndefined(); // before the data
  });

  test("minimums lie on each exam's scale", () => {
    for (const subject of Object.keys(EXAM_SCALES) as (keyof typeof EXAM_SCALES)[]) {
      const { min, max } = EXAM_SCALES[subject];
      for (let y = 2014; y <= 2030; y++) {
        const m = examMinimum(subject, y);
        if (m !== undefined) expect(m >= min && m <= max).toBe(true);
      }
    }
  });

  test("2020 and 2021 sessions are not comparable", () => {
    expect(isExamYearComparable(2019)).toBe(false);
    expect(isExamYearComparable(2020)).toBe(false);
    expect(isExamYearComparable(2018)).toBe(true);
    expect(isExamYearComparable(2023)).toBe(true);
    for (const y of NON_COMPARABLE_EXAM_YEARS) expect(y.reason.ru).toMatch(/ГИА-20\d\d/);
  });

  test("comparability per indicator: exam items of changed sessions, certificates of 2020", () => {
    expect(notComparableReason("ege_rus_avg", "2019/20-E")?.ru).toMatch(/ГИА-2020/);
    expect(notComparableReason("gia9_math_fail", "2020/21-E")?.ru).toMatch(/ГИА-2021/);
    for (const id of ["no_cert_9", "no_cert_11", "honors_cert_9", "honors_cert_11"]) {
      expect(notComparableReason(id, "2019/20-Y")?.ru).toMatch(/годовым отметкам/);
      expect(notComparableReason(id, "2020/21-Y")).toBeNull();
      expect(notComparableReason(id, "2018/19-Y")).toBeNull();
    }
    expect(notComparableReason("quality_4_5", "2019/20-Y")).toBeNull();
    expect(notComparableReason("ege_rus_avg", "2022/23-E")).toBeNull();
    // 2014: only mathematics changed the next year.
    expect(notComparableReason("ege_math_avg", "2013/14-E")?.ru).toMatch(/единый экзамен/);
    expect(notComparableReason("ege_rus_avg", "2013/14-E")).toBeNull();
    expect(isExamYearComparable(2013)).toBe(false);
    expect(examSession(2012)).toBeUndefined();
    expect(examSession(2030)?.minimum.ege_rus).toBe(24);
  });
});

describe("base figures", () => {
  it("are neutral: a denominator is never judged better or worse", () => {
    const base = CATALOG.filter((i) => i.section === "base");
    expect(base.length).toBe(9);
    for (const i of base) expect(i.polarity).toBe(0);
  });
});

describe("pupil context («Контингент»)", () => {
  const ctx = indicatorsOfSection("context");

  test("eleven items К.1–К.11 in order, ids unique, after every other section", () => {
    expect(ctx.map((i) => i.id)).toEqual([
      "ctx_ovz", "ctx_disabled", "ctx_school_register", "ctx_police_register", "ctx_large_family", "ctx_single_parent",
      "ctx_parents_higher_ed", "ctx_parents_unemployed", "ctx_non_native_russian", "ctx_transported", "ctx_moved_region",
    ]);
    expect(ctx.map((i) => i.number)).toEqual(ctx.map((_, k) => `К.${k + 1}`));
    expect(new Set(ctx.map((i) => i.id)).size).toBe(ctx.length);
    expect(CATALOG.slice(-ctx.length)).toEqual(ctx);
    expect(SECTIONS.find((s) => s.id === "context")).toEqual({ id: "context", name: { ru: "Контингент", en: "Pupil context" }, optional: true });
  });

  test("every item is neutral, a count and share of all students, yearly, a program item without a target", () => {
    for (const i of ctx) {
      expect(i.polarity).toBe(0);
      expect(i.unit).toEqual({ kind: "countShare", denominator: ["students_total"] });
      expect(getIndicator("students_total")?.periodicity).toContain("Y");
      expect(i.periodicity).toEqual(["Y"]);
      expect(i.source).not.toMatch(/1324/);
      expect(i.adapts).toBeUndefined();
      expect(i.parent).toBeUndefined();
      expect(i.impliedTarget).toBeUndefined();
      expect(i.levels).toBeUndefined();
      expect(i.name.ru).toMatch(/^Численность\/удельный вес численности учащихся .+ в общей численности учащихся$/);
      expect(i.name.en).toMatch(/^Number\/share of students /);
    }
    expect(getIndicator("ctx_ovz")?.name.ru).toMatch(/ограниченными возможностями здоровья/);
    expect(getIndicator("ctx_police_register")?.short.ru).toBe("На учёте в ПДН/КДНиЗП");
  });
});
