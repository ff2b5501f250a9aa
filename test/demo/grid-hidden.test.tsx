/**
 * @jest-environment jsdom
 */
/** The demo grid shows hidden rows and columns as Excel does: not at all, and the selection steps over them. */
import { TextDecoder, TextEncoder } from "util";
// jsdom lacks TextEncoder, which the simulated host uses to count request bytes.
Object.assign(globalThis, { TextEncoder, TextDecoder });
import * as React from "react";
import { fireEvent, render } from "@testing-library/react";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { Grid } from "../../src/demo/Grid";

let host: SimHost;
let uninstall: () => void;

beforeEach(async () => {
  host = createSimHost({ sheets: ["Лист1"], locale: "ru-RU" });
  uninstall = installSimHost(host);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Лист1");
    ws.getRange("A1:C4").values = [["shnor-monitor:v1:base", "Заголовок", ""], ["id", "Показатель", "Значение"], ["", "", "2023/24-Q1"], ["students_total", "Учащиеся", 400]];
    ws.getRange("A1").columnHidden = true;
    ws.getRange("A3").rowHidden = true;
    await context.sync();
  });
});
afterEach(() => uninstall());

const cell = (a1: string) => document.querySelector<HTMLElement>(`td[data-addr="${a1}"]`)!;

it("hidden cells take no room and show no text; arrows step over them", () => {
  render(<Grid host={host} lang="ru" locale="ru" sheet="Лист1" onSheet={() => undefined} version={0} />);
  expect(cell("A1").style.fontSize).toBe("0px");
  expect([cell("A1").style.paddingTop, cell("A1").style.paddingRight, cell("A1").style.paddingBottom, cell("A1").style.paddingLeft]).toEqual(["0px", "0px", "0px", "0px"]);
  expect((cell("C3").parentElement as HTMLElement).style.display).toBe("none");
  expect(cell("B2").style.fontSize).toBe("");
  // B2 → down: row 3 is hidden, B4 is next; → left from B4: column A is hidden, stay on B4.
  fireEvent.click(cell("B2"));
  fireEvent.keyDown(cell("B2"), { key: "ArrowDown" });
  expect(cell("B4").getAttribute("aria-selected")).toBe("true");
  fireEvent.keyDown(cell("B4"), { key: "ArrowLeft" });
  expect(cell("B4").getAttribute("aria-selected")).toBe("true");
  fireEvent.keyDown(cell("B4"), { key: "ArrowUp" });
  expect(cell("B2").getAttribute("aria-selected")).toBe("true");
});
