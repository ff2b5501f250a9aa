/**
 * Findings on the way in: the report's own consistency checks (printed share ≠ count /
 * denominator, a part above its whole, a value where the item cannot apply, yes/no contradictions)
 * run on the table's figures column by column, plus what only a printed table shows: rows that
 * should share a denominator but imply different ones, and a share written as a fraction of 1
 * («0,005») among shares written in percent. Pure.
 */
import { getIndicator } from "../catalog";
import { runChecks } from "../checks";
import type { Indicator, Observation, SchoolData, Text, Value } from "../types";
import type { ImportFinding, ImportOptions, ImportPlan, ImportRow } from "./types";

const fmt = (x: number, digits: number, lang: "ru" | "en"): string => {
  const t = (Math.round(x * 10 ** digits) / 10 ** digits).toString();
  return lang === "ru" ? t.replace(".", ",") : t;
};
const pct = (share: number, lang: "ru" | "en"): string => `${fmt(share * 100, 3, lang)}${lang === "ru" ? " %" : "%"}`;

/** The denominator ids an item divides by in this school. */
function denominatorOf(ind: Indicator, o: ImportOptions): string[] {
  if (ind.unit.kind !== "countShare") return [];
  if (ind.id === "quality_4_5" && o.qualityDenominator) return [o.qualityDenominator];
  return ind.unit.denominator;
}

/** Per column: indicator id → its row. */
function byId(plan: ImportPlan): Map<string, ImportRow> {
  const m = new Map<string, ImportRow>();
  for (const r of plan.rows) if (!m.has(r.indicatorId)) m.set(r.indicatorId, r);
  return m;
}

/** The number an item holds in a column (count or value), or null. */
function numberIn(rows: Map<string, ImportRow>, id: string, col: number): number | null {
  const v = rows.get(id)?.values.find((x) => x.col === col);
  return v && v.reading.kind === "number" && v.reading.value !== undefined ? v.reading.value : null;
}

function denominatorValue(rows: Map<string, ImportRow>, ids: string[], col: number): number | null {
  let sum = 0;
  for (const id of ids) {
    const x = numberIn(rows, id, col);
    if (x === null) return null;
    sum += x;
  }
  return sum;
}

/**
 * A denominator the table does not print (graduates of grade 9, staff …) but its rows imply: the
 * counts and printed shares of every row dividing by it, with their rounding, leave exactly one
 * whole number. It is added to the plan as a derived row (a note says so); otherwise nothing.
 */
export function deriveDenominators(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const rows = byId(plan);
  const out: ImportFinding[] = [];
  const cols = [...new Set(plan.rows.flatMap((r) => r.values.map((v) => v.col)))];
  const derived = new Map<string, ImportRow>();
  for (const col of cols) {
    const percents = plan.rows.some((r) => r.values.some((v) => v.col === col && v.reading.shareForm && v.reading.shareForm !== "fraction"));
    const bounds = new Map<string, { lo: number; hi: number; period: string; n: number }>();
    for (const r of plan.rows) {
      const ind = getIndicator(r.indicatorId) as Indicator;
      const den = denominatorOf(ind, o);
      if (den.length !== 1 || numberIn(rows, den[0], col) !== null) continue;
      const v = r.values.find((x) => x.col === col);
      const rd = v?.reading;
      if (!v || !rd || rd.value === undefined || !rd.share || rd.value <= 0) continue;
      if (rd.shareForm === "fraction" && percents) continue;
      const tol = rd.shareTolerance ?? 0.005;
      const lo = rd.value / (rd.share + tol);
      const hi = rd.share - tol > 0 ? rd.value / (rd.share - tol) : Infinity;
      const b = bounds.get(den[0]);
      bounds.set(den[0], b ? { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi), period: b.period, n: b.n + 1 } : { lo, hi, period: v.columnPeriod, n: 1 });
    }
    for (const [id, b] of bounds) {
      const first = Math.ceil(b.lo - 1e-9);
      const last = Math.floor(b.hi + 1e-9);
      if (first !== last || first <= 0) continue;
      const ind = getIndicator(id) as Indicator;
      let row = derived.get(id);
      if (!row) {
        row = { rows: [], number: ind.number, text: ind.name.ru, indicatorId: id, by: "derived", sheet: ind.section, values: [] };
        derived.set(id, row);
      }
      const target = o.levels && ind.levels && !ind.levels.some((l) => o.levels?.includes(l)) ? null : b.period;
      row.values.push({ col, columnPeriod: b.period, period: target, reading: { raw: `≈${first}`, kind: "number", value: first }, write: target ? first : null, ...(target ? {} : { skip: "notApplicable" as const }) });
      out.push({
        rule: "denominator_derived", severity: "info", indicatorId: id, period: b.period,
        message: {
          ru: `«${ind.short.ru}» в таблице нет; по численностям и долям строк (${b.n}) это ${first} — записано`,
          en: `"${ind.short.en}" is not in the table; the rows' counts and shares (${b.n}) give ${first} — written`,
        },
      });
    }
  }
  plan.rows.push(...derived.values());
  return out;
}

/**
 * A share printed without its count: the count is share × the denominator of the same column,
 * when the table gives that denominator (a note says so); otherwise nothing is written.
 */
export function deriveCounts(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const rows = byId(plan);
  const out: ImportFinding[] = [];
  for (const r of plan.rows) {
    const ind = getIndicator(r.indicatorId) as Indicator;
    for (const v of r.values) {
      if (v.skip !== "noCount" || v.reading.share === undefined) continue;
      const den = denominatorValue(rows, denominatorOf(ind, o), v.col);
      if (den === null || den <= 0) {
        out.push({
          rule: "share_without_count", severity: "warning", indicatorId: ind.id, period: v.columnPeriod,
          message: {
            ru: `${ind.short.ru}: в таблице только доля (${v.reading.raw}), без численности и без знаменателя — значение не записано, введите численность`,
            en: `${ind.short.en}: the table gives only the share (${v.reading.raw}), no count and no denominator — nothing is written, type the count`,
          },
        });
        continue;
      }
      const count = Math.round(v.reading.share * den);
      v.write = count;
      delete v.skip;
      out.push({
        rule: "count_from_share", severity: "info", indicatorId: ind.id, period: v.columnPeriod,
        message: {
          ru: `${ind.short.ru}: в таблице только доля ${v.reading.raw}; записана численность ${count} (доля × ${den})`,
          en: `${ind.short.en}: the table gives only the share ${v.reading.raw}; the count ${count} (share × ${den}) is written`,
        },
      });
    }
  }
  return out;
}

function observationOf(ind: Indicator, r: ImportRow["values"][number]): Observation | null {
  const rd = r.reading;
  if (rd.kind === "empty") return null;
  if (rd.kind === "na") return { value: { kind: "na" } };
  if (rd.kind === "error") return { value: { kind: "error", message: rd.message ?? { ru: "", en: "" } } };
  const value: Value = rd.value !== undefined ? { kind: "number", value: typeof r.write === "number" && rd.value === undefined ? r.write : rd.value } : typeof r.write === "number" ? { kind: "number", value: r.write } : { kind: "empty" };
  const o: Observation = { value };
  if (ind.unit.kind === "countShare" && rd.share !== undefined) o.printedShare = { kind: "number", value: rd.share };
  return o;
}

/** The report checks over the table's figures, one "period" per value column. */
function reportChecks(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const data: SchoolData = { school: "", observations: {} };
  if (o.levels) data.levels = o.levels;
  if (o.qualityDenominator) data.qualityDenominator = o.qualityDenominator;
  const seen = new Set<string>();
  for (const r of plan.rows) {
    if (seen.has(r.indicatorId)) continue;
    seen.add(r.indicatorId);
    const ind = getIndicator(r.indicatorId) as Indicator;
    for (const v of r.values) {
      const obs = observationOf(ind, v);
      if (!obs) continue;
      if (ind.id === "quality_4_5" && o.qualityDenominator) obs.denominatorUsed = o.qualityDenominator;
      (data.observations[ind.id] ??= {})[v.columnPeriod] = obs;
    }
  }
  return runChecks(data).map((f) => ({
    rule: f.rule, severity: f.severity, message: f.message, indicatorId: f.indicatorId,
    ...(f.period ? { period: f.period } : {}),
    ...(f.indicators ? { indicators: f.indicators } : f.involves ? { indicators: [f.indicatorId, ...f.involves] } : {}),
  }));
}

/** «0,005» among «21%»: a share written as a fraction of 1 where the other rows write percents. */
function shareScale(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const rows = byId(plan);
  const out: ImportFinding[] = [];
  const cols = new Set(plan.rows.flatMap((r) => r.values.map((v) => v.col)));
  for (const col of cols) {
    const shares = plan.rows.flatMap((r) => r.values.filter((v) => v.col === col && v.reading.shareForm && getIndicator(r.indicatorId)?.unit.kind === "countShare").map((v) => ({ r, v })));
    const percents = shares.filter((x) => x.v.reading.shareForm !== "fraction").length;
    if (percents === 0) continue;
    for (const { r, v } of shares) {
      if (v.reading.shareForm !== "fraction" || v.reading.share === undefined || v.reading.share === 0) continue;
      const ind = getIndicator(r.indicatorId) as Indicator;
      const s = v.reading.share;
      const den = denominatorValue(rows, denominatorOf(ind, o), col);
      const count = v.reading.value;
      const actual = den && count !== undefined ? count / den : null;
      const asFraction = actual !== null && Math.abs(actual - s) <= (v.reading.shareTolerance ?? 0);
      const asPercent = actual !== null && Math.abs(actual - s / 100) <= (v.reading.shareTolerance ?? 0) / 100;
      const text = v.reading.shareText ?? v.reading.raw;
      let message: Text;
      if (asFraction) {
        message = {
          ru: `${ind.short.ru}: доля «${text}» записана в долях единицы, а в других строках — в процентах; по численности и знаменателю это ${pct(s, "ru")} — так и прочитано`,
          en: `${ind.short.en}: the share "${text}" is written as a fraction of 1 while other rows use percent; count and denominator confirm ${pct(s, "en")} — read so`,
        };
      } else if (asPercent) {
        message = {
          ru: `${ind.short.ru}: доля «${text}» — это ${pct(s / 100, "ru")} (численность / знаменатель), а не ${pct(s, "ru")}; проверьте таблицу`,
          en: `${ind.short.en}: the share "${text}" is ${pct(s / 100, "en")} (count / denominator), not ${pct(s, "en")}; check the table`,
        };
      } else {
        message = {
          ru: `${ind.short.ru}: доля «${text}» записана в долях единицы, а в других строках — в процентах: прочитано как ${pct(s, "ru")}; если имелось в виду ${pct(s / 100, "ru")}, исправьте таблицу`,
          en: `${ind.short.en}: the share "${text}" is written as a fraction of 1 while other rows use percent: read as ${pct(s, "en")}; if ${pct(s / 100, "en")} was meant, correct the table`,
        };
      }
      out.push({ rule: "share_scale", severity: asFraction ? "info" : "warning", indicatorId: ind.id, period: v.columnPeriod, message });
    }
  }
  return out;
}

/**
 * Rows that should share one denominator (e.g. every «… в общей численности учащихся» row) but
 * whose count / printed share imply different ones, when the table itself does not give it.
 */
function denominatorsDiffer(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const rows = byId(plan);
  const out: ImportFinding[] = [];
  const cols = new Set(plan.rows.flatMap((r) => r.values.map((v) => v.col)));
  for (const col of cols) {
    const groups = new Map<string, { ind: Indicator; lo: number; hi: number; mid: number; period: string }[]>();
    for (const r of plan.rows) {
      const ind = getIndicator(r.indicatorId) as Indicator;
      const den = denominatorOf(ind, o);
      if (!den.length) continue;
      const v = r.values.find((x) => x.col === col);
      const rd = v?.reading;
      if (!v || !rd || rd.value === undefined || rd.share === undefined || rd.value <= 0 || rd.share <= 0) continue;
      // Shares read at the other scale are told by shareScale; skip them here.
      if (rd.shareForm === "fraction" && plan.rows.some((x) => x.values.some((y) => y.col === col && y.reading.shareForm && y.reading.shareForm !== "fraction"))) continue;
      const tol = rd.shareTolerance ?? 0.005;
      const key = den.join("+");
      const list = groups.get(key) ?? [];
      list.push({ ind, lo: rd.value / (rd.share + tol), hi: rd.share - tol > 0 ? rd.value / (rd.share - tol) : Infinity, mid: rd.value / rd.share, period: v.columnPeriod });
      groups.set(key, list);
    }
    for (const [key, list] of groups) {
      if (list.length < 2) continue;
      // With the denominator in the table, the report checks compare each share with it.
      if (denominatorValue(rows, key.split("+"), col) !== null) continue;
      // The largest set of rows whose possible denominators overlap.
      let best: typeof list = [];
      for (const a of list) {
        const point = a.mid;
        const agree = list.filter((b) => b.lo <= point + 0.5 && b.hi >= point - 0.5);
        if (agree.length > best.length) best = agree;
      }
      const odd = list.filter((x) => !best.includes(x));
      if (!odd.length) continue;
      const common = Math.round(best.reduce((s, x) => s + x.mid, 0) / best.length);
      const denName = key.split("+").map((id) => getIndicator(id)?.short ?? { ru: id, en: id });
      const names = (lang: "ru" | "en") => odd.map((x) => `${x.ind.short[lang]} (≈${fmt(x.mid, 0, lang)})`).join(", ");
      out.push({
        rule: "denominators_differ", severity: "warning", indicatorId: odd[0].ind.id, period: odd[0].period, indicators: odd.map((x) => x.ind.id),
        message: {
          ru: `Доли должны считаться от одного знаменателя (${denName.map((d) => d.ru).join(" + ")}): у большинства строк он ≈${common}, а у строк ${names("ru")} — другой`,
          en: `The shares should share one denominator (${denName.map((d) => d.en).join(" + ")}): most rows imply ≈${common}, the rows ${names("en")} another`,
        },
      });
    }
  }
  return out;
}

/** Every finding of the import, the report checks first; the import's own scale note replaces the report's. */
export function importFindings(plan: ImportPlan, o: ImportOptions): ImportFinding[] {
  const scale = shareScale(plan, o);
  const scaled = new Set(scale.map((f) => `${f.indicatorId}|${f.period}`));
  const checks = reportChecks(plan, o).filter((f) => !(scaled.has(`${f.indicatorId}|${f.period}`) && (f.rule === "share_format" || f.rule === "share_mismatch")));
  return [...checks, ...scale, ...denominatorsDiffer(plan, o)];
}
