/**
 * Function names HyperFormula cannot read. Its lexer takes Latin letters only in a function name,
 * while Excel takes any letter: =EDU.ДОЛЯ(…) is a valid call of a custom function registered under
 * that name. The host keeps the formula text as written (that is what range.formulas returns) and
 * hands HyperFormula the same formula with such names replaced by ASCII names the plugin registers
 * (EDU.ДОЛЯ → EDU.RU.SHARE); what HyperFormula gives back is renamed the other way.
 */

/** Process-wide, like HyperFormula's plugin registry: display name (upper case) → engine name. */
const toEngine = new Map<string, string>();
const toDisplay = new Map<string, string>();

/** Registers a name Excel accepts (`display`) under the name HyperFormula knows (`engine`). */
export function addFunctionAlias(display: string, engine: string): void {
  toEngine.set(display.toUpperCase(), engine.toUpperCase());
  toDisplay.set(engine.toUpperCase(), display.toUpperCase());
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.]/u;

/** Renames the function calls of a formula ("=…"); strings and quoted sheet names are left alone. */
function renameCalls(formula: string, names: Map<string, string>): string {
  if (names.size === 0 || !formula.startsWith("=")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (NAME_START.test(ch) && !(i > 0 && NAME_PART.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < formula.length && NAME_PART.test(formula[j])) j++;
      const name = formula.slice(i, j);
      const renamed = formula[j] === "(" ? names.get(name.toUpperCase()) : undefined;
      out += renamed ?? name;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The formula as HyperFormula must read it. Formulas without non-ASCII letters pass unchanged. */
export function engineFormula(formula: string): string {
  return toEngine.size > 0 && /[^\x00-\x7f]/.test(formula) ? renameCalls(formula, toEngine) : formula;
}

/** The formula as Excel shows it, from HyperFormula's text. */
export function displayFormula(formula: string): string {
  if (toDisplay.size === 0) return formula;
  const upper = formula.toUpperCase();
  for (const engine of toDisplay.keys()) if (upper.includes(engine)) return renameCalls(formula, toDisplay);
  return formula;
}
