/**
 * Adds forecasts to a widget's chart option (pure): the x axis grows by the forecast periods, every
 * drawn series is padded with gaps there, and each forecast is a dashed line from the series' last
 * value with shaded 80% and 95% bands. The tooltip and the legend leave the band helpers out.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { ForecastAnswer } from '../../../../../shared/analytics/forecast/forecast-series.js';
import type { TimeBucket } from '../../../../../shared/model/query.js';
import { parseTime } from '../../../../../shared/analytics/forecast/time/time-labels.js';
import { formatBucket, formatNumber, type NumberFormat } from '../../../lib/format.js';
import { bandSeries, isBandSeries } from '../../analytics/charts/bands.js';
import type { ChartOption } from '../charts/build-option.js';
import type { ChartPalette } from '../charts/palette.js';

export interface SeriesForecast {
  name: string;
  /** The drawn series it continues, or -1 for a total over all of them. */
  seriesIndex: number;
  forecast: ForecastAnswer;
}

/** The engine's period label ("2026-12-01", an ISO datetime) as the ISO instant the widget's x values use. */
function isoOf(label: string | number): string | number {
  const p = parseTime(label);
  return p && p.style !== 'number' ? new Date(p.value).toISOString() : label;
}

export function withForecastOverlay(base: ChartOption, overlays: readonly SeriesForecast[], pal: ChartPalette, opts: { bucket: TimeBucket | undefined; format: NumberFormat }): ChartOption {
  const axis = base.xAxis as { data?: string[] } | undefined;
  if (!axis?.data || !overlays.length) return base;
  const labels = [...axis.data];
  const n = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  for (const o of overlays) {
    for (const p of o.forecast.forecast) {
      const label = formatBucket(isoOf(p.time), opts.bucket);
      if (!index.has(label)) {
        index.set(label, labels.length);
        labels.push(label);
      }
    }
  }
  const total = labels.length;
  const baseSeries = (Array.isArray(base.series) ? base.series : base.series ? [base.series] : []).map((s) => {
    const data = ((s as { data?: unknown[] }).data ?? []).slice();
    while (data.length < total) data.push(null);
    return { ...s, data } as typeof s;
  });
  const extra: LineSeriesOption[] = [];
  overlays.forEach((o, k) => {
    const colour = o.seriesIndex >= 0 ? pal.series[o.seriesIndex % pal.series.length]! : pal.text;
    const mean = new Array<number | null>(total).fill(null);
    const bands = o.forecast.levels.map((level) => ({ level, lower: new Array<number | null>(total).fill(null), upper: new Array<number | null>(total).fill(null) }));
    const history = o.forecast.history;
    const lastHistory = history[history.length - 1];
    if (lastHistory) {
      const at = index.get(formatBucket(isoOf(lastHistory.time), opts.bucket));
      if (at !== undefined) mean[at] = lastHistory.value;
    }
    for (const p of o.forecast.forecast) {
      const at = index.get(formatBucket(isoOf(p.time), opts.bucket))!;
      mean[at] = p.mean;
      bands.forEach((b) => {
        b.lower[at] = p.lower[String(b.level)] ?? null;
        b.upper[at] = p.upper[String(b.level)] ?? null;
      });
    }
    extra.push({ type: 'line', id: `forecast:${k}`, name: `${o.name} · forecast`, data: mean, showSymbol: false, connectNulls: false, lineStyle: { width: 2, type: 'dashed', color: colour }, itemStyle: { color: colour }, z: 4 });
    extra.push(...bandSeries(bands, colour, `overlay-${k}`));
  });
  const legendNames = [...baseSeries.map((s) => String((s as { name?: unknown }).name ?? '')), ...extra.filter((s) => !isBandSeries(s.id)).map((s) => String(s.name))];
  const forecastAt = (dataIndex: number, seriesId: string) => {
    const k = Number(seriesId.split(':')[1]);
    const o = overlays[k];
    const p = o?.forecast.forecast.find((f) => index.get(formatBucket(isoOf(f.time), opts.bucket)) === dataIndex);
    if (!o || !p) return '';
    return ` <span style="opacity:.7">(${o.forecast.levels.map((l) => `${l}%: ${formatNumber(p.lower[String(l)], opts.format)} – ${formatNumber(p.upper[String(l)], opts.format)}`).join(', ')})</span>`;
  };
  return {
    ...base,
    xAxis: { ...(base.xAxis as object), data: labels } as ChartOption['xAxis'],
    legend: { ...(base.legend as object), show: true, data: legendNames } as ChartOption['legend'],
    grid: { ...(base.grid as object), top: 30 } as ChartOption['grid'],
    tooltip: {
      ...(base.tooltip as object),
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (params as { seriesId?: string; seriesName: string; marker: string; value: unknown; axisValueLabel: string; dataIndex: number }[]).filter((p) => !isBandSeries(p.seriesId) && typeof p.value === 'number');
        if (!list.length) return '';
        return [list[0]!.axisValueLabel, ...list.map((p) => `${p.marker}${p.seriesName}: <b>${formatNumber(p.value, opts.format)}</b>${p.seriesId?.startsWith('forecast:') && p.dataIndex >= n ? forecastAt(p.dataIndex, p.seriesId) : ''}`)].join('<br/>');
      },
    } as ChartOption['tooltip'],
    series: [...baseSeries, ...extra] as ChartOption['series'],
  };
}
