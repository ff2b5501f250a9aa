/** Shared by the insert tests: the sections and sheet names of the usual report, a host per test, the ok-result guard. */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import type { SectionId } from "../../src/core/types";
import type { InsertResult } from "../../src/excel/insertReport";

export const SECTIONS: SectionId[] = ["subject", "staff", "facilities", "methods"];
export const OURS = ["Паспорт", "Базовые показатели", "Предметные результаты", "Кадровые условия", "Материально-технические условия", "Учебно-методические условия"];

/** A fresh simulated host installed as globalThis.Excel (the previous one uninstalled); all uninstalled after the file. */
export function simHosts(): { fresh: (sheets?: string[]) => SimHost } {
  let restore: (() => void) | undefined;
  afterAll(() => restore?.());
  return {
    fresh(sheets?: string[]) {
      restore?.();
      const host = createSimHost(sheets ? { sheets } : {});
      restore = installSimHost(host);
      return host;
    },
  };
}

export function ok(r: InsertResult): Extract<InsertResult, { ok: true }> {
  if (!r.ok) throw new Error(`insert failed: ${r.error.code} ${r.error.message.en}`);
  return r;
}
