/**
 * «Выбрать файл Word» on the road-map screen (issue 19): read a .docx, choose among its tables by
 * their headings (the best road map by default), take the programme's years from the document or
 * ask for them, and hand the table to the same import as a paste.
 */
import * as React from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2 } from "@fluentui/react-components";
import { roadmapTables, wordProgramYears, type ProgramYears, type WordTableChoice } from "../../core/roadmap";
import { formatSchoolYear } from "../../core/periods";
import type { Lang, Text } from "../../core/types";
import { fill, tr } from "../../i18n";
import * as roadmapStrings from "../../i18n/roadmap";
import * as strings from "../../i18n/roadmapWord";
import type { DocxRead } from "../../xlsx/light/docx";
import { ActionButton, Progress } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";

/** Files past this size are not read at all (a programme document is well under 1 MB). */
export const MAX_WORD_FILE_MB = 32;

export interface RoadmapWordProps {
  lang: Lang;
  busy: boolean;
  readWordFile: (bytes: Uint8Array) => Promise<DocxRead>;
  onLoad: (o: { years: ProgramYears; table: { rows: string[][]; label: string } }) => void;
}

interface Picked {
  file: string;
  doc: Extract<DocxRead, { ok: true }>["doc"];
  choices: WordTableChoice[];
}

const both = (f: (m: strings.RoadmapWordMessages) => string): Text => ({ ru: f(strings.ru), en: f(strings.en) });

export function RoadmapWord({ lang, busy, readWordFile, onLoad }: RoadmapWordProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const input = React.useRef<HTMLInputElement>(null);
  const [reading, setReading] = React.useState(false);
  const [error, setError] = React.useState<Text | null>(null);
  const [picked, setPicked] = React.useState<Picked | null>(null);
  const [index, setIndex] = React.useState(0);
  const [first, setFirst] = React.useState("");
  const [last, setLast] = React.useState("");

  const found = picked ? wordProgramYears(picked.doc, index) : null;
  const choose = (p: Picked, i: number) => {
    setIndex(i);
    const y = wordProgramYears(p.doc, i);
    setFirst(y ? String(y.years.firstYear) : "");
    setLast(y ? String(y.years.lastYear) : "");
  };

  const onFile = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    setError(null);
    setPicked(null);
    if (f.size > MAX_WORD_FILE_MB * 1024 * 1024) {
      setError(both((m) => fill(m.tooBig, { file: f.name.slice(0, 120), mb: MAX_WORD_FILE_MB })));
      return;
    }
    setReading(true);
    try {
      const read = await readWordFile(new Uint8Array(await f.arrayBuffer()));
      if (!read.ok) {
        setError(read.code === "notZip" ? both((m) => fill(m.notDocx, { file: f.name.slice(0, 120) })) : read.finding);
        return;
      }
      if (read.doc.tables.length === 0) {
        setError(both((m) => fill(m.noTables, { file: f.name.slice(0, 120) })));
        return;
      }
      const { choices, best } = roadmapTables(read.doc.tables);
      const p = { file: f.name, doc: read.doc, choices };
      setPicked(p);
      choose(p, Math.max(0, best));
    } catch (e) {
      setError({ ru: `Файл «${f.name.slice(0, 120)}» не прочитан: ${String((e as Error)?.message ?? e).slice(0, 200)}`, en: `«${f.name.slice(0, 120)}» was not read: ${String((e as Error)?.message ?? e).slice(0, 200)}` });
    } finally {
      setReading(false);
      if (input.current) input.current.value = "";
    }
  };

  const years: ProgramYears | null = /^\d{4}$/.test(first.trim()) && /^\d{4}$/.test(last.trim()) ? { firstYear: Number(first), lastYear: Number(last) } : null;
  const yearsOk = years !== null && years.firstYear <= years.lastYear && years.lastYear - years.firstYear < 30;
  const choice = picked?.choices[index];
  const label = (c: WordTableChoice) => {
    const heading = c.heading || fill(t.noHeading, { n: c.index + 1, rows: c.rows });
    return fill(t.option, { heading: heading.length > 90 ? `${heading.slice(0, 89)}…` : heading, events: c.events });
  };
  const load = () => {
    if (!picked || !choice || !years || !yearsOk || busy) return;
    const heading = choice.heading || fill(t.noHeading, { n: choice.index + 1, rows: choice.rows });
    onLoad({ years, table: { rows: picked.doc.tables[index].rows, label: `${picked.file}: ${heading}` } });
  };

  return (
    <div className={s.group} data-testid="roadmap-word">
      <Subtitle2>{t.title}</Subtitle2>
      <Body1>{t.intro}</Body1>
      <div className={s.actions}>
        <input ref={input} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden data-testid="roadmap-word-file" onChange={(e) => void onFile(e.currentTarget.files)} />
        <Button appearance="secondary" disabled={busy || reading} onClick={() => input.current?.click()}>
          {t.pick}
        </Button>
        {picked && <Body1>{picked.file}</Body1>}
      </div>
      {reading && <Progress text={t.reading} />}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="roadmap-word-error">
          <MessageBarBody>{tr(error, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {picked && (
        <>
          <Field label={t.table} hint={t.tableHint}>
            <Select value={String(index)} onChange={(_, d) => choose(picked, Number(d.value))} disabled={busy} data-testid="roadmap-word-table">
              {picked.choices.map((c) => (
                <option key={c.index} value={String(c.index)}>
                  {label(c)}
                </option>
              ))}
            </Select>
          </Field>
          {choice && choice.events === 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.notRoadmap}</MessageBarBody>
            </MessageBar>
          )}
          <Body1 data-testid="roadmap-word-years">
            {found ? fill(t.yearsFound, { words: found.words, first: formatSchoolYear(found.years.firstYear), last: formatSchoolYear(found.years.lastYear) }) : t.yearsAsk}
          </Body1>
          <div className={s.actions}>
            <Field label={t.firstYear} validationMessage={first && last && !yearsOk ? t.badYears : undefined}>
              <Input type="number" value={first} onChange={(_, d) => setFirst(d.value)} disabled={busy} data-testid="roadmap-word-first" />
            </Field>
            <Field label={t.lastYear}>
              <Input type="number" value={last} onChange={(_, d) => setLast(d.value)} disabled={busy} data-testid="roadmap-word-last" />
            </Field>
          </div>
          <div className={s.actions}>
            <ActionButton appearance="primary" busy={busy} busyText={roadmapStrings[lang].busy} disabled={!yearsOk || !choice || choice.events === 0} onClick={load}>
              {t.run}
            </ActionButton>
          </div>
        </>
      )}
    </div>
  );
}
