/**
 * The programme's school years from the words of a title («Дорожная карта … на 2025–2026 гг.»,
 * «План мероприятий на 2025-2026 учебный год», «2024/25–2025/26 уч. годы»). Never guessed wider
 * than the text says; a text that names no span of years gives null (the user is asked).
 *
 * Readings (school years are named by their start year, 2025 = 2025/26):
 * - a school year «2025-2026 учебный год», «2025/2026», «2025/26» → 2025 … 2025;
 * - school years «2024/25 – 2026/27 (уч.) гг.» → 2024 … 2026;
 * - «2025-2026 учебный год» → 2025 … 2025; «2025–2027 учебные годы» → 2025 … 2026;
 * - calendar years «2025–2026 гг.», «2025-2026 годы» → the school years that start in them except
 *   the last: 2025 … 2025 (a programme «на 2025–2026 гг.» runs from autumn 2025 through 2026, the
 *   school year 2025/26); «2024–2027 гг.» → 2024 … 2026. A single calendar year («на 2025 год»)
 *   names two halves of school years: null.
 * - At most 30 years; the first text (in the order given) that names years wins.
 */
import type { ProgramYears } from "./types";

const DASH = "[-‐-―−]";
const SY = `(\\d{4})\\s*/\\s*(\\d{4}|\\d{2})`;

const valid = (y: number) => y >= 1990 && y <= 2100;

/** «2025/26» or «2025/2026» → 2025 when the second year follows the first; else null. */
function schoolYear(a: string, b: string): number | null {
  const y = Number(a);
  const z = Number(b);
  if (!valid(y)) return null;
  return (b.length === 2 ? z === (y + 1) % 100 : z === y + 1) ? y : null;
}

/** Program years named by one text, and the words that named them; null when it names none. */
export function yearsFromText(text: unknown): { years: ProgramYears; words: string } | null {
  if (typeof text !== "string" || text.length > 2000) return null;
  const s = text.replace(/\s+/g, " ");
  const ok = (first: number, last: number, words: string) => (first <= last && last - first < 30 ? { years: { firstYear: first, lastYear: last }, words: words.trim() } : null);

  // School years, two of them: «2024/25 – 2026/27».
  const two = new RegExp(`${SY}\\s*${DASH}\\s*${SY}`).exec(s);
  if (two) {
    const a = schoolYear(two[1], two[2]);
    const b = schoolYear(two[3], two[4]);
    if (a !== null && b !== null) return ok(a, b, two[0]);
  }
  // One school year with a slash: «2025/2026», «2025/26».
  const one = new RegExp(`(?:^|[^\\d])${SY}(?!\\d)`).exec(s);
  if (one) {
    const a = schoolYear(one[1], one[2]);
    if (a !== null) return ok(a, a, one[0].replace(/^[^\d]/, ""));
  }
  // A dash between years: a school year when «учебн…»/«уч.» follows, else calendar years.
  const span = new RegExp(`(?:^|[^\\d])((\\d{4})\\s*${DASH}\\s*(\\d{4}))(?!\\d)\\s*(уч(?:ебн[а-яё]*|\\.)?)?`, "i").exec(s);
  if (span) {
    const a = Number(span[2]);
    const b = Number(span[3]);
    if (!valid(a) || !valid(b) || b <= a) return null;
    // «2025-2026 учебный год» is one school year; «2025–2026 гг.» the school years starting in 2025 … 2025.
    return ok(a, b - 1, span[0].replace(/^[^\d]/, ""));
  }
  return null;
}

/** The first of the texts (in order of preference) that names the program years. */
export function programYearsFrom(texts: readonly unknown[]): { years: ProgramYears; words: string } | null {
  for (const t of texts) {
    const y = yearsFromText(t);
    if (y) return y;
  }
  return null;
}
