/** Strings of the «Свод» screen (consolidation of many schools). */
export const ru = {
  tab: "Свод",
  intro: "Соберите отчёты школ в одну книгу: выберите их файлы .xlsx (сделанные надстройкой или по шаблону). Надстройка создаст лист «Свод» за выбранный период (итог по муниципалитету, места школ, подсветка целей) и лист «Данные» — одну таблицу для сводных таблиц и Power Query.",
  pick: "Выбрать файлы школ",
  picked: "Файлов выбрано: {n}",
  reading: "Читаем файлы…",
  fileOk: "{file}: {school}",
  useOpen: "Также школы из этой книги (листы отчёта, скопированные сюда)",
  period: "Период свода",
  periodAuto: "Автоматически: последний, где больше всего школ",
  periodSchools: "{period} — школ: {n}",
  run: "Свести",
  busy: "Сводим…",
  cancel: "Отменить",
  progress: "Выполнено шагов: {done} из {total}",
  doneTitle: "Свод готов",
  done: "Период: {period}. Школ: {schools}. Строк в «{data}»: {rows}.",
  findingsTitle: "Замечания ({n})",
  unreadable: "Файл не прочитан",
};

export type ConsolidateMessages = typeof ru;

export const en: ConsolidateMessages = {
  tab: "Summary",
  intro: "Bring the schools' reports together: pick their .xlsx files (made with the add-in or the template). The add-in writes a Summary sheet for the chosen period (municipal total, school ranks, target highlighting) and a Data sheet — one table for PivotTables and Power Query.",
  pick: "Pick the schools' files",
  picked: "Files picked: {n}",
  reading: "Reading the files…",
  fileOk: "{file}: {school}",
  useOpen: "Also the schools in this workbook (report sheets copied here)",
  period: "Period",
  periodAuto: "Automatic: the latest with most schools",
  periodSchools: "{period} — schools: {n}",
  run: "Consolidate",
  busy: "Consolidating…",
  cancel: "Cancel",
  progress: "Steps done: {done} of {total}",
  doneTitle: "Summary ready",
  done: "Period: {period}. Schools: {schools}. Rows in “{data}”: {rows}.",
  findingsTitle: "Findings ({n})",
  unreadable: "File not read",
};
