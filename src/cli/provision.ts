/**
 * `npm test`'s first step: make sure the programs the tests drive are here.
 *   - a Chromium-family browser (task pane and demo tests): required;
 *   - LibreOffice's soffice (recalculation and print checks): optional, those tests say why they skip.
 * On Debian/Ubuntu as root, missing ones are installed with apt-get (chromium,
 * libreoffice-calc-nogui, libreoffice-writer-nogui). Elsewhere a missing browser stops the run with one line saying what to
 * install. `--check` only reports (installs nothing).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { browserMissingLine, findBrowser, findSoffice, SOFFICE_MISSING, sofficeHasWriter } from "./tools";

const HELP = `Usage: npm run provision [-- --check]

Finds (and on Debian/Ubuntu as root installs with apt-get) what the tests need:
  a browser    Chromium, Chrome or Edge (or CHROMIUM_PATH=<executable>)   required
  LibreOffice  soffice (or SOFFICE_PATH=<executable>)                     optional: its checks skip, saying why
Options:
  --check      report only, install nothing
  --help       this text`;

function canApt(): boolean {
  return process.platform === "linux" && typeof process.getuid === "function" && process.getuid() === 0 && fs.existsSync("/usr/bin/apt-get");
}

function apt(args: string[]): boolean {
  const r = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return r.status === 0;
}

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length) {
    console.error(`Unknown argument: ${unknown[0]} (see --help)`);
    return 2;
  }
  const checkOnly = argv.includes("--check");
  let browser = findBrowser();
  let soffice = findSoffice();
  // Writer opens the sample Word documents (test/samples).
  const missing = [...(browser ? [] : ["chromium"]), ...(soffice ? [] : ["libreoffice-calc-nogui"]), ...(soffice && sofficeHasWriter(soffice) ? [] : ["libreoffice-writer-nogui"])];
  if (missing.length && !checkOnly && canApt()) {
    console.log(`provision: installing ${missing.join(", ")} with apt-get (a few minutes, once) …`);
    if (apt(["update", "-q"]) && apt(["install", "-y", "-q", "--no-install-recommends", ...missing])) {
      browser = findBrowser();
      soffice = findSoffice();
    } else {
      console.error("provision: apt-get failed (see above).");
    }
  }
  console.log(`provision: browser ${browser ?? "MISSING"}; LibreOffice ${soffice ?? "missing"}`);
  if (!soffice) console.log(`provision: ${SOFFICE_MISSING}`);
  if (!browser) {
    console.error(browserMissingLine());
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`provision: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
