/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node export conditions: exceljs (used to make the school files) otherwise loads uuid's ESM build.
/**
 * The «Свод» journey in the pane: files read by the real reader, the command given as a prop
 * (progress, cancel, result and findings shown).
 */
import "./scheduler";
import { TextDecoder as NodeTextDecoder } from "util";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Commands } from "../../src/taskpane/commands";
import type { ConsolidateOptions } from "../../src/excel/consolidate";
import { readSchoolFile } from "../../src/xlsx/light";
import { schoolWorkbook } from "../xlsx/fixtures";

// Every browser the pane runs in has TextDecoder (the reader uses it); jsdom does not.
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

const KY = "2023/24-Y";
let good: Uint8Array;

beforeAll(async () => {
  good = await schoolWorkbook({ school: "МБОУ СОШ № 1", values: { students_assessed: { [KY]: 100 }, quality_4_5: { [KY]: 50 } } });
});

/** A File-like object (jsdom's Blob has no arrayBuffer()). */
const file = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });

async function openSummary(commands: Commands) {
  render(<App lang="ru" host="excel" commands={commands} />);
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Свод" })));
  return within(await screen.findByRole("region", { name: "Свод" }));
}

async function pick(pane: ReturnType<typeof within>, files: ReturnType<typeof file>[]) {
  const input = pane.getByTestId("consolidate-files");
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  await pane.findByTestId("consolidate-file-list");
}

describe("«Свод» in the pane", () => {
  it("lists the files it read, offers their periods and shows the result with findings", async () => {
    const consolidate = jest.fn(async (o: ConsolidateOptions) => {
      o.onProgress?.(1, 3);
      return {
        ok: true as const,
        summarySheet: "Свод",
        dataSheet: "Данные",
        period: { startYear: 2023, kind: "Y" as const },
        chosen: Array.isArray(o.period) ? o.period : undefined,
        periods: [],
        schools: o.sources.length,
        dataRows: 2,
        findings: (o.sourceFindings ?? []).map((f) => ({ label: f.label, message: f.message })),
        syncs: 3,
      };
    });
    const pane = await openSummary({ consolidate, readSchoolFile: async (l, b) => readSchoolFile(l, b), activateSheet: jest.fn(async () => undefined) });
    await pick(pane, [file("school1.xlsx", good), file("broken.xlsx", new Uint8Array([1, 2, 3]))]);
    expect(pane.getByText("school1.xlsx: МБОУ СОШ № 1")).toBeTruthy();
    expect(pane.getByText(/Файл не прочитан: Файл «broken.xlsx» — не книга Excel/)).toBeTruthy();
    const periods = within(pane.getByRole("group", { name: "Периоды свода" }));
    const boxes = periods.getAllByRole("checkbox") as HTMLInputElement[];
    // Only periods with data are offered, none ticked: the automatic period by default.
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toEqual(["2023/24 учебный год — школ: 1"]);
    expect(boxes.map((b) => b.checked)).toEqual([false]);
    await act(async () => fireEvent.click(pane.getByRole("button", { name: "Свести" })));
    expect(consolidate.mock.calls[0][0].period).toBeNull();
    await act(async () => fireEvent.click(periods.getByRole("checkbox", { name: "2023/24 учебный год — школ: 1" })));
    await act(async () => fireEvent.click(pane.getByRole("button", { name: "Свести" })));
    expect(consolidate).toHaveBeenCalledTimes(2);
    const o = consolidate.mock.calls[1][0];
    expect(o.sources.map((s) => s.report.school)).toEqual(["МБОУ СОШ № 1"]);
    expect(o.sourceFindings?.map((f) => f.code)).toEqual(["notZip"]);
    expect(o.period).toEqual([{ startYear: 2023, kind: "Y" }]);
    const result = await pane.findByTestId("consolidate-result");
    expect(result.textContent).toContain("Свод за 2023/24 учебный год.");
    expect(result.textContent).toContain("Школ: 1");
    expect(result.textContent).toContain("broken.xlsx");
    expect(within(result).getByRole("button", { name: "Перейти к листу «Свод»" })).toBeTruthy();
  });

  it("shows progress while running and cancels through the signal", async () => {
    let resolve: (v: unknown) => void = () => undefined;
    const consolidate = jest.fn(
      (o: ConsolidateOptions) =>
        new Promise((r) => {
          resolve = r;
          o.onProgress?.(2, 5);
          o.signal?.addEventListener("abort", () => r({ ok: false, error: { code: "cancelled", message: { ru: "Свод отменён. Книга не изменилась.", en: "Cancelled." } } }));
        }),
    ) as unknown as Commands["consolidate"];
    const pane = await openSummary({ consolidate, readSchoolFile: async (l, b) => readSchoolFile(l, b) });
    await pick(pane, [file("school1.xlsx", good)]);
    await act(async () => fireEvent.click(pane.getByRole("button", { name: "Свести" })));
    expect(pane.getByText("Выполнено шагов: 2 из 5")).toBeTruthy();
    expect((pane.getByRole("progressbar") as HTMLProgressElement).value).toBe(2);
    await act(async () => fireEvent.click(pane.getByRole("button", { name: "Отменить" })));
    expect(await pane.findByText(/Свод отменён/)).toBeTruthy();
    expect(pane.queryByRole("progressbar")).toBeNull();
    resolve(undefined);
  });

  it("lists a file whose reading throws as that file's finding; the others are read and the button is enabled", async () => {
    const consolidate = jest.fn() as unknown as Commands["consolidate"];
    const read = async (l: string, b: Uint8Array) => {
      if (l === "crash.xlsx") throw new RangeError("Maximum call stack size exceeded");
      return readSchoolFile(l, b);
    };
    const pane = await openSummary({ consolidate, readSchoolFile: read });
    await pick(pane, [file("crash.xlsx", good), file("school1.xlsx", good)]);
    expect(pane.getByText(/Файл «crash.xlsx» не удалось прочитать \(Maximum call stack size exceeded\)/)).toBeTruthy();
    expect(pane.getByText("school1.xlsx: МБОУ СОШ № 1")).toBeTruthy();
    expect(pane.queryByText("Читаем файлы…")).toBeNull();
    expect((pane.getByRole("button", { name: "Свести" }) as HTMLButtonElement).disabled).toBe(false);
    expect((pane.getByRole("button", { name: "Выбрать файлы школ" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("says when the command is not available", async () => {
    const pane = await openSummary({});
    expect(pane.getByText(/Недоступно в этой версии/)).toBeTruthy();
  });
});
