/**
 * Excel's data-validation error alert, as its message box: the rule's title (else «Microsoft
 * Excel») and message, and the buttons of its style — Stop: Retry / Cancel; Warning: «Continue?»
 * Yes / No / Cancel; Information: OK / Cancel. Esc is Cancel.
 */
import * as React from "react";
import type { Lang } from "../core/types";
import type { AlertStyle } from "../sim";
import { demoGridMessages } from "../i18n/demoGrid";

/** What the user answered: keep the value, edit it again, or drop it (the cell keeps what it had). */
export type AlertAnswer = "keep" | "edit" | "drop";

export function alertButtons(style: AlertStyle): { label: "retry" | "yes" | "no" | "ok" | "cancel"; answer: AlertAnswer }[] {
  switch (style) {
    case "Warning":
      return [
        { label: "yes", answer: "keep" },
        { label: "no", answer: "edit" },
        { label: "cancel", answer: "drop" },
      ];
    case "Information":
      return [
        { label: "ok", answer: "keep" },
        { label: "cancel", answer: "drop" },
      ];
    default:
      return [
        { label: "retry", answer: "edit" },
        { label: "cancel", answer: "drop" },
      ];
  }
}

const ICON: Record<AlertStyle, string> = { Stop: "✖", Warning: "⚠", Information: "ℹ" };

export interface AlertDialogProps {
  lang: Lang;
  style: AlertStyle;
  title: string;
  message: string;
  onAnswer: (answer: AlertAnswer) => void;
}

export function AlertDialog({ lang, style, title, message, onAnswer }: AlertDialogProps): React.JSX.Element {
  const t = demoGridMessages(lang);
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), []);
  const id = React.useId();
  return (
    <div className="modal" onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), onAnswer("drop"))}>
      <div className={`msgbox ${style.toLowerCase()}`} role="alertdialog" aria-modal="true" aria-labelledby={`${id}-t`} aria-describedby={`${id}-m`} data-style={style}>
        <div className="msgtitle" id={`${id}-t`}>
          {title || t.excel}
        </div>
        <div className="msgbody">
          <span className="msgicon" aria-hidden>
            {ICON[style]}
          </span>
          <div id={`${id}-m`}>
            <p>{message}</p>
            {style === "Warning" && <p>{t.continue}</p>}
          </div>
        </div>
        <div className="msgbuttons">
          {alertButtons(style).map((b, k) => (
            <button key={b.label} ref={k === 0 ? first : undefined} type="button" onClick={() => onAnswer(b.answer)}>
              {t[b.label]}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
