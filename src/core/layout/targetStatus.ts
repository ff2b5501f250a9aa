/**
 * Target status cells: ordinary (native) formulas that judge a value against its target, so the
 * conditional formats only test a status cell (`=DF5=1`, a few characters; Excel refuses rule
 * formulas over 255). A status area sits to the right of a sheet's table, outside its print area:
 * per row the normalized target, direction sign and margin, then a mirror of the table's columns
 * holding the status of each judged cell (1 met, 0 at risk, −1 missed, "" nothing to judge — the
 * core Judgement codes, shown as words by FORMATS.status).
 */
import { DIRECTION_WORDS } from "../targets";
import type { Direction, Lang, Text } from "../types";
import type { PlanCell, PlanConditionalFormat } from "../plan";
import { CellGrid, cellAddress, rangeAddress } from "./grid";
import { RISK_COLORS } from "./styles";

/** ε of the comparisons, as in core/targets.ts (HyperFormula does not read 1E-9). */
const EPS = "0.000000001";

/** Cells one status formula reads (A1 references, any sheet). */
export interface StatusRefs {
  /** The judged value. */
  value: string;
  /** The target (a number, or anything else for "no target"). */
  target: string;
  /** 1 for «не менее», −1 for «не более» (the sign cell of the status area). */
  sign: string;
  /** The risk margin, a number ≥ 0 (the margin cell of the status area). */
  margin: string;
  /** The milestone of the value's period, when there is a column for it (a number when typed). */
  milestone?: string;
}

export interface StatusTiming {
  /** "deadline": the period is the target's deadline or later; "before": earlier. */
  phase: "deadline" | "before";
  /** The last refresh found the trend too slow to reach the target in time (for this value). */
  trendTooSlow: boolean;
}

/**
 * THE status rule of a value, as a native formula (the same rule as evaluateTarget, judged per
 * cell): at or after the deadline met / within the margin / missed against the target; before it a
 * typed milestone missed by more than the margin is missed, a reached target is met, a trend found
 * too slow is at risk, else the milestone decides (met, or at risk when short) and without one
 * nothing is shown.
 */
export function targetStatusFormula(r: StatusRefs, t: StatusTiming): string {
  const gap = (req: string) => `(${r.value}-${req})*${r.sign}`;
  const met = (req: string) => `${gap(req)}>=-${EPS}`;
  const body =
    t.phase === "deadline"
      ? `IF(${met(r.target)},1,IF(${gap(r.target)}+${r.margin}>=-${EPS},0,-1))`
      : (() => {
          const fallback = t.trendTooSlow ? "0" : '""';
          const noMilestone = `IF(${met(r.target)},1,${fallback})`;
          if (!r.milestone) return noMilestone;
          const m = r.milestone;
          const short = t.trendTooSlow ? "0" : `IF(${met(m)},1,0)`;
          return `IF(ISNUMBER(${m}),IF(${gap(m)}+${r.margin}<-${EPS},-1,IF(${met(r.target)},1,${short})),${noMilestone})`;
        })();
  return `=IF(COUNT(${r.value},${r.target})<2,"",${body})`;
}

/** The target as a number, or "" when the target cell holds none. */
export function targetCellFormula(ref: string): string {
  return `=IF(ISNUMBER(${ref}),${ref},"")`;
}

/** 1 (at least) or −1 (at most) from a typed direction (the words parseDirection knows); `fallback` when it is none of them. */
export function signCellFormula(ref: string, fallback: Direction): string {
  const typed = `SUBSTITUTE(LOWER(TRIM(${ref})),"ё","е")`;
  const list = (d: Direction) => `{${DIRECTION_WORDS[d].map((w) => `"${w}"`).join(",")}}`;
  const is = (d: Direction) => `ISNUMBER(MATCH(${typed},${list(d)},0))`;
  return `=IF(${is("atMost")},-1,IF(${is("atLeast")},1,${fallback === "atMost" ? -1 : 1}))`;
}

/** The margin as a number ≥ 0 (0 when not typed). */
export function marginCellFormula(ref: string): string {
  return `=IF(ISNUMBER(${ref}),MAX(0,${ref}),0)`;
}

/** Three rules colouring `range` by the status cell `status` (relative to the range's top-left); blank status cells colour nothing. */
export function statusRules(range: string, status: string): PlanConditionalFormat[] {
  return [
    { range, formula: `=${status}=1`, style: { fill: RISK_COLORS.met.fill } },
    { range, formula: `=AND(${status}=0,${status}<>"")`, style: { fill: RISK_COLORS.atRisk.fill } },
    { range, formula: `=${status}=-1`, style: { fill: RISK_COLORS.missed.fill } },
  ];
}

const ST = {
  target: { ru: "Цель", en: "Target" },
  direction: { ru: "Направление", en: "Direction" },
  margin: { ru: "Допуск", en: "Margin" },
  status: { ru: "Статус", en: "Status" },
} satisfies Record<string, Text>;

/** Column widths of the status area (characters). */
export const STATUS_WIDTHS = { gap: 2, helper: 11, status: 14 } as const;

/** Where the status area of a table whose judged columns are `firstCol`…`lastCol` lies. */
export function statusAreaGeometry(firstCol: number, lastCol: number) {
  const targetCol = lastCol + 2;
  const offset = targetCol + 3 - firstCol;
  return { gapCol: lastCol + 1, targetCol, signCol: targetCol + 1, marginCol: targetCol + 2, offset, lastCol: lastCol + offset };
}

export interface StatusAreaRow {
  row: number;
  /** Cells of the target's value, direction and margin. */
  target: string;
  direction: string;
  margin: string;
  /** Used when the direction cell holds no known word. */
  fallback: Direction;
  /** Style of the target and margin cells ("st.share" or "st.num"). */
  numberStyle: string;
  /** The judged cells of the row: their column, the milestone cell of their period, the timing. */
  cells: { col: number; milestone?: string; timing: StatusTiming }[];
}

export interface StatusAreaInput {
  lang: Lang;
  /** The table's judged columns (the mirror covers them all) and data rows. */
  firstCol: number;
  lastCol: number;
  firstRow: number;
  lastRow: number;
  /** Row of the titles; the note goes one row above it. */
  headerRow: number;
  note: Text;
  /** Column → label of its status column («Статус: I четверть 2023/24»). */
  labels: Record<number, string>;
  rows: StatusAreaRow[];
}

export interface StatusArea {
  /** Cells in sheet coordinates (columns left of the area are null). */
  cells: (PlanCell | null)[][];
  /** The rules for the table (none when no row has a target). */
  rules: PlanConditionalFormat[];
  geometry: ReturnType<typeof statusAreaGeometry>;
  /** Column widths: [first column, last column, width]. */
  widths: [number, number, number][];
}

/** Build the status area of a table and the three rules colouring its judged range. */
export function buildStatusArea(input: StatusAreaInput): StatusArea {
  const geo = statusAreaGeometry(input.firstCol, input.lastCol);
  const g = new CellGrid();
  const widths: [number, number, number][] = [
    [geo.gapCol, geo.gapCol, STATUS_WIDTHS.gap],
    [geo.targetCol, geo.marginCol, STATUS_WIDTHS.helper],
    [geo.marginCol + 1, geo.lastCol, STATUS_WIDTHS.status],
  ];
  if (input.rows.length === 0) return { cells: g.cells, rules: [], geometry: geo, widths };
  const lang = input.lang;
  g.set(input.headerRow - 1, geo.targetCol, { value: input.note[lang], style: "st.note" });
  g.set(input.headerRow, geo.targetCol, { value: ST.target[lang], style: "st.head" });
  g.set(input.headerRow, geo.signCol, { value: ST.direction[lang], style: "st.head" });
  g.set(input.headerRow, geo.marginCol, { value: ST.margin[lang], style: "st.head" });
  for (const [col, label] of Object.entries(input.labels)) g.set(input.headerRow, Number(col) + geo.offset, { value: `${ST.status[lang]}: ${label}`, style: "st.head" });
  for (const r of input.rows) {
    const at = (col: number) => cellAddress(r.row, col);
    g.set(r.row, geo.targetCol, { formula: targetCellFormula(r.target), style: r.numberStyle });
    g.set(r.row, geo.signCol, { formula: signCellFormula(r.direction, r.fallback), style: "st.sign" });
    g.set(r.row, geo.marginCol, { formula: marginCellFormula(r.margin), style: r.numberStyle });
    const refs = { target: `$${at(geo.targetCol)}`, sign: `$${at(geo.signCol)}`, margin: `$${at(geo.marginCol)}` };
    for (const c of r.cells) {
      g.set(r.row, c.col + geo.offset, { formula: targetStatusFormula({ ...refs, value: at(c.col), milestone: c.milestone }, c.timing), style: "st.status" });
    }
  }
  const range = rangeAddress(input.firstRow, input.firstCol, input.lastRow, input.lastCol);
  return { cells: g.cells, rules: statusRules(range, cellAddress(input.firstRow, input.firstCol + geo.offset)), geometry: geo, widths };
}
