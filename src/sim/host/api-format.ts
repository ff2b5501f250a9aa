/** Excel.RangeFormat and its parts (fill, font, protection, borders) on the simulated host. */

import { MAX_COLS, Rect, intersect, isWholeColumns, isWholeRows } from "./address";
import { Codes, fail } from "./errors";
import { SimObject, defineProps } from "./proxy";
import type { SimContext } from "./context";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, guardFormat } from "./sheet";
import type { Edge, Style } from "./styles";
import type { Located, RangeProxy } from "./api-range";

const NAMED: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", lightgray: "#D3D3D3", lightgreen: "#90EE90", pink: "#FFC0CB",
  purple: "#800080", lightblue: "#ADD8E6", darkred: "#8B0000", darkgreen: "#006400",
};

/** "#RRGGBB" (upper case) from "#rrggbb", "#rgb" or an HTML colour name; InvalidArgument otherwise. */
export function normalizeColor(v: unknown, location: string): string {
  if (typeof v !== "string") return fail(Codes.invalidArgument, location);
  const s = v.trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(s)) return `#${[...s.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
  return NAMED[s.toLowerCase()] ?? fail(Codes.invalidArgument, location);
}

/** The cells a read looks at: whole columns / rows are clipped to the used area. */
function readRect(l: Located): Rect {
  if (!isWholeColumns(l.rect) && !isWholeRows(l.rect)) return l.rect;
  const used = l.model.usedRect(l.sheet, false);
  return (used && intersect(used, l.rect)) ?? { r0: l.rect.r0, c0: l.rect.c0, r1: l.rect.r0, c1: l.rect.c0 };
}

/** One value when every cell agrees, null otherwise (as Office.js reports mixed formats). */
function uniform<T>(l: Located, read: (r: number, c: number) => T): T | null {
  const rect = readRect(l);
  let first: T | undefined;
  let set = false;
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = read(r, c);
      if (!set) {
        first = v;
        set = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  return first as T;
}

const style = <K extends keyof Style>(l: Located, key: K) => uniform(l, (r, c) => l.sheet.styles.get(r, c)[key]);

function patch(l: Located, p: Style, location: string, kind: "cells" | "locked" = "cells"): void {
  guardFormat(l.sheet, kind, location);
  l.sheet.styles.apply(l.rect, p);
}

abstract class RangePart extends SimObject {
  constructor(
    context: SimContext,
    readonly _range: RangeProxy,
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._range._exists();
  }
  /** @internal */ _at(): Located {
    return this._range._at();
  }
}

type P = RangePart;
const at = (s: P) => s._at();
const bool = (v: unknown, location: string): boolean => (typeof v === "boolean" ? v : fail(Codes.invalidArgument, location));
const num = (v: unknown, location: string, min = 0, max = Infinity): number =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max ? v : fail(Codes.invalidArgument, location);
const oneOf = (v: unknown, allowed: string[], location: string): string =>
  typeof v === "string" && allowed.includes(v) ? v : fail(Codes.invalidArgument, location);

export class RangeFillProxy extends RangePart {
  readonly _entity = "RangeFill";
  clear(): void {
    this._call("clear", [], () => patch(at(this), { fill: null }, "RangeFill.clear"));
  }
}
defineProps(RangeFillProxy, {
  color: {
    get: (s: P) => uniform(at(s), (r, c) => at(s).sheet.styles.get(r, c).fill ?? "#FFFFFF"),
    set: (s: P, v: unknown) => patch(at(s), { fill: normalizeColor(v, "RangeFill.color") }, "RangeFill.color"),
  },
});

export class RangeFontProxy extends RangePart {
  readonly _entity = "RangeFont";
}
defineProps(RangeFontProxy, {
  bold: { get: (s: P) => style(at(s), "bold"), set: (s: P, v: unknown) => patch(at(s), { bold: bool(v, "RangeFont.bold") }, "RangeFont.bold") },
  italic: { get: (s: P) => style(at(s), "italic"), set: (s: P, v: unknown) => patch(at(s), { italic: bool(v, "RangeFont.italic") }, "RangeFont.italic") },
  color: { get: (s: P) => style(at(s), "fontColor"), set: (s: P, v: unknown) => patch(at(s), { fontColor: normalizeColor(v, "RangeFont.color") }, "RangeFont.color") },
  size: { get: (s: P) => style(at(s), "fontSize"), set: (s: P, v: unknown) => patch(at(s), { fontSize: num(v, "RangeFont.size", 1, 409) }, "RangeFont.size") },
  name: { get: (s: P) => style(at(s), "fontName"), set: (s: P, v: unknown) => patch(at(s), { fontName: String(v) }, "RangeFont.name") },
  underline: { get: (s: P) => style(at(s), "underline"), set: (s: P, v: unknown) => patch(at(s), { underline: String(v) }, "RangeFont.underline") },
});

export class FormatProtectionProxy extends RangePart {
  readonly _entity = "FormatProtection";
}
defineProps(FormatProtectionProxy, {
  locked: { get: (s: P) => style(at(s), "locked"), set: (s: P, v: unknown) => patch(at(s), { locked: bool(v, "FormatProtection.locked") }, "FormatProtection.locked", "locked") },
  formulaHidden: {
    get: (s: P) => style(at(s), "formulaHidden"),
    set: (s: P, v: unknown) => patch(at(s), { formulaHidden: bool(v, "FormatProtection.formulaHidden") }, "FormatProtection.formulaHidden", "locked"),
  },
});

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

/** The cells and the edge of each that a border index stands for. */
function borderTargets(rect: Rect, index: string): { rect: Rect; edge: Edge }[] {
  switch (index) {
    case "EdgeTop":
      return [{ rect: { ...rect, r1: rect.r0 }, edge: "top" }];
    case "EdgeBottom":
      return [{ rect: { ...rect, r0: rect.r1 }, edge: "bottom" }];
    case "EdgeLeft":
      return [{ rect: { ...rect, c1: rect.c0 }, edge: "left" }];
    case "EdgeRight":
      return [{ rect: { ...rect, c0: rect.c1 }, edge: "right" }];
    case "InsideHorizontal":
      return rect.r1 > rect.r0 ? [{ rect: { ...rect, r1: rect.r1 - 1 }, edge: "bottom" }] : [];
    case "InsideVertical":
      return rect.c1 > rect.c0 ? [{ rect: { ...rect, c1: rect.c1 - 1 }, edge: "right" }] : [];
    default:
      return [];
  }
}

export class RangeBorderProxy extends RangePart {
  readonly _entity = "RangeBorder";
  constructor(
    context: SimContext,
    range: RangeProxy,
    readonly _index: string,
  ) {
    super(context, range);
  }
}

function borderProp(key: "style" | "color" | "weight") {
  return {
    get: (s: RangeBorderProxy) => {
      const t = borderTargets(at(s).rect, s._index)[0];
      if (!t) return key === "style" ? "None" : null;
      const l = { ...at(s), rect: t.rect };
      return uniform(l, (r, c) => l.sheet.styles.get(r, c).borders[t.edge]?.[key] ?? (key === "style" ? "None" : key === "color" ? "#000000" : "Thin"));
    },
    set: (s: RangeBorderProxy, v: unknown) => {
      const l = at(s);
      guardFormat(l.sheet, "cells", `RangeBorder.${key}`);
      const value = key === "color" ? normalizeColor(v, "RangeBorder.color") : String(v);
      for (const t of borderTargets(l.rect, s._index)) {
        const base = l.sheet.styles.get(t.rect.r0, t.rect.c0).borders[t.edge] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
        l.sheet.styles.apply(t.rect, { borders: { [t.edge]: { ...base, [key]: value } } });
      }
    },
  };
}
defineProps(RangeBorderProxy, {
  sideIndex: { get: (s: RangeBorderProxy) => s._index },
  style: borderProp("style"),
  color: borderProp("color"),
  weight: borderProp("weight"),
});

export class RangeBorderCollectionProxy extends RangePart {
  readonly _entity = "RangeBorderCollection";
  getItem(index: string): RangeBorderProxy {
    if (!BORDER_INDEXES.includes(index)) throw fail(Codes.invalidArgument, "RangeBorderCollection.getItem");
    return new RangeBorderProxy(this.context, this._range, index);
  }
}
defineProps(RangeBorderCollectionProxy, { count: { get: () => BORDER_INDEXES.length } });

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** Columns / rows a width / height applies to (whole rows or columns clipped to what is used). */
function span(l: Located, axis: "cols" | "rows"): number[] {
  const rect = axis === "cols" && isWholeRows(l.rect) ? readRect(l) : axis === "rows" && isWholeColumns(l.rect) ? readRect(l) : l.rect;
  const [a, b] = axis === "cols" ? [rect.c0, Math.min(rect.c1, MAX_COLS - 1)] : [rect.r0, rect.r1];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export class RangeFormatProxy extends RangePart {
  readonly _entity = "RangeFormat";

  /** Width from the longest displayed text of each column (Calibri 11: about 5.6 pt a character). */
  autofitColumns(): void {
    this._call("autofitColumns", [], () => {
      const l = at(this);
      guardFormat(l.sheet, "columns", "RangeFormat.autofitColumns");
      const rect = readRect(l);
      for (let c = rect.c0; c <= rect.c1; c++) {
        let chars = 0;
        for (let r = rect.r0; r <= rect.r1; r++) chars = Math.max(chars, l.model.text(l.sheet, r, c).length);
        if (chars > 0) l.sheet.colWidths.set(c, Math.round((chars * 5.6 + 5.4) * 4) / 4);
      }
    });
  }

  autofitRows(): void {
    this._call("autofitRows", [], () => {
      const l = at(this);
      guardFormat(l.sheet, "rows", "RangeFormat.autofitRows");
      const rect = readRect(l);
      for (let r = rect.r0; r <= rect.r1; r++) l.sheet.rowHeights.delete(r);
    });
  }
}
type F = RangeFormatProxy;
defineProps(
  RangeFormatProxy,
  {
    columnWidth: {
      get: (s: F) => {
        const ws = span(at(s), "cols").map((c) => at(s).sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return ws.every((w) => w === ws[0]) ? ws[0] : null;
      },
      set: (s: F, v: unknown) => {
        const l = at(s);
        guardFormat(l.sheet, "columns", "RangeFormat.columnWidth");
        const w = num(v, "RangeFormat.columnWidth", 0, 1789);
        for (const c of span(l, "cols")) l.sheet.colWidths.set(c, w);
      },
    },
    rowHeight: {
      get: (s: F) => {
        const hs = span(at(s), "rows").map((r) => at(s).sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return hs.every((h) => h === hs[0]) ? hs[0] : null;
      },
      set: (s: F, v: unknown) => {
        const l = at(s);
        guardFormat(l.sheet, "rows", "RangeFormat.rowHeight");
        const h = num(v, "RangeFormat.rowHeight", 0, 409);
        for (const r of span(l, "rows")) l.sheet.rowHeights.set(r, h);
      },
    },
    wrapText: { get: (s: F) => style(at(s), "wrap"), set: (s: F, v: unknown) => patch(at(s), { wrap: bool(v, "RangeFormat.wrapText") }, "RangeFormat.wrapText") },
    horizontalAlignment: {
      get: (s: F) => style(at(s), "hAlign"),
      set: (s: F, v: unknown) => patch(at(s), { hAlign: oneOf(v, H_ALIGN, "RangeFormat.horizontalAlignment") }, "RangeFormat.horizontalAlignment"),
    },
    verticalAlignment: {
      get: (s: F) => style(at(s), "vAlign"),
      set: (s: F, v: unknown) => patch(at(s), { vAlign: oneOf(v, V_ALIGN, "RangeFormat.verticalAlignment") }, "RangeFormat.verticalAlignment"),
    },
    indentLevel: {
      get: (s: F) => style(at(s), "indent"),
      set: (s: F, v: unknown) => patch(at(s), { indent: num(v, "RangeFormat.indentLevel", 0, 250) }, "RangeFormat.indentLevel"),
    },
  },
  {
    fill: (s: F) => new RangeFillProxy(s.context, s._range),
    font: (s: F) => new RangeFontProxy(s.context, s._range),
    protection: (s: F) => new FormatProtectionProxy(s.context, s._range),
    borders: (s: F) => new RangeBorderCollectionProxy(s.context, s._range),
  },
);
