/**
 * A widget's data as an ECharts option for reports: no animation, no interactivity, the report's brand
 * palette, fonts the PDF printer and the PNG rasteriser both have (DejaVu, Liberation), long series
 * sampled with LTTB. KPI and table widgets have no chart.
 */
import type { EChartsOption, SeriesOption } from 'echarts';
import { formatDate, formatNumber, isIsoDate } from '../model/format.js';
import type { WidgetData } from '../model/types.js';
import { seriesOf } from '../model/widget-data.js';

export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Brand colours first, then a readable qualitative palette. */
export function palette(primary: string, accent: string): string[] {
  return [primary, accent, '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d4ac0d', '#2c3e50'];
}

export function hasChart(w: WidgetData): boolean {
  return !w.error && w.type !== 'kpi' && w.type !== 'table' && w.rows.length > 0;
}

function xLabel(w: WidgetData, v: string | number): string {
  return isIsoDate(v) ? formatDate(v, w.bucket) : String(v);
}

export function chartOption(w: WidgetData, colors: string[]): EChartsOption | null {
  if (!hasChart(w)) return null;
  const fmt = w.options.format ?? 'number';
  const axisValue = (v: number) => formatNumber(v, fmt === 'number' ? 'compact' : fmt);
  const { xs, series } = seriesOf(w);
  const labels = xs.map((x) => xLabel(w, x));
  const many = labels.length > 60;
  const base: EChartsOption = {
    animation: false,
    color: colors,
    textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 12, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    ...(series.length > 1 ? { legend: { top: 0, type: 'plain', textStyle: { fontSize: 11 } } } : {}),
  };

  if (w.type === 'pie') {
    const s = series[0]!;
    return {
      ...base,
      legend: { type: 'plain', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 11 } },
      series: [
        {
          type: 'pie',
          radius: w.options.donut ? ['42%', '70%'] : '70%',
          center: ['40%', '50%'],
          label: { formatter: '{d}%', fontSize: 11 },
          data: labels.map((name, i) => ({ name, value: s.values[i] ?? 0 })).slice(0, 24),
        },
      ],
    };
  }

  if (w.type === 'heatmap') {
    const values: [number, number, number][] = [];
    const ys = series.map((s) => s.name);
    series.forEach((s, yi) => s.values.forEach((v, xi) => v !== null && values.push([xi, yi, v])));
    const nums = values.map((v) => v[2]);
    return {
      ...base,
      grid: { left: 12, right: 16, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'category', data: ys },
      visualMap: { min: Math.min(...nums), max: Math.max(...nums), orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f7fbff', colors[0]!] }, textStyle: { fontSize: 10 } },
      series: [{ type: 'heatmap', data: values }],
    };
  }

  if (w.type === 'scatter') {
    return {
      ...base,
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: axisValue }, scale: true },
      series: series.map((s) => ({ type: 'scatter', name: s.name, data: s.values, symbolSize: many ? 4 : 7 })),
    };
  }

  const horizontal = w.type === 'bar' && !!w.options.horizontal;
  const category = { type: 'category' as const, data: labels, axisLabel: { hideOverlap: true }, boundaryGap: w.type === 'bar' };
  const value = { type: 'value' as const, axisLabel: { formatter: axisValue } };
  const out: SeriesOption[] = series.map((s) =>
    w.type === 'bar'
      ? { type: 'bar', name: s.name, data: s.values, ...(w.options.stacked ? { stack: 'total' } : {}), large: labels.length > 500 }
      : {
          type: 'line',
          name: s.name,
          data: s.values,
          showSymbol: !many,
          smooth: false,
          sampling: 'lttb',
          lineStyle: { width: 2 },
          ...(w.type === 'area' ? { areaStyle: { opacity: 0.25 } } : {}),
          ...(w.options.stacked ? { stack: 'total' } : {}),
        },
  );
  return { ...base, xAxis: horizontal ? value : category, yAxis: horizontal ? category : value, series: out };
}
