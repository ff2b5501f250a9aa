/**
 * «Самопроверка» (self-test), the pure part: which platform behaviours the add-in relies on are
 * checked, what each custom function must compute, how a read-back is judged, and the diagnostic
 * text a user copies and sends us. The Office.js side is src/excel/selftest.ts.
 *
 * The diagnostic text is for the developers and stays in English (check ids, Excel's own error
 * codes and messages) whatever the pane's language; the pane shows the same results translated.
 */
import { eduCall, WRITTEN_FUNCTIONS, type WrittenFunction } from "./layout/formulas";

/** The temporary sheet (very hidden, deleted afterwards); ASCII so any Excel accepts the name. */
export const SELFTEST_SHEET = "shnor_selftest";
/** A1 of the temporary sheet: how a leftover of a crashed run is told from a user's sheet of the same name. */
export const SELFTEST_MARKER = "shnor-monitor:selftest";

/** The name for the temporary sheet: ours, or "shnor_selftest (2)" … when a sheet of the user's has it. */
export function selfTestSheetName(taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = SELFTEST_SHEET;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${SELFTEST_SHEET} (${i})`;
  return name;
}

/** Whether a sheet may be a leftover of ours: its name is ours (or ours with a number) — its A1 must say so too. */
export function mayBeLeftover(name: string): boolean {
  return new RegExp(`^${SELFTEST_SHEET}( \\(\\d+\\))?$`, "i").test(name);
}

export type FunctionCheckId = `function:${WrittenFunction}`;
export type CheckId = FunctionCheckId | "veryHidden" | "sheetChain" | "conditionalFormat" | "dataValidation" | "protection" | "chart" | "payload";

/** Every check, in the order it runs and is shown. */
export const CHECK_IDS: readonly CheckId[] = [
  "veryHidden",
  ...WRITTEN_FUNCTIONS.map((f): FunctionCheckId => `function:${f}`),
  "conditionalFormat",
  "dataValidation",
  "sheetChain",
  "chart",
  "payload",
  // Last: a sheet Excel protects but will not unprotect would make the checks after it fail too.
  "protection",
];

export const functionOf = (id: CheckId): WrittenFunction | null => (id.startsWith("function:") ? (id.slice(9) as WrittenFunction) : null);

/**
 * One call per function the add-in writes, with literal arguments shaped as the add-in writes them
 * (DYNAMICS with an indicator id, TARGETSTATUS with a margin), and the value it must give.
 */
const PROBES: Record<WrittenFunction, { args: string[]; expected: number }> = {
  DELTA: { args: ["2", "5"], expected: 3 },
  GROWTH: { args: ["4", "5"], expected: 0.25 },
  DYNAMICS: { args: ["0.3", "0.4", '"gia9_rus_fail"'], expected: -1 },
  TARGETSTATUS: { args: ["0.36", "0.38", "1", "0.05"], expected: 0 },
  TARGETGAP: { args: ["0.4", "0.38", "-1"], expected: -0.02 },
};

export interface FunctionProbe {
  fn: WrittenFunction;
  /** The formula written (invariant English form, as the add-in writes it). */
  formula: string;
  expected: number;
}

export const FUNCTION_PROBES: readonly FunctionProbe[] = WRITTEN_FUNCTIONS.map((fn) => ({
  fn,
  formula: `=${eduCall(fn, ...PROBES[fn].args)}`,
  expected: PROBES[fn].expected,
}));

/** Values a custom-function cell shows while Excel is still computing it. */
export function isPending(value: unknown): boolean {
  return value === "#BUSY!" || value === "#GETTING_DATA";
}

export interface CheckResult {
  id: CheckId;
  ok: boolean;
  /** On failure: Excel's own error code (an Office error, or the error a cell shows such as "#NAME?"), or "Mismatch" / "StillBusy" / "NotRun". */
  code?: string;
  /** On failure: Excel's message, or what was read back. */
  message?: string;
  /** Where Excel says it failed (debugInfo.errorLocation). */
  location?: string;
  /** On success: what was seen (e.g. the chart type read back). */
  detail?: string;
  ms: number;
}

export type Failure = Pick<CheckResult, "code" | "message" | "location">;

/** The judgement of a custom function's cell value (after #BUSY! has cleared or the wait ran out). */
export function judgeFunction(probe: FunctionProbe, value: unknown): Failure | null {
  if (typeof value === "number" && Math.abs(value - probe.expected) <= 1e-9) return null;
  if (isPending(value)) return { code: "StillBusy", message: `${probe.formula} still shows ${String(value)}: Excel did not compute the custom function` };
  if (typeof value === "string" && value.startsWith("#")) return { code: value, message: `${probe.formula} gives ${value}` };
  return { code: "Mismatch", message: `${probe.formula} gives ${JSON.stringify(value)}, expected ${probe.expected}` };
}

/** A read-back that differs from what was written. */
export function mismatch(what: string, got: unknown, expected: unknown): Failure | null {
  return JSON.stringify(got) === JSON.stringify(expected) ? null : { code: "Mismatch", message: `${what}: read back ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}` };
}

/** A conditional-format formula as Excel may return it (case, spaces, leading "="). */
export function sameRuleFormula(a: unknown, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, "").replace(/^=?/, "=").toUpperCase();
  return typeof a === "string" && norm(a) === norm(b);
}

/** Text cells (10 a row, 100 ASCII letters each, no digits) whose JSON is about `bytes` long: one request near the budget. */
export function payloadBlock(bytes: number): string[][] {
  const cell = "abcdefghijklmnopqrstuvwxy".repeat(4);
  const cols = 10;
  const rowBytes = cols * (cell.length + 3) + 2; // quotes and commas, brackets, the comma between rows
  const rows = Math.max(1, Math.ceil(bytes / rowBytes));
  return Array.from({ length: rows }, () => new Array<string>(cols).fill(cell));
}

// ---- the environment and the diagnostic text ---------------------------------------------------

/** API sets probed with Office.context.requirements.isSetSupported. */
export const PROBED_SETS: readonly { name: string; versions: string[] }[] = [
  { name: "ExcelApi", versions: Array.from({ length: 17 }, (_, i) => `1.${i + 1}`) },
  { name: "CustomFunctionsRuntime", versions: ["1.1", "1.2", "1.3", "1.4"] },
  { name: "SharedRuntime", versions: ["1.1"] },
];

export interface Environment {
  /** Office.context.diagnostics.version, or null when Office did not tell. */
  officeVersion: string | null;
  /** Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline" …). */
  platform: string | null;
  /** Office.context.displayLanguage. */
  displayLanguage: string | null;
  userAgent: string | null;
  /** Per set and version: true / false, or null when it could not be asked (outside Office). */
  apiSets: { name: string; version: string; supported: boolean | null }[];
}

export interface SelfTestReport {
  /** ISO date-time of the run. */
  date: string;
  environment: Environment;
  checks: CheckResult[];
  /** The temporary sheet used (its name may differ when a user's sheet already has ours). */
  sheet: string;
  /** Leftover temporary sheets of crashed runs removed first. */
  leftoversRemoved: number;
  /** Whether the temporary sheet was removed at the end (false: it stays very hidden until the next run). */
  cleanup: { ok: boolean; code?: string; message?: string };
  /** What had to be put back: the active sheet, the selection. */
  restored: { activeSheet: boolean; selection: boolean };
}

export const passed = (r: SelfTestReport) => r.checks.filter((c) => c.ok).length;

/** "1.1–1.16" for the supported versions of a set, as runs of consecutive versions. */
function runsOf(versions: string[], all: string[]): string {
  const idx = versions.map((v) => all.indexOf(v)).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    out.push(i === j ? all[idx[i]] : `${all[idx[i]]}–${all[idx[j]]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/** One line per probed set: "ExcelApi: yes 1.1–1.16; no 1.17". */
export function apiSetLines(env: Environment): string[] {
  return PROBED_SETS.map(({ name, versions }) => {
    const of = (s: boolean | null) => env.apiSets.filter((a) => a.name === name && a.supported === s).map((a) => a.version);
    const parts = [
      of(true).length ? `yes ${runsOf(of(true), versions)}` : "",
      of(false).length ? `no ${runsOf(of(false), versions)}` : "",
      of(null).length ? `unknown ${runsOf(of(null), versions)}` : "",
    ].filter(Boolean);
    return `${name}: ${parts.join("; ") || "not asked"}`;
  });
}

/** The text the user copies and sends us. */
export function diagnosticText(r: SelfTestReport, addinVersion?: string): string {
  const e = r.environment;
  const lines = [
    "Мониторинг ШНОР — самопроверка / School Support Monitor — self-test",
    `Date: ${r.date}`,
    ...(addinVersion ? [`Add-in: ${addinVersion}`] : []),
    `Office: ${e.officeVersion ?? "unknown"}; platform: ${e.platform ?? "unknown"}; display language: ${e.displayLanguage ?? "unknown"}`,
    ...(e.userAgent ? [`Browser: ${e.userAgent}`] : []),
    ...apiSetLines(e),
    `Checks: ${passed(r)} of ${r.checks.length} passed`,
    ...r.checks.map((c) => {
      const head = `${c.ok ? "✔" : "✘"} ${c.id} (${Math.round(c.ms)} ms)`;
      return c.ok ? `${head}${c.detail ? `: ${c.detail}` : ""}` : `${head}: ${c.code ?? "Error"}${c.message ? ` — ${c.message}` : ""}${c.location ? ` [${c.location}]` : ""}`;
    }),
    `Temporary sheet: ${r.sheet}; ${r.cleanup.ok ? "removed" : `NOT removed (${r.cleanup.code ?? "Error"}${r.cleanup.message ? ` — ${r.cleanup.message}` : ""}); the next run removes it`}`,
    ...(r.leftoversRemoved > 0 ? [`Leftovers of an earlier run removed: ${r.leftoversRemoved}`] : []),
    ...(r.restored.activeSheet || r.restored.selection
      ? [`Restored afterwards: ${[r.restored.activeSheet ? "active sheet" : "", r.restored.selection ? "selection" : ""].filter(Boolean).join(", ")}`]
      : []),
  ];
  return lines.join("\n");
}
