/**
 * CI budgets of the task pane's JavaScript in dist/ (`npm test` builds it before jest runs): what
 * the page loads before its first render (every script and preload of taskpane.html but office.js,
 * which Microsoft's CDN serves) at most 160 KB gzip; functions.js at most 30 KB gzip. Moved here
 * from test/build/size.test.ts. (The official React task-pane template alone weighs 165 KB.)
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, FUNCTIONS_BUDGET, PANE_INITIAL_BUDGET, pageScripts, paneSizes, type PaneSizes } from "../../src/cli/bench-pane";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

let sizes: PaneSizes;
beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does it).");
  sizes = paneSizes();
  console.log(
    `task pane JavaScript before first render: ${kb(sizes.initialGzip)} gzip (${sizes.initial.map((s) => `${s.file} ${kb(s.gzip)}`).join(", ")}); ` +
      `lazy: ${sizes.lazy.map((s) => `${s.file} ${kb(s.gzip)}`).join(", ") || "none"}`,
  );
});

describe("pageScripts", () => {
  it("lists local scripts and script preloads in order, without office.js or other hosts", () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script src="office-js/office.js"></script>' +
      "<link rel=preload as=script href=vendor.js><link rel=icon href=a.png><script defer src=functions.js></script>" +
      "<script defer src='taskpane.js'></script><script src=//cdn.example.org/x.js></script>";
    expect(pageScripts(html)).toEqual(["vendor.js", "functions.js", "taskpane.js"]);
  });
});

describe("task pane JavaScript budget", () => {
  it("taskpane.html loads functions.js and taskpane.js, and every script it names exists", () => {
    const files = sizes.initial.map((s) => s.file);
    expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const f of files) expect(fs.existsSync(path.join(DIST, f))).toBe(true);
  });

  it(`loads at most ${PANE_INITIAL_BUDGET / 1024} KB gzip before the first render`, () => {
    expect(sizes.initialGzip).toBeGreaterThan(10 * 1024); // the real bundle, not an empty file
    expect(sizes.initialGzip).toBeLessThanOrEqual(PANE_INITIAL_BUDGET);
  });

  it(`functions.js is at most ${FUNCTIONS_BUDGET / 1024} KB gzip`, () => {
    const f = sizes.initial.find((s) => s.file === "functions.js");
    expect(f).toBeDefined();
    expect(f!.gzip).toBeGreaterThan(1024);
    expect(f!.gzip).toBeLessThanOrEqual(FUNCTIONS_BUDGET);
  });
});
