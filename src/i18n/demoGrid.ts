/** Strings of the demo's simulated workbook: validation alerts, input prompts, clipboard, error indicators (issue 18). */
import type { Lang } from "../core/types";

export const ru = {
  excel: "Microsoft Excel",
  retry: "Повторить",
  cancel: "Отмена",
  yes: "Да",
  no: "Нет",
  ok: "ОК",
  continue: "Продолжить?",
  prompt: "Подсказка к ячейке {cell}",
  pasted: "Вставлено: строк {rows}, столбцов {cols} (начиная с {cell}). Выделение — вставленная таблица.",
  pasteNothing: "В буфере обмена нет текста или таблицы для вставки.",
  pasteFailed: "Вставка не выполнена: {reason}",
  copied: "Скопировано ячеек: {n}. Вставьте их в Word или Excel (Ctrl+V).",
  pasteHint: "Ctrl+V — вставить таблицу из Word или Excel, Ctrl+C — копировать, Shift+стрелки — выделить.",
  errors: {
    "#DIV/0!": { name: "#ДЕЛ/0!", help: "Ошибка «Деление на ноль»: знаменатель равен нулю или пуст." },
    "#VALUE!": { name: "#ЗНАЧ!", help: "Ошибка в значении: аргумент имеет неверный тип или недопустим." },
    "#N/A": { name: "#Н/Д", help: "Ошибка «Значение недоступно»: нет данных для вычисления." },
    "#NAME?": { name: "#ИМЯ?", help: "Ошибка «Недопустимое имя»: имя функции или диапазона не распознано." },
    "#REF!": { name: "#ССЫЛКА!", help: "Ошибка «Недопустимая ссылка на ячейку»." },
    "#NUM!": { name: "#ЧИСЛО!", help: "Ошибка «Недопустимое число»." },
    "#NULL!": { name: "#ПУСТО!", help: "Ошибка «Пустое пересечение диапазонов»." },
    "#SPILL!": { name: "#ПЕРЕНОС!", help: "Ошибка «Результат не помещается»." },
    "#CALC!": { name: "#ВЫЧИСЛ!", help: "Ошибка вычисления." },
    "#BUSY!": { name: "#ЗАНЯТО!", help: "Функция надстройки ещё вычисляется." },
  } as Record<string, { name: string; help: string }>,
};

export type DemoGridMessages = typeof ru;

export const en: DemoGridMessages = {
  excel: "Microsoft Excel",
  retry: "Retry",
  cancel: "Cancel",
  yes: "Yes",
  no: "No",
  ok: "OK",
  continue: "Continue?",
  prompt: "Input message of cell {cell}",
  pasted: "Pasted {rows} rows × {cols} columns (from {cell}). The pasted table is selected.",
  pasteNothing: "The clipboard holds no text or table to paste.",
  pasteFailed: "Nothing was pasted: {reason}",
  copied: "{n} cells copied. Paste them into Word or Excel (Ctrl+V).",
  pasteHint: "Ctrl+V pastes a table from Word or Excel, Ctrl+C copies, Shift+arrows select.",
  errors: {
    "#DIV/0!": { name: "#DIV/0!", help: "Divide by zero error: the denominator is zero or empty." },
    "#VALUE!": { name: "#VALUE!", help: "Error in value: an argument has the wrong type or is not allowed." },
    "#N/A": { name: "#N/A", help: "Value not available error: there is no data to compute from." },
    "#NAME?": { name: "#NAME?", help: "Invalid name error: a function or range name is not recognised." },
    "#REF!": { name: "#REF!", help: "Invalid cell reference error." },
    "#NUM!": { name: "#NUM!", help: "Invalid number error." },
    "#NULL!": { name: "#NULL!", help: "Null error: the ranges do not intersect." },
    "#SPILL!": { name: "#SPILL!", help: "Spill error: the result does not fit." },
    "#CALC!": { name: "#CALC!", help: "Calculation error." },
    "#BUSY!": { name: "#BUSY!", help: "The add-in's function is still computing." },
  },
};

export function demoGridMessages(lang: Lang): DemoGridMessages {
  return lang === "en" ? en : ru;
}
