/**
 * The production task pane stays small: every script taskpane.html loads from dist/ (office.js
 * excluded — Microsoft's CDN serves it) at most 160 KB gzip. The official React task-pane template
 * alone weighs 165 KB. Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const DIST = path.resolve(__dirname, "../../dist");
const LIMIT = 160 * 1024;

function taskpaneScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // The production HTML is minified: attribute values may be unquoted.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/office\.js$/.test(src) && !/^https?:/.test(src));
}

describe("task pane size", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does it).");
  });

  it("taskpane.html loads the task pane bundle and office.js", () => {
    const scripts = taskpaneScripts();
    expect(scripts).toContain("taskpane.js");
    for (const s of scripts) expect(fs.existsSync(path.join(DIST, s))).toBe(true);
  });

  it(`its JavaScript, without office.js, is at most ${LIMIT / 1024} KB gzip`, () => {
    const sizes = taskpaneScripts().map((s) => ({ file: s, gzip: zlib.gzipSync(fs.readFileSync(path.join(DIST, s)), { level: 9 }).length }));
    const total = sizes.reduce((a, b) => a + b.gzip, 0);
    console.log(`task pane JavaScript: ${(total / 1024).toFixed(1)} KB gzip (${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(", ")})`);
    expect(total).toBeGreaterThan(10 * 1024); // the real bundle, not an empty file
    expect(total).toBeLessThanOrEqual(LIMIT);
  });
});
