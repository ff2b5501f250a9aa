/**
 * Technical strings a user must never see on our sheets (issue 18 item 3): sheet markers, internal
 * ids (snake_case codes such as `gia9_rus_avg`), period keys («2023/24-Q1»), road-map keys
 * («1.1|bd47df7b|2023-09-30», «years:2023-2024», «#group»), and English words in a Russian workbook.
 */

export interface Found {
  sheet: string;
  address: string;
  text: string;
  kind: string;
}

const PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: "marker", re: /shnor-monitor:/i },
  { kind: "id", re: /(^|[^\p{L}\d])[a-z][a-z0-9]*(_[a-z0-9]+)+($|[^\p{L}\d])/u },
  { kind: "period key", re: /\b\d{4}\/\d{2}-(Q[1-4]|H[12]|Y|E)\b/ },
  { kind: "road-map key", re: /\|[0-9a-f]{8}\||^years:\d{4}-\d{4}$|^#(group|orphans)$/ },
];

/** Latin words a Russian sheet may show: our function prefix and the names of Microsoft programs. */
const LATIN_ALLOWED = new Set(["EDU", "Word", "Excel"]);

/** What is technical in a shown text (several kinds at once are all listed). */
export function technicalKinds(text: string, lang: "ru" | "en"): string[] {
  const kinds = PATTERNS.filter((p) => p.re.test(text)).map((p) => p.kind);
  if (lang === "ru") {
    // Roman numerals (quarters «III четверть») are not English.
    const latin = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w) && !/^[IVX]+$/.test(w));
    if (latin.length) kinds.push(`English (${latin.join(", ")})`);
  }
  return kinds;
}
