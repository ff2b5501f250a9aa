/**
 * Calendar dates for the road map: ISO "YYYY-MM-DD" strings, validation, and the Excel 1900 date
 * system (serial 1 = 1900-01-01; Excel's fictitious 1900-02-29 is serial 60 and has no ISO date).
 * Pure and total: anything invalid gives null, nothing throws.
 */
import type { IsoDate } from "./types";

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** 9999-12-31, the last date Excel can hold. */
const MAX_SERIAL = 2958465;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12
    && day >= 1 && day <= daysInMonth(year, month);
}

/** (2023, 1, 5) → "2023-01-05"; no validation (callers validate first). */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day of a month as an ISO date. */
export function monthEnd(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** "2023-01-05" → {2023, 1, 5}, or null when it is not a real date. */
export function splitIso(d: unknown): { year: number; month: number; day: number } | null {
  if (typeof d !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Excel serial (1900 system) → ISO date; the time of day is dropped. Null outside 1…9999-12-31 and for serial 60. */
export function serialToIso(n: number): IsoDate | null {
  if (typeof n !== "number" || !Number.isFinite(n)) return null;
  const whole = Math.floor(n);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  // Serials below 60 sit before Excel's phantom 1900-02-29, so they are one day later than the epoch count.
  const t = EPOCH + (whole < 60 ? whole + 1 : whole) * DAY_MS;
  const dt = new Date(t);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** ISO date → Excel serial (1900 system), or null when it is not a valid date from 1900-01-01 on. */
export function isoToSerial(d: IsoDate): number | null {
  const p = splitIso(d);
  if (!p) return null;
  const days = Math.round((Date.UTC(p.year, p.month - 1, p.day) - EPOCH) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

/**
 * A cell's value as a date: an Excel serial number, "dd.mm.yyyy" (also d.m.yyyy, dd.mm.yy →
 * 20yy, "dd.mm.yyyy г."), "dd/mm/yyyy" or ISO "yyyy-mm-dd". Anything else (including an
 * impossible date such as 31.02.2023) → null.
 */
export function parseIsoDate(cell: unknown): IsoDate | null {
  if (typeof cell === "number") return serialToIso(cell);
  if (typeof cell !== "string") return null;
  const s = cell.trim().replace(/\s*г(?:ода|\.)?\s*$/i, "");
  if (splitIso(s)) return s;
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/.exec(s);
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const [month, day] = [Number(m[2]), Number(m[1])];
  return isValidDate(year, month, day) ? isoDate(year, month, day) : null;
}

// Calendar spans of what a deadline names (deadlines.ts reads the text into these points).

export type Ymd = [number, number, number];

/** What one point of a deadline names; y = calendar year, sy = school year, neither = recurring. */
export type Point =
  | { k: "day"; d: number; m: number; y?: number; sy?: number }
  | { k: "month"; m: number; y?: number; sy?: number }
  | { k: "cq"; n: number; y?: number; sy?: number }
  | { k: "ch"; n: number; y: number }
  | { k: "sh" | "sq"; n: number; sy?: number }
  | { k: "year"; y: number }
  | { k: "years"; a: number; b: number }
  | { k: "sy"; sy: number };

export const cmp = (a: Ymd, b: Ymd): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
export const yearByMonth = (m: number, sy: number): number => (m >= 9 ? sy : sy + 1);

/** The span a point covers; `Y` is the school year for a year-less point. Null when impossible. */
export function spanOf(p: Point, Y: number | undefined): [Ymd, Ymd] | null {
  const sy = "sy" in p && p.sy !== undefined ? p.sy : Y;
  const months = (y: number, m1: number, m2: number, y2 = y): [Ymd, Ymd] => [[y, m1, 1], [y2, m2, daysInMonth(y2, m2)]];
  switch (p.k) {
    case "day": {
      const y = p.y ?? (sy === undefined ? undefined : yearByMonth(p.m, sy));
      return y !== undefined && isValidDate(y, p.m, p.d) ? [[y, p.m, p.d], [y, p.m, p.d]] : null;
    }
    case "month": {
      const y = p.y ?? (sy === undefined ? undefined : yearByMonth(p.m, sy));
      return y !== undefined && p.m >= 1 && p.m <= 12 ? months(y, p.m, p.m) : null;
    }
    case "cq": {
      if (p.n < 1 || p.n > 4) return null;
      const y = p.y ?? (sy === undefined ? undefined : yearByMonth(3 * p.n - 2, sy));
      return y === undefined ? null : months(y, 3 * p.n - 2, 3 * p.n);
    }
    case "ch": return p.n === 1 ? months(p.y, 1, 6) : p.n === 2 ? months(p.y, 7, 12) : null;
    case "sh":
      if (sy === undefined) return null;
      return p.n === 1 ? months(sy, 9, 12) : p.n === 2 ? months(sy + 1, 1, 5) : null;
    case "sq": {
      if (sy === undefined) return null;
      const q: Record<number, [Ymd, Ymd]> = {
        1: months(sy, 9, 10), 2: months(sy, 11, 12), 3: months(sy + 1, 1, 3), 4: months(sy + 1, 4, 5),
      };
      return q[p.n] ?? null;
    }
    case "year": return months(p.y, 1, 12);
    case "years": return months(p.a, 1, 12, p.b);
    case "sy": return months(p.sy, 9, 5, p.sy + 1);
  }
}

export const iso = (d: Ymd): string => isoDate(d[0], d[1], d[2]);
