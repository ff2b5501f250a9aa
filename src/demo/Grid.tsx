/**
 * The simulated workbook as Excel shows it: formula bar, the cells of the active sheet (values as
 * HyperFormula computes them, fills, conditional colours, merges, widths) and the sheet tabs.
 * Typing goes through host.inspect.userEdit, so protection and data validation apply as in Excel.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import type { Lang, Text } from "../core/types";
import type { AlertStyle, SimHost } from "../sim";
import { fill, messages, tr } from "../i18n";
import { demoGridMessages } from "../i18n/demoGrid";
import { AlertDialog, type AlertAnswer } from "./AlertDialog";
import { toInvariant, toLocal } from "./formulaSyntax";
import { copyText, pasteTable, tableFromClipboard } from "./gridClipboard";
import { isPercentFormat } from "../sim";
import { address, columnName, editText, isErrorText, mergeLayout, parseRange, px, rectAddress, selectionRect, type Cell } from "./gridModel";

export interface GridProps {
  host: SimHost;
  /** The pane's language (messages). */
  lang: Lang;
  /** The workbook's language: formula syntax, number entry, error names (Russian Excel: «;», «,»). */
  locale?: Lang;
  sheet: string;
  onSheet: (name: string) => void;
  /** Bumped on every workbook change. */
  version: number;
}

type Notice = { kind: "warning" | "error" | "info"; title: string; message: Text } | null;
type Alert = { style: AlertStyle; title: string; message: Text; sheet: string; addr: string; r: number; c: number; typed: string } | null;

/** A cell of a hidden column: no text, padding or border (its column is 0 wide). */
const HIDDEN_CELL: React.CSSProperties = { paddingTop: 0, paddingRight: 0, paddingBottom: 0, paddingLeft: 0, border: "none", fontSize: 0, overflow: "hidden" };

/** Options of every edit typed in the grid: ask before keeping a value a rule warns about; Excel's percent entry. */
const EDIT = { alerts: "ask", autoPercentEntry: true } as const;

export function Grid({ host, lang, locale = lang, sheet, onSheet, version }: GridProps): React.JSX.Element {
  const t = messages(lang).demo;
  const g = demoGridMessages(lang);
  const [sel, setSel] = React.useState<Cell>({ r: 0, c: 0 });
  const [anchor, setAnchor] = React.useState<Cell>({ r: 0, c: 0 });
  const [draft, setDraft] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [alert, setAlert] = React.useState<Alert>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const tipRef = React.useRef<HTMLDivElement>(null);

  const sheets = host.inspect.sheetNames().filter((s) => s.visibility === "Visible");
  const current = sheets.some((s) => s.name === sheet) ? sheet : sheets[0]?.name ?? "";
  const snap = React.useMemo(() => (current ? host.inspect.grid(current) : null), [host, current, version]);
  const merges = React.useMemo(() => mergeLayout(snap?.merges ?? []), [snap]);
  const rows = Math.max(snap?.rows ?? 0, 20);
  const cols = Math.max(snap?.columns ?? 0, 8);
  const widths = Array.from({ length: cols }, (_, c) => px(snap?.columnWidths[c] ?? 48));
  // Hidden rows and columns are not shown, as in Excel (a hidden column keeps its place, 0 wide).
  const hiddenRows = new Set(snap?.hiddenRows ?? []);
  const hiddenCols = new Set(snap?.hiddenColumns ?? []);
  const selAddr = address(sel.r, sel.c);
  const rect = selectionRect(anchor, sel);
  const selInfo = current ? host.inspect.cell(current, selAddr) : null;
  const content = !selInfo
    ? ""
    : selInfo.formula !== null
      ? toLocal(selInfo.formula, locale)
      : editText(selInfo.value, selInfo.text, isPercentFormat(selInfo.numberFormat), /[dmy]/i.test(selInfo.numberFormat.replace(/"[^"]*"|\[[^\]]*\]/g, "")) && !/general/i.test(selInfo.numberFormat), locale);
  const editable = selInfo ? !(snap?.protected && selInfo.locked) : false;
  const prompt = selInfo?.validation?.prompt;
  const showPrompt = !!prompt?.showPrompt && !!(prompt.title || prompt.message) && draft === null && !alert;

  React.useEffect(() => {
    setSel({ r: 0, c: 0 });
    setAnchor({ r: 0, c: 0 });
  }, [current]);
  React.useEffect(() => {
    setDraft(null);
    setNotice(null);
  }, [current]);
  // A command that selects a range (the sample road map, a paste) moves the grid's selection too.
  const apiSelection = host.inspect.selection();
  const apiKey = apiSelection ? `${apiSelection.sheet}!${apiSelection.address}` : "";
  React.useEffect(() => {
    if (!apiSelection || apiSelection.sheet !== current) return;
    const r = parseRange(apiSelection.address);
    if (!r) return;
    // Excel: the active cell is the range's top-left.
    setAnchor({ r: r.r1, c: r.c1 });
    setSel({ r: r.r0, c: r.c0 });
  }, [apiKey, current]);

  // The input prompt sits beside the selected cell, like Excel's, and goes when the selection moves.
  React.useLayoutEffect(() => {
    const tip = tipRef.current;
    const wrap = gridRef.current;
    const td = wrap?.querySelector<HTMLElement>(`td[data-addr="${selAddr}"]`);
    if (!tip || !td || !wrap) return;
    const a = td.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    tip.style.left = `${a.left - w.left + wrap.scrollLeft + Math.min(a.width, 60) + 4}px`;
    tip.style.top = `${a.bottom - w.top + wrap.scrollTop + 4}px`;
  });

  /** Start editing in the formula bar with `text` (synchronously, so the next keystrokes land after it). */
  const startEdit = (text: string, selectAll = false) => {
    flushSync(() => setDraft(text));
    const input = inputRef.current;
    if (input) {
      input.focus();
      if (selectAll) input.select();
      else input.setSelectionRange(text.length, text.length);
    }
  };

  const select = (active: Cell, from: Cell = active) => {
    if (active.r !== sel.r || active.c !== sel.c) {
      setDraft(null);
      setNotice(null);
    }
    setSel(active);
    setAnchor(from);
    if (current) host.inspect.select(current, rectAddress(selectionRect(from, active)));
  };

  const focusCell = (r: number, c: number, extend = false) => {
    select({ r, c }, extend ? anchor : { r, c });
    // The cell is already in the DOM (same sheet): focus it now, so keys typed next reach it.
    gridRef.current?.querySelector<HTMLElement>(`[data-addr="${address(r, c)}"]`)?.focus();
  };

  const moveDown = (r: number, c: number) => focusCell(Math.min(r + 1, rows - 1), c);

  const commit = () => {
    if (draft === null || !current) return;
    const typed = draft;
    const result = host.inspect.userEdit(current, selAddr, toInvariant(typed, locale), EDIT);
    setDraft(null);
    if (!result.ok) {
      if (result.alert) {
        setAlert({ style: result.alert, title: result.title ?? "", message: result.message, sheet: current, addr: selAddr, r: sel.r, c: sel.c, typed });
        return;
      }
      setNotice({ kind: "error", title: result.title || t.refused, message: result.message });
      return;
    }
    setNotice(null);
    moveDown(sel.r, sel.c);
  };

  const answer = (a: AlertAnswer) => {
    const al = alert;
    setAlert(null);
    if (!al) return;
    if (a === "keep") {
      host.inspect.userEdit(al.sheet, al.addr, toInvariant(al.typed, locale), { ...EDIT, alerts: "accept" });
      moveDown(al.r, al.c);
    } else if (a === "edit") startEdit(al.typed, true);
    else focusCell(al.r, al.c);
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1] };
    const mv = moves[e.key];
    if (mv && !(e.key === "Tab" && (sel.c + mv[1] < 0 || sel.c + mv[1] >= cols))) {
      e.preventDefault();
      // Like Excel, the selection steps over hidden rows and columns (and stays put when only hidden ones lie ahead).
      let r = sel.r + mv[0];
      let c = sel.c + mv[1];
      while (hiddenRows.has(r) && r > 0 && r < rows - 1) r += mv[0];
      while (hiddenCols.has(c) && c > 0 && c < cols - 1) c += mv[1];
      if (hiddenRows.has(r)) r = sel.r;
      if (hiddenCols.has(c)) c = sel.c;
      focusCell(Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(cols - 1, c)), e.shiftKey && e.key !== "Tab");
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(content);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (!current) return;
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const result = host.inspect.userEdit(current, address(r, c), "");
          if (!result.ok) return setNotice({ kind: "error", title: result.title || t.refused, message: result.message });
        }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (!current || draft !== null) return;
    e.preventDefault();
    const table = tableFromClipboard(e.clipboardData);
    if (table.length === 0) return setNotice({ kind: "error", title: t.refused, message: { ru: g.pasteNothing, en: g.pasteNothing } });
    const at = { r: rect.r0, c: rect.c0 };
    pasteTable(current, at.r, at.c, table, locale).then(
      () => {
        const msg = fill(g.pasted, { rows: table.length, cols: table[0].length, cell: address(at.r, at.c) });
        setNotice({ kind: "info", title: "", message: { ru: msg, en: msg } });
      },
      (err: unknown) => {
        const msg = fill(g.pasteFailed, { reason: err instanceof Error ? err.message : String(err) });
        setNotice({ kind: "error", title: t.refused, message: { ru: msg, en: msg } });
      },
    );
  };

  const onCopy = (e: React.ClipboardEvent) => {
    if (!snap || draft !== null) return;
    e.preventDefault();
    const texts: string[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(shown(snap.cells[r]?.[c]?.text ?? "", snap.cells[r]?.[c]?.value, locale, g));
      texts.push(row);
    }
    e.clipboardData.setData("text/plain", copyText(texts));
    const msg = fill(g.copied, { n: texts.length * (texts[0]?.length ?? 0) });
    setNotice({ kind: "info", title: "", message: { ru: msg, en: msg } });
  };

  /** The error indicator's text for an error cell: what the error means, and the function's own message. */
  const errorTitle = (r: number, c: number, v: string): string => {
    const help = g.errors[v]?.help ?? v;
    const detail = current ? host.inspect.cell(current, address(r, c)).errorMessage : null;
    // HyperFormula's own details are English; a function of the add-in speaks the pane's language.
    const useful = detail && (lang === "en" || /[А-Яа-яЁё]/.test(detail));
    return useful ? `${help}\n${detail}` : help;
  };

  return (
    <div className="wb">
      <div className="fbar">
        <output className="namebox" aria-label={t.nameBox}>
          {selAddr}
        </output>
        <span className="fx" aria-hidden>
          fx
        </span>
        <input
          ref={inputRef}
          className="finput"
          aria-label={fill(t.formulaBar, { cell: selAddr })}
          title={t.formulaHint}
          value={draft ?? content}
          readOnly={!current}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              setDraft(null);
              focusCell(sel.r, sel.c);
            }
          }}
        />
      </div>
      {notice ? (
        <div className={`notice ${notice.kind}`} role={notice.kind === "info" ? "status" : "alert"}>
          {notice.title && <strong>{notice.title}. </strong>}
          {tr(notice.message, lang)}
        </div>
      ) : (
        <div className="notice hint">{selInfo && !editable ? t.protectedHint : `${t.formulaHint} ${g.pasteHint}`}</div>
      )}
      <div className="gridwrap" ref={gridRef} onPaste={onPaste} onCopy={onCopy}>
        {showPrompt && prompt && (
          <div className="prompt" ref={tipRef} role="tooltip" aria-label={fill(g.prompt, { cell: selAddr })} data-for={selAddr}>
            {prompt.title && <strong>{prompt.title}</strong>}
            {prompt.message && <span>{prompt.message}</span>}
          </div>
        )}
        <table className="grid" role="grid" style={{ width: 40 + widths.reduce((a, b) => a + b, 0) }} aria-label={fill(t.grid, { sheet: current })} onKeyDown={onGridKey}>
          <colgroup>
            <col style={{ width: 40 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" aria-hidden />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={c === sel.c ? "hd on" : "hd"} style={hiddenCols.has(c) ? HIDDEN_CELL : undefined}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: px(snap?.rowHeights[r] ?? 15), display: hiddenRows.has(r) ? "none" : undefined }}>
                <th scope="row" className={r === sel.r ? "hd on" : "hd"}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r},${c}`;
                  if (merges.covered.has(key)) return null;
                  const cell = snap?.cells[r]?.[c];
                  const merged = merges.spans.get(key);
                  // A hidden row (display: none) leaves the table model: a merge counts only its shown rows.
                  const span = merged && { ...merged, rowSpan: merged.rowSpan - Array.from({ length: merged.rowSpan - 1 }, (_, i) => r + 1 + i).filter((x) => hiddenRows.has(x)).length };
                  const selected = r === sel.r && c === sel.c;
                  const inRange = !selected && r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
                  const error = cell && isErrorText(cell.value) ? cell.value : null;
                  const style: React.CSSProperties = cell
                    ? {
                        background: cell.fill && cell.fill !== "#FFFFFF" ? cell.fill : undefined,
                        color: cell.fontColor && cell.fontColor !== "#000000" ? cell.fontColor : undefined,
                        fontWeight: cell.bold ? 600 : undefined,
                        fontStyle: cell.italic ? "italic" : undefined,
                        textAlign: align(cell.horizontalAlignment, cell.value),
                        paddingLeft: cell.indentLevel ? 4 + cell.indentLevel * 10 : undefined,
                        whiteSpace: cell.wrapText ? "normal" : "nowrap",
                        // Like Excel, unwrapped text runs on over empty cells to its right.
                        overflow: overflows(snap?.cells[r], c, span?.colSpan ?? 1) ? "visible" : undefined,
                        ...(hiddenCols.has(c) ? HIDDEN_CELL : {}),
                      }
                    : {};
                  return (
                    <td
                      key={c}
                      data-addr={address(r, c)}
                      data-col={columnName(c)}
                      data-row={r + 1}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      className={selected ? "sel" : inRange ? "insel" : error ? "err" : undefined}
                      title={error ? errorTitle(r, c, error) : undefined}
                      style={style}
                      tabIndex={selected ? 0 : -1}
                      aria-selected={selected}
                      onClick={(e) => focusCell(r, c, e.shiftKey)}
                      onDoubleClick={() => startEdit(content)}
                    >
                      {cell ? shown(cell.text, cell.value, locale, g) : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="tabs" role="tablist" aria-label={t.sheets}>
        {sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === current}
            className={s.name === current ? "tab on" : "tab"}
            onClick={() => onSheet(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      {alert && <AlertDialog lang={lang} style={alert.style} title={alert.title} message={tr(alert.message, lang)} onAnswer={answer} />}
    </div>
  );
}

/** A cell's text as the workbook's language shows it: error values by their local names (#ДЕЛ/0!). */
function shown(text: string, value: unknown, locale: Lang, g: ReturnType<typeof demoGridMessages>): string {
  if (locale !== "ru" || !isErrorText(value)) return text;
  return demoGridMessages("ru").errors[value]?.name ?? g.errors[value]?.name ?? text;
}

/** True when the cell holds left-aligned unwrapped text and the next cell is empty. */
function overflows(row: { text: string; wrapText: boolean; horizontalAlignment: string; value: unknown }[] | undefined, c: number, span: number): boolean {
  const cell = row?.[c];
  if (!cell || cell.text === "" || cell.wrapText || typeof cell.value !== "string") return false;
  if (cell.horizontalAlignment !== "General" && cell.horizontalAlignment !== "Left") return false;
  const next = row?.[c + span];
  return !next || next.text === "";
}

function align(h: string, value: unknown): React.CSSProperties["textAlign"] {
  switch (h) {
    case "Center":
    case "CenterAcrossSelection":
      return "center";
    case "Right":
      return "right";
    case "Left":
      return "left";
    default:
      return typeof value === "number" ? "right" : "left";
  }
}
