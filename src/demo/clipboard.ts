/**
 * The demo grid's clipboard: tables as Word, Excel and web pages put them on the clipboard
 * (text/plain tab-separated rows, text/html tables) and the selection copied as Excel does (TSV of
 * the displayed text). Pure: the HTML parser is passed in (the browser's DOMParser).
 */
import type { Lang } from "../core/types";
import { parseInput } from "../sim/host/numfmt";
import { toInvariant } from "./formulaSyntax";

/** Tab-separated rows; cells in double quotes may hold tabs, line breaks and doubled quotes (Excel's form). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const s = text.replace(/\r\n?/g, "\n");
  while (i <= s.length) {
    let cell = "";
    if (s[i] === '"') {
      let j = i + 1;
      for (;;) {
        const k = s.indexOf('"', j);
        if (k < 0) {
          // No closing quote: the quote was literal text.
          let e = i;
          while (e < s.length && s[e] !== "\t" && s[e] !== "\n") e++;
          cell = s.slice(i, e);
          i = e;
          break;
        }
        if (s[k + 1] === '"') {
          cell += s.slice(j, k) + '"';
          j = k + 2;
          continue;
        }
        cell += s.slice(j, k);
        i = k + 1;
        // Text after the closing quote belongs to the cell, as Excel reads it.
        while (i < s.length && s[i] !== "\t" && s[i] !== "\n") cell += s[i++];
        break;
      }
    } else {
      let j = i;
      while (j < s.length && s[j] !== "\t" && s[j] !== "\n") j++;
      cell = s.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= s.length) {
      rows.push(row);
      break;
    }
    if (s[i] === "\n") {
      rows.push(row);
      row = [];
    }
    i++;
  }
  // The line break after the last row (Excel and Word end with one) is not a row.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === "") && rows[rows.length - 1].length <= 1) rows.pop();
  return pad(rows);
}

/** Rows of equal length (short rows padded with ""). */
function pad(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : r));
}

type ParseHtml = (html: string) => Document;

/** The cell text of an HTML cell: line breaks for <br> and paragraphs, spaces collapsed. */
function cellText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push((n.textContent ?? "").replace(/\s+/g, " "));
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName.toLowerCase();
      if (tag === "br") parts.push("\n");
      else if (tag === "style" || tag === "script") return;
      const block = tag === "p" || tag === "div" || tag === "li";
      if (block && parts.length > 0) parts.push("\n");
      n.childNodes.forEach(walk);
    }
  };
  el.childNodes.forEach(walk);
  return parts
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter((l, k, all) => l !== "" || (k > 0 && k < all.length - 1))
    .join("\n")
    .trim();
}

/**
 * The first table of an HTML fragment as rows of cell text; a cell spanning columns or rows fills
 * its first position and leaves the others empty (as Excel pastes merged cells). Null: no table.
 */
export function parseHtmlTable(html: string, parse: ParseHtml): string[][] | null {
  const doc = parse(html);
  const table = doc.querySelector("table");
  if (!table) return null;
  const rows: string[][] = [];
  const taken: boolean[][] = [];
  const trs = [...table.querySelectorAll("tr")].filter((tr) => tr.closest("table") === table);
  trs.forEach((tr, r) => {
    rows[r] = rows[r] ?? [];
    taken[r] = taken[r] ?? [];
    let c = 0;
    for (const cell of [...tr.children].filter((x) => /^t[dh]$/i.test(x.tagName))) {
      while (taken[r][c]) c++;
      const colSpan = Math.max(1, Math.min(100, Number(cell.getAttribute("colspan")) || 1));
      const rowSpan = Math.max(1, Math.min(1000, Number(cell.getAttribute("rowspan")) || 1));
      for (let i = 0; i < rowSpan; i++) {
        rows[r + i] = rows[r + i] ?? [];
        taken[r + i] = taken[r + i] ?? [];
        for (let j = 0; j < colSpan; j++) {
          taken[r + i][c + j] = true;
          rows[r + i][c + j] = i === 0 && j === 0 ? cellText(cell) : "";
        }
      }
      c += colSpan;
    }
  });
  const dense = rows.slice(0, Math.max(trs.length, 0)).map((row) => Array.from({ length: row.length }, (_, k) => row[k] ?? ""));
  return pad(dense);
}

/** The clipboard's table: the HTML table when there is one, else the text's tab-separated rows. */
export function clipboardTable(data: { html?: string; text?: string }, parse: ParseHtml): string[][] {
  const fromHtml = data.html ? parseHtmlTable(data.html, parse) : null;
  if (fromHtml && fromHtml.length > 0) return fromHtml;
  return data.text ? parseTsv(data.text) : [];
}

/** Rows as Excel copies them: tabs between cells, CRLF after each row, quotes around cells with tabs, breaks or quotes. */
export function toTsv(rows: string[][]): string {
  const quote = (s: string) => (/[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(quote).join("\t")).join("\r\n") + "\r\n";
}

/**
 * What a pasted text cell becomes, as Excel reads text pasted into a sheet: a formula (in the
 * workbook's syntax), a number in the workbook's format («42,5» in Russian; «1,234.5» in English),
 * a percentage («85 %» → 0.85), a boolean, or text. "" clears the cell.
 * A Russian workbook keeps «1.1» as text (Excel would read it as a date, which a road map's item
 * number is not: the demo keeps the text the user sees).
 */
export function pastedValue(text: string, lang: Lang): string | number | boolean {
  const s = text.trim();
  if (s === "") return "";
  if (s.startsWith("=")) return toInvariant(s, lang);
  if (lang === "ru" && /\d\.\d/.test(s)) return text;
  let typed = s;
  if (lang === "en") {
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*%?$/.test(s)) typed = s.replace(/,/g, "");
    else if (/\d,\d/.test(s)) return text;
  }
  const parsed = parseInput(typed);
  if (parsed.kind === "number" || parsed.kind === "boolean") return parsed.value;
  return parsed.kind === "text" ? parsed.value : text;
}
