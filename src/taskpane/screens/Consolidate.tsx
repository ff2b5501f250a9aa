/**
 * «Свод»: pick schools' .xlsx files (read in the pane), optionally add the school sheet sets of
 * this workbook, choose one or several periods (none: the automatic one), consolidate with a progress bar and a cancel button.
 */
import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Field, Label, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { periodsOfSchools } from "../../core/consolidate";
import { formatPeriod, parsePeriodKey, periodKey } from "../../core/periods";
import type { Lang, Period } from "../../core/types";
import type { ConsolidateOptions, ConsolidateResult } from "../../excel/consolidate";
import type { CommandResult } from "../../excel/commands";
import type { FileRead } from "../../xlsx/light/school";
import { fill, tr } from "../../i18n";
import * as strings from "../../i18n/consolidate";
import { ActionButton, Failure, FindingList, OpenSheet, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface ConsolidateProps {
  lang: Lang;
  consolidate?: (o: ConsolidateOptions) => Promise<CommandResult<ConsolidateResult>>;
  /** Reads one file (the reader is loaded on first use). */
  readSchoolFile?: (label: string, bytes: Uint8Array) => Promise<FileRead>;
  activateSheet?: (name: string) => Promise<void>;
}

interface Picked {
  name: string;
  read: FileRead;
}

/** One file read; whatever fails (the file, the reader's chunk) becomes that file's finding. */
async function readOne(read: (label: string, bytes: Uint8Array) => Promise<FileRead>, f: File): Promise<FileRead> {
  try {
    return await read(f.name, new Uint8Array(await f.arrayBuffer()));
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).slice(0, 200);
    const message = { ru: fill(strings.ru.readFailed, { file: f.name, detail }), en: fill(strings.en.readFailed, { file: f.name, detail }) };
    return { ok: false, finding: { label: f.name, code: "unreadable", message, detail } };
  }
}

export function Consolidate({ lang, consolidate, readSchoolFile, activateSheet }: ConsolidateProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const op = useOperation<ConsolidateResult>();
  const [files, setFiles] = React.useState<Picked[]>([]);
  const [reading, setReading] = React.useState(false);
  const [useOpen, setUseOpen] = React.useState(false);
  // Period keys ticked; none: the automatic period.
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const input = React.useRef<HTMLInputElement>(null);

  if (!consolidate || !readSchoolFile) {
    return (
      <section className={s.screen} aria-label={t.tab}>
        <Body1>{t.intro}</Body1>
        <Unavailable lang={lang} />
      </section>
    );
  }

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setReading(true);
    const out: Picked[] = [];
    try {
      for (const f of Array.from(list)) {
        out.push({ name: f.name, read: await readOne(readSchoolFile, f) });
        // Let the pane repaint between files (the reader works on the UI thread).
        await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      setFiles(out);
      setReading(false);
      op.reset();
    }
  };

  const okFiles = files.filter((f) => f.read.ok);
  const periods = periodsOfSchools(okFiles.map((f) => (f.read.ok ? f.read.school.report : null)).filter((r) => r !== null));
  const run = async () => {
    if (op.busy) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setProgress({ done: 0, total: 1 });
    await op.run(() =>
      consolidate({
        sources: files.flatMap((f) => (f.read.ok ? [f.read.school] : [])),
        sourceFindings: files.flatMap((f) => (f.read.ok ? f.read.findings : [f.read.finding])),
        useOpenWorkbook: useOpen,
        period: chosen.length ? chosen.map((k) => parsePeriodKey(k) as Period) : null,
        lang,
        signal: ctrl.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      }),
    );
    abort.current = null;
    setProgress(null);
  };

  const result = op.outcome.kind === "done" ? op.outcome.value : null;
  return (
    <section className={s.screen} aria-label={t.tab}>
      <Body1>{t.intro}</Body1>
      <div className={s.actions}>
        <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple hidden data-testid="consolidate-files" onChange={(e) => void onFiles(e.currentTarget.files)} />
        <Button appearance="secondary" disabled={op.busy || reading} onClick={() => input.current?.click()}>
          {t.pick}
        </Button>
      </div>
      {reading && <Progress text={t.reading} />}
      {files.length > 0 && (
        <div className={s.group}>
          <Body1>{fill(t.picked, { n: files.length })}</Body1>
          <ul className={s.list} data-testid="consolidate-file-list">
            {files.map((f) => (
              <li key={f.name} className={f.read.ok ? undefined : s.error}>
                {f.read.ok ? fill(t.fileOk, { file: f.name, school: f.read.school.report.school }) : `${t.unreadable}: ${tr(f.read.finding.message, lang)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Checkbox checked={useOpen} onChange={(_, d) => setUseOpen(d.checked === true)} label={t.useOpen} disabled={op.busy} />
      {/* A group, not a Field: a Field would give every checkbox its own label's id. */}
      <div role="group" aria-labelledby="consolidate-periods-label" aria-describedby="consolidate-periods-hint" className={s.group} data-testid="consolidate-periods">
        <Label id="consolidate-periods-label">{t.period}</Label>
        {periods.length === 0 && <Body1>{t.periodAuto}</Body1>}
        {periods.map((p) => {
          const k = periodKey(p.period);
          return (
            <Checkbox
              key={k}
              checked={chosen.includes(k)}
              disabled={op.busy}
              label={fill(t.periodSchools, { period: formatPeriod(p.period, lang), n: p.schools })}
              onChange={(_, d) => setChosen((c) => (d.checked === true ? [...c.filter((x) => x !== k), k] : c.filter((x) => x !== k)))}
            />
          );
        })}
        <Caption1 id="consolidate-periods-hint">{t.periodHint}</Caption1>
      </div>
      <div className={s.actions}>
        <ActionButton appearance="primary" busy={op.busy} busyText={t.busy} disabled={reading || (okFiles.length === 0 && !useOpen)} onClick={() => void run()}>
          {t.run}
        </ActionButton>
        {op.busy && (
          <Button appearance="secondary" onClick={() => abort.current?.abort()}>
            {t.cancel}
          </Button>
        )}
      </div>
      {op.busy && progress && (
        <Field validationMessage={fill(t.progress, progress)} validationState="none">
          {/* The native element: Fluent's ProgressBar would be pulled into the pane's first load. */}
          <progress value={progress.done} max={Math.max(progress.total, 1)} style={{ width: "100%" }} />
        </Field>
      )}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && result && (
        <Reveal>
          <MessageBar intent={result.findings.length ? "warning" : "success"} layout="multiline" role="status" data-testid="consolidate-result">
            <MessageBarBody>
              <MessageBarTitle>{t.doneTitle}</MessageBarTitle>
              {fill(t.done, { period: (result.chosen ?? [result.period]).map((p) => formatPeriod(p, lang)).join(", "), schools: result.schools, data: result.dataSheet, rows: result.dataRows })}
              <FindingList title={fill(t.findingsTitle, { n: result.findings.length })} findings={result.findings} lang={lang} />
              {activateSheet && <OpenSheet name={result.summarySheet} lang={lang} open={activateSheet} />}
            </MessageBarBody>
          </MessageBar>
        </Reveal>
      )}
    </section>
  );
}
