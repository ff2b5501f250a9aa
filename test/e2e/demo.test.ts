/**
 * The browser demo end to end: Debian's chromium driven by playwright-core against the demo built
 * from this checkout and served on a free localhost port. Screenshots go to
 * test-output/screenshots/ (and, small, to assets/screenshots/ for the README when run with
 * UPDATE_SCREENSHOTS=1, so that an ordinary test run never changes tracked files).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT, openDemo, type DemoBrowser } from "./server";
import { PASTE } from "../../src/demo/sampleRoadmap";

const SHOTS = path.join(ROOT, "test-output/screenshots");
const README_SHOTS = path.join(ROOT, "assets/screenshots");
const YEAR = "2025"; // school year 2025/26
const H1 = "2025/26-H1";
const Y = "2025/26-Y";

jest.setTimeout(180_000);

let context: BrowserContext;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const requests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

async function shot(name: string, readme = true): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if (!readme) return;
  // The README copy must stay ≤ 200 KB: crop from the bottom until it fits.
  const size = page.viewportSize() ?? { width: 1280, height: 760 };
  for (const height of [size.height, 680, 600, 520]) {
    const buffer = await page.screenshot({ clip: { x: 0, y: 0, width: size.width, height } });
    if (buffer.length <= 200 * 1024) {
      if (process.env.UPDATE_SCREENSHOTS === "1") {
        fs.mkdirSync(README_SHOTS, { recursive: true });
        fs.writeFileSync(path.join(README_SHOTS, `${name}.png`), buffer);
      }
      return;
    }
  }
  throw new Error(`screenshot ${name} stays over 200 KB even cropped`);
}

/** The grid address of (indicator id in column A, period key in row 3) on the shown sheet: [value, share]. */
async function cellsOf(id: string, key: string): Promise<[string, string]> {
  return page.evaluate(
    ([id, key]) => {
      const row = [...document.querySelectorAll<HTMLElement>('td[data-col="A"]')].find((td) => td.textContent === id)?.dataset.row;
      const col = [...document.querySelectorAll<HTMLElement>('td[data-row="3"]')].find((td) => td.textContent === key)?.dataset.col;
      if (!row || !col) throw new Error(`no cell for ${id} / ${key}`);
      const next = String.fromCharCode(col.charCodeAt(0) + 1);
      return [`${col}${row}`, `${next}${row}`] as [string, string];
    },
    [id, key],
  );
}

/** Waits until the grid cell's text matches. */
async function expectCell(addr: string, pattern: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      ([a, src]) => new RegExp(src).test((document.querySelector(`td[data-addr="${a}"]`)?.textContent ?? "").replace(/\s/g, "")),
      [addr, pattern.source] as const,
      { timeout: 5000 },
    );
  } catch {
    throw new Error(`cell ${addr} shows «${await page.locator(`td[data-addr="${addr}"]`).innerText()}», expected ${pattern}`);
  }
}

async function openSheet(name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.locator(".tab.on", { hasText: name }).waitFor();
}

async function typeInto(addr: string, text: string): Promise<void> {
  await page.locator(`td[data-addr="${addr}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function axeViolations(): Promise<{ id: string; impact: string; nodes: string; help: string }[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[]; help: string }[] }> } }).axe;
    // Fluent's focus sentinels (tabster's aria-hidden <i data-tabster-dummy>) redirect focus by design.
    const r = await axe.run({ include: [".pane"], exclude: ["[data-tabster-dummy]"] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: (v.nodes as { target: string[] }[]).map((n) => n.target.join(" ")).join(" | "), help: v.help }));
  });
}

let demo: DemoBrowser | undefined;

beforeAll(async () => {
  demo = await openDemo({
    prefix: "shnor-demo",
    viewport: { width: 1280, height: 760 },
    watch: (c, p) => {
      c.on("request", (r) => requests.push(r.url()));
      p.on("pageerror", (e) => pageErrors.push(String(e)));
      p.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
    },
  });
  ({ context, page, server } = demo);
});

afterAll(async () => {
  await demo?.close();
});

describe("the demo in a real browser", () => {
  it("shows the real task pane in Russian beside an empty simulated workbook", async () => {
    await page.getByText("DEMO", { exact: true }).waitFor();
    expect(await page.getByRole("tab", { name: "Заполнить отчёт" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(".tab").allTextContents()).toEqual(["Лист1"]);
    await shot("0-start", false);
    expect(await axeViolations().then((v) => v.filter((x) => x.impact === "serious" || x.impact === "critical"))).toEqual([]);
  });

  it("validates the form inline before calling Excel", async () => {
    await page.getByRole("button", { name: "Вставить листы" }).click();
    await page.getByText("Укажите название образовательной организации.").waitFor();
    expect(await page.locator(".tab").count()).toBe(1);
  });

  it("journey 1: inserts the sheets and reports what was created", async () => {
    await page.getByLabel("Образовательная организация").fill("МБОУ СОШ № 5");
    await page.getByLabel("Муниципальное образование (необязательно)").fill("Заречный район");
    await page.getByLabel("Учебный год").selectOption(YEAR);
    await page.getByRole("button", { name: "Вставить листы" }).click();
    const result = page.getByTestId("insert-result");
    await result.waitFor();
    const text = await result.innerText();
    for (const name of ["Паспорт", "Базовые показатели", "Предметные результаты", "Кадровые условия"]) expect(text).toContain(name);
    expect(text).not.toContain("Партнёрство");
    await result.scrollIntoViewIfNeeded();
    expect(await page.locator(".tab").allTextContents()).toEqual(
      expect.arrayContaining(["Лист1", "Паспорт", "Базовые показатели", "Предметные результаты"]),
    );
    await shot("1-fill-report");
  });

  it("typing counts into the workbook recomputes the share: 42 of 200 → 21,0 %", async () => {
    await openSheet("Базовые показатели");
    const [assessed] = await cellsOf("students_assessed", H1);
    await typeInto(assessed, "200");
    await expectCell(assessed, /^200$/);

    await openSheet("Предметные результаты");
    const [quality, share] = await cellsOf("quality_4_5", H1);
    await typeInto(quality, "42");
    await expectCell(quality, /^42$/);
    await expectCell(share, /^21[,.]0%$/);
    // The formula bar shows the selected share's formula.
    await page.locator(`td[data-addr="${share}"]`).click();
    expect(await page.locator(".finput").inputValue()).toMatch(/^=ЕСЛИ\(/); // Russian Excel's names and «;»
    await shot("2-share-recomputed");
  });

  it("the EDU.* functions compute, typed in Russian Excel's syntax («;» between arguments, decimal comma)", async () => {
    await openSheet("Лист1");
    await typeInto("A1", "=EDU.ДОЛЯ(42;200)");
    await expectCell("A1", /^0,21$/);
    await typeInto("A2", '=ЕСЛИ(A1>0,2;"да; 1,5";"нет")');
    await expectCell("A2", /^да;1,5$/);
    await page.locator('td[data-addr="A2"]').click();
    expect(await page.locator(".finput").inputValue()).toBe('=ЕСЛИ(A1>0,2;"да; 1,5";"нет")');
    // An error cell explains itself on hover, as Excel's error indicator does.
    await typeInto("A3", "=EDU.ДОЛЯ(5;0)");
    await expectCell("A3", /^#(ДЕЛ\/0!|ЗНАЧ!|Н\/Д)$/);
    const err = page.locator('td[data-addr="A3"]');
    expect(await err.getAttribute("title")).toMatch(/Ошибка/);
  });

  it("percent entry as in Excel: 85, «85 %» and «,5» typed into a % cell", async () => {
    await page.evaluate(async () => {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Лист1").getRange("B1:B3").numberFormat = [["0.0%"], ["0.0%"], ["0.0%"]];
        await context.sync();
      });
    });
    await typeInto("B1", "85");
    await typeInto("B2", "85 %");
    await typeInto("B3", ",5");
    await expectCell("B1", /^85,0%$/);
    await expectCell("B2", /^85,0%$/);
    await expectCell("B3", /^50,0%$/);
  });

  it("Ctrl+V pastes a table (as Word puts it on the clipboard) from the selected cell and selects it", async () => {
    await page.locator('td[data-addr="D1"]').click();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData("text/html", "<table><tr><td><p>№</p></td><td>Мероприятие</td><td>Сроки</td></tr><tr><td>1.1</td><td>Создание рабочей<br>группы</td><td>Сентябрь 2023</td></tr></table>");
      dt.setData("text/plain", "№\tМероприятие\tСроки\r\n1.1\tСоздание рабочей группы\tСентябрь 2023\r\n");
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expectCell("E2", /^Созданиерабочейгруппы$/);
    await expectCell("D2", /^1\.1$/);
    await expectCell("F1", /^Сроки$/);
    expect(await page.locator(".namebox").innerText()).toBe("D1");
    expect(await page.locator("td.insel").count()).toBe(5); // D1:F2 without the active cell
    await page.getByRole("status").filter({ hasText: "Вставлено: строк 2, столбцов 3" }).waitFor();
    await shot("10-paste");
    await openSheet("Предметные результаты");
  });

  it("a value the cell's rule warns about asks «Продолжить?» as Excel does; the input prompt stays beside its cell only", async () => {
    await openSheet("Базовые показатели");
    const [assessed] = await cellsOf("students_assessed", Y);
    await page.locator(`td[data-addr="${assessed}"]`).click();
    const tip = page.getByRole("tooltip");
    await tip.waitFor();
    expect(await tip.getAttribute("data-for")).toBe(assessed);
    await page.keyboard.type("-5");
    await page.keyboard.press("Enter");
    const box = page.getByRole("alertdialog");
    await box.waitFor();
    expect(await box.innerText()).toContain("Продолжить?");
    expect(await box.getByRole("button").allInnerTexts()).toEqual(["Да", "Нет", "Отмена"]);
    await shot("9-validation-warning");
    await box.getByRole("button", { name: "Отмена" }).click();
    await expectCell(assessed, /^$/);
    // Moving away takes the prompt with the selection.
    await page.locator('td[data-addr="C1"]').click();
    expect(await page.locator(`[role="tooltip"][data-for="${assessed}"]`).count()).toBe(0);
    await openSheet("Предметные результаты");
  });

  it("a protected cell refuses typing with Excel's message", async () => {
    const [, share] = await cellsOf("quality_4_5", H1);
    await typeInto(share, "5");
    await page.getByRole("alert").filter({ hasText: "защищенном листе" }).waitFor();
  });

  it("works from the keyboard alone: Tab to the form, type, Enter inserts", async () => {
    await page.getByRole("tab", { name: "Заполнить отчёт" }).focus();
    const school = page.getByLabel("Образовательная организация");
    for (let i = 0; i < 6 && !(await school.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await school.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("МБОУ СОШ № 7");
    await page.keyboard.press("Enter");
    const result = page.getByTestId("insert-result");
    await result.filter({ hasText: "Обновлены листы" }).waitFor();
    // Our sheets were already there: updated in place, the typed values kept.
    expect(await result.innerText()).toMatch(/Сохранено введённых ранее значений: \d+\./);
    // As in Excel, the insert activated its first sheet; the typed values are on theirs.
    await page.locator(".tab.on", { hasText: "Паспорт" }).waitFor();
    await openSheet("Предметные результаты");
    await expectCell((await cellsOf("quality_4_5", H1))[1], /^21[,.]0%$/);
  });

  it("switches the pane to English and back", async () => {
    await page.getByRole("button", { name: "Switch the pane to English" }).click();
    await page.getByRole("tab", { name: "Fill a report" }).waitFor();
    await page.getByRole("button", { name: "Переключить панель на русский язык" }).click();
    await page.getByRole("tab", { name: "Заполнить отчёт" }).waitFor();
  });

  describe("journeys 2 and 3", () => {
    it("journey 2: compares two periods and the «Динамика» sheet shows a change in п. п.", async () => {
      // A second period with data: the school year.
      await openSheet("Базовые показатели");
      await typeInto((await cellsOf("students_assessed", Y))[0], "200");
      await openSheet("Предметные результаты");
      await typeInto((await cellsOf("quality_4_5", Y))[0], "50");

      await page.getByRole("tab", { name: "Сравнить периоды" }).click();
      await page.getByRole("button", { name: "Построить «Динамику»" }).click();
      const result = page.getByTestId("compare-result");
      await result.waitFor();
      const open = result.getByRole("button", { name: /^Перейти к листу «/ });
      const sheet = /«([^»]+)»/.exec(await open.innerText())?.[1] ?? "";
      expect(sheet).not.toBe("");
      await open.click();
      await page.locator(".tab.on", { hasText: sheet }).waitFor();
      const texts = await page.locator("td").allInnerTexts();
      expect(texts.some((t) => /п\.\s?п\./.test(t) && /\d/.test(t))).toBe(true);
      await shot("3-compare-periods");
    });

    it("journey 3: inserts targets, refreshes risks, shows the counts and a red flag", async () => {
      await page.getByRole("tab", { name: "Цели и риски" }).click();
      await page.getByRole("button", { name: /Вставить цели|Обновить лист целей/ }).click();
      await page.getByTestId("targets-result").waitFor();
      await page.getByRole("button", { name: "Обновить риски" }).click();
      const result = page.getByTestId("risks-result");
      await result.waitFor();
      const missed = Number(await result.locator("dd").first().innerText());
      expect(missed).toBeGreaterThan(0);
      const sheet = /«([^»]+)»/.exec(await result.getByRole("button").innerText())?.[1] ?? "";
      await result.getByRole("button").click();
      await page.locator(".tab.on", { hasText: sheet }).waitFor();
      // A red flag: some cell of the risks sheet is filled or written in red.
      const red = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("td")].some((td) => {
          const c = getComputedStyle(td);
          const rgb = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
          const [r, g, b] = rgb(c.backgroundColor);
          const [fr, fg, fb] = rgb(c.color);
          return (r > 200 && g < 200 && b < 200 && r - g > 40) || (fr > 150 && fg < 80 && fb < 80);
        }),
      );
      expect(red).toBe(true);
      await shot("4-targets-risks");
      expect(await axeViolations().then((v) => v.filter((x) => x.impact === "serious" || x.impact === "critical"))).toEqual([]);
    });

    it("sending: freezes the EDU.* formulas to values and brings them back", async () => {
      await page.getByRole("tab", { name: "Отправка" }).click();
      await page.getByRole("button", { name: "Подготовить к отправке" }).click();
      const frozen = page.getByTestId("share-frozen");
      await frozen.waitFor();
      const n = Number(/Формул заменено значениями: (\d+)/.exec(await frozen.innerText())?.[1] ?? 0);
      expect(n).toBeGreaterThan(0); // the «Динамика» and status cells use EDU.*
      await shot("6-sending", false);
      await page.getByRole("button", { name: "Вернуть формулы" }).click();
      const restored = page.getByTestId("share-restored");
      await restored.waitFor();
      expect(await restored.innerText()).toContain(`Формул восстановлено: ${n}`);
    });

    it("road map: the sample paste → «Дорожная карта» with statuses and % done", async () => {
      await page.getByRole("button", { name: "Пример дорожной карты" }).click();
      await page.locator(".tab.on", { hasText: "Вставка из Word" }).waitFor();
      await page.locator(".pane").getByRole("tab", { name: "Дорожная карта", exact: true }).click();
      await page.getByRole("button", { name: "Загрузить дорожную карту" }).click();
      const result = page.getByTestId("roadmap-result");
      await result.waitFor();
      expect(await result.innerText()).toMatch(/Мероприятий\D*19/);
      await page.getByTestId("roadmap-unparsed").getByText(/скоро, после каникул/).waitFor();
      await result.getByRole("button", { name: /Перейти к листу/ }).click();
      await page.locator(".tab.on", { hasText: "Дорожная карта" }).waitFor();
      const texts = await page.locator("td").allInnerTexts();
      expect(texts).toContain("Создание рабочей группы по реализации программы");
      expect(texts.some((t) => /срок не распознан/.test(t))).toBe(true);
      await shot("8-roadmap");
    });

    it("road map from the user's own table: Ctrl+V of tab-separated rows into the grid, then «Загрузить дорожную карту»", async () => {
      await openSheet("Лист1");
      await page.locator('td[data-addr="A5"]').click();
      const tsv = PASTE.map((r) => r.join("\t")).join("\r\n") + "\r\n";
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.setData("text/plain", text);
        document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      }, tsv);
      await expectCell("B8", /^Созданиерабочейгруппы/);
      await page.locator(".pane").getByRole("tab", { name: "Дорожная карта", exact: true }).click();
      await page.getByRole("button", { name: "Загрузить дорожную карту" }).click();
      const result = page.getByTestId("roadmap-result");
      await result.filter({ hasText: "обновлён" }).waitFor();
      expect(await result.innerText()).toMatch(/Мероприятий\D*19/);
    });

    it("consolidation: two schools' files → «Свод» and «Данные»", async () => {
      const { schoolWorkbook } = await import("../xlsx/fixtures");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-files-"));
      const files = [
        ["school1.xlsx", await schoolWorkbook({ school: "МБОУ СОШ № 1", values: { students_assessed: { "2023/24-Y": 100 }, quality_4_5: { "2023/24-Y": 50 } } })],
        ["school2.xlsx", await schoolWorkbook({ school: '=HYPERLINK("http://x")', values: { students_assessed: { "2023/24-Y": 300 }, quality_4_5: { "2023/24-Y": 60 } } })],
      ] as const;
      for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
      await page.locator(".pane").getByRole("tab", { name: "Свод", exact: true }).click();
      await page.getByTestId("consolidate-files").setInputFiles(files.map(([name]) => path.join(dir, name)));
      await page.getByText("school1.xlsx: МБОУ СОШ № 1").waitFor();
      await page.getByRole("button", { name: "Свести" }).click();
      const result = page.getByTestId("consolidate-result");
      await result.waitFor();
      expect(await result.innerText()).toContain("Школ: 2");
      await result.getByRole("button", { name: /Перейти к листу/ }).click();
      await page.locator(".tab.on", { hasText: "Свод" }).waitFor();
      const texts = await page.locator("td").allInnerTexts();
      expect(texts).toContain('=HYPERLINK("http://x")'); // shown as text, never a formula
      expect(texts.some((t) => /27,5\s?%/.test(t))).toBe(true); // (50 + 60) / (100 + 300)
      await shot("7-consolidation");
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  it("the task pane has no serious accessibility violations on any journey", async () => {
    for (const tab of ["Сравнить периоды", "Цели и риски", "Дорожная карта", "Свод", "Отправка", "Заполнить отчёт"]) {
      await page.locator(".pane").getByRole("tab", { name: tab, exact: true }).click();
      await page.getByRole("region", { name: tab === "Заполнить отчёт" ? /./ : tab }).first().waitFor();
      await shot(`tab-${tab}`, false);
      const bad = (await axeViolations()).filter((x) => x.impact === "serious" || x.impact === "critical");
      expect({ tab, bad }).toEqual({ tab, bad: [] });
    }
  });

  it("English and the dark Office theme (?lang=en&theme=dark) also pass the accessibility check", async () => {
    const first = page;
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    try {
      await page.goto(`${server.url}?lang=en&theme=dark`);
      await page.getByRole("heading", { name: "School Support Monitor" }).waitFor();
      expect(await page.locator(".tab").allTextContents()).toEqual(["Sheet1"]);
      await shot("5-dark-english");
      expect((await axeViolations()).filter((x) => x.impact === "serious" || x.impact === "critical")).toEqual([]);
    } finally {
      await page.close();
      page = first;
    }
  });

  it("the page made no request outside localhost and raised no script error", async () => {
    expect(requests.length).toBeGreaterThan(3);
    const outside = requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === "data:" || url.protocol === "blob:" || ((url.protocol === "http:" || url.protocol === "ws:") && url.hostname === "localhost"));
    });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    // office.js's telemetry frame (due 3 s after start; this suite runs far longer) was switched off
    // before it loaded, so the policy never had to refuse it: no frame and no console error.
    const telemetry = await page.evaluate(() => {
      const endpoint = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } } } }).OSF?.Logger?.ulsEndpoint;
      return { endpoint: !!endpoint, frame: endpoint?.proxyFrame ?? null, iframes: document.querySelectorAll("iframe").length };
    });
    expect(telemetry).toEqual({ endpoint: true, frame: null, iframes: 0 });
    expect(consoleErrors).toEqual([]);
  });
});
