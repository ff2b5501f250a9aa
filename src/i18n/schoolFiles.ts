/** Findings about schools' .xlsx files read for «Свод» (one per file and kind; ru / en). */
import type { Text } from "../core/types";

export type SourceFindingCode =
  | "notZip"
  | "notXlsx"
  | "notOurs"
  | "damaged"
  | "encrypted"
  | "nestedArchive"
  | "unsafeXml"
  | "tooLarge"
  | "tooManyParts"
  | "tooManyCells"
  | "unreadable"
  | "empty"
  | "outsideArea"
  | "badText"
  | "noPassport"
  | "noSchoolName"
  | "unknownIndicator"
  | "badPeriod"
  | "badValue"
  /** A finding of a municipal table's school column (the message is the import's own). */
  | "tableFinding";

/** `l`: the file's name; `d`: a detail (already shortened by the caller). */
export const SCHOOL_FILE_MESSAGES: Record<SourceFindingCode, (l: string, d: string) => Text> = {
  notZip: (l) => ({
    ru: `Файл «${l}» — не книга Excel (.xlsx). Сохраните его в Excel как «Книга Excel (*.xlsx)» и выберите снова.`,
    en: `«${l}» is not an Excel workbook (.xlsx). Save it in Excel as "Excel Workbook (*.xlsx)" and pick it again.`,
  }),
  notXlsx: (l) => ({
    ru: `Файл «${l}» — архив, но не книга Excel (.xlsx). Выберите книгу с листами «Мониторинг ШНОР».`,
    en: `«${l}» is an archive but not an Excel workbook. Pick a workbook with School Support Monitor sheets.`,
  }),
  damaged: (l, d) => ({
    ru: `Файл «${l}» повреждён и не прочитан (${d}). Попросите школу открыть его в Excel, сохранить заново и прислать ещё раз.`,
    en: `«${l}» is damaged and was not read (${d}). Ask the school to open it in Excel, save it again and resend it.`,
  }),
  encrypted: (l) => ({
    ru: `Файл «${l}» защищён паролем и не прочитан. Попросите школу снять пароль на открытие (Файл → Сведения → Защита книги) и прислать файл снова.`,
    en: `«${l}» is password-protected and was not read. Ask the school to remove the password to open (File → Info → Protect Workbook) and resend it.`,
  }),
  nestedArchive: (l, d) => ({
    ru: `Файл «${l}» — архив с другими файлами внутри (${d}), а не сама книга. Распакуйте его и выберите книгу .xlsx.`,
    en: `«${l}» is an archive holding other files (${d}), not the workbook itself. Unpack it and pick the .xlsx workbook.`,
  }),
  unsafeXml: (l) => ({
    ru: `Файл «${l}» не прочитан: в нём есть конструкции XML (DTD, объявления сущностей), которых Excel не записывает. Попросите школу сохранить файл в Excel заново.`,
    en: `«${l}» was not read: it holds XML constructs (a DTD, entity declarations) that Excel never writes. Ask the school to save it again in Excel.`,
  }),
  tooLarge: (l, d) => ({
    ru: `Файл «${l}» слишком большой для свода (${d}). Удалите из него лишние листы и выберите снова.`,
    en: `«${l}» is too large to consolidate (${d}). Remove the extra sheets and pick it again.`,
  }),
  tooManyParts: (l, d) => ({
    ru: `В файле «${l}» слишком много листов или частей для отчёта школы (${d}); он не прочитан. Удалите лишние листы и выберите снова.`,
    en: `«${l}» has more sheets or parts than a school report can have (${d}); it was not read. Remove the extra sheets and pick it again.`,
  }),
  tooManyCells: (l, d) => ({
    ru: `В файле «${l}» слишком много ячеек или строк текста для отчёта школы (${d}); он не прочитан. Удалите лишние данные и выберите снова.`,
    en: `«${l}» holds more cells or strings than a school report can have (${d}); it was not read. Remove the extra data and pick it again.`,
  }),
  unreadable: (l, d) => ({
    ru: `Файл «${l}» не удалось прочитать (${d}). Выберите его снова; если не поможет — попросите школу прислать файл ещё раз.`,
    en: `«${l}» could not be read (${d}). Pick it again; if that does not help, ask the school to resend it.`,
  }),
  notOurs: (l) => ({
    ru: `В файле «${l}» нет листов «Мониторинг ШНОР» (их ячейка A1 содержит служебную метку). Вставьте листы надстройкой или используйте шаблон.`,
    en: `«${l}» has no School Support Monitor sheets (their cell A1 holds a marker). Insert the sheets with the add-in or use the template.`,
  }),
  empty: (l) => ({
    ru: `В файле «${l}» на листах показателей нет ни одного периода: школе нечего сводить.`,
    en: `«${l}» has no report period on its indicator sheets: nothing to consolidate.`,
  }),
  outsideArea: (l, d) => ({
    ru: `В файле «${l}» на листах отчёта есть данные далеко за пределами таблицы отчёта (${d}): они не сведены.`,
    en: `«${l}» holds data far outside the report table on its report sheets (${d}): it is not consolidated.`,
  }),
  badText: (l, d) => ({
    ru: `В файле «${l}» есть текст длиннее 32 767 знаков (предел ячейки Excel) или с управляющими символами (${d}): эти ячейки не сведены.`,
    en: `«${l}» holds text over 32,767 characters (Excel's cell limit) or with control characters (${d}): those cells are not consolidated.`,
  }),
  noPassport: (l) => ({
    ru: `В файле «${l}» нет листа «Паспорт»: школа названа по имени файла.`,
    en: `«${l}» has no «Паспорт» (passport) sheet: the school is named after the file.`,
  }),
  noSchoolName: (l) => ({
    ru: `В «Паспорте» файла «${l}» не указана школа: она названа по имени файла.`,
    en: `The passport of «${l}» names no school: the school is named after the file.`,
  }),
  unknownIndicator: (l, d) => ({
    ru: `В файле «${l}» есть показатели, которых нет в перечне надстройки (${d}): они не сведены.`,
    en: `«${l}» holds indicators the add-in's catalog does not know (${d}): they are not consolidated.`,
  }),
  badPeriod: (l, d) => ({
    ru: `В файле «${l}» заголовки периодов не распознаны (${d}): эти столбцы не сведены.`,
    en: `«${l}» has period headers that could not be read (${d}): those columns are not consolidated.`,
  }),
  badValue: (l, d) => ({
    ru: `В файле «${l}» значения не подходят к единицам показателей (${d}): в своде они отмечены как ошибки. Попросите школу исправить их.`,
    en: `«${l}» holds values that do not fit their indicators' units (${d}): the consolidation marks them as errors. Ask the school to correct them.`,
  }),
  tableFinding: (l, d) => ({ ru: `«${l}»: ${d}`, en: `«${l}»: ${d}` }),
};
