/** The src/excel commands the task pane calls in Excel (and the demo against the simulated host). */
import { activateSheet, comparePeriods, insertTargets, readReportInfo, refreshRisks } from "../excel/commands";
import { insertReport } from "../excel/insertReport";
import type { Commands } from "./commands";

export function excelCommands(): Commands {
  return { insertReport, readReportInfo, insertTargets, comparePeriods, refreshRisks, activateSheet };
}
