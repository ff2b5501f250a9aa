/**
 * @jest-environment jsdom
 */
/** Journey 1 rendered in jsdom with an injected insertReport: defaults, inline validation, result, failures. */
import "./scheduler";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Commands, InsertOptions } from "../../src/taskpane/commands";
import type { InsertResult } from "../../src/excel/insertReport";

const TODAY = new Date(2026, 10, 25); // school year 2026/27

const inserted: InsertResult = {
  ok: true,
  created: ["Паспорт", "Базовые показатели", "Предметные результаты (2)"],
  updated: ["Кадровые условия"],
  renamed: [{ wanted: "Предметные результаты", used: "Предметные результаты (2)" }],
  valuesKept: 12,
  syncs: 3,
  chunkSyncs: 0,
  maxRequestBytes: 1000,
  warnings: [{ ru: "Нет проверки данных.", en: "No data validation." }],
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function renderPane(commands: Commands, lang: "ru" | "en" = "ru") {
  return render(<App lang={lang} host="excel" commands={commands} today={TODAY} />);
}

const submit = () => screen.getByRole("button", { name: "Вставить листы" });

describe("«Заполнить отчёт»", () => {
  it("starts in Russian with this school year, I полугодие, year and exams, and partnership and pupil context off", () => {
    renderPane({ insertReport: jest.fn() });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Мониторинг ШНОР");
    expect((screen.getByLabelText("Учебный год") as HTMLSelectElement).value).toBe("2026");
    const checked = (name: string) => (screen.getByRole("checkbox", { name }) as HTMLInputElement).checked;
    expect(checked("I п/г 26/27")).toBe(true);
    expect(checked("26/27 уч. г.")).toBe(true);
    expect(checked("ГИА-2027")).toBe(true);
    expect(checked("II п/г 26/27")).toBe(false);
    expect(checked("I ч. 26/27")).toBe(false);
    expect(checked("Предметные результаты")).toBe(true);
    expect(checked("Партнёрство")).toBe(false);
    expect(checked("Контингент")).toBe(false);
  });

  it("shows validation messages inline and does not call Excel", async () => {
    const insertReport = jest.fn();
    renderPane({ insertReport });
    for (const name of ["I п/г 26/27", "26/27 уч. г.", "ГИА-2027"]) fireEvent.click(screen.getByRole("checkbox", { name }));
    await act(async () => fireEvent.click(submit()));
    expect(screen.getByText("Укажите название образовательной организации.")).toBeTruthy();
    expect(screen.getByText("Выберите хотя бы один отчётный период.")).toBeTruthy();
    expect(insertReport).not.toHaveBeenCalled();
  });

  it("calls insertReport once with the options, shows progress, then what was created, updated, renamed and kept", async () => {
    const d = deferred<InsertResult>();
    const insertReport = jest.fn((_: InsertOptions) => d.promise);
    renderPane({ insertReport });
    fireEvent.change(screen.getByLabelText(/^Образовательная организация/), { target: { value: "МБОУ СОШ № 5" } });
    fireEvent.change(screen.getByLabelText("Учебный год"), { target: { value: "2025" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "II п/г 25/26" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Контингент" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Партнёрство" }));
    fireEvent.change(screen.getByLabelText("Доля успевающих на «4» и «5» считается от"), { target: { value: "students_total" } });
    await act(async () => fireEvent.click(submit()));
    // Busy: the button shows progress and a second click does nothing.
    const busy = screen.getByRole("button", { name: "Вставляем листы…" }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    await act(async () => fireEvent.click(busy));
    expect(insertReport).toHaveBeenCalledTimes(1);
    expect(insertReport.mock.calls[0][0]).toEqual({
      school: "МБОУ СОШ № 5",
      municipality: undefined,
      program: undefined,
      schoolYear: 2025,
      periods: [
        { startYear: 2025, kind: "H1" },
        { startYear: 2025, kind: "H2" },
        { startYear: 2025, kind: "Y" },
        { startYear: 2025, kind: "E" },
      ],
      sections: ["subject", "staff", "facilities", "methods", "partnership", "context"],
      lang: "ru",
      qualityDenominator: "students_total",
    });
    await act(async () => d.resolve(inserted));
    const result = screen.getByTestId("insert-result");
    const text = result.textContent ?? "";
    expect(text).toContain("Листы готовы");
    expect(within(result).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Паспорт",
      "Базовые показатели",
      "Предметные результаты (2)",
      "Кадровые условия",
      "Нет проверки данных.",
    ]);
    expect(text).toContain("В книге уже есть лист «Предметные результаты», созданный не надстройкой, поэтому наш лист назван «Предметные результаты (2)».");
    expect(text).toContain("Сохранено введённых ранее значений: 12.");
    expect(screen.getByRole("button", { name: "Вставить листы" })).toBeTruthy();
  });

  it("shows the command's error in the user's language", async () => {
    const insertReport = jest.fn(async (): Promise<InsertResult> => ({
      ok: false,
      error: { code: "cellEditMode", message: { ru: "Excel сейчас в режиме правки ячейки.", en: "Excel is editing a cell." } },
      syncs: 0,
    }));
    renderPane({ insertReport }, "en");
    fireEvent.change(screen.getByLabelText(/^School\b(?! year)/), { target: { value: "School 5" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert sheets" })));
    expect(screen.getByRole("alert").textContent).toBe("That did not workExcel is editing a cell.");
  });

  it("turns an exception into a plain message, never a stack trace", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const insertReport = jest.fn(async (): Promise<InsertResult> => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    renderPane({ insertReport });
    fireEvent.change(screen.getByLabelText(/^Образовательная организация/), { target: { value: "Школа" } });
    await act(async () => fireEvent.click(submit()));
    const alert = screen.getByRole("alert").textContent ?? "";
    expect(alert).toContain("Непредвиденная ошибка.");
    expect(alert).not.toContain("TypeError");
    spy.mockRestore();
  });

  it("without the command says it is not available and disables the action", () => {
    renderPane({});
    const panel = document.getElementById("panel-fill") as HTMLElement;
    expect(within(panel).getByText("Недоступно в этой версии надстройки: эта функция появится после обновления.")).toBeTruthy();
    expect((submit() as HTMLButtonElement).disabled).toBe(true);
  });

  it("after a re-insert in a workbook with targets it offers to bring the highlighting back", async () => {
    const refreshRisks = jest.fn(async () => ({ ok: true as const, sheet: "Риски", missed: 1, atRisk: 0, worsening: 0, findings: 0 }));
    renderPane({ insertReport: jest.fn(async () => ({ ...inserted, highlightCleared: true })), refreshRisks });
    fireEvent.change(screen.getByLabelText(/^Образовательная организация/), { target: { value: "МБОУ СОШ № 5" } });
    await act(async () => fireEvent.click(submit()));
    const note = await screen.findByTestId("rehighlight");
    expect(note.textContent).toContain("Подсветка целей на обновлённых листах снята");
    await act(async () => fireEvent.click(within(note).getByRole("button", { name: "Вернуть подсветку целей" })));
    expect(refreshRisks).toHaveBeenCalledWith({ lang: "ru" });
    expect(screen.getByTestId("rehighlight").textContent).toBe("Подсветка целей и лист «Риски» обновлены.");
  });
});
