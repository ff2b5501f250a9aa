/**
 * Where the external programs that tests and the bench use live on this machine: a Chromium-family
 * browser (Chromium, Chrome or Edge, driven by playwright-core) and LibreOffice's `soffice`.
 * Environment variables win (CHROMIUM_PATH, SOFFICE_PATH); then the usual install locations on
 * Linux, macOS and Windows (the same places playwright-core's `chrome`/`msedge` channels look).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Flags for headless runs on any machine (no background traffic, no first-run UI, no GPU). */
export const BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

const exists = (p: string | undefined): p is string => !!p && fs.existsSync(p) && fs.statSync(p).isFile();

function windowsCandidates(rel: string[]): string[] {
  const roots = [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"]].filter((r): r is string => !!r);
  return roots.flatMap((root) => rel.map((r) => path.join(root, r)));
}

/** Browser executables to try, in order, for this platform. */
export function browserCandidates(platform = process.platform): string[] {
  if (platform === "win32") {
    return windowsCandidates(["Google\\Chrome\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe", "Chromium\\Application\\chrome.exe"]);
  }
  if (platform === "darwin") {
    const apps = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge", "Chromium.app/Contents/MacOS/Chromium"];
    return ["/Applications", path.join(process.env.HOME ?? "~", "Applications")].flatMap((dir) => apps.map((a) => path.join(dir, a)));
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/usr/bin/microsoft-edge-stable", "/snap/bin/chromium"];
}

/** The browser executable to drive, or null when none is installed. Throws when CHROMIUM_PATH names a missing file. */
export function findBrowser(): string | null {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!exists(env)) throw new Error(`CHROMIUM_PATH=${env}: no such file. Point it at chromium, chrome or msedge.`);
    return env;
  }
  return browserCandidates().find(exists) ?? null;
}

/** One line saying what to install so that the browser tests can run. */
export function browserMissingLine(platform = process.platform): string {
  const how =
    platform === "win32" || platform === "darwin"
      ? "install Google Chrome or Microsoft Edge"
      : "install Chromium (as root: apt-get install chromium; npm test does it itself when run as root)";
  return `No Chromium, Chrome or Edge found: ${how}, or set CHROMIUM_PATH to the browser's executable.`;
}

/** The browser executable, or an Error whose message is browserMissingLine(). */
export function requireBrowser(): string {
  const found = findBrowser();
  if (!found) throw new Error(browserMissingLine());
  return found;
}

/** LibreOffice's soffice, or null. */
export function findSoffice(platform = process.platform): string | null {
  const env = process.env.SOFFICE_PATH;
  if (env) return exists(env) ? env : null;
  const candidates =
    platform === "win32"
      ? windowsCandidates(["LibreOffice\\program\\soffice.exe"])
      : platform === "darwin"
        ? ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
        : ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];
  return candidates.find(exists) ?? null;
}

/**
 * Whether LibreOffice can open Word files (Writer): Debian splits it from Calc
 * (libreoffice-writer-nogui); elsewhere LibreOffice comes whole.
 */
export function sofficeHasWriter(soffice: string, platform = process.platform): boolean {
  if (platform !== "linux") return true;
  try {
    const program = path.dirname(fs.realpathSync(soffice));
    return fs.existsSync(path.join(program, "libswlo.so"));
  } catch {
    return false;
  }
}

/** Why the Word-file checks cannot run here (printed by the tests that skip). */
export const WRITER_MISSING =
  "LibreOffice Writer not found: these checks open .docx files — install it (Debian: apt-get install libreoffice-writer-nogui; npm test does it itself when run as root) or set SOFFICE_PATH to a full LibreOffice.";

/** Why the LibreOffice checks cannot run here (printed by the tests that skip). */
export const SOFFICE_MISSING =
  "LibreOffice (soffice) not found: these checks need it — install LibreOffice Calc (Debian: apt-get install libreoffice-calc-nogui; npm test does it itself when run as root) or set SOFFICE_PATH.";
