/**
 * Open the user guide (help.html on the add-in's own origin) outside the task pane: in Office with
 * Office.context.ui.openBrowserWindow (OpenBrowserWindowApi 1.1: the system browser), elsewhere
 * (the demo, an older Office) with window.open.
 */
import { GUIDE_PAGE } from "../help/anchors";

/** The guide's absolute URL, at `anchor` when given, relative to the pane's page. */
export function guideUrl(anchor?: string, base: string = globalThis.location?.href ?? ""): string {
  return new URL(`${GUIDE_PAGE}${anchor ? `#${anchor}` : ""}`, base).href;
}

export function openHelp(anchor?: string): void {
  const url = guideUrl(anchor);
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const ui = office?.context?.ui;
    if (ui && typeof ui.openBrowserWindow === "function" && office?.context?.requirements?.isSetSupported("OpenBrowserWindowApi", "1.1")) {
      ui.openBrowserWindow(url);
      return;
    }
  } catch {
    /* not in Office: open it as a page */
  }
  globalThis.open?.(url, "_blank", "noopener");
}
