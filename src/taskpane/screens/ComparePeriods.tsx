/** Journey 2 «Сравнить периоды»: a suggested or a free pair of the workbook's periods → «Динамика». */
import * as React from "react";
import { Body1, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Spinner } from "@fluentui/react-components";
import { comparePeriods as order, formatPeriod, periodKey, parsePeriodKey, suggestedPairs } from "../../core/periods";
import type { Lang, Period } from "../../core/types";
import { fill, messages } from "../../i18n";
import type { Commands, DynamicsResult } from "../commands";
import { ActionButton, Failure, OpenSheet, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import type { ReportInfoState } from "../hooks/useReportInfo";
import { useOperation } from "../hooks/useOperation";

const CUSTOM = "custom";

export interface ComparePeriodsProps {
  lang: Lang;
  commands: Commands;
  report: ReportInfoState;
}

/** The pair to compare from the choice: a suggested pair's index or the two custom keys. Null when invalid. */
export function chosenPair(
  choice: string,
  pairs: { earlier: Period; later: Period }[],
  customEarlier: string,
  customLater: string,
): { earlier: Period; later: Period } | null {
  if (choice !== CUSTOM) {
    const p = pairs[Number(choice)];
    return p ? { earlier: p.earlier, later: p.later } : null;
  }
  const earlier = parsePeriodKey(customEarlier);
  const later = parsePeriodKey(customLater);
  if (!earlier || !later || order(earlier, later) >= 0) return null;
  return { earlier, later };
}

export function ComparePeriods({ lang, commands, report }: ComparePeriodsProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = messages(lang);
  const op = useOperation<DynamicsResult>();
  const periods = React.useMemo(() => [...(report.info?.periods ?? [])].sort(order), [report.info]);
  // Suggested pairs only among periods that have data (issue 16); the custom choice keeps every period.
  const pairs = React.useMemo(() => suggestedPairs(report.info?.filled ?? periods), [report.info, periods]);
  const [choice, setChoice] = React.useState("0");
  const keys = periods.map(periodKey);
  const [earlier, setEarlier] = React.useState("");
  const [later, setLater] = React.useState("");
  const e = keys.includes(earlier) ? earlier : keys[0] ?? "";
  const l = keys.includes(later) ? later : keys[keys.length - 1] ?? "";
  const effectiveChoice = choice === CUSTOM || Number(choice) < pairs.length ? choice : pairs.length ? "0" : CUSTOM;
  const pair = chosenPair(effectiveChoice, pairs, e, l);
  const compare = commands.comparePeriods;

  if (!compare || !report.op) {
    return (
      <section className={s.screen} aria-label={t.tabs.compare}>
        <Body1>{t.compare.intro}</Body1>
        <Unavailable lang={lang} />
      </section>
    );
  }
  const loading = report.op.busy && !report.info;
  const noReport = report.info && report.info.periods.length === 0;
  const few = report.info && report.info.periods.length === 1;

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!pair) return;
    await op.run(() => compare({ ...pair, lang }));
  };

  return (
    <section className={s.screen} aria-label={t.tabs.compare}>
      <Body1>{t.compare.intro}</Body1>
      {report.info?.school && <Body1>{fill(t.compare.school, { school: report.info.school })}</Body1>}
      {loading && <Spinner size="small" label={t.common.busy} />}
      {report.op.outcome.kind === "failed" && <Failure message={report.op.outcome.message} lang={lang} />}
      {noReport && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.common.noReport}</MessageBarBody>
        </MessageBar>
      )}
      {few && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.compare.fewPeriods}</MessageBarBody>
        </MessageBar>
      )}
      {periods.length >= 2 && (
        <form className={s.form} onSubmit={submit}>
          <Field label={t.compare.pairs}>
            <RadioGroup value={effectiveChoice} onChange={(_, d) => setChoice(d.value)}>
              {pairs.map((p, i) => (
                <Radio key={i} value={String(i)} label={p.label[lang]} />
              ))}
              <Radio value={CUSTOM} label={t.compare.custom} />
            </RadioGroup>
          </Field>
          {effectiveChoice === CUSTOM && (
            <div className={s.group}>
              <Field label={t.compare.earlier}>
                <Select name="earlier" value={e} onChange={(_, d) => setEarlier(d.value)}>
                  {periods.map((p) => (
                    <option key={periodKey(p)} value={periodKey(p)}>
                      {formatPeriod(p, lang)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.compare.later} validationMessage={pair ? undefined : t.compare.samePeriod}>
                <Select name="later" value={l} onChange={(_, d) => setLater(d.value)}>
                  {periods.map((p) => (
                    <option key={periodKey(p)} value={periodKey(p)}>
                      {formatPeriod(p, lang)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          )}
          <div className={s.actions}>
            <ActionButton type="submit" appearance="primary" busy={op.busy} busyText={t.compare.busy} disabled={!pair}>
              {t.compare.submit}
            </ActionButton>
          </div>
        </form>
      )}
      <div className={s.actions}>
        <ActionButton appearance="subtle" size="small" busy={report.op.busy} busyText={t.common.busy} onClick={report.reload}>
          {t.common.reload}
        </ActionButton>
      </div>
      {op.busy && <Progress text={t.compare.busy} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && op.outcome.kind === "done" && (
        <Reveal>
          <MessageBar intent="success" layout="multiline" role="status" data-testid="compare-result">
            <MessageBarBody>
              <MessageBarTitle>{t.compare.doneTitle}</MessageBarTitle>
              <div>{fill(t.compare.done, { sheet: op.outcome.value.sheet, n: op.outcome.value.indicators })}</div>
              {commands.activateSheet && <OpenSheet name={op.outcome.value.sheet} lang={lang} open={commands.activateSheet} />}
            </MessageBarBody>
          </MessageBar>
        </Reveal>
      )}
    </section>
  );
}
