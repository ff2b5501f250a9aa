/**
 * @jest-environment jsdom
 */
/** «Самопроверка» in jsdom: opened from the pane's footer (lazy), run with an injected command, the table and the text to copy. */
import "./scheduler";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { CHECK_IDS, type SelfTestReport } from "../../src/core/selftest";
import { App } from "../../src/taskpane/App";
import { SelfTest } from "../../src/taskpane/screens/SelfTest";
import type { CommandResult } from "../../src/excel/commands";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const REPORT: SelfTestReport = {
  date: "2026-12-01T10:00:00.000Z",
  environment: { officeVersion: "16.0.18025.20104", platform: "PC", displayLanguage: "ru-RU", userAgent: null, apiSets: [{ name: "ExcelApi", version: "1.1", supported: true }] },
  sheet: "shnor_selftest",
  leftoversRemoved: 0,
  cleanup: { ok: true },
  restored: { activeSheet: false, selection: false },
  checks: CHECK_IDS.map((id) =>
    id === "protection"
      ? { id, ok: false, code: "AccessDenied", message: "You cannot perform the requested operation.", location: "WorksheetProtection.protect", ms: 9 }
      : id === "function:DELTA"
        ? { id, ok: false, code: "#NAME?", message: "=EDU.DELTA(2,5) gives #NAME?", ms: 30 }
        : { id, ok: true, ms: 5 },
  ),
};

const ALL_OK: SelfTestReport = { ...REPORT, checks: CHECK_IDS.map((id) => ({ id, ok: true, ms: 1 })) };

const rows = () =>
  within(screen.getByRole("table", { name: "Результаты самопроверки" }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.textContent);

describe("«Самопроверка» screen", () => {
  it("explains itself, runs once with progress, then shows ✔ / ✘ with Excel's code and message, and the text", async () => {
    const d = deferred<CommandResult<{ report: SelfTestReport }>>();
    const run = jest.fn(() => d.promise);
    render(<SelfTest lang="ru" runSelfTest={run} />);
    expect(screen.getByText(/отправьте нам текст/)).toBeTruthy();
    expect(screen.getByText(/временный лист удаляется; ваши листы, значения и выделение не меняются/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Запустить самопроверку" }));
    const busy = screen.getByRole("button", { name: "Проверяем… (до минуты)" }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    fireEvent.click(busy);
    expect(run).toHaveBeenCalledTimes(1);
    await act(async () => d.resolve({ ok: true, report: REPORT }));
    expect(screen.getByRole("status").textContent).toBe("Пройдено проверок: 10 из 12. Отправьте нам текст ниже — по нему мы поймём, что не так.");
    const r = rows();
    expect(r).toHaveLength(12);
    expect(r[0]).toBe("Очень скрытый лист (временный лист проверки)✔ работает");
    expect(r[1]).toBe("Функция EDU.DELTA: запись формулы и вычисление✘ не работает#NAME? — =EDU.DELTA(2,5) gives #NAME?");
    expect(r[11]).toBe("Защита листа без пароля и её снятие✘ не работаетAccessDenied — You cannot perform the requested operation.");
    const text = (screen.getByLabelText("Текст для разработчиков") as HTMLTextAreaElement).value;
    expect(text).toContain("Office: 16.0.18025.20104; platform: PC; display language: ru-RU");
    expect(text).toContain("✘ protection (9 ms): AccessDenied — You cannot perform the requested operation. [WorksheetProtection.protect]");
  });

  it("copies the text with the clipboard, or selects it for Ctrl+C when the clipboard is refused", async () => {
    const writeText = jest.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error("NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<SelfTest lang="en" runSelfTest={async () => ({ ok: true, report: ALL_OK })} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Run the self-test" })));
    expect(screen.getAllByRole("status")[0].textContent).toBe("All checks passed (12 of 12): your Excel does everything the add-in needs.");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy the text" })));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Мониторинг ШНОР — самопроверка \/ School Support Monitor — self-test\n/));
    expect(screen.getByText("Text copied.")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy the text" })));
    const area = screen.getByLabelText("Text for the developers") as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
    expect(screen.getByText(/Could not copy automatically/)).toBeTruthy();
  });

  it("says when the temporary sheet stayed, and shows a not-run check plainly", async () => {
    const report: SelfTestReport = {
      ...REPORT,
      cleanup: { ok: false, code: "GeneralException" },
      checks: CHECK_IDS.map((id) => ({ id, ok: false, code: "AccessDenied", message: "not run: the temporary sheet could not be added — x", ms: 0 })),
    };
    render(<SelfTest lang="ru" runSelfTest={async () => ({ ok: true, report })} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Запустить самопроверку" })));
    expect(screen.getByText("Временный лист «shnor_selftest» не удалось удалить (GeneralException). Он скрыт и будет удалён при следующей самопроверке.")).toBeTruthy();
    expect(rows()[0]).toBe("Очень скрытый лист (временный лист проверки)✘ не работаетAccessDenied — не выполнена: временный лист не удалось добавить");
  });

  it("opens from the pane's footer on first use, hides the sections while open, and goes back to them", async () => {
    const run = jest.fn(async () => ({ ok: true as const, report: ALL_OK }));
    render(<App lang="ru" host="excel" commands={{ runSelfTest: run }} />);
    expect(screen.queryByRole("region", { name: "Самопроверка" })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Самопроверка" })));
    const region = await screen.findByRole("region", { name: "Самопроверка" });
    expect(document.activeElement).toBe(within(region).getByRole("heading", { name: "Самопроверка" }));
    expect(screen.queryByRole("tablist")).toBeNull(); // hidden
    await act(async () => fireEvent.click(within(region).getByRole("button", { name: "Запустить самопроверку" })));
    expect(run).toHaveBeenCalledTimes(1);
    await act(async () => fireEvent.click(within(region).getByRole("button", { name: "← К разделам" })));
    expect(screen.getByRole("tablist")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Самопроверка" }));
    // The result is kept when it is opened again.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Самопроверка" })));
    expect(screen.getByTestId("selftest-result")).toBeTruthy();
  });
});
