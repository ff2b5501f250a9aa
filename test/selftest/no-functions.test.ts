/**
 * «Самопроверка» in an Excel where the EDU.* functions are not registered under the names the
 * add-in writes (office-js 891 / 6614: a localized metadata file hides the English names): each
 * function check fails with the error the cell shows, #NAME?, and every other check passes. (Own
 * file: HyperFormula's function registry is per process, and here the EDU plugin is never loaded.)
 */
import { WRITTEN_FUNCTIONS } from "../../src/core/layout/formulas";
import { runSelfTest } from "../../src/excel/selftest";
import { createSimHost, installSimHost } from "../../src/sim";

test("without the custom functions every function check fails with #NAME?, the others pass, nothing is left behind", async () => {
  const host = createSimHost({ sheets: ["Лист1"] });
  const restore = installSimHost(host);
  try {
    const { report } = await runSelfTest({ wait: async () => undefined, payloadBytes: 100_000 });
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => [c.id, c.code])).toEqual(WRITTEN_FUNCTIONS.map((f) => [`function:${f}`, "#NAME?"]));
    expect(failed[0].message).toBe("=EDU.DELTA(2,5) gives #NAME?");
    expect(host.inspect.sheetNames()).toEqual([{ name: "Лист1", visibility: "Visible" }]);
  } finally {
    restore();
  }
});
