/** The tokenizer of road-map deadlines (src/core/roadmap/deadlines.ts): words, dates, years, dashes. */

export type WordClass =
  | "month" | "ord" | "yw" | "school" | "cq" | "half" | "sq"
  | "from" | "to" | "by" | "endOf" | "skip" | "and" | "other";

export type Tok =
  | { t: "date"; d: number; m: number; y?: number }
  | { t: "sy"; y: number }
  | { t: "yrs"; a: number; b: number }
  | { t: "yr"; y: number }
  | { t: "num"; n: number }
  | { t: "w"; c: WordClass; n: number }
  | { t: "dash" | "sep" | "punct" | "bad" };

const MONTHS: [RegExp, number][] = [
  [/^(январ[а-я]*|янв)$/, 1], [/^(феврал[а-я]*|фев|февр)$/, 2], [/^(март[а-я]*|мар)$/, 3],
  [/^(апрел[а-я]*|апр)$/, 4], [/^ма[йяею]$/, 5], [/^июн[а-я]*$/, 6], [/^июл[а-я]*$/, 7],
  [/^(август[а-я]*|авг)$/, 8], [/^(сентябр[а-я]*|сен|сент)$/, 9], [/^(октябр[а-я]*|окт)$/, 10],
  [/^(ноябр[а-я]*|ноя|нояб)$/, 11], [/^(декабр[а-я]*|дек)$/, 12],
];

const ORDINALS: [RegExp, number][] = [
  [/^(i|перв(ый|ое|ая|ом|ого|ой))$/, 1], [/^(ii|втор(ой|ое|ая|ом|ого))$/, 2],
  [/^(iii|трет(ий|ье|ья|ьем|ьего|ьей))$/, 3], [/^(iv|четверт(ый|ом|ого|ой))$/, 4],
];

const WORDS: [RegExp, WordClass][] = [
  [/^(г|гг|год|года|году|годы|годов|годах|годам)$/, "yw"],
  [/^(уч|учебн[а-я]*)$/, "school"],
  [/^(квартал|квартала|квартале|кв)$/, "cq"],
  [/^(полугодие|полугодия|полугодии)$/, "half"],
  [/^(четверть|четверти|четв)$/, "sq"],
  [/^(с|со)$/, "from"], [/^по$/, "to"], [/^(до|к)$/, "by"], [/^конца$/, "endOf"],
  [/^(в|во|на|течение|теч|период|периоде|срок|сроки)$/, "skip"], [/^и$/, "and"],
];

function classify(w: string): Tok {
  for (const [re, n] of MONTHS) if (re.test(w)) return { t: "w", c: "month", n };
  for (const [re, n] of ORDINALS) if (re.test(w)) return { t: "w", c: "ord", n };
  for (const [re, c] of WORDS) if (re.test(w)) return { t: "w", c, n: 0 };
  return { t: "w", c: "other", n: 0 };
}

export const validYear = (y: number): boolean => y >= 1900 && y <= 2999;

/** Splits normalised text into tokens; a "bad" token marks something that can never be valid. */
export function tokenize(s: string): Tok[] {
  const school = /(^|[^а-я])уч(\.|ебн|\s|$)/.test(s);
  const out: Tok[] = [];
  const rules: [RegExp, (m: RegExpExecArray) => Tok | null][] = [
    [/\s+/y, () => null],
    [/(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/y, (m) => ({
      t: "date", d: Number(m[1]), m: Number(m[2]), y: m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]),
    })],
    [/(\d{1,2})\.(\d{1,2})(?!\d)(?!\.\d)/y, (m) => ({ t: "date", d: Number(m[1]), m: Number(m[2]) })],
    [/(\d{4}) ?([/-]) ?(\d{4}|\d{2})(?!\d)/y, (m) => {
      const a = Number(m[1]);
      const short = m[3].length === 2;
      const b = Number(m[3]);
      if (!validYear(a)) return { t: "bad" };
      if (short) return b === (a + 1) % 100 ? { t: "sy", y: a } : { t: "bad" };
      if (b === a + 1 && (school || m[2] === "/")) return { t: "sy", y: a };
      return m[2] === "-" && b > a && validYear(b) ? { t: "yrs", a, b } : { t: "bad" };
    }],
    [/(\d{4})(?!\d)/y, (m) => (validYear(Number(m[1])) ? { t: "yr", y: Number(m[1]) } : { t: "bad" })],
    [/(\d{1,2})(?:-?(?:й|е|ое|го|м|ом|я|ая)(?![а-я]))?(?!\d)/y, (m) => ({ t: "num", n: Number(m[1]) })],
    [/[а-яa-z]+\.?/y, (m) => classify(m[0].replace(/\.$/, ""))],
    [/-/y, () => ({ t: "dash" })],
    [/[;,]/y, () => ({ t: "sep" })],
    [/./y, () => ({ t: "punct" })],
  ];
  let i = 0;
  while (i < s.length) {
    for (const [re, make] of rules) {
      re.lastIndex = i;
      const m = re.exec(s);
      if (!m) continue;
      i = re.lastIndex;
      const tok = make(m);
      if (tok) out.push(tok);
      break;
    }
  }
  return out;
}
