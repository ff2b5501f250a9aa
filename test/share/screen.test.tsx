/**
 * @jest-environment jsdom
 */
/** The «Отправка» screen with injected commands: explanations, progress, results, lists, failures. */
import "../taskpane/scheduler";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { CommandResult } from "../../src/excel/commands";
import type { FreezeResult, RestoreResult } from "../../src/excel/share";
import { messages } from "../../src/i18n";
import { Share } from "../../src/taskpane/screens/Share";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const FROZEN: CommandResult<FreezeResult> = {
  ok: true,
  frozen: 42,
  sheets: ["Динамика", "Риски"],
  kept: 0,
  skipped: [
    { sheet: "Мой", address: "B2", formula: "{=EDU.DELTA(A1:A2,B1:B2)}", reason: "array" },
    { sheet: "Динамика", address: "F7", formula: "=EDU.DELTA(D7,E7)", reason: "busy", error: "#BUSY!" },
  ],
  storeSheet: "ШНОР исходные формулы",
  waits: 5,
  extraReads: [],
};

describe("«Отправка»", () => {
  it("without commands shows the explanation and the unavailable note", () => {
    render(<Share lang="ru" />);
    expect(screen.getByText(/показывают #NAME\?/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText(messages("ru").common.unavailable)).toBeTruthy();
  });

  it("explains both buttons, shows progress, then what was frozen and what was skipped", async () => {
    const d = deferred<CommandResult<FreezeResult>>();
    const freeze = jest.fn(() => d.promise);
    const changed = jest.fn();
    render(<Share lang="ru" freezeForSending={freeze} restoreFormulas={jest.fn()} onChanged={changed} />);
    const button = screen.getByRole("button", { name: "Подготовить к отправке" });
    expect(button.getAttribute("aria-describedby")).toBe("share-freeze-help");
    expect(screen.getByText(/Исходные формулы сохраняются на скрытом листе/)).toBeTruthy();
    expect(screen.getByText(/изменённые после подготовки к отправке, не трогаются/)).toBeTruthy();
    fireEvent.click(button);
    expect(freeze).toHaveBeenCalledWith({ lang: "ru" });
    expect(screen.getByRole("button", { name: "Заменяем формулы значениями…" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Вернуть формулы" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => d.resolve(FROZEN));
    const result = screen.getByTestId("share-frozen");
    expect(result.textContent).toContain("Формул заменено значениями: 42 (листов: 2)");
    expect(result.textContent).toContain("«Вернуть формулы» восстановит их");
    expect(result.textContent).toContain("Листы: «Динамика», «Риски».");
    expect(result.textContent).toContain("Оставлены формулами: 2");
    expect(result.textContent).toContain("«Мой»!B2: формула массива");
    expect(result.textContent).toContain("«Динамика»!F7: функция ещё вычислялась (#BUSY!) — формула оставлена");
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("says when there is nothing to freeze", async () => {
    const freeze = jest.fn(async (): Promise<CommandResult<FreezeResult>> => ({ ok: true, frozen: 0, sheets: [], kept: 0, skipped: [], storeSheet: null, waits: 0, extraReads: [] }));
    render(<Share lang="en" freezeForSending={freeze} restoreFormulas={jest.fn()} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Prepare for sending" }));
    });
    expect(screen.getByTestId("share-frozen").textContent).toBe("The workbook has no formulas with EDU.* functions — it can be sent as it is.");
  });

  it("lists cells kept because they changed or their sheet is gone, at most 20 each", async () => {
    const changed = Array.from({ length: 25 }, (_, i) => ({ sheet: "Динамика", address: `F${i + 5}`, formula: "=EDU.DELTA(D5,E5)", reason: "changed" as const }));
    const restore = jest.fn(async (): Promise<CommandResult<RestoreResult>> => ({
      ok: true, restored: 10, already: 2, changed, sheetMissing: [{ sheet: "Удалён", address: "A1", formula: "=EDU.SHARE(1,2)", reason: "sheetMissing" }], unreadable: 0, nothingToRestore: false,
      byName: [{ sheet: "Динамика", reason: "idsChanged" }], extraReads: [],
    }));
    render(<Share lang="ru" freezeForSending={jest.fn()} restoreFormulas={restore} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Вернуть формулы" }));
    });
    const text = screen.getByTestId("share-restored").textContent ?? "";
    expect(text).toContain("Формул восстановлено: 10. Уже были на месте: 2.");
    expect(text).toContain("Оставлены как есть — изменены после подготовки к отправке: 25");
    expect(text).toContain("«Динамика»!F5: исходная формула =EDU.DELTA(D5,E5)");
    expect(text).toContain("…и ещё 5");
    expect(text).toContain("Не восстановлены — лист удалён: 1");
    expect(text).toContain("«Удалён»!A1");
    expect(text).toContain("Листы найдены по имени, а не по коду листа (книга открыта заново после подготовки к отправке): «Динамика».");
  });

  it("shows a failure message and nothing to restore plainly", async () => {
    const restore = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: "protected", message: { ru: "Лист защищён паролем. Книга не изменена.", en: "x" } } })
      .mockResolvedValueOnce({ ok: true, restored: 0, already: 0, changed: [], sheetMissing: [], unreadable: 0, nothingToRestore: true });
    render(<Share lang="ru" freezeForSending={jest.fn()} restoreFormulas={restore} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Вернуть формулы" }));
    });
    expect(screen.getByRole("alert").textContent).toContain("Лист защищён паролем. Книга не изменена.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Вернуть формулы" }));
    });
    expect(screen.getByTestId("share-restored").textContent).toMatch(/^Нечего восстанавливать/);
  });
});
