/**
 * Indicators a target can be set on, by the name a user picks from the «Показатель» drop-down of
 * «Цели программы», and the way back from a name (or an internal code on older sheets) to the id.
 */
import { CATALOG, getIndicator } from "../catalog";
import type { Indicator, Lang } from "../types";

/**
 * Every indicator a target may name, in catalog order: not the base figures (denominators are
 * never judged) and not the pupil context (neutral, never a «Риски» line).
 */
export const TARGET_CHOICES: readonly Indicator[] = Object.freeze(CATALOG.filter((i) => i.section !== "base" && i.section !== "context"));

/** The name shown for an indicator in the targets' drop-down and name column (unique per language). */
export function targetLabel(ind: Indicator, lang: Lang): string {
  return ind.short[lang];
}

const norm = (s: string): string => s.trim().replace(/\s+/g, " ").replace(/ё/g, "е").replace(/Ё/g, "Е").toLowerCase();

let byName: Map<string, string> | null = null;

/** The indicator id a cell names: its id, its short or full name in either language; null otherwise. */
export function indicatorIdOf(cell: unknown): string | null {
  if (typeof cell !== "string" || !cell.trim()) return null;
  const text = cell.trim();
  if (getIndicator(text)) return text;
  if (!byName) {
    byName = new Map();
    for (const i of CATALOG) for (const t of [i.short.ru, i.short.en, i.name.ru, i.name.en]) if (!byName.has(norm(t))) byName.set(norm(t), i.id);
  }
  return byName.get(norm(text)) ?? null;
}
