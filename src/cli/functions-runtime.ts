/**
 * Load dist/functions.js the way Excel's JavaScript-only functions runtime does: a fresh context
 * whose only non-standard global is `CustomFunctions`. Used by the runtime test and the bench.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";

export class FakeCustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? "");
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type Registered = Map<string, (...args: unknown[]) => unknown>;

export function loadFunctionsBundle(file = resolve(__dirname, "../../dist/functions.js")): Registered {
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const registered: Registered = new Map();
  const CustomFunctions = {
    associate(id: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
      if (typeof id === "string" && fn) registered.set(id, fn);
      else if (typeof id === "object") for (const [k, f] of Object.entries(id)) registered.set(k, f);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
  vm.runInNewContext(code, { CustomFunctions }, { filename: "functions.js" });
  return registered;
}
