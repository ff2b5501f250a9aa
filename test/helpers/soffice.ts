/**
 * LibreOffice for the tests that recalculate or print .xlsx files. Where soffice is missing those
 * tests cannot run: they are skipped with the reason in their name, and the reason is printed.
 */
import { pathToFileURL } from "url";
import { findSoffice, SOFFICE_MISSING, sofficeHasWriter, WRITER_MISSING } from "../../src/cli/tools";

export const soffice = findSoffice();

/** `it`, or `it.skip` under a title that says why, with the reason printed once per file. */
export function itWithSoffice(title: string, fn: () => Promise<void>, timeout?: number): void {
  if (soffice) {
    it(title, fn, timeout);
    return;
  }
  console.warn(`${title}: SKIPPED — ${SOFFICE_MISSING}`);
  it.skip(`${title} — skipped: ${SOFFICE_MISSING}`, fn);
}

/** The -env:UserInstallation argument for a LibreOffice profile folder (a file URL on every OS). */
export const profileArg = (dir: string): string => `-env:UserInstallation=${pathToFileURL(dir).href}`;

/** `itWithSoffice` for checks that open Word files: LibreOffice with Writer, or a skip saying why. */
export function itWithWriter(title: string, fn: () => Promise<void>, timeout?: number): void {
  if (soffice && sofficeHasWriter(soffice)) {
    it(title, fn, timeout);
    return;
  }
  const why = soffice ? WRITER_MISSING : SOFFICE_MISSING;
  console.warn(`${title}: SKIPPED — ${why}`);
  it.skip(`${title} — skipped: ${why}`, fn);
}
