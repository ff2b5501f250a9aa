/**
 * The task pane: header with the language switch, host status, and the journeys as tabs
 * (Fill a report · Compare periods · Targets and risks · Road map · Summary · Sending · Functions; the last four load on
 * first visit), «Справка» (the user guide, in its own window) and «Самопроверка» (self-test) opened from the footer in place of the sections (loaded on first visit). Commands arrive as props.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/types";
import { messages } from "../i18n";
import { IMPORT_OPEN } from "../i18n/importEntry";
import type { Commands } from "./commands";
import { HostReady } from "./components/Feedback";
import { Tabs } from "./components/Tabs";
import { useReportInfo } from "./hooks/useReportInfo";
import { ComparePeriods } from "./screens/ComparePeriods";
import { FillReport } from "./screens/FillReport";
import { TargetsRisks } from "./screens/TargetsRisks";
import * as helpStrings from "../i18n/help";

/** Where the pane runs: inside Excel, inside another Office app, or in a plain browser. */
export type HostStatus = "loading" | "excel" | "otherHost" | "outsideOffice";
export type Journey = "fill" | "compare" | "targets" | "roadmap" | "consolidate" | "share" | "functions";
const JOURNEYS: Journey[] = ["fill", "compare", "targets", "roadmap", "consolidate", "share", "functions"];
/** Journeys whose screens load on first visit (separate chunks). */
const LAZY: ReadonlySet<Journey> = new Set<Journey>(["roadmap", "consolidate", "share", "functions"]);

const Roadmap = React.lazy(() => import(/* webpackChunkName: "roadmap-screen" */ "./screens/Roadmap").then((m) => ({ default: m.Roadmap })));
const Share = React.lazy(() => import(/* webpackChunkName: "share-screen" */ "./screens/Share").then((m) => ({ default: m.Share })));
const SelfTest = React.lazy(() => import(/* webpackChunkName: "selftest-screen" */ "./screens/SelfTest").then((m) => ({ default: m.SelfTest })));
const InsertFunction = React.lazy(() => import(/* webpackChunkName: "formula-screen" */ "./screens/InsertFunction").then((m) => ({ default: m.InsertFunction })));
const ImportTable = React.lazy(() => import(/* webpackChunkName: "import-screen" */ "./screens/ImportTable").then((m) => ({ default: m.ImportTable })));
const Consolidate = React.lazy(() => import(/* webpackChunkName: "consolidate-screen" */ "./screens/Consolidate").then((m) => ({ default: m.Consolidate })));

export interface AppProps {
  /** The first language (from Office's display language); the user can switch. */
  lang: Lang;
  host: HostStatus;
  commands?: Commands;
  theme?: "light" | "dark";
  /** Told when the user switches the language (the demo page follows it). */
  onLangChange?: (lang: Lang) => void;
  /** Today (tests). */
  today?: Date;
  /** Where the icon lives relative to the page. */
  assetsBase?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  title: { margin: 0 },
  footer: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, marginTop: "auto" },
  privacy: { flexGrow: 1, flexBasis: "12em" },
});

const intent = { loading: "info", excel: "success", otherHost: "warning", outsideOffice: "warning" } as const;

export function App({ lang: initialLang, host, commands = {}, theme = "light", onLangChange, today, assetsBase = "" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  React.useEffect(() => setLang(initialLang), [initialLang]);
  const [journey, setJourney] = React.useState<Journey>("fill");
  const [visited, setVisited] = React.useState<ReadonlySet<Journey>>(() => new Set<Journey>(["fill"]));
  /** «Самопроверка» replaces the sections while open (they stay mounted, hidden). */
  const [selfTest, setSelfTest] = React.useState(false);
  const [selfTestVisited, setSelfTestVisited] = React.useState(false);
  const selfTestButton = React.useRef<HTMLButtonElement>(null);
  const openSelfTest = () => {
    setSelfTest(true);
    setSelfTestVisited(true);
  };
  const closeSelfTest = React.useCallback(() => setSelfTest(false), []);
  // Back from «Самопроверка»: focus returns to the button that opened it.
  const wasOpen = React.useRef(false);
  React.useEffect(() => {
    if (!selfTest && wasOpen.current) selfTestButton.current?.focus();
    wasOpen.current = selfTest;
  }, [selfTest]);
  /** «Загрузить таблицу показателей» opens under «Заполнить отчёт» (its screen loads on first open). */
  const [importOpen, setImportOpen] = React.useState(false);
  const [generation, setGeneration] = React.useState(0);
  const bump = React.useCallback(() => setGeneration((g) => g + 1), []);
  const report = useReportInfo(commands, generation);
  const t = messages(lang);
  const h = helpStrings[lang];
  const other: Lang = lang === "ru" ? "en" : "ru";
  const switchLang = () => {
    setLang(other);
    onLangChange?.(other);
  };

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang} style={{ height: "100%" }}>
      <main className={styles.root} lang={lang}>
        <header className={styles.header}>
          <img className={styles.logo} src={`${assetsBase}assets/icon-80.png`} alt="" />
          <div className={styles.titles}>
            <Subtitle1 as="h1" className={styles.title}>
              {t.app.name}
            </Subtitle1>
            <Caption1>{t.app.tagline}</Caption1>
          </div>
          <Button size="small" appearance="outline" onClick={switchLang} aria-label={t.app.switchLangLabel} lang={other}>
            {t.app.switchLang}
          </Button>
        </header>
        {host !== "excel" && (
          <MessageBar intent={intent[host]} layout="multiline">
            <MessageBarBody>{t.host[host]}</MessageBarBody>
          </MessageBar>
        )}
        {selfTestVisited && (
          <div hidden={!selfTest}>
            <React.Suspense fallback={<Spinner size="small" label={t.common.busy} />}>
              <HostReady.Provider value={host === "excel"}>
                <SelfTest lang={lang} active={selfTest} runSelfTest={commands.runSelfTest} onBack={closeSelfTest} />
              </HostReady.Provider>
            </React.Suspense>
          </div>
        )}
        {/* The sections stay mounted (their state kept) while «Самопроверка» is open. */}
        <div hidden={selfTest} style={selfTest ? undefined : { display: "contents" }}>
          <Tabs
            label={t.app.journeys}
            tabs={JOURNEYS.map((j) => ({ value: j, label: j === "functions" ? h.tab : t.tabs[j] }))}
            selected={journey}
            onSelect={(j) => {
              setJourney(j);
              setVisited((v) => (v.has(j) ? v : new Set([...v, j])));
              if (j !== "fill") report.reload();
            }}
          />
          <HostReady.Provider value={host === "excel"}>
            {JOURNEYS.map((j) => (
              <div key={j} id={`panel-${j}`} role="tabpanel" aria-labelledby={`tab-${j}`} hidden={journey !== j}>
                {j === "fill" && <FillReport lang={lang} commands={commands} today={today} onInserted={bump} />}
                {j === "fill" && (
                  <Button appearance="subtle" aria-expanded={importOpen} onClick={() => setImportOpen((x) => !x)}>
                    {IMPORT_OPEN[lang]}
                  </Button>
                )}
                {j === "fill" && importOpen && (
                  <React.Suspense fallback={<Spinner size="small" label={t.common.busy} />}>
                    <ImportTable lang={lang} report={report.info} previewImport={commands.previewImport} writeImport={commands.writeImport} readDocx={commands.readWordFile} consolidateTable={commands.consolidateTable} activateSheet={commands.activateSheet} onChanged={bump} today={today} />
                  </React.Suspense>
                )}
                {j === "compare" && <ComparePeriods lang={lang} commands={commands} report={report} />}
                {j === "targets" && <TargetsRisks lang={lang} commands={commands} report={report} onChanged={bump} />}
                {LAZY.has(j) && visited.has(j) && (
                  <React.Suspense fallback={<Spinner size="small" label={t.common.busy} />}>
                    {j === "roadmap" && <Roadmap lang={lang} importRoadmap={commands.importRoadmap} activateSheet={commands.activateSheet} readWordFile={commands.readWordFile} onChanged={bump} />}
                    {j === "share" && <Share lang={lang} freezeForSending={commands.freezeForSending} restoreFormulas={commands.restoreFormulas} onChanged={bump} />}
                    {j === "functions" && <InsertFunction lang={lang} readSelection={commands.readSelection} insertFormula={commands.insertFormula} openHelp={commands.openHelp} />}
                    {j === "consolidate" && <Consolidate lang={lang} consolidate={commands.consolidate} readSchoolFile={commands.readSchoolFile} activateSheet={commands.activateSheet} />}
                  </React.Suspense>
                )}
              </div>
            ))}
          </HostReady.Provider>
        </div>
        <footer className={styles.footer}>
          <Caption1 className={styles.privacy}>{t.app.privacy}</Caption1>
          {/* The guide opens outside the pane: Office's browser window when the host has one, else the link itself. */}
          <Button
            as="a"
            href="help.html"
            target="_blank"
            rel="noopener noreferrer"
            size="small"
            appearance="subtle"
            title={h.openHint}
            onClick={(e: React.MouseEvent) => {
              if (!commands.openHelp) return;
              e.preventDefault();
              commands.openHelp();
            }}
          >
            {h.open}
          </Button>
          {!selfTest && (
            <Button ref={selfTestButton} size="small" appearance="subtle" onClick={openSelfTest} title={t.app.selfTestHint}>
              {t.app.selfTest}
            </Button>
          )}
        </footer>
      </main>
    </FluentProvider>
  );
}
