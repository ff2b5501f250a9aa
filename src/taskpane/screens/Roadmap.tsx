/**
 * «Дорожная карта» (issue 9): how to bring the road map from Word, the load button with progress,
 * and the result — counts, the deadlines that were not understood, findings, a link to the sheet.
 */
import * as React from "react";
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { formatPeriod, formatSchoolYear, parsePeriodKey } from "../../core/periods";
import type { Lang } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import type { RoadmapImportOptions, RoadmapImportResult } from "../../excel/roadmap";
import type { DocxRead } from "../../xlsx/light/docx";
import { RoadmapWord } from "./RoadmapWord";
import { fill, tr } from "../../i18n";
import * as strings from "../../i18n/roadmap";
import { ActionButton, CountTiles, Failure, OpenSheet, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface RoadmapProps {
  lang: Lang;
  importRoadmap?: (o: RoadmapImportOptions) => Promise<CommandResult<RoadmapImportResult>>;
  activateSheet?: (name: string) => Promise<void>;
  /** Reads a Word file for «Выбрать файл Word» (issue 19); without it the option is not shown. */
  readWordFile?: (bytes: Uint8Array) => Promise<DocxRead>;
  /** Called after the command changed the workbook. */
  onChanged?: () => void;
}

export function Roadmap({ lang, importRoadmap, activateSheet, readWordFile, onChanged }: RoadmapProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const op = useOperation<RoadmapImportResult>();

  const intro = (
    <>
      <Body1>{t.intro}</Body1>
      <ol className={s.list}>
        {t.steps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
      <Body1>{t.keep}</Body1>
    </>
  );
  if (!importRoadmap) {
    return (
      <section className={s.screen} aria-label={t.tab}>
        {intro}
        <Unavailable lang={lang} />
      </section>
    );
  }

  const run = async () => {
    if (op.busy) return;
    const o = await op.run(() => importRoadmap({ lang }));
    if (o.kind === "done") onChanged?.();
  };
  const runWord = async (x: Pick<RoadmapImportOptions, "years" | "table">) => {
    if (op.busy) return;
    const o = await op.run(() => importRoadmap({ lang, ...x }));
    if (o.kind === "done") onChanged?.();
  };

  return (
    <section className={s.screen} aria-label={t.tab}>
      {intro}
      <div className={s.actions}>
        <ActionButton appearance="primary" busy={op.busy} busyText={t.busy} onClick={run}>
          {t.run}
        </ActionButton>
      </div>
      {readWordFile && <RoadmapWord lang={lang} busy={op.busy} readWordFile={readWordFile} onLoad={(x) => void runWord(x)} />}
      {op.busy && <Progress text={t.busy} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && op.outcome.kind === "done" && (
        <Reveal>
          <Result result={op.outcome.value} lang={lang} activateSheet={activateSheet} />
        </Reveal>
      )}
    </section>
  );
}

function Result({ result, lang, activateSheet }: { result: RoadmapImportResult; lang: Lang; activateSheet?: (name: string) => Promise<void> }): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const tiles: { label: string; n: number }[] = [
    { label: t.events, n: result.events },
    { label: t.occurrences, n: result.occurrences },
    { label: t.groups, n: result.groups },
    { label: t.undated, n: result.undated },
  ];
  if (result.kept > 0) tiles.push({ label: t.kept, n: result.kept });
  const periods = result.linked.map((k) => {
    const p = parsePeriodKey(k);
    return p ? formatPeriod(p, lang) : k;
  });
  return (
    <div className={s.group} role="status" data-testid="roadmap-result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{fill(result.created ? t.doneCreated : t.doneUpdated, { sheet: result.sheet })}</MessageBarTitle>
          {fill(t.years, { first: formatSchoolYear(result.years.firstYear), last: formatSchoolYear(result.years.lastYear), source: t.yearsSource[result.yearsSource] })}
          {periods.length > 0 && <> {fill(t.linked, { periods: periods.join(", ") })}</>}
        </MessageBarBody>
      </MessageBar>
      <CountTiles tiles={tiles} />
      {result.unparsed.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="roadmap-unparsed">
          <MessageBarBody>
            <MessageBarTitle>{fill(t.unparsedTitle, { n: result.unparsed.length })}</MessageBarTitle>
            <ul className={s.list}>
              {result.unparsed.map((u) => (
                <li key={u}>«{u}»</li>
              ))}
            </ul>
            {t.unparsedHint}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.findings.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="roadmap-findings">
          <MessageBarBody>
            <MessageBarTitle>{fill(t.findingsTitle, { n: result.findings.length })}</MessageBarTitle>
            <ul className={s.list}>
              {result.findings.map((f, i) => (
                <li key={i}>{tr(f.message, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {activateSheet && <OpenSheet name={result.sheet} lang={lang} open={activateSheet} />}
    </div>
  );
}
