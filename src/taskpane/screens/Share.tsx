/**
 * «Отправка»: «Подготовить к отправке» freezes the EDU.* formulas to values (the originals are kept
 * in the workbook), «Вернуть формулы» brings them back. Each button has its explanation; the result
 * says what was done and lists the cells left alone.
 */
import * as React from "react";
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { KeptCell } from "../../core/share";
import type { Lang } from "../../core/types";
import type { CommandResult } from "../../excel/commands";
import type { FreezeResult, RestoreResult } from "../../excel/share";
import { fill } from "../../i18n";
import * as strings from "../../i18n/share";
import type { ShareMessages } from "../../i18n/share";
import { ActionButton, Failure, Progress, Reveal, Unavailable } from "../components/Feedback";
import { useScreenStyles } from "../components/styles";
import { useOperation } from "../hooks/useOperation";

export interface ShareProps {
  lang: Lang;
  freezeForSending?: (o: { lang: Lang }) => Promise<CommandResult<FreezeResult>>;
  restoreFormulas?: (o: { lang: Lang }) => Promise<CommandResult<RestoreResult>>;
  /** Called after a command changed the workbook. */
  onChanged?: () => void;
}

/** How many cells a list shows before «…and N more». */
const LIST_LIMIT = 20;

export function Share({ lang, freezeForSending, restoreFormulas, onChanged }: ShareProps): React.JSX.Element {
  const s = useScreenStyles();
  const t = strings[lang];
  const freezeOp = useOperation<FreezeResult>();
  const restoreOp = useOperation<RestoreResult>();
  const busy = freezeOp.busy || restoreOp.busy;

  if (!freezeForSending && !restoreFormulas) {
    return (
      <section className={s.screen} aria-label={t.tab}>
        <Body1>{t.intro}</Body1>
        <Unavailable lang={lang} />
      </section>
    );
  }

  const doFreeze = async () => {
    if (!freezeForSending || busy) return;
    restoreOp.reset();
    const o = await freezeOp.run(() => freezeForSending({ lang }));
    if (o.kind === "done" && o.value.frozen > 0) onChanged?.();
  };
  const doRestore = async () => {
    if (!restoreFormulas || busy) return;
    freezeOp.reset();
    const o = await restoreOp.run(() => restoreFormulas({ lang }));
    if (o.kind === "done" && o.value.restored > 0) onChanged?.();
  };

  return (
    <section className={s.screen} aria-label={t.tab}>
      <Body1>{t.intro}</Body1>
      <div className={s.group}>
        {freezeForSending ? (
          <ActionButton appearance="primary" busy={freezeOp.busy} busyText={t.freezeBusy} disabled={busy && !freezeOp.busy} onClick={doFreeze} aria-describedby="share-freeze-help">
            {t.freeze}
          </ActionButton>
        ) : null}
        <Caption1 id="share-freeze-help">{t.freezeHelp}</Caption1>
      </div>
      <div className={s.group}>
        {restoreFormulas ? (
          <ActionButton appearance="secondary" busy={restoreOp.busy} busyText={t.restoreBusy} disabled={busy && !restoreOp.busy} onClick={doRestore} aria-describedby="share-restore-help">
            {t.restore}
          </ActionButton>
        ) : null}
        <Caption1 id="share-restore-help">{t.restoreHelp}</Caption1>
      </div>
      {(!freezeForSending || !restoreFormulas) && <Unavailable lang={lang} />}
      {busy && <Progress text={freezeOp.busy ? t.freezeBusy : t.restoreBusy} />}
      {!freezeOp.busy && freezeOp.outcome.kind === "failed" && <Failure message={freezeOp.outcome.message} lang={lang} />}
      {!freezeOp.busy && freezeOp.outcome.kind === "done" && (
        <Reveal>
          <Frozen result={freezeOp.outcome.value} t={t} />
        </Reveal>
      )}
      {!restoreOp.busy && restoreOp.outcome.kind === "failed" && <Failure message={restoreOp.outcome.message} lang={lang} />}
      {!restoreOp.busy && restoreOp.outcome.kind === "done" && (
        <Reveal>
          <Restored result={restoreOp.outcome.value} t={t} />
        </Reveal>
      )}
    </section>
  );
}

function Frozen({ result, t }: { result: FreezeResult; t: ShareMessages }): React.JSX.Element {
  const s = useScreenStyles();
  const text =
    result.frozen > 0
      ? [fill(t.frozen, { n: result.frozen, sheets: result.sheets.length }), fill(t.frozenSheets, { list: result.sheets.map((x) => `«${x}»`).join(", ") }), result.kept > 0 ? fill(t.keptEarlier, { n: result.kept }) : ""]
          .filter(Boolean)
          .join(" ")
      : result.kept > 0
        ? fill(t.nothingNewFrozen, { n: result.kept })
        : t.nothingToFreeze;
  return (
    <div className={s.group} role="status" data-testid="share-frozen">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {result.frozen > 0 && <MessageBarTitle>{t.frozenTitle}</MessageBarTitle>}
          {text}
        </MessageBarBody>
      </MessageBar>
      {result.skipped.length > 0 && (
        <CellList
          intent="warning"
          title={fill(t.skippedTitle, { n: result.skipped.length })}
          items={result.skipped.map((k) => fill(k.reason === "spill" ? t.skippedSpill : k.reason === "busy" ? t.skippedBusy : t.skippedArray, { cell: cellName(k), error: k.error ?? "" }))}
          t={t}
        />
      )}
    </div>
  );
}

function Restored({ result, t }: { result: RestoreResult; t: ShareMessages }): React.JSX.Element {
  const s = useScreenStyles();
  if (result.nothingToRestore) {
    return (
      <MessageBar intent="info" layout="multiline" role="status" data-testid="share-restored">
        <MessageBarBody>{t.nothingToRestore}</MessageBarBody>
      </MessageBar>
    );
  }
  const kept = (cells: KeptCell[]) => cells.map((k) => fill(t.keptCell, { cell: cellName(k), formula: k.formula }));
  const byName = result.byName ?? [];
  const why = [...new Set(byName.map((b) => (b.reason === "noId" ? t.byNameNoId : t.byNameIdsChanged)))].join("; ");
  return (
    <div className={s.group} role="status" data-testid="share-restored">
      <MessageBar intent={result.changed.length || result.sheetMissing.length || result.unreadable || byName.length ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.restoredTitle}</MessageBarTitle>
          {[fill(t.restored, { n: result.restored }), result.already > 0 ? fill(t.already, { n: result.already }) : "", result.unreadable > 0 ? fill(t.unreadable, { n: result.unreadable }) : "",
            byName.length > 0 ? fill(t.byName, { why, list: byName.map((b) => `«${b.sheet}»`).join(", ") }) : ""]
            .filter(Boolean)
            .join(" ")}
        </MessageBarBody>
      </MessageBar>
      {result.changed.length > 0 && <CellList intent="warning" title={fill(t.changedTitle, { n: result.changed.length })} items={kept(result.changed)} t={t} />}
      {result.sheetMissing.length > 0 && <CellList intent="warning" title={fill(t.missingTitle, { n: result.sheetMissing.length })} items={kept(result.sheetMissing)} t={t} />}
    </div>
  );
}

const cellName = (k: KeptCell) => `«${k.sheet}»!${k.address}`;

function CellList({ intent, title, items, t }: { intent: "warning"; title: string; items: string[]; t: ShareMessages }): React.JSX.Element {
  const s = useScreenStyles();
  const shown = items.slice(0, LIST_LIMIT);
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={s.list}>
          {shown.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
          {items.length > shown.length && <li>{fill(t.more, { n: items.length - shown.length })}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
