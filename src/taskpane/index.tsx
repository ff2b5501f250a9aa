/** Production entry of the task pane: Office decides the host, language and theme; src/excel gives the commands. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/types";
import { langFromLocale } from "../i18n";
import { App, type HostStatus } from "./App";
import { excelCommands } from "./wire";
import { officeDisplayLanguage, officeThemeKind } from "./office";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const browserLang = langFromLocale(typeof navigator === "undefined" ? undefined : navigator.language);
  const render = (lang: Lang, host: HostStatus) =>
    root.render(<App lang={lang} host={host} theme={officeThemeKind() ?? "light"} commands={host === "excel" ? excelCommands() : {}} />);

  if (typeof Office === "undefined") {
    // office.js did not load (blocked or offline): show the pane anyway.
    render(browserLang, "outsideOffice");
  } else {
    render(browserLang, "loading");
    Office.onReady((info) => {
      if (!info.host) {
        render(browserLang, "outsideOffice");
        return;
      }
      render(langFromLocale(officeDisplayLanguage()), info.host === Office.HostType.Excel ? "excel" : "otherHost");
    });
  }
}
