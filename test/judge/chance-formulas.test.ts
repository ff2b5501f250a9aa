/**
 * The native significance formula of «Динамика» (chanceFormulas.ts) gives the verdict of stats.ts
 * changeSignificance over random counts (HyperFormula evaluates it as Excel would), and the words
 * with the change in pupils as stats.ts pupilsChange.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { significanceFormula, verdictFormula } from "../../src/core/layout/chanceFormulas";
import { changeSignificance, pupilsChange } from "../../src/core/stats";

function evaluate(c1: number, n1: number, c2: number, n2: number, lang: "ru" | "en" = "ru"): { sig: unknown; words: unknown } {
  const hf = HyperFormula.buildFromArray([[c1, n1, c2, n2, significanceFormula("A1", "B1", "C1", "D1"), verdictFormula("E1", "A1", "C1", lang)]], { licenseKey: "gpl-v3" });
  const out = { sig: hf.getCellValue({ sheet: 0, row: 0, col: 4 }), words: hf.getCellValue({ sheet: 0, row: 0, col: 5 }) };
  hf.destroy();
  return out;
}

it("property: the native verdict equals changeSignificance whenever the share changed", () => {
  const group = fc.integer({ min: 1, max: 400 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
  fc.assert(
    fc.property(group, group, ([c1, n1], [c2, n2]) => {
      const { sig, words } = evaluate(c1, n1, c2, n2);
      if (Math.abs(c2 / n2 - c1 / n1) <= 1e-9) {
        expect(sig).toBe("");
        return;
      }
      const s = changeSignificance(c1, n1, c2, n2);
      if (!s.ok) throw new Error("valid counts");
      expect(sig).toBe(s.value.verdict);
      expect(words).toBe(`${s.value.verdict === 0 ? "в пределах случайных колебаний" : "значимое изменение"} (${pupilsChange(c2 - c1).ru})`);
    }),
    { numRuns: 200, seed: 16 },
  );
});

it("says nothing for counts it cannot judge", () => {
  expect(evaluate(10, 9, 1, 9).sig).toBe(""); // a part above its whole
  expect(evaluate(1, 0, 1, 9).sig).toBe("");
  expect(evaluate(1, 9, 2, 9, "en").words).toBe("within random variation (+1 pupil)");
  const staff = (c1: number, c2: number) => {
    const hf = HyperFormula.buildFromArray([[c1, 40, c2, 40, significanceFormula("A1", "B1", "C1", "D1"), verdictFormula("E1", "A1", "C1", "ru", "staff")]], { licenseKey: "gpl-v3" });
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 5 });
    hf.destroy();
    return v;
  };
  expect([staff(38, 37), staff(38, 36), staff(38, 33), staff(10, 21), staff(0, 21), staff(0, 12)]).toEqual([
    "в пределах случайных колебаний (−1 педагог)",
    "в пределах случайных колебаний (−2 педагога)",
    "в пределах случайных колебаний (−5 педагогов)",
    "значимое изменение (+11 педагогов)",
    "значимое изменение (+21 педагог)",
    "значимое изменение (+12 педагогов)",
  ]);
});
