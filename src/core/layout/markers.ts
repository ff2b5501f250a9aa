/**
 * Sheet markers: cell A1 of every sheet this add-in creates holds `shnor-monitor:v1:<kind>`.
 * Readers recognise our sheets by it (it survives renames and works in the .xlsx template).
 */

import type { SheetKind } from "../plan";

export const MARKER_PREFIX = "shnor-monitor:";
export const MARKER_VERSION = "v1";
export const SHEET_KINDS: readonly SheetKind[] = ["passport", "base", "subject", "staff", "facilities", "methods", "partnership", "context"];

/** Our analysis sheets (issue 5). Not in SHEET_KINDS: the report reader and insertReport leave them alone. */
export const ANALYSIS_KINDS: readonly SheetKind[] = ["targets", "dynamics", "risks", "roadmap"];

/**
 * Output sheets (issue 7): «Свод», «Данные» and the hidden store of frozen formulas. Recognised only
 * by parseOutputMarker, so the report readers never load their (possibly huge) contents.
 */
export const OUTPUT_KINDS: readonly SheetKind[] = ["summary", "data", "frozen"];

export function markerOf(kind: SheetKind): string {
  return `${MARKER_PREFIX}${MARKER_VERSION}:${kind}`;
}

/** The kind and version a marker text names, when the kind is one of `kinds`. */
function markerIn(text: unknown, kinds: readonly SheetKind[]): { kind: SheetKind; version: string } | null {
  if (typeof text !== "string") return null;
  const m = /^shnor-monitor:(v\d+):([a-z]+)$/.exec(text.trim());
  if (!m) return null;
  const kind = m[2] as SheetKind;
  return kinds.includes(kind) ? { kind, version: m[1] } : null;
}

const ANY_KINDS: readonly SheetKind[] = [...SHEET_KINDS, ...ANALYSIS_KINDS];

/** The sheet kind named by a marker, or null when `text` is not one of our markers (any version). */
export function parseMarker(text: unknown): { kind: SheetKind; version: string } | null {
  return markerIn(text, SHEET_KINDS);
}

/** Like parseMarker, but also recognises the analysis sheets (targets, dynamics, risks, road map). */
export function parseAnyMarker(text: unknown): { kind: SheetKind; version: string } | null {
  return markerIn(text, ANY_KINDS);
}

/** The output sheet kind (summary, data, frozen) named by a marker, or null. */
export function parseOutputMarker(text: unknown): { kind: SheetKind; version: string } | null {
  return markerIn(text, OUTPUT_KINDS);
}
