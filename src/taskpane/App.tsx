import * as React from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/types";
import { messages } from "../i18n";

/** Where the pane runs: inside Excel, inside another Office app, or in a plain browser. */
export type HostStatus = "loading" | "excel" | "otherHost" | "outsideOffice";

export interface AppProps {
  lang: Lang;
  host: HostStatus;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  logo: { width: "40px", height: "40px", flexShrink: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const intent: Record<HostStatus, "info" | "success" | "warning"> = {
  loading: "info",
  excel: "success",
  otherHost: "warning",
  outsideOffice: "warning",
};

/** The task pane shell: name, host status and what the pane will offer. */
export function App({ lang, host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = messages(lang);
  const hostText = host === "loading" ? t.host.loading : t.host[host];
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-80.png" alt="" />
          <div>
            <Title3 as="h1">{t.app.name}</Title3>
            <br />
            <Caption1>{t.app.tagline}</Caption1>
          </div>
        </header>
        <MessageBar intent={intent[host]} layout="multiline">
          <MessageBarBody>{hostText}</MessageBarBody>
        </MessageBar>
        <Body1>{t.shell.functionsHint}</Body1>
        <section>
          <Subtitle2 as="h2">{t.shell.comingSoon}</Subtitle2>
          <ul className={styles.list}>
            {t.shell.sections.map((s) => (
              <li key={s}>
                <Body1>{s}</Body1>
              </li>
            ))}
          </ul>
        </section>
        <Caption1>{t.shell.privacy}</Caption1>
      </main>
    </FluentProvider>
  );
}
