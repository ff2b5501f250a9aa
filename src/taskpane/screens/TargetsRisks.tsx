/** Journey 3 «Цели и риски»: insert (or update) the targets sheet, refresh risks, show the counts, jump to «Риски». */
import * as React from "react";
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Lang } from "../../core/types";
import { fill, messages } from "../../i18n";
import type { Commands, RisksResult, TargetsResult } from "../commands";
import { ActionButton, CountTiles, Failure, OpenSheet, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import type { ReportInfoState } from "../hooks/useReportInfo";
import { useOperation } from "../hooks/useOperation";

export interface TargetsRisksProps {
  lang: Lang;
  commands: Commands;
  report: ReportInfoState;
  /** Called after a command changed the workbook. */
  onChanged?: () => void;
}

export function TargetsRisks({ lang, commands, report, onChanged }: TargetsRisksProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = messages(lang);
  const targetsOp = useOperation<TargetsResult>();
  const risksOp = useOperation<RisksResult>();
  const { insertTargets, refreshRisks } = commands;
  const busy = targetsOp.busy || risksOp.busy;

  if (!insertTargets && !refreshRisks) {
    return (
      <section className={s.screen} aria-label={t.tabs.targets}>
        <Body1>{t.targets.intro}</Body1>
        <Unavailable lang={lang} />
      </section>
    );
  }
  const noReport = report.info && report.info.periods.length === 0;
  const hasTargets = report.info?.hasTargets === true || targetsOp.outcome.kind === "done";

  const doTargets = async () => {
    if (!insertTargets || busy) return;
    const o = await targetsOp.run(() => insertTargets({ lang }));
    if (o.kind === "done") onChanged?.();
  };
  const doRisks = async () => {
    if (!refreshRisks || busy) return;
    const o = await risksOp.run(() => refreshRisks({ lang }));
    if (o.kind === "done") onChanged?.();
  };

  return (
    <section className={s.screen} aria-label={t.tabs.targets}>
      <Body1>{t.targets.intro}</Body1>
      {noReport && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.common.noReport}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.actions}>
        {insertTargets ? (
          <ActionButton appearance={hasTargets ? "secondary" : "primary"} busy={targetsOp.busy} busyText={t.targets.targetsBusy} disabled={busy && !targetsOp.busy} onClick={doTargets}>
            {hasTargets ? t.targets.updateTargets : t.targets.insertTargets}
          </ActionButton>
        ) : null}
        {refreshRisks ? (
          <ActionButton appearance={hasTargets ? "primary" : "secondary"} busy={risksOp.busy} busyText={t.targets.risksBusy} disabled={busy && !risksOp.busy} onClick={doRisks}>
            {t.targets.refreshRisks}
          </ActionButton>
        ) : null}
      </div>
      {(!insertTargets || !refreshRisks) && <Unavailable lang={lang} />}
      {busy && <Progress text={targetsOp.busy ? t.targets.targetsBusy : t.targets.risksBusy} />}
      {!targetsOp.busy && targetsOp.outcome.kind === "failed" && <Failure message={targetsOp.outcome.message} lang={lang} />}
      {!targetsOp.busy && targetsOp.outcome.kind === "done" && (
        <MessageBar intent="success" layout="multiline" role="status" data-testid="targets-result">
          <MessageBarBody>
            {fill(targetsOp.outcome.value.created ? t.targets.targetsCreated : t.targets.targetsUpdated, {
              sheet: targetsOp.outcome.value.sheet,
              n: targetsOp.outcome.value.targets,
            })}
            {commands.activateSheet && <OpenSheet name={targetsOp.outcome.value.sheet} lang={lang} open={commands.activateSheet} />}
          </MessageBarBody>
        </MessageBar>
      )}
      {!risksOp.busy && risksOp.outcome.kind === "failed" && <Failure message={risksOp.outcome.message} lang={lang} />}
      {!risksOp.busy && risksOp.outcome.kind === "done" && (
        <Reveal>
          <RiskCounts result={risksOp.outcome.value} lang={lang} commands={commands} />
        </Reveal>
      )}
    </section>
  );
}

function RiskCounts({ result, lang, commands }: { result: RisksResult; lang: Lang; commands: Commands }): React.JSX.Element {
  const s = useScreenStyles();
  const t = messages(lang).targets;
  const tiles: { label: string; n: number; tone?: string }[] = [
    { label: t.missed, n: result.missed, tone: result.missed > 0 ? s.danger : undefined },
    { label: t.atRisk, n: result.atRisk, tone: result.atRisk > 0 ? s.warning : undefined },
    { label: t.worsening, n: result.worsening },
    { label: t.findings, n: result.findings },
  ];
  return (
    <div className={s.group} role="status" data-testid="risks-result">
      {/* The command succeeded: a success bar; the tiles below carry the red and orange of the targets. */}
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.risksTitle}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      <CountTiles tiles={tiles} />
      {commands.activateSheet && <OpenSheet name={result.sheet} lang={lang} open={commands.activateSheet} />}
    </div>
  );
}
