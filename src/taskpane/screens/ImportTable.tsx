/**
 * «Загрузить таблицу показателей» (issue 19): steps, the school and period, «Проверить выделение»
 * → a preview (rows recognised with where each value goes, rows not recognised, findings, typed
 * values in conflict with «Заменить введённые значения»), then «Записать». With a `readDocx` (the
 * .docx reader, src/xlsx/light/docx.ts) «Выбрать файл Word» reads a document (up to
 * MAX_WORD_FILE_MB) and offers its tables by their heading.
 */
import * as React from "react";
import { Body1, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { getIndicator } from "../../core/catalog";
import * as I from "../../i18n/importWord";
import { MAX_WORD_FILE_MB } from "./RoadmapWord";
import { shownText } from "../../core/cells";
import { schoolColumns, type DocTable } from "../../core/import";
import { currentSchoolYear, formatPeriod, formatSchoolYear, parsePeriodKey, periodKey } from "../../core/periods";
import type { Lang, Period, PeriodKind, Text } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import type { ImportPreview, ImportTableOptions, ImportWriteOptions, ImportWriteResult } from "../../excel/importTable";
import type { ConsolidateTableOptions, ConsolidateTableResult } from "../../excel/consolidateTable";
import { ImportSchools } from "./ImportSchools";
import { fill, tr } from "../../i18n";
import * as strings from "../../i18n/import";
import type { ReportInfo } from "../commands";
import { ActionButton, Failure, Progress, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { UNEXPECTED, useOperation } from "../hooks/useOperation";

/** What the .docx reader returns (its interface; the reader itself lands separately). */
export type DocxRead = { ok: true; doc: { tables: DocTable[]; paragraphs: string[] } } | { ok: false; finding: Text };

export interface ImportTableProps {
  lang: Lang;
  /** The workbook's report (school, year), for the defaults. */
  report?: ReportInfo;
  previewImport?: (o: ImportTableOptions) => Promise<CommandResult<ImportPreview>>;
  writeImport?: (o: ImportWriteOptions) => Promise<ImportWriteResult>;
  /** The .docx reader; without it the Word file input is not shown. */
  readDocx?: (bytes: Uint8Array) => DocxRead | Promise<DocxRead>;
  /** «Свод» straight from a table whose columns are schools; without it the offer is not shown. */
  consolidateTable?: (o: ConsolidateTableOptions) => Promise<CommandResult<ConsolidateTableResult>>;
  activateSheet?: (name: string) => Promise<void>;
  onChanged?: () => void;
  /** Today (tests). */
  today?: Date;
}

const KINDS: PeriodKind[] = ["Y", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "E"];
type Written = Extract<ImportWriteResult, { ok: true }>;

export function ImportTable({ lang, report, previewImport, writeImport, readDocx, consolidateTable, activateSheet, onChanged, today }: ImportTableProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const [school, setSchool] = React.useState(report?.school ?? "");
  const [year, setYear] = React.useState(report?.schoolYear ?? currentSchoolYear(today ?? new Date()));
  const [kind, setKind] = React.useState<PeriodKind>("Y");
  const [columns, setColumns] = React.useState<Record<number, string | null>>({});
  const [overwrite, setOverwrite] = React.useState(false);
  const [doc, setDoc] = React.useState<{ name: string; tables: DocTable[]; index: number } | null>(null);
  const [docError, setDocError] = React.useState<Text | null>(null);
  const preview = useOperation<ImportPreview>();
  const write = useOperation<Written>();
  // Defaults follow the workbook when it is read after the screen opened.
  React.useEffect(() => {
    if (report?.school) setSchool((x) => x || report.school);
    if (report?.schoolYear) setYear(report.schoolYear);
  }, [report?.school, report?.schoolYear]);

  const period: Period = { startYear: year, kind };
  const grid = doc ? doc.tables[doc.index]?.rows : undefined;
  const options = (cols = columns): ImportTableOptions => ({
    lang, period, columns: cols,
    ...(grid ? { grid, gridSource: `${doc?.name ?? ""}: ${doc?.tables[doc.index]?.heading ?? ""}` } : {}),
  });

  const intro = (
    <>
      <ol className={s.list}>
        {t.steps.map((step) => (
          <li key={step}>
            <Body1>{step}</Body1>
          </li>
        ))}
      </ol>
    </>
  );
  if (!previewImport || !writeImport) {
    return (
      <section className={s.screen} aria-label={t.title}>
        {intro}
        <Unavailable lang={lang} />
      </section>
    );
  }

  const check = async (cols = columns) => {
    write.reset();
    await preview.run(() => previewImport(options(cols)));
  };
  const doWrite = async () => {
    const o = await write.run(async () => {
      const r = await writeImport({ ...options(), school, schoolYear: report?.schoolYear ?? year, overwrite });
      return r;
    });
    if (o.kind === "done") {
      onChanged?.();
      await preview.run(() => previewImport(options()));
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file || !readDocx) return;
    setDocError(null);
    if (file.size > MAX_WORD_FILE_MB * 1024 * 1024) {
      setDoc(null);
      setDocError({ ru: fill(I.ru.tooBig, { file: file.name.slice(0, 120), mb: MAX_WORD_FILE_MB }), en: fill(I.en.tooBig, { file: file.name.slice(0, 120), mb: MAX_WORD_FILE_MB }) });
      return;
    }
    let r: DocxRead;
    try {
      r = await readDocx(await bytesOf(file));
    } catch {
      r = { ok: false, finding: UNEXPECTED };
    }
    if (!r.ok) {
      setDoc(null);
      setDocError(r.finding);
      return;
    }
    setDoc({ name: file.name, tables: r.doc.tables, index: 0 });
  };
  const years = [year - 2, year - 1, year, year + 1];
  const shown = preview.outcome.kind === "done" ? preview.outcome.value : null;
  const schools = shown ? schoolColumns(shown.plan.shape).length : 0;

  return (
    <section className={s.screen} aria-label={t.title}>
      {intro}
      <Field label={t.school}>
        <Input value={school} onChange={(_, d) => setSchool(d.value)} />
      </Field>
      <div className={s.row}>
        <Field label={t.period}>
          <Select aria-label={t.periodKind} value={kind} onChange={(_, d) => setKind(d.value as PeriodKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {formatPeriod({ startYear: year, kind: k }, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.schoolYear}>
          <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatSchoolYear(y)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {readDocx ? (
        <Field label={t.wordFile}>
          <input type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-label={t.wordFile} onChange={(e) => void onFile(e.target.files?.[0])} />
        </Field>
      ) : (
        <Caption1>{t.wordSoon}</Caption1>
      )}
      {docError && <Failure message={docError} lang={lang} />}
      {doc && (
        <Field label={t.wordTable}>
          <Select value={String(doc.index)} onChange={(_, d) => setDoc({ ...doc, index: Number(d.value) })}>
            {doc.tables.map((x, i) => (
              <option key={i} value={i}>
                {x.heading || fill(t.tableN, { n: i + 1 })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={s.actions}>
        <ActionButton appearance={shown ? "secondary" : "primary"} busy={preview.busy} busyText={t.checking} onClick={() => void check()}>
          {doc ? t.checkDoc : t.check}
        </ActionButton>
      </div>
      {preview.busy && <Progress text={t.checking} />}
      {!preview.busy && preview.outcome.kind === "failed" && <Failure message={preview.outcome.message} lang={lang} />}
      {shown && (
        <Preview
          preview={shown}
          lang={lang}
          columns={columns}
          onColumn={(col, key) => {
            const next = { ...columns, [col]: key };
            setColumns(next);
            void check(next);
          }}
          overwrite={overwrite}
          setOverwrite={setOverwrite}
        />
      )}
      {shown && schools >= 2 && consolidateTable && (
        <ImportSchools
          lang={lang} schools={schools} period={period} consolidateTable={consolidateTable}
          {...(grid ? { grid, gridSource: options().gridSource ?? "" } : {})}
          {...(activateSheet ? { activateSheet } : {})}
        />
      )}
      {shown && shown.plan.cells > 0 && (
        <div className={s.actions}>
          <ActionButton appearance="primary" busy={write.busy} busyText={t.writing} onClick={() => void doWrite()} disabled={!school.trim()}>
            {t.write}
          </ActionButton>
        </div>
      )}
      {!write.busy && write.outcome.kind === "failed" && <Failure message={write.outcome.message} lang={lang} />}
      {!write.busy && write.outcome.kind === "done" && (
        <MessageBar intent="success" layout="multiline" data-testid="import-written">
          <MessageBarBody>
            {fill(t.done, { written: write.outcome.value.written.length, kept: write.outcome.value.kept.length, replaced: write.outcome.value.replaced.length })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** A file's bytes (FileReader where Blob.arrayBuffer is missing: older WebViews). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

const label = (id: string, lang: Lang): string => getIndicator(id)?.short[lang] ?? id;
const periodText = (key: string | null, lang: Lang): string => {
  const p = key ? parsePeriodKey(key) : null;
  return p ? formatPeriod(p, lang) : "";
};

interface PreviewProps {
  preview: ImportPreview;
  lang: Lang;
  columns: Record<number, string | null>;
  onColumn: (col: number, key: string | null) => void;
  overwrite: boolean;
  setOverwrite: (v: boolean) => void;
}

function Preview({ preview, lang, onColumn, overwrite, setOverwrite }: PreviewProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const { plan } = preview;
  const where = new Map(preview.targets.map((x) => [`${x.indicatorId}|${x.period}`, x]));
  const choices = (current: string | null): string[] => {
    const p = current ? parsePeriodKey(current) : null;
    const y = p?.startYear ?? preview.schoolYear ?? new Date().getFullYear();
    const keys = KINDS.map((k) => periodKey({ startYear: y, kind: k }));
    return current && !keys.includes(current) ? [current, ...keys] : keys;
  };
  const countCols = plan.columns.filter((c) => c.shareOf === undefined);
  return (
    <div className={s.group} data-testid="import-preview">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {preview.source && <>{preview.source}. </>}
          {fill(t.summary, { rows: plan.rows.length, cells: plan.cells })}
        </MessageBarBody>
      </MessageBar>
      {countCols.length > 0 && (
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>{t.columnsTitle}</legend>
          {countCols.map((c) => (
            <Field key={c.col} label={c.header || fill(t.columnN, { n: c.col + 1 })}>
              <Select value={c.period ?? ""} onChange={(_, d) => onColumn(c.col, d.value || null)}>
                <option value="">{t.columnSkip}</option>
                {choices(c.period).map((k) => (
                  <option key={k} value={k}>
                    {periodText(k, lang)}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      <table data-testid="import-rows">
        <caption>{t.recognised}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colNumber}</th>
            <th scope="col">{t.colIndicator}</th>
            <th scope="col">{t.colValue}</th>
            <th scope="col">{t.colTarget}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.flatMap((r, ri) =>
            r.values
              .filter((v) => v.reading.kind !== "empty")
              .map((v, vi) => {
                const target = v.period ? where.get(`${r.indicatorId}|${v.period}`) : undefined;
                const to = v.write === null
                  ? `${t.notWritten}${v.skip ? ` (${t.skip[v.skip]})` : ""}`
                  : target?.address
                    ? `${target.sheetName}!${target.address}`
                    : `${periodText(v.period, lang)} — ${target?.sheetName ?? ""} ${t.newCell}`.replace("  ", " ");
                return (
                  <tr key={`${ri}-${vi}`}>
                    <td>{r.number || (getIndicator(r.indicatorId)?.number ?? "")}</td>
                    <td>{label(r.indicatorId, lang)}{r.by === "derived" ? ` (${t.derived})` : ""}</td>
                    <td>{shownText(v.reading.raw, 40)}</td>
                    <td>{to}</td>
                  </tr>
                );
              }),
          )}
        </tbody>
      </table>
      {plan.unrecognised.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-unrecognised">
          <MessageBarBody>
            <MessageBarTitle>{t.notRecognised}</MessageBarTitle>
            <ul className={s.list}>
              {plan.unrecognised.map((u) => (
                <li key={u.rows[0]}>
                  {u.number} {shownText(u.text, 120)} — {shownText(u.values.filter(Boolean).join("; "), 80)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-findings">
          <MessageBarBody>
            <MessageBarTitle>{t.findings}</MessageBarTitle>
            <ul className={s.list}>
              {plan.findings.map((f, i) => (
                <li key={i}>{tr(f.message, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.conflicts.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-conflicts">
          <MessageBarBody>
            <MessageBarTitle>{t.conflicts}</MessageBarTitle>
            <ul className={s.list}>
              {preview.conflicts.map((c) => (
                <li key={`${c.indicatorId}|${c.period}`}>
                  {label(c.indicatorId, lang)}, {periodText(c.period, lang)}: {c.old} → {String(c.value)}
                </li>
              ))}
            </ul>
            <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label={t.overwrite} />
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
