/**
 * How «Вернуть формулы» and a repeated freeze find the sheet a stored cell belongs to (by stamp, by id
 * of this session, else by name), and which sheets get a stamp when frozen. See src/core/share.ts.
 */
import type { ScannedSheet, SheetRef } from "./share";

/** A stamp to set on a sheet (a worksheet custom property) before the store is written. */
export interface StampWrite {
  sheetId: string;
  sheet: string;
  stamp: string;
}

/**
 * Whether the store's sheet ids are those of this session. Excel keeps a sheet's id through renames
 * and moves, but gives new ids when the workbook is opened again: when none of the stored ids is
 * found, they are stale and sheets can only be found by name.
 */
export function idsAreLive(store: readonly { sheetId: string }[], sheets: readonly SheetRef[]): boolean {
  const ids = new Set(sheets.map((s) => s.id));
  return store.some((e) => e.sheetId !== "" && ids.has(e.sheetId));
}

/** How a stored sheet was found: by its id (renamed or not), or by name only (and why). */
export interface SheetMatch<T> {
  sheet: T | null;
  /** null: by id. "noId": the store (an older one) has no id for it; "idsChanged": the workbook was reopened. */
  byName: null | "noId" | "idsChanged";
}

/**
 * Find a stored sheet now. A stamped entry, when stamps can be read, by its stamp only (a copy of a
 * sheet carries the same stamp: the one under the stored name, else under the stored id, else the
 * first); no sheet with it means the sheet was deleted. Otherwise by id first: with live ids
 * (`idsAreLive`) a sheet with another id is never taken, even under the stored name (the frozen sheet
 * was renamed and a new one took its name, or it was deleted). By name only when the entry has no id
 * or the ids are stale, and the caller says so.
 */
export function resolveSheet<T extends SheetRef>(entry: { sheetId: string; sheet: string; stamp?: string }, sheets: readonly T[], live: boolean): SheetMatch<T> {
  const lower = entry.sheet.toLowerCase();
  if (entry.stamp && sheets.some((s) => s.stamp !== undefined)) {
    const hits = sheets.filter((s) => s.stamp === entry.stamp);
    return { sheet: hits.find((s) => s.name.toLowerCase() === lower) ?? hits.find((s) => s.id === entry.sheetId) ?? hits[0] ?? null, byName: null };
  }
  if (entry.sheetId !== "" && live) return { sheet: sheets.find((s) => s.id === entry.sheetId) ?? null, byName: null };
  return { sheet: sheets.find((s) => s.name.toLowerCase() === lower) ?? null, byName: entry.sheetId === "" ? "noId" : "idsChanged" };
}

/** Sheets found by name only, each once, with why. */
export interface ByName {
  sheet: string;
  reason: "noId" | "idsChanged";
}

export function noteByName(out: ByName[], m: SheetMatch<SheetRef>): void {
  if (!m.sheet || !m.byName || out.some((b) => b.sheet === m.sheet!.name)) return;
  out.push({ sheet: m.sheet.name, reason: m.byName });
}

/**
 * Each sheet's stamp after the freeze (readable stamps only): its own, unless another sheet carries
 * the same one (a copy) and is its keeper (the sheet earlier entries resolved to, else the first);
 * a sheet with frozen cells and no stamp of its own gets a new one (listed in `added`).
 */
export function finalStamps(
  sheets: readonly ScannedSheet[],
  carriedTo: readonly (ScannedSheet | null)[],
  written: ReadonlySet<string>,
  newStamp: (() => string) | undefined,
): { stamps: Map<string, string | null>; added: StampWrite[] } {
  const first = new Map<string, ScannedSheet>();
  for (const s of sheets) if (!first.has(s.id)) first.set(s.id, s);
  const unique = [...first.values()];
  const stamps = new Map<string, string | null>();
  const added: StampWrite[] = [];
  if (!unique.some((s) => s.stamp !== undefined)) return { stamps, added };
  const keeper = new Map<string, string>();
  for (const s of carriedTo) if (s?.stamp && !keeper.has(s.stamp)) keeper.set(s.stamp, s.id);
  for (const s of unique) if (s.stamp && !keeper.has(s.stamp)) keeper.set(s.stamp, s.id);
  for (const s of unique) {
    const own = s.stamp && keeper.get(s.stamp) === s.id ? s.stamp : null;
    if (own || !written.has(s.id) || !newStamp) {
      stamps.set(s.id, own);
      continue;
    }
    const stamp = newStamp();
    stamps.set(s.id, stamp);
    added.push({ sheetId: s.id, sheet: s.name, stamp });
  }
  return { stamps, added };
}
