/** Rules on count + share indicators: printed shares, denominators, and the scale shares are written in. */
import type { Finding, Indicator } from "../types";
import { label, n, type CheckContext } from "./context";

/** Half a unit of a share printed with one decimal in percent (0.05 п. п.), plus rounding to whole percent. */
const PRINT_TOLERANCE = 0.005 + 1e-9;

function sumOf(c: CheckContext, ids: string[], period: string): number | null {
  let total = 0;
  for (const id of ids) {
    const x = c.num(id, period);
    if (x === null) return null;
    total += x;
  }
  return total;
}

/**
 * share_mismatch, denominator_mismatch, share_format: a printed share must equal count / the
 * indicator's denominator in the same period. When it equals the count over another denominator,
 * or the right share in another scale (×100, ÷100), the finding says which mistake it is.
 */
export function checkShares(c: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, period, obs } of c.entries()) {
    if (ind.unit.kind !== "countShare") continue;
    const expected = c.expectedDenominator(ind);
    const name = label(ind.id);
    if (obs.denominatorUsed && !expected.includes(obs.denominatorUsed)) {
      out.push(c.finding("denominator_mismatch", ind, period, "warning", {
        ru: `${name.ru}: доля рассчитана от ${label(obs.denominatorUsed).ru}, а показатель требует ${expected.map((d) => label(d).ru).join(" + ")}`,
        en: `${name.en}: the share is computed from ${label(obs.denominatorUsed).en}, the indicator requires ${expected.map((d) => label(d).en).join(" + ")}`,
      }));
      continue;
    }
    const count = c.num(ind.id, period);
    const printed = obs.printedShare?.kind === "number" ? obs.printedShare.value : null;
    const den = sumOf(c, expected, period);
    if (count === null || printed === null || den === null || den <= 0) continue;
    const actual = count / den;
    if (Math.abs(actual - printed) <= PRINT_TOLERANCE) continue;
    out.push(explainMismatch(c, ind, period, count, den, actual, printed));
  }
  return out;
}

function explainMismatch(c: CheckContext, ind: Indicator, period: string, count: number, den: number, actual: number, printed: number): Finding {
  const name = label(ind.id);
  if (Math.abs(printed * 100 - actual) <= PRINT_TOLERANCE || Math.abs(printed / 100 - actual) <= PRINT_TOLERANCE) {
    return c.finding("share_format", ind, period, "warning", {
      ru: `${name.ru}: доля записана в другом масштабе — указано ${n.ru(printed)}, по расчёту ${n.pctRu(actual)} (проверьте «21 %», «21» и «0,21»)`,
      en: `${name.en}: the share is written in another scale — printed ${n.en(printed)}, computed ${n.pctEn(actual)} (check "21%", "21" and "0.21")`,
    });
  }
  const alternatives = ["students_total", "students_assessed", "grads_9", "grads_11", "staff_ped", "staff_ped_admin"];
  for (const alt of alternatives) {
    const x = c.num(alt, period);
    if (x === null || x <= 0 || c.expectedDenominator(ind).includes(alt)) continue;
    if (Math.abs(count / x - printed) <= PRINT_TOLERANCE) {
      return c.finding("denominator_mismatch", ind, period, "warning", {
        ru: `${name.ru}: указанная доля ${n.pctRu(printed)} рассчитана от ${label(alt).ru}; от нужного знаменателя — ${n.pctRu(actual)}`,
        en: `${name.en}: the printed share ${n.pctEn(printed)} is computed from ${label(alt).en}; from the right denominator it is ${n.pctEn(actual)}`,
      });
    }
  }
  return c.finding("share_mismatch", ind, period, "warning", {
    ru: `${name.ru}: указанная доля ${n.pctRu(printed)} не равна ${n.ru(count)} / ${n.ru(den)} = ${n.pctRu(actual)}`,
    en: `${name.en}: the printed share ${n.pctEn(printed)} is not ${n.en(count)} / ${n.en(den)} = ${n.pctEn(actual)}`,
  });
}
