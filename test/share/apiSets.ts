/** Pretend the host supports ExcelApi only up to `max` (e.g. "1.8"): Office.context.requirements as Office.js has it. */
export function limitExcelApi(max: string): () => void {
  const g = globalThis as { Office?: unknown };
  const previous = g.Office;
  const minor = (v: string) => Number(v.split(".")[1] ?? 0);
  g.Office = { context: { requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && minor(version) <= minor(max) } } };
  return () => {
    g.Office = previous;
  };
}
