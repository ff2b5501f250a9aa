/** The styles table of our sheets: ids used by the layout, applied by src/excel and src/xlsx. */

import type { PlanStyle } from "../plan";
import type { SheetKind } from "../plan";

export const COLORS = {
  input: "#FFF2CC",
  header: "#D9E1F2",
  notApplicable: "#D9D9D9",
  unused: "#F2F2F2",
  grey: "#808080",
} as const;

/** Target status and worsening colours (the highlighting of every sheet). */
export const RISK_COLORS = {
  missed: { fill: "#FFC7CE", fontColor: "#9C0006" },
  atRisk: { fill: "#FFEB9C", fontColor: "#9C5700" },
  met: { fill: "#C6EFCE", fontColor: "#006100" },
  worsening: { fontColor: "#C00000", bold: true },
} as const;

export const TAB_COLORS: Record<SheetKind, string> = {
  passport: "#7F7F7F",
  base: "#A5A5A5",
  subject: "#4472C4",
  staff: "#70AD47",
  facilities: "#ED7D31",
  methods: "#FFC000",
  partnership: "#7030A0",
  context: "#8064A2",
  targets: "#C00000",
  dynamics: "#00B0F0",
  risks: "#FF0000",
  roadmap: "#548235",
  summary: "#1F4E79",
  data: "#2F5597",
  frozen: "#808080",
};

const small = { fontColor: COLORS.grey, fontSize: 8 };
const header = { bold: true, fill: COLORS.header, wrap: true, horizontal: "center", vertical: "center", locked: true } as const;

/** Input styles by unit kind; every input is unlocked and light yellow. */
export const INPUT_STYLE = {
  count: "in.count",
  average: "in.average",
  ratio: "in.ratio",
  yesNo: "in.yesNo",
  share: "in.share",
  text: "in.text",
  list: "in.list",
} as const;

export const STYLES: Record<string, PlanStyle> = {
  marker: { ...small, locked: true },
  title: { bold: true, fontSize: 12, locked: true },
  header: { ...header },
  periodHeader: { ...header },
  periodKey: { ...small, numberFormat: "@", horizontal: "center", locked: true },
  subHeader: { ...header, fontSize: 9 },
  id: { ...small, numberFormat: "@", vertical: "top", locked: true },
  number: { horizontal: "center", vertical: "top", numberFormat: "@", locked: true },
  "name.0": { wrap: true, vertical: "top", locked: true },
  "name.1": { wrap: true, vertical: "top", indent: 1, locked: true },
  "name.2": { wrap: true, vertical: "top", indent: 2, locked: true },
  unit: { wrap: true, horizontal: "center", vertical: "top", locked: true },
  "in.count": { fill: COLORS.input, numberFormat: "0", vertical: "top", locked: false },
  "in.average": { fill: COLORS.input, numberFormat: "0.00", vertical: "top", locked: false },
  "in.ratio": { fill: COLORS.input, numberFormat: "0.00", vertical: "top", locked: false },
  "in.yesNo": { fill: COLORS.input, horizontal: "center", vertical: "top", locked: false },
  "in.share": { fill: COLORS.input, numberFormat: "0.0%", vertical: "top", locked: false },
  "in.text": { fill: COLORS.input, numberFormat: "@", wrap: true, vertical: "top", locked: false },
  "in.list": { fill: COLORS.input, vertical: "top", locked: false },
  share: { numberFormat: "0.0%", horizontal: "right", vertical: "top", locked: true },
  unused: { fill: COLORS.unused, locked: true },
  na: { fill: COLORS.notApplicable, locked: true },
  label: { wrap: true, vertical: "top", locked: true },
  info: { numberFormat: "@", wrap: true, vertical: "top", locked: true },
  // The check rows below a table (impossible.ts): helper cells, off paper.
  "chk.note": { fontColor: COLORS.grey, italic: true, locked: true },
  "chk.name": { fontColor: COLORS.grey, locked: true },
  "chk.reason": { fontColor: RISK_COLORS.missed.fontColor, locked: true },
};

/** The name style for a row nested `depth` levels under its total. */
export function nameStyle(depth: number): string {
  return `name.${Math.min(Math.max(depth, 0), 2)}`;
}
