/**
 * The .docx reader: WordprocessingML as Word shows it (runs, tabs, breaks, spans, vertical merges,
 * nested tables, content controls, tracked changes, fields, hyphens, symbols, hidden text), the
 * headings of tables, and the project's sample documents.
 */
import { strToU8, zipSync } from "fflate";
import { readDocx, type DocxDocument } from "../../src/xlsx/light";
import { docxParts, documentXml, W_NS } from "../../src/samples/docxWriter";
import { SAMPLES, SELF_EXAM_HEADING, SELF_EXAM_ROWS, ROADMAP_TITLE, INDICATORS_HEADING, selfExamGrid } from "../../src/samples";

const docx = (body: string): Uint8Array => zipSync(docxParts(documentXml(body)));

function read(body: string): DocxDocument {
  const r = readDocx(docx(body));
  if (!r.ok) throw new Error(r.finding.en);
  return r.doc;
}

const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
const r = (inner: string) => `<w:r>${inner}</w:r>`;
const t = (s: string) => r(`<w:t xml:space="preserve">${s}</w:t>`);
const tc = (inner: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;

describe("readDocx: text as Word shows it", () => {
  it("joins runs; tab, break, no-break hyphen, soft hyphen, no-break space, symbols", () => {
    const doc = read(p(t("Сро"), t("ки"), r("<w:tab/>"), t("до"), r("<w:br/>"), t("20"), r("<w:noBreakHyphen/>"), t("25 промежу"), r("<w:softHyphen/>"), t("точ\u00adной&#160;аттестации"), r(`<w:sym w:font="Symbol" w:char="F0B7"/>`), r(`<w:sym w:font="Arial" w:char="2116"/>`)));
    expect(doc.paragraphs).toEqual(["Сроки\tдо\n20-25 промежуточной аттестации•№"]);
  });

  it("keeps insertions and moved-to text, drops deletions, moved-from text and hidden runs", () => {
    const doc = read(p(t("Март "), `<w:ins w:id="1" w:author="a">${t("2026")}</w:ins>`, `<w:del w:id="2" w:author="a">${r("<w:delText>2025</w:delText>")}</w:del>`, `<w:moveFrom>${t("X")}</w:moveFrom>`, `<w:moveTo>${t(" г.")}</w:moveTo>`, r(`<w:rPr><w:vanish/></w:rPr><w:t>скрыто</w:t>`), r(`<w:rPr><w:vanish w:val="0"/></w:rPr><w:t>!</w:t>`)));
    expect(doc.paragraphs).toEqual(["Март 2026 г.!"]);
  });

  it("fields: instructions skipped, results kept (simple and complex)", () => {
    const doc = read(p(`<w:fldSimple w:instr=" PAGE ">${t("3")}</w:fldSimple>`, r(`<w:fldChar w:fldCharType="begin"/>`), r(`<w:instrText> DATE \\@ "dd.MM.yyyy" </w:instrText>`), r(`<w:fldChar w:fldCharType="separate"/>`), t(" 01.09.2025"), r(`<w:fldChar w:fldCharType="end"/>`)));
    expect(doc.paragraphs).toEqual(["3 01.09.2025"]);
  });

  it("content controls are transparent; their properties and drawings, text boxes and fallbacks give no text", () => {
    const sdt = `<w:sdt><w:sdtPr><w:alias w:val="Год"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>${p(t("на 2025–2026 гг."))}</w:sdtContent></w:sdt>`;
    const box = p(t("A"), r(`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(t("в рамке"))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>${p(t("в рамке"))}</w:pict></mc:Fallback></mc:AlternateContent>`), t("B"));
    expect(read(sdt + box).paragraphs).toEqual(["на 2025–2026 гг.", "AB"]);
  });

  it("comments, processing instructions and CDATA behave as XML says", () => {
    expect(read(p(t("a<!-- b -->c"), `<?pi x?>`, t("<![CDATA[<d>]]>"))).paragraphs).toEqual(["ac<d>"]);
  });
});

describe("readDocx: tables", () => {
  it("cells' paragraphs joined with a line break; spans and vertical merges as Word shows them; rows padded", () => {
    const doc = read(
      p(t("Дорожная карта")) +
        tbl(
          tr(tc(p(t("№"))), tc(p(t("Мероприятие"))), tc(p(t("Сроки")))),
          tr(tc(p(t("1. Направление")), `<w:gridSpan w:val="3"/>`)),
          tr(tc(p(t("1.1")), `<w:vMerge w:val="restart"/>`), tc(p(t("Диагностика:")) + p(t("- русский язык")) + p("")), tc(p(t("Октябрь 2025 –")) + p(t("апрель 2026")))),
          tr(tc(p(t("игнор")), "<w:vMerge/>"), tc(p(t("Консультации"))), tc(p(t("ежемесячно")))),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(t("x")))}</w:tr>`,
          tr(tc(p(t("only"))))),
    );
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].heading).toBe("Дорожная карта");
    expect(doc.tables[0].rows).toEqual([
      ["№", "Мероприятие", "Сроки"],
      ["1. Направление", "", ""],
      ["1.1", "Диагностика:\n- русский язык", "Октябрь 2025 –\nапрель 2026"],
      ["", "Консультации", "ежемесячно"],
      ["", "x", ""],
      ["only", "", ""],
    ]);
    expect(doc.paragraphs).toEqual(["Дорожная карта"]);
  });

  it("nested tables: the outer table is read, the nested text flattened into its cell", () => {
    const inner = tbl(tr(tc(p(t("a"))), tc(p(t("b")))), tr(tc(p(t("c"))), tc(p(t("d")))));
    const doc = read(tbl(tr(tc(p(t("Мероприятие"))), tc(p(t("до")) + inner + p(t("после"))))));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows).toEqual([["Мероприятие", "до\na\nb\nc\nd\nпосле"]]);
    expect(doc.tables[0].nestedTables).toBe(1);
  });

  it("deleted rows (tracked) are dropped; content-control rows and cells are read", () => {
    const doc = read(tbl(
      tr(tc(p(t("A")))),
      `<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>${tc(p(t("deleted")))}</w:tr>`,
      `<w:sdt><w:sdtPr/><w:sdtContent>${tr(`<w:sdt><w:sdtContent>${tc(p(t("B")))}</w:sdtContent></w:sdt>`)}</w:sdtContent></w:sdt>`,
    ));
    expect(doc.tables[0].rows).toEqual([["A"], ["B"]]);
  });

  it("headings: the paragraph before a table; a short caption gets the paragraph before it; none between tables", () => {
    const doc = read(p(t("Показатели деятельности школы за 2023/2024 учебный год")) + p(t("Таблица 1")) + tbl(tr(tc(p(t("x"))))) + tbl(tr(tc(p(t("y"))))) + p(t("x".repeat(400))) + tbl(tr(tc(p(t("z"))))));
    expect(doc.tables.map((x) => x.heading)).toEqual(["Показатели деятельности школы за 2023/2024 учебный год Таблица 1", "", `${"x".repeat(299)}…`]);
    expect(doc.tables.map((x) => x.paragraphsBefore)).toEqual([2, 2, 3]);
  });

  it("strict OOXML and other prefixes are read by local name", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Строгий</x:t></x:r></x:p></x:body></x:document>`;
    const r = readDocx(zipSync(docxParts(xml)));
    expect(r.ok && r.doc.paragraphs).toEqual(["Строгий"]);
    expect(W_NS).toContain("wordprocessingml");
  });

  it("the main part is found through _rels/.rels", () => {
    const parts = docxParts(documentXml(p(t("Здесь"))));
    const moved: Record<string, Uint8Array> = {
      "[Content_Types].xml": strToU8(new TextDecoder().decode(parts["[Content_Types].xml"]).replace("/word/document.xml", "/word/main.xml")),
      "_rels/.rels": strToU8(new TextDecoder().decode(parts["_rels/.rels"]).replace("word/document.xml", "/word/main.xml")),
      "word/main.xml": parts["word/document.xml"],
    };
    const r = readDocx(zipSync(moved));
    expect(r.ok && r.doc.paragraphs).toEqual(["Здесь"]);
  });
});

describe("the project's sample documents", () => {
  it("the self-examination .docx reads back as its pasted grid, under its heading", () => {
    const r = readDocx(SAMPLES[0].docx());
    if (!r.ok) throw new Error(r.finding.en);
    expect(r.doc.tables).toHaveLength(1);
    const table = r.doc.tables[0];
    expect(table.heading).toBe(SELF_EXAM_HEADING);
    // Word shows the soft hyphen as nothing and a line break / second paragraph as a new line.
    const flat = table.rows.map((row) => row.map((c) => c.replace(/\s+/g, " ")));
    expect(flat).toEqual(selfExamGrid().map((row) => row.map((c) => c.replace(/\s+/g, " "))));
    expect(table.rows.length).toBe(SELF_EXAM_ROWS.length + 1);
    expect(table.rows.find((x) => x[0] === "1.5")?.[1]).toBe("Численность/удельный вес численности учащихся, успевающих на «4» и «5» по результатам промежуточной аттестации,\nв общей численности учащихся");
  });

  it("the road-map .docx has two tables: the indicators and the road map with its title", () => {
    const r = readDocx(SAMPLES[1].docx());
    if (!r.ok) throw new Error(r.finding.en);
    expect(r.doc.tables.map((x) => x.heading)).toEqual([INDICATORS_HEADING, ROADMAP_TITLE]);
    const rm = r.doc.tables[1].rows;
    expect(rm[0]).toEqual(["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Целевая группа", "Результат"]);
    expect(rm[2]).toEqual(["1. Повышение качества образовательных результатов", "", "", "", "", ""]);
    expect(rm.find((x) => x[0] === "1.2")?.slice(1, 3)).toEqual(["Проведение диагностических работ:\n- по русскому языку;\n- по математике", "Октябрь 2025 –\nапрель 2026"]);
    expect(r.doc.paragraphs).toContain("Срок реализации программы: 2025–2026 годы.");
  });
});

describe("readDocx: automatic list numbers", () => {
  const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
  </w:numbering>`;
  const np = (numId: string, ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${text ? t(text) : ""}</w:p>`;
  const withNumbering = (body: string, rels = true) => {
    const parts = docxParts(documentXml(body));
    return zipSync({
      ...parts,
      "word/numbering.xml": strToU8(NUMBERING),
      ...(rels ? { "word/_rels/document.xml.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`) } : {}),
    });
  };

  it("shows Word's numbers in front of numbered paragraphs and alone in a № cell", () => {
    const cellRow = (n: string) => tr(tc(np("1", 1, "")), tc(p(t(n))));
    const body = np("2", 0, "Направление") + np("2", 0, "Второе") + np("3", 0, "пункт") + np("5", 0, "первый") + np("5", 0, "второй") +
      tbl(tr(tc(np("1", 0, "")), tc(p(t("Раздел")))), cellRow("a"), cellRow("b"), tr(tc(np("1", 0, "")), tc(p(t("Раздел 2")))), cellRow("c")) +
      np("4", 0, "заново") + np("0", 0, "без номера");
    const r = readDocx(withNumbering(body));
    if (!r.ok) throw new Error(r.finding.en);
    expect(r.doc.paragraphs).toEqual(["I.\tНаправление", "II.\tВторое", "• пункт", "а)\tпервый", "б)\tвторой", "1.\tзаново", "без номера"]);
    expect(r.doc.tables[0].rows).toEqual([["1.", "Раздел"], ["1.1.", "a"], ["1.2.", "b"], ["2.", "Раздел 2"], ["2.1.", "c"]]);
  });

  it("finds word/numbering.xml without relationships; a list it does not define shows no number", () => {
    const r = readDocx(withNumbering(np("1", 0, "а") + np("9", 0, "б") + np("1", 7, "в"), false));
    expect(r.ok && r.doc.paragraphs).toEqual(["1.\tа", "б", "в"]);
  });

  it("a damaged numbering part fails the file as damaged", () => {
    const bytes = zipSync({ ...docxParts(documentXml(np("1", 0, "а"))), "word/numbering.xml": strToU8("<w:numbering") });
    const r = readDocx(bytes);
    expect(!r.ok && r.code).toBe("damaged");
  });
});
