import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/types";
import { langFromLocale } from "../i18n";
import { App, type HostStatus } from "./App";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  const render = (lang: Lang, host: HostStatus) => root.render(<App lang={lang} host={host} />);
  const browserLang = langFromLocale(typeof navigator === "undefined" ? undefined : navigator.language);

  if (typeof Office === "undefined") {
    // office.js did not load (blocked or offline): show the shell anyway.
    render(browserLang, "outsideOffice");
  } else {
    render(browserLang, "loading");
    Office.onReady((info) => {
      if (!info.host) {
        render(browserLang, "outsideOffice");
        return;
      }
      const lang = langFromLocale(Office.context?.displayLanguage);
      render(lang, info.host === Office.HostType.Excel ? "excel" : "otherHost");
    });
  }
}
