/**
 * Long operations: one at a time (a second start while busy is ignored), progress while running,
 * and every outcome turned into data the screen shows — never an exception or a stack trace.
 */
import * as React from "react";
import type { Text } from "../../core/types";
import type { CommandError } from "../commands";

/** What a screen shows after an operation: nothing yet, a result, or a failure message. */
export type Outcome<T> = { kind: "idle" } | { kind: "done"; value: T } | { kind: "failed"; message: Text };

export const UNEXPECTED: Text = {
  ru: "Непредвиденная ошибка. Повторите действие; если ошибка повторится, закройте и снова откройте панель надстройки.",
  en: "Unexpected error. Try again; if it happens again, close and reopen the add-in's pane.",
};

type Resultish<T> = ({ ok: true } & T) | { ok: false; error: CommandError };

/** A command's result as an Outcome; anything that is not a well-formed result is "unexpected". */
export function toOutcome<T>(result: Resultish<T> | unknown): Outcome<T> {
  if (typeof result !== "object" || result === null || !("ok" in result)) return { kind: "failed", message: UNEXPECTED };
  const r = result as Resultish<T>;
  if (r.ok) return { kind: "done", value: r as T };
  const m = r.error?.message;
  const valid = m && typeof m.ru === "string" && typeof m.en === "string";
  return { kind: "failed", message: valid ? m : UNEXPECTED };
}

export interface Operation<T> {
  busy: boolean;
  outcome: Outcome<T>;
  /** Start `command` unless one is running; resolves when it ends. Never rejects. */
  run: (command: () => Promise<Resultish<T>>) => Promise<Outcome<T>>;
  reset: () => void;
}

export function useOperation<T>(): Operation<T> {
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome<T>>({ kind: "idle" });
  const running = React.useRef(false);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = React.useCallback(async (command: () => Promise<Resultish<T>>): Promise<Outcome<T>> => {
    if (running.current) return { kind: "idle" };
    running.current = true;
    setBusy(true);
    let next: Outcome<T>;
    try {
      next = toOutcome<T>(await command());
    } catch (e) {
      console.error(e); // for the developer console only; the user sees a plain message
      next = { kind: "failed", message: UNEXPECTED };
    }
    running.current = false;
    if (mounted.current) {
      setOutcome(next);
      setBusy(false);
    }
    return next;
  }, []);
  const reset = React.useCallback(() => setOutcome({ kind: "idle" }), []);
  return { busy, outcome, run, reset };
}
