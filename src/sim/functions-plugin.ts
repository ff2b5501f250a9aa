/**
 * The EDU.* custom functions as a HyperFormula function plugin, for the simulated host (tests and
 * the demo). It calls the very implementations that dist/functions.js registers with Excel
 * (src/functions/impl.ts), so a sheet formula such as =EDU.DYNAMICS(B5,C5,"gia9_rus_fail") gives
 * here what it gives in Excel. Like the add-in's metadata, it registers each function under its
 * English name and its Russian name (names-ru.json): =EDU.ДОЛЯ(…) works as =EDU.SHARE(…). HyperFormula
 * cannot lex Cyrillic function names, so the Russian ones reach it as ASCII aliases (EDU.RU.SHARE;
 * src/sim/host/aliases.ts) while the cell keeps the text as typed.
 *
 * One difference from Excel desktop, on purpose: HyperFormula tells an empty cell inside a range
 * from 0 (it passes an empty value), so EDU.TREND skips it here as it does on the web; Excel desktop
 * passes 0 (see README, "TREND and blank cells").
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { ArgError, IMPLEMENTATIONS, type FunctionId, type Out } from "../functions/impl";
import { NAMESPACE, russianId } from "../functions/names";
import namesRu from "../functions/names-ru.json";
import type { Lang } from "../core/types";

/** Plain JS values from HyperFormula's internal ones: empty → null, rich numbers → numbers, errors kept. */
function plain(x: unknown): unknown {
  if (x === EmptyValue) return null;
  if (x instanceof CellError) return x;
  if (typeof x === "object" && x !== null && typeof (x as { val?: unknown }).val === "number") return (x as { val: number }).val;
  return x;
}

function toHf(x: Out, lang: Lang): unknown {
  if (!(x instanceof ArgError)) return x;
  const type = x.error.code === "na" ? ErrorType.NA : x.error.code === "div0" ? ErrorType.DIV_BY_ZERO : ErrorType.VALUE;
  return new CellError(type, x.error.message[lang]);
}

const ARITY: Record<FunctionId, { required: number; optional: number; range?: true }> = {
  SHARE: { required: 2, optional: 0 },
  DELTA: { required: 2, optional: 0 },
  GROWTH: { required: 2, optional: 0 },
  DYNAMICS: { required: 2, optional: 2 },
  TARGETSTATUS: { required: 2, optional: 2 },
  TARGETGAP: { required: 2, optional: 1 },
  TREND: { required: 1, optional: 1, range: true },
  QUALITY: { required: 4, optional: 2 },
  SUCCESS: { required: 4, optional: 2 },
  GRADEAVG: { required: 4, optional: 1 },
  SOU: { required: 4, optional: 2 },
  WILSON: { required: 2, optional: 1 },
  SIGNIFICANT: { required: 4, optional: 0 },
  NEEDED: { required: 3, optional: 2 },
};

let messageLang: Lang = "ru";
/** Language of the error messages the plugin gives (the demo follows the task pane). */
export function setFunctionMessageLanguage(lang: Lang): void {
  messageLang = lang;
}

type Evaluator = (ast: { args: unknown[] }, state: unknown) => unknown;

class EduPlugin extends FunctionPlugin {}

const implemented: Record<string, { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
const methods = EduPlugin.prototype as unknown as Record<string, Evaluator>;

for (const id of Object.keys(IMPLEMENTATIONS) as FunctionId[]) {
  const { required, optional, range } = ARITY[id];
  const parameters = [];
  for (let i = 0; i < required + optional; i++) {
    parameters.push({ argumentType: range && i === 0 ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY, ...(i >= required ? { optionalArg: true } : {}) });
  }
  const method = `edu${id}`;
  // Both names call one method with the same parameters (so the English entry's metadata serves both).
  implemented[`${NAMESPACE}.${id}`] = { method, parameters };
  implemented[`${NAMESPACE}.${russianId(id)}`] = { method, parameters };
  const fn = IMPLEMENTATIONS[id] as (...args: unknown[]) => Out;
  methods[method] = function (this: FunctionPlugin, ast, state) {
    const run = (this as unknown as { runFunction: (a: unknown, s: unknown, m: unknown, f: (...x: unknown[]) => unknown) => unknown }).runFunction;
    const metadata = (this as unknown as { metadata: (name: string) => unknown }).metadata(`${NAMESPACE}.${id}`);
    return run(ast.args, state, metadata, (...args: unknown[]) => {
      const values = args.map((a) => (a instanceof SimpleRangeValue ? a.data.map((row) => row.map(plain)) : plain(a)));
      // An error value in an argument propagates, as in Excel.
      for (const v of values) if (v instanceof CellError) return v;
      if (Array.isArray(values[0])) for (const row of values[0] as unknown[][]) for (const c of row) if (c instanceof CellError) return c;
      return toHf(fn(...values), messageLang);
    });
  };
}
(EduPlugin as unknown as { implementedFunctions: typeof implemented }).implementedFunctions = implemented;

/** Function names per HyperFormula language (the hosts here use the English, invariant names). */
export const EDU_TRANSLATIONS: Record<string, Record<string, string>> = {
  enGB: Object.fromEntries(Object.keys(implemented).map((k) => [k, k])),
  enUS: Object.fromEntries(Object.keys(implemented).map((k) => [k, k])),
};

/** The Russian names as Excel takes them (EDU.ДОЛЯ) → the plugin's ASCII names (EDU.RU.SHARE). */
export const EDU_ALIASES: Record<string, string> = Object.fromEntries(
  (Object.keys(IMPLEMENTATIONS) as FunctionId[]).map((id) => [`${NAMESPACE}.${(namesRu as Record<string, { name: string }>)[id].name}`, `${NAMESPACE}.${russianId(id)}`]),
);

export const EduFunctionsPlugin = EduPlugin;

/** Register EDU.* with HyperFormula (idempotent); the simulated host takes `{ plugin, translations, aliases }`. */
export function registerEduFunctions(): { plugin: typeof EduPlugin; translations: typeof EDU_TRANSLATIONS; aliases: typeof EDU_ALIASES } {
  if (!HyperFormula.getAllFunctionPlugins().includes(EduPlugin)) HyperFormula.registerFunctionPlugin(EduPlugin, EDU_TRANSLATIONS);
  return { plugin: EduPlugin, translations: EDU_TRANSLATIONS, aliases: EDU_ALIASES };
}
