/** Strings of «Загрузить таблицу показателей» (issue 19): command errors and the pane screen. */
import type { Text } from "../core/types";

export const IMPORT_ERRORS = {
  ours: {
    ru: "Выделен лист, созданный надстройкой. Вставьте таблицу показателей на другой лист, выделите её и повторите.",
    en: "The selection is on a sheet made by the add-in. Paste the indicator table into another sheet, select it and try again.",
  },
  empty: { ru: "Выделенный диапазон пуст. Вставьте таблицу показателей, выделите её и повторите.", en: "The selection is empty. Paste the indicator table, select it and try again." },
  tooLarge: {
    ru: "Выделено слишком много (больше 2000 строк или 60 столбцов). Выделите только таблицу показателей.",
    en: "Too much is selected (over 2000 rows or 60 columns). Select the indicator table only.",
  },
  noRows: {
    ru: "В выделении не распознано ни одного показателя. Выделите таблицу с номерами и формулировками показателей и их значениями.",
    en: "No indicator was recognised in the selection. Select the table with the indicators' numbers, wordings and values.",
  },
  badPeriod: { ru: "Выберите период, в который записать значения.", en: "Choose the period to write the values into." },
} satisfies Record<string, Text>;

export const ru = {
  title: "Загрузить таблицу показателей",
  steps: [
    "Скопируйте таблицу показателей из отчёта о самообследовании (Word, PDF, сайт) и вставьте её на новый лист.",
    "Выделите всю таблицу вместе с заголовками столбцов.",
    "Выберите школу и период и нажмите «Проверить выделение».",
    "Просмотрите, что и куда будет записано, и нажмите «Записать».",
  ],
  school: "Школа",
  period: "Период (для столбца без периода в заголовке)",
  check: "Проверить выделение",
  checking: "Проверяем…",
  write: "Записать",
  writing: "Записываем…",
  recognised: "Распознанные строки",
  notRecognised: "Не распознаны (не будут записаны)",
  findings: "Замечания по данным",
  conflicts: "Уже введены другие значения",
  overwrite: "Заменить введённые значения",
  colNumber: "№",
  colIndicator: "Показатель",
  colValue: "Значение",
  colTarget: "Куда",
  newCell: "новый столбец периода",
  notWritten: "не записывается",
  columnsTitle: "Столбцы таблицы",
  columnSkip: "не загружать",
  wordFile: "Выбрать файл Word",
  wordSoon: "Чтение файлов Word появится в следующей версии: пока вставьте таблицу на лист.",
  done: "Записано значений: {written}. Оставлено введённых: {kept}. Заменено: {replaced}.",
  summary: "Распознано строк: {rows}, значений к записи: {cells}.",
};

export const en: typeof ru = {
  title: "Load an indicator table",
  steps: [
    "Copy the indicator table of the self-examination report (Word, PDF, website) and paste it into a new sheet.",
    "Select the whole table with its column headers.",
    "Choose the school and period and click «Check the selection».",
    "Review what goes where and click «Write».",
  ],
  school: "School",
  period: "Period (for a column without a period in its header)",
  check: "Check the selection",
  checking: "Checking…",
  write: "Write",
  writing: "Writing…",
  recognised: "Recognised rows",
  notRecognised: "Not recognised (will not be written)",
  findings: "Data findings",
  conflicts: "Other values are already typed",
  overwrite: "Replace typed values",
  colNumber: "No.",
  colIndicator: "Indicator",
  colValue: "Value",
  colTarget: "Goes to",
  newCell: "new period column",
  notWritten: "not written",
  columnsTitle: "Table columns",
  columnSkip: "do not load",
  wordFile: "Choose a Word file",
  wordSoon: "Reading Word files comes in the next version: paste the table into a sheet for now.",
  done: "Values written: {written}. Typed values kept: {kept}. Replaced: {replaced}.",
  summary: "Rows recognised: {rows}, values to write: {cells}.",
};

export type ImportStrings = typeof ru;
