/**
 * The simulated workbook as Excel shows it: formula bar, the cells of the active sheet (values as
 * HyperFormula computes them, fills, conditional colours, merges, widths) and the sheet tabs.
 * Typing goes through host.inspect.userEdit, so protection and data validation apply as in Excel.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import type { Lang, Text } from "../core/types";
import type { SimHost } from "../sim";
import { fill, messages, tr } from "../i18n";
import { address, columnName, mergeLayout, px } from "./gridModel";

export interface GridProps {
  host: SimHost;
  lang: Lang;
  sheet: string;
  onSheet: (name: string) => void;
  /** Bumped on every workbook change. */
  version: number;
}

type Notice = { kind: "warning" | "error"; title: string; message: Text } | null;

/** A cell of a hidden column: no text, padding or border (its column is 0 wide). */
const HIDDEN_CELL: React.CSSProperties = { padding: 0, border: "none", fontSize: 0, overflow: "hidden" };

export function Grid({ host, lang, sheet, onSheet, version }: GridProps): React.JSX.Element {
  const t = messages(lang).demo;
  const [sel, setSel] = React.useState({ r: 0, c: 0 });
  const [draft, setDraft] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);

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
  const selInfo = current ? host.inspect.cell(current, selAddr) : null;
  const content = selInfo ? (selInfo.formula ?? (selInfo.value === "" ? "" : String(selInfo.text || selInfo.value))) : "";
  const editable = selInfo ? !(snap?.protected && selInfo.locked) : false;

  React.useEffect(() => setSel({ r: 0, c: 0 }), [current]);
  React.useEffect(() => {
    setDraft(null);
    setNotice(null);
  }, [current, sel.r, sel.c]);

  /** Start editing in the formula bar with `text` (synchronously, so the next keystrokes land after it). */
  const startEdit = (text: string) => {
    flushSync(() => setDraft(text));
    const input = inputRef.current;
    if (input) {
      input.focus();
      input.setSelectionRange(text.length, text.length);
    }
  };

  const focusCell = (r: number, c: number) => {
    setSel({ r, c });
    // The cell is already in the DOM (same sheet): focus it now, so keys typed next reach it.
    gridRef.current?.querySelector<HTMLElement>(`[data-addr="${address(r, c)}"]`)?.focus();
  };

  const commit = () => {
    if (draft === null || !current) return;
    const result = host.inspect.userEdit(current, selAddr, draft);
    setDraft(null);
    if (!result.ok) {
      setNotice({ kind: "error", title: result.title || t.refused, message: result.message });
      return;
    }
    setNotice(result.warning ? { kind: "warning", title: result.warning.title || t.warning, message: result.warning.message } : null);
    focusCell(Math.min(sel.r + 1, rows - 1), sel.c);
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1] };
    const mv = moves[e.key];
    if (mv && !(e.key === "Tab" && (sel.c + mv[1] < 0 || sel.c + mv[1] >= cols))) {
      e.preventDefault();
      focusCell(Math.max(0, Math.min(rows - 1, sel.r + mv[0])), Math.max(0, Math.min(cols - 1, sel.c + mv[1])));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(content);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const result = current ? host.inspect.userEdit(current, selAddr, "") : null;
      if (result && !result.ok) setNotice({ kind: "error", title: result.title || t.refused, message: result.message });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
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
        <div className={`notice ${notice.kind}`} role="alert">
          <strong>{notice.title}.</strong> {tr(notice.message, lang)}
        </div>
      ) : (
        <div className="notice hint">{selInfo && !editable ? t.protectedHint : t.formulaHint}</div>
      )}
      <div className="gridwrap" ref={gridRef}>
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
                  const span = merges.spans.get(key);
                  const selected = r === sel.r && c === sel.c;
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
                      className={selected ? "sel" : undefined}
                      style={style}
                      tabIndex={selected ? 0 : -1}
                      aria-selected={selected}
                      onClick={() => focusCell(r, c)}
                      onDoubleClick={() => startEdit(content)}
                    >
                      {cell?.text ?? ""}
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
    </div>
  );
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
