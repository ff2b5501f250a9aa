/** Excel's automatic percent entry in the simulated host (src/sim/host/entry.ts). */
import { createSimHost, installSimHost, isPercentFormat, percentEntry } from "../../src/sim";

describe("automatic percent entry", () => {
  it("knows percent formats", () => {
    expect(isPercentFormat("0.0%")).toBe(true);
    expect(isPercentFormat("0%;-0%")).toBe(true);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(isPercentFormat("0;0%")).toBe(false);
  });

  it("a number with integer digits is percent points; one without is the fraction; «%» reads as usual", () => {
    expect(percentEntry("85", 85)).toBe(0.85);
    expect(percentEntry("0,52", 0.52)).toBe(0.0052);
    expect(percentEntry("42,5", 42.5)).toBe(0.425);
    expect(percentEntry(".1", 0.1)).toBe(0.1);
    expect(percentEntry(",85", 0.85)).toBe(0.85);
    expect(percentEntry("85%", 0.85)).toBe(0.85);
    expect(percentEntry("-10", -10)).toBe(-0.1);
  });

  describe("typed into a cell of the host", () => {
    const host = createSimHost({ sheets: ["Лист1"], locale: "ru-RU" });
    let uninstall: () => void;
    beforeAll(async () => {
      uninstall = installSimHost(host);
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Лист1");
        ws.getRange("A1").numberFormat = [["0.0%"]];
        ws.getRange("A2").numberFormat = [["0.00"]];
        await context.sync();
      });
    });
    afterAll(() => uninstall());
    const type = (a1: string, input: string) => {
      expect(host.inspect.userEdit("Лист1", a1, input, { autoPercentEntry: true }).ok).toBe(true);
      return host.inspect.cell("Лист1", a1);
    };

    it.each([
      ["85", 0.85, "85,0%"],
      ["85%", 0.85, "85,0%"],
      ["85 %", 0.85, "85,0%"],
      [",85", 0.85, "85,0%"],
      ["0,85", 0.0085, "0,9%"],
      ["42,5", 0.425, "42,5%"],
    ])("%s in a %% cell → %s (%s)", (input, value, text) => {
      const c = type("A1", input);
      expect(c.value).toBe(value);
      expect(c.text).toBe(text);
    });

    it("other cells and the option off keep the number as typed", () => {
      expect(type("A2", "85").value).toBe(85);
      expect(type("A2", "42,5").value).toBe(42.5);
      host.inspect.userEdit("Лист1", "A1", "85", { autoPercentEntry: false });
      expect(host.inspect.cell("Лист1", "A1").value).toBe(85);
    });
  });
});
