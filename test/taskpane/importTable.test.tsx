/**
 * @jest-environment jsdom
 */
/** «Загрузить таблицу показателей» in jsdom with injected commands: steps, preview, conflicts and consent, write, Word tables. */
import "./scheduler";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { ImportTable, type DocxRead } from "../../src/taskpane/screens/ImportTable";
import { importTargets, planImport } from "../../src/core/import";
import type { ImportPreview, ImportTableOptions, ImportWriteOptions, ImportWriteResult } from "../../src/excel/importTable";
import type { CommandResult } from "../../src/excel/commands";
import { messages } from "../../src/i18n";
import { SELF_EXAM } from "../import/fixtures";
import { getIndicator } from "../../src/core/catalog";
import { App } from "../../src/taskpane/App";

const short = (id: string): string => getIndicator(id)?.short.ru ?? id;
const Y = { startYear: 2023, kind: "Y" as const };
const REPORT = { school: "МБОУ ООШ № 3", schoolYear: 2023, periods: [Y], hasTargets: false };

/** A preview as the command builds it, from the real core plan of the test table. */
function previewOf(o: ImportTableOptions): ImportPreview {
  const plan = planImport(o.grid ?? SELF_EXAM, { period: o.period, lang: o.lang, levels: ["primary", "basic"], columns: o.columns });
  const targets = importTargets(plan).map((x) => ({ ...x, sheetName: x.sheet === "base" ? "Базовые показатели" : null, address: x.indicatorId === "students_total" ? "E5" : null }));
  return {
    source: o.grid ? (o.gridSource ?? "") : "Вставка!A1:D36", plan, targets, unchanged: 0,
    conflicts: [{ indicatorId: "students_total", period: "2023/24-Y", sheet: "base", value: 200, old: "198" }],
    school: REPORT.school, schoolYear: 2023, levels: ["primary", "basic"],
  };
}

describe("ImportTable screen", () => {
  it("without the commands shows the steps and the unavailable note, no button", () => {
    render(<ImportTable lang="ru" />);
    expect(screen.getByText(/Выделите всю таблицу вместе с заголовками/)).toBeTruthy();
    expect(screen.getByText(messages("ru").common.unavailable)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Проверить выделение" })).toBeNull();
  });

  it("previews the selection, shows rows, targets, findings and conflicts; writes with consent", async () => {
    const previews: ImportTableOptions[] = [];
    const writes: ImportWriteOptions[] = [];
    const previewImport = async (o: ImportTableOptions): Promise<CommandResult<ImportPreview>> => {
      previews.push(o);
      return { ok: true, ...previewOf(o) };
    };
    const writeImport = async (o: ImportWriteOptions): Promise<ImportWriteResult> => {
      writes.push(o);
      return { ok: true, written: [], kept: [], replaced: [{ indicatorId: "students_total", period: "2023/24-Y", sheet: "base", value: 200, old: "198" }], unchanged: 0, created: [], updated: [], syncs: 4 };
    };
    let changed = 0;
    render(<ImportTable lang="ru" report={REPORT} previewImport={previewImport} writeImport={writeImport} onChanged={() => changed++} />);
    expect((screen.getByRole("textbox") as HTMLInputElement).value).toBe("МБОУ ООШ № 3");
    expect(screen.getByText(/Чтение файлов Word появится/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Проверить выделение" })));
    expect(previews).toEqual([{ lang: "ru", period: Y, columns: {} }]);
    const rows = within(screen.getByTestId("import-rows"));
    expect(rows.getByText(short("students_total")).closest("tr")?.textContent).toContain("Базовые показатели!E5");
    expect(rows.getByText(short("gia9_rus_avg")).closest("tr")?.textContent).toMatch(/ГИА-2024.*новый столбец/);
    expect(rows.getByText(short("ege_rus_avg")).closest("tr")?.textContent).toMatch(/не записывается \(не применимо к школе\)/);
    expect(screen.getByTestId("import-unrecognised").textContent).toContain("Количество кружков робототехники — 3");
    expect(screen.getByTestId("import-findings").textContent).toMatch(/больше итога/);
    expect(screen.getByTestId("import-conflicts").textContent).toContain("198 → 200");
    fireEvent.click(screen.getByRole("checkbox", { name: "Заменить введённые значения" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Записать" })));
    expect(writes).toEqual([{ lang: "ru", period: Y, columns: {}, school: "МБОУ ООШ № 3", schoolYear: 2023, overwrite: true }]);
    expect(screen.getByTestId("import-written").textContent).toMatch(/Заменено: 1\./);
    expect(changed).toBe(1);
    // The preview is read again after the write.
    expect(previews).toHaveLength(2);
  });

  it("a column's period can be changed or the column left out", async () => {
    const previews: ImportTableOptions[] = [];
    const previewImport = async (o: ImportTableOptions): Promise<CommandResult<ImportPreview>> => {
      previews.push(o);
      return { ok: true, ...previewOf(o) };
    };
    render(<ImportTable lang="ru" report={REPORT} previewImport={previewImport} writeImport={async () => ({ ok: false, error: { code: "x", message: { ru: "нет", en: "no" } } })} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Проверить выделение" })));
    await act(async () => fireEvent.change(screen.getByRole("combobox", { name: "2023/24" }), { target: { value: "" } }));
    expect(previews[1].columns).toEqual({ 3: null });
    expect(screen.getByTestId("import-preview").textContent).toContain("значений к записи: 0");
    expect(screen.queryByRole("button", { name: "Записать" })).toBeNull();
  });

  it("with a .docx reader: a Word file, its tables by heading, the chosen table previewed", async () => {
    const previews: ImportTableOptions[] = [];
    const previewImport = async (o: ImportTableOptions): Promise<CommandResult<ImportPreview>> => {
      previews.push(o);
      return { ok: true, ...previewOf(o) };
    };
    const readDocx = (): DocxRead => ({ ok: true, doc: { tables: [{ heading: "Дорожная карта", rows: [["№", "Мероприятие"]] }, { heading: "Показатели самообследования", rows: SELF_EXAM }], paragraphs: [] } });
    render(<ImportTable lang="ru" report={REPORT} previewImport={previewImport} writeImport={async () => ({ ok: false, error: { code: "x", message: { ru: "нет", en: "no" } } })} readDocx={readDocx} />);
    const file = new File([new Uint8Array([80, 75, 3, 4])], "отчёт.docx");
    await act(async () => fireEvent.change(screen.getByLabelText("Выбрать файл Word"), { target: { files: [file] } }));
    fireEvent.change(await screen.findByRole("combobox", { name: "Таблица документа" }), { target: { value: "1" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Проверить таблицу из файла" })));
    expect(previews[0].grid).toBe(SELF_EXAM);
    expect(previews[0].gridSource).toBe("отчёт.docx: Показатели самообследования");
    expect(screen.getByTestId("import-preview").textContent).toContain("отчёт.docx: Показатели самообследования");
  });

  it("a reader's refusal and a command failure are shown in English", async () => {
    const readDocx = (): DocxRead => ({ ok: false, finding: { ru: "Файл повреждён.", en: "The file is damaged." } });
    const previewImport = async (): Promise<CommandResult<ImportPreview>> => ({ ok: false, error: { code: "noRows", message: { ru: "Нет строк.", en: "No indicator was recognised." } } });
    render(<ImportTable lang="en" report={REPORT} previewImport={previewImport} writeImport={async () => ({ ok: false, error: { code: "x", message: { ru: "нет", en: "no" } } })} readDocx={readDocx} />);
    await act(async () => fireEvent.change(screen.getByLabelText("Choose a Word file"), { target: { files: [new File(["x"], "a.docx")] } }));
    expect((await screen.findByRole("alert")).textContent).toContain("The file is damaged.");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Check the selection" })));
    expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toContain("No indicator was recognised.");
  });

  it("opens under «Заполнить отчёт» on demand, with the workbook's school as the default", async () => {
    const readReportInfo = async () => ({ ok: true as const, ...REPORT });
    const previewImport = async (o: ImportTableOptions): Promise<CommandResult<ImportPreview>> => ({ ok: true, ...previewOf(o) });
    render(<App lang="ru" host="excel" commands={{ readReportInfo, previewImport, writeImport: async () => ({ ok: false, error: { code: "x", message: { ru: "нет", en: "no" } } }) }} />);
    expect(screen.queryByRole("button", { name: "Проверить выделение" })).toBeNull();
    const open = screen.getByRole("button", { name: "Загрузить таблицу показателей…" });
    expect(open.getAttribute("aria-expanded")).toBe("false");
    await act(async () => fireEvent.click(open));
    expect(await screen.findByRole("button", { name: "Проверить выделение" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Загрузить таблицу показателей" })).toBeTruthy();
  });
});
