/**
 * Choosing the road map among a Word document's tables (issue 19) and its programme years: pure,
 * on the shape the .docx reader gives (tables with their heading, paragraphs outside tables).
 */
import { programYearsFrom } from "./programYears";
import { recognizeRoadmap } from "./table";
import type { ProgramYears } from "./types";

export interface WordTableLike {
  heading: string;
  rows: string[][];
  /** How many of the document's paragraphs come before the table. */
  paragraphsBefore?: number;
}

export interface WordTableChoice {
  index: number;
  heading: string;
  /** Events the road-map recognition finds in it (0: not a road map). */
  events: number;
  rows: number;
}

/**
 * Every table with the events recognised in it, in document order, and the index of the best road
 * map (most events; on a tie the first), or -1 when no table reads as one.
 */
export function roadmapTables(tables: readonly WordTableLike[]): { choices: WordTableChoice[]; best: number } {
  const choices = tables.map((t, index) => {
    const parse = recognizeRoadmap(t.rows);
    return { index, heading: t.heading, events: parse.headerRow < 0 ? 0 : parse.events.length, rows: t.rows.length };
  });
  let best = -1;
  for (const c of choices) if (c.events > 0 && (best < 0 || c.events > choices[best].events)) best = c.index;
  return { choices, best };
}

/**
 * The programme years for a table of the document: from its heading, then the paragraphs before
 * it (nearest first), then the rest of the document; null when none names them (ask the user).
 */
export function wordProgramYears(doc: { tables: readonly WordTableLike[]; paragraphs: readonly string[] }, index: number): { years: ProgramYears; words: string } | null {
  const t = doc.tables[index];
  if (!t) return null;
  const before = Math.max(0, Math.min(doc.paragraphs.length, t.paragraphsBefore ?? doc.paragraphs.length));
  const texts = [t.heading, ...doc.paragraphs.slice(0, before).reverse(), ...doc.paragraphs.slice(before)];
  return programYearsFrom(texts);
}
