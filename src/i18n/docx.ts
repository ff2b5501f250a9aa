/** Why a Word (.docx) file could not be read (ru / en); `d` is a short technical detail. */
import type { Text } from "../core/types";

export type DocxFailure =
  | "notZip"
  | "notDocx"
  | "damaged"
  | "encrypted"
  | "nestedArchive"
  | "unsafeXml"
  | "tooLarge"
  | "tooManyParts"
  | "tooManyCells"
  | "tooSlow"
  | "unreadable";

export const DOCX_MESSAGES: Record<DocxFailure, (d: string) => Text> = {
  notZip: () => ({
    ru: "Файл не прочитан: это не документ Word (.docx). Старый формат .doc и PDF не читаются — откройте файл в Word и сохраните как «Документ Word (*.docx)».",
    en: "The file was not read: it is not a Word document (.docx). Old .doc files and PDFs cannot be read — open the file in Word and save it as \"Word Document (*.docx)\".",
  }),
  notDocx: (d) => ({
    ru: `Файл не прочитан: это архив, но не документ Word (${d}). Выберите файл .docx.`,
    en: `The file was not read: it is an archive but not a Word document (${d}). Pick a .docx file.`,
  }),
  damaged: (d) => ({
    ru: `Документ Word повреждён и не прочитан (${d}). Откройте его в Word, сохраните заново и выберите снова.`,
    en: `The Word document is damaged and was not read (${d}). Open it in Word, save it again and pick it again.`,
  }),
  encrypted: () => ({
    ru: "Документ Word защищён паролем и не прочитан. Снимите пароль (Файл → Сведения → Защита документа) и выберите файл снова.",
    en: "The Word document is password-protected and was not read. Remove the password (File → Info → Protect Document) and pick it again.",
  }),
  nestedArchive: (d) => ({
    ru: `Файл — архив с другими файлами внутри (${d}), а не сам документ. Распакуйте его и выберите файл .docx.`,
    en: `The file is an archive holding other files (${d}), not the document itself. Unpack it and pick the .docx file.`,
  }),
  unsafeXml: () => ({
    ru: "Документ не прочитан: в нём есть конструкции XML (DTD, объявления сущностей), которых Word не записывает. Откройте его в Word и сохраните заново.",
    en: "The document was not read: it holds XML constructs (a DTD, entity declarations) that Word never writes. Open it in Word and save it again.",
  }),
  tooLarge: (d) => ({
    ru: `Документ слишком большой для чтения (${d}). Скопируйте нужную таблицу в отдельный документ и выберите его.`,
    en: `The document is too large to read (${d}). Copy the table you need into a separate document and pick that.`,
  }),
  tooManyParts: (d) => ({
    ru: `В документе слишком много частей (${d}); он не прочитан. Скопируйте нужную таблицу в отдельный документ и выберите его.`,
    en: `The document has too many parts (${d}); it was not read. Copy the table you need into a separate document and pick that.`,
  }),
  tooManyCells: (d) => ({
    ru: `В документе слишком много таблиц, строк или элементов (${d}); он не прочитан. Скопируйте нужную таблицу в отдельный документ и выберите его.`,
    en: `The document has too many tables, rows or elements (${d}); it was not read. Copy the table you need into a separate document and pick that.`,
  }),
  tooSlow: (d) => ({
    ru: `Документ читался слишком долго (${d}) и не прочитан. Скопируйте нужную таблицу в отдельный документ и выберите его.`,
    en: `Reading the document took too long (${d}); it was not read. Copy the table you need into a separate document and pick that.`,
  }),
  unreadable: (d) => ({
    ru: `Документ Word не прочитан (${d}). Откройте его в Word, сохраните заново и выберите снова.`,
    en: `The Word document was not read (${d}). Open it in Word, save it again and pick it again.`,
  }),
};
