/** Pure helpers of the demo grid: selection rectangles and the formula bar's text of constants. */
import { editText, rectAddress, selectionRect } from "../../src/demo/gridModel";

describe("grid model", () => {
  it("the selection between anchor and active cell, in A1", () => {
    expect(rectAddress(selectionRect({ r: 5, c: 3 }, { r: 1, c: 1 }))).toBe("B2:D6");
    expect(rectAddress(selectionRect({ r: 0, c: 0 }, { r: 0, c: 0 }))).toBe("A1");
  });

  it("the formula bar shows the full number, percent points with «%», text as shown", () => {
    expect(editText(1.23456, "1,23", false, false, "ru")).toBe("1,23456");
    expect(editText(0.855, "85,5%", true, false, "ru")).toBe("85,5%");
    expect(editText(0.1 + 0.2, "0,3", false, false, "ru")).toBe("0,3");
    expect(editText(0.855, "85.5%", true, false, "en")).toBe("85.5%");
    expect(editText(45292, "01.01.2024", false, true, "ru")).toBe("01.01.2024");
    expect(editText("текст", "текст", false, false, "ru")).toBe("текст");
    expect(editText("", "", false, false, "ru")).toBe("");
  });
});
