/**
 * The names the EDU.* functions are registered under. One metadata file serves every display
 * language and registers each function twice: under its English name (id = name, from the JSDoc of
 * functions.ts) and under its Russian name (id RU.<ID>, name from names-ru.json), both associated
 * with the same implementation. webpack.config.js (addRussianTwins) writes the Russian entries with
 * the same id rule; the build test checks that every id of functions.json is associated.
 */
import type { FunctionId } from "./impl";

export const NAMESPACE = "EDU";
export const RUSSIAN_ID_PREFIX = "RU.";

/** The id of the Russian twin of a function: "DYNAMICS" → "RU.DYNAMICS". */
export function russianId(id: FunctionId): string {
  return `${RUSSIAN_ID_PREFIX}${id}`;
}
