/**
 * Understanding what people type or what a cell holds: numbers with ru/en separators, shares
 * written three ways ("21%", "21", "0,21"), yes/no, "not applicable" (–, н/п) versus "not filled",
 * Excel error values. Public functions never throw: bad input becomes an error Value with a
 * ru/en message naming the problem.
 *
 * Conventions:
 * - For a countShare unit the cell value is the count; the share side is parsed with the "share"
 *   unit (`parseShare`), the combined "42/21%" report cell with `parseReported`.
 * - A share above 1 without "%" is a percentage (21 → 0.21, 1.5 → 0.015); above 100 % is an error.
 *   Not so for the number of a cell formatted as percent (`percentCell`, our share input cells):
 *   Excel stores the fraction it shows (typed 150 or «150 %» → 1.5, shown 150 %; a pasted 21 → shown
 *   2 100 %), so the number is the share as the user sees it and above 1 it is an error.
 * - «–», «-», «н/п», «n/a», «х», «не применимо» → na (cannot apply). «нет данных», «н/д», «?» → empty
 *   (not filled yet): missing data is something to chase, not an answer.
 */
import type { Lang, Observation, Text, Unit, Value } from "./types";

const na = (): { kind: "na" } => ({ kind: "na" });
const empty = (): { kind: "empty" } => ({ kind: "empty" });
const num = (value: number): { kind: "number"; value: number } => ({ kind: "number", value });
const err = (ru: string, en: string): { kind: "error"; message: Text } => ({ kind: "error", message: { ru, en } });

const NA_WORDS = new Set(["–", "—", "-", "−", "‒", "н/п", "нп", "n/a", "na", "х", "x", "не применимо", "неприменимо", "not applicable"]);
const EMPTY_WORDS = new Set(["нет данных", "н/д", "нд", "no data", "?", "…", "..."]);
const YES = new Set(["да", "yes", "y", "true", "истина", "1", "+", "есть", "имеется", "д"]);
const NO = new Set(["нет", "no", "n", "false", "ложь", "0", "отсутствует", "не имеется", "н"]);
const EXCEL_ERROR = /^#(?:N\/A|DIV\/0!|Н\/Д|ДЕЛ\/0!?|[A-ZА-ЯЁ_]+[!?])$/i;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const UNIT_SUFFIX = /\s*(?:чел(?:\.|овека?)?|ед\.?|шт\.?|балл(?:а|ов)?\.?|кв\.?\s*м\.?|м2|м²)$/i;

function show(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

interface Parsed {
  value: number;
  percent: boolean;
  /** The number of a percent-formatted cell: the share itself. */
  fraction?: boolean;
}

/** Parses a numeric text: spaces as thousands separators, comma or dot decimals, a trailing "%". */
function parseNumberText(s: string): Parsed | null {
  let t = s.replace(UNIT_SUFFIX, "").trim();
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(/^−/, "-");
  if (!/^[+-]?[\d\s.,]+$/.test(t) || !/\d/.test(t)) return null;
  // Spaces are only thousands separators between digit groups.
  if (/\s/.test(t) && !/^[+-]?\d{1,3}(\s\d{3})+([.,]\d+)?$/.test(t)) return null;
  t = t.replace(/\s/g, "");
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  if (commas && dots) {
    // The last separator is the decimal one: "1,234.5" or "1.234,5".
    const dec = t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
    const thou = dec === "," ? "." : ",";
    if ((dec === "," ? commas : dots) > 1) return null;
    t = t.split(thou).join("").replace(dec, ".");
  } else if (commas > 1 || dots > 1) {
    const sep = commas > 1 ? "," : ".";
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${sep}\\d{3})+$`).test(t)) return null;
    t = t.split(sep).join("");
  } else {
    t = t.replace(",", ".");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? { value, percent } : null;
}

function checkUnit(p: Parsed, unit: Unit | undefined): Value {
  const v = p.value;
  if (!unit) return num(p.percent ? v / 100 : v);
  switch (unit.kind) {
    case "share": {
      const share = p.fraction ? v : p.percent || v > 1 ? v / 100 : v;
      if (share < 0) return err("Доля не может быть отрицательной", "A share cannot be negative");
      if (share > 1) return err("Доля больше 100 %", "A share above 100%");
      return num(share);
    }
    case "count":
    case "countShare":
      if (p.percent) return err("Ожидается численность (человек), а не процент", "A count of people is expected, not a percentage");
      if (v < 0) return err("Численность не может быть отрицательной", "A count cannot be negative");
      if (!Number.isInteger(v)) return err("Численность должна быть целым числом", "A count must be a whole number");
      return num(v);
    case "average":
      if (p.percent) return err("Ожидается средний балл, а не процент", "An average score is expected, not a percentage");
      if (v < unit.min || v > unit.max) {
        return err(`Средний балл вне шкалы ${unit.min}–${unit.max}`, `The average is outside the ${unit.min}-${unit.max} scale`);
      }
      return num(v);
    case "ratio":
      if (p.percent) return err("Ожидается количество на одного учащегося, а не процент", "An amount per student is expected, not a percentage");
      if (v < 0) return err("Значение не может быть отрицательным", "The value cannot be negative");
      return num(v);
    case "yesNo":
      if (!p.percent && (v === 0 || v === 1)) return num(v);
      return err("Ожидается «да» или «нет»", "Yes or no is expected");
  }
}

function parseString(raw: string, unit: Unit | undefined): Value {
  const s = raw.replace(/[\u00a0\u2007\u202f\u2009]/g, " ").trim();
  if (s === "") return empty();
  const low = s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  if (EXCEL_ERROR.test(s)) return err(`В ячейке ошибка Excel ${s}`, `The cell holds the Excel error ${s}`);
  if (NA_WORDS.has(low)) return na();
  if (EMPTY_WORDS.has(low)) return empty();
  if (unit?.kind === "yesNo") {
    if (YES.has(low)) return num(1);
    if (NO.has(low)) return num(0);
  }
  if (DATE_LIKE.test(s) && (s.match(/[./-]/g) ?? []).length === 2) {
    return err(`Дата «${show(s)}» вместо числа`, `A date "${show(s)}" instead of a number`);
  }
  const p = parseNumberText(s);
  if (!p) {
    return unit?.kind === "yesNo"
      ? err(`«${show(s)}»: ожидается «да» или «нет»`, `"${show(s)}": yes or no is expected`)
      : err(`«${show(s)}» — не число`, `"${show(s)}" is not a number`);
  }
  return checkUnit(p, unit);
}

/**
 * What a typed text or a cell value means for the unit (no unit: any finite number). `percentCell`:
 * the value is a number read from a cell formatted as percent (see the file comment). Never throws.
 */
export function parseValue(input: unknown, unit?: Unit, o?: { percentCell?: boolean }): Value {
  try {
    if (input === null || input === undefined) return empty();
    if (typeof input === "number") {
      if (!Number.isFinite(input)) return err("Недопустимое число (NaN или бесконечность)", "Not a valid number (NaN or infinity)");
      return checkUnit({ value: input, percent: false, fraction: o?.percentCell === true }, unit);
    }
    if (typeof input === "boolean") {
      if (!unit || unit.kind === "yesNo") return num(input ? 1 : 0);
      return err("Ожидается число, а не «да/нет»", "A number is expected, not yes/no");
    }
    if (typeof input === "string") return parseString(input, unit);
    if (input instanceof Date) return err("Дата вместо числа", "A date instead of a number");
    return err("Неподдерживаемое значение", "Unsupported value");
  } catch {
    return err("Неподдерживаемое значение", "Unsupported value");
  }
}

/** The share side of a Ч/УВ cell: "21%", "21", "0,21" → 0.21. */
export function parseShare(input: unknown): Value {
  return parseValue(input, { kind: "share" });
}

const REPORTED = /^(.+?)\s*(?:\/|\(|;)\s*([^/();]+?)\s*\)?$/;

/**
 * A report cell as printed: for countShare "42/21%", "42 (21%)", "42 / 21 %" → count 42 and printed
 * share 0.21; a plain number is the count; a lone percentage ("21%") is a printed share without a
 * count. Other units: the value itself. Never throws.
 */
export function parseReported(input: unknown, unit: Unit): Observation {
  if (unit.kind !== "countShare" || typeof input !== "string") return { value: parseValue(input, unit) };
  const s = input.replace(/[\u00a0\u2007\u202f\u2009]/g, " ").trim();
  const m = REPORTED.exec(s);
  if (m && !EXCEL_ERROR.test(s) && !NA_WORDS.has(s.toLowerCase()) && !EMPTY_WORDS.has(s.toLowerCase())) {
    return { value: parseValue(m[1], unit), printedShare: parseShare(m[2]) };
  }
  if (/%\s*$/.test(s)) return { value: empty(), printedShare: parseShare(s) };
  return { value: parseValue(input, unit) };
}

/**
 * Flags a share under 1 % typed with a decimal separator ("0,005"): people often mean 0,5 % or 5 %.
 * Returns a warning text, or null when the input is unambiguous.
 */
export function shareAmbiguity(raw: string): Text | null {
  if (typeof raw !== "string") return null;
  const s = raw.trim();
  if (s.includes("%") || !/[.,]/.test(s)) return null;
  const p = parseNumberText(s);
  if (!p || p.value <= 0 || p.value >= 0.01) return null;
  const pctRu = formatNumber(p.value * 100, 3, "ru");
  const pctEn = formatNumber(p.value * 100, 3, "en");
  return {
    ru: `«${show(s)}» читается как ${pctRu} %. Если имелось в виду другое, введите долю со знаком % (например, 5 %).`,
    en: `"${show(s)}" reads as ${pctEn}%. If you meant something else, type the share with a % sign (e.g. 5%).`,
  };
}

/** Fixed-point text without trailing zeros beyond `minDigits`, ru comma or en dot; ru groups thousands. */
function formatNumber(v: number, maxDigits: number, lang: Lang, minDigits = 0): string {
  let t = v.toFixed(maxDigits);
  if (t.includes(".")) {
    t = t.replace(/0+$/, "");
    const frac = t.split(".")[1] ?? "";
    if (frac.length < minDigits) t += "0".repeat(minDigits - frac.length);
    t = t.replace(/\.$/, "");
  }
  if (/^-0(\.0*)?$/.test(t)) t = t.slice(1);
  const [int, frac] = t.split(".");
  const grouped = lang === "ru" ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  const dec = lang === "ru" ? "," : ".";
  return frac ? `${grouped}${dec}${frac}` : grouped;
}

/**
 * A value as people read it: shares "21,0 %" (ru) / "21.0%" (en), counts "1 234" (ru groups
 * thousands with a no-break space; en does not group), averages and ratios up to 2 decimals,
 * yes/no «да»/«нет», na «–», empty "", an error its message. For a countShare unit the value is the
 * count.
 */
export function formatValue(v: Value, unit: Unit, lang: Lang): string {
  switch (v.kind) {
    case "empty": return "";
    case "na": return "–";
    case "error": return v.message[lang];
    case "number": break;
  }
  const x = v.value;
  switch (unit.kind) {
    case "share": {
      const t = formatNumber(x * 100, 1, lang, 1);
      return lang === "ru" ? `${t} %` : `${t}%`;
    }
    case "count":
    case "countShare":
      return formatNumber(x, 0, lang);
    case "average":
    case "ratio":
      return formatNumber(x, 2, lang);
    case "yesNo":
      if (x === 1) return lang === "ru" ? "да" : "yes";
      if (x === 0) return lang === "ru" ? "нет" : "no";
      return formatNumber(x, 2, lang);
  }
}
