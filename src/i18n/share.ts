/** Strings of the «Отправка» screen: freeze the EDU.* formulas to values before sending, and restore them. */
export const ru = {
  tab: "Отправка",
  intro:
    "У получателя без надстройки «Мониторинг ШНОР» ячейки с функциями EDU.* показывают #NAME?. Перед отправкой замените эти формулы их значениями, а после — верните формулы.",
  freeze: "Подготовить к отправке",
  freezeHelp:
    "Во всех листах книги формулы с функциями EDU.* заменяются текущими значениями (числа, статусы, ошибки остаются такими же). Исходные формулы сохраняются на скрытом листе внутри книги. Другие формулы не меняются. Сохраните книгу после этого и отправьте файл.",
  freezeBusy: "Заменяем формулы значениями…",
  restore: "Вернуть формулы",
  restoreHelp:
    "Возвращает сохранённые формулы EDU.* на место. Ячейки, изменённые после подготовки к отправке, не трогаются — они будут перечислены.",
  restoreBusy: "Возвращаем формулы…",
  frozenTitle: "Книга готова к отправке",
  frozen: "Формул заменено значениями: {n} (листов: {sheets}). Исходные формулы сохранены в книге — кнопка «Вернуть формулы» восстановит их.",
  frozenSheets: "Листы: {list}.",
  keptEarlier: "Ячеек, замороженных раньше, сохраняется: {n}.",
  nothingToFreeze: "В книге нет формул с функциями EDU.* — её можно отправлять как есть.",
  nothingNewFrozen: "Новых формул с функциями EDU.* нет. Ранее заменённые формулы ({n}) хранятся в книге — «Вернуть формулы» восстановит их.",
  skippedTitle: "Оставлены формулами (формулы массива): {n}",
  skippedArray: "{cell}: формула массива — замените её обычной формулой и повторите",
  skippedSpill: "{cell}: формула с динамическим массивом — оставлена как есть",
  restoredTitle: "Формулы возвращены",
  restored: "Формул восстановлено: {n}.",
  already: "Уже были на месте: {n}.",
  nothingToRestore: "Нечего восстанавливать: в книге нет сохранённых формул. Формулы заменяются значениями кнопкой «Подготовить к отправке».",
  changedTitle: "Оставлены как есть — изменены после подготовки к отправке: {n}",
  missingTitle: "Не восстановлены — лист удалён: {n}",
  keptCell: "{cell}: исходная формула {formula}",
  unreadable: "Строк хранилища формул, которые не удалось прочитать: {n}. Хранилище оставлено в книге.",
  more: "…и ещё {n}",
};

export type ShareMessages = typeof ru;

export const en: ShareMessages = {
  tab: "Sending",
  intro:
    "Where the School Support Monitor add-in is not installed, cells with EDU.* functions show #NAME?. Before sending, replace these formulas with their values; afterwards, restore the formulas.",
  freeze: "Prepare for sending",
  freezeHelp:
    "On every sheet of the workbook, formulas with EDU.* functions are replaced by their current values (numbers, statuses and errors stay as they are). The original formulas are kept on a hidden sheet inside the workbook. Other formulas are not changed. Save the workbook afterwards and send the file.",
  freezeBusy: "Replacing formulas with values…",
  restore: "Restore formulas",
  restoreHelp: "Puts the saved EDU.* formulas back. Cells changed after preparing for sending are left alone and listed.",
  restoreBusy: "Restoring formulas…",
  frozenTitle: "Ready to send",
  frozen: "Formulas replaced by values: {n} (sheets: {sheets}). The original formulas are kept in the workbook — «Restore formulas» brings them back.",
  frozenSheets: "Sheets: {list}.",
  keptEarlier: "Cells frozen earlier, still kept: {n}.",
  nothingToFreeze: "The workbook has no formulas with EDU.* functions — it can be sent as it is.",
  nothingNewFrozen: "No new formulas with EDU.* functions. The formulas replaced earlier ({n}) are kept in the workbook — «Restore formulas» brings them back.",
  skippedTitle: "Left as formulas (array formulas): {n}",
  skippedArray: "{cell}: an array formula — replace it with an ordinary formula and try again",
  skippedSpill: "{cell}: a dynamic-array formula — left as it is",
  restoredTitle: "Formulas restored",
  restored: "Formulas restored: {n}.",
  already: "Already in place: {n}.",
  nothingToRestore: "Nothing to restore: the workbook holds no saved formulas. «Prepare for sending» replaces formulas with values.",
  changedTitle: "Left as they are — changed after preparing for sending: {n}",
  missingTitle: "Not restored — the sheet was deleted: {n}",
  keptCell: "{cell}: original formula {formula}",
  unreadable: "Rows of the formula store that could not be read: {n}. The store is left in the workbook.",
  more: "…and {n} more",
};
