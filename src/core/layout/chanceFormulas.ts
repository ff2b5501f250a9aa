/**
 * Chance told from change as native formulas (no add-in function), for «Динамика»: the same
 * method as stats.ts changeSignificance — Newcombe's hybrid score 95 % interval of p2 − p1 built
 * from the two Wilson intervals; significant when it excludes 0. The counts and denominators come
 * from helper cells (count1, total1, count2, total2), so each formula stays readable.
 */
import type { Lang, Text } from "../types";

/** z of the 95 % interval and z², as stats.ts Z95 (literals HyperFormula and Excel both read). */
const Z = "1.959963984540054";
const Z2 = "3.841458820694124";

/** One Wilson bound of c / n: `sign` "-" the lower (≥ 0), "+" the upper (≤ 1). */
function wilsonBound(c: string, n: string, sign: "-" | "+"): string {
  const p = `${c}/${n}`;
  const body = `(${p}+${Z2}/(2*${n})${sign}${Z}*SQRT(${p}*(1-${p})/${n}+${Z2}/(4*${n}*${n})))/(1+${Z2}/${n})`;
  return sign === "-" ? `MAX(0,${body})` : `MIN(1,${body})`;
}

/**
 * The significance of the change from c1/n1 to c2/n2: 1 a significant rise, −1 a significant fall,
 * 0 within random variation; "" when the counts are not all known whole numbers with 0 ≤ c ≤ n,
 * n > 0, or when the share did not change (nothing to judge).
 */
export function significanceFormula(c1: string, n1: string, c2: string, n2: string): string {
  const p1 = `${c1}/${n1}`;
  const p2 = `${c2}/${n2}`;
  const d = `(${p2}-${p1})`;
  const lower = `${d}-SQRT((${p2}-${wilsonBound(c2, n2, "-")})^2+(${wilsonBound(c1, n1, "+")}-${p1})^2)`;
  const upper = `${d}+SQRT((${wilsonBound(c2, n2, "+")}-${p2})^2+(${p1}-${wilsonBound(c1, n1, "-")})^2)`;
  const verdict = `IF(${lower}>0.000000000001,1,IF(${upper}<-0.000000000001,-1,0))`;
  return `=IF(COUNT(${c1},${n1},${c2},${n2})<4,"",IF(OR(${n1}<=0,${n2}<=0,${c1}>${n1},${c2}>${n2}),"",IF(ABS(${d})<=0.000000001,"",${verdict})))`;
}

export const CHANCE_TEXT = {
  chance: { ru: "в пределах случайных колебаний", en: "within random variation" },
  significant: { ru: "значимое изменение", en: "a significant change" },
} as const satisfies Record<string, Text>;

/**
 * The verdict in words with the change in pupils (stats.ts pupilsChange), or in teachers for a
 * share of the teaching staff: «в пределах случайных колебаний (+1 учащийся)», «значимое
 * изменение (−20 учащихся)», «… (−2 педагога)»; "" when `sig` is "".
 */
export function verdictFormula(sig: string, c1: string, c2: string, lang: Lang, who: "pupils" | "staff" = "pupils"): string {
  const k = `(${c2}-${c1})`;
  const sign = `IF(${k}>0,"+",IF(${k}<0,"${lang === "ru" ? "−" : "-"}","±"))`;
  const a = `ABS(${k})`;
  const one = `AND(MOD(${a},10)=1,MOD(${a},100)<>11)`;
  const few = `AND(MOD(${a},10)>=2,MOD(${a},10)<=4,OR(MOD(${a},100)<12,MOD(${a},100)>14))`;
  const word =
    lang === "en"
      ? `IF(${a}=1,"${who === "staff" ? "teacher" : "pupil"}","${who === "staff" ? "teachers" : "pupils"}")`
      : who === "staff"
        ? `IF(${one},"педагог",IF(${few},"педагога","педагогов"))`
        : `IF(${one},"учащийся","учащихся")`;
  const what = `IF(${sig}=0,"${CHANCE_TEXT.chance[lang]}","${CHANCE_TEXT.significant[lang]}")`;
  return `=IF(${sig}="","",${what}&" ("&${sign}&ABS(${k})&" "&${word}&")")`;
}
