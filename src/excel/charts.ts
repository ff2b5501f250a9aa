/** Charts of a sheet plan (line charts over a data block of the same sheet). */
import type { PlanChart } from "../core/plan";
import { officeBytes, size, type RequestBudget } from "./apply";

/** Replace the charts named like ours (`old` = names now on the sheet), then add the plan's charts. */
export async function queueCharts(ws: Excel.Worksheet, charts: readonly PlanChart[], old: readonly string[], budget: RequestBudget): Promise<void> {
  const ours = new Set(charts.map((c) => c.name));
  for (const name of old) {
    if (!ours.has(name) && !name.startsWith("shnor_")) continue;
    await budget.reserve(size(name), officeBytes({ objects: 2, actions: 1 }));
    ws.charts.getItem(name).delete();
  }
  for (const c of charts) {
    // The chart and its source range, name, title (an object) and position.
    await budget.reserve(size(c) + 20, officeBytes({ ranges: 1, objects: 3, actions: 4 }));
    const chart = ws.charts.add("Line", ws.getRange(c.source), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.from, c.to);
  }
}
