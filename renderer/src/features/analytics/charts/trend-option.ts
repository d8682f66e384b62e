/**
 * The trend view: the series with its moving averages and trend line, the projection with its
 * prediction band; and the STL decomposition as four aligned panels (data, trend, seasonal, remainder).
 */
import type { TrendResult } from '../../../../../shared/contract/analytics.js';
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { formatNumber } from '../../../lib/format.js';
import { bandSeries, isBandSeries } from './bands.js';
import { baseOption, categoryAxis, legendOption, timeLabel, valueAxis } from './base.js';
import type { AnalyticsOption } from './option-types.js';

export type TrendLayer = 'sma' | 'wma' | 'ema' | 'linear' | 'projection';
export const TREND_LAYERS: { key: TrendLayer; label: string }[] = [
  { key: 'sma', label: 'Simple moving average' },
  { key: 'wma', label: 'Weighted moving average' },
  { key: 'ema', label: 'Exponential moving average' },
  { key: 'linear', label: 'Linear trend' },
  { key: 'projection', label: 'Projection' },
];

function axisTooltip(pal: ChartPalette) {
  return {
    ...baseOption(pal).tooltip,
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const list = (params as { seriesId?: string; seriesName: string; marker: string; value: unknown; axisValueLabel: string }[]).filter((p) => !isBandSeries(p.seriesId) && typeof p.value === 'number');
      if (!list.length) return '';
      return [list[0]!.axisValueLabel, ...list.map((p) => `${p.marker}${p.seriesName}: <b>${formatNumber(p.value)}</b>`)].join('<br/>');
    },
  };
}

export function trendOption(t: TrendResult, valueName: string, layers: ReadonlySet<TrendLayer>, pal: ChartPalette): AnalyticsOption {
  const n = t.series.length;
  const proj = layers.has('projection') ? t.linear.projection : [];
  const labels = [...t.series.map((s) => timeLabel(s.time, t.frequency.unit)), ...proj.map((p) => timeLabel(p.time, t.frequency.unit))];
  const pad = (xs: (number | null)[]) => [...xs, ...proj.map(() => null)];
  const win = t.movingAverages.window;
  const series: NonNullable<AnalyticsOption['series']> = [
    { type: 'line', id: 'value', name: valueName, data: pad(t.series.map((s) => s.value)), showSymbol: false, lineStyle: { width: 1.5 }, itemStyle: { color: pal.series[0] }, z: 3 },
  ];
  const ma = (key: 'sma' | 'wma' | 'ema', name: string, colour: number) => {
    if (layers.has(key)) series.push({ type: 'line', id: key, name, data: pad(t.series.map((s) => s[key])), showSymbol: false, lineStyle: { width: 2 }, itemStyle: { color: pal.series[colour] }, z: 4 });
  };
  ma('sma', `SMA (${win})`, 1);
  ma('wma', `WMA (${win})`, 2);
  ma('ema', `EMA (span ${formatNumber(t.movingAverages.emaSpan)})`, 4);
  if (layers.has('linear')) series.push({ type: 'line', id: 'linear', name: 'Linear trend', data: pad(t.series.map((s) => s.linear)), showSymbol: false, lineStyle: { width: 2, type: 'dashed' }, itemStyle: { color: pal.series[3] }, z: 4 });
  if (proj.length) {
    const lastFit = t.series[n - 1]?.linear ?? null;
    const head = new Array<number | null>(Math.max(0, n - 1)).fill(null);
    series.push({ type: 'line', id: 'projection', name: 'Projection', data: [...head, lastFit, ...proj.map((p) => p.fit)], showSymbol: false, lineStyle: { width: 2, type: 'dashed' }, itemStyle: { color: pal.series[3] }, z: 4 });
    const pre = new Array<number | null>(n).fill(null);
    series.push(...bandSeries([{ level: Math.round(100 * 0.95), lower: [...pre, ...proj.map((p) => p.low)], upper: [...pre, ...proj.map((p) => p.high)] }], pal.series[3]!, 'projection'));
  }
  const names = series.filter((s) => !isBandSeries(s.id)).map((s) => String(s.name));
  return {
    ...baseOption(pal),
    legend: legendOption(pal, names),
    tooltip: axisTooltip(pal),
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: categoryAxis(pal, labels),
    yAxis: valueAxis(pal),
    series,
  };
}

/** Observed data, trend, seasonal and remainder, one panel each on a shared time axis. */
export function stlOption(t: TrendResult, valueName: string, pal: ChartPalette): AnalyticsOption {
  const labels = t.series.map((s) => timeLabel(s.time, t.frequency.unit));
  const panels: { key: 'value' | 'trend' | 'seasonal' | 'remainder'; name: string }[] = [
    { key: 'value', name: valueName },
    { key: 'trend', name: 'Trend' },
    { key: 'seasonal', name: 'Seasonal' },
    { key: 'remainder', name: 'Remainder' },
  ];
  const h = 21;
  return {
    ...baseOption(pal),
    tooltip: axisTooltip(pal),
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: panels.map((_, i) => ({ left: 64, right: 16, top: `${3 + i * (h + 3.5)}%`, height: `${h}%` })),
    xAxis: panels.map((_, i) => ({ ...categoryAxis(pal, labels), gridIndex: i, axisLabel: { ...categoryAxis(pal, labels).axisLabel, show: i === panels.length - 1 } })),
    yAxis: panels.map((p, i) => ({ ...valueAxis(pal), gridIndex: i, name: p.name, nameLocation: 'middle' as const, nameGap: 48, nameTextStyle: { color: pal.textMuted, fontSize: 11 }, splitNumber: 2 })),
    series: panels.map((p, i) => ({
      type: p.key === 'remainder' ? ('bar' as const) : ('line' as const),
      id: `stl-${p.key}`,
      name: p.name,
      xAxisIndex: i,
      yAxisIndex: i,
      data: t.series.map((s) => s[p.key]),
      showSymbol: false,
      itemStyle: { color: pal.series[i % pal.series.length] },
      lineStyle: { width: 1.5 },
    })),
  } as AnalyticsOption;
}
