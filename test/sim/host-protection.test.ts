/** Protection, data validation and what a user typing into cells meets. */

import { createSimHost, installSimHost, SimHost } from "../../src/sim";
import { code } from "./errorCode";

let host: SimHost;
let uninstall: () => void;

beforeEach(() => {
  host = createSimHost({ sheets: ["Отчёт"] });
  uninstall = installSimHost(host);
});
afterEach(() => uninstall());


/** A sheet with B2:B3 unlocked for input and the rest locked, protected without a password. */
async function protectedSheet(options?: Excel.WorksheetProtectionOptions): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Отчёт");
    sheet.getRange("A1:B3").values = [["Показатель", "Значение"], ["Всего", 10], ["Из них", 4]];
    sheet.getRange("B2:B3").format.protection.locked = false;
    sheet.protection.protect(options);
  });
}

test("a protected sheet refuses writes to locked cells (AccessDenied) and accepts unlocked ones", async () => {
  await protectedSheet();
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Отчёт");
    sheet.getRange("B2").values = [[12]];
    await context.sync();
    sheet.getRange("A2").values = [["Другое"]];
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.getRange("B2:B3").format.fill.color = "#FFFF00";
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.getRange("B2").format.protection.locked = true;
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.getRange("A:A").format.columnWidth = 200;
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.protection.protect();
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.load("protection/protected");
    await context.sync();
    expect(sheet.protection.protected).toBe(true);
  });
  expect(host.inspect.cell("Отчёт", "B2").value).toBe(12);
  expect(host.inspect.cell("Отчёт", "A2").value).toBe("Всего");
});

test("protect options allow formatting; unprotect lifts the protection; a wrong password fails", async () => {
  await protectedSheet({ allowFormatCells: true, allowFormatColumns: true });
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Отчёт");
    sheet.getRange("A1:B1").format.font.bold = true;
    sheet.getRange("A:A").format.columnWidth = 150;
    sheet.getRange("1:1").format.rowHeight = 30;
    expect(await code(context.sync())).toBe("AccessDenied");
    sheet.protection.unprotect();
    sheet.getRange("A2").values = [["Другое"]];
    await context.sync();
    sheet.protection.protect(undefined, "секрет");
    sheet.protection.unprotect("не тот");
    expect(await code(context.sync())).toBe("InvalidArgument");
  });
  expect(host.inspect.cell("Отчёт", "A1").bold).toBe(true);
  expect(host.inspect.columnWidth("Отчёт", "A")).toBe(150);
  expect(host.inspect.cell("Отчёт", "A2").value).toBe("Другое");
  expect(host.inspect.protection("Отчёт").protected).toBe(true);
});

test("userEdit obeys protection: locked cells refuse with Excel's message in Russian and English", async () => {
  await protectedSheet();
  const refused = host.inspect.userEdit("Отчёт", "A2", "x");
  expect(refused.ok).toBe(false);
  if (!refused.ok) {
    expect(refused.message.ru).toMatch(/защищенном листе/);
    expect(refused.message.en).toMatch(/protected sheet/);
  }
  expect(host.inspect.userEdit("Отчёт", "B3", "12,5")).toEqual({ ok: true });
  expect(host.inspect.cell("Отчёт", "B3").value).toBe(12.5);
  expect(host.inspect.userEdit("Отчёт", "B2", "45%")).toEqual({ ok: true });
  expect(host.inspect.cell("Отчёт", "B2").value).toBeCloseTo(0.45, 12);
  expect(host.inspect.userEdit("Отчёт", "B2", "=1+1")).toEqual({ ok: true });
  expect(host.inspect.cell("Отчёт", "B2")).toMatchObject({ value: 2, formula: "=1+1" });
  expect(host.inspect.userEdit("Отчёт", "B2", "=SUM(").ok).toBe(false);
});

test("data validation: a Stop alert refuses an invalid typed value, a Warning alert lets it through", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Отчёт");
    const counts = sheet.getRange("C2:C5");
    counts.dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 100000, operator: Excel.DataValidationOperator.between } };
    counts.dataValidation.prompt = { showPrompt: true, title: "Численность", message: "Целое число, человек" };
    counts.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Ошибка", message: "Введите целое число от 0." };
    const shares = sheet.getRange("D2:D5");
    shares.dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: "Between" } };
    shares.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "Проверьте", message: "Доля от 0 до 1." };
    const list = sheet.getRange("E2");
    list.dataValidation.rule = { list: { inCellDropDown: true, source: "да,нет" } };
    const dv = counts.dataValidation;
    dv.load("type, rule, prompt, valid");
    await context.sync();
    expect(dv.type).toBe("WholeNumber");
    expect(dv.rule.wholeNumber).toMatchObject({ formula1: 0, operator: "Between" });
    expect(dv.prompt.title).toBe("Численность");
    expect(dv.valid).toBe(true);
    sheet.getRange("C3").values = [[2.5]]; // the API is not stopped by validation, as in Excel
    dv.load("valid");
    await context.sync();
    expect(dv.valid).toBe(false);
  });
  const stop = host.inspect.userEdit("Отчёт", "C2", "-3");
  expect(stop).toEqual({ ok: false, alert: "Stop", title: "Ошибка", message: { ru: "Введите целое число от 0.", en: "Введите целое число от 0." } });
  expect(host.inspect.cell("Отчёт", "C2").value).toBe("");
  expect(host.inspect.userEdit("Отчёт", "C2", "25")).toEqual({ ok: true });
  // Asked instead of answered: the Warning comes back for the user to answer, the value not kept.
  expect(host.inspect.userEdit("Отчёт", "D2", "1,5", { alerts: "ask" })).toMatchObject({ ok: false, alert: "Warning", message: { ru: "Доля от 0 до 1." } });
  expect(host.inspect.cell("Отчёт", "D2").value).toBe("");
  const warn = host.inspect.userEdit("Отчёт", "D2", "1,5");
  expect(warn.ok).toBe(true);
  expect(warn.ok && warn.warning?.message.ru).toBe("Доля от 0 до 1.");
  expect(host.inspect.cell("Отчёт", "D2").value).toBe(1.5);
  expect(host.inspect.userEdit("Отчёт", "E2", "ДА")).toEqual({ ok: true });
  const bad = host.inspect.userEdit("Отчёт", "E2", "может быть");
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.message.en).toBe("This value doesn't match the data validation restrictions defined for this cell.");
  expect(host.inspect.dataValidationAt("Отчёт", "C4")).toMatchObject({ range: "C2:C5", prompt: { message: "Целое число, человек" } });
});

test("data validation on part of a range splits it; clear() removes it; protected sheets refuse rules", async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Отчёт");
    sheet.getRange("A1:A10").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    sheet.getRange("A4:A5").dataValidation.clear();
    sheet.getRange("A7").dataValidation.rule = { custom: { formula: "=A7<>\"\"" } };
    const mixed = sheet.getRange("A1:A10").dataValidation;
    mixed.load("type");
    await context.sync();
    expect(mixed.type).toBe("Inconsistent");
    sheet.protection.protect();
    sheet.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "1,2" } };
    expect(await code(context.sync())).toBe("AccessDenied");
  });
  expect(host.inspect.dataValidationAt("Отчёт", "A4")).toBeNull();
  expect(host.inspect.dataValidationAt("Отчёт", "A6")?.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  expect(host.inspect.dataValidationAt("Отчёт", "A7")?.rule).toEqual({ custom: { formula: '=A7<>""' } });
});

test("an invalid validation rule is refused with InvalidArgument", async () => {
  await Excel.run(async (context) => {
    const dv = context.workbook.worksheets.getItem("Отчёт").getRange("A1").dataValidation;
    dv.rule = { wholeNumber: { formula1: 0, operator: "Between" } } as Excel.DataValidationRule;
    expect(await code(context.sync())).toBe("InvalidArgument");
    dv.rule = { list: { inCellDropDown: true, source: "" } };
    expect(await code(context.sync())).toBe("InvalidArgument");
  });
});
