/**
 * A minimal Word document writer (pure; fflate): [Content_Types].xml, _rels/.rels and
 * word/document.xml — what Word and LibreOffice need to open a file. Text marks: "\n" a line break
 * (w:br), "\t" a tab, U+00AD a soft hyphen (w:softHyphen), U+2011 a non-breaking hyphen
 * (w:noBreakHyphen). Tables have borders, a grid and at least one paragraph per cell.
 */
import { strToU8, zipSync } from "fflate";

export interface DocxCell {
  /** Paragraphs of the cell (a string is one paragraph). */
  text: string | string[];
  /** Grid columns the cell spans (w:gridSpan). */
  span?: number;
  /** w:vMerge: the first cell of a vertical merge, or one that continues it (its text is not written). */
  vMerge?: "restart" | "continue";
  bold?: boolean;
  /** The cell's paragraph is numbered automatically by Word (list 1: «1», «2» …); its text is written after the number. */
  numbered?: boolean;
}

export type DocxBlock =
  | { kind: "p"; text: string; bold?: boolean; center?: boolean; size?: number }
  | { kind: "table"; widths: number[]; rows: (DocxCell | string)[][]; headerRows?: number };

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The runs of a text: one w:r with w:t pieces and the marks between them. */
export function runs(text: string, o: { bold?: boolean; size?: number } = {}): string {
  const rPr = o.bold || o.size ? `<w:rPr>${o.bold ? "<w:b/>" : ""}${o.size ? `<w:sz w:val="${o.size}"/>` : ""}</w:rPr>` : "";
  let body = "";
  let piece = "";
  const flush = () => {
    if (piece) body += `<w:t xml:space="preserve">${esc(piece)}</w:t>`;
    piece = "";
  };
  for (const ch of text) {
    const mark = ch === "\n" ? "<w:br/>" : ch === "\t" ? "<w:tab/>" : ch === "\u00ad" ? "<w:softHyphen/>" : ch === "\u2011" ? "<w:noBreakHyphen/>" : null;
    if (mark === null) piece += ch;
    else {
      flush();
      body += mark;
    }
  }
  flush();
  return `<w:r>${rPr}${body}</w:r>`;
}

export function paragraph(text: string, o: { bold?: boolean; center?: boolean; size?: number; numbered?: boolean } = {}): string {
  const props = `${o.numbered ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>` : ""}${o.center ? `<w:jc w:val="center"/>` : ""}`;
  const pPr = props ? `<w:pPr>${props}</w:pPr>` : "";
  return `<w:p>${pPr}${text === "" ? "" : runs(text, o)}</w:p>`;
}

const BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join("");

export function table(b: Extract<DocxBlock, { kind: "table" }>): string {
  const grid = b.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const total = b.widths.reduce((s, w) => s + w, 0);
  const rows = b.rows.map((row, ri) => {
    let col = 0;
    const cells = row.map((raw) => {
      const c: DocxCell = typeof raw === "string" ? { text: raw } : raw;
      const span = c.span ?? 1;
      const width = b.widths.slice(col, col + span).reduce((s, w) => s + w, 0);
      col += span;
      const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${c.vMerge === "restart" ? `<w:vMerge w:val="restart"/>` : c.vMerge === "continue" ? "<w:vMerge/>" : ""}</w:tcPr>`;
      const paras = c.vMerge === "continue" ? [""] : typeof c.text === "string" ? [c.text] : c.text.length ? c.text : [""];
      return `<w:tc>${tcPr}${paras.map((p, k) => paragraph(p, { bold: c.bold || ri < (b.headerRows ?? 0), numbered: c.numbered && k === 0 })).join("")}</w:tc>`;
    });
    const trPr = ri < (b.headerRows ?? 0) ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

/** word/document.xml for a body's inner XML; landscape A4 when `landscape`. */
export function documentXml(body: string, o: { landscape?: boolean } = {}): string {
  const pg = o.landscape ? `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` : `<w:pgSz w:w="11906" w:h="16838"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr>${pg}<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** List 1: decimal «1», «2» … (what a № column numbered by Word holds). */
export const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W_NS}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

/** The parts of a .docx around a document.xml (for crafted files too); with `numbering`, the list part too. */
export function docxParts(document: string, o: { numbering?: boolean } = {}): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = { "[Content_Types].xml": strToU8(CONTENT_TYPES), "_rels/.rels": strToU8(ROOT_RELS), "word/document.xml": strToU8(document) };
  if (o.numbering) {
    parts["[Content_Types].xml"] = strToU8(CONTENT_TYPES.replace("</Types>", `<Override PartName="/word/numbering.xml" ContentType="${NUMBERING_TYPE}"/></Types>`));
    parts["word/_rels/document.xml.rels"] = strToU8(DOCUMENT_RELS);
    parts["word/numbering.xml"] = strToU8(NUMBERING_XML);
  }
  return parts;
}

/** A .docx of the blocks. Deterministic (fixed zip dates), so samples are reproducible. */
export function writeDocx(blocks: readonly DocxBlock[], o: { landscape?: boolean } = {}): Uint8Array {
  const body = blocks.map((b) => (b.kind === "p" ? paragraph(b.text, b) : table(b) + paragraph(""))).join("");
  const numbering = blocks.some((b) => b.kind === "table" && b.rows.some((r) => r.some((c) => typeof c !== "string" && c.numbered)));
  return zipSync(docxParts(documentXml(body, o), { numbering }), { mtime: new Date(2025, 0, 1) });
}
