/**
 * Hostile and odd Word files, built at test time (no binary fixtures): each with the outcome the
 * .docx reader must give — a named failure, or what it reads where the file is legitimate but odd.
 */
import { deflateSync, strToU8, zipSync } from "fflate";
import type { DocxFailure } from "../../src/i18n/docx";
import type { DocxLimits } from "../../src/xlsx/light";
import { CONTENT_TYPES, docxParts, documentXml, ROOT_RELS, W_NS } from "../../src/samples/docxWriter";
import { SAMPLES } from "../../src/samples";
import { bookParts } from "./generate";
import { rawZip, type RawEntry } from "./zip";

export type DocxOutcome =
  | { fail: DocxFailure }
  /** Read: the number of tables, the first table's first row, the paragraphs. */
  | { tables: number; firstRow: string[] | null; paragraphs: string[] };

export interface HostileDocx {
  name: string;
  bytes: Uint8Array;
  limits?: Partial<DocxLimits>;
  expect: DocxOutcome;
}

const p = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
const cell = (s: string, pr = "") => `<w:tc>${pr}${p(s)}</w:tc>`;
const doc = (body: string) => docxParts(documentXml(body));
const withDocument = (bytes: Uint8Array | string): Record<string, Uint8Array> => ({ ...docxParts(""), "word/document.xml": typeof bytes === "string" ? strToU8(bytes) : bytes });
const raw = (parts: Record<string, Uint8Array>, edit: (e: RawEntry) => RawEntry = (e) => e) => rawZip(Object.entries(parts).map(([name, data]) => edit({ name, data })));
const head = `<?xml version="1.0" encoding="UTF-8"?>`;
const open = `<w:document xmlns:w="${W_NS}"><w:body>`;
const close = `</w:body></w:document>`;

export function hostileDocxFiles(): HostileDocx[] {
  const out: HostileDocx[] = [];
  const add = (name: string, bytes: Uint8Array, expect: DocxOutcome, limits?: Partial<DocxLimits>) => out.push({ name: `${name}.docx`, bytes, expect, ...(limits ? { limits } : {}) });
  const ok = zipSync(doc(p("Заголовок") + `<w:tbl><w:tr>${cell("№")}${cell("Мероприятие")}</w:tr></w:tbl>`));
  const good = (paragraphs: string[] = ["Заголовок"]): DocxOutcome => ({ tables: 1, firstRow: ["№", "Мероприятие"], paragraphs });

  // Containers.
  add("control", ok, good());
  add("sample-roadmap", SAMPLES[1].docx(), { tables: 2, firstRow: ["Показатель", "2025", "2026"], paragraphs: ["Программа поддержки МБОУ «СОШ № 7» с низкими образовательными результатами", "Срок реализации программы: 2025–2026 годы.", "Целевые показатели программы", "Дорожная карта реализации программы поддержки МБОУ «СОШ № 7» на 2025–2026 гг."] });
  add("empty", new Uint8Array(0), { fail: "notZip" });
  add("random", new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251), { fail: "notZip" });
  add("rtf", strToU8("{\\rtf1\\ansi Дорожная карта}"), { fail: "notZip" });
  add("truncated", ok.slice(0, Math.floor(ok.length / 2)), { fail: "damaged" });
  const cfb = new Uint8Array(2048);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  add("doc-97", cfb, { fail: "notZip" });
  const enc = cfb.slice();
  enc.set(new Uint8Array([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0])), 1024);
  add("encrypted-ole", enc, { fail: "encrypted" });
  add("encrypted-entry", raw(doc(p("x")), (e) => (e.name === "word/document.xml" ? { ...e, flags: 1 } : e)), { fail: "encrypted" });
  add("xlsx-instead", zipSync(bookParts()), { fail: "notDocx" });
  add("nested-docx", zipSync({ "карта.docx": ok }), { fail: "nestedArchive" });
  add("bad-crc", raw(doc(p("x")), (e) => (e.name === "word/document.xml" ? { ...e, crc: 1 } : e)), { fail: "damaged" });
  add("overlapping-entries", rawZip([...Object.entries(doc(p("x"))).map(([name, data]) => ({ name, data })), { name: "word/copy.xml", data: strToU8("x"), sameAs: 2 }]), { fail: "damaged" });

  // Missing parts, wrong content types.
  const parts = doc(p("x"));
  const without = (name: string) => Object.fromEntries(Object.entries(parts).filter(([n]) => n !== name));
  add("no-content-types", zipSync(without("[Content_Types].xml")), { fail: "damaged" });
  add("no-document", zipSync(without("word/document.xml")), { fail: "notDocx" });
  add("no-root-rels", zipSync(without("_rels/.rels")), { tables: 0, firstRow: null, paragraphs: ["x"] });
  add("rels-to-missing-part", zipSync({ ...parts, "_rels/.rels": strToU8(ROOT_RELS.replace("word/document.xml", "word/nothing.xml")) }), { fail: "notDocx" });
  add("rels-escape-root", zipSync({ ...parts, "_rels/.rels": strToU8(ROOT_RELS.replace("word/document.xml", "../../../etc/passwd")) }), { fail: "notDocx" });
  add("main-part-is-a-sheet", zipSync({ ...parts, "[Content_Types].xml": strToU8(CONTENT_TYPES.replace("wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml")) }), { fail: "notDocx" });
  add("main-part-untyped", zipSync({ ...parts, "[Content_Types].xml": strToU8(CONTENT_TYPES.replace(/<Override[^>]*\/>/, "")) }), { fail: "notDocx" });
  add("docm-macro-type", zipSync({ ...parts, "[Content_Types].xml": strToU8(CONTENT_TYPES.replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml")) }), { tables: 0, firstRow: null, paragraphs: ["x"] });
  add("content-types-dtd", zipSync({ ...parts, "[Content_Types].xml": strToU8(`${head}<!DOCTYPE Types [<!ENTITY a "b">]>` + CONTENT_TYPES.slice(CONTENT_TYPES.indexOf("<Types"))) }), { fail: "unsafeXml" });

  // XML tricks.
  const lol = `<!DOCTYPE d [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`).join("")}]>`;
  add("billion-laughs", zipSync(withDocument(`${head}${lol}${open}${p("&lol9;")}${close}`)), { fail: "unsafeXml" });
  add("xxe", zipSync(withDocument(`${head}<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${open}${p("&x;")}${close}`)), { fail: "unsafeXml" });
  add("undefined-entity", zipSync(withDocument(`${head}${open}${p("&x;")}${close}`)), { fail: "damaged" });
  add("not-utf8", zipSync(withDocument(new Uint8Array([...strToU8(`${head}${open}<w:p><w:r><w:t>`), 0xcf, 0xf0, 0xee, ...strToU8(`</w:t></w:r></w:p>${close}`)]))), { fail: "damaged" });
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...`<?xml version="1.0" encoding="UTF-16"?>${open}${p("x")}${close}`].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  add("utf16", zipSync(withDocument(utf16)), { fail: "damaged" });
  add("control-char", zipSync(withDocument(`${head}${open}${p("a&#1;b")}${close}`)), { fail: "damaged" });
  add("unclosed", zipSync(withDocument(`${head}${open}${"<w:p><w:r><w:t>x".repeat(10)}`)), { fail: "damaged" });
  add("deep-nesting", zipSync(withDocument(`${head}${open}${"<w:sdt><w:sdtContent>".repeat(100_000)}`)), { fail: "damaged" });
  const nestedTables = (n: number) => `${"<w:tbl><w:tr><w:tc>".repeat(n)}${p("глубоко")}${"</w:tc></w:tr></w:tbl>".repeat(n)}`;
  add("nested-tables-12", zipSync(doc(nestedTables(12))), { tables: 1, firstRow: ["глубоко"], paragraphs: [] });
  add("nested-tables-40", zipSync(doc(nestedTables(40))), { fail: "damaged" });
  add("p-inside-p", zipSync(doc(`<w:p><w:r><w:t>a</w:t></w:r><w:p><w:r><w:t>b</w:t></w:r></w:p><w:r><w:t>c</w:t></w:r></w:p>${p("d")}`)), { tables: 0, firstRow: null, paragraphs: ["ab", "d"] });
  add("tc-outside-tr", zipSync(doc(`<w:tbl>${cell("x")}<w:tr>${cell("y")}</w:tr></w:tbl>`)), { tables: 1, firstRow: ["y"], paragraphs: [] });
  add("cdata-and-comment-text", zipSync(doc(`<w:p><w:r><w:t><![CDATA[<w:tbl>]]><!-- <w:t>скрыто</w:t> --></w:t></w:r></w:p>`)), { tables: 0, firstRow: null, paragraphs: ["<w:tbl>"] });

  // The list-numbering part is read under the same rules.
  const numbered = (numbering: string) => zipSync({ ...docxParts(documentXml(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`), { numbering: true }), "word/numbering.xml": strToU8(numbering) });
  add("numbering-dtd", numbered(`${head}${lol}<w:numbering xmlns:w="${W_NS}"/>`), { fail: "unsafeXml" });
  add("numbering-10000-lists", numbered(`<w:numbering xmlns:w="${W_NS}">${Array.from({ length: 10_000 }, (_, i) => `<w:num w:numId="${i}"><w:abstractNumId w:val="0"/></w:num>`).join("")}</w:numbering>`), { fail: "tooManyParts" });
  add("numbering-level-text-huge", numbered(`<w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:lvlText w:val="${"%1".repeat(50_000)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`), { tables: 0, firstRow: null, paragraphs: ["1".repeat(50)] });

  // Bombs and sizes.
  const zeros = deflateSync(new Uint8Array(16 * 1024 * 1024));
  add("bomb-claims-1000-bytes", raw(doc(p("x")), (e) => (e.name === "word/document.xml" ? { ...e, size: 1000, compressed: zeros } : e)), { fail: "damaged" });
  add("part-claims-64-mb", raw(doc(p("x")), (e) => (e.name === "word/document.xml" ? { ...e, size: 64 * 1024 * 1024 } : e)), { fail: "tooLarge" });
  add("ratio-1000x", zipSync(withDocument(`${head}${open}${" ".repeat(7 * 1024 * 1024)}${close}`)), { fail: "tooLarge" });
  add("cell-40000-chars", zipSync(doc(`<w:tbl><w:tr>${cell("Ш".repeat(40_000))}</w:tr></w:tbl>`)), { fail: "tooLarge" });
  add("paragraph-in-many-runs", zipSync(doc(`<w:p>${"<w:r><w:t>ШШШШШШШШШШ</w:t></w:r>".repeat(4000)}</w:p>`)), { fail: "tooLarge" });
  add("elements-over-limit", zipSync(doc("<w:p/>".repeat(60_000))), { fail: "tooManyCells" }, { maxElements: 50_000 });
  add("600-tables", zipSync(doc(`<w:tbl><w:tr>${cell("x")}</w:tr></w:tbl>${p("")}`.repeat(600))), { fail: "tooManyCells" });
  add("6000-rows", zipSync(doc(`<w:tbl>${`<w:tr>${cell("x")}</w:tr>`.repeat(6000)}</w:tbl>`)), { fail: "tooManyCells" });
  add("300-columns", zipSync(doc(`<w:tbl><w:tr>${cell("x").repeat(300)}</w:tr></w:tbl>`)), { fail: "tooManyCells" });
  add("gridSpan-99999999", zipSync(doc(`<w:tbl><w:tr>${cell("x", `<w:tcPr><w:gridSpan w:val="99999999"/></w:tcPr>`)}</w:tr></w:tbl>`)), { tables: 1, firstRow: ["x", ...Array.from({ length: 255 }, () => "")], paragraphs: [] });
  add("spans-exhaust-cells", zipSync(doc(`<w:tbl>${`<w:tr>${cell("x", `<w:tcPr><w:gridSpan w:val="200"/></w:tcPr>`)}</w:tr>`.repeat(1100)}</w:tbl>`)), { fail: "tooManyCells" });
  add("ragged-rows-padding", zipSync(doc(`<w:tbl><w:tr>${cell("x").repeat(250)}</w:tr>${`<w:tr>${cell("y")}</w:tr>`.repeat(4000)}</w:tbl>`)), { fail: "tooManyCells" });
  add("10000-paragraphs-time-0", zipSync(doc(p("x").repeat(10_000))), { fail: "tooSlow" }, { timeMs: 0 });
  add("60000-paragraphs", zipSync(doc(p("x").repeat(60_000))), { fail: "tooManyCells" });
  return out;
}
