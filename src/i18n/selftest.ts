/** Strings of the «Самопроверка» (self-test) screen (the footer button's are in the main catalogs: app.selfTest). */
import type { CheckId } from "../core/selftest";

type Checks = Record<Exclude<CheckId, `function:${string}`> | "function", string>;

const ruChecks: Checks = {
  veryHidden: "Очень скрытый лист (временный лист проверки)",
  function: "Функция {name}: запись формулы и вычисление",
  conditionalFormat: "Условное форматирование: правило с формулой",
  dataValidation: "Проверка данных: правило для ячеек",
  protection: "Защита листа без пароля и её снятие",
  sheetChain: "Чтение списка листов по цепочке",
  chart: "Диаграмма",
  payload: "Большой запрос к Excel (около 3,5 МБ)",
};

export const ru = {
  title: "Самопроверка",
  back: "← К разделам",
  intro:
    "Если что-то в надстройке не работает, запустите самопроверку и отправьте нам текст, который она покажет. Проверка займёт около минуты: на временном скрытом листе проверяется всё, на что опирается надстройка, — пользовательские функции EDU.*, условное форматирование, проверка данных, защита листа, скрытый лист, чтение списка листов, большой запрос и диаграмма. Затем временный лист удаляется; ваши листы, значения и выделение не меняются.",
  run: "Запустить самопроверку",
  busy: "Проверяем… (до минуты)",
  table: "Результаты самопроверки",
  check: "Проверка",
  result: "Результат",
  passed: "✔ работает",
  failed: "✘ не работает",
  notRun: "не выполнена: временный лист не удалось добавить",
  summaryOk: "Все проверки пройдены ({n} из {n}): ваш Excel умеет всё, что нужно надстройке.",
  summaryFailed: "Пройдено проверок: {passed} из {total}. Отправьте нам текст ниже — по нему мы поймём, что не так.",
  cleanupFailed: "Временный лист «{sheet}» не удалось удалить ({code}). Он скрыт и будет удалён при следующей самопроверке.",
  leftovers: "Удалён временный лист, оставшийся от прошлой прерванной проверки.",
  diagnostics: "Текст для разработчиков",
  diagnosticsHint: "Скопируйте его и отправьте нам вместе с описанием того, что не работает.",
  copy: "Скопировать текст",
  copied: "Текст скопирован.",
  copyFailed: "Не удалось скопировать автоматически: текст выделен — нажмите Ctrl+C (на Mac — Cmd+C).",
  checks: ruChecks,
};

export type SelfTestMessages = typeof ru;

export const en: SelfTestMessages = {
  title: "Self-test",
  back: "← Back to the sections",
  intro:
    "If something in the add-in does not work, run the self-test and send us the text it shows. It takes about a minute: on a temporary hidden sheet it checks everything the add-in relies on — the EDU.* custom functions, conditional formatting, data validation, sheet protection, a hidden sheet, reading the sheet list, a large request and a chart. The temporary sheet is deleted afterwards; your sheets, values and selection are not changed.",
  run: "Run the self-test",
  busy: "Checking… (up to a minute)",
  table: "Self-test results",
  check: "Check",
  result: "Result",
  passed: "✔ works",
  failed: "✘ does not work",
  notRun: "not run: the temporary sheet could not be added",
  summaryOk: "All checks passed ({n} of {n}): your Excel does everything the add-in needs.",
  summaryFailed: "Checks passed: {passed} of {total}. Send us the text below — it tells us what is wrong.",
  cleanupFailed: "The temporary sheet «{sheet}» could not be deleted ({code}). It is hidden and the next self-test deletes it.",
  leftovers: "A temporary sheet left by an earlier interrupted self-test was deleted.",
  diagnostics: "Text for the developers",
  diagnosticsHint: "Copy it and send it to us with a description of what does not work.",
  copy: "Copy the text",
  copied: "Text copied.",
  copyFailed: "Could not copy automatically: the text is selected — press Ctrl+C (Cmd+C on a Mac).",
  checks: {
    veryHidden: "Very hidden sheet (the temporary test sheet)",
    function: "Function {name}: writing the formula and calculating",
    conditionalFormat: "Conditional formatting: a formula rule",
    dataValidation: "Data validation: a rule on cells",
    protection: "Sheet protection without a password, and removing it",
    sheetChain: "Reading the sheet list as a chain",
    chart: "Chart",
    payload: "A large request to Excel (about 3.5 MB)",
  },
};

/** The label of a check in the pane's language. */
export function checkLabel(t: SelfTestMessages, id: CheckId): string {
  if (id.startsWith("function:")) return t.checks.function.replace("{name}", `EDU.${id.slice(9)}`);
  return t.checks[id as keyof Checks];
}
