/**
 * Excel's automatic percent entry (File › Options › Advanced › «Enable automatic percent entry»,
 * on by default; VBA Application.AutoPercentEntry): what a number typed into a cell that is already
 * formatted as a percentage stores.
 *
 * - Microsoft, «Format numbers as percentages» (support.microsoft.com): in cells formatted as
 *   percentages before typing, «typing 10 or .1 both result in 10.00%».
 * - J. Walkenbach, Excel 2013 Bible, «Using automatic number formatting»: «If a cell is formatted to
 *   display as a percent, you can simply enter a normal value (for example, 12.5 for 12.5%). To
 *   enter values less than 1%, precede the value with a zero (for example, 0.52 for 0.52%).»
 * - learn.microsoft.com, Application.AutoPercentEntry: entries in percent cells are multiplied by
 *   100 «as soon as they are entered» when the option is on.
 *
 * So: a number typed with integer digits is taken as percent points (85 → 85 %, 0,52 → 0,52 %); a
 * number typed with no integer digit (".1", ",85") is the fraction itself (→ 10 %, 85 %); a number
 * typed with «%» is read as usual (85 % → 0,85).
 */

/** True when the first section of a number format shows a percentage (a "%" outside quotes). */
export function isPercentFormat(code: string): boolean {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\\") i++;
    else if (!quoted && ch === ";") return false;
    else if (!quoted && ch === "%") return true;
  }
  return false;
}

/** The value stored for `typed` (parsed as the number `value`) in a percent-formatted cell. */
export function percentEntry(typed: string, value: number): number {
  const s = typed.trim();
  if (s.includes("%")) return value;
  if (/^[+-]?[.,]\d/.test(s)) return value;
  return Number((value / 100).toPrecision(15));
}
