/**
 * Automated insights in words, computed from the widget data itself: the latest change, the trend over
 * the period, the peak, an unusual latest value (robust z-score on the median absolute deviation,
 * Iglewicz & Hoaglin's 3.5 cut-off), the largest share of a breakdown. The analytics engine
 * (shared/analytics) can add forecasts and its own anomaly detectors later as another InsightProvider.
 */
import { linearRegression, median, medianAbsoluteDeviation, standardDeviation } from 'simple-statistics';
import { formatChangePct, formatDate, formatNumber, isIsoDate } from './format.js';
import { dataEndOf, pointsByX } from './metrics.js';
import type { Insight, Metric, WidgetData } from './types.js';
import { measureColumns, xColumn } from './widget-data.js';

export interface InsightContext {
  /** Where the data ends (exclusive, ms), to recognise an unfinished last bucket. */
  dataEnd: number | null;
}

export interface InsightProvider {
  readonly name: string;
  insights(widget: WidgetData, metrics: Metric[], ctx: InsightContext): Insight[];
}

const MAX_MEASURES = 3;
const ANOMALY_Z = 3.5;

function label(w: WidgetData, x: string): string {
  return isIsoDate(x) ? formatDate(x, w.bucket) : x;
}

function robustZ(prior: number[], latest: number): number | null {
  if (prior.length < 7) return null;
  const mad = medianAbsoluteDeviation(prior);
  if (mad > 0) return (0.6745 * (latest - median(prior))) / mad;
  const sd = standardDeviation(prior);
  return sd > 0 ? (latest - median(prior)) / sd : null;
}

function timeSeriesInsights(w: WidgetData, m: Metric, values: number[], labels: string[]): Insight[] {
  const out: Insight[] = [];
  const f = (v: number | null) => formatNumber(v, m.format);
  const unit = w.bucket ?? 'period';
  const n = values.length;
  if (n >= 2 && m.previous !== null && m.last !== null && m.changePct !== null) {
    const dir = m.change! > 0 ? 'rose' : m.change! < 0 ? 'fell' : 'was unchanged';
    const text = m.change === 0 ? `${m.label} was unchanged at ${f(m.last)} in ${labels[n - 1]}.` : `${m.label} ${dir} ${formatChangePct(Math.abs(m.changePct))} to ${f(m.last)} in ${labels[n - 1]} (from ${f(m.previous)}).`;
    out.push({ widgetId: w.id, metric: m.key, kind: 'change', severity: Math.abs(m.changePct) >= 10 ? 'notable' : 'info', text: text.replace('+', '') });
  }
  if (n >= 4) {
    const { m: slope } = linearRegression(values.map((v, i) => [i, v]));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const rel = mean !== 0 ? (slope / Math.abs(mean)) * 100 : 0;
    const text =
      Math.abs(rel) < 1
        ? `${m.label} held steady over the period (${labels[0]} to ${labels[n - 1]}).`
        : `${m.label} trended ${rel > 0 ? 'up' : 'down'} from ${labels[0]} to ${labels[n - 1]}, by about ${formatChangePct(Math.abs(rel)).replace('+', '')} per ${unit} on average.`;
    out.push({ widgetId: w.id, metric: m.key, kind: 'trend', severity: Math.abs(rel) >= 5 ? 'notable' : 'info', text });
    const peakAt = values.indexOf(Math.max(...values));
    out.push({ widgetId: w.id, metric: m.key, kind: 'peak', severity: 'info', text: `The highest ${m.label} was ${f(values[peakAt]!)} (${labels[peakAt]}).` });
    const z = robustZ(values.slice(0, -1), values[n - 1]!);
    if (z !== null && Math.abs(z) > ANOMALY_Z)
      out.push({
        widgetId: w.id,
        metric: m.key,
        kind: 'anomaly',
        severity: 'anomaly',
        text: `${m.label} in ${labels[n - 1]} (${f(values[n - 1]!)}) is unusually ${z > 0 ? 'high' : 'low'} compared with the previous ${n - 1} ${unit}s.`,
      });
  }
  return out;
}

function breakdownInsights(w: WidgetData, m: Metric, column: number): Insight[] {
  const xi = xColumn(w);
  if (xi < 0 || w.rows.length < 2) return [];
  const totals = new Map<string, number>();
  for (const r of w.rows) {
    const v = r[column];
    if (typeof v === 'number') totals.set(String(r[xi]), (totals.get(String(r[xi])) ?? 0) + v);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  if (all <= 0) return [];
  const [top, value] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return [{ widgetId: w.id, metric: m.key, kind: 'share', severity: 'info', text: `${top} accounts for ${Math.round((value / all) * 1000) / 10}% of ${m.label} (the largest of ${totals.size}).` }];
}

export const basicInsights: InsightProvider = {
  name: 'basic',
  insights(w, metrics, ctx) {
    if (w.error) return [];
    if (w.rows.length === 0) return [{ widgetId: w.id, kind: 'empty', severity: 'notable', text: `${w.title} has no data for this period.` }];
    const out: Insight[] = [];
    const cols = measureColumns(w).slice(0, MAX_MEASURES);
    for (const c of cols) {
      const m = metrics.find((mm) => mm.widgetId === w.id && mm.measure === w.columns[c]!.name);
      if (!m) continue;
      if (w.type === 'kpi') {
        const change = m.changePct !== null ? `, ${formatChangePct(m.changePct)} versus the previous period` : '';
        out.push({ widgetId: w.id, metric: m.key, kind: 'kpi', severity: m.changePct !== null && Math.abs(m.changePct) >= 10 ? 'notable' : 'info', text: `${w.title} is ${m.totalText}${change}.` });
        break;
      }
      const info = w.measures.find((x) => x.name === w.columns[c]!.name);
      if (w.timeSeries) {
        const p = pointsByX(w, c, info?.agg ?? 'sum', ctx.dataEnd);
        const n = p.partialLast ? p.values.length - 1 : p.values.length;
        out.push(...timeSeriesInsights(w, m, p.values.slice(0, n), p.xs.slice(0, n).map((x) => label(w, x))));
      }
      else out.push(...breakdownInsights(w, m, c));
    }
    return out;
  },
};

/** Insights for every widget, anomalies first. */
export function computeInsights(widgets: WidgetData[], metrics: Record<string, Metric>, providers: InsightProvider[] = [basicInsights], ctx: InsightContext = { dataEnd: dataEndOf(widgets) }): Insight[] {
  const unique = [...new Map(Object.values(metrics).map((m) => [`${m.widgetId}|${m.measure}`, m])).values()];
  const out: Insight[] = [];
  for (const w of widgets) for (const p of providers) out.push(...p.insights(w, unique.filter((m) => m.widgetId === w.id), ctx));
  const rank = { anomaly: 0, notable: 1, info: 2 } as const;
  return out.map((x, i) => ({ x, i })).sort((a, b) => rank[a.x.severity] - rank[b.x.severity] || a.i - b.i).map(({ x }) => x);
}
