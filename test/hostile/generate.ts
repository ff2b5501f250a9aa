/**
 * Hostile and odd school files, built at test time (no binary fixtures): each with the outcome the
 * reader must give — a named finding, or the right values where the file is legitimate but odd.
 * Used by test/hostile/hostile.test.ts and `npm run bench` (src/cli/bench-hostile.ts).
 */
import { deflateSync, strToU8, zipSync } from "fflate";
import type { SourceFindingCode } from "../../src/i18n/schoolFiles";
import { rawZip, type RawEntry } from "./zip";

export const PERIOD = "2023/24-Y";

export type Outcome =
  /** The file is refused with this finding. */
  | { fail: SourceFindingCode }
  /** The file is read: the school's name, students_total in PERIOD (null: none), the findings' codes. */
  | { school: string; value: number | null; findings: SourceFindingCode[] };

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  expect: Outcome;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Cells of a row. */
export const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
export const num = (ref: string, n: number | string) => `<c r="${ref}"><v>${n}</v></c>`;
export const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
export const worksheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

export const passportRows = (school: string) => row(1, str("A1", "shnor-monitor:v1:passport")) + row(3, str("A3", "school") + str("B3", "Школа") + str("C3", school));
export const baseRows = (value: number | string = 412, valueCell = num("E5", value)) =>
  row(1, str("A1", "shnor-monitor:v1:base")) + row(3, str("E3", PERIOD)) + row(5, str("A5", "students_total") + valueCell);

export interface BookParts {
  /** Sheet XML by name, in order (default: a passport and a base sheet). */
  sheets?: { name: string; xml: string }[];
  school?: string;
  sharedStrings?: string;
  workbookXml?: string;
  relsXml?: string;
  extra?: Record<string, Uint8Array>;
}

/** The parts of a minimal school workbook (what Excel writes, trimmed to what the reader reads). */
export function bookParts(o: BookParts = {}): Record<string, Uint8Array> {
  const sheets = o.sheets ?? [
    { name: "Паспорт", xml: worksheet(passportRows(o.school ?? "Школа")) },
    { name: "Базовые", xml: worksheet(baseRows()) },
  ];
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(o.workbookXml ?? `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      o.relsXml ??
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (o.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = strToU8(o.sharedStrings);
  return { ...files, ...o.extra };
}

export const book = (o: BookParts = {}) => zipSync(bookParts(o));

/** The same parts through the raw writer, with per-entry changes. */
function rawBook(o: BookParts, change: (e: RawEntry) => RawEntry = (e) => e): Uint8Array {
  return rawZip(Object.entries(bookParts(o)).map(([name, data]) => change({ name, data })));
}

const good = (school: string): Outcome => ({ school, value: 412, findings: [] });
const sheetsWith = (school: string, base: string) => [
  { name: "Паспорт", xml: worksheet(passportRows(school)) },
  { name: "Базовые", xml: worksheet(base) },
];

/** Pseudo-random letters (deterministic; they do not compress away). */
function letters(n: number): string {
  let seed = 12345;
  let s = "";
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    s += String.fromCharCode(97 + (seed % 26));
  }
  return s;
}

/** A legitimate school file (for batches). */
export function goodFile(school: string, value = 412): Uint8Array {
  return book({ sheets: sheetsWith(school, baseRows(value)) });
}

/** Every crafted file with its outcome (deterministic; a few seconds to build at most). */
export function hostileFiles(): HostileFile[] {
  const out: HostileFile[] = [];
  const add = (name: string, bytes: Uint8Array, expect: Outcome) => out.push({ name: `${name}.xlsx`, bytes, expect });
  const school = (n: string) => `Школа ${n}`;
  const ok = book({ school: school("control") });

  // Containers that are not (readable) zips.
  add("control", ok, good(school("control")));
  add("empty", new Uint8Array(0), { fail: "notZip" });
  add("random", new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251), { fail: "notZip" });
  add("truncated", ok.slice(0, Math.floor(ok.length / 2)), { fail: "damaged" });
  add("truncated-tail", ok.slice(0, ok.length - 10), { fail: "damaged" });
  const cfb = new Uint8Array(2048);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  cfb.set(new Uint8Array([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0])), 1024);
  add("encrypted-ole", cfb, { fail: "encrypted" });
  add("encrypted-entry", rawBook({ school: school("e") }, (e) => (e.name.startsWith("xl/") ? { ...e, flags: 1 } : e)), { fail: "encrypted" });
  add("nested-zip", zipSync({ "школа.xlsx": ok }), { fail: "nestedArchive" });
  add("docx-like", zipSync({ "word/document.xml": strToU8("<w:document/>") }), { fail: "notXlsx" });

  // Zip directories that lie.
  add("zip64-10-million-entries", rawZip([{ name: "a", data: strToU8("a") }], { zip64Count: 10_000_000 }), { fail: "tooManyParts" });
  add("zip64-record-only", rawZip([], { zip64Count: 10_000_000 }), { fail: "notZip" });
  add("entry-count-lie", rawZip([{ name: "a", data: strToU8("a") }], { count: 9000 }), { fail: "damaged" });
  add("50000-zip-entries", rawZip(Array.from({ length: 50_000 }, (_, i) => ({ name: `x/${i}`, data: new Uint8Array(0), method: 0 })), {}), { fail: "tooManyParts" });
  add("overlapping-entries", (() => {
    const parts = bookParts({ school: school("o") });
    const entries: RawEntry[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
    const s1 = entries.findIndex((e) => e.name === "xl/worksheets/sheet1.xml");
    entries.push({ name: "xl/worksheets/sheet3.xml", data: parts["xl/worksheets/sheet1.xml"], sameAs: s1 });
    return rawZip(entries);
  })(), { fail: "damaged" });
  add("bad-crc", rawBook({ school: school("c") }, (e) => (e.name === "xl/workbook.xml" ? { ...e, crc: 12345 } : e)), { fail: "damaged" });
  add("bad-method", rawBook({ school: school("m") }, (e) => (e.name === "xl/workbook.xml" ? { ...e, method: 99, compressed: e.data } : e)), { fail: "damaged" });

  // Bombs: entries inflating past what they claim, past the part cap, past the file's budget.
  const zeros = deflateSync(new Uint8Array(16 * 1024 * 1024));
  add("bomb-claims-1000-bytes", rawBook({ school: school("b") }, (e) => (e.name === "xl/sharedStrings.xml" || e.name === "xl/worksheets/sheet2.xml" ? { ...e, size: 1000, compressed: zeros } : e)), { fail: "damaged" });
  add("bomb-64-entries", rawZip([...Object.entries(bookParts({ school: school("b64") })).map(([name, data]) => ({ name, data })), ...Array.from({ length: 64 }, (_, i) => ({ name: `xl/media/bomb${i}.bin`, data: new Uint8Array(0), size: 1000, compressed: zeros }))].map((e) => (e.name === "xl/worksheets/sheet2.xml" ? { ...e, size: 1000, compressed: zeros } : e))), { fail: "damaged" });
  add("part-claims-64-mb", rawBook({ school: school("p") }, (e) => (e.name === "xl/workbook.xml" ? { ...e, size: 64 * 1024 * 1024 } : e)), { fail: "tooLarge" });
  const padded = (kind: string, fill: string) => worksheet(row(1, str("A1", `shnor-monitor:v1:${kind}`)) + fill);
  const threeSheets = (fill: string) => [{ name: "Паспорт", xml: worksheet(passportRows(school("f"))) }, ...["base", "subject", "staff"].map((k) => ({ name: k, xml: padded(k, fill) }))];
  add("ratio-1000x", book({ sheets: threeSheets(" ".repeat(7 * 1024 * 1024)) }), { fail: "tooLarge" });
  add("file-budget-16mb", book({ sheets: threeSheets(`<x>${letters(200_000).repeat(35)}</x>`) }), { fail: "tooLarge" });

  // XML the reader must refuse rather than expand or guess at.
  add("billion-laughs", book({ school: school("l"), sharedStrings: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ""};`.repeat(10)}">`).join("")}]><sst ${NS}><si><t>&lol9;</t></si></sst>` }), { fail: "unsafeXml" });
  add("xxe", book({ workbookXml: `<?xml version="1.0"?><!DOCTYPE wb [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook ${NS}><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>` }), { fail: "unsafeXml" });
  add("undefined-entity", book({ sheets: sheetsWith(school("u"), baseRows(412, `<c r="E5"><v>&x;</v></c>`)) }), { fail: "damaged" });
  add("not-utf8", book({ sheets: [{ name: "Паспорт", xml: worksheet(passportRows(school("n"))) }], extra: { "xl/worksheets/sheet1.xml": new Uint8Array([...strToU8(`<worksheet ${NS}><sheetData>`), 0xff, 0xfe, ...strToU8("</sheetData></worksheet>")]) } }), { fail: "damaged" });
  add("deep-nesting", book({ sheets: sheetsWith(school("d"), baseRows() + "<x>".repeat(100_000)) }), { fail: "damaged" });
  add("attribute-run-18kb", book({ sheets: sheetsWith(school("a"), `<row r="1"><c r="A1" ${letters(24_000)}/></row>`) }), { fail: "damaged" });
  add("attribute-run-4mb", book({ sheets: sheetsWith(school("a4"), `<row r="1"><c r="A1" ${letters(500_000).repeat(8)}/></row>`) }), { fail: "damaged" });
  add("row-without-close", book({ sheets: sheetsWith(school("r"), "<row ".repeat(200_000)) }), { fail: "damaged" });
  add("unclosed-rPh", book({ school: school("ph"), sharedStrings: `<sst ${NS}><si><t>a</t><rPh>${"<t>x</t>".repeat(200_000)}` }), { fail: "damaged" });
  add("hex-number", book({ sheets: sheetsWith(school("h"), baseRows("0x10")) }), { fail: "damaged" });
  add("shared-string-out-of-range", book({ sheets: sheetsWith(school("s"), baseRows(412, `<c r="E5" t="s"><v>7</v></c>`)), sharedStrings: `<sst ${NS}><si><t>a</t></si></sst>` }), { fail: "damaged" });
  add("bad-row-number", book({ sheets: sheetsWith(school("rn"), baseRows() + `<row r="0"/>`) }), { fail: "damaged" });
  add("missing-sheet-part", (() => {
    const p = bookParts({ school: school("ms") });
    delete p["xl/worksheets/sheet2.xml"];
    return zipSync(p);
  })(), { fail: "damaged" });

  // Counts past the bounds.
  add("50000-sheets-one-part", book({ relsXml: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`, workbookXml: `<workbook ${NS}><sheets>${Array.from({ length: 50_000 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join("")}</sheets></workbook>` }), { fail: "tooManyParts" });
  add("two-sheets-one-part", book({ relsXml: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`, workbookXml: `<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId1"/></sheets></workbook>` }), { fail: "damaged" });
  add("too-many-cells", book({ sheets: sheetsWith(school("tc"), baseRows() + Array.from({ length: 1_990 }, (_, r) => `<row r="${r + 10}">${"<c><v>1</v></c>".repeat(130)}</row>`).join("")) }), { fail: "tooManyCells" });
  const elements = (n: number) => {
    const names = letters(n);
    let x = "";
    for (let i = 0; i < n; i++) x += `<${names[i]}/>`;
    return x;
  };
  add("2-million-elements", book({ sheets: threeSheets(elements(700_000)) }), { fail: "tooManyCells" });
  add("too-many-strings", book({ school: school("ts"), sharedStrings: `<sst ${NS}>${"<si/>".repeat(500_001)}</sst>` }), { fail: "tooManyCells" });

  // Legitimate but odd: read, with the right values and findings.
  add("far-cell-XFD1048576", book({ sheets: sheetsWith(school("far"), baseRows() + row(1_048_576, num("XFD1048576", 7))) }), { school: school("far"), value: 412, findings: ["outsideArea"] });
  add("row-130000", book({ sheets: sheetsWith(school("130k"), baseRows() + row(130_000, str("A130000", "students_total") + num("E130000", 9))) }), { school: school("130k"), value: 412, findings: ["outsideArea"] });
  add("comment-in-cell", book({ sheets: sheetsWith(school("cm"), baseRows(412, `<c r="E5"><!-- <v>7</v> --><v>412</v><!-- <v>8</v> --></c>`)) }), good(school("cm")));
  add("comment-only-cell", book({ sheets: sheetsWith(school("co"), baseRows(412, `<c r="E5"><!-- <v>7</v> --></c>`)) }), { school: school("co"), value: null, findings: [] });
  add("pi-in-cell", book({ sheets: sheetsWith(school("pi"), baseRows(412, `<c r="E5"><?v 7?><v>412</v></c>`)) }), good(school("pi")));
  add("cdata-value", book({ sheets: sheetsWith(school("cd"), baseRows(412, `<c r="E5"><v><![CDATA[412]]></v></c>`)) }), good(school("cd")));
  add("cdata-row-in-name", book({ sheets: [{ name: "Паспорт", xml: worksheet(row(1, str("A1", "shnor-monitor:v1:passport")) + row(3, str("A3", "school") + `<c r="C3" t="inlineStr"><is><t><![CDATA[<row r="1">Школа</row>]]></t></is></c>`)) }, { name: "Базовые", xml: worksheet(baseRows()) }] }), good('<row r="1">Школа</row>'));
  add("comment-holding-row", book({ sheets: sheetsWith(school("cr"), `<!-- <row r="1"><c r="A1"><v>1</v></c></row> -->` + baseRows()) }), good(school("cr")));
  add("long-comment", book({ sheets: sheetsWith(school("lc"), baseRows() + `<!--${"-a".repeat(500_000)}-->`) }), good(school("lc")));
  add("junk-comments-16mb", book({ sheets: threeSheets(`<!--${"-a".repeat(4_000_000)}-->`) }), { fail: "tooLarge" });
  add("shared-strings", book({ sheets: sheetsWith(school("ss"), baseRows(412, `<c r="E5"><v>412</v></c>`).replace(str("A5", "students_total"), `<c r="A5" t="s"><v>0</v></c>`)), sharedStrings: `<sst ${NS}><si><r><t>students_</t></r><r><t>total</t></r><rPh><t>ignored</t></rPh></si></sst>` }), good(school("ss")));

  // Texts at Excel's limits: a finding for the file, never a failed batch.
  add("school-name-40000-chars", book({ sheets: sheetsWith("Ш".repeat(40_000), baseRows()) }), { school: "school-name-40000-chars", value: 412, findings: ["badText"] });
  add("school-name-15-million-chars", book({ sheets: sheetsWith("Ш".repeat(15_000_000), baseRows()) }), { fail: "tooLarge" });
  add("school-name-100000-shared", book({ sheets: [{ name: "Паспорт", xml: worksheet(row(1, str("A1", "shnor-monitor:v1:passport")) + row(3, str("A3", "school") + `<c r="C3" t="s"><v>0</v></c>`)) }, { name: "Базовые", xml: worksheet(baseRows()) }], sharedStrings: `<sst ${NS}><si><t>${letters(100_000)}</t></si></sst>` }), { school: "school-name-100000-shared", value: 412, findings: ["badText"] });
  add("control-chars-in-name", book({ sheets: sheetsWith("Школа_x0007_ №_x001B_1", baseRows()) }), { school: "control-chars-in-name", value: 412, findings: ["badText"] });
  add("control-chars-in-id", book({ sheets: sheetsWith(school("ci"), baseRows() + row(6, str("A6", "quality_x0000__4_5") + num("E6", 3))) }), { school: school("ci"), value: 412, findings: ["badText"] });
  return out;
}
