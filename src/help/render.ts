/**
 * The user guide (help.html) as one static page, from the catalog, the functions' metadata and the
 * guide's text. Pure: src/cli/guide.ts reads the inputs and writes the file; a test checks the
 * committed file is what this renders. The page is well-formed XML (self-closed void elements,
 * only XML's own entities), loads nothing but its stylesheet and screenshots, and has no script.
 */
import { CATALOG, SECTIONS, getIndicator, unitLabel } from "../core/catalog";
import type { Indicator } from "../core/types";
import { IMPLEMENTATIONS, ArgError, type FunctionId } from "../functions/impl";
import { ru as T, type Journey } from "../i18n/guide";
import { functionAnchor, indicatorAnchor, journeyAnchor } from "./anchors";
import { EXAMPLES, type FunctionExample } from "./examples";

/** A function as custom-functions-metadata describes it (English, from the JSDoc of functions.ts). */
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
}

export interface RussianNames {
  [id: string]: { name: string; description: string; parameters: Record<string, string> };
}

export interface GuideInput {
  functions: FunctionMeta[];
  namesRu: RussianNames;
}

export const NAMESPACE = "EDU";

/** The report's sheets, the denominators («Базовые показатели») first. */
const GUIDE_SECTIONS = [...SECTIONS.filter((s) => s.id === "base"), ...SECTIONS.filter((s) => s.id !== "base")];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fill = (s: string, vars: Record<string, string>): string => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

/** A number as Russian Excel shows it: decimal comma, minus sign, at most 3 decimals. */
export function formatNumber(n: number, lang: "ru" | "en" = "ru"): string {
  const text = String(Math.round(n * 1000) / 1000);
  return lang === "ru" ? text.replace(".", ",").replace("-", "−") : text;
}

function argText(a: unknown, lang: "ru" | "en"): string {
  if (a === undefined) return "";
  if (typeof a === "number") return lang === "ru" ? formatNumber(a, "ru").replace("−", "-") : String(a);
  return `"${String(a)}"`;
}

/** The formula of an example: Russian (`;`, decimal comma) or English (`,`, point). */
export function exampleFormula(name: string, e: FunctionExample, lang: "ru" | "en"): string {
  const args = e.args.map((a, i) => e.written?.[i] ?? argText(a, lang));
  return `=${NAMESPACE}.${name}(${args.join(lang === "ru" ? ";" : ",")})`;
}

/** The result of an example computed by the function itself. */
export function exampleResult(id: FunctionId, e: FunctionExample): string {
  const out = (IMPLEMENTATIONS[id] as (...a: unknown[]) => unknown)(...e.args);
  if (out instanceof ArgError) throw new Error(`example of ${id} gives an error: ${out.error.message.en}`);
  if (out === "") return T.functions.empty;
  if (typeof out !== "number") throw new Error(`example of ${id} gives ${String(out)}`);
  return formatNumber(out);
}

function journeySection(j: Journey): string {
  const steps = j.steps.map((s) => `<li>${esc(s)}</li>`).join("\n");
  const figures = j.images
    .map((i) => `<figure><img src="assets/screenshots/${esc(i.file)}" alt="${esc(i.alt)}" loading="lazy" /><figcaption>${esc(i.caption)}</figcaption></figure>`)
    .join("\n");
  return [
    `<section id="${journeyAnchor(j.id)}">`,
    `<h3>${esc(j.title)}</h3>`,
    `<p>${esc(j.intro)}</p>`,
    `<ol class="steps">\n${steps}\n</ol>`,
    figures,
    j.after ? `<p>${esc(j.after)}</p>` : "",
    `</section>`,
  ].filter(Boolean).join("\n");
}

const link = (id: string): string => {
  const ind = getIndicator(id);
  return `<a href="#${indicatorAnchor(id)}">«${esc(ind ? ind.short.ru : id)}»</a>`;
};

/** How an indicator is counted, as HTML (links to its denominators). */
export function howCounted(ind: Indicator): string {
  const I = T.indicators;
  const parts: string[] = [];
  const u = ind.unit;
  switch (u.kind) {
    case "countShare": {
      const staff = u.denominator.some((d) => d.startsWith("staff"));
      parts.push(fill(esc(I.countShare), { what: esc(staff ? I.what.staff : I.what.pupils), den: u.denominator.map(link).join(" + ") }));
      const other = (u.choices ?? []).filter((c) => !u.denominator.includes(c));
      if (other.length) parts.push(fill(esc(I.countShareChoice), { choices: [...u.denominator, ...other].map(link).join(" или ") }));
      break;
    }
    case "count":
      parts.push(esc(I.count));
      break;
    case "average":
      parts.push(esc(fill(I.average, { min: String(u.min), max: String(u.max), example: u.max <= 5 ? "3,8" : "62,5" })));
      break;
    case "ratio":
      parts.push(esc(u.measure === "sqm" ? I.sqm : I.ratio));
      break;
    case "yesNo":
      parts.push(esc(I.yesNo));
      break;
    case "share":
      parts.push(esc(I.share));
      break;
  }
  if (ind.parent) parts.push(fill(esc(I.partOf), { parent: link(ind.parent) }));
  if (ind.levels) parts.push(esc(`${ind.levels.map((l) => I.levels[l]).join(", ")}.`).replace(/^./, (c) => c.toUpperCase()));
  parts.push(`${esc(T.indicators.columns.when)}: ${esc(ind.periodicity.map((p) => I.periodicity[p]).join(", "))}.`);
  const note = I.notes[ind.id];
  if (note) parts.push(esc(note));
  return parts.join(" ");
}

function indicatorsSection(): string {
  const I = T.indicators;
  const C = I.columns;
  const cells = I.cells.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("\n");
  const tables = GUIDE_SECTIONS.map((s) => {
    const rows = CATALOG.filter((i) => i.section === s.id)
      .map((i) => {
        const name = esc(i.name.ru);
        const better = I.polarity[String(i.polarity) as "1" | "-1" | "0"];
        return `<tr id="${indicatorAnchor(i.id)}"><td>${esc(i.number)}</td><td>${i.parent ? "в т. ч. " : ""}${name}<br /><span class="short">${esc(i.short.ru)}</span></td><td>${esc(unitLabel(i.unit, "ru"))}</td><td>${howCounted(i)}</td><td>${esc(better)}</td></tr>`;
      })
      .join("\n");
    return [
      `<h3 id="s-${s.id}">${esc(I.sectionOf)} «${esc(s.name.ru)}»</h3>`,
      `<div class="scroll"><table>`,
      `<thead><tr><th>${esc(C.number)}</th><th>${esc(C.name)}</th><th>${esc(C.unit)}</th><th>${esc(C.how)}</th><th>${esc(C.better)}</th></tr></thead>`,
      `<tbody>\n${rows}\n</tbody>`,
      `</table></div>`,
    ].join("\n");
  }).join("\n");
  const dens = Object.entries(I.notes).map(([id, note]) => `<dt>${link(id)}</dt><dd>${esc(note)}</dd>`).join("\n");
  return [
    `<section id="indicators">`,
    `<h2>${esc(I.title)}</h2>`,
    `<p>${esc(I.intro)}</p>`,
    `<h3 id="cells">${esc(I.cellsTitle)}</h3>`,
    `<dl>\n${cells}\n</dl>`,
    `<h3 id="denominators">${esc(I.denominatorsTitle)}</h3>`,
    `<dl>\n${dens}\n</dl>`,
    tables,
    `</section>`,
  ].join("\n");
}

function functionSection(f: FunctionMeta, ruNames: RussianNames): string {
  const F = T.functions;
  const r = ruNames[f.id];
  if (!r) throw new Error(`no Russian entry for ${f.id}`);
  const id = f.id as FunctionId;
  const examples = EXAMPLES[id];
  if (!examples?.length) throw new Error(`no example for ${f.id}`);
  const params = f.parameters
    .map((p) => `<dt><code>${esc(p.name)}</code>${p.optional ? ` <span class="opt">(${esc(F.optional)})</span>` : ""}</dt><dd>${esc(r.parameters[p.name] ?? p.description ?? "")}</dd>`)
    .join("\n");
  const items = examples
    .map((e) => {
      const note = e.note ? ` <span class="note">— ${esc(e.note)}</span>` : "";
      return `<li><code class="formula">${esc(exampleFormula(r.name, e, "ru"))}</code> → <b class="result">${esc(exampleResult(id, e))}</b>${note}; ${esc(F.inEnglish)}: <code lang="en">${esc(exampleFormula(f.name, e, "en"))}</code></li>`;
    })
    .join("\n");
  return [
    `<section id="${functionAnchor(f.id)}" class="function">`,
    `<h3>${NAMESPACE}.${esc(r.name)} <span class="en" lang="en">(${NAMESPACE}.${esc(f.name)})</span></h3>`,
    `<p>${esc(r.description)}</p>`,
    `<p lang="en" class="en">${esc(f.description ?? "")}</p>`,
    `<h4>${esc(F.args)}</h4>`,
    `<dl>\n${params}\n</dl>`,
    `<h4>${esc(F.examples)}</h4>`,
    `<ul class="examples">\n${items}\n</ul>`,
    `</section>`,
  ].join("\n");
}

/** The whole page. */
export function renderGuide(input: GuideInput): string {
  const fns = input.functions.filter((f) => !f.id.startsWith("RU."));
  const toc = [
    `<li><a href="#journeys">${esc(T.journeysTitle)}</a><ol>${T.journeys.map((j) => `<li><a href="#${journeyAnchor(j.id)}">${esc(j.title)}</a></li>`).join("")}</ol></li>`,
    `<li><a href="#indicators">${esc(T.indicators.title)}</a><ol><li><a href="#cells">${esc(T.indicators.cellsTitle)}</a></li><li><a href="#denominators">${esc(T.indicators.denominatorsTitle)}</a></li>${GUIDE_SECTIONS.map((s) => `<li><a href="#s-${s.id}">${esc(s.name.ru)}</a></li>`).join("")}</ol></li>`,
    `<li><a href="#functions">${esc(T.functions.title)}</a><ol>${fns.map((f) => `<li><a href="#${functionAnchor(f.id)}">${NAMESPACE}.${esc(input.namesRu[f.id]?.name ?? f.name)}</a></li>`).join("")}</ol></li>`,
    `<li><a href="#en" lang="en">${esc(T.english.title)}</a></li>`,
  ].join("\n");
  return [
    `<!DOCTYPE html>`,
    `<!-- Generated by src/cli/guide.ts (npm run guide) from the catalog, the functions and src/i18n/guide.ts: do not edit by hand. -->`,
    `<html lang="ru">`,
    `<head>`,
    `<meta charset="UTF-8" />`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'" />`,
    `<meta name="viewport" content="width=device-width, initial-scale=1" />`,
    `<title>${esc(T.title)}</title>`,
    `<link rel="stylesheet" href="help.css" />`,
    `</head>`,
    `<body>`,
    `<header>`,
    `<h1>${esc(T.title)}</h1>`,
    `<p>${esc(T.lead)}</p>`,
    `<p>${esc(T.paneHelp)}</p>`,
    `</header>`,
    `<nav aria-labelledby="toc">`,
    `<h2 id="toc">${esc(T.contents)}</h2>`,
    `<ol>\n${toc}\n</ol>`,
    `</nav>`,
    `<main>`,
    `<section id="journeys">`,
    `<h2>${esc(T.journeysTitle)}</h2>`,
    T.journeys.map(journeySection).join("\n"),
    `</section>`,
    indicatorsSection(),
    `<section id="functions">`,
    `<h2>${esc(T.functions.title)}</h2>`,
    `<p>${esc(T.functions.intro)}</p>`,
    fns.map((f) => functionSection(f, input.namesRu)).join("\n"),
    `</section>`,
    `<section id="en" lang="en">`,
    `<h2>${esc(T.english.title)}</h2>`,
    T.english.text.map((p) => `<p>${esc(p)}</p>`).join("\n"),
    `</section>`,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
