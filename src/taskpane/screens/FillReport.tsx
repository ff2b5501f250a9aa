/** Journey 1 «Заполнить отчёт»: the form, inline validation, the insert command and what it did. */
import * as React from "react";
import { Body1, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text as FText } from "@fluentui/react-components";
import { QUALITY_DENOMINATOR_LABELS, type QualityDenominator } from "../../core/layout/strings";
import { formatPeriod, formatSchoolYear } from "../../core/periods";
import type { Lang, PeriodKind, SectionId } from "../../core/types";
import type { InsertResult } from "../../excel/insertReport";
import { fill, messages, tr } from "../../i18n";
import type { Commands, RisksResult } from "../commands";
import { ActionButton, Failure, OpenSheet, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import {
  KIND_ORDER,
  LEVEL_ORDER,
  OFFERED_SECTIONS,
  SECTION_ORDER,
  defaultForm,
  formProblems,
  formToOptions,
  hasProblems,
  shownLevels,
  toggle,
  yearChoices,
  currentSchoolYear,
  type ReportForm,
} from "../hooks/reportForm";
import { useOperation } from "../hooks/useOperation";

type Inserted = Extract<InsertResult, { ok: true }>;

const KIND_GROUPS: { key: "quarters" | "halves" | "yearAndExams"; kinds: PeriodKind[] }[] = [
  { key: "halves", kinds: ["H1", "H2"] },
  { key: "yearAndExams", kinds: ["Y", "E"] },
  { key: "quarters", kinds: ["Q1", "Q2", "Q3", "Q4"] },
];

export interface FillReportProps {
  lang: Lang;
  commands: Commands;
  /** Today's date (injected for tests). */
  today?: Date;
  /** Called after sheets were inserted (e.g. so other screens re-read the workbook). */
  onInserted?: () => void;
}

export function FillReport({ lang, commands, today, onInserted }: FillReportProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = messages(lang);
  const [form, setForm] = React.useState<ReportForm>(() => defaultForm(today ?? new Date(), lang));
  const [tried, setTried] = React.useState(false);
  const op = useOperation<Inserted>();
  const problems = formProblems(form, today ?? new Date());
  const shown = tried ? problems : { other: [] };
  const set = <K extends keyof ReportForm>(k: K, v: ReportForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const insert = commands.insertReport;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!insert || hasProblems(problems)) return;
    const outcome = await op.run(() => insert(formToOptions(form)));
    if (outcome.kind === "done") onInserted?.();
  };

  const years = yearChoices(currentSchoolYear(today ?? new Date()));
  if (!years.includes(form.schoolYear)) years.push(form.schoolYear);

  return (
    <section className={s.screen} aria-label={t.tabs.fill}>
      <Body1>{t.fill.intro}</Body1>
      {!insert && <Unavailable lang={lang} />}
      <form className={s.form} onSubmit={submit} noValidate>
        <Field label={t.fill.school} required validationMessage={shown.school ? tr(shown.school, lang) : undefined}>
          <Input name="school" value={form.school} placeholder={t.fill.schoolPlaceholder} onChange={(_, d) => set("school", d.value)} />
        </Field>
        <Field label={`${t.fill.municipality} (${t.fill.optional})`}>
          <Input name="municipality" value={form.municipality} onChange={(_, d) => set("municipality", d.value)} />
        </Field>
        <Field label={`${t.fill.program} (${t.fill.optional})`}>
          <Input name="program" value={form.program} placeholder={t.fill.programPlaceholder} onChange={(_, d) => set("program", d.value)} />
        </Field>
        <Field label={t.fill.schoolYear}>
          <Select name="schoolYear" value={String(form.schoolYear)} onChange={(_, d) => set("schoolYear", Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatSchoolYear(y)}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className={s.fieldset} aria-describedby={shown.periods ? "periods-error" : undefined}>
          <legend className={s.legend}>{t.fill.periods}</legend>
          {KIND_GROUPS.map((g) => (
            <div key={g.key} className={s.kindRow} role="group" aria-label={t.fill[g.key]}>
              <Caption1 className={s.kindLabel} aria-hidden>
                {t.fill[g.key]}
              </Caption1>
              <div className={s.kindChecks}>
                {g.kinds.map((kind) => (
                  <Checkbox
                    key={kind}
                    name={`period-${kind}`}
                    label={formatPeriod({ startYear: form.schoolYear, kind }, lang, kind === "E" ? "long" : "short")}
                    checked={form.kinds.includes(kind)}
                    onChange={(_, d) => set("kinds", toggle(form.kinds, kind, d.checked === true, KIND_ORDER))}
                  />
                ))}
              </div>
            </div>
          ))}
          {shown.periods && (
            <FText id="periods-error" role="alert" className={s.error}>
              {tr(shown.periods, lang)}
            </FText>
          )}
        </fieldset>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>{t.fill.sections}</legend>
          <div className={s.group}>
            {OFFERED_SECTIONS.map((sec) => (
              <Checkbox
                key={sec.id}
                name={`section-${sec.id}`}
                label={sec.name[lang]}
                checked={form.sections.includes(sec.id)}
                onChange={(_, d) => set("sections", toggle<SectionId>(form.sections, sec.id, d.checked === true, SECTION_ORDER))}
              />
            ))}
          </div>
          <Caption1>{t.fill.sectionsHint}</Caption1>
        </fieldset>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>{t.fill.levels}</legend>
          <div className={s.group}>
            {LEVEL_ORDER.map((level) => (
              <Checkbox
                key={level}
                name={`level-${level}`}
                label={t.fill[level === "primary" ? "levelPrimary" : level === "basic" ? "levelBasic" : "levelSecondary"]}
                checked={shownLevels(form).includes(level)}
                onChange={(_, d) => set("levels", toggle(shownLevels(form), level, d.checked === true, LEVEL_ORDER))}
              />
            ))}
          </div>
          <Caption1>{t.fill.levelsHint}</Caption1>
        </fieldset>
        <Field label={t.fill.denominator}>
          <Select name="qualityDenominator" value={form.qualityDenominator} onChange={(_, d) => set("qualityDenominator", d.value as QualityDenominator)}>
            {(Object.keys(QUALITY_DENOMINATOR_LABELS) as QualityDenominator[]).map((k) => (
              <option key={k} value={k}>
                {QUALITY_DENOMINATOR_LABELS[k][lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.fill.sheetLang}>
          <Select name="sheetLang" value={form.sheetLang} onChange={(_, d) => set("sheetLang", d.value as Lang)}>
            <option value="ru">{t.fill.sheetLangRu}</option>
            <option value="en">{t.fill.sheetLangEn}</option>
          </Select>
        </Field>
        {shown.other.length > 0 && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{shown.other.map((p) => tr(p, lang)).join(" ")}</MessageBarBody>
          </MessageBar>
        )}
        {tried && hasProblems(problems) && !shown.other.length && (
          <FText role="alert" className={s.error}>
            {t.fill.fixAbove}
          </FText>
        )}
        <div className={s.actions}>
          <ActionButton type="submit" appearance="primary" busy={op.busy} busyText={t.fill.busy} disabled={!insert}>
            {t.fill.submit}
          </ActionButton>
        </div>
      </form>
      {op.busy && <Progress text={t.fill.busy} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && op.outcome.kind === "done" && (
        <Reveal>
          <InsertSummary result={op.outcome.value} lang={lang} commands={commands} />
        </Reveal>
      )}
    </section>
  );
}

function InsertSummary({ result, lang, commands }: { result: Inserted; lang: Lang; commands: Commands }): React.JSX.Element {
  const s = useScreenStyles();
  const t = messages(lang).fill;
  const first = result.created[0] ?? result.updated[0];
  return (
    <MessageBar intent="success" layout="multiline" role="status" data-testid="insert-result">
      <MessageBarBody>
        <MessageBarTitle>{t.doneTitle}</MessageBarTitle>
        {result.created.length > 0 && (
          <div>
            {t.created}:
            <ul className={s.list}>
              {result.created.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
        {result.updated.length > 0 && (
          <div>
            {t.updated}:
            <ul className={s.list}>
              {result.updated.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
        {result.renamed.map((r) => (
          <div key={r.used}>{fill(t.renamed, { wanted: r.wanted, used: r.used })}</div>
        ))}
        {result.valuesKept > 0 && <div>{fill(t.valuesKept, { n: result.valuesKept })}</div>}
        {result.warnings.length > 0 && (
          <div>
            {t.warnings}:
            <ul className={s.list}>
              {result.warnings.map((w, i) => (
                <li key={i}>{tr(w, lang)}</li>
              ))}
            </ul>
          </div>
        )}
        {result.highlightCleared && <Rehighlight lang={lang} commands={commands} />}
        <div>{t.next}</div>
        {first && commands.activateSheet && (
          <OpenSheet name={first} lang={lang} open={commands.activateSheet} />
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** After a re-insert in a workbook with targets: the highlighting is redrawn by «Обновить риски». */
function Rehighlight({ lang, commands }: { lang: Lang; commands: Commands }): React.JSX.Element {
  const t = messages(lang).fill;
  const op = useOperation<RisksResult>();
  const { refreshRisks } = commands;
  return (
    <div data-testid="rehighlight">
      {op.outcome.kind === "done" ? t.highlightRestored : t.highlightCleared}
      {refreshRisks && op.outcome.kind !== "done" && (
        <div>
          <ActionButton size="small" appearance="secondary" busy={op.busy} busyText={messages(lang).targets.risksBusy} onClick={() => void op.run(() => refreshRisks({ lang }))}>
            {t.rehighlight}
          </ActionButton>
        </div>
      )}
      {op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
    </div>
  );
}
