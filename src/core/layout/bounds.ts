/**
 * How far our sheets can reach, per kind: the rectangle from A1 a reader loads (its used part). A
 * stray value or format a user left far below or right of a table (row 100,000, or XFD1048576) is
 * outside it, so it never turns a read of our sheet into a read of millions of cells; what lies
 * outside is never read, cleared or overwritten. Generous: 25 school years of every period kind,
 * the whole catalog, tens of thousands of road-map rows.
 */
import type { SheetKind } from "../plan";

export interface ReadWindow {
  rows: number;
  cols: number;
}

const INDICATOR: ReadWindow = { rows: 2_000, cols: 420 };

export const READ_WINDOWS: Record<SheetKind, ReadWindow> = {
  passport: { rows: 1_000, cols: 26 },
  base: INDICATOR,
  subject: INDICATOR,
  staff: INDICATOR,
  facilities: INDICATOR,
  methods: INDICATOR,
  partnership: INDICATOR,
  context: INDICATOR,
  targets: { rows: 5_000, cols: 420 },
  dynamics: { rows: 5_000, cols: 60 },
  risks: { rows: 10_000, cols: 60 },
  roadmap: { rows: 60_000, cols: 40 },
  summary: { rows: 20_000, cols: 500 },
  data: { rows: 1_048_576, cols: 60 },
  frozen: { rows: 1_048_576, cols: 10 },
};
