/** The src/excel commands the task pane calls in Excel (and the demo against the simulated host). */
import type { Commands } from "./commands";
import { openHelp } from "../excel/help";

const report = () => import(/* webpackChunkName: "report" */ "../excel/commands");
const insert = () => import(/* webpackChunkName: "report" */ "../excel/insertReport");

/**
 * Every command is loaded on first use (chunks: report, roadmap, import, consolidate, share, selftest), so the pane's
 * first load carries only React, Fluent UI and the screens; the sheet builders, readers and the
 * catalog arrive while the user reads the first screen.
 */
export function excelCommands(): Commands {
  return {
    insertReport: async (o) => (await insert()).insertReport(o),
    readReportInfo: async () => (await report()).readReportInfo(),
    insertTargets: async (o) => (await report()).insertTargets(o),
    comparePeriods: async (o) => (await report()).comparePeriods(o),
    refreshRisks: async (o) => (await report()).refreshRisks(o),
    activateSheet: async (name) => (await report()).activateSheet(name),
    consolidate: async (o) => (await import(/* webpackChunkName: "consolidate" */ "../excel/consolidate")).consolidate(o),
    importRoadmap: async (o) => (await import(/* webpackChunkName: "roadmap" */ "../excel/roadmap")).importRoadmap(o),
    previewImport: async (o) => (await import(/* webpackChunkName: "import" */ "../excel/importTable")).previewImport(o),
    writeImport: async (o) => (await import(/* webpackChunkName: "import" */ "../excel/importTable")).writeImport(o),
    consolidateTable: async (o) => (await import(/* webpackChunkName: "consolidate" */ "../excel/consolidateTable")).consolidateTable(o),
    freezeForSending: async (o) => (await import(/* webpackChunkName: "share" */ "../excel/share")).freezeForSending(o),
    restoreFormulas: async (o) => (await import(/* webpackChunkName: "share" */ "../excel/share")).restoreFormulas(o),
    runSelfTest: async () => (await import(/* webpackChunkName: "selftest" */ "../excel/selftest")).runSelfTest(),
    readSelection: async () => (await import(/* webpackChunkName: "formula" */ "../excel/insertFunction")).readSelection(),
    insertFormula: async (o) => (await import(/* webpackChunkName: "formula" */ "../excel/insertFunction")).insertFormula(o),
    openHelp,
    readSchoolFile: async (label, bytes) => (await import(/* webpackChunkName: "consolidate" */ "../xlsx/light")).readSchoolFile(label, bytes),
    readWordFile: async (bytes) => (await import(/* webpackChunkName: "roadmap" */ "../xlsx/light/docx")).readDocx(bytes),
  };
}
