/** The demo page: a banner saying what this is, the simulated workbook, and the real task pane beside it. */
import * as React from "react";
import type { Lang } from "../core/types";
import type { SimHost } from "../sim";
import { messages } from "../i18n";
import { App } from "../taskpane/App";
import type { Commands } from "../taskpane/commands";
import { setFunctionMessageLanguage } from "../sim/functions-plugin";
import { Grid } from "./Grid";
import { PASTE } from "./sampleRoadmap";
import { DemoSamples } from "./Samples";

/** Demo only: put the sample road map on a new sheet as a paste from Word would, and select it. */
async function pasteSampleRoadmap(lang: Lang): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const base = lang === "ru" ? "Вставка из Word" : "Pasted from Word";
    const taken = new Set(sheets.items.map((w) => w.name.toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    const ws = sheets.add(name);
    const range = ws.getRange(`A1:F${PASTE.length}`);
    range.values = PASTE;
    range.format.wrapText = true;
    ws.getRange("A:F").format.columnWidth = 110;
    ws.activate();
    range.select();
    await context.sync();
  });
}

export interface DemoPageProps {
  host: SimHost;
  commands: Commands;
  lang: Lang;
  /** The Office theme to imitate (?theme=dark). */
  theme?: "light" | "dark";
  /** Show the task pane alone, this many CSS pixels wide (as Excel's pane webview), without the workbook. */
  paneWidth?: number;
}

export function DemoPage({ host, commands, lang: initialLang, theme = "light", paneWidth }: DemoPageProps): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [version, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState(() => host.inspect.activeSheet());
  const lastActive = React.useRef(host.inspect.activeSheet());
  const t = messages(lang).demo;

  React.useEffect(() => {
    let frame = 0;
    const listener = (e: { source: "api" | "user" }) => {
      if (e.source === "api") {
        // Follow Excel: when a command activates another sheet, show it.
        const active = host.inspect.activeSheet();
        if (active !== lastActive.current) {
          lastActive.current = active;
          setSheet(active);
        }
      }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    host.inspect.onChange(listener);
    return () => host.inspect.offChange(listener);
  }, [host]);

  React.useEffect(() => {
    // EDU.* error messages follow the pane's language.
    setFunctionMessageLanguage(lang);
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang, t.title]);

  // The pane's "go to sheet" also switches the grid (the command, when present, activates it in the workbook).
  const paneCommands = React.useMemo<Commands>(
    () => ({
      ...commands,
      activateSheet: async (name: string) => {
        if (commands.activateSheet) await commands.activateSheet(name);
        setSheet(name);
      },
    }),
    [commands],
  );
  const onlyEmpty = host.inspect.sheetNames().length <= 1;
  // A click on a sheet tab activates the sheet, as in Excel (commands then see it as the active sheet).
  const showSheet = (name: string) => {
    host.inspect.activate(name);
    lastActive.current = name;
    setSheet(name);
  };

  if (paneWidth) {
    return (
      <main className="panealone" style={{ width: paneWidth }} aria-label={t.pane}>
        <App lang={initialLang} host="excel" theme={theme} commands={paneCommands} onLangChange={setLang} />
      </main>
    );
  }

  return (
    <div className="page">
      <header className="banner">
        <img src="assets/icon-32.png" alt="" width={24} height={24} />
        <strong>{t.title}</strong>
        <span className="badge">DEMO</span>
        <span className="note">{t.note}</span>
        <button type="button" className="sample" title={t.sampleRoadmapHint} onClick={() => void pasteSampleRoadmap(lang).catch((e) => console.error(e))}>
          {t.sampleRoadmap}
        </button>
        <DemoSamples lang={lang} />
      </header>
      <div className="body">
        <section className="book" aria-label={t.workbook}>
          {onlyEmpty && <div className="empty">{t.empty}</div>}
          <Grid host={host} lang={lang} locale={initialLang} sheet={sheet} onSheet={showSheet} version={version} />
        </section>
        <aside className="pane" aria-label={t.pane}>
          <div className="panehead">{t.pane}</div>
          <div className="panebody">
            <App lang={initialLang} host="excel" theme={theme} commands={paneCommands} onLangChange={setLang} />
          </div>
        </aside>
      </div>
    </div>
  );
}
