/**
 * An EDU.* formula built from the arguments a user picked or typed («Вставить функцию»): each
 * argument read as a cell reference, a number or a text (an indicator id), then written either in
 * the invariant form Excel's API takes (English name, `,`, decimal point — what the add-in writes)
 * or in the Russian display form (Russian name, `;`, decimal comma — what the user sees in a
 * Russian Excel). Pure: src/excel writes the invariant formula, the pane shows the Russian one.
 */
import type { Text } from "./types";

export type FormulaArg =
  | { kind: "empty" }
  /** A cell or range; `sheet` null: the sheet the formula goes to. */
  | { kind: "ref"; sheet: string | null; address: string }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string };

export interface SignatureLike {
  name: { en: string; ru: string };
  params: { name: string; optional: boolean; range: boolean }[];
}

export const EDU_NAMESPACE = "EDU";

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}`;
const ADDRESS = new RegExp(`^(${CELL})(?::(${CELL}))?$`);
const QUOTED_SHEET = /^'((?:[^']|'')+)'!(.+)$/;
const PLAIN_SHEET = /^([^\s!'"[\]:*?/\\]+)!(.+)$/;
const NUMBER = /^([-−]?)(\d+(?:[.,]\d+)?|[.,]\d+)(\s?%)?$/;
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Read what the user typed or picked for one argument; null when it is none of the accepted forms. */
export function parseArg(input: string): FormulaArg | null {
  const t = input.trim();
  if (t === "") return { kind: "empty" };
  const quoted = QUOTED_SHEET.exec(t);
  const plain = quoted ? null : PLAIN_SHEET.exec(t);
  const [sheet, rest] = quoted ? [quoted[1].replace(/''/g, "'"), quoted[2]] : plain ? [plain[1], plain[2]] : [null, t];
  if (ADDRESS.test(rest)) return { kind: "ref", sheet, address: rest.toUpperCase() };
  if (sheet !== null) return null;
  const n = NUMBER.exec(t);
  if (n) {
    const value = Number(n[2].replace(",", ".")) * (n[1] ? -1 : 1) / (n[3] ? 100 : 1);
    return Number.isFinite(value) ? { kind: "number", value: Math.round(value * 1e12) / 1e12 } : null;
  }
  if (/^".*"$/.test(t) && t.length >= 2) {
    const inner = t.slice(1, -1);
    return inner.includes('"') ? null : { kind: "text", value: inner };
  }
  if (IDENTIFIER.test(t)) return { kind: "text", value: t };
  return null;
}

/** A sheet name as a formula refers to it: quoted unless plain ASCII letters, digits and "_". */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export type FormulaStyle = "invariant" | "ru";

function argText(a: FormulaArg, style: FormulaStyle, hostSheet: string | null): string {
  switch (a.kind) {
    case "empty":
      return "";
    case "ref":
      return a.sheet !== null && a.sheet !== hostSheet ? `${sheetRef(a.sheet)}!${a.address}` : a.address;
    case "number": {
      const s = String(a.value);
      return style === "ru" ? s.replace(".", ",") : s;
    }
    case "text":
      return `"${a.value}"`;
  }
}

export interface ArgProblem {
  index: number;
  message: Text;
}

const PROBLEMS = {
  unreadable: {
    ru: "«{input}»: укажите ячейку (например, E5 или нажмите «Взять из выделения»), число или код показателя в кавычках.",
    en: "\"{input}\": give a cell (e.g. E5, or press \"Take from selection\"), a number or an indicator id in quotes.",
  },
  required: { ru: "Обязательный аргумент: заполните его.", en: "A required argument: fill it in." },
  range: { ru: "Здесь нужен диапазон ячеек (например, E5:L5): выделите его и нажмите «Взять из выделения».", en: "A range of cells is needed here (e.g. E5:L5): select it and press \"Take from selection\"." },
} satisfies Record<string, Text>;

const fill = (t: Text, input: string): Text => ({ ru: t.ru.replace("{input}", input), en: t.en.replace("{input}", input) });

/** The arguments read and checked against the function's parameters. */
export function readArgs(sig: SignatureLike, inputs: readonly string[]): { args: FormulaArg[]; problems: ArgProblem[] } {
  const problems: ArgProblem[] = [];
  const args = sig.params.map((p, index) => {
    const input = inputs[index] ?? "";
    const a = parseArg(input);
    if (a === null) problems.push({ index, message: fill(PROBLEMS.unreadable, input.trim()) });
    else if (a.kind === "empty" && !p.optional) problems.push({ index, message: PROBLEMS.required });
    else if (p.range && a.kind !== "ref" && a.kind !== "empty") problems.push({ index, message: PROBLEMS.range });
    return a ?? { kind: "empty" as const };
  });
  return { args, problems };
}

/**
 * The formula: `=EDU.NAME(a,b)` (invariant) or `=EDU.ИМЯ(a;b)` (Russian display). Empty optional
 * arguments at the end are left out; one in the middle stays empty (`…;;2`). A reference on
 * `hostSheet` (the sheet of the cell the formula goes to) is written without its sheet.
 */
export function eduFormula(sig: SignatureLike, args: readonly FormulaArg[], style: FormulaStyle, hostSheet: string | null = null): string {
  const texts = args.map((a) => argText(a, style, hostSheet));
  while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
  const name = style === "ru" ? sig.name.ru : sig.name.en;
  return `=${EDU_NAMESPACE}.${name}(${texts.join(style === "ru" ? ";" : ",")})`;
}
