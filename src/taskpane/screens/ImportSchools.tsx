/**
 * The offer under the import preview when the table's value columns are 2+ schools (a municipal
 * table): «В таблице N школ: свести их в «Свод»» runs consolidateTable and shows the result like
 * the «Свести школы» screen (schools, periods, findings, «Перейти к листу «Свод»»).
 */
import * as React from "react";
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { formatPeriod } from "../../core/periods";
import type { Lang, Period } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import type { ConsolidateTableOptions, ConsolidateTableResult } from "../../excel/consolidateTable";
import { fill } from "../../i18n";
import * as strings from "../../i18n/consolidateTable";
import { ActionButton, Failure, FindingList, OpenSheet, Progress, Reveal } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface ImportSchoolsProps {
  lang: Lang;
  /** School columns in the previewed table. */
  schools: number;
  period: Period;
  /** A Word table instead of the selection. */
  grid?: string[][];
  gridSource?: string;
  consolidateTable: (o: ConsolidateTableOptions) => Promise<CommandResult<ConsolidateTableResult>>;
  activateSheet?: (name: string) => Promise<void>;
}

export function ImportSchools({ lang, schools, period, grid, gridSource, consolidateTable, activateSheet }: ImportSchoolsProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const op = useOperation<ConsolidateTableResult>();
  const result = op.outcome.kind === "done" ? op.outcome.value : null;
  const run = () => op.run(() => consolidateTable({ lang, period, ...(grid ? { grid, gridSource: gridSource ?? "" } : {}) }));
  return (
    <div className={s.group} data-testid="import-schools">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.offer(schools)}</MessageBarTitle>
          <Caption1>{t.hint}</Caption1>
        </MessageBarBody>
      </MessageBar>
      <div className={s.actions}>
        <ActionButton appearance="secondary" busy={op.busy} busyText={t.running} onClick={() => void run()}>
          {t.run}
        </ActionButton>
      </div>
      {op.busy && <Progress text={t.running} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && result && (
        <Reveal>
          <MessageBar intent={result.findings.length ? "warning" : "success"} layout="multiline" role="status" data-testid="import-schools-result">
            <MessageBarBody>
              {t.done(result.schools, (result.chosen ?? [result.period]).map((p) => formatPeriod(p, lang)).join(", "))}
              {result.ignored.length > 0 && <div>{fill(t.ignored, { list: result.ignored.join(", ") })}</div>}
              <FindingList title={t.findings} findings={result.findings} lang={lang} />
              {activateSheet && <OpenSheet name={result.summarySheet} lang={lang} open={activateSheet} />}
            </MessageBarBody>
          </MessageBar>
        </Reveal>
      )}
    </div>
  );
}
