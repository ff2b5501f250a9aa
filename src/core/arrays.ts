/**
 * Extremes of arrays of any length. `Math.max(...a)` passes every element as an argument: a sheet of
 * 1,048,576 rows throws RangeError (too many arguments), so grids and columns go through these loops.
 */

/** The largest of `start` and the values. */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `start` and the values. */
export function minOf(values: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const v of values) if (v < m) m = v;
  return m;
}

/** The width of a grid: its longest row (0 when empty). */
export function widthOf(rows: readonly (readonly unknown[])[], start = 0): number {
  let w = start;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
