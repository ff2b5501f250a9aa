/** Column geometry of «Свод» (1-based): the label and target columns, then the blocks side by side. */

/** Geometry of «Свод» (1-based). */
export const SUMMARY = {
  headerRow: 2,
  keyRow: 3,
  subHeaderRow: 4,
  firstDataRow: 5,
  idCol: 1,
  numberCol: 2,
  nameCol: 3,
  unitCol: 4,
  totalCol: 5,
  schoolsCol: 6,
  targetCol: 7,
  directionCol: 8,
  marginCol: 9,
  firstSchoolCol: 10,
} as const;

/** Excel's last column. */
export const MAX_SHEET_COLUMNS = 16384;

/**
 * A block's columns. A period block: its total, schools reporting, then per school value and rank
 * (step 2). A change block (a period against a comparable earlier one): the total's change, then
 * per school its change (step 1); `schools` is null.
 */
export interface BlockCols {
  kind: "period" | "change";
  total: number;
  schools: number | null;
  firstSchool: number;
  step: 1 | 2;
  last: number;
}

/**
 * The blocks' columns in order: the first (a period) keeps the single-period geometry (total E,
 * schools F, the target G–I, schools from J); each further block follows the one before.
 */
export function summaryLayout(kinds: readonly ("period" | "change")[], schools: number): BlockCols[] {
  const out: BlockCols[] = [];
  for (const kind of kinds) {
    if (out.length === 0) {
      out.push({ kind, total: SUMMARY.totalCol, schools: SUMMARY.schoolsCol, firstSchool: SUMMARY.firstSchoolCol, step: 2, last: Math.max(SUMMARY.marginCol, SUMMARY.firstSchoolCol + 2 * schools - 1) });
      continue;
    }
    const start = out[out.length - 1].last + 1;
    out.push(
      kind === "period"
        ? { kind, total: start, schools: start + 1, firstSchool: start + 2, step: 2, last: start + 1 + 2 * schools }
        : { kind, total: start, schools: null, firstSchool: start + 1, step: 1, last: start + schools },
    );
  }
  return out;
}

/** Columns of the `i`-th of period blocks only (no change blocks). */
export function summaryBlockCols(i: number, schools: number): { total: number; schools: number; firstSchool: number; last: number } {
  const b = summaryLayout(Array<"period">(i + 1).fill("period"), schools)[i];
  return { total: b.total, schools: b.schools as number, firstSchool: b.firstSchool, last: b.last };
}

/** The last column «Свод» needs (at most MAX_SHEET_COLUMNS for Excel to take it). */
export function summaryWidth(schools: number, kinds: number | readonly ("period" | "change")[]): number {
  const list = typeof kinds === "number" ? Array<"period">(Math.max(kinds, 1)).fill("period") : kinds;
  const l = summaryLayout(list.length ? list : ["period"], schools);
  return l[l.length - 1].last;
}
