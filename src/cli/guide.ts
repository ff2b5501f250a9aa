/**
 * `npm run guide` writes the user guide src/taskpane/help.html (shipped as dist/help.html) from the
 * catalog, the functions' metadata (read from the JSDoc of src/functions/functions.ts with the same
 * custom-functions-metadata the build uses), names-ru.json and src/i18n/guide.ts.
 * `npm run guide -- --check` only says whether the committed page is up to date (test/help does too).
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { renderGuide, type FunctionMeta, type RussianNames } from "../help/render";

const ROOT = path.resolve(__dirname, "../..");
export const GUIDE_FILE = path.join(ROOT, "src/taskpane/help.html");
const FUNCTIONS_SOURCE = path.join(ROOT, "src/functions/functions.ts");
const NAMES_RU = path.join(ROOT, "src/functions/names-ru.json");

/** The English metadata of the functions, as the build generates it. */
export async function functionsMetadata(): Promise<FunctionMeta[]> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (result.errors.length) throw new Error(`functions metadata: ${result.errors.join("; ")}`);
  return (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
}

export async function buildGuide(): Promise<string> {
  const namesRu = JSON.parse(readFileSync(NAMES_RU, "utf8")) as RussianNames;
  return renderGuide({ functions: await functionsMetadata(), namesRu });
}

const HELP = `Usage: npm run guide [-- --check]

Writes the user guide src/taskpane/help.html (shipped as dist/help.html) from the indicator catalog,
the JSDoc of src/functions/functions.ts, src/functions/names-ru.json and src/i18n/guide.ts.
  --check   only report whether the committed page is up to date (exit 1 when it is not)
  --help    this text`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const html = await buildGuide();
  if (argv.includes("--check")) {
    const same = readFileSync(GUIDE_FILE, "utf8") === html;
    console.log(same ? "help.html is up to date." : "help.html is out of date: run `npm run guide`.");
    return same ? 0 : 1;
  }
  writeFileSync(GUIDE_FILE, html);
  console.log(`Wrote ${path.relative(ROOT, GUIDE_FILE)} (${Buffer.byteLength(html)} bytes).`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
