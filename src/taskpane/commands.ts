/**
 * What the task pane can ask of the workbook: plain async functions passed in as props, so the
 * screens render and test without Excel. src/taskpane/index.tsx wires the src/excel commands; the
 * demo wires the same commands running against the simulated host. A command left undefined is
 * shown as "not available in this version" (e.g. a host without it, or a test).
 */
import type { ReportOptions } from "../core/layout/options";
import type { Lang, Period } from "../core/types";
import type { CommandResult } from "../excel/commands";
import type { InsertResult } from "../excel/insertReport";
import type { ConsolidateOptions, ConsolidateResult } from "../excel/consolidate";
import type { FileRead } from "../xlsx/light/school";
import type { DocxRead } from "../xlsx/light/docx";
import type { FreezeResult, RestoreResult } from "../excel/share";
import type { RoadmapImportOptions, RoadmapImportResult } from "../excel/roadmap";
import type { SelfTestReport } from "../core/selftest";
import type { InsertFormulaOptions, InsertFormulaResult } from "../excel/insertFunction";
import type { ImportPreview, ImportTableOptions, ImportWriteOptions, ImportWriteResult } from "../excel/importTable";
import type { ConsolidateTableOptions, ConsolidateTableResult } from "../excel/consolidateTable";

export type { CommandError, CommandResult } from "../excel/commands";

/** `filled`: the periods with at least one value (suggested comparisons use only these); absent from older hosts. */
export type ReportInfo = { school: string; schoolYear: number | null; periods: Period[]; filled?: Period[]; hasTargets: boolean };
export type TargetsResult = { sheet: string; created: boolean; targets: number };
export type DynamicsResult = { sheet: string; indicators: number };
export type RisksResult = { sheet: string; missed: number; atRisk: number; worsening: number; findings: number };

export type InsertOptions = Omit<ReportOptions, "existing">;

export interface Commands {
  insertReport?: (o: InsertOptions) => Promise<InsertResult>;
  readReportInfo?: () => Promise<CommandResult<ReportInfo>>;
  insertTargets?: (o: { lang: Lang }) => Promise<CommandResult<TargetsResult>>;
  comparePeriods?: (o: { earlier: Period; later: Period; lang: Lang }) => Promise<CommandResult<DynamicsResult>>;
  refreshRisks?: (o: { lang: Lang }) => Promise<CommandResult<RisksResult>>;
  activateSheet?: (name: string) => Promise<void>;
  /** Municipal consolidation (loaded on first use). */
  consolidate?: (o: ConsolidateOptions) => Promise<CommandResult<ConsolidateResult>>;
  readSchoolFile?: (label: string, bytes: Uint8Array) => Promise<FileRead>;
  /** Reads a Word (.docx) file: its tables and paragraphs, or a finding (loaded on first use). */
  readWordFile?: (bytes: Uint8Array) => Promise<DocxRead>;
  /** «Загрузить дорожную карту» from the selection (loaded on first use). */
  importRoadmap?: (o: RoadmapImportOptions) => Promise<CommandResult<RoadmapImportResult>>;
  /** «Загрузить таблицу показателей»: preview (no write) and write of the selected table (loaded on first use). */
  previewImport?: (o: ImportTableOptions) => Promise<CommandResult<ImportPreview>>;
  writeImport?: (o: ImportWriteOptions) => Promise<ImportWriteResult>;
  /** «Свод» straight from a selected table whose columns are schools (loaded on first use). */
  consolidateTable?: (o: ConsolidateTableOptions) => Promise<CommandResult<ConsolidateTableResult>>;
  /** «Подготовить к отправке» / «Вернуть формулы» (loaded on first use). */
  freezeForSending?: (o: { lang: Lang }) => Promise<CommandResult<FreezeResult>>;
  restoreFormulas?: (o: { lang: Lang }) => Promise<CommandResult<RestoreResult>>;
  /** «Самопроверка»: every platform behaviour the add-in relies on, on a temporary sheet (loaded on first use). */
  runSelfTest?: () => Promise<CommandResult<{ report: SelfTestReport }>>;
  /** «Вставить функцию»: the selected range (an argument) and the formula written into the active cell. */
  readSelection?: () => Promise<CommandResult<{ sheet: string; address: string }>>;
  insertFormula?: (o: InsertFormulaOptions) => Promise<CommandResult<InsertFormulaResult>>;
  /** «Справка»: the user guide in a browser window, at `anchor` when given; absent: the pane's link opens it. */
  openHelp?: (anchor?: string) => void;
}
