/**
 * @jest-environment jsdom
 */
/** The demo offers the sample documents: a .docx to download each, and a paste of each into a new sheet (simulated host). */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
// jsdom has neither; every browser the demo runs in has both (fflate encodes text with them).
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createSimHost, installSimHost } from "../../src/sim";
import { DemoSamples, dataUrl } from "../../src/demo/Samples";
import { SAMPLES } from "../../src/samples";

describe("the demo's sample documents", () => {
  it("links each .docx (the file's own bytes) and pastes its grid into a new selected sheet", async () => {
    const host = createSimHost({ sheets: ["Лист1"] });
    const uninstall = installSimHost(host);
    try {
      render(<DemoSamples lang="ru" />);
      const links = screen.getAllByRole("link") as HTMLAnchorElement[];
      expect(links.map((a) => a.getAttribute("download"))).toEqual(SAMPLES.map((s) => s.file));
      const href = links[1].getAttribute("href")!;
      expect(href.startsWith("data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,")).toBe(true);
      expect(Buffer.from(href.split(",")[1], "base64").equals(Buffer.from(SAMPLES[1].docx()))).toBe(true);

      const buttons = screen.getAllByRole("button", { name: "Вставить как из Word" });
      await act(async () => {
        fireEvent.click(buttons[1]);
        await new Promise((r) => setTimeout(r, 50));
      });
      await act(async () => {
        fireEvent.click(buttons[1]);
        await new Promise((r) => setTimeout(r, 50));
      });
      expect(host.inspect.sheetNames().map((s) => s.name)).toEqual(["Лист1", "Вставка из Word", "Вставка из Word (2)"]);
      // Excel (and the simulated host) turns «1.1» written as a value into the number 1.1, as a paste does.
      const grid = host.inspect.grid("Вставка из Word (2)").cells.map((r) => r.map((c) => String(c.value ?? "")));
      const expected = SAMPLES[1].grid();
      expect(grid.slice(0, expected.length).map((r) => r.slice(0, 6))).toEqual(expected);
      expect(host.inspect.activeSheet()).toBe("Вставка из Word (2)");
    } finally {
      uninstall();
    }
  });

  it("dataUrl encodes any bytes as base64", () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(Buffer.from(dataUrl(bytes, "x/y").slice("data:x/y;base64,".length), "base64").equals(Buffer.from(bytes))).toBe(true);
  });
});
