/** The src/excel commands the task pane calls in Excel (and the demo against the simulated host). */
import { activateSheet, comparePeriods, insertTargets, readReportInfo, refreshRisks } from "../excel/commands";
import { insertReport } from "../excel/insertReport";
import type { Commands } from "./commands";

/**
 * Consolidation, sharing and the road map are loaded on first use (separate chunks), so the pane's
 * first load stays small.
 */
export function excelCommands(): Commands {
  return {
    insertReport,
    readReportInfo,
    insertTargets,
    comparePeriods,
    refreshRisks,
    activateSheet,
    consolidate: async (o) => (await import(/* webpackChunkName: "consolidate" */ "../excel/consolidate")).consolidate(o),
    importRoadmap: async (o) => (await import(/* webpackChunkName: "roadmap" */ "../excel/roadmap")).importRoadmap(o),
    freezeForSending: async (o) => (await import(/* webpackChunkName: "share" */ "../excel/share")).freezeForSending(o),
    restoreFormulas: async (o) => (await import(/* webpackChunkName: "share" */ "../excel/share")).restoreFormulas(o),
    readSchoolFile: async (label, bytes) => (await import(/* webpackChunkName: "consolidate" */ "../xlsx/light")).readSchoolFile(label, bytes),
  };
}
