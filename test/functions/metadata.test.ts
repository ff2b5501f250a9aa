/**
 * functions.json: the English entries (from JSDoc) and their Russian twins (RU.<ID>, from
 * names-ru.json) describe the same interface.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const dist = (f: string) => JSON.parse(readFileSync(resolve(__dirname, "../../dist", f), "utf8"));

/** The public interface: id → Russian name and parameters (optional ones in brackets). */
const INTERFACE: Record<string, [string, string[]]> = {
  SHARE: ["ДОЛЯ", ["part", "whole"]],
  DELTA: ["ИЗМЕНЕНИЕ", ["previous", "current"]],
  GROWTH: ["ТЕМП.ПРИРОСТА", ["previous", "current"]],
  DYNAMICS: ["ДИНАМИКА", ["previous", "current", "[polarity]", "[tolerance]"]],
  TARGETSTATUS: ["СТАТУС.ЦЕЛИ", ["value", "target", "[polarity]", "[margin]"]],
  TARGETGAP: ["ОТКЛОНЕНИЕ.ОТ.ЦЕЛИ", ["value", "target", "[polarity]"]],
  TREND: ["ТРЕНД", ["values", "[polarity]"]],
  // Every grade statistic takes the «н/а» count; QUALITY and SUCCESS keep N fifth, SOU n_na (older formulas).
  QUALITY: ["КАЧЕСТВО.ЗНАНИЙ", ["n5", "n4", "n3", "n2", "[N]", "[n_na]"]],
  SUCCESS: ["УСПЕВАЕМОСТЬ", ["n5", "n4", "n3", "n2", "[N]", "[n_na]"]],
  GRADEAVG: ["СРЕДНИЙ.БАЛЛ", ["n5", "n4", "n3", "n2", "[n_na]"]],
  SOU: ["СОУ", ["n5", "n4", "n3", "n2", "[n_na]", "[N]"]],
  WILSON: ["ИНТЕРВАЛ", ["count", "total", "[bound]"]],
  SIGNIFICANT: ["ЗНАЧИМО", ["count1", "total1", "count2", "total2"]],
  NEEDED: ["НУЖНО", ["current", "target", "periods_left", "[total]", "[polarity]"]],
};

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string; optional?: boolean; type: string; dimensionality?: string }[];
}

describe("custom function metadata", () => {
  const all: Fn[] = dist("functions.json").functions;
  const en: Fn[] = all.filter((f) => !f.id.startsWith("RU."));
  const ru: Fn[] = all.filter((f) => f.id.startsWith("RU."));
  const params = (f: Fn) => f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));

  it("lists exactly the public ids with English names equal to the ids", () => {
    expect(en.map((f) => f.id)).toEqual(Object.keys(INTERFACE));
    for (const f of en) {
      expect(f.id).toMatch(/^[A-Z0-9._]+$/);
      expect(f.name).toBe(f.id);
      expect(params(f)).toEqual(INTERFACE[f.id][1]);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it("lists only the English entries and their Russian twins", () => {
    expect(all.map((f) => f.id)).toEqual([...Object.keys(INTERFACE), ...Object.keys(INTERFACE).map((id) => `RU.${id}`)]);
  });

  it("gives the Russian names of the interface with the twin ids and the same parameters", () => {
    expect(ru.map((f) => f.id)).toEqual(en.map((f) => `RU.${f.id}`));
    for (const f of ru) {
      const id = f.id.slice("RU.".length);
      const twin = en.find((e) => e.id === id)!;
      expect(f.name).toBe(INTERFACE[id][0]);
      expect(params(f)).toEqual(params(twin));
      expect(f.parameters.map((p) => p.type)).toEqual(twin.parameters.map((p) => p.type));
      expect(f.description).toMatch(/[а-яё]/i);
      for (const p of f.parameters) expect(p.description).toMatch(/[а-яё]|^"/i);
    }
  });

  it("gives every function (English and Russian) a helpUrl to its section of dist/help.html on the manifest's base URL", () => {
    const manifest = readFileSync(resolve(__dirname, "../../dist/manifest.xml"), "utf8");
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)![1];
    const guide = readFileSync(resolve(__dirname, "../../dist/help.html"), "utf8");
    for (const f of all as (Fn & { helpUrl?: string })[]) {
      const url = new URL(f.helpUrl ?? "");
      expect(`${url.origin}${url.pathname}`).toBe(support);
      expect(url.hash).toBe(`#fn-${f.id.replace(/^RU\./, "").toLowerCase()}`);
      expect(guide).toMatch(new RegExp(`<section id="?${url.hash.slice(1)}"?[\\s>]`));
    }
  });

  it("declares TREND's values as a range", () => {
    expect(en.find((f) => f.id === "TREND")!.parameters[0].dimensionality).toBe("matrix");
  });
});
