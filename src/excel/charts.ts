/** Charts of a sheet plan (line charts over a data block of the same sheet). */
import type { PlanChart } from "../core/plan";
import type { RequestBudget } from "./apply";

/** Replace the charts named like ours (`old` = names now on the sheet), then add the plan's charts. */
export async function queueCharts(ws: Excel.Worksheet, charts: readonly PlanChart[], old: readonly string[], budget: RequestBudget): Promise<void> {
  const ours = new Set(charts.map((c) => c.name));
  for (const name of old) {
    if (!ours.has(name) && !name.startsWith("shnor_")) continue;
    await budget.reserve(60 + name.length);
    ws.charts.getItem(name).delete();
  }
  for (const c of charts) {
    await budget.reserve(300 + c.title.length * 2);
    const chart = ws.charts.add("Line", ws.getRange(c.source), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.from, c.to);
  }
}
