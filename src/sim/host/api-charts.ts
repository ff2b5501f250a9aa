/** Second tier: charts, stored (type, title, position, series, axis titles) — enough to assert a chart exists with its series. */

import { Rect, qualified } from "./address";
import { Codes, fail } from "./errors";
import { SimCollection, SimObject, defineProps, resultOf, ClientResult } from "./proxy";
import type { SimContext } from "./context";
import type { ChartModel } from "./sheet";
import type { RangeProxy } from "./api-range";
import { model, type WsRef } from "./api-objects";

/** Series of a chart over `rect`: one per column (or row) after the first, named by its first cell. */
function seriesOf(sheetName: string, rect: Rect, seriesBy: string, text: (r: number, c: number) => string): ChartModel["series"] {
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rect.r1 - rect.r0 >= rect.c1 - rect.c0);
  const out: ChartModel["series"] = [];
  if (byColumns)
    for (let c = rect.c0 + (rect.c1 > rect.c0 ? 1 : 0); c <= rect.c1; c++)
      out.push({ name: text(rect.r0, c), values: qualified(sheetName, { r0: rect.r0 + 1, r1: rect.r1, c0: c, c1: c }, true) });
  else
    for (let r = rect.r0 + (rect.r1 > rect.r0 ? 1 : 0); r <= rect.r1; r++)
      out.push({ name: text(r, rect.c0), values: qualified(sheetName, { r0: r, r1: r, c0: rect.c0 + 1, c1: rect.c1 }, true) });
  return out;
}

export class ChartProxy extends SimObject {
  readonly _entity = "Chart";
  /** @internal */ _id: string | undefined;
  constructor(
    context: SimContext,
    readonly _ws: WsRef,
    private readonly _locate: () => ChartModel | undefined,
  ) {
    super(context);
  }
  /** @internal */ _chart(): ChartModel {
    if (!this._id) this._id = this._locate()?.id;
    return model(this).charts.find((c) => c.id === this._id) ?? fail(Codes.itemNotFound, "Chart");
  }
  _exists(): boolean {
    return Boolean(this._chart());
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const text = (x: string | RangeProxy) => (typeof x === "string" ? x : qualified(x._at().sheet.name, x._at().rect));
    this._call("setPosition", [typeof startCell === "string" ? startCell : "[Range]"], () => {
      this._chart().position = { start: text(startCell), ...(endCell ? { end: text(endCell) } : {}) };
    });
  }
  setData(sourceData: RangeProxy, seriesBy = "Auto"): void {
    this._call("setData", ["[Range]", seriesBy], () => {
      const { model: m, sheet, rect } = sourceData._at();
      const ch = this._chart();
      ch.source = qualified(sheet.name, rect);
      ch.seriesBy = seriesBy;
      ch.series = seriesOf(sheet.name, rect, seriesBy, (r, c) => m.text(sheet, r, c));
    });
  }
  delete(): void {
    this._call("delete", [], () => (model(this).charts = model(this).charts.filter((c) => c !== this._chart())));
  }
}
type Ch = ChartProxy;

class ChartTitleProxy extends SimObject {
  readonly _entity = "ChartTitle";
  constructor(
    context: SimContext,
    readonly _chartProxy: ChartProxy,
    readonly _axis?: "category" | "value",
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._chartProxy._exists();
  }
}
defineProps(ChartTitleProxy, {
  text: {
    get: (s: ChartTitleProxy) => (s._axis ? s._chartProxy._chart().axes[s._axis] : s._chartProxy._chart().title),
    set: (s: ChartTitleProxy, v: string) => {
      if (s._axis) s._chartProxy._chart().axes[s._axis] = String(v);
      else s._chartProxy._chart().title = String(v);
    },
  },
  visible: { get: () => true, set: () => undefined },
});

class ChartAxisProxy extends SimObject {
  readonly _entity = "ChartAxis";
  constructor(
    context: SimContext,
    readonly _chartProxy: ChartProxy,
    readonly _axis: "category" | "value",
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._chartProxy._exists();
  }
}
defineProps(ChartAxisProxy, {}, { title: (s: ChartAxisProxy) => new ChartTitleProxy(s.context, s._chartProxy, s._axis) });

class ChartAxesProxy extends SimObject {
  readonly _entity = "ChartAxes";
  constructor(
    context: SimContext,
    readonly _chartProxy: ChartProxy,
  ) {
    super(context);
  }
  _exists(): boolean {
    return this._chartProxy._exists();
  }
}
defineProps(ChartAxesProxy, {}, {
  categoryAxis: (s: ChartAxesProxy) => new ChartAxisProxy(s.context, s._chartProxy, "category"),
  valueAxis: (s: ChartAxesProxy) => new ChartAxisProxy(s.context, s._chartProxy, "value"),
});

class ChartSeriesProxy extends SimObject {
  readonly _entity = "ChartSeries";
  constructor(
    context: SimContext,
    readonly _chartProxy: ChartProxy,
    public _index: number,
  ) {
    super(context);
  }
  _exists(): boolean {
    return Boolean(this._chartProxy._chart().series[this._index]) || fail(Codes.itemNotFound, "ChartSeries");
  }
  setValues(source: RangeProxy): void {
    this._call("setValues", ["[Range]"], () => {
      const { sheet, rect } = source._at();
      this._chartProxy._chart().series[this._index].values = qualified(sheet.name, rect, true);
    });
  }
}
defineProps(ChartSeriesProxy, {
  name: {
    get: (s: ChartSeriesProxy) => s._chartProxy._chart().series[s._index].name,
    set: (s: ChartSeriesProxy, v: string) => (s._chartProxy._chart().series[s._index].name = String(v)),
  },
});

class ChartSeriesCollectionProxy extends SimCollection<ChartSeriesProxy> {
  readonly _entity = "ChartSeriesCollection";
  constructor(
    context: SimContext,
    readonly _chartProxy: ChartProxy,
  ) {
    super(context);
  }
  _list(): ChartSeriesProxy[] {
    return this._chartProxy._chart().series.map((_, i) => new ChartSeriesProxy(this.context, this._chartProxy, i));
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this._chartProxy, index);
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._chartProxy._chart().series.length);
  }
  add(name?: string): ChartSeriesProxy {
    const proxy = new ChartSeriesProxy(this.context, this._chartProxy, -1);
    this._call("add", [name ?? null], () => {
      const series = this._chartProxy._chart().series;
      series.push({ name: name ?? `Series${series.length + 1}`, values: "" });
      proxy._index = series.length - 1;
    });
    return proxy;
  }
}

defineProps(
  ChartProxy,
  {
    id: { get: (s: Ch) => s._chart().id },
    name: { get: (s: Ch) => s._chart().name, set: (s: Ch, v: string) => (s._chart().name = String(v)) },
    chartType: { get: (s: Ch) => s._chart().type, set: (s: Ch, v: string) => (s._chart().type = String(v)) },
  },
  {
    title: (s: Ch) => new ChartTitleProxy(s.context, s),
    axes: (s: Ch) => new ChartAxesProxy(s.context, s),
    series: (s: Ch) => new ChartSeriesCollectionProxy(s.context, s),
    worksheet: (s: Ch) => s._ws,
  },
);

export class ChartCollectionProxy extends SimCollection<ChartProxy> {
  readonly _entity = "ChartCollection";
  constructor(
    context: SimContext,
    readonly _ws: WsRef,
  ) {
    super(context);
  }
  private mine(): ChartModel[] {
    const id = this._ws._sheetModel().id;
    return model(this).charts.filter((c) => c.sheetId === id);
  }
  _list(): ChartProxy[] {
    return this.mine().map((c) => new ChartProxy(this.context, this._ws, () => c));
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    const proxy = new ChartProxy(this.context, this._ws, () => undefined);
    this._call("add", [type, "[Range]", seriesBy], () => {
      const m = model(this);
      const { sheet, rect } = sourceData._at();
      const own = this._ws._sheetModel();
      if (own.protection.protected && !own.protection.options.allowEditObjects) fail(Codes.accessDenied, "ChartCollection.add");
      const chart: ChartModel = {
        id: m.newId(),
        name: `Chart ${m.charts.length + 1}`,
        type,
        sheetId: own.id,
        source: qualified(sheet.name, rect),
        seriesBy,
        title: "",
        position: { start: "A1" },
        series: seriesOf(sheet.name, rect, seriesBy, (r, c) => m.text(sheet, r, c)),
        axes: { category: "", value: "" },
      };
      m.charts.push(chart);
      proxy._id = chart.id;
    });
    return proxy;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, this._ws, () => this.mine().find((c) => c.name === name));
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, this._ws, () => this.mine()[index]);
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this.mine().length);
  }
}
