/**
 * LibreOffice for the tests that recalculate or print .xlsx files. Where soffice is missing those
 * tests cannot run: they are skipped with the reason in their name, and the reason is printed.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
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

/**
 * A LibreOffice profile in `dir`/profile that recalculates every .xlsx on load (files written by
 * exceljs carry no cached results); returns the profile folder for `profileArg`.
 */
export function recalcProfile(dir: string): string {
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  return profile;
}
