import type { Lang, Text } from "../core/types";
import { en } from "./en";
import { ru, type Messages } from "./ru";

export type { Messages };

const catalogs: Record<Lang, Messages> = { ru, en };

/**
 * The UI language for an Office display language tag ("ru-RU", "en-US", …): Russian for "ru*",
 * English for any other known tag, Russian when the tag is missing (the add-in's audience).
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (typeof locale !== "string" || locale.trim() === "") return "ru";
  return locale.trim().toLowerCase().startsWith("ru") ? "ru" : "en";
}

/** All user strings in one language. */
export function messages(lang: Lang): Messages {
  return catalogs[lang] ?? ru;
}

/** One `Text` in the given language (falls back to Russian when the translation is empty). */
export function tr(text: Text, lang: Lang): string {
  return (lang === "en" ? text.en : text.ru) || text.ru;
}

/** Replace {name} placeholders with the given values (unknown placeholders stay as they are). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
