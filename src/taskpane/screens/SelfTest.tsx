/**
 * «Самопроверка»: one button runs every platform check (src/excel/selftest.ts) and shows a table
 * (✔ / ✘ with Excel's own error code and message) and the diagnostic text to copy and send us.
 * Loaded on first visit (its own chunk); the command arrives as a prop.
 */
import * as React from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { diagnosticText, passed, type SelfTestReport } from "../../core/selftest";
import type { Lang } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import { fill } from "../../i18n";
import * as strings from "../../i18n/selftest";
import { checkLabel, type SelfTestMessages } from "../../i18n/selftest";
import { ActionButton, Failure, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface SelfTestProps {
  lang: Lang;
  runSelfTest?: () => Promise<CommandResult<{ report: SelfTestReport }>>;
  /** Back to the sections of the pane. */
  onBack?: () => void;
  /** Shown now: the heading takes the focus when the screen opens. */
  active?: boolean;
}

const useStyles = makeStyles({
  title: { ...typographyStyles.subtitle2, margin: 0, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  ok: { color: tokens.colorPaletteGreenForeground1, whiteSpace: "nowrap" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-word" },
  text: {
    width: "100%",
    minHeight: "160px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
});

export function SelfTest({ lang, runSelfTest, onBack, active = false }: SelfTestProps): React.JSX.Element {
  const s = useScreenStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (active) heading.current?.focus();
  }, [active]);
  const st = useStyles();
  const t = strings[lang];
  const op = useOperation<{ report: SelfTestReport }>();
  const start = () => {
    if (runSelfTest) void op.run(runSelfTest);
  };

  return (
    <section className={s.screen} aria-label={t.title}>
      <div className={st.head}>
        <h2 ref={heading} tabIndex={-1} className={st.title}>
          {t.title}
        </h2>
        {onBack && (
          <Button size="small" appearance="subtle" onClick={onBack}>
            {t.back}
          </Button>
        )}
      </div>
      <Body1>{t.intro}</Body1>
      {runSelfTest ? (
        <div className={s.actions}>
          <ActionButton appearance="primary" busy={op.busy} busyText={t.busy} onClick={start}>
            {t.run}
          </ActionButton>
        </div>
      ) : (
        <Unavailable lang={lang} />
      )}
      {op.busy && <Progress text={t.busy} />}
      {!op.busy && op.outcome.kind === "failed" && <Failure message={op.outcome.message} lang={lang} />}
      {!op.busy && op.outcome.kind === "done" && (
        <Reveal>
          <Results report={op.outcome.value.report} t={t} />
        </Reveal>
      )}
    </section>
  );
}

function Results({ report, t }: { report: SelfTestReport; t: SelfTestMessages }): React.JSX.Element {
  const s = useScreenStyles();
  const st = useStyles();
  const n = passed(report);
  const total = report.checks.length;
  const text = React.useMemo(() => diagnosticText(report), [report]);
  return (
    <div className={s.screen} data-testid="selftest-result">
      <MessageBar intent={n === total ? "success" : "warning"} layout="multiline" role="status">
        <MessageBarBody>{n === total ? fill(t.summaryOk, { n }) : fill(t.summaryFailed, { passed: n, total })}</MessageBarBody>
      </MessageBar>
      {!report.cleanup.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{fill(t.cleanupFailed, { sheet: report.sheet, code: report.cleanup.code ?? "Error" })}</MessageBarBody>
        </MessageBar>
      )}
      {report.leftoversRemoved > 0 && <Caption1>{t.leftovers}</Caption1>}
      <table className={st.table} aria-label={t.table}>
        <thead>
          <tr>
            <th className={st.cell} scope="col">
              {t.check}
            </th>
            <th className={st.cell} scope="col">
              {t.result}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.id} data-check={c.id}>
              <th className={st.cell} scope="row" style={{ fontWeight: "normal" }}>
                {checkLabel(t, c.id)}
              </th>
              <td className={st.cell}>
                {c.ok ? (
                  <span className={st.ok}>{t.passed}</span>
                ) : (
                  <>
                    <span className={st.bad}>{t.failed}</span>
                    <div className={st.code}>
                      {c.code}
                      {c.message?.startsWith("not run:") ? ` — ${t.notRun}` : c.message ? ` — ${c.message}` : ""}
                    </div>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Diagnostics text={text} t={t} />
    </div>
  );
}

/** The diagnostic text, read-only, with a copy button (clipboard API, else the text is selected for Ctrl+C). */
function Diagnostics({ text, t }: { text: string; t: SelfTestMessages }): React.JSX.Element {
  const s = useScreenStyles();
  const st = useStyles();
  const area = React.useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = React.useState<"idle" | "copied" | "failed">("idle");
  const doCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      area.current?.focus();
      area.current?.select();
      setCopy("failed");
    }
  };
  return (
    <div className={s.group}>
      <label htmlFor="selftest-text">
        <Subtitle2>{t.diagnostics}</Subtitle2>
      </label>
      <Caption1 id="selftest-text-hint">{t.diagnosticsHint}</Caption1>
      <textarea id="selftest-text" ref={area} className={st.text} readOnly value={text} aria-describedby="selftest-text-hint" spellCheck={false} />
      <div className={s.actions}>
        <Button appearance="secondary" onClick={() => void doCopy()}>
          {t.copy}
        </Button>
      </div>
      {copy !== "idle" && (
        <Caption1 role="status">{copy === "copied" ? t.copied : t.copyFailed}</Caption1>
      )}
    </div>
  );
}
