/** Rules on count + share indicators: printed shares, denominators, and the scale shares are written in. */
import { DENOMINATOR_IDS } from "../denominators";
import { shareAmbiguity } from "../values";
import type { Finding, Indicator, Text } from "../types";
import { label, n, type CheckContext } from "./context";

/**
 * Half a unit of a share printed in whole percent (0.5 п. п.): the printed precision is unknown,
 * so the coarser rounding is allowed.
 */
const PRINT_TOLERANCE = 0.005 + 1e-9;

/** Denominators a report may have used by mistake, tried when a printed share does not match. */
const ALTERNATIVES = DENOMINATOR_IDS;

function sumOf(c: CheckContext, ids: string[], period: string): number | null {
  let total = 0;
  for (const id of ids) {
    const x = c.num(id, period);
    if (x === null) return null;
    total += x;
  }
  return total;
}

/** An info note for a share below 1 %: «0,005» is 0,5 %, not 5 % (values.ts shareAmbiguity). */
export function smallShareNote(id: string, x: number): Text {
  const name = label(id);
  const ru = shareAmbiguity(String(x).replace(".", ","))?.ru ?? `доля ${n.pctRu(x)} меньше 1 % — проверьте, не имелось ли в виду ${n.pctRu(x * 100)}`;
  const en = shareAmbiguity(String(x))?.en ?? `the share ${n.pctEn(x)} is below 1% — check whether ${n.pctEn(x * 100)} was meant`;
  return { ru: `${name.ru}: ${ru}`, en: `${name.en}: ${en}` };
}

/**
 * share_mismatch, denominator_mismatch, share_format: a printed share must equal count / the
 * indicator's denominator in the same period. When it equals the count over another denominator,
 * or the right share in another scale (×100, ÷100), the finding says which mistake it is. A share
 * that cannot be verified (no count or denominator) is still checked for its scale.
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
    const ps = obs.printedShare;
    if (ps?.kind === "error") {
      out.push(c.finding("value_out_of_scale", ind, period, "error", { ru: `${name.ru}, доля: ${ps.message.ru}`, en: `${name.en}, share: ${ps.message.en}` }));
      continue;
    }
    const printed = ps?.kind === "number" ? ps.value : null;
    if (printed === null) continue;
    if (!Number.isFinite(printed) || printed < 0 || printed > 100) {
      out.push(c.finding("value_out_of_scale", ind, period, "error", {
        ru: `${name.ru}: указанная доля ${n.ru(printed)} вне 0–100 %`,
        en: `${name.en}: the printed share ${n.en(printed)} is outside 0–100%`,
      }));
      continue;
    }
    const count = c.num(ind.id, period);
    const den = sumOf(c, expected, period);
    if (count === null || den === null || den <= 0) {
      const unverified = scaleOnly(c, ind, period, printed);
      if (unverified) out.push(unverified);
      continue;
    }
    const actual = count / den;
    if (Math.abs(actual - printed) <= PRINT_TOLERANCE) continue;
    out.push(explainMismatch(c, ind, period, count, den, actual, printed));
  }
  return out;
}

/** A printed share with nothing to verify it against: only its scale can be judged. */
function scaleOnly(c: CheckContext, ind: Indicator, period: string, printed: number): Finding | null {
  const name = label(ind.id);
  if (printed > 1) {
    return c.finding("share_format", ind, period, "warning", {
      ru: `${name.ru}: доля записана как ${n.ru(printed)} — похоже на проценты; доля хранится дробью (${n.ru(printed / 100)}) или со знаком % («${n.ru(printed)} %»)`,
      en: `${name.en}: the share is written as ${n.en(printed)} — it looks like a percentage; a share is stored as a fraction (${n.en(printed / 100)}) or with a % sign ("${n.en(printed)}%")`,
    });
  }
  if (printed > 0 && printed < 0.01) return c.finding("share_format", ind, period, "info", smallShareNote(ind.id, printed));
  return null;
}

function explainMismatch(c: CheckContext, ind: Indicator, period: string, count: number, den: number, actual: number, printed: number): Finding {
  const name = label(ind.id);
  const near = (x: number) => Math.abs(x - actual) <= PRINT_TOLERANCE;
  if (near(printed / 100) || near(printed * 100)) {
    return c.finding("share_format", ind, period, "warning", {
      ru: `${name.ru}: доля записана в другом масштабе — указано ${n.ru(printed)}, по расчёту ${n.pctRu(actual)} (проверьте «21 %», «21» и «0,21»)`,
      en: `${name.en}: the share is written in another scale — printed ${n.en(printed)}, computed ${n.pctEn(actual)} (check "21%", "21" and "0.21")`,
    });
  }
  for (const alt of ALTERNATIVES) {
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
