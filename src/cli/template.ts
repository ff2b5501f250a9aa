/**
 * `npm run template -- --out FILE [--lang ru|en] [--year 2023/24] [--school NAME]`
 * Writes the standard report sheets as an .xlsx for schools without the add-in: all periods of
 * the year, all sections except the optional ones (partnership, pupil context).
 */

import { writeFileSync } from "fs";
import { buildReportPlan, validateReportOptions, type ReportOptions } from "../core/layout";
import { currentSchoolYear as schoolYearOn, parseSchoolYear, periodsOf } from "../core/periods";
import type { Lang } from "../core/types";
import { writePlanToXlsx } from "../xlsx/write";

const USAGE = "Usage: npm run template -- --out FILE [--lang ru|en] [--year 2023/24] [--school NAME]";
const HELP = `${USAGE}

Writes the standard report workbook (.xlsx) for a school that cannot install the add-in: every
period of the school year, every section but the optional partnership and pupil context, the
same formulas, validation and protection as the add-in's sheets.
  --out FILE       where to write the .xlsx (required)
  --lang ru|en     sheet language (default ru)
  --year 2023/24   school year (default: the current one, from 1 September)
  --school NAME    school name for «Паспорт» (default empty)
  --help           this text`;

/** The school year running on `date` (it starts on 1 September). */
export function currentSchoolYear(date = new Date()): number {
  return schoolYearOn(date);
}

export interface TemplateArgs {
  out: string;
  lang: Lang;
  year: number;
  school: string;
}

/** Parse the command line; returns an error text instead of throwing. */
export function parseArgs(argv: string[]): TemplateArgs | { error: string } | { help: true } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const args: Partial<TemplateArgs> = { lang: "ru", year: currentSchoolYear(), school: "" };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!["--out", "--lang", "--year", "--school"].includes(key)) return { error: `Unknown argument: ${key}\n${USAGE}` };
    if (value === undefined) return { error: `${key} needs a value\n${USAGE}` };
    i++;
    if (key === "--out") args.out = value;
    else if (key === "--lang") {
      if (value !== "ru" && value !== "en") return { error: `--lang must be ru or en\n${USAGE}` };
      args.lang = value;
    } else if (key === "--year") {
      const y = parseSchoolYear(value);
      if (y === null) return { error: `--year must look like 2023/24\n${USAGE}` };
      args.year = y;
    } else args.school = value;
  }
  if (!args.out) return { error: `--out is required\n${USAGE}` };
  return args as TemplateArgs;
}

export function templateOptions(a: TemplateArgs): ReportOptions {
  const periods = periodsOf(a.year, ["Q", "H", "Y", "E"]);
  return {
    school: a.school,
    schoolYear: a.year,
    periods,
    sections: ["subject", "staff", "facilities", "methods"],
    lang: a.lang,
    allowEmptySchool: true,
  };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ("help" in parsed) {
    console.log(HELP);
    return 0;
  }
  if ("error" in parsed) {
    console.error(parsed.error);
    return 2;
  }
  const options = templateOptions(parsed);
  const problems = validateReportOptions(options);
  if (problems.length) {
    console.error(problems.map((p) => p[parsed.lang]).join("\n"));
    return 2;
  }
  const data = await writePlanToXlsx(buildReportPlan(options));
  writeFileSync(parsed.out, data);
  console.log(`${parsed.out}: ${data.length} bytes`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
