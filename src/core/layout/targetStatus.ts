/**
 * Target status cells: ordinary (native) formulas that judge a value against its target, so the
 * conditional formats only test a status cell (`=E40=1`, a few characters; Excel refuses rule
 * formulas over 255). The status block sits below a sheet's table, outside its print area, one row
 * per table row with a target: the status of each judged cell in that cell's column (1 met, 0 at
 * risk, −1 missed, "" nothing to judge — the core Judgement codes — and "x" «данные неверны» when
 * the value's check cell (impossible.ts) names why it is impossible: never met, never missed, so no
 * colour rule of the status fires; the check's own rule fills it red).
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
  /** 1 for «не менее», −1 for «не более» (the sign cell of the status row). */
  sign: string;
  /** The risk margin, a number ≥ 0 (the margin cell of the status row). */
  margin: string;
  /** The milestone of the value's period, when there is a column for it (a number when typed). */
  milestone?: string;
  /** The value's check cell (impossible.ts): non-empty when the value is impossible. */
  check?: string;
}

/** The status code of an impossible value: «данные неверны», neither met nor missed. */
export const INVALID_STATUS = "x";

export interface StatusTiming {
  /** "deadline": the period is the target's deadline or later; "before": earlier. */
  phase: "deadline" | "before";
  /** The last refresh found the trend too slow to reach the target in time (for this value). */
  trendTooSlow: boolean;
  /** The last refresh found the value short of the target but on course to reach it in time. */
  onCourse?: boolean;
}

/**
 * THE status rule of a value, as a native formula (the same rule as evaluateTarget, judged per
 * cell): an impossible value (its check cell not empty) is "x", «данные неверны»; at or after the deadline met or missed against the target (the margin only warns before);
 * before it a typed milestone not reached is missed, a reached target is met, on course (found at
 * refresh) is met with a milestone and uncoloured without, a trend found too slow or a value within
 * the margin is at risk, else the milestone decides and without one nothing is shown.
 */
export function targetStatusFormula(r: StatusRefs, t: StatusTiming): string {
  const gap = (req: string) => `(${r.value}-${req})*${r.sign}`;
  const met = (req: string) => `${gap(req)}>=-${EPS}`;
  const body =
    t.phase === "deadline"
      ? `IF(${met(r.target)},1,-1)`
      : (() => {
          // Short of the target: on course → nothing (no milestone) or met; too slow or within the margin → at risk.
          const within = (otherwise: string) => `IF(${gap(r.target)}+${r.margin}>=-${EPS},0,${otherwise})`;
          const fallback = t.onCourse ? '""' : t.trendTooSlow ? "0" : within('""');
          const noMilestone = `IF(${met(r.target)},1,${fallback})`;
          if (!r.milestone) return noMilestone;
          const m = r.milestone;
          const short = t.onCourse ? "1" : t.trendTooSlow ? "0" : within(`IF(${met(m)},1,0)`);
          return `IF(ISNUMBER(${m}),IF(${gap(m)}<-${EPS},-1,IF(${met(r.target)},1,${short})),${noMilestone})`;
        })();
  const judged = r.check ? `IF(${r.check}<>"","${INVALID_STATUS}",${body})` : body;
  return `=IF(COUNT(${r.value},${r.target})<2,"",${judged})`;
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

/** Columns of the status rows: the label columns of our tables (A id, B number, C name, D unit). */
export const STATUS_COLS = { target: 1, sign: 2, name: 3, margin: 4 } as const;

export interface StatusBlockRow {
  /** The table row whose judged cells get a status. */
  row: number;
  /** Shown in the name column of its status row. */
  name: string;
  /** Cells of the target's value, direction and margin. */
  target: string;
  direction: string;
  margin: string;
  /** Used when the direction cell holds no known word. */
  fallback: Direction;
  /** Targets and margins are shares (shown in %). */
  share: boolean;
  /** The judged cells of the row: their column, the milestone cell of their period, the timing, the value's check cell. */
  cells: { col: number; milestone?: string; timing: StatusTiming; check?: string }[];
}

export interface StatusBlockInput {
  lang: Lang;
  /** The table's judged columns: the status cells sit in the same columns, below. */
  firstCol: number;
  lastCol: number;
  /** The block's first row (the note); one status row per table row follows, in table order. */
  startRow: number;
  note: Text;
  rows: StatusBlockRow[];
}

export interface StatusBlock {
  /** Cells in sheet coordinates (rows above the block are empty). */
  cells: (PlanCell | null)[][];
  /** Three rules per run of consecutive table rows (none when no row has a target). */
  rules: PlanConditionalFormat[];
  /** The block's last row (startRow − 1 when empty). */
  lastRow: number;
}

/**
 * The status block below a table: a note, then per table row with a target its status row — the
 * normalized target (A), sign (B), name (C) and margin (D), and the status of each judged cell in
 * that cell's column. A run of consecutive table rows has consecutive status rows, so one rule per
 * colour (its formula relative, e.g. `=E40=1`) colours the whole run.
 */
export function buildStatusBlock(input: StatusBlockInput): StatusBlock {
  const g = new CellGrid();
  const rows = [...input.rows].sort((a, b) => a.row - b.row);
  if (rows.length === 0) return { cells: g.cells, rules: [], lastRow: input.startRow - 1 };
  const C = STATUS_COLS;
  g.set(input.startRow, C.name, { value: input.note[input.lang], style: "st.note" });
  const rules: PlanConditionalFormat[] = [];
  let run: { row: number; status: number } | null = null;
  rows.forEach((r, i) => {
    const s = input.startRow + 1 + i;
    g.set(s, C.target, { formula: targetCellFormula(r.target), style: r.share ? "st.pct" : "st.num" });
    g.set(s, C.sign, { formula: signCellFormula(r.direction, r.fallback), style: "st.sign" });
    g.set(s, C.name, { value: r.name, style: "st.name" });
    g.set(s, C.margin, { formula: marginCellFormula(r.margin), style: r.share ? "st.pct1" : "st.num" });
    const refs = { target: cellAddress(s, C.target), sign: cellAddress(s, C.sign), margin: cellAddress(s, C.margin) };
    for (const c of r.cells) {
      g.set(s, c.col, { formula: targetStatusFormula({ ...refs, value: cellAddress(r.row, c.col), milestone: c.milestone, check: c.check }, c.timing), style: "st.status" });
    }
    if (!run) run = { row: r.row, status: s };
    const next = rows[i + 1];
    if (!next || next.row !== r.row + 1) {
      rules.push(...statusRules(rangeAddress(run.row, input.firstCol, r.row, input.lastCol), cellAddress(run.status, input.firstCol)));
      run = null;
    }
  });
  return { cells: g.cells, rules, lastRow: input.startRow + rows.length };
}
