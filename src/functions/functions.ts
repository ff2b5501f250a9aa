// Custom functions, namespace EDU: the webpack entry of dist/functions.js. Each function is a thin
// call into impl.ts (which calls src/core). custom-functions-metadata-plugin reads the JSDoc below
// into functions.json and appends the CustomFunctions.associate(id, fn) calls at build time.
// Each function is registered a second time under its Russian name (id RU.<ID>, names.ts): the
// build adds those entries, with the help from names-ru.json, to the same functions.json.
// (Line comments on purpose: a block comment here would become the first function's description.)
import { ArgError, SHARE, DELTA, GROWTH, DYNAMICS, TARGETSTATUS, TARGETGAP, TREND, QUALITY, SUCCESS, GRADEAVG, SOU, WILSON, SIGNIFICANT, NEEDED, type FunctionId, type Out } from "./impl";
import { toExcelError } from "./errors";
import { russianId } from "./names";

function emit(x: Out): number | string {
  if (x instanceof ArgError) throw toExcelError(x.error);
  return x;
}

/**
 * The share of a part in a whole, 0…1. Empty or «–» gives an empty result.
 * @customfunction SHARE
 * @param part The part, e.g. the number of students graded 4 and 5.
 * @param whole The whole, e.g. the number of students assessed.
 * @returns part / whole.
 */
export function share(part: unknown, whole: unknown): number | string {
  return emit(SHARE(part, whole));
}

/**
 * The change from the previous to the current value (for shares a fraction: format it as percentage points).
 * @customfunction DELTA
 * @param previous The earlier period's value.
 * @param current The later period's value.
 * @returns current − previous.
 */
export function delta(previous: unknown, current: unknown): number | string {
  return emit(DELTA(previous, current));
}

/**
 * The growth rate: (current − previous) / |previous|.
 * @customfunction GROWTH
 * @param previous The earlier period's value (not 0).
 * @param current The later period's value.
 * @returns The relative change, e.g. 0.2 for +20%.
 */
export function growth(previous: unknown, current: unknown): number | string {
  return emit(GROWTH(previous, current));
}

/**
 * The judged direction of change: 1 improved, 0 unchanged (within the tolerance) or neutral, −1 worsened.
 * @customfunction DYNAMICS
 * @param previous The earlier period's value.
 * @param current The later period's value.
 * @param [polarity] 1 higher is better (default), −1 lower is better, 0 neutral, or an indicator id such as "gia9_rus_fail".
 * @param [tolerance] A change no larger than this counts as unchanged (default 0).
 * @returns 1, 0 or −1.
 */
export function dynamics(previous: unknown, current: unknown, polarity?: unknown, tolerance?: unknown): number | string {
  return emit(DYNAMICS(previous, current, polarity, tolerance));
}

/**
 * The status of a value against a target: 1 met, 0 at risk (short by no more than the margin), −1 missed.
 * @customfunction TARGETSTATUS
 * @param value The value reached.
 * @param target The target value.
 * @param [polarity] 1 reach at least (default), −1 reach at most, 0 neutral, or an indicator id.
 * @param [margin] How far short of the target still counts as at risk (default 0).
 * @returns 1, 0 or −1.
 */
export function targetStatus(value: unknown, target: unknown, polarity?: unknown, margin?: unknown): number | string {
  return emit(TARGETSTATUS(value, target, polarity, margin));
}

/**
 * The gap to a target, signed so that ≥ 0 means met: (value − target) × polarity sign.
 * @customfunction TARGETGAP
 * @param value The value reached.
 * @param target The target value.
 * @param [polarity] 1 reach at least (default), −1 reach at most, 0 neutral, or an indicator id.
 * @returns The signed gap.
 */
export function targetGap(value: unknown, target: unknown, polarity?: unknown): number | string {
  return emit(TARGETGAP(value, target, polarity));
}

/**
 * The least-squares trend per period over the filled cells; a skipped period still counts as a step. Text "" and «–» are skipped.
 * @customfunction TREND
 * @param values A row or column of period values.
 * @param [polarity] With −1 (or a lower-is-better indicator id) the sign is flipped so that > 0 always means getting better.
 * @returns The change per period.
 */
export function trend(values: unknown[][], polarity?: unknown): number | string {
  return emit(TREND(values, polarity));
}

/**
 * Quality of knowledge: (n5 + n4) / N, N = n5 + n4 + n3 + n2 + n_na unless given.
 * @customfunction QUALITY
 * @param n5 Number of "5" marks (students).
 * @param n4 Number of "4" marks.
 * @param n3 Number of "3" marks.
 * @param n2 Number of "2" marks.
 * @param [N] Denominator, at least n5 + n4 + n3 + n2 + n_na (default that sum).
 * @param [n_na] Number not assessed, «н/а» (default 0); they are in N.
 * @returns A share 0…1.
 */
export function quality(n5: unknown, n4: unknown, n3: unknown, n2: unknown, N?: unknown, n_na?: unknown): number | string {
  return emit(QUALITY(n5, n4, n3, n2, N, n_na));
}

/**
 * Success rate: (n5 + n4 + n3) / N, N = n5 + n4 + n3 + n2 + n_na unless given.
 * @customfunction SUCCESS
 * @param n5 Number of "5" marks (students).
 * @param n4 Number of "4" marks.
 * @param n3 Number of "3" marks.
 * @param n2 Number of "2" marks.
 * @param [N] Denominator, at least n5 + n4 + n3 + n2 + n_na (default that sum).
 * @param [n_na] Number not assessed, «н/а» (default 0); they are in N.
 * @returns A share 0…1.
 */
export function success(n5: unknown, n4: unknown, n3: unknown, n2: unknown, N?: unknown, n_na?: unknown): number | string {
  return emit(SUCCESS(n5, n4, n3, n2, N, n_na));
}

/**
 * Average mark: (5·n5 + 4·n4 + 3·n3 + 2·n2) / (n5 + n4 + n3 + n2); pupils «н/а» have no mark.
 * @customfunction GRADEAVG
 * @param n5 Number of "5" marks.
 * @param n4 Number of "4" marks.
 * @param n3 Number of "3" marks.
 * @param n2 Number of "2" marks.
 * @param [n_na] Number not assessed, «н/а» (default 0): checked, not averaged.
 * @returns The average on the 2–5 scale.
 */
export function gradeAvg(n5: unknown, n4: unknown, n3: unknown, n2: unknown, n_na?: unknown): number | string {
  return emit(GRADEAVG(n5, n4, n3, n2, n_na));
}

/**
 * Degree of learning (СОУ, Simonov): (100·n5 + 64·n4 + 36·n3 + 16·n2 + 7·n_na) / N / 100, N = n5 + n4 + n3 + n2 + n_na unless given.
 * @customfunction SOU
 * @param n5 Number of "5" marks.
 * @param n4 Number of "4" marks.
 * @param n3 Number of "3" marks.
 * @param n2 Number of "2" marks.
 * @param [n_na] Number not assessed, «н/а» (default 0); they are in N.
 * @param [N] Denominator, at least n5 + n4 + n3 + n2 + n_na (default that sum).
 * @returns A fraction 0…1 (format as %).
 */
export function sou(n5: unknown, n4: unknown, n3: unknown, n2: unknown, n_na?: unknown, N?: unknown): number | string {
  return emit(SOU(n5, n4, n3, n2, n_na, N));
}

/**
 * A bound of the Wilson 95 % interval of the share count / total: how far a small group's share may move by chance.
 * @customfunction WILSON
 * @param count The count, e.g. pupils graded 4 and 5 (a whole number, not above total).
 * @param total The denominator, e.g. pupils assessed.
 * @param [bound] −1 the lower bound (default), 1 the upper bound.
 * @returns A share 0…1.
 */
export function wilsonBound(count: unknown, total: unknown, bound?: unknown): number | string {
  return emit(WILSON(count, total, bound));
}

/**
 * Whether a share changed beyond chance (Newcombe's 95 % interval of the difference, from Wilson intervals): 1 a significant rise, −1 a significant fall, 0 within random variation.
 * @customfunction SIGNIFICANT
 * @param count1 The earlier count.
 * @param total1 The earlier denominator.
 * @param count2 The later count.
 * @param total2 The later denominator.
 * @returns 1, 0 or −1.
 */
export function significant(count1: unknown, total1: unknown, count2: unknown, total2: unknown): number | string {
  return emit(SIGNIFICANT(count1, total1, count2, total2));
}

/**
 * The change still needed per remaining period to reach a target; given the denominator of a share, in whole pupils (periods_left = 1: the pupils needed in all). 0 when already met.
 * @customfunction NEEDED
 * @param current The value now.
 * @param target The target value.
 * @param periods_left Periods left until the deadline (a whole number ≥ 1).
 * @param [total] The share's denominator (pupils): the result is then in pupils.
 * @param [polarity] 1 reach at least (default), −1 reach at most, or an indicator id.
 * @returns The change per period (negative for an at-most target).
 */
export function neededChange(current: unknown, target: unknown, periods_left: unknown, total?: unknown, polarity?: unknown): number | string {
  return emit(NEEDED(current, target, periods_left, total, polarity));
}

// The Russian twins: the very same functions under the ids RU.<ID> (the English ids are associated by
// the lines custom-functions-metadata-plugin appends to this file).
const BY_ID: Record<FunctionId, (...args: never[]) => number | string> = {
  SHARE: share,
  DELTA: delta,
  GROWTH: growth,
  DYNAMICS: dynamics,
  TARGETSTATUS: targetStatus,
  TARGETGAP: targetGap,
  TREND: trend,
  QUALITY: quality,
  SUCCESS: success,
  GRADEAVG: gradeAvg,
  SOU: sou,
  WILSON: wilsonBound,
  SIGNIFICANT: significant,
  NEEDED: neededChange,
};
for (const id of Object.keys(BY_ID) as FunctionId[]) CustomFunctions.associate(russianId(id), BY_ID[id]);
