/**
 * The task pane's only reads of Office.context: the display language and the Office theme. Safe
 * outside Office (returns undefined when the host does not tell).
 */

/** Office's display language tag ("ru-RU"), or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const lang = office?.context?.displayLanguage;
    return typeof lang === "string" && lang !== "" ? lang : undefined;
  } catch {
    return undefined;
  }
}

/** Relative luminance of "#RRGGBB" (0 black … 1 white), or undefined for anything else. */
export function luminance(color: unknown): number | undefined {
  if (typeof color !== "string") return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** "dark" when Office's theme has a dark body background, "light" when light, undefined when unknown. */
export function officeThemeKind(): "light" | "dark" | undefined {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const theme = office?.context?.officeTheme;
    const l = luminance(theme?.bodyBackgroundColor);
    return l === undefined ? undefined : l < 0.2 ? "dark" : "light";
  } catch {
    return undefined;
  }
}
