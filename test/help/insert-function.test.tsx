/**
 * @jest-environment jsdom
 */
/**
 * «Вставить функцию» in jsdom against the simulated Excel host: arguments taken from the selection,
 * the preview in Russian syntax, the invariant formula written into the active cell and computed,
 * a non-empty cell replaced only after confirmation; the «Справка» link of the pane.
 */
import "../taskpane/scheduler";
import "./jsdom-encoding";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { insertFormula, readSelection, splitAddress } from "../../src/excel/insertFunction";
import { guideUrl } from "../../src/excel/help";
import { InsertFunction } from "../../src/taskpane/screens/InsertFunction";
import { App } from "../../src/taskpane/App";

let host: SimHost;
let restore: () => void;

async function select(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

const type = (sheet: string, a1: string, v: string) => {
  const r = host.inspect.userEdit(sheet, a1, v);
  if (!r.ok) throw new Error(r.message.en);
};

beforeEach(() => {
  host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Отчёт", "Базовые показатели"] });
  restore = installSimHost(host);
  type("Отчёт", "B2", "42");
  type("Базовые показатели", "C2", "200");
  for (const [a, v] of [["B4", "0,21"], ["C4", "0,24"], ["D4", "0,27"]]) type("Отчёт", a, v);
});
afterEach(() => restore());

const args = () => screen.getAllByRole("textbox") as HTMLInputElement[];
const takeButtons = () => screen.getAllByRole("button", { name: /Взять выделенные ячейки/ });
const preview = () => screen.getByTestId("formula-preview").textContent;

describe("«Вставить функцию» with the simulated Excel", () => {
  it("takes the arguments from the selection, previews in Russian syntax, writes the invariant formula", async () => {
    render(<InsertFunction lang="ru" readSelection={readSelection} insertFormula={insertFormula} />);
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("SHARE");
    expect(screen.getByText(/Доля части в целом/)).toBeTruthy();
    await select("Отчёт", "B2");
    await act(async () => fireEvent.click(takeButtons()[0]));
    await select("Базовые показатели", "C2");
    await act(async () => fireEvent.click(takeButtons()[1]));
    expect(args().map((i) => i.value)).toEqual(["B2", "'Базовые показатели'!C2"]);
    expect(preview()).toBe("=EDU.ДОЛЯ(B2;'Базовые показатели'!C2)");

    await select("Отчёт", "E2");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Вставить в активную ячейку" })));
    expect(screen.getByText("Формула вставлена в Отчёт!E2.")).toBeTruthy();
    expect(host.inspect.cell("Отчёт", "E2").formula).toBe("=EDU.SHARE(B2,'Базовые показатели'!C2)");
    expect(host.inspect.cell("Отчёт", "E2").value).toBeCloseTo(0.21, 10);
  });

  it("asks before replacing a cell that is not empty, and replaces it only on «Заменить»", async () => {
    render(<InsertFunction lang="ru" readSelection={readSelection} insertFormula={insertFormula} />);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "TREND" } });
    await select("Отчёт", "B4:D4");
    await act(async () => fireEvent.click(takeButtons()[0]));
    expect(preview()).toBe("=EDU.ТРЕНД(B4:D4)");

    await select("Отчёт", "B2");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Вставить в активную ячейку" })));
    const warning = screen.getByText(/В ячейке Отчёт!B2 уже есть «42»\. Заменить её формулой\?/);
    expect(host.inspect.cell("Отчёт", "B2").value).toBe(42);
    expect(warning).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Оставить как есть" })));
    expect(screen.getByText(/Ячейка Отчёт!B2 не изменена/)).toBeTruthy();
    expect(host.inspect.cell("Отчёт", "B2").value).toBe(42);

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Вставить в активную ячейку" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Заменить" })));
    expect(host.inspect.cell("Отчёт", "B2").formula).toBe("=EDU.TREND(B4:D4)");
    expect(host.inspect.cell("Отчёт", "B2").value).toBeCloseTo(0.03, 10);
  });

  it("refuses to insert while an argument is missing or unreadable, and says which", async () => {
    const insert = jest.fn(insertFormula);
    render(<InsertFunction lang="ru" readSelection={readSelection} insertFormula={insert} />);
    fireEvent.change(args()[0], { target: { value: "много" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Вставить в активную ячейку" })));
    expect(insert).not.toHaveBeenCalled();
    expect(screen.getByText(/«много»: укажите ячейку/)).toBeTruthy();
    expect(screen.getByText("Обязательный аргумент: заполните его.")).toBeTruthy();
    expect(screen.getByText("Исправьте отмеченные аргументы.")).toBeTruthy();
  });

  it("reads the selection a user makes on the demo's grid (host.inspect.select), on any sheet", async () => {
    host.inspect.activate("Базовые показатели");
    host.inspect.select("Базовые показатели", "C2:C9");
    expect(await readSelection()).toEqual({ ok: true, sheet: "Базовые показатели", address: "C2:C9" });
  });

  it("the overwrite agreement holds for that one cell only", async () => {
    await select("Отчёт", "B2");
    const first = await insertFormula({ id: "SHARE", args: [{ kind: "number", value: 1 }, { kind: "number", value: 4 }] });
    expect(first).toEqual({ ok: true, written: false, cell: "Отчёт!B2", content: "42" });
    await select("Отчёт", "C4");
    const other = await insertFormula({ id: "SHARE", args: [{ kind: "number", value: 1 }, { kind: "number", value: 4 }], overwrite: "Отчёт!B2" });
    expect(other).toMatchObject({ ok: true, written: false, cell: "Отчёт!C4" });
    expect(host.inspect.cell("Отчёт", "C4").value).toBe(0.24);
    expect(await insertFormula({ id: "NOPE", args: [] })).toMatchObject({ ok: false, error: { code: "unknownFunction" } });
  });

  it("says plainly when the active cell is locked on a protected sheet, and writes nothing", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Отчёт").protection.protect();
      await context.sync();
    });
    await select("Отчёт", "F9");
    const r = await insertFormula({ id: "SHARE", args: [{ kind: "number", value: 1 }, { kind: "number", value: 4 }] });
    expect(r).toMatchObject({ ok: false, error: { code: "lockedCell", message: { ru: expect.stringMatching(/^Ячейка защищена/) } } });
    expect(host.inspect.cell("Отчёт", "F9").value).toBe("");
  });
});

describe("«Справка»", () => {
  it("is a link to help.html in the pane's footer that uses the host's browser window when there is one", () => {
    const opened: (string | undefined)[] = [];
    const { unmount } = render(<App lang="ru" host="excel" commands={{ openHelp: (a) => opened.push(a) }} />);
    const link = screen.getByRole("link", { name: "Справка" }) as HTMLAnchorElement;
    expect(link.getAttribute("href")).toBe("help.html");
    expect(link.getAttribute("target")).toBe("_blank");
    fireEvent.click(link);
    expect(opened).toEqual([undefined]);
    unmount();
    render(<App lang="en" host="outsideOffice" />);
    expect((screen.getByRole("link", { name: "Help" }) as HTMLAnchorElement).getAttribute("href")).toBe("help.html");
  });

  it("opens the guide on the pane's own origin, at a function's section", () => {
    expect(guideUrl(undefined, "https://localhost:3000/taskpane.html")).toBe("https://localhost:3000/help.html");
    expect(guideUrl("fn-share", "https://addin.example.org/shnor/taskpane.html?x=1")).toBe("https://addin.example.org/shnor/help.html#fn-share");
    expect(splitAddress("'Лист ''1'''!B5:C7")).toEqual({ sheet: "Лист '1'", address: "B5:C7" });
  });
});
