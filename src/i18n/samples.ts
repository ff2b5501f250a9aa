/** Strings of the demo's sample documents (issue 19). */
export const ru = {
  label: "Примеры документов:",
  download: "{title} (.docx)",
  downloadHint: "Скачать документ Word, созданный надстройкой для проверки: его можно выбрать кнопкой «Выбрать файл Word».",
  paste: "Вставить как из Word",
  pasteHint: "Вставляет таблицу на новый лист так, как её даёт копирование из Word (абзацы ячеек — на отдельных строках), и выделяет её.",
  sheet: "Вставка из Word",
};

export type SamplesMessages = typeof ru;

export const en: SamplesMessages = {
  label: "Sample documents:",
  download: "{title} (.docx)",
  downloadHint: "Download a Word document the add-in made for trying it out: pick it with «Choose a Word file».",
  paste: "Paste as from Word",
  pasteHint: "Pastes the table onto a new sheet the way a copy from Word gives it (a cell's paragraphs on rows of their own) and selects it.",
  sheet: "Pasted from Word",
};
