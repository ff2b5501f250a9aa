/** What the open workbook holds (school, periods, targets), read once and again on demand. */
import * as React from "react";
import type { Commands, ReportInfo } from "../commands";
import { useOperation, type Operation } from "./useOperation";

export interface ReportInfoState {
  /** undefined when the command is missing. */
  op: Operation<ReportInfo> | undefined;
  info: ReportInfo | undefined;
  reload: () => void;
}

/** Reads the report info when `generation` changes (bump it after a command changed the workbook). */
export function useReportInfo(commands: Commands, generation: number): ReportInfoState {
  const op = useOperation<ReportInfo>();
  const read = commands.readReportInfo;
  const { run } = op;
  const reload = React.useCallback(() => {
    if (read) void run(read);
  }, [read, run]);
  React.useEffect(() => {
    reload();
  }, [reload, generation]);
  return { op: read ? op : undefined, info: op.outcome.kind === "done" ? op.outcome.value : undefined, reload };
}
