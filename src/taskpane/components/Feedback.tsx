/** Shared pieces of feedback: a failure message, the "not available" note, a button that shows progress. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, mergeClasses, type ButtonProps } from "@fluentui/react-components";
import type { Lang, Text } from "../../core/types";
import { fill, messages, tr } from "../../i18n";
import { useScreenStyles } from "./styles";

/**
 * A command's outcome: scrolled into view and focused when it appears (the pane is narrow and the
 * button that ran the command is often far below the fold), so it is seen and announced.
 */
export function Reveal({ children }: { children: React.ReactNode }): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
    el.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={ref} tabIndex={-1} data-reveal style={{ outline: "none" }}>
      {children}
    </div>
  );
}

export function Failure({ message, lang }: { message: Text; lang: Lang }): React.JSX.Element {
  return (
    <Reveal>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{messages(lang).common.errorTitle}</MessageBarTitle>
          {tr(message, lang)}
        </MessageBarBody>
      </MessageBar>
    </Reveal>
  );
}

/** False when the pane is not connected to Excel: the host message says so once, screens stay quiet. */
export const HostReady = React.createContext(true);

export function Unavailable({ lang }: { lang: Lang }): React.JSX.Element | null {
  if (!React.useContext(HostReady)) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{messages(lang).common.unavailable}</MessageBarBody>
    </MessageBar>
  );
}

/** A primary action: disabled and showing a spinner with `busyText` while its operation runs. */
export function ActionButton({ busy, busyText, children, ...rest }: ButtonProps & { busy: boolean; busyText: string }): React.JSX.Element {
  return (
    <Button
      {...rest}
      disabled={busy || rest.disabled}
      aria-busy={busy}
      icon={busy ? <Spinner size="tiny" aria-hidden /> : undefined}
    >
      {busy ? busyText : children}
    </Button>
  );
}

/** A polite live region announcing progress to screen readers. */
export function Progress({ text }: { text: string }): React.JSX.Element {
  return (
    <div role="status" aria-live="polite" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>
      {text}
    </div>
  );
}

/** A secondary button that activates a sheet; a failure is ignored (the sheet may be gone). */
export function OpenSheet({ name, lang, open }: { name: string; lang: Lang; open: (name: string) => Promise<void> }): React.JSX.Element {
  const s = useScreenStyles();
  return (
    <div className={s.openRow}>
      <Button appearance="secondary" size="small" onClick={() => void open(name).catch(() => undefined)}>
        {fill(messages(lang).common.openSheet, { sheet: name })}
      </Button>
    </div>
  );
}

/** Figures as tiles (a description list): a label over a big number, optionally toned. */
export function CountTiles({ tiles }: { tiles: { label: string; n: number; tone?: string }[] }): React.JSX.Element {
  const s = useScreenStyles();
  return (
    <dl className={s.counts} style={{ margin: 0 }}>
      {tiles.map((x) => (
        <div key={x.label} className={mergeClasses(s.count, x.tone)}>
          <dt>{x.label}</dt>
          <dd className={s.countNumber} style={{ margin: 0 }}>
            {x.n}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A result's findings under a title: the first `max` (the sheet lists all). */
export function FindingList({ title, findings, lang, max = 30 }: { title: string; findings: readonly { message: Text }[]; lang: Lang; max?: number }): React.JSX.Element | null {
  const s = useScreenStyles();
  if (findings.length === 0) return null;
  return (
    <>
      <div>{title}</div>
      <ul className={s.list}>
        {findings.slice(0, max).map((f, i) => (
          <li key={i}>{tr(f.message, lang)}</li>
        ))}
      </ul>
    </>
  );
}
