/** The HyperFormula bridge: one instance holds every cell's content and computes formulas. */

import { AlwaysSparse, HyperFormula, DetailedCellError } from "hyperformula";
import { MAX_COLS, MAX_ROWS } from "./address";
import { DeferredSheets, referencedSheets } from "./deferred";
import { addFunctionAlias, displayFormula, engineFormula } from "./aliases";

export type CellValue = number | string | boolean;
/** What a cell holds as written: a constant, a formula "=…", or null (empty). */
export type RawContent = number | string | boolean | null;

/**
 * A plugin as the caller injects it: a FunctionPlugin class, or the class with its name translations
 * and aliases (names Excel accepts but HyperFormula cannot lex → the plugin's names; aliases.ts).
 */
export type PluginSpec = unknown | { plugin: unknown; translations?: Record<string, Record<string, string>>; aliases?: Record<string, string> };

type PluginClass = Parameters<typeof HyperFormula.registerFunctionPlugin>[0];

/** Register plugins once per process (HyperFormula's registry is static). */
/** Upper-case names of the functions the registered plugins implement (the add-in's custom functions). */
const customFunctions = new Set<string>();

/** Whether a formula calls one of the plugins' (custom) functions. */
export function callsCustomFunction(formula: string): boolean {
  if (customFunctions.size === 0) return false;
  const f = formula.toUpperCase();
  for (const name of customFunctions) {
    const i = f.indexOf(`${name}(`);
    if (i >= 0 && (i === 0 || !/[A-Z0-9_.]/.test(f[i - 1]))) return true;
  }
  return false;
}

export function registerPlugins(plugins: PluginSpec[]): void {
  const registered = new Set<unknown>(HyperFormula.getAllFunctionPlugins());
  for (const spec of plugins) {
    const isWrapped = typeof spec === "object" && spec !== null && "plugin" in spec;
    const plugin = (isWrapped ? (spec as { plugin: unknown }).plugin : spec) as PluginClass;
    const aliases = isWrapped ? (spec as { aliases?: Record<string, string> }).aliases : undefined;
    for (const [display, engine] of Object.entries(aliases ?? {})) addFunctionAlias(display, engine);
    for (const name of Object.keys((plugin as { implementedFunctions?: object }).implementedFunctions ?? {})) customFunctions.add(name.toUpperCase());
    if (registered.has(plugin)) continue;
    const translations = isWrapped ? (spec as { translations?: Record<string, Record<string, string>> }).translations : undefined;
    HyperFormula.registerFunctionPlugin(plugin, translations as never);
    registered.add(plugin);
  }
}

/** HyperFormula error values as Excel shows them in range.values. */
function excelError(e: DetailedCellError): CellValue {
  switch (e.value) {
    case "#ERROR!":
      return "#NAME?";
    case "#CYCLE!":
      return 0;
    case "#LIC!":
      return "#VALUE!";
    default:
      return e.value;
  }
}

export function toExcelValue(v: unknown): CellValue | "" {
  if (v instanceof DetailedCellError) return excelError(v);
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return toExcelValue(v[0]?.[0]);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return "#VALUE!";
}

export const isErrorValue = (v: unknown): boolean =>
  typeof v === "string" && /^#(DIV\/0!|VALUE!|N\/A|NAME\?|REF!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/.test(v);

export class Calc {
  readonly hf: HyperFormula;
  private suspended = 0;
  /** Constants of sheets no formula can reach yet (see deferred.ts). */
  private readonly deferred: DeferredSheets;
  /** Sheet names formulas referred to (lower case): a new sheet with such a name is attached at once. */
  private readonly mentioned = new Set<string>();
  /** Set by a formula that can reach any sheet (INDIRECT): every sheet lives in HyperFormula. */
  private noDefer = false;

  constructor(hfConfig: Record<string, unknown> = {}) {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      // Sparse cell storage: a stray value at XFD10 and another at row 100,001 cost two cells, not a
      // dense 100,001 × 16,384 grid (as in Excel, where far cells are cheap).
      chooseAddressMappingPolicy: new AlwaysSparse(),
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLS,
      evaluateNullToZero: true,
      ...hfConfig,
    } as never);
    const config = this.hf.getConfig();
    this.deferred = new DeferredSheets({ smart: config.smartRounding, precision: config.precisionRounding });
  }

  addSheet(name: string): number {
    this.live();
    const id = this.hf.getSheetId(this.hf.addSheet(name)) as number;
    if (!this.noDefer && !this.mentioned.has(name.toLowerCase())) this.deferred.add(id);
    return id;
  }
  renameSheet(id: number, name: string): void {
    this.live();
    if (this.mentioned.has(name.toLowerCase())) this.attach(id);
    this.hf.renameSheet(id, name);
  }
  removeSheet(id: number): void {
    this.live();
    this.deferred.drop(id);
    this.hf.removeSheet(id);
  }

  /** True while the sheet's constants are kept outside HyperFormula (for tests and the bench). */
  isDeferred(id: number): boolean {
    return this.deferred.has(id);
  }

  /** Move a sheet's deferred constants into HyperFormula (row runs), for good. */
  private attach(id: number): void {
    if (!this.deferred.has(id)) return;
    const cells = this.deferred.take(id);
    this.batchWrite();
    let i = 0;
    while (i < cells.length) {
      let j = i + 1;
      while (j < cells.length && cells[j].row === cells[i].row && cells[j].col === cells[j - 1].col + 1) j++;
      this.hf.setCellContents({ sheet: id, row: cells[i].row, col: cells[i].col }, [cells.slice(i, j).map((c) => c.value)] as never);
      i = j;
    }
  }

  /** Before a formula reaches HyperFormula: attach the sheets it may read. */
  private noteFormula(formula: string, sheet?: number): void {
    if (sheet !== undefined) this.attach(sheet);
    if (/INDIRECT\s*\(/i.test(formula)) {
      this.noDefer = true;
      for (const id of this.deferred.ids()) this.attach(id);
      return;
    }
    for (const name of referencedSheets(formula)) {
      this.mentioned.add(name);
      for (const id of this.deferred.ids()) if (this.hf.getSheetName(id)?.toLowerCase() === name) this.attach(id);
    }
  }

  /** True when the formula text parses (Excel refuses to store a formula that does not). */
  validFormula(formula: string): boolean {
    this.live();
    return this.hf.validateFormula(engineFormula(formula));
  }

  /** Write a rectangular block of raw contents starting at (row, col). */
  setBlock(sheet: number, row: number, col: number, block: RawContent[][]): void {
    if (this.deferred.has(sheet) && this.deferred.setBlock(sheet, row, col, block)) return;
    this.attach(sheet);
    let engineBlock = block;
    for (let i = 0; i < block.length; i++) {
      for (let j = 0; j < block[i].length; j++) {
        const v = block[i][j];
        if (typeof v !== "string" || !v.startsWith("=") || v.length < 2) continue;
        this.noteFormula(v);
        const e = engineFormula(v);
        if (e === v) continue;
        if (engineBlock === block) engineBlock = block.map((r) => [...r]);
        engineBlock[i][j] = e;
      }
    }
    this.batchWrite();
    this.hf.setCellContents({ sheet, row, col }, engineBlock as never);
  }

  value(sheet: number, row: number, col: number): CellValue | "" {
    if (this.deferred.has(sheet)) return this.deferred.value(sheet, row, col);
    this.live();
    return toExcelValue(this.hf.getCellValue({ sheet, row, col }));
  }

  /** The detail of an error value (HyperFormula's message, a custom function's text), else null. */
  errorMessage(sheet: number, row: number, col: number): string | null {
    if (this.deferred.has(sheet)) return null;
    this.live();
    const v = this.hf.getCellValue({ sheet, row, col });
    return v instanceof DetailedCellError && v.message ? v.message : null;
  }

  formula(sheet: number, row: number, col: number): string | undefined {
    if (this.deferred.has(sheet)) return undefined;
    this.live();
    const f = this.hf.getCellFormula({ sheet, row, col });
    return f === undefined ? f : displayFormula(f);
  }

  /** The raw content as written (formula text, value; strings that would parse differently keep a leading "'"). */
  serialized(sheet: number, row: number, col: number): RawContent {
    if (this.deferred.has(sheet)) return this.deferred.raw(sheet, row, col);
    this.live();
    const raw = (this.hf.getCellSerialized({ sheet, row, col }) as RawContent) ?? null;
    return typeof raw === "string" && raw.startsWith("=") ? displayFormula(raw) : raw;
  }

  /** calculateFormula's raw result (arrays stay arrays); throws on a formula HyperFormula cannot parse. */
  evaluateRaw(formula: string, sheet: number): unknown {
    this.noteFormula(formula, sheet);
    this.live();
    return this.hf.calculateFormula(engineFormula(formula), sheet);
  }

  isEmpty(sheet: number, row: number, col: number): boolean {
    if (this.deferred.has(sheet)) return this.deferred.raw(sheet, row, col) === null;
    this.live();
    return this.hf.isCellEmpty({ sheet, row, col });
  }

  /** Evaluate a formula in the context of a sheet (references as written, relative to A1). */
  evaluate(formula: string, sheet: number): CellValue | "" {
    this.noteFormula(formula, sheet);
    this.live();
    try {
      return toExcelValue(this.hf.calculateFormula(engineFormula(formula.startsWith("=") ? formula : `=${formula}`), sheet));
    } catch {
      return "#NAME?";
    }
  }

  addName(name: string, expression: string): boolean {
    this.live();
    try {
      const engine = engineFormula(expression);
      if (!this.hf.isItPossibleToAddNamedExpression(name, engine)) return false;
      this.noteFormula(expression);
      this.hf.addNamedExpression(name, engine);
      return true;
    } catch {
      return false;
    }
  }
  removeName(name: string): void {
    this.live();
    try {
      this.hf.removeNamedExpression(name);
    } catch {
      /* not registered in HyperFormula: nothing to remove */
    }
  }

  /** Suspend recalculation while a batch of writes is applied (nested calls are counted). */
  suspend(): void {
    this.suspended++;
  }
  resume(): void {
    if (this.suspended > 0 && --this.suspended === 0) this.live();
  }
  /** Make computed values current before a read or a structural change. */
  private live(): void {
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
  }
  private batchWrite(): void {
    if (this.suspended > 0 && !this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
  }
}
