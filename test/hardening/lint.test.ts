/**
 * The lint rule of issue 8: no eval, no new Function (or string timers), no dangerouslySetInnerHTML
 * in our code. ESLint itself (the project's .eslint.config.mjs) must flag each sample below.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

/** Rule ids ESLint reports for `code` linted as if it were `file`. */
function ruleIds(code: string, file: string): string[] {
  const r = spawnSync(process.execPath, [ESLINT, "-c", ".eslint.config.mjs", "--format", "json", "--stdin", "--stdin-filename", file], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  if (!r.stdout) throw new Error(`eslint failed: ${r.stderr}`);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe("lint forbids code evaluation and raw HTML", () => {
  it.each([
    ["eval", "export const f = (s: string): unknown => eval(s);\n", "src/core/sample.ts", "no-eval"],
    ["new Function", 'export const g = new Function("a", "return a");\n', "src/excel/sample.ts", "no-new-func"],
    ["Function()", 'export const g = Function("return 1");\n', "src/functions/sample.ts", "no-new-func"],
    ["a string timer", 'setTimeout("alert(1)", 10);\nexport {};\n', "src/taskpane/sample.ts", "no-restricted-syntax"],
    ["a template-string timer on window", "window.setInterval(`tick()`, 10);\nexport {};\n", "src/taskpane/sample.ts", "no-restricted-syntax"],
    [
      "dangerouslySetInnerHTML",
      'import * as React from "react";\nexport const A = (p: { html: string }) => <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n',
      "src/taskpane/screens/Sample.tsx",
      "no-restricted-syntax",
    ],
  ])("%s is an error", (_name, code, file, rule) => {
    expect(ruleIds(code, file)).toContain(rule);
  });

  it("timers with a function and jest.setTimeout(ms) pass", () => {
    expect(ruleIds("setTimeout(() => undefined, 10);\nwindow.setInterval(() => undefined, 10);\njest.setTimeout(1000);\nexport {};\n", "test/sample.test.ts")).toEqual([]);
  });

  it("plain code passes (the samples fail for the rule, not for syntax)", () => {
    expect(ruleIds('import * as React from "react";\nexport const A = (p: { text: string }) => <div>{p.text}</div>;\n', "src/taskpane/screens/Sample.tsx")).toEqual([]);
  });
});
