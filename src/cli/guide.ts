/**
 * `npm run guide` writes the user guide src/taskpane/help.html (shipped as dist/help.html) from the
 * catalog, the functions' metadata (read from the JSDoc of src/functions/functions.ts with the same
 * custom-functions-metadata the build uses), names-ru.json and src/i18n/guide.ts.
 * It also writes src/functions/signatures.json (names, descriptions, arguments) for the pane's
 * «Вставить функцию». `npm run guide -- --check` only says whether both are up to date (test/help does too).
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { renderGuide, type FunctionMeta, type RussianNames } from "../help/render";
import { signaturesOf } from "../help/signatures";

const ROOT = path.resolve(__dirname, "../..");
export const GUIDE_FILE = path.join(ROOT, "src/taskpane/help.html");
/** The functions' names, descriptions and arguments for the pane's «Вставить функцию» (generated with the guide). */
export const SIGNATURES_FILE = path.join(ROOT, "src/functions/signatures.json");
const FUNCTIONS_SOURCE = path.join(ROOT, "src/functions/functions.ts");
const NAMES_RU = path.join(ROOT, "src/functions/names-ru.json");

/** The English metadata of the functions, as the build generates it. */
export async function functionsMetadata(): Promise<FunctionMeta[]> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (result.errors.length) throw new Error(`functions metadata: ${result.errors.join("; ")}`);
  return (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
}

export async function buildGuide(): Promise<{ html: string; signatures: string }> {
  const namesRu = JSON.parse(readFileSync(NAMES_RU, "utf8")) as RussianNames;
  const functions = await functionsMetadata();
  return { html: renderGuide({ functions, namesRu }), signatures: `${JSON.stringify(signaturesOf(functions, namesRu), null, 2)}\n` };
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
  const built = await buildGuide();
  const files: [string, string][] = [[GUIDE_FILE, built.html], [SIGNATURES_FILE, built.signatures]];
  if (argv.includes("--check")) {
    const stale = files.filter(([file, text]) => readFileSync(file, "utf8") !== text).map(([file]) => path.relative(ROOT, file));
    console.log(stale.length ? `Out of date: ${stale.join(", ")}: run \`npm run guide\`.` : "help.html and signatures.json are up to date.");
    return stale.length ? 1 : 0;
  }
  for (const [file, text] of files) {
    writeFileSync(file, text);
    console.log(`Wrote ${path.relative(ROOT, file)} (${Buffer.byteLength(text)} bytes).`);
  }
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
