/**
 * The forecast chart: history (and optionally the model's fitted values), the forecast continuing
 * from the last observation, and a shaded band per interval level; a zoom window opens on the recent
 * history. And the revisions chart: each saved run's forecast against what actually happened.
 */
import type { ForecastResult } from '../../../../../shared/contract/forecast.js';
import type { RevisionComparison } from '../../../../../shared/contract/forecast-runs.js';
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { formatNumber } from '../../../lib/format.js';
import { bandSeries, isBandSeries } from './bands.js';
import { baseOption, categoryAxis, legendOption, timeLabel, valueAxis } from './base.js';
import type { AnalyticsOption } from './option-types.js';

function axisTooltip(pal: ChartPalette, extra?: (index: number) => string) {
  return {
    ...baseOption(pal).tooltip,
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const list = (params as { seriesId?: string; seriesName: string; marker: string; value: unknown; axisValueLabel: string; dataIndex: number }[]).filter((p) => !isBandSeries(p.seriesId) && typeof p.value === 'number');
      if (!list.length) return '';
      return [list[0]!.axisValueLabel, ...list.map((p) => `${p.marker}${p.seriesName}: <b>${formatNumber(p.value)}</b>`), extra?.(list[0]!.dataIndex) ?? ''].filter(Boolean).join('<br/>');
    },
  };
}

export function forecastOption(r: ForecastResult, valueName: string, pal: ChartPalette, opts: { showFitted?: boolean } = {}): AnalyticsOption {
  const n = r.history.length;
  const h = r.forecast.length;
  const labels = [...r.history.map((p) => timeLabel(p.time, r.frequency.unit)), ...r.forecast.map((p) => timeLabel(p.time, r.frequency.unit))];
  const tail = new Array<null>(h).fill(null);
  const head = new Array<null>(Math.max(0, n - 1)).fill(null);
  const last = r.history[n - 1]?.value ?? null;
  const colour = pal.series[3]!;
  const series: NonNullable<AnalyticsOption['series']> = [
    { type: 'line', id: 'history', name: valueName, data: [...r.history.map((p) => p.value), ...tail], showSymbol: false, lineStyle: { width: 1.5 }, itemStyle: { color: pal.series[0] }, sampling: 'lttb', z: 3 },
  ];
  if (opts.showFitted) series.push({ type: 'line', id: 'fitted', name: 'Fitted', data: [...r.history.map((p) => p.fitted), ...tail], showSymbol: false, lineStyle: { width: 1, type: 'dashed' }, itemStyle: { color: pal.series[1] }, z: 3 });
  series.push({ type: 'line', id: 'forecast', name: 'Forecast', data: [...head, last, ...r.forecast.map((p) => p.mean)], showSymbol: h <= 60, symbolSize: 4, lineStyle: { width: 2, type: 'dashed' }, itemStyle: { color: colour }, z: 4 });
  const pre = new Array<number | null>(n).fill(null);
  series.push(...bandSeries(r.levels.map((level) => ({ level, lower: [...pre, ...r.forecast.map((p) => p.lower[String(level)] ?? null)], upper: [...pre, ...r.forecast.map((p) => p.upper[String(level)] ?? null)] })), colour, 'forecast'));
  const intervals = (i: number) => {
    const p = r.forecast[i - n];
    return p ? r.levels.map((l) => `${l}%: ${formatNumber(p.lower[String(l)])} – ${formatNumber(p.upper[String(l)])}`).join('<br/>') : '';
  };
  const startIndex = Math.max(0, n - Math.max(4 * h, 60));
  const zoomed = startIndex > 0;
  return {
    ...baseOption(pal),
    legend: legendOption(pal, series.filter((s) => !isBandSeries(s.id)).map((s) => String(s.name))),
    tooltip: axisTooltip(pal, intervals),
    grid: { left: 8, right: 16, top: 32, bottom: zoomed ? 48 : 8, containLabel: true },
    xAxis: categoryAxis(pal, labels),
    yAxis: valueAxis(pal),
    ...(zoomed ? { dataZoom: [{ type: 'inside', startValue: startIndex, endValue: n + h - 1 }, { type: 'slider', startValue: startIndex, endValue: n + h - 1, height: 18, bottom: 6 }] } : {}),
    series,
  };
}

function instant(t: string | number): number {
  if (typeof t === 'number') return t;
  const q = /^(\d{4})-Q([1-4])$/.exec(t);
  if (q) return Date.UTC(Number(q[1]), (Number(q[2]) - 1) * 3, 1);
  const ms = Date.parse(/^\d{4}-\d{2}$/.test(t) ? `${t}-01` : /^\d{4}$/.test(t) ? `${t}-01-01` : t);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Each revision's forecast (dashed) against the actuals that arrived since (solid). */
export function revisionsOption(revisions: readonly RevisionComparison[], valueName: string, pal: ChartPalette): AnalyticsOption {
  const times = new Map<string, string | number>();
  for (const rev of revisions) for (const p of rev.points) times.set(JSON.stringify(p.time), p.time);
  const ordered = [...times.values()].sort((a, b) => instant(a) - instant(b));
  const index = new Map(ordered.map((t, i) => [JSON.stringify(t), i]));
  const unit = revisions[0]?.run.frequency.unit;
  const actual = new Array<number | null>(ordered.length).fill(null);
  for (const rev of revisions) for (const p of rev.points) if (p.actual !== null) actual[index.get(JSON.stringify(p.time))!] ??= p.actual;
  const series: NonNullable<AnalyticsOption['series']> = [{ type: 'line', id: 'actual', name: `Actual ${valueName}`, data: actual, showSymbol: true, symbolSize: 5, lineStyle: { width: 2.5 }, itemStyle: { color: pal.text }, connectNulls: false, z: 5 }];
  revisions.forEach((rev, i) => {
    const data = new Array<number | null>(ordered.length).fill(null);
    for (const p of rev.points) data[index.get(JSON.stringify(p.time))!] = p.mean;
    series.push({ type: 'line', id: `revision-${rev.run.id}`, name: rev.run.name, data, showSymbol: false, lineStyle: { width: 1.5, type: 'dashed' }, itemStyle: { color: pal.series[(i + 1) % pal.series.length] }, connectNulls: true });
  });
  return {
    ...baseOption(pal),
    legend: legendOption(pal),
    tooltip: axisTooltip(pal),
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: categoryAxis(pal, ordered.map((t) => timeLabel(t, unit))),
    yAxis: valueAxis(pal),
    series,
  };
}
