/**
 * Builds the ECharts option for a chart widget from its query result (pure: no ECharts runtime here,
 * so it is unit-tested in Node and shared by the dashboard and the editor's live preview).
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { Widget } from '../../../../../shared/model/dashboard.js';
import type { QueryResult, TimeBucket } from '../../../../../shared/model/query.js';
import { formatAxisNumber, formatBucket, formatNumber, type NumberFormat } from '../../../lib/format.js';
import type { ChartPalette } from './palette.js';
import { pivot, type Pivot } from './pivot.js';

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | PieSeriesOption | ScatterSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export type ChartWidget = Pick<Widget, 'type' | 'options'> & { query: { x?: { field: string; bucket?: TimeBucket | undefined } | undefined } };

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const PIE_SLICES = 10;

/** Category labels for the x values: bucket-aware for time, plain text otherwise. */
export function xLabels(p: Pivot, bucket: TimeBucket | undefined): string[] {
  const isTime = p.xType === 'datetime' || bucket !== undefined;
  return p.x.map((v) => (isTime ? formatBucket(v, bucket) : v === null || v === undefined ? '(empty)' : String(v)));
}

/** Counts the numeric points an option draws (the e2e tests and the editor read it). */
export function countPoints(option: ChartOption): number {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  let n = 0;
  for (const s of series) {
    const data = (s as { data?: unknown[] }).data ?? [];
    for (const d of data) {
      const v = d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as { value?: unknown }).value : d;
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      if (typeof last === 'number' && Number.isFinite(last)) n++;
    }
  }
  return n;
}

function base(pal: ChartPalette): ChartOption {
  return {
    animation: false,
    backgroundColor: pal.background,
    color: pal.series,
    textStyle: { fontFamily: FONT, color: pal.text },
    tooltip: {
      backgroundColor: pal.tooltipBg,
      borderColor: pal.tooltipBorder,
      textStyle: { color: pal.text, fontSize: 12 },
      confine: true,
    },
  };
}

function legend(pal: ChartPalette, show: boolean): LegendComponentOption {
  return { show, type: 'scroll', top: 0, left: 0, itemWidth: 10, itemHeight: 10, icon: 'roundRect', textStyle: { color: pal.textMuted, fontSize: 11 }, pageTextStyle: { color: pal.textMuted } };
}

function valueAxis(pal: ChartPalette, fmt: NumberFormat) {
  return {
    type: 'value' as const,
    axisLabel: { color: pal.textMuted, fontSize: 11, formatter: (v: number) => formatAxisNumber(v, fmt) },
    splitLine: { lineStyle: { color: pal.grid } },
    axisLine: { show: false },
    axisTick: { show: false },
  };
}

function categoryAxis(pal: ChartPalette, labels: string[], boundaryGap: boolean, isTime = false) {
  // A few named categories are all worth reading (wrapped if long); long or time axes thin out instead.
  const few = !isTime && labels.length <= 8;
  return {
    type: 'category' as const,
    data: labels,
    boundaryGap,
    axisLabel: few ? { color: pal.textMuted, fontSize: 11, interval: 0, width: 76, overflow: 'break' as const, lineHeight: 13 } : { color: pal.textMuted, fontSize: 11, hideOverlap: true },
    axisLine: { lineStyle: { color: pal.axis } },
    axisTick: { show: false },
  };
}

function cartesian(result: QueryResult, w: ChartWidget, pal: ChartPalette): ChartOption {
  const p = pivot(result);
  const fmt = (w.options.format ?? 'number') as NumberFormat;
  const bucket = w.query.x?.bucket;
  const labels = xLabels(p, bucket);
  const stacked = w.options.stacked === true;
  const horizontal = w.type === 'bar' && w.options.horizontal === true;
  const many = p.x.length > 40;
  const showLegend = p.series.length > 1;
  const series = p.series.map((s, i): LineSeriesOption | BarSeriesOption | ScatterSeriesOption => {
    if (w.type === 'bar') return { type: 'bar', name: s.name, data: s.values, barMaxWidth: 36, itemStyle: { borderRadius: stacked ? 0 : horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] }, ...(stacked ? { stack: 'total' } : {}) };
    if (w.type === 'scatter') return { type: 'scatter', name: s.name, data: s.values, symbolSize: many ? 5 : 8 };
    return {
      type: 'line',
      name: s.name,
      data: s.values,
      showSymbol: !many,
      symbolSize: 5,
      lineStyle: { width: 2 },
      smooth: false,
      connectNulls: false,
      ...(stacked ? { stack: 'total' } : {}),
      ...(w.type === 'area' ? { areaStyle: { opacity: stacked ? 0.55 : 0.16, color: pal.series[i % pal.series.length] } } : {}),
    };
  });
  const cat = categoryAxis(pal, labels, w.type === 'bar' || w.type === 'scatter', p.xType === 'datetime' || bucket !== undefined);
  const val = valueAxis(pal, fmt);
  // A scatter of two numeric fields puts x on a value axis: the distance between points means something.
  if (w.type === 'scatter' && (p.xType === 'integer' || p.xType === 'number')) {
    const xs = p.x.map((v) => (v === null || v === undefined || v === '' ? NaN : Number(v)));
    return {
      ...base(pal),
      legend: legend(pal, showLegend),
      grid: { left: 4, right: 16, top: showLegend ? 30 : 10, bottom: 4, containLabel: true },
      tooltip: { ...base(pal).tooltip, trigger: 'item', formatter: (prm) => {
        const d = prm as unknown as { seriesName: string; value: [number, number] };
        return `${d.seriesName}<br/>${p.xName ?? 'x'}: <b>${formatNumber(d.value[0])}</b><br/>${formatNumber(d.value[1], fmt)}`;
      } },
      xAxis: { ...valueAxis(pal, 'number'), scale: true, name: p.xName ?? '', nameLocation: 'middle', nameGap: 24, nameTextStyle: { color: pal.textMuted, fontSize: 11 } },
      yAxis: { ...val, scale: true },
      series: p.series.map((s) => ({ type: 'scatter' as const, name: s.name, symbolSize: many ? 5 : 8, data: s.values.map((v, i) => [xs[i]!, v]).filter((d): d is [number, number] => Number.isFinite(d[0]) && d[1] !== null) })),
    };
  }
  return {
    ...base(pal),
    legend: legend(pal, showLegend),
    grid: { left: 4, right: 12, top: showLegend ? 30 : 10, bottom: 4, containLabel: true },
    tooltip: { ...base(pal).tooltip, trigger: 'axis', axisPointer: { type: w.type === 'bar' ? 'shadow' : 'line' }, valueFormatter: (v) => formatNumber(v, fmt) },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series,
  };
}

function pieOption(result: QueryResult, w: ChartWidget, pal: ChartPalette): ChartOption {
  const p = pivot(result);
  const fmt = (w.options.format ?? 'number') as NumberFormat;
  let slices: { name: string; value: number }[];
  if (p.xName) {
    const labels = xLabels(p, w.query.x?.bucket);
    const first = p.series.filter((s) => s.measure === p.measures[0]);
    slices = labels.map((name, i) => ({ name, value: first.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) }));
  } else {
    slices = p.series.map((s) => ({ name: s.group ?? s.name, value: s.values.reduce<number>((a, b) => a + (b ?? 0), 0) }));
  }
  slices = slices.filter((s) => Number.isFinite(s.value) && s.value > 0).sort((a, b) => b.value - a.value);
  if (slices.length > PIE_SLICES) {
    const rest = slices.slice(PIE_SLICES - 1).reduce((a, s) => a + s.value, 0);
    slices = [...slices.slice(0, PIE_SLICES - 1), { name: 'Other', value: rest }];
  }
  const donut = w.options.donut === true;
  const total = slices.reduce((a, x) => a + x.value, 0) || 1;
  const pct = (v: number) => `${Math.round((v / total) * 100)}%`;
  return {
    ...base(pal),
    // A plain legend wraps onto a second line in a narrow card instead of paging.
    legend: { ...legend(pal, true), type: 'plain', top: undefined, bottom: 0, left: 'center', itemGap: 12 },
    tooltip: { ...base(pal).tooltip, trigger: 'item', formatter: (p) => {
      const d = p as { name: string; value: number; marker?: string };
      return `${d.marker ?? ''}${d.name}: <b>${formatNumber(d.value, fmt)}</b> (${pct(d.value)})`;
    } },
    series: [
      {
        type: 'pie',
        radius: donut ? ['50%', '78%'] : [0, '78%'],
        center: ['50%', '46%'],
        data: slices,
        avoidLabelOverlap: true,
        itemStyle: { borderColor: pal.tooltipBg, borderWidth: 2, borderRadius: donut ? 4 : 0 },
        // Donut: the share of the hovered slice in the hole; pie: shares on slices big enough to hold them.
        label: donut
          ? { show: false, position: 'center', formatter: (p) => `{v|${pct((p as { value: number }).value)}}\n{n|${(p as { name: string }).name}}`, rich: { v: { fontSize: 20, fontWeight: 600, color: pal.text, lineHeight: 26 }, n: { fontSize: 11, color: pal.textMuted } } }
          : { show: true, position: 'inside', formatter: (p) => ((p as { percent: number }).percent >= 6 ? `${Math.round((p as { percent: number }).percent)}%` : ''), color: '#fff', fontSize: 11, fontWeight: 600 },
        emphasis: donut ? { label: { show: true }, scaleSize: 4 } : { scaleSize: 4 },
        labelLine: { show: false },
      },
    ],
  };
}

function heatmapOption(result: QueryResult, w: ChartWidget, pal: ChartPalette): ChartOption {
  const p = pivot(result, 60);
  const fmt = (w.options.format ?? 'number') as NumberFormat;
  const xl = xLabels(p, w.query.x?.bucket);
  const rows = p.series.map((s) => s.name);
  const data: [number, number, number | null][] = [];
  let min = Infinity;
  let max = -Infinity;
  p.series.forEach((s, yi) =>
    s.values.forEach((v, xi) => {
      data.push([xi, yi, v]);
      if (v !== null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }),
  );
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  return {
    ...base(pal),
    tooltip: { ...base(pal).tooltip, trigger: 'item', formatter: (prm) => {
      const d = (prm as { data?: [number, number, number | null] }).data;
      return d ? `${rows[d[1]] ?? ''}<br/>${xl[d[0]] ?? ''}: <b>${formatNumber(d[2], fmt)}</b>` : '';
    } },
    grid: { left: 4, right: 12, top: 8, bottom: 40, containLabel: true },
    xAxis: { ...categoryAxis(pal, xl, true, p.xType === 'datetime' || w.query.x?.bucket !== undefined), splitArea: { show: false } },
    yAxis: { ...categoryAxis(pal, rows, true, true), axisLine: { show: false } },
    visualMap: { min, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 10, inRange: { color: pal.heat }, textStyle: { color: pal.textMuted, fontSize: 11 }, formatter: (v) => formatAxisNumber(Number(v), fmt) },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: pal.tooltipBg, borderWidth: 1 }, emphasis: { itemStyle: { borderColor: pal.text } } }],
  };
}

export function buildOption(result: QueryResult, w: ChartWidget, pal: ChartPalette): ChartOption {
  switch (w.type) {
    case 'pie':
      return pieOption(result, w, pal);
    case 'heatmap':
      return heatmapOption(result, w, pal);
    case 'line':
    case 'area':
    case 'bar':
    case 'scatter':
      return cartesian(result, w, pal);
    default:
      throw new Error(`${w.type} widgets are not drawn with ECharts`);
  }
}
