/** Strings of «Выбрать файл Word» on «Загрузить таблицу показателей». */
export const ru = {
  tooBig: "Файл «{file}» больше {mb} МБ: это не отчёт о самообследовании. Скопируйте таблицу показателей в отдельный документ и выберите его.",
};
export const en: typeof ru = {
  tooBig: "«{file}» is larger than {mb} MB: not a self-examination report. Copy the indicator table into a separate document and pick that.",
};
