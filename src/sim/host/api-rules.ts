/** Excel.DataValidation and conditional formats on the simulated host. */

import { Codes, fail } from "./errors";
import { SimCollection, SimObject, defineProps, resultOf, ClientResult } from "./proxy";
import type { SimContext } from "./context";
import type { CondFormatEntry, DataValidationRule, SheetModel, ValidationEntry } from "./sheet";
import { clearValidation, condFormatsIn, patchValidation, removeCondFormatsIn, ruleType, satisfies, validationsIn } from "./rules";
import { normalizeColor } from "./api-format";
import { RangeProxy, type Located } from "./api-range";

// ---- data validation ---------------------------------------------------------------------------

const RULE_KINDS = ["wholeNumber", "decimal", "list", "custom", "textLength", "date", "time"];
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

function checkRule(rule: unknown): DataValidationRule {
  const location = "DataValidation.rule";
  if (!rule || typeof rule !== "object") return fail(Codes.invalidArgument, location);
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] != null);
  if (keys.length !== 1 || !RULE_KINDS.includes(keys[0])) return fail(Codes.invalidArgument, location);
  const spec = (rule as Record<string, Record<string, unknown>>)[keys[0]];
  if (!spec || typeof spec !== "object") return fail(Codes.invalidArgument, location);
  if (keys[0] === "list" && (typeof spec.source !== "string" || spec.source === "")) fail(Codes.invalidArgument, location);
  if (keys[0] === "custom" && typeof spec.formula !== "string") fail(Codes.invalidArgument, location);
  if (!["list", "custom"].includes(keys[0])) {
    if (!OPERATORS.includes(String(spec.operator)) || spec.formula1 === undefined) fail(Codes.invalidArgument, location);
    if ((spec.operator === "Between" || spec.operator === "NotBetween") && spec.formula2 === undefined) fail(Codes.invalidArgument, location);
  }
  return { [keys[0]]: { ...spec } };
}

function guardRules(sheet: SheetModel, location: string): void {
  if (sheet.protection.protected) fail(Codes.accessDenied, location);
}

/** The single entry covering the whole range, or null when the range is mixed. */
function only(l: Located): ValidationEntry | null | undefined {
  const { entries, complete } = validationsIn(l.sheet, l.rect);
  if (entries.length === 0) return undefined;
  if (!complete || entries.some((e) => JSON.stringify(e.rule) !== JSON.stringify(entries[0].rule))) return null;
  return entries[0];
}

abstract class RangeBound extends SimObject {
  constructor(
    context: SimContext,
    readonly _range: RangeProxy,
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._range._exists();
  }
}

export class DataValidationProxy extends RangeBound {
  readonly _entity = "DataValidation";
  clear(): void {
    this._call("clear", [], () => {
      const l = this._range._at();
      guardRules(l.sheet, "DataValidation.clear");
      clearValidation(l.sheet, l.rect);
    });
  }
}
type D = DataValidationProxy;
const dl = (s: D) => s._range._at();
const setEntry = (s: D, location: string, apply: (e: ValidationEntry) => void) => {
  const l = dl(s);
  guardRules(l.sheet, location);
  patchValidation(l.sheet, l.rect, apply);
};
defineProps(DataValidationProxy, {
  type: {
    get: (s: D) => {
      const e = only(dl(s));
      return e === undefined ? "None" : e === null ? "Inconsistent" : ruleType(e.rule);
    },
  },
  rule: {
    get: (s: D) => only(dl(s))?.rule ?? null,
    set: (s: D, v: unknown) => {
      const rule = checkRule(v);
      setEntry(s, "DataValidation.rule", (e) => (e.rule = rule));
    },
  },
  prompt: {
    get: (s: D) => only(dl(s))?.prompt ?? { showPrompt: false, title: "", message: "" },
    set: (s: D, v: Partial<ValidationEntry["prompt"]>) => setEntry(s, "DataValidation.prompt", (e) => (e.prompt = { ...e.prompt, ...v })),
  },
  errorAlert: {
    get: (s: D) => only(dl(s))?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
    set: (s: D, v: Partial<ValidationEntry["errorAlert"]>) => setEntry(s, "DataValidation.errorAlert", (e) => (e.errorAlert = { ...e.errorAlert, ...v })),
  },
  ignoreBlanks: {
    get: (s: D) => only(dl(s))?.ignoreBlanks ?? true,
    set: (s: D, v: boolean) => setEntry(s, "DataValidation.ignoreBlanks", (e) => (e.ignoreBlanks = Boolean(v))),
  },
  valid: {
    get: (s: D) => {
      const l = dl(s);
      const used = l.model.usedRect(l.sheet, true);
      for (const e of validationsIn(l.sheet, l.rect).entries)
        for (let r = Math.max(e.rect.r0, l.rect.r0); r <= Math.min(e.rect.r1, l.rect.r1, used?.r1 ?? -1); r++)
          for (let c = Math.max(e.rect.c0, l.rect.c0); c <= Math.min(e.rect.c1, l.rect.c1, used?.c1 ?? -1); c++)
            if (!satisfies(l.model, l.sheet, e, r, c)) return false;
      return true;
    },
  },
});

// ---- conditional formats -----------------------------------------------------------------------

export class ConditionalFormatProxy extends SimObject {
  readonly _entity = "ConditionalFormat";
  /** @internal */ _id: string | undefined;
  constructor(
    context: SimContext,
    readonly _range: RangeProxy,
    id?: string,
  ) {
    super(context);
    this._id = id;
  }
  /** @internal */ _find(): { sheet: SheetModel; cf: CondFormatEntry } | undefined {
    const l = this._range._find();
    const cf = l?.sheet.condFormats.find((c) => c.id === this._id);
    return l && cf ? { sheet: l.sheet, cf } : undefined;
  }
  _exists(): boolean {
    return this._find() ? true : fail(Codes.itemNotFound, "ConditionalFormat");
  }
  /** @internal */ _cf(): CondFormatEntry {
    return this._find()!.cf;
  }
  delete(): void {
    this._call("delete", [], () => {
      const { sheet, cf } = this._find()!;
      guardRules(sheet, "ConditionalFormat.delete");
      sheet.condFormats = sheet.condFormats.filter((c) => c !== cf);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, cf } = this._find() ?? fail(Codes.itemNotFound, "ConditionalFormat.getRange");
      return { sheet, rect: cf.rects[0] };
    }, false, this._range._ws);
  }
}
type C = ConditionalFormatProxy;

/** A part of a conditional format that exists only for one type (custom, cellValue …). */
abstract class CfPart extends SimObject {
  constructor(
    context: SimContext,
    readonly _parent: ConditionalFormatProxy,
    readonly _type: string,
  ) {
    super(context);
  }
  _exists(): boolean {
    this._parent._exists();
    if (this._parent._cf().type !== this._type) fail(Codes.invalidOperation, this._entity);
    return true;
  }
  /** @internal */ _cf(): CondFormatEntry {
    const { sheet, cf } = this._parent._find()!;
    if (sheet.protection.protected) fail(Codes.accessDenied, this._entity);
    return cf;
  }
}
type Part = CfPart;

export class ConditionalFormatRuleProxy extends CfPart {
  readonly _entity = "ConditionalFormatRule";
}
/** Excel keeps a conditional-format formula to 255 characters (the rule dialog's limit); longer ones are refused. */
export const MAX_CF_FORMULA = 255;

function ruleFormula(s: Part, v: unknown, location: string): void {
  const f = String(v);
  if (f.length > MAX_CF_FORMULA) fail(Codes.invalidArgument, location);
  s._cf().rule.formula = f;
}

defineProps(ConditionalFormatRuleProxy, {
  formula: { get: (s: Part) => s._parent._cf().rule.formula ?? "", set: (s: Part, v: string) => ruleFormula(s, v, "ConditionalFormatRule.formula") },
  formulaLocal: { get: (s: Part) => s._parent._cf().rule.formula ?? "", set: (s: Part, v: string) => ruleFormula(s, v, "ConditionalFormatRule.formulaLocal") },
});

export class ConditionalRangeFillProxy extends CfPart {
  readonly _entity = "ConditionalRangeFill";
  clear(): void {
    this._call("clear", [], () => delete this._cf().format.fill);
  }
}
defineProps(ConditionalRangeFillProxy, {
  color: {
    get: (s: Part) => s._parent._cf().format.fill ?? null,
    set: (s: Part, v: unknown) => (s._cf().format.fill = normalizeColor(v, "ConditionalRangeFill.color")),
  },
});

export class ConditionalRangeFontProxy extends CfPart {
  readonly _entity = "ConditionalRangeFont";
  clear(): void {
    this._call("clear", [], () => {
      const f = this._cf().format;
      delete f.fontColor;
      delete f.bold;
      delete f.italic;
    });
  }
}
defineProps(ConditionalRangeFontProxy, {
  color: {
    get: (s: Part) => s._parent._cf().format.fontColor ?? null,
    set: (s: Part, v: unknown) => (s._cf().format.fontColor = normalizeColor(v, "ConditionalRangeFont.color")),
  },
  bold: { get: (s: Part) => s._parent._cf().format.bold ?? null, set: (s: Part, v: boolean) => (s._cf().format.bold = Boolean(v)) },
  italic: { get: (s: Part) => s._parent._cf().format.italic ?? null, set: (s: Part, v: boolean) => (s._cf().format.italic = Boolean(v)) },
});

export class ConditionalRangeFormatProxy extends CfPart {
  readonly _entity = "ConditionalRangeFormat";
}
defineProps(
  ConditionalRangeFormatProxy,
  { numberFormat: { get: (s: Part) => s._parent._cf().extra.numberFormat ?? null, set: (s: Part, v: unknown) => (s._cf().extra.numberFormat = v) } },
  {
    fill: (s: Part) => new ConditionalRangeFillProxy(s.context, s._parent, s._type),
    font: (s: Part) => new ConditionalRangeFontProxy(s.context, s._parent, s._type),
  },
);

export class CustomConditionalFormatProxy extends CfPart {
  readonly _entity = "CustomConditionalFormat";
}
defineProps(CustomConditionalFormatProxy, {}, {
  rule: (s: Part) => new ConditionalFormatRuleProxy(s.context, s._parent, s._type),
  format: (s: Part) => new ConditionalRangeFormatProxy(s.context, s._parent, s._type),
});

const CV_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

export class CellValueConditionalFormatProxy extends CfPart {
  readonly _entity = "CellValueConditionalFormat";
}
defineProps(
  CellValueConditionalFormatProxy,
  {
    rule: {
      get: (s: Part) => s._parent._cf().rule,
      set: (s: Part, v: Record<string, unknown>) => {
        if (!v || typeof v !== "object" || !CV_OPERATORS.includes(String(v.operator)) || v.formula1 === undefined)
          fail(Codes.invalidArgument, "CellValueConditionalFormat.rule");
        if ([v.formula1, v.formula2].some((f) => f !== undefined && String(f).length > MAX_CF_FORMULA)) fail(Codes.invalidArgument, "CellValueConditionalFormat.rule");
        s._cf().rule = { ...v };
      },
    },
  },
  { format: (s: Part) => new ConditionalRangeFormatProxy(s.context, s._parent, s._type) },
);

/** Icon sets, colour scales, data bars …: settings are stored, not rendered. */
function storedPart(entity: string, type: string, props: string[]) {
  const cls = class extends CfPart {
    readonly _entity = entity;
  };
  defineProps(
    cls,
    Object.fromEntries(props.map((p) => [p, { get: (s: Part) => s._parent._cf().extra[p] ?? null, set: (s: Part, v: unknown) => (s._cf().extra[p] = v) }])),
  );
  return (s: C) => new cls(s.context, s, type);
}

defineProps(
  ConditionalFormatProxy,
  {
    id: { get: (s: C) => s._cf().id },
    type: { get: (s: C) => s._cf().type },
    priority: {
      get: (s: C) => s._find()!.sheet.condFormats.indexOf(s._cf()),
      set: (s: C, v: number) => {
        const { sheet, cf } = s._find()!;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0) fail(Codes.invalidArgument, "ConditionalFormat.priority");
        sheet.condFormats = sheet.condFormats.filter((c) => c !== cf);
        sheet.condFormats.splice(Math.min(v, sheet.condFormats.length), 0, cf);
      },
    },
    stopIfTrue: { get: (s: C) => s._cf().stopIfTrue, set: (s: C, v: boolean) => (s._cf().stopIfTrue = Boolean(v)) },
  },
  {
    custom: (s: C) => new CustomConditionalFormatProxy(s.context, s, "Custom"),
    cellValue: (s: C) => new CellValueConditionalFormatProxy(s.context, s, "CellValue"),
    iconSet: storedPart("IconSetConditionalFormat", "IconSet", ["style", "reverseIconOrder", "showIconOnly", "criteria"]),
    colorScale: storedPart("ColorScaleConditionalFormat", "ColorScale", ["criteria"]),
    dataBar: storedPart("DataBarConditionalFormat", "DataBar", ["barDirection", "showDataBarOnly", "axisFormat", "axisColor"]),
    preset: storedPart("PresetCriteriaConditionalFormat", "PresetCriteria", ["rule"]),
    textComparison: storedPart("TextConditionalFormat", "ContainsText", ["rule"]),
    topBottom: storedPart("TopBottomConditionalFormat", "TopBottom", ["rule"]),
  },
);

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

export class ConditionalFormatCollectionProxy extends SimCollection<ConditionalFormatProxy> {
  readonly _entity = "ConditionalFormatCollection";
  constructor(
    context: SimContext,
    readonly _range: RangeProxy,
  ) {
    super(context);
  }
  override _exists(): boolean {
    return this._range._exists();
  }
  _list(): ConditionalFormatProxy[] {
    const l = this._range._at();
    return condFormatsIn(l.sheet, l.rect).map((cf) => new ConditionalFormatProxy(this.context, this._range, cf.id));
  }
  /** Adds a format with the highest priority (0), as Excel does. */
  add(type: string): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, this._range);
    this._call("add", [type], () => {
      const l = this._range._at();
      if (!CF_TYPES.includes(type)) fail(Codes.invalidArgument, "ConditionalFormatCollection.add");
      guardRules(l.sheet, "ConditionalFormatCollection.add");
      const cf: CondFormatEntry = { id: l.model.newId(), rects: [l.rect], type, rule: {}, format: {}, stopIfTrue: false, extra: {} };
      l.sheet.condFormats.unshift(cf);
      proxy._id = cf.id;
    });
    return proxy;
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list().length);
  }
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, this._range, id);
  }
  getItemAt(index: number): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, this._range);
    this.context._enqueue("ConditionalFormatCollection.getItemAt", [index], () => {
      proxy._id = this._list()[index]?._id ?? fail(Codes.itemNotFound, "ConditionalFormatCollection.getItemAt");
    }, true);
    return proxy;
  }
  clearAll(): void {
    this._call("clearAll", [], () => {
      const l = this._range._at();
      guardRules(l.sheet, "ConditionalFormatCollection.clearAll");
      removeCondFormatsIn(l.sheet, l.rect);
    });
  }
}
