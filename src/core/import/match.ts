/**
 * Which catalog indicator a table row is: by its item number and its wording together. The
 * wording is compared by stems weighted by how rare each stem is in the catalog (so «отличием»,
 * «профильный», «русскому» decide, «численность» does not). A number alone names an item only
 * when the wording does not contradict it; a wording alone names an item when it is clearly the
 * best. Program variants (1.9п, 1.19м, 1.33к …) are told from the official item by their wording.
 * Pure.
 */
import { CATALOG, childrenOf, getIndicator } from "../catalog";
import type { Indicator } from "../types";
import { stems } from "./text";

export type MatchedBy = "number" | "wording" | "number+wording" | "subRow";

export interface RowMatch {
  indicatorId: string;
  by: MatchedBy;
  /** Wording similarity 0…1 (cosine of rare-stem weights). */
  score: number;
  /** The number printed in the row names another item than the one recognised. */
  numberDiffers?: boolean;
}

/** Extra wordings people use for an item (the catalog's name and short name are always tried). */
const ALIASES: Record<string, string[]> = {
  quality_4_5: ["качество знаний", "успевающих на 4 и 5", "обучающихся на 4 и 5"],
  students_total: ["общая численность учащихся", "количество учащихся всего", "контингент учащихся"],
  students_assessed: ["численность учащихся подлежащих аттестации", "подлежащих промежуточной аттестации"],
  grads_9: ["численность выпускников 9 класса", "количество выпускников 9 классов"],
  grads_11: ["численность выпускников 11 класса", "количество выпускников 11 классов"],
  staff_ped: ["общая численность педагогических работников", "количество педагогов всего"],
  staff_ped_admin: ["общая численность педагогических и административно-хозяйственных работников"],
  ege_math_prof_avg: ["средний балл единого государственного экзамена по математике профильного уровня", "математика профиль"],
  ege_math_base_avg: ["средний балл единого государственного экзамена по математике базового уровня", "математика база"],
  extra_education: ["осваивающих программы дополнительного образования", "охваченных дополнительным образованием"],
  staff_exp_lt5: ["педагогический стаж работы до 5 лет"],
  staff_exp_gt30: ["педагогический стаж работы свыше 30 лет"],
  computers_per_student: ["количество компьютеров на одного учащегося"],
  events_done_share: ["процент выполнения мероприятий дорожной карты"],
};

/** Pseudo-parents of the 1324 list that are headings only (1.30 «стаж работы которых составляет:»). */
const HEADING_GROUPS: Record<string, string[]> = {
  "1.30": ["staff_exp_lt5", "staff_exp_gt30"],
};

/** Short tails of sub-items, as «в том числе» sub-rows print them. */
const SUB_TAILS: Record<string, string[]> = {
  staff_exp_lt5: ["до 5 лет"],
  staff_exp_gt30: ["свыше 30 лет"],
  students_primary: ["начального общего образования", "1-4 классы", "начальное"],
  students_basic: ["основного общего образования", "5-9 классы", "основное"],
  students_secondary: ["среднего общего образования", "10-11 классы", "среднее"],
};

type Vec = Map<string, number>;

const docs: { ind: Indicator; texts: string[][] }[] = CATALOG.map((ind) => ({
  ind,
  texts: [ind.name.ru, ind.short.ru, ...(ALIASES[ind.id] ?? [])].map(stems),
}));

const df = new Map<string, number>();
for (const d of docs) for (const s of new Set(d.texts.flat())) df.set(s, (df.get(s) ?? 0) + 1);
const N = docs.length;
const idf = (s: string): number => Math.log(1 + N / (df.get(s) ?? 0.5));

function vec(words: string[]): Vec {
  const v: Vec = new Map();
  for (const w of words) v.set(w, idf(w));
  return v;
}

function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const vectors = docs.map((d) => ({ ind: d.ind, vecs: d.texts.map(vec) }));

/** Wording similarity of a text to each candidate indicator, best first. */
export function rankByWording(text: string, among?: readonly string[]): { id: string; score: number }[] {
  const v = vec(stems(text));
  if (v.size === 0) return [];
  const pool = among ? vectors.filter((x) => among.includes(x.ind.id)) : vectors;
  return pool
    .map((x) => ({ id: x.ind.id, score: Math.max(...x.vecs.map((w) => cosine(v, w))) }))
    .sort((a, b) => b.score - a.score);
}

/** Items a printed number may mean: the item with that number and the program's variants of it. */
export function itemsNumbered(number: string): Indicator[] {
  if (!number) return [];
  const exact = CATALOG.filter((i) => i.number === number);
  const variants = CATALOG.filter((i) => i.adapts === number || (i.adapts && i.number.startsWith(number) && /[а-я]$/.test(i.number) && i.number.slice(0, -1) === number));
  const group = (HEADING_GROUPS[number] ?? []).map((id) => getIndicator(id)).filter((i): i is Indicator => !!i);
  return [...new Set([...exact, ...variants, ...group])];
}

/** Whether a number is only a heading of sub-items in the 1324 list («1.30»). */
export const isHeadingNumber = (number: string): boolean => number in HEADING_GROUPS;

/** The sub-items a parent row announces («в том числе:»): catalog children, or a heading group. */
export function subItemsOf(parent: string): string[] {
  if (HEADING_GROUPS[parent]) return HEADING_GROUPS[parent];
  return childrenOf(parent).map((c) => c.id);
}

const ACCEPT = 0.45;
const CONFIRM = 0.3;
const MARGIN = 0.06;
/** How much better the wording must fit another item to overrule the printed number. */
const WORDING_WINS = 0.05;

/**
 * Recognise a row from its printed number ("" when none) and wording. `parent`: the total whose
 * «в том числе» sub-rows may follow (its children are tried first by their short tails).
 */
export function recognizeRow(number: string, text: string, parent?: string): RowMatch | null {
  const wording = rankByWording(text);
  const best = wording[0];
  const numbered = itemsNumbered(number);

  if (parent && !numbered.length) {
    const subs = subItemsOf(parent);
    const tails = rankSubRow(text, subs);
    if (tails && tails.score >= 0.5) return { indicatorId: tails.id, by: "subRow", score: tails.score };
  }
  if (numbered.length) {
    const ids = numbered.map((i) => i.id);
    const inNumber = rankByWording(text, ids);
    const top = inNumber[0];
    // Only a number (or a text too short to judge): the official item of that number.
    if (!top || stems(text).length === 0) {
      const official = numbered.find((i) => i.number === number) ?? numbered[0];
      return { indicatorId: official.id, by: "number", score: 0 };
    }
    // The wording clearly names another item: programs renumber the list.
    if (best && best.score >= ACCEPT && !ids.includes(best.id) && best.score - top.score > WORDING_WINS) {
      return { indicatorId: best.id, by: "wording", score: best.score, numberDiffers: true };
    }
    if (top.score >= CONFIRM) return { indicatorId: top.id, by: "number+wording", score: top.score };
    if (parent) {
      const tails = rankSubRow(text, subItemsOf(parent));
      if (tails && tails.score >= 0.5) return { indicatorId: tails.id, by: "subRow", score: tails.score, numberDiffers: !ids.includes(tails.id) };
    }
    const official = numbered.find((i) => i.number === number) ?? numbered[0];
    return { indicatorId: official.id, by: "number", score: top.score };
  }
  if (!best || best.score < ACCEPT) return null;
  const second = wording[1];
  if (second && best.score - second.score < MARGIN) return null;
  return { indicatorId: best.id, by: "wording", score: best.score };
}

/** A short sub-row («высшая», «до 5 лет», «с медиатекой») against the sub-items' tails and names. */
function rankSubRow(text: string, ids: readonly string[]): { id: string; score: number } | null {
  const v = vec(stems(text));
  if (!v.size || !ids.length) return null;
  let best: { id: string; score: number } | null = null;
  let second = 0;
  for (const id of ids) {
    const ind = getIndicator(id);
    if (!ind) continue;
    const texts = [ind.name.ru, ind.short.ru, ...(SUB_TAILS[id] ?? [])];
    // A sub-row's words must be found in the item's own tail: coverage of the row's stems.
    const score = Math.max(...texts.map((t) => coverage(v, vec(stems(t)))));
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { id, score };
    } else if (score > second) second = score;
  }
  return best && best.score - second >= 0.15 ? best : null;
}

/** Share of the row's weight found in the item's text. */
function coverage(row: Vec, item: Vec): number {
  let hit = 0;
  let all = 0;
  for (const [k, x] of row) {
    all += x;
    if (item.has(k)) hit += x;
  }
  return all ? hit / all : 0;
}
