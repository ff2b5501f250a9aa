/** Group a sheet plan's cells into rectangles of one style (fewer Office.js requests). */

import type { SheetPlan } from "../core/plan";

export interface StyleRect {
  style: string;
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/**
 * Maximal horizontal runs per row, joined downwards when the next row has the same run. `look`:
 * styles with the same look join one run (a rect then carries the style of its first cell); by
 * default every style name is its own look.
 */
export function styleRects(sheet: Pick<SheetPlan, "cells">, look: (style: string) => string = (s) => s): StyleRect[] {
  const open = new Map<string, StyleRect>();
  const done: StyleRect[] = [];
  const looks = new Map<string, string>();
  const lookOf = (s: string) => looks.get(s) ?? (looks.set(s, look(s)), looks.get(s)!);
  sheet.cells.forEach((row, r) => {
    const runs: StyleRect[] = [];
    let cur: StyleRect | null = null;
    row.forEach((cell, c) => {
      const s = cell?.style;
      if (s && cur && lookOf(cur.style) === lookOf(s) && cur.col2 === c) cur.col2 = c + 1;
      else if (s) {
        cur = { style: s, row1: r + 1, col1: c + 1, row2: r + 1, col2: c + 1 };
        runs.push(cur);
      } else cur = null;
    });
    const next = new Map<string, StyleRect>();
    for (const run of runs) {
      const key = `${lookOf(run.style)}|${run.col1}|${run.col2}`;
      const prev = open.get(key);
      if (prev && prev.row2 === r) {
        prev.row2 = r + 1;
        next.set(key, prev);
      } else next.set(key, run);
    }
    for (const [key, rect] of open) if (next.get(key) !== rect) done.push(rect);
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row1 - b.row1 || a.col1 - b.col1);
}
