/** The data of an import: what was recognised in a pasted table and where it goes. Pure types. */
import type { SheetKind } from "../plan";
import type { Lang, Period, SchoolLevel, Severity, Text } from "../types";
import type { CellReading } from "./cells";
import type { TableShape } from "./columns";
import type { MatchedBy } from "./match";

/** A table as a pasted range or a .docx reader gives it: rows of cell texts (or values). */
export type ImportGrid = readonly (readonly unknown[])[];

/** A table of a Word document as the .docx reader returns it (structural: any reader fits). */
export interface DocTable {
  heading: string;
  rows: string[][];
}

export interface ImportOptions {
  /** The period a value column without a period in its header goes to (the user's choice). */
  period: Period;
  lang: Lang;
  /** The school's levels («Паспорт»); items of other levels are not written. Absent: all apply. */
  levels?: SchoolLevel[];
  /** «Паспорт»'s choice for quality_4_5. */
  qualityDenominator?: string;
  /** Column (0-based) → period key it goes to, or null to leave it out; overrides the header's reading. */
  columns?: Record<number, string | null>;
}

/** What a typed cell of the report will hold: a count, a number, «да»/«нет», «–». */
export type WriteValue = number | string;

export interface ImportedValue {
  /** 0-based column of the grid. */
  col: number;
  /** The period of the column. */
  columnPeriod: string;
  /** The report period the value goes to (an exam item of a year column goes to the exam session). */
  period: string | null;
  reading: CellReading;
  /** The typed cell to write; null when nothing is written (empty, unreadable, not applicable …). */
  write: WriteValue | null;
  /** Why nothing is written although the cell holds something. */
  skip?: "notApplicable" | "unreadable" | "noCount" | "period" | "duplicate";
}

export interface ImportRow {
  /** 0-based grid rows the row was read from (a wording split over two rows gives two). */
  rows: number[];
  number: string;
  text: string;
  indicatorId: string;
  /** "derived": a denominator the table does not print, found from its rows' counts and shares. */
  by: MatchedBy | "derived";
  /** The sheet the indicator lives on. */
  sheet: SheetKind;
  values: ImportedValue[];
}

export interface UnrecognisedRow {
  rows: number[];
  number: string;
  text: string;
  values: string[];
}

export interface ImportFinding {
  rule: string;
  severity: Severity;
  message: Text;
  indicatorId?: string;
  /** Period key of the column concerned. */
  period?: string;
  /** Indicators the finding is about (indicatorId first). */
  indicators?: string[];
}

export interface ColumnUse {
  col: number;
  header: string;
  /** What the header says. */
  meaning: TableShape["columns"][number]["meaning"];
  /** Period key the column goes to; null: left out. */
  period: string | null;
  shareOf?: number;
}

export interface ImportPlan {
  shape: TableShape;
  columns: ColumnUse[];
  rows: ImportRow[];
  unrecognised: UnrecognisedRow[];
  /** Rows of text without values not recognised as items (section headings …). */
  headings: string[];
  findings: ImportFinding[];
  /** Report periods the plan writes into. */
  periods: Period[];
  /** Number of typed cells the plan writes. */
  cells: number;
}
