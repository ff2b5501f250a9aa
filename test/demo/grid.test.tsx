/**
 * @jest-environment jsdom
 */
/** The demo grid over the simulated host: validation alerts as message boxes, input prompts, Russian formula syntax, percent entry, paste and copy. */
import { TextDecoder, TextEncoder } from "util";
// jsdom lacks TextEncoder, which the simulated host uses to count request bytes.
Object.assign(globalThis, { TextEncoder, TextDecoder });
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { Grid } from "../../src/demo/Grid";

let host: SimHost;
let uninstall: () => void;

beforeEach(async () => {
  host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Лист1"], locale: "ru-RU" });
  uninstall = installSimHost(host);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Лист1");
    const share = ws.getRange("B2");
    share.numberFormat = [["0.0%"]];
    share.dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: Excel.DataValidationOperator.between } };
    share.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.warning, title: "Доля", message: "Доля — от 0 до 100 %." };
    share.dataValidation.prompt = { showPrompt: true, title: "Доля обучающихся", message: "Введите процент, например 85." };
    const grade = ws.getRange("C2");
    grade.dataValidation.rule = { decimal: { formula1: 2, formula2: 5, operator: Excel.DataValidationOperator.between } };
    grade.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: "Отметка", message: "От 2 до 5." };
    await context.sync();
  });
});
afterEach(() => uninstall());

function Harness() {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const l = () => setVersion((v) => v + 1);
    host.inspect.onChange(l);
    return () => host.inspect.offChange(l);
  }, []);
  return <Grid host={host} lang="ru" locale="ru" sheet="Лист1" onSheet={() => undefined} version={version} />;
}

const cell = (a1: string) => document.querySelector<HTMLElement>(`td[data-addr="${a1}"]`)!;

function type(a1: string, text: string) {
  fireEvent.click(cell(a1));
  fireEvent.keyDown(cell(a1), { key: text[0] });
  const input = screen.getByRole("textbox");
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

describe("the demo grid", () => {
  it("a value a Warning rule refuses opens «Продолжить?» Yes/No/Cancel; Cancel keeps the old value, Yes keeps the new", () => {
    render(<Harness />);
    type("B2", "150");
    const box = screen.getByRole("alertdialog", { name: "Доля" });
    expect(box.textContent).toContain("Доля — от 0 до 100 %.");
    expect(box.textContent).toContain("Продолжить?");
    expect(within(box).getAllByRole("button").map((b) => b.textContent)).toEqual(["Да", "Нет", "Отмена"]);
    expect(host.inspect.cell("Лист1", "B2").value).toBe(""); // not kept while asking
    fireEvent.click(within(box).getByRole("button", { name: "Отмена" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(host.inspect.cell("Лист1", "B2").value).toBe("");

    type("B2", "150");
    fireEvent.click(screen.getByRole("button", { name: "Нет" }));
    // «No»: back to editing the typed text.
    expect((screen.getByRole("textbox") as HTMLInputElement).value).toBe("150");
    fireEvent.keyDown(screen.getByRole("textbox"), { key: "Enter" });
    fireEvent.click(screen.getByRole("button", { name: "Да" }));
    expect(host.inspect.cell("Лист1", "B2").value).toBe(1.5);
    expect(cell("B2").textContent).toBe("150,0%");
  });

  it("a Stop rule refuses: Retry / Cancel, the value never stays", () => {
    render(<Harness />);
    type("C2", "7");
    const box = screen.getByRole("alertdialog", { name: "Отметка" });
    expect(within(box).getAllByRole("button").map((b) => b.textContent)).toEqual(["Повторить", "Отмена"]);
    fireEvent.keyDown(box, { key: "Escape" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(host.inspect.cell("Лист1", "C2").value).toBe("");
  });

  it("the input prompt shows beside the selected cell only", () => {
    render(<Harness />);
    fireEvent.click(cell("B2"));
    const tip = screen.getByRole("tooltip");
    expect(tip.textContent).toContain("Введите процент, например 85.");
    expect(tip.dataset.for).toBe("B2");
    fireEvent.click(cell("A1"));
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("percent entry: 85 and «85 %» in a % cell are 85 %", () => {
    render(<Harness />);
    type("B2", "85");
    expect(host.inspect.cell("Лист1", "B2").value).toBe(0.85);
    type("B2", "85 %");
    expect(host.inspect.cell("Лист1", "B2").value).toBe(0.85);
    type("A3", "42,5");
    expect(host.inspect.cell("Лист1", "A3").value).toBe(42.5);
  });

  it("Russian formula syntax in and out; an error cell explains itself on hover", () => {
    render(<Harness />);
    type("A1", "=EDU.ДОЛЯ(42;200)");
    expect(host.inspect.cell("Лист1", "A1").value).toBe(0.21);
    type("A4", '=ЕСЛИ(A1>0,5;"да; 1,5";ОКРУГЛ(A1*100;1))');
    expect(host.inspect.cell("Лист1", "A4").formula).toBe('=IF(A1>0.5,"да; 1,5",ROUND(A1*100,1))');
    expect(host.inspect.cell("Лист1", "A4").value).toBe(21);
    fireEvent.click(cell("A4"));
    expect((screen.getByRole("textbox") as HTMLInputElement).value).toBe('=ЕСЛИ(A1>0,5;"да; 1,5";ОКРУГЛ(A1*100;1))');
    type("A5", "=1/0");
    expect(cell("A5").textContent).toBe("#ДЕЛ/0!");
    expect(cell("A5").title).toMatch(/Деление на ноль/);
    type("A6", "=EDU.ДОЛЯ(5;2)");
    expect(cell("A6").title).toMatch(/\n.*[А-я]/); // the function's own Russian message under the general one
  });

  it("Ctrl+V writes a clipboard table from the selected cell through Office.js and selects it; Ctrl+C copies TSV", async () => {
    render(<Harness />);
    fireEvent.click(cell("D5"));
    const data = { "text/plain": "№\tМероприятие\tДоля\n1.1\tРабочая группа\t85 %\n", "text/html": "" } as Record<string, string>;
    await act(async () => {
      fireEvent.paste(cell("D5"), { clipboardData: { getData: (k: string) => data[k] ?? "" } });
    });
    expect(host.inspect.cell("Лист1", "D5").value).toBe("№");
    expect(host.inspect.cell("Лист1", "E6").value).toBe("Рабочая группа");
    expect(host.inspect.cell("Лист1", "D6").value).toBe("1.1");
    expect(host.inspect.cell("Лист1", "F6").value).toBe(0.85);
    expect(host.inspect.selection()).toEqual({ sheet: "Лист1", address: "D5:F6" });
    expect(document.querySelector(".notice.info")?.textContent).toMatch(/строк 2, столбцов 3/);
    expect(screen.getByLabelText("Адрес ячейки").textContent).toBe("D5");

    let copied = "";
    fireEvent.copy(cell("F6"), { clipboardData: { setData: (_k: string, v: string) => (copied = v) } });
    expect(copied).toBe("№\tМероприятие\tДоля\r\n1.1\tРабочая группа\t0,85\r\n");
  });
});
