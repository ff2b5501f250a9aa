/**
 * A small Excel number-format renderer (range.text) and the parser of what a user types in a cell.
 * Supports General, "@", sections (positive;negative;zero;text), 0 # ? placeholders, decimals,
 * thousands separators, percent, quoted / escaped literals, [colour] tokens (ignored) and simple
 * date codes (d, dd, m, mm, yy, yyyy). Not supported: scientific notation, fractions, conditions.
 */

export type Locale = "en-US" | "ru-RU";
export type CellScalar = number | string | boolean;

interface Sep {
  decimal: string;
  group: string;
  bool: [string, string];
}

const SEPARATORS: Record<Locale, Sep> = {
  "en-US": { decimal: ".", group: ",", bool: ["TRUE", "FALSE"] },
  "ru-RU": { decimal: ",", group: "\u00a0", bool: ["ИСТИНА", "ЛОЖЬ"] },
};

/** Split a format code into sections on ";" outside quotes / escapes. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j;
      cur += code.slice(i, end + 1);
      i = end;
    } else if (ch === "\\") {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Tokens: literal text or format characters. */
function tokenize(section: string): { lit: boolean; s: string }[] {
  const out: { lit: boolean; s: string }[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      const end = j < 0 ? section.length : j;
      out.push({ lit: true, s: section.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      out.push({ lit: true, s: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const j = section.indexOf("]", i);
      i = j < 0 ? section.length : j;
    } else if (ch === "_") {
      out.push({ lit: true, s: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else out.push({ lit: false, s: ch });
  }
  return out;
}

function general(v: number, sep: Sep): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  let s: string;
  if (abs >= 1e11 || abs < 1e-9) s = v.toExponential(5).replace(/\.?0+e/, "E").replace("E+", "E+").replace(/E(-?)(\d)$/, "E$10$2");
  else s = String(Number(v.toPrecision(10)));
  return s.replace(".", sep.decimal);
}

function groupDigits(int: string, group: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

function renderNumber(v: number, tokens: { lit: boolean; s: string }[], sep: Sep): string {
  const codeChars = tokens.filter((t) => !t.lit).map((t) => t.s);
  const percent = codeChars.filter((c) => c === "%").length;
  let x = v * Math.pow(100, percent);
  const first = tokens.findIndex((t) => !t.lit && /[0#?]/.test(t.s));
  if (first < 0) return tokens.map((t) => t.s).join("");
  let last = first;
  for (let i = first; i < tokens.length; i++) if (!tokens[i].lit && /[0#?.,]/.test(tokens[i].s)) last = i;
  while (last > first && !/[0#?]/.test(tokens[last].s)) last--;
  const num = tokens.slice(first, last + 1).map((t) => (t.lit ? "" : t.s)).join("");
  const dot = num.indexOf(".");
  const intPart = dot < 0 ? num : num.slice(0, dot);
  const fracPart = dot < 0 ? "" : num.slice(dot + 1);
  const maxDec = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDec = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPart);
  x = Math.abs(x);
  const r = Number(`${Math.round(Number(`${x}e${maxDec}`))}e-${maxDec}`);
  let [i, f = ""] = (Number.isFinite(r) ? r : x).toFixed(maxDec).split(".");
  while (f.length > minDec && f.endsWith("0")) f = f.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouping) i = groupDigits(i, sep.group);
  const body = i + (f.length > 0 ? sep.decimal + f : "");
  const render = (ts: { lit: boolean; s: string }[]) => ts.map((t) => t.s).join("");
  return render(tokens.slice(0, first)) + body + render(tokens.slice(last + 1).filter((t) => t.lit || !/[0#?,.]/.test(t.s)));
}

const DATE_CODE = /[dmyhs]/i;

function renderDate(serial: number, tokens: { lit: boolean; s: string }[]): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const code = tokens.map((t) => (t.lit ? `\u0000${t.s}\u0000` : t.s)).join("");
  const parts = code.split("\u0000");
  return parts
    .map((p, idx) =>
      idx % 2 === 1
        ? p
        : p.replace(/yyyy|yy|dd|d|mm|m/gi, (tok) => {
            const t = tok.toLowerCase();
            if (t === "yyyy") return String(d.getUTCFullYear());
            if (t === "yy") return String(d.getUTCFullYear() % 100).padStart(2, "0");
            if (t === "dd") return String(d.getUTCDate()).padStart(2, "0");
            if (t === "d") return String(d.getUTCDate());
            if (t === "mm") return String(d.getUTCMonth() + 1).padStart(2, "0");
            return String(d.getUTCMonth() + 1);
          }),
    )
    .join("");
}

/** What Excel would display for `value` under number format `code` (range.text). */
export function formatValue(value: CellScalar | null, code: string, locale: Locale = "en-US"): string {
  const sep = SEPARATORS[locale];
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? sep.bool[0] : sep.bool[1];
  const secs = sections(code || "General");
  if (typeof value === "string") {
    if (value.startsWith("#")) return value;
    const textSec = secs.length >= 4 ? secs[3] : secs.find((s) => s.includes("@"));
    if (!textSec) return value;
    return tokenize(textSec)
      .map((t) => (t.lit ? t.s : t.s === "@" ? value : t.s))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let sec = secs[0];
  let v = value;
  if (value < 0 && secs.length >= 2 && secs[1] !== "") {
    sec = secs[1];
    v = -value;
  } else if (value === 0 && secs.length >= 3 && secs[2] !== "") sec = secs[2];
  const tokens = tokenize(sec);
  const plain = tokens.filter((t) => !t.lit).map((t) => t.s).join("");
  if (plain.trim() === "" && tokens.some((t) => t.lit)) return tokens.map((t) => t.s).join("");
  if (/^general$/i.test(plain.trim()) || plain.trim() === "" || plain.trim() === "@") {
    const lits = tokens.filter((t) => t.lit).map((t) => t.s).join("");
    return (v < 0 && sec === secs[0] ? "-" : "") + general(Math.abs(v), sep) + lits;
  }
  if (!/[0#?]/.test(plain) && DATE_CODE.test(plain)) return renderDate(v, tokens);
  const text = renderNumber(v, tokens, sep);
  const rounded = Number(Math.abs(v).toFixed(8));
  return v < 0 && sec === secs[0] && rounded !== 0 ? `-${text}` : text;
}

export type ParsedInput =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string };

/**
 * What a user typing `input` into a cell enters: a formula ("=…"), a number ("12,5", "12.5",
 * "1 234", "45%" → 0.45), a boolean, or text. A leading apostrophe forces text.
 */
export function parseInput(input: string): ParsedInput {
  const s = input.trim();
  if (s === "") return { kind: "empty" };
  if (s.startsWith("'")) return { kind: "text", value: input.slice(input.indexOf("'") + 1) };
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s };
  const upper = s.toUpperCase();
  if (upper === "TRUE" || upper === "ИСТИНА") return { kind: "boolean", value: true };
  if (upper === "FALSE" || upper === "ЛОЖЬ") return { kind: "boolean", value: false };
  const m = /^([+-]?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d*)(?:[.,](\d+))?\s*(%?)$/.exec(s);
  if (m && (m[2] !== "" || m[3] !== undefined)) {
    const n = Number(`${m[2].replace(/[ \u00a0]/g, "") || "0"}.${m[3] ?? "0"}`);
    const signed = m[1] === "-" ? -n : n;
    return { kind: "number", value: m[4] ? Number((signed / 100).toPrecision(15)) : signed };
  }
  return { kind: "text", value: input };
}
