/**
 * Row heights for wrapped text. Excel and LibreOffice do not grow a row for wrapped text written
 * by a program (nor when they open an .xlsx without stored heights), so the plan carries them.
 */
import type { PlanStyle, SheetPlan } from "../plan";
import { cellAddress } from "./grid";

/** Points per line of an 11 pt font; Excel's tallest row is 409 pt. */
const LINE_POINTS = 15;
const MAX_POINTS = 409;
/** Column width is measured in digit widths; Cyrillic text runs a little wider on average. */
const CHARS_PER_WIDTH = 1 / 1.1;

function linesOf(text: string, widthChars: number): number {
  const perLine = Math.max(1, Math.floor(widthChars * CHARS_PER_WIDTH));
  // Word wrap: count lines greedily by words, as Excel breaks at spaces.
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length;
    if (used === 0) used = w;
    else if (used + 1 + w <= perLine) used += 1 + w;
    else {
      lines++;
      used = w;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** Heights in points by row index (0 = row 1); 0 leaves the default height. */
export function fitRowHeights(sheet: Pick<SheetPlan, "cells" | "columnWidths" | "merges">, styles: Record<string, PlanStyle>): number[] {
  const merged = new Set<string>();
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    if (b) merged.add(a); // the merge's top-left cell holds the text
  }
  return sheet.cells.map((row, r) => {
    let lines = 1;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string" || !cell.style) return;
      const st = styles[cell.style];
      if (!st?.wrap) return;
      if (merged.has(cellAddress(r + 1, c + 1))) return;
      const width = (sheet.columnWidths[c] ?? 8.43) - 2 * (st.indent ?? 0);
      lines = Math.max(lines, linesOf(cell.value, width));
    });
    return lines > 1 ? Math.min(MAX_POINTS, lines * LINE_POINTS) : 0;
  });
}
