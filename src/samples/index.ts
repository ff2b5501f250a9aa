/** Sample documents made by the project (pure): a self-examination table and a road map, as .docx and as pasted grids. */
import { writeDocx } from "./docxWriter";
import { roadmapBlocks, roadmapGrid } from "./roadmap";
import { selfExamBlocks, selfExamGrid } from "./selfExam";

export * from "./selfExam";
export * from "./roadmap";
export { writeDocx, type DocxBlock, type DocxCell } from "./docxWriter";

export interface SampleDocument {
  /** File name of the .docx. */
  file: string;
  title: { ru: string; en: string };
  docx(): Uint8Array;
  /** The table as pasted into a sheet from Word. */
  grid(): string[][];
}

export const SAMPLES: readonly SampleDocument[] = [
  {
    file: "samoobsledovanie-sosh7.docx",
    title: { ru: "Самообследование (таблица показателей)", en: "Self-examination (indicator table)" },
    docx: () => writeDocx(selfExamBlocks()),
    grid: selfExamGrid,
  },
  {
    file: "dorozhnaya-karta-sosh7.docx",
    title: { ru: "Дорожная карта программы", en: "Programme road map" },
    docx: () => writeDocx(roadmapBlocks(), { landscape: true }),
    grid: roadmapGrid,
  },
];
