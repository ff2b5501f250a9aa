/**
 * @jest-environment jsdom
 */
/** The «Дорожная карта» screen in jsdom with an injected command: instructions, progress, result, failure. */
import "../taskpane/scheduler";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Roadmap } from "../../src/taskpane/screens/Roadmap";
import { messages } from "../../src/i18n";
import type { RoadmapImportResult } from "../../src/excel/roadmap";
import type { CommandResult } from "../../src/excel/commands";

const RESULT: RoadmapImportResult = {
  sheet: "Дорожная карта", created: true, source: "Вставка!B2:G27", events: 19, occurrences: 33, groups: 4,
  unparsed: ["скоро, после каникул"], undated: 3, kept: 0, orphans: 0, years: { firstYear: 2023, lastYear: 2024 },
  yearsSource: "deadlines", partnership: "linked", linked: ["2023/24-H1", "2023/24-Y"],
  findings: [{ code: "typedKept", severity: "warning", message: { ru: "Значение введено вручную и не заменено.", en: "Typed by hand, not replaced." } }],
};

describe("Roadmap screen", () => {
  it("without Excel shows the instructions and the unavailable note, no button", () => {
    render(<Roadmap lang="ru" />);
    expect(screen.getByText(/Выделите вставленную таблицу целиком/)).toBeTruthy();
    expect(screen.getByText(messages("ru").common.unavailable)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Загрузить дорожную карту" })).toBeNull();
  });

  it("runs the command once with the pane language, shows progress and then the result", async () => {
    let resolve: (r: CommandResult<RoadmapImportResult>) => void = () => undefined;
    const calls: unknown[] = [];
    const importRoadmap = jest.fn((o: unknown) => {
      calls.push(o);
      return new Promise<CommandResult<RoadmapImportResult>>((r) => (resolve = r));
    });
    const opened: string[] = [];
    render(<Roadmap lang="ru" importRoadmap={importRoadmap} activateSheet={async (n) => void opened.push(n)} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Загрузить дорожную карту" })));
    const busy = screen.getByRole("button", { name: /Загружаем дорожную карту/ });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    await act(async () => fireEvent.click(busy));
    expect(calls).toEqual([{ lang: "ru" }]);
    await act(async () => resolve({ ok: true, ...RESULT }));
    const result = screen.getByTestId("roadmap-result");
    expect(result.textContent).toMatch(/Лист «Дорожная карта» создан\./);
    expect(result.textContent).toMatch(/Сроки прочитаны для 2023\/24–2024\/25 учебных годов \(по датам в дорожной карте\)\./);
    expect(result.textContent).toMatch(/«Партнёрство» теперь берётся из дорожной карты: I полугодие 2023\/24, 2023\/24 учебный год\./);
    expect(screen.getByTestId("roadmap-unparsed").textContent).toMatch(/Сроки не распознаны \(1\).*«скоро, после каникул»/);
    expect(screen.getByTestId("roadmap-findings").textContent).toMatch(/Значение введено вручную и не заменено\./);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Дорожная карта/ })));
    expect(opened).toEqual(["Дорожная карта"]);
  });

  it("shows a failure in English", async () => {
    const importRoadmap = async (): Promise<CommandResult<RoadmapImportResult>> => ({ ok: false, error: { code: "noEvents", message: { ru: "Нет мероприятий.", en: "No event was found." } } });
    render(<Roadmap lang="en" importRoadmap={importRoadmap} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load the road map" })));
    expect(screen.getByRole("alert").textContent).toMatch(/No event was found\./);
  });
});
