/**
 * Text of pasted tables made comparable: Word's hyphenation («обу-чающихся», soft hyphens, a
 * line break inside a word) undone, case and «ё» folded, the order's abbreviations (ГИА, ЕГЭ, ОВЗ,
 * ФГОС …) spelled out, «обучающихся» read as «учащихся», words cut to stems. Pure.
 */

const SPACES = /[\u00a0\u2007\u202f\u2009\t\r\n]+/g;

/** A cell as one line of text: soft hyphens gone, Word's broken words rejoined, spaces collapsed. */
export function cleanText(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  let s = typeof raw === "string" ? raw : String(raw);
  s = s.replace(/\u00ad/g, "");
  // A word broken at a line end: «обу-\nчающихся», «обу- чающихся».
  s = s.replace(/([а-яёa-z])[-‐]\s*[\r\n]+\s*([а-яёa-z])/gi, "$1$2");
  s = s.replace(SPACES, " ").trim();
  return s;
}

/** Abbreviations of the self-examination tables, spelled as the order writes them. */
const EXPANSIONS: [string, string][] = [
  ["огэ", "государственной итоговой аттестации 9 класса"],
  ["гиа", "государственной итоговой аттестации"],
  ["егэ", "единого государственного экзамена"],
  ["овз", "ограниченными возможностями здоровья"],
  ["фгос", "федеральных государственных образовательных стандартов"],
  ["всош", "всероссийской олимпиады школьников"],
  ["пдн", "подразделении по делам несовершеннолетних"],
  ["кдн", "комиссии по делам несовершеннолетних"],
  ["кднизп", "комиссии по делам несовершеннолетних"],
  ["пед", "педагогических"],
  ["уд", "удельный"],
  ["обуч", "учащихся"],
];

/** Whole words only (no lookbehind: the pane must parse on older Safari). */
const word = (w: string): RegExp => new RegExp(`(^|[^а-яa-z0-9])${w}\\.?(?=[^а-яa-z0-9]|$)`, "g");
const EXPAND: [RegExp, string][] = EXPANSIONS.map(([w, to]) => [word(w), to]);

/** Words that carry no meaning for telling indicators apart («не» is kept: «не получивших»). */
const STOP = new Set(["в", "и", "на", "по", "с", "со", "от", "из", "к", "о", "об", "для", "а", "том", "числе", "т", "ч", "за", "их", "или", "которых", "которым", "человек", "чел", "%"]);

/** Lower case, «ё» → «е», abbreviations spelled out, «обучающ-» → «учащ-». */
export function normalizeText(raw: unknown): string {
  let s = cleanText(raw).toLowerCase().replace(/ё/g, "е");
  s = s.replace(/[«»"“”„']/g, " ");
  // Hyphens inside words left by Word («обу-чающихся») — not between digits («8–11»).
  s = s.replace(/([а-я])[-‐]\s?([а-я])/g, "$1$2");
  s = s.replace(/(^|[^а-яa-z0-9])обучающ/g, "$1учащ");
  for (const [re, to] of EXPAND) s = s.replace(re, (_m, pre: string) => `${pre}${to}`);
  return s.replace(/\s+/g, " ").trim();
}

/** Stem of a Russian word: its first 6 letters (enough to tell the catalog's words apart). */
const stem = (w: string): string => (w.length > 6 ? w.slice(0, 6) : w);

/** Stems of the words of a text (digits kept as words: «5 лет», «3 года», «20 мест»). */
export function stems(text: string): string[] {
  const words = normalizeText(text).split(/[^а-яa-z0-9]+/).filter((w) => w && !STOP.has(w));
  return words.map(stem);
}

/**
 * An item number at the start of a cell: «1.6», «1.6.», «1.6.1», «1.9п», «М1.1», «К.3», «5.1)».
 * Returns the number in the catalog's form and the rest of the text.
 */
const MONTHS = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS_EN = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** «01.окт» / "1-Oct": an item number («1.10») Excel turned into a date when it was pasted. */
function fromDate(s: string): string | null {
  const ru = /^(\d{1,2})[.\s-]([а-я]{3,})\.?$/i.exec(s);
  const en = /^(\d{1,2})[-\s]([a-z]{3})$/i.exec(s) ?? /^([a-z]{3})[-\s](\d{1,2})$/i.exec(s);
  if (ru) {
    const m = MONTHS.findIndex((x) => ru[2].toLowerCase().startsWith(x));
    return m >= 0 ? `${Number(ru[1])}.${m + 1}` : null;
  }
  if (en) {
    const [d, mon] = /^\d/.test(en[1]) ? [en[1], en[2]] : [en[2], en[1]];
    const m = MONTHS_EN.indexOf(mon.toLowerCase());
    return m >= 0 ? `${Number(d)}.${m + 1}` : null;
  }
  return null;
}

export function leadingNumber(raw: unknown): { number: string; rest: string } | null {
  const s = cleanText(raw);
  const date = fromDate(s);
  if (date) return { number: date, rest: "" };
  const m = /^(?:п\.\s*)?((?:[МмКк]\.?\s?)?\d{1,2}(?:\s?[.,]\s?\d{1,2}){0,3})([пбмкПБМК])?(?![\d])\.?\)?(?:\s+|$)/.exec(s);
  if (!m) return null;
  let head = m[1].replace(/\s/g, "").replace(/,/g, ".");
  // «М1.1» and «К.1» keep the catalog's spelling: Cyrillic capital, «К.» with a dot.
  head = head.replace(/^[мМ]\.?/, "М").replace(/^[кК]\.?/, "К.");
  const letter = (m[2] ?? "").toLowerCase();
  return { number: head + letter, rest: s.slice(m[0].length).trim() };
}

/** Whether a cell is only an item number. */
export function isNumberCell(raw: unknown): boolean {
  const n = leadingNumber(raw);
  return n !== null && n.rest === "";
}

/** Whether the text has letters (a wording, not a figure). */
export const hasLetters = (s: string): boolean => /[а-яёa-z]{2}/i.test(s);
