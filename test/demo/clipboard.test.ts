/**
 * @jest-environment jsdom
 */
/** The demo grid's clipboard: TSV and HTML tables in, TSV out, pasted text read as Excel reads it. */
import { clipboardTable, parseHtmlTable, parseTsv, pastedValue, toTsv } from "../../src/demo/clipboard";

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

describe("tab-separated rows", () => {
  it("splits rows and cells; the final line break is not a row; short rows are padded", () => {
    expect(parseTsv("№\tМероприятие\r\n1.1\tРабочая группа\r\n2\r\n")).toEqual([
      ["№", "Мероприятие"],
      ["1.1", "Рабочая группа"],
      ["2", ""],
    ]);
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("a")).toEqual([["a"]]);
    expect(parseTsv("a\t\tc\n")).toEqual([["a", "", "c"]]);
  });

  it("reads Excel's quoted cells: line breaks, tabs and doubled quotes inside", () => {
    expect(parseTsv('"Промежуточный мониторинг\nпрограммы"\t"say ""hi""\tthere"\tx\n')).toEqual([["Промежуточный мониторинг\nпрограммы", 'say "hi"\tthere', "x"]]);
    expect(parseTsv('"unclosed\tb')).toEqual([['"unclosed', "b"]]);
  });

  it("round-trips what toTsv writes", () => {
    const rows = [["a\tb", 'q"q', "line\nbreak"], ["", "1,5", "85 %"]];
    expect(toTsv(rows)).toBe('"a\tb"\t"q""q"\t"line\nbreak"\r\n\t1,5\t85 %\r\n');
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe("HTML tables (Word, web pages)", () => {
  it("reads the first table: paragraphs and <br> become line breaks, spans leave empty cells", () => {
    const html = `<html><body><p>Дорожная карта</p><table>
      <tr><th>№</th><th>Мероприятие</th><th colspan="2">Сроки</th></tr>
      <tr><td rowspan="2">1.1</td><td><p>Создание</p><p>рабочей   группы</p></td><td>Сентябрь<br>2023</td><td>x</td></tr>
      <tr><td>Заседания</td><td>ежеквартально</td><td></td></tr>
    </table><table><tr><td>second</td></tr></table></body></html>`;
    expect(parseHtmlTable(html, parse)).toEqual([
      ["№", "Мероприятие", "Сроки", ""],
      ["1.1", "Создание\nрабочей группы", "Сентябрь\n2023", "x"],
      ["", "Заседания", "ежеквартально", ""],
    ]);
  });

  it("ignores nested tables' rows at the outer level and gives null without a table", () => {
    expect(parseHtmlTable("<table><tr><td>a<table><tr><td>in</td></tr></table></td><td>b</td></tr></table>", parse)).toEqual([["ain", "b"]]);
    expect(parseHtmlTable("<p>no table</p>", parse)).toBeNull();
  });

  it("prefers the HTML table, else the text", () => {
    expect(clipboardTable({ html: "<table><tr><td>h</td></tr></table>", text: "t" }, parse)).toEqual([["h"]]);
    expect(clipboardTable({ html: "<b>bold</b>", text: "a\tb" }, parse)).toEqual([["a", "b"]]);
    expect(clipboardTable({}, parse)).toEqual([]);
  });
});

describe("pasted text as Excel reads it", () => {
  it("Russian: decimal comma, percent, formulas in local syntax; «1.1» stays text", () => {
    expect(pastedValue("42,5", "ru")).toBe(42.5);
    expect(pastedValue("1 234", "ru")).toBe(1234);
    expect(pastedValue("85 %", "ru")).toBe(0.85);
    expect(pastedValue("=EDU.ДОЛЯ(42;200)", "ru")).toBe("=EDU.ДОЛЯ(42,200)");
    expect(pastedValue("1.1", "ru")).toBe("1.1");
    expect(pastedValue("Сентябрь 2023", "ru")).toBe("Сентябрь 2023");
    expect(pastedValue("  ", "ru")).toBe("");
  });

  it("English: thousands commas, decimal point; «1,5» stays text", () => {
    expect(pastedValue("1,234.5", "en")).toBe(1234.5);
    expect(pastedValue("42.5", "en")).toBe(42.5);
    expect(pastedValue("1,5", "en")).toBe("1,5");
    expect(pastedValue("=EDU.SHARE(42,200)", "en")).toBe("=EDU.SHARE(42,200)");
  });
});
