/**
 * Every example of README's function table («Функции / Functions») gives the result it shows:
 * `=EDU.NAME(a;b;…)` → value, Russian separators (`;`, decimal comma), an empty argument omitted.
 */
import * as fs from "fs";
import * as path from "path";
import { IMPLEMENTATIONS, type FunctionId } from "../../src/functions/impl";

const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
const table = README.slice(README.indexOf("## Функции / Functions"), README.indexOf("(Examples use the Russian argument separator"));

function arg(text: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  return Number(t.replace(",", ".").replace("−", "-"));
}

const examples = [...table.matchAll(/`=EDU\.([A-Z]+)\(([^`]*)\)` → (−?\d+(?:,\d+)?)/g)].map((m) => ({
  text: `EDU.${m[1]}(${m[2]}) → ${m[3]}`,
  id: m[1] as FunctionId,
  args: m[2].split(";").map(arg),
  shown: m[3],
}));

describe("README function examples", () => {
  it("are found for every function but TREND (a range)", () => {
    const ids = new Set(examples.map((e) => e.id));
    expect([...ids].sort()).toEqual(Object.keys(IMPLEMENTATIONS).filter((id) => id !== "TREND").sort());
    expect(examples.length).toBeGreaterThanOrEqual(14);
  });

  it.each(examples.map((e) => [e.text, e] as const))("%s", (_text, e) => {
    const f = IMPLEMENTATIONS[e.id] as (...a: unknown[]) => unknown;
    const got = f(...e.args);
    expect(typeof got).toBe("number");
    const decimals = e.shown.split(",")[1]?.length ?? 0;
    const expected = Number(e.shown.replace(",", ".").replace("−", "-"));
    // The README rounds to the digits it shows.
    expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
  });
});
