/**
 * The browser demo: office.js from node_modules (outside Office it reports no host), the simulated
 * Excel installed as globalThis.Excel, and the real task pane told it runs in Excel, with the same
 * src/excel commands. Never part of the production add-in.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale } from "../i18n";
import { createSimHost, installSimHost } from "../sim";
import { registerEduFunctions, setFunctionMessageLanguage } from "../sim/functions-plugin";
import { excelCommands } from "../taskpane/wire";
import { DemoPage } from "./DemoPage";

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const lang = langFromLocale(params.get("lang") ?? "ru");
  const theme = params.get("theme") === "dark" ? "dark" : "light";
  // ?pane=320: the task pane alone at that width (Excel's pane is 320–350 px), the workbook unseen.
  const paneWidth = Number(params.get("pane")) || undefined;
  setFunctionMessageLanguage(lang);
  // EDU.* custom functions evaluated by HyperFormula, the same implementations as the add-in's.
  const host = createSimHost({ plugins: [registerEduFunctions()], sheets: [lang === "ru" ? "Лист1" : "Sheet1"], locale: lang === "ru" ? "ru-RU" : "en-US" });
  installSimHost(host);
  createRoot(container).render(<DemoPage host={host} commands={excelCommands()} lang={lang} theme={theme} paneWidth={paneWidth && paneWidth >= 200 && paneWidth <= 1000 ? paneWidth : undefined} />);
}

// office.js outside Office: onReady resolves with host null; install our Excel after it so nothing overwrites it.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    start();
  }).catch(() => start());
} else {
  start();
}
