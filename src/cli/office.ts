/**
 * `npm start` / `npm stop`: sideload the add-in into Excel desktop through office-addin-debugging
 * (Windows and macOS). Elsewhere it explains what to do instead and exits 0.
 */
import { spawnSync } from "child_process";
import * as path from "path";

export type Command = "start" | "stop";

const ROOT = path.resolve(__dirname, "../..");

/** The office-addin-debugging arguments for a command. */
export function debuggingArgs(command: Command): string[] {
  return command === "start" ? ["start", "manifest.xml", "desktop", "--app", "excel"] : ["stop", "manifest.xml"];
}

/** What to tell a user on a platform without Excel desktop (Russian, then English). */
export function unsupportedPlatformMessage(command: Command, platform: string): string {
  if (command === "stop") {
    return [
      `Excel для настольного компьютера недоступен на этой платформе (${platform}): останавливать нечего.`,
      `Excel desktop is not available on this platform (${platform}): nothing to stop.`,
    ].join("\n");
  }
  return [
    `Excel для настольного компьютера есть только в Windows и macOS; эта платформа — ${platform}.`,
    "Что можно сделать:",
    "  • Excel в браузере: запустите `npm run dev-server`, затем в Excel выберите Главная → Надстройки →",
    "    Другие надстройки → Мои надстройки → Загрузить мою надстройку и укажите manifest.xml",
    "    (в старых версиях: Вставка → Надстройки Office).",
    "  • Без Excel: `npm run demo` открывает панель надстройки рядом с имитацией книги в браузере.",
    "",
    `Excel desktop runs only on Windows and macOS; this platform is ${platform}.`,
    "What you can do instead:",
    "  • Excel on the web: run `npm run dev-server`, then in Excel choose Home → Add-ins →",
    "    More Add-ins → My Add-ins → Upload My Add-in and pick manifest.xml",
    "    (older versions: Insert → Office Add-ins).",
    "  • Without Excel: `npm run demo` shows the task pane beside a simulated workbook in a browser.",
  ].join("\n");
}

function run(command: Command, platform: NodeJS.Platform): number {
  if (platform !== "win32" && platform !== "darwin") {
    console.log(unsupportedPlatformMessage(command, platform));
    return 0;
  }
  let cli: string;
  try {
    cli = require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
  } catch {
    console.error("office-addin-debugging is not installed: run `npm ci` first. / Сначала выполните `npm ci`.");
    return 1;
  }
  const result = spawnSync(process.execPath, [cli, ...debuggingArgs(command)], { cwd: ROOT, stdio: "inherit" });
  if (result.error) {
    console.error(`office-addin-debugging ${command} failed: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (require.main === module) {
  const command = process.argv[2];
  if (command !== "start" && command !== "stop") {
    console.error("Usage: ts-node src/cli/office.ts start|stop");
    process.exitCode = 2;
  } else {
    process.exitCode = run(command, process.platform);
  }
}
