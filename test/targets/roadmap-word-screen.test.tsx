/**
 * @jest-environment jsdom
 */
/**
 * «Выбрать файл Word» on the road-map screen (issue 19) in jsdom, with the real .docx reader: the
 * tables offered by heading with the road map chosen, the years from the title (or asked for), the
 * chosen table handed to the import; a file that is not a Word document gets its message.
 */
import "../taskpane/scheduler";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { strToU8, zipSync } from "fflate";
import { Roadmap } from "../../src/taskpane/screens/Roadmap";
import type { RoadmapImportOptions, RoadmapImportResult } from "../../src/excel/roadmap";
import type { CommandResult } from "../../src/excel/commands";
import { readDocx } from "../../src/xlsx/light/docx";
import { SAMPLES, ROADMAP_TITLE, writeDocx } from "../../src/samples";
import { docxParts } from "../../src/samples/docxWriter";
import { TextDecoder as NodeTextDecoder } from "util";

// jsdom has no TextDecoder; every browser the pane runs in has (the reader decodes UTF-8 with it).
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

const RESULT: RoadmapImportResult = {
  sheet: "Дорожная карта", created: true, source: "x", events: 10, occurrences: 30, groups: 3, unparsed: [], undated: 2, kept: 0, orphans: 0,
  years: { firstYear: 2025, lastYear: 2025 }, yearsSource: "option", partnership: "absent", linked: [], findings: [],
};

/** A File whose bytes jsdom can hand over (arrayBuffer as browsers have it). */
function file(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as Uint8Array<ArrayBuffer>], name);
  if (typeof f.arrayBuffer !== "function") Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return f;
}

async function pick(f: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByTestId("roadmap-word-file"), { target: { files: [f] } });
  });
  // The read resolves on a later tick.
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

function setup(lang: "ru" | "en" = "ru") {
  const calls: RoadmapImportOptions[] = [];
  const importRoadmap = jest.fn(async (o: RoadmapImportOptions): Promise<CommandResult<RoadmapImportResult>> => {
    calls.push(o);
    return { ok: true, ...RESULT };
  });
  render(<Roadmap lang={lang} importRoadmap={importRoadmap} readWordFile={async (b) => readDocx(b)} />);
  return calls;
}

describe("«Выбрать файл Word»", () => {
  it("offers the tables by heading with the road map chosen, the years from its title, and loads the chosen table", async () => {
    const calls = setup();
    await pick(file(SAMPLES[1].docx(), "программа.docx"));
    const select = screen.getByTestId("roadmap-word-table") as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Целевые показатели программы — мероприятий: 0", `${ROADMAP_TITLE} — мероприятий: 10`]);
    expect(select.value).toBe("1");
    expect(screen.getByTestId("roadmap-word-years").textContent).toBe("По словам «2025–2026» в документе: 2025/26–2025/26. Исправьте, если программа идёт дольше.");
    expect((screen.getByTestId("roadmap-word-first") as HTMLInputElement).value).toBe("2025");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Загрузить из файла" })));
    expect(calls).toHaveLength(1);
    expect(calls[0].lang).toBe("ru");
    expect(calls[0].years).toEqual({ firstYear: 2025, lastYear: 2025 });
    expect(calls[0].table?.label).toBe(`программа.docx: ${ROADMAP_TITLE}`);
    expect(calls[0].table?.rows[0]).toEqual(["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Целевая группа", "Результат"]);
    expect(screen.getByTestId("roadmap-result").textContent).toMatch(/Лист «Дорожная карта» создан\./);
  });

  it("choosing the table that is not a road map warns and disables the load", async () => {
    setup();
    await pick(file(SAMPLES[1].docx(), "программа.docx"));
    await act(async () => fireEvent.change(screen.getByTestId("roadmap-word-table"), { target: { value: "0" } }));
    expect(screen.getByText(/не найдены столбцы дорожной карты/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Загрузить из файла" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("asks for the years when the document names none, and loads with what was typed", async () => {
    const calls = setup("en");
    const rows = [["№", "Мероприятие", "Сроки"], ["1", "Педсовет", "Март 2026"]];
    await pick(file(writeDocx([{ kind: "p", text: "План мероприятий" }, { kind: "table", widths: [800, 4000, 2000], rows }]), "plan.docx"));
    expect(screen.getByTestId("roadmap-word-years").textContent).toMatch(/does not name the programme's years/);
    const button = screen.getByRole("button", { name: "Load from the file" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await act(async () => fireEvent.change(screen.getByTestId("roadmap-word-first"), { target: { value: "2025" } }));
    await act(async () => fireEvent.change(screen.getByTestId("roadmap-word-last"), { target: { value: "2024" } }));
    expect(screen.getByText(/the first not after the last/)).toBeTruthy();
    expect(button.disabled).toBe(true);
    await act(async () => fireEvent.change(screen.getByTestId("roadmap-word-last"), { target: { value: "2026" } }));
    await act(async () => fireEvent.click(button));
    expect(calls[0].years).toEqual({ firstYear: 2025, lastYear: 2026 });
    expect(calls[0].table?.label).toBe("plan.docx: План мероприятий");
  });

  it.each([
    ["an old .doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /не документ Word \(\.docx\)/],
    ["a workbook", zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), /это архив, но не документ Word/],
    ["a document without tables", writeDocx([{ kind: "p", text: "Текст" }]), /нет таблиц/],
    ["a zip bomb", zipSync({ ...docxParts(""), "word/document.xml": new Uint8Array(20 * 1024 * 1024) }), /слишком большой/],
  ])("%s gets its message and nothing is loaded", async (_name, bytes, message) => {
    const calls = setup();
    await pick(file(bytes, "файл.docx"));
    expect(screen.getByTestId("roadmap-word-error").textContent).toMatch(message);
    expect(screen.queryByTestId("roadmap-word-table")).toBeNull();
    expect(calls).toEqual([]);
  });
});
