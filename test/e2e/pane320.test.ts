/**
 * The task pane alone at Excel's narrowest width (320 × 640 CSS px, the demo's ?pane=320: the pane
 * webview with the simulated workbook behind it), every journey in Chromium: no horizontal scroll,
 * every visible control inside the 320 px, each result scrolled into view, success styled as
 * success. Screenshots: test-output/screenshots/pane-320-*.png (and assets/screenshots/ with
 * UPDATE_SCREENSHOTS=1, for the README).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { ROOT, openDemo, type DemoBrowser } from "./server";
import { PASTE } from "../../src/demo/sampleRoadmap";

const SHOTS = path.join(ROOT, "test-output/screenshots");
const README_SHOTS = path.join(ROOT, "assets/screenshots");
const WIDTH = 320;
const HEIGHT = 640;

jest.setTimeout(180_000);

let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const buffer = await page.screenshot();
  fs.writeFileSync(path.join(SHOTS, `pane-320-${name}.png`), buffer);
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    if (buffer.length > 200 * 1024) throw new Error(`screenshot pane-320-${name} is over 200 KB`);
    fs.mkdirSync(README_SHOTS, { recursive: true });
    fs.writeFileSync(path.join(README_SHOTS, `pane-320-${name}.png`), buffer);
  }
}

/** What breaks the 320 px layout: horizontal scroll, and visible controls or text reaching outside the pane. */
async function layoutProblems(): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    const root = document.querySelector<HTMLElement>(".panealone");
    if (!root) return ["no .panealone"];
    const box = root.getBoundingClientRect();
    if (Math.round(box.width) !== width) out.push(`pane is ${box.width}px wide`);
    if (root.scrollWidth > root.clientWidth) out.push(`pane scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const sel = "button, input:not([type=hidden]), select, textarea, a, label, [role=tab], [role=checkbox], [role=radio], [role=combobox], h1, h2, h3, h4, p, li, dt, dd, legend, th, td";
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest("[hidden]") || getComputedStyle(el).visibility === "hidden") continue;
      if (r.left < box.left - 0.5 || r.right > box.left + root.clientWidth + 0.5) {
        const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} «${name}» spans ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return out;
  }, WIDTH);
}

/** The result is in the visible part of the pane (scrolled into view for the user). */
async function expectInView(result: Locator): Promise<void> {
  await page.waitForTimeout(50); // the scroll of the result happens in an effect after it renders
  const r = await result.boundingBox();
  expect(r).not.toBeNull();
  // All of it is visible, or, when it is taller than the pane, most of the pane shows it.
  const visible = Math.min(r!.y + r!.height, HEIGHT) - Math.max(r!.y, 0);
  expect({ top: Math.round(r!.y), height: Math.round(r!.height), visible: Math.round(visible) >= Math.min(Math.round(r!.height), HEIGHT - 80) - 2 }).toEqual({
    top: Math.round(r!.y),
    height: Math.round(r!.height),
    visible: true,
  });
}

/** Success is drawn as success: Fluent's success MessageBar (green), not an error bar. */
async function expectSuccess(result: Locator): Promise<void> {
  const bar = (await result.evaluate((el) => el.matches(".fui-MessageBar"))) ? result : result.locator(".fui-MessageBar").first();
  const colors = await bar.evaluate((el) => {
    const c = getComputedStyle(el);
    return [c.backgroundColor, c.borderColor].join(" ");
  });
  const [r, g, b] = (colors.match(/\d+/g) ?? []).map(Number);
  expect({ colors, greenish: g >= r && g >= b - 10 }).toEqual({ colors, greenish: true });
}

async function tab(name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.getByRole("tab", { name, exact: true, selected: true }).waitFor();
}

/** Writes counts into the report's sheets through the (simulated) Office.js, as a user would type them. */
async function typeCounts(values: { sheet: string; id: string; key: string; value: number }[]): Promise<void> {
  await page.evaluate(async (vals) => {
    await Excel.run(async (context) => {
      for (const v of vals) {
        const used = context.workbook.worksheets.getItem(v.sheet).getUsedRange();
        used.load("values");
        await context.sync();
        const row = used.values.findIndex((r) => r[0] === v.id);
        const col = used.values[2].findIndex((x) => x === v.key);
        if (row < 0 || col < 0) throw new Error(`no cell for ${v.id} / ${v.key}`);
        context.workbook.worksheets.getItem(v.sheet).getCell(row, col).values = [[v.value]];
        await context.sync();
      }
    });
  }, values);
}

let demo: DemoBrowser | undefined;

beforeAll(async () => {
  demo = await openDemo({ prefix: "shnor-pane", viewport: { width: WIDTH, height: HEIGHT }, query: `?pane=${WIDTH}`, watch: (_, p) => p.on("pageerror", (e) => pageErrors.push(String(e))) });
  page = demo.page;
});

afterAll(async () => {
  await demo?.close();
});

describe("the task pane at 320 × 640", () => {
  it("fill report: the form fits; after «Вставить листы» the result is in view", async () => {
    expect(await layoutProblems()).toEqual([]);
    await shot("start");
    // The period groups: each group's checkboxes stay under its own label.
    await page.getByRole("group", { name: "Четверти" }).scrollIntoViewIfNeeded();
    await shot("periods");
    await page.getByLabel("Образовательная организация").fill("МБОУ СОШ № 5");
    await page.getByLabel("Учебный год").selectOption("2025");
    await page.getByRole("button", { name: "Вставить листы" }).click();
    const result = page.getByTestId("insert-result");
    await result.waitFor();
    await expectInView(result);
    await expectSuccess(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("fill");
  });

  it("compare periods", async () => {
    await typeCounts([
      { sheet: "Базовые показатели", id: "students_assessed", key: "2025/26-H1", value: 200 },
      { sheet: "Базовые показатели", id: "students_assessed", key: "2025/26-Y", value: 200 },
      { sheet: "Предметные результаты", id: "quality_4_5", key: "2025/26-H1", value: 42 },
      { sheet: "Предметные результаты", id: "quality_4_5", key: "2025/26-Y", value: 50 },
    ]);
    await tab("Сравнить периоды");
    expect(await layoutProblems()).toEqual([]);
    await page.getByRole("button", { name: "Построить «Динамику»" }).click();
    const result = page.getByTestId("compare-result");
    await result.waitFor();
    await expectInView(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("compare");
  });

  it("targets and risks: «Риски обновлены» is a success", async () => {
    await tab("Цели и риски");
    expect(await layoutProblems()).toEqual([]);
    await page.getByRole("button", { name: /Вставить цели|Обновить лист целей/ }).click();
    await page.getByTestId("targets-result").waitFor();
    await page.getByRole("button", { name: "Обновить риски" }).click();
    const result = page.getByTestId("risks-result");
    await result.waitFor();
    await expectInView(result);
    await expectSuccess(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("targets");
  });

  it("road map from a pasted, selected table", async () => {
    await page.evaluate(async (rows) => {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.add("Вставка из Word");
        const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
        range.values = rows;
        ws.activate();
        range.select();
        await context.sync();
      });
    }, PASTE);
    await tab("Дорожная карта");
    expect(await layoutProblems()).toEqual([]);
    await page.getByRole("button", { name: "Загрузить дорожную карту" }).click();
    const result = page.getByTestId("roadmap-result");
    await result.waitFor();
    await expectInView(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("roadmap");
  });

  it("consolidation of two schools' files", async () => {
    const { schoolWorkbook } = await import("../xlsx/fixtures");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-files-"));
    const files = [
      ["school1.xlsx", await schoolWorkbook({ school: "МБОУ СОШ № 1", values: { students_assessed: { "2023/24-Y": 100 }, quality_4_5: { "2023/24-Y": 50 } } })],
      ["school2.xlsx", await schoolWorkbook({ school: "МБОУ СОШ № 2", values: { students_assessed: { "2023/24-Y": 300 }, quality_4_5: { "2023/24-Y": 60 } } })],
    ] as const;
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    await tab("Свод");
    expect(await layoutProblems()).toEqual([]);
    await page.getByTestId("consolidate-files").setInputFiles(files.map(([name]) => path.join(dir, name)));
    await page.getByText("school1.xlsx: МБОУ СОШ № 1").waitFor();
    expect(await layoutProblems()).toEqual([]);
    await page.getByRole("button", { name: "Свести" }).click();
    const result = page.getByTestId("consolidate-result");
    await result.waitFor();
    await expectInView(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("consolidate");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sending: freeze and restore", async () => {
    await tab("Отправка");
    expect(await layoutProblems()).toEqual([]);
    await page.getByRole("button", { name: "Подготовить к отправке" }).click();
    const frozen = page.getByTestId("share-frozen");
    await frozen.waitFor();
    await expectInView(frozen);
    expect(await layoutProblems()).toEqual([]);
    await shot("sending");
    await page.getByRole("button", { name: "Вернуть формулы" }).click();
    const restored = page.getByTestId("share-restored");
    await restored.waitFor();
    await expectInView(restored);
  });

  it("functions: «Вставить функцию» fits, the preview shows the formula", async () => {
    await tab("Функции");
    expect(await layoutProblems()).toEqual([]);
    const fields = page.locator("section[aria-label='Функции'] input");
    await fields.nth(0).fill("42");
    await fields.nth(1).fill("200");
    const preview = page.getByTestId("formula-preview");
    await expect(preview.innerText()).resolves.toMatch(/^=EDU\.[А-ЯЁ.]+\(42;200/);
    expect(await layoutProblems()).toEqual([]);
    await shot("functions");
  });

  it("self-test", async () => {
    await page.getByRole("button", { name: "Самопроверка" }).click();
    await page.getByRole("button", { name: "Запустить самопроверку" }).click();
    const result = page.getByTestId("selftest-result");
    await result.waitFor({ timeout: 60_000 });
    await expectInView(result);
    expect(await layoutProblems()).toEqual([]);
    await shot("selftest");
    expect(pageErrors).toEqual([]);
  });
});
