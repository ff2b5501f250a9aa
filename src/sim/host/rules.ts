/** Data validation and conditional formats: storage over rectangles and evaluation against cells. */

import { Rect, containsCell, intersect, shiftFormula, subtract } from "./address";
import type { CellValue } from "./calc";
import type { WorkbookModel } from "./model";
import type { CfFormat, CondFormatEntry, SheetModel, ValidationEntry } from "./sheet";

// ---- data validation ---------------------------------------------------------------------------

const emptyEntry = (rect: Rect): ValidationEntry => ({
  rect,
  prompt: { showPrompt: false, title: "", message: "" },
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  ignoreBlanks: true,
});

/** Change part of the validation of every cell in `rect`, splitting the entries it overlaps. */
export function patchValidation(sheet: SheetModel, rect: Rect, patch: (e: ValidationEntry) => void): void {
  const next: ValidationEntry[] = [];
  let uncovered: Rect[] = [rect];
  for (const e of sheet.validations) {
    const i = intersect(e.rect, rect);
    if (!i) {
      next.push(e);
      continue;
    }
    for (const part of subtract(e.rect, rect)) next.push({ ...e, rect: part });
    const inside: ValidationEntry = { ...e, rect: i, prompt: { ...e.prompt }, errorAlert: { ...e.errorAlert } };
    patch(inside);
    next.push(inside);
    uncovered = uncovered.flatMap((u) => subtract(u, i));
  }
  for (const u of uncovered) {
    const e = emptyEntry(u);
    patch(e);
    next.push(e);
  }
  sheet.validations = next;
}

export function clearValidation(sheet: SheetModel, rect: Rect): void {
  sheet.validations = sheet.validations.flatMap((e) => subtract(e.rect, rect).map((r) => ({ ...e, rect: r })));
}

export function validationAt(sheet: SheetModel, r: number, c: number): ValidationEntry | undefined {
  return sheet.validations.find((e) => e.rule && containsCell(e.rect, r, c));
}

/** The entries (with a rule) that cover `rect`, and whether they cover all of it. */
export function validationsIn(sheet: SheetModel, rect: Rect): { entries: ValidationEntry[]; complete: boolean } {
  const entries = sheet.validations.filter((e) => e.rule && intersect(e.rect, rect));
  let rest: Rect[] = [rect];
  for (const e of entries) rest = rest.flatMap((u) => subtract(u, e.rect));
  return { entries, complete: rest.length === 0 };
}

export function ruleType(rule: ValidationEntry["rule"]): string {
  const key = rule ? Object.keys(rule)[0] : undefined;
  if (!key) return "None";
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Evaluate a rule operand: a number, a numeric string or a formula (relative to the rule's top-left). */
function operand(model: WorkbookModel, sheet: SheetModel, v: unknown, dr: number, dc: number): CellValue | "" {
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v !== "string") return "";
  if (v.startsWith("=")) return model.calc.evaluate(shiftFormula(v, dr, dc), sheet.hfId);
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

export function compare(op: string, x: CellValue, a: CellValue | "", b?: CellValue | ""): boolean {
  if (typeof x !== "number" || typeof a !== "number") {
    if (op === "EqualTo") return String(x).toLowerCase() === String(a).toLowerCase();
    if (op === "NotEqualTo") return String(x).toLowerCase() !== String(a).toLowerCase();
    return false;
  }
  const hi = typeof b === "number" ? b : a;
  switch (op) {
    case "Between":
      return x >= Math.min(a, hi) && x <= Math.max(a, hi);
    case "NotBetween":
      return x < Math.min(a, hi) || x > Math.max(a, hi);
    case "EqualTo":
      return x === a;
    case "NotEqualTo":
      return x !== a;
    case "GreaterThan":
      return x > a;
    case "LessThan":
      return x < a;
    case "GreaterThanOrEqualTo":
    case "GreaterThanOrEqual":
      return x >= a;
    case "LessThanOrEqualTo":
    case "LessThanOrEqual":
      return x <= a;
    default:
      return false;
  }
}

const truthy = (v: CellValue | ""): boolean => v === true || (typeof v === "number" && v !== 0);

function listItems(model: WorkbookModel, sheet: SheetModel, source: unknown): string[] {
  if (typeof source !== "string") return [];
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim().toLowerCase());
  let res: unknown;
  try {
    res = model.calc.evaluateRaw(source, sheet.hfId);
  } catch {
    return [];
  }
  const flat = Array.isArray(res) ? (res as unknown[][]).flat() : [res];
  return flat.filter((v) => v !== null && v !== undefined).map((v) => String(v).toLowerCase());
}

/** Whether cell (r, c) with its current value satisfies the validation entry. */
export function satisfies(model: WorkbookModel, sheet: SheetModel, e: ValidationEntry, r: number, c: number): boolean {
  if (!e.rule) return true;
  const value = model.value(sheet, r, c);
  if (value === "") return e.ignoreBlanks;
  const kind = Object.keys(e.rule)[0];
  const spec = e.rule[kind] ?? {};
  const dr = r - e.rect.r0;
  const dc = c - e.rect.c0;
  if (kind === "list") return listItems(model, sheet, spec.source).includes(String(value).toLowerCase());
  if (kind === "custom") return truthy(operand(model, sheet, spec.formula, dr, dc));
  let x: CellValue = value;
  if (kind === "textLength") x = String(value).length;
  else if (typeof value !== "number") return false;
  if (kind === "wholeNumber" && !Number.isInteger(x)) return false;
  const a = operand(model, sheet, spec.formula1, dr, dc);
  const b = spec.formula2 !== undefined ? operand(model, sheet, spec.formula2, dr, dc) : undefined;
  return compare(String(spec.operator ?? "Between"), x, a, b);
}

// ---- conditional formats -----------------------------------------------------------------------

export function removeCondFormatsIn(sheet: SheetModel, rect: Rect): void {
  sheet.condFormats = sheet.condFormats
    .map((cf) => ({ ...cf, rects: cf.rects.flatMap((r) => subtract(r, rect)) }))
    .filter((cf) => cf.rects.length > 0);
}

export const condFormatsIn = (sheet: SheetModel, rect: Rect): CondFormatEntry[] =>
  sheet.condFormats.filter((cf) => cf.rects.some((r) => intersect(r, rect)));

function matches(model: WorkbookModel, sheet: SheetModel, cf: CondFormatEntry, r: number, c: number): boolean {
  const origin = cf.rects[0];
  const dr = r - origin.r0;
  const dc = c - origin.c0;
  if (cf.type === "Custom") return truthy(operand(model, sheet, cf.rule.formula ?? "", dr, dc));
  if (cf.type === "CellValue") {
    const raw = model.value(sheet, r, c);
    const x = raw === "" ? 0 : raw;
    const a = operand(model, sheet, cf.rule.formula1, dr, dc);
    const b = cf.rule.formula2 !== undefined ? operand(model, sheet, cf.rule.formula2, dr, dc) : undefined;
    return compare(String(cf.rule.operator ?? ""), x, a, b);
  }
  return false;
}

/** The format the conditional formats give cell (r, c) now (Excel: priority order, per property, stopIfTrue). */
export function conditionalFormatAt(model: WorkbookModel, sheet: SheetModel, r: number, c: number): CfFormat {
  const out: CfFormat = {};
  for (const cf of sheet.condFormats) {
    if (!cf.rects.some((rect) => containsCell(rect, r, c))) continue;
    if (!matches(model, sheet, cf, r, c)) continue;
    for (const [k, v] of Object.entries(cf.format) as [keyof CfFormat, never][]) if (v !== undefined && out[k] === undefined) out[k] = v;
    if (cf.stopIfTrue) break;
  }
  return out;
}
