/**
 * @jest-environment jsdom
 */
/** The shell (language switch, tabs) and journeys 2 and 3 rendered in jsdom with injected commands. */
import "./scheduler";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Commands, ReportInfo, RisksResult } from "../../src/taskpane/commands";

const INFO: ReportInfo = {
  school: "МБОУ СОШ № 5",
  schoolYear: 2025,
  periods: [
    { startYear: 2024, kind: "Y" },
    { startYear: 2025, kind: "H1" },
    { startYear: 2025, kind: "Y" },
  ],
  hasTargets: false,
};

const tabNames = () => screen.getAllByRole("tab").map((t) => t.textContent);

const panel = (id: string) => within(document.getElementById(`panel-${id}`) as HTMLElement);

async function openTab(name: string) {
  await act(async () => fireEvent.click(screen.getByRole("tab", { name })));
}

describe("the pane shell", () => {
  it("switches between Russian and English and tells the page", async () => {
    const onLangChange = jest.fn();
    render(<App lang="ru" host="excel" onLangChange={onLangChange} />);
    expect(tabNames()).toEqual(["Заполнить отчёт", "Сравнить периоды", "Цели и риски", "Дорожная карта", "Свод", "Отправка", "Функции"]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Switch the pane to English" })));
    expect(tabNames()).toEqual(["Fill a report", "Compare periods", "Targets and risks", "Road map", "Summary", "Sending", "Functions"]);
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("en");
    expect(onLangChange).toHaveBeenCalledWith("en");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Переключить панель на русский язык" })));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Мониторинг ШНОР");
  });

  it("tabs follow the WAI-ARIA pattern: one in the tab order, arrows move and select", async () => {
    render(<App lang="ru" host="excel" />);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("tabindex"))).toEqual(["0", ...tabs.slice(1).map(() => "-1")]);
    tabs[0].focus();
    await act(async () => fireEvent.keyDown(tabs[0], { key: "ArrowRight" }));
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1].getAttribute("aria-selected")).toBe("true");
    expect((document.getElementById("panel-compare") as HTMLElement).hidden).toBe(false);
    expect((document.getElementById("panel-fill") as HTMLElement).hidden).toBe(true);
    await act(async () => fireEvent.keyDown(tabs[1], { key: "ArrowLeft" }));
    await act(async () => fireEvent.keyDown(tabs[0], { key: "ArrowLeft" }));
    const last = tabs[tabs.length - 1];
    expect(document.activeElement).toBe(last);
    await act(async () => fireEvent.keyDown(last, { key: "Home" }));
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
  });

  it("says once when it runs outside Office, and the actions stay disabled", () => {
    render(<App lang="ru" host="outsideOffice" />);
    expect(screen.getByText(/Панель открыта вне Office/)).toBeTruthy();
    expect(screen.queryByText(/Недоступно в этой версии/)).toBeNull();
    expect((screen.getByRole("button", { name: "Вставить листы" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("every form control has an accessible name", () => {
    render(<App lang="ru" host="excel" commands={{ insertReport: jest.fn() }} />);
    const controls = [...document.querySelectorAll("input, select, button")].filter((el) => !el.closest("[hidden]"));
    expect(controls.length).toBeGreaterThan(15);
    for (const el of controls) {
      const id = el.getAttribute("id");
      const named =
        (el.getAttribute("aria-label") ?? "") !== "" ||
        (el.getAttribute("aria-labelledby") ?? "") !== "" ||
        (id !== null && document.querySelector(`label[for="${id}"]`) !== null) ||
        (el.tagName === "BUTTON" && (el.textContent ?? "").trim() !== "");
      expect({ el: el.outerHTML.slice(0, 80), named }).toEqual({ el: el.outerHTML.slice(0, 80), named: true });
    }
  });

  it("journeys 2 and 3 say «not available» when their commands are missing", async () => {
    render(<App lang="ru" host="excel" commands={{}} />);
    await openTab("Сравнить периоды");
    expect(panel("compare").getByText(/Недоступно в этой версии/)).toBeTruthy();
    await openTab("Цели и риски");
    expect(panel("targets").getByText(/Недоступно в этой версии/)).toBeTruthy();
  });
});

describe("«Сравнить периоды»", () => {
  it("offers the usual pairs of the workbook's periods and compares the chosen one", async () => {
    const comparePeriods = jest.fn(async () => ({ ok: true as const, sheet: "Динамика", indicators: 27 }));
    const activateSheet = jest.fn(async () => undefined);
    render(<App lang="ru" host="excel" commands={{ readReportInfo: async () => ({ ok: true, ...INFO }), comparePeriods, activateSheet }} />);
    await openTab("Сравнить периоды");
    const radios = panel("compare").getAllByRole("radio").map((r) => r.closest("span, div")?.parentElement?.textContent ?? "");
    // Issue 16: year on year first; a half-year with its own year comes last.
    expect(radios[0]).toContain("2024/25 учебный год → 2025/26 учебный год");
    expect(radios[radios.length - 2]).toContain("I полугодие 2025/26 → 2025/26 учебный год (полугодие и весь учебный год)");
    expect(radios[radios.length - 1]).toContain("Свой выбор периодов");
    expect(panel("compare").getByText("Школа: МБОУ СОШ № 5")).toBeTruthy();

    await act(async () => fireEvent.click(panel("compare").getByRole("button", { name: "Построить «Динамику»" })));
    expect(comparePeriods).toHaveBeenCalledWith({ earlier: { startYear: 2024, kind: "Y" }, later: { startYear: 2025, kind: "Y" }, lang: "ru" });
    expect(panel("compare").getByTestId("compare-result").textContent).toContain("Лист «Динамика»: показателей — 27.");

    // A free choice in the wrong order is refused inline; a right one is sent.
    await act(async () => fireEvent.click(panel("compare").getByRole("radio", { name: "Свой выбор периодов" })));
    fireEvent.change(panel("compare").getByLabelText("Ранний период"), { target: { value: "2025/26-Y" } });
    fireEvent.change(panel("compare").getByLabelText("Поздний период"), { target: { value: "2024/25-Y" } });
    expect(panel("compare").getByText("Выберите два разных периода: ранний должен быть раньше позднего.")).toBeTruthy();
    expect((panel("compare").getByRole("button", { name: "Построить «Динамику»" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(panel("compare").getByLabelText("Ранний период"), { target: { value: "2024/25-Y" } });
    fireEvent.change(panel("compare").getByLabelText("Поздний период"), { target: { value: "2025/26-Y" } });
    await act(async () => fireEvent.click(panel("compare").getByRole("button", { name: "Построить «Динамику»" })));
    expect(comparePeriods).toHaveBeenLastCalledWith({ earlier: { startYear: 2024, kind: "Y" }, later: { startYear: 2025, kind: "Y" }, lang: "ru" });

    await act(async () => fireEvent.click(panel("compare").getByRole("button", { name: "Перейти к листу «Динамика»" })));
    expect(activateSheet).toHaveBeenCalledWith("Динамика");
  });

  it("suggests pairs only among periods that have data (issue 16)", async () => {
    const comparePeriods = jest.fn(async () => ({ ok: true as const, sheet: "Динамика", indicators: 3 }));
    const info = { ...INFO, filled: [{ startYear: 2024, kind: "Y" as const }, { startYear: 2025, kind: "H1" as const }] };
    render(<App lang="ru" host="excel" commands={{ readReportInfo: async () => ({ ok: true, ...info }), comparePeriods }} />);
    await openTab("Сравнить периоды");
    expect(panel("compare").queryByText(/→ 2025\/26 учебный год/)).toBeNull();
    await act(async () => fireEvent.click(panel("compare").getByRole("button", { name: "Построить «Динамику»" })));
    expect(comparePeriods).toHaveBeenCalledWith({ earlier: { startYear: 2024, kind: "Y" }, later: { startYear: 2025, kind: "H1" }, lang: "ru" });
  });

  it("explains what to do when the workbook has no report", async () => {
    render(<App lang="en" host="excel" commands={{ readReportInfo: async () => ({ ok: true, ...INFO, periods: [] }), comparePeriods: jest.fn() }} />);
    await openTab("Compare periods");
    expect(panel("compare").getByText(/Insert them first on the «Fill a report» tab/)).toBeTruthy();
    expect(panel("compare").queryByRole("button", { name: "Build «Dynamics»" })).toBeNull();
  });
});

describe("«Цели и риски»", () => {
  it("inserts targets, refreshes risks, shows the counts and jumps to «Риски»", async () => {
    const risks: RisksResult = { sheet: "Риски", missed: 2, atRisk: 1, worsening: 3, findings: 0 };
    const commands: Commands = {
      readReportInfo: async () => ({ ok: true, ...INFO }),
      insertTargets: jest.fn(async () => ({ ok: true as const, sheet: "Цели программы", created: true, targets: 14 })),
      refreshRisks: jest.fn(async () => ({ ok: true as const, ...risks })),
      activateSheet: jest.fn(async () => undefined),
    };
    render(<App lang="ru" host="excel" commands={commands} />);
    await openTab("Цели и риски");
    await act(async () => fireEvent.click(panel("targets").getByRole("button", { name: "Вставить цели" })));
    expect(commands.insertTargets).toHaveBeenCalledWith({ lang: "ru" });
    expect(panel("targets").getByTestId("targets-result").textContent).toContain("Лист «Цели программы» создан. Целей: 14.");
    await act(async () => fireEvent.click(panel("targets").getByRole("button", { name: "Обновить риски" })));
    const result = panel("targets").getByTestId("risks-result");
    const pairs = [...result.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ["Цель не достигнута", "2"],
      ["Под угрозой", "1"],
      ["Ухудшаются", "3"],
      ["Замечания к данным", "0"],
    ]);
    await act(async () => fireEvent.click(within(result).getByRole("button", { name: "Перейти к листу «Риски»" })));
    expect(commands.activateSheet).toHaveBeenCalledWith("Риски");
  });

  it("shows a failure with what to do", async () => {
    const message = { ru: "Лист «Риски» защищён паролем. Снимите защиту и повторите.", en: "The «Risks» sheet is password-protected. Unprotect it and try again." };
    render(
      <App
        lang="en"
        host="excel"
        commands={{ insertTargets: jest.fn(), refreshRisks: async () => ({ ok: false, error: { code: "protected", message } }) }}
      />,
    );
    await openTab("Targets and risks");
    await act(async () => fireEvent.click(panel("targets").getByRole("button", { name: "Refresh risks" })));
    expect(panel("targets").getByRole("alert").textContent).toContain(message.en);
  });
});
