/**
 * Demo only: the project's sample documents (src/samples) — each as a Word file to download (then
 * pick it in the pane) and as a table pasted into a new sheet the way Word's copy gives it.
 */
import * as React from "react";
import type { Lang } from "../core/types";
import { fill } from "../i18n";
import * as strings from "../i18n/samples";
import { SAMPLES, type SampleDocument } from "../samples";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A data: URL of the bytes (small files; works where object URLs do not, e.g. jsdom). */
export function dataUrl(bytes: Uint8Array, type = DOCX_TYPE): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return `data:${type};base64,${btoa(s)}`;
}

/** Put the sample's grid on a new sheet at A1, select it and show it. */
export async function pasteSample(sample: SampleDocument, lang: Lang): Promise<string> {
  const grid = sample.grid();
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = grid.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const base = strings[lang].sheet;
    const taken = new Set(sheets.items.map((w) => w.name.toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    const ws = sheets.add(name);
    const range = ws.getRangeByIndexes(0, 0, rows.length, width);
    range.values = rows;
    range.format.wrapText = true;
    range.format.columnWidth = 110;
    ws.activate();
    range.select();
    await context.sync();
    return name;
  });
}

export function DemoSamples({ lang }: { lang: Lang }): React.JSX.Element {
  const t = strings[lang];
  const links = React.useMemo(() => SAMPLES.map((s) => dataUrl(s.docx())), []);
  return (
    <span className="samples" data-testid="demo-samples">
      <span className="note">{t.label}</span>
      {SAMPLES.map((s, i) => (
        <span key={s.file} className="sampledoc">
          <a href={links[i]} download={s.file} title={t.downloadHint}>
            {fill(t.download, { title: s.title[lang] })}
          </a>{" "}
          <button type="button" className="sample" title={t.pasteHint} onClick={() => void pasteSample(s, lang).catch((e) => console.error(e))}>
            {t.paste}
          </button>
        </span>
      ))}
    </span>
  );
}
