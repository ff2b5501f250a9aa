/**
 * «Функции» («Вставить функцию»): pick an EDU function, fill each argument from the selection
 * («Взять из выделения») or by typing, see the formula as the user's Excel shows it, and insert it
 * into the active cell — a cell that is not empty only after the user agrees to replace it.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, Input, Link, MessageBar, MessageBarBody, MessageBarActions, Select, makeStyles } from "@fluentui/react-components";
import { eduFormula, readArgs, type FormulaArg } from "../../core/eduFormula";
import type { Lang } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import type { InsertFormulaOptions, InsertFormulaResult } from "../../excel/insertFunction";
import SIGNATURES from "../../functions/signatures.json";
import { functionAnchor } from "../../help/anchors";
import { fill, tr } from "../../i18n";
import * as strings from "../../i18n/help";
import { ActionButton, Failure, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface InsertFunctionProps {
  lang: Lang;
  readSelection?: () => Promise<CommandResult<{ sheet: string; address: string }>>;
  insertFormula?: (o: InsertFormulaOptions) => Promise<CommandResult<InsertFormulaResult>>;
  openHelp?: (anchor?: string) => void;
}

// A native select is as wide as its longest option unless allowed to shrink (the pane is 320 px).
const useStyles = makeStyles({ shrink: { minWidth: 0, maxWidth: "100%" } });

/** A picked range written as the user may type it: "'Кадровые условия'!E5" or "E5" on the same sheet. */
function refText(sheet: string, address: string, hostSheet: string): string {
  if (!sheet || sheet === hostSheet) return address;
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export function InsertFunction({ lang, readSelection, insertFormula, openHelp }: InsertFunctionProps): React.JSX.Element {
  const s = useScreenStyles();
  const own = useStyles();
  const t = strings[lang];
  const [id, setId] = React.useState(SIGNATURES[0].id);
  const sig = SIGNATURES.find((x) => x.id === id) ?? SIGNATURES[0];
  const [inputs, setInputs] = React.useState<Record<string, string[]>>({});
  const values = inputs[id] ?? sig.params.map(() => "");
  /** The sheet the user was on at the last pick: references on it are written without the sheet. */
  const [hostSheet, setHostSheet] = React.useState("");
  const [touched, setTouched] = React.useState(false);
  const [pickError, setPickError] = React.useState<CommandResult<unknown> | null>(null);
  const op = useOperation<InsertFormulaResult>();
  const [declined, setDeclined] = React.useState<string | null>(null);

  const setValue = (i: number, v: string) => {
    setInputs((all) => ({ ...all, [id]: sig.params.map((_, k) => (k === i ? v : (all[id]?.[k] ?? ""))) }));
    op.reset();
    setDeclined(null);
  };
  const { args, problems } = readArgs(sig, values);
  const problemOf = (i: number) => problems.find((p) => p.index === i);
  const preview = eduFormula(sig, args, lang === "ru" ? "ru" : "invariant", null);

  const take = async (i: number) => {
    if (!readSelection) return;
    setPickError(null);
    const r = await readSelection().catch(() => null);
    if (!r || !r.ok) {
      setPickError(r ?? { ok: false, error: { code: "unknown", message: { ru: "Не удалось прочитать выделение.", en: "The selection could not be read." } } });
      return;
    }
    const host = hostSheet || r.sheet;
    if (!hostSheet) setHostSheet(r.sheet);
    setValue(i, refText(r.sheet, r.address, host));
  };

  const insert = async (overwrite?: string) => {
    setTouched(true);
    setDeclined(null);
    if (!insertFormula || problems.length > 0) return;
    // A reference typed without a sheet means the sheet of the picks (the user's sheet at that time).
    const placed: FormulaArg[] = args.map((a) => (a.kind === "ref" && a.sheet === null && hostSheet ? { ...a, sheet: hostSheet } : a));
    await op.run(() => insertFormula({ id, args: placed, overwrite }));
  };

  if (!insertFormula && !readSelection) {
    return (
      <section className={s.screen} aria-label={t.tab}>
        <Body1>{t.intro}</Body1>
        <Unavailable lang={lang} />
      </section>
    );
  }

  const result = op.outcome.kind === "done" ? op.outcome.value : null;
  return (
    <section className={s.screen} aria-label={t.tab}>
      <Body1>{t.intro}</Body1>
      <Field label={t.function} className={own.shrink}>
        <Select
          className={own.shrink}
          select={{ className: own.shrink }}
          value={id}
          onChange={(_, d) => {
            setId(d.value);
            op.reset();
            setTouched(false);
          }}
        >
          {SIGNATURES.map((f) => (
            <option key={f.id} value={f.id}>
              {lang === "ru" ? `EDU.${f.name.ru} (${f.name.en})` : `EDU.${f.name.en} (${f.name.ru})`}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.group}>
        <Caption1>{lang === "ru" ? sig.description.ru : sig.description.en}</Caption1>
        {openHelp && (
          <Link as="button" inline={false} onClick={() => openHelp(functionAnchor(sig.id))}>
            {t.more}
          </Link>
        )}
      </div>
      {sig.params.map((p, i) => {
        const problem = touched || values[i].trim() !== "" ? problemOf(i) : undefined;
        return (
          <div key={`${id}-${p.name}`} className={s.group}>
            <Field
              label={p.optional ? `${p.name} (${t.optional})` : p.name}
              hint={lang === "ru" ? p.description.ru : p.description.en}
              validationMessage={problem ? tr(problem.message, lang) : undefined}
            >
              <Input value={values[i]} onChange={(_, d) => setValue(i, d.value)} />
            </Field>
            {readSelection && (
              <div className={s.actions}>
                <Button size="small" appearance="secondary" onClick={() => void take(i)} aria-label={fill(t.takeLabel, { name: p.name })}>
                  {t.take}
                </Button>
              </div>
            )}
          </div>
        );
      })}
      {pickError && !pickError.ok && <Failure message={pickError.error.message} lang={lang} />}
      <Field label={t.preview} hint={t.previewHint}>
        <output aria-live="polite" data-testid="formula-preview" style={{ fontFamily: "Consolas, monospace", overflowWrap: "anywhere" }}>
          {preview}
        </output>
      </Field>
      {touched && problems.length > 0 && <Caption1 className={s.error}>{t.fixArgs}</Caption1>}
      {insertFormula && (
        <div className={s.actions}>
          <ActionButton appearance="primary" busy={op.busy} busyText={t.busy} onClick={() => void insert()}>
            {t.insert}
          </ActionButton>
        </div>
      )}
      {op.busy && <Progress text={t.busy} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {result && result.written && (
        <Reveal>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{fill(t.done, { cell: result.cell })}</MessageBarBody>
          </MessageBar>
        </Reveal>
      )}
      {result && !result.written && declined === null && (
        <Reveal>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{fill(t.occupied, { cell: result.cell, content: result.content })}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={() => void insert(result.cell)}>
                {t.replace}
              </Button>
              <Button size="small" onClick={() => setDeclined(result.cell)}>
                {t.keep}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </Reveal>
      )}
      {declined !== null && <Caption1>{fill(t.kept, { cell: declined })}</Caption1>}
    </section>
  );
}
