/** Scatter plots: two columns with their regression line; residuals against fitted values; a normal QQ plot. */
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { formatNumber } from '../../../lib/format.js';
import { baseOption, valueAxis } from './base.js';
import type { AnalyticsOption } from './option-types.js';

export interface Line {
  intercept: number;
  slope: number;
}

function lineOver(xs: number[], line: Line): [number, number][] {
  if (!xs.length) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [
    [lo, line.intercept + line.slope * lo],
    [hi, line.intercept + line.slope * hi],
  ];
}

function scatterBase(pal: ChartPalette, xName: string, yName: string): AnalyticsOption {
  return {
    ...baseOption(pal),
    grid: { left: 16, right: 24, top: 28, bottom: 36, containLabel: true },
    tooltip: { ...baseOption(pal).tooltip, trigger: 'item', formatter: (p) => {
      const d = (p as unknown as { data: [number, number] }).data;
      return `${xName}: <b>${formatNumber(d[0])}</b><br/>${yName}: <b>${formatNumber(d[1])}</b>`;
    } },
    xAxis: valueAxis(pal, xName),
    yAxis: valueAxis(pal, yName, 'y'),
  };
}

export function scatterWithLineOption(points: { x: number; y: number }[], line: Line | null, names: { x: string; y: string }, pal: ChartPalette): AnalyticsOption {
  const data = points.map((p): [number, number] => [p.x, p.y]);
  return {
    ...scatterBase(pal, names.x, names.y),
    series: [
      { type: 'scatter', id: 'points', name: 'observations', data, symbolSize: data.length > 1000 ? 4 : 6, itemStyle: { color: pal.series[0], opacity: 0.6 } },
      ...(line ? [{ type: 'line' as const, id: 'fit', name: 'regression line', data: lineOver(data.map((d) => d[0]), line), symbol: 'none', lineStyle: { color: pal.series[3], width: 2 }, silent: true }] : []),
    ],
  };
}

export function residualsOption(points: { fitted: number; residual: number }[], pal: ChartPalette): AnalyticsOption {
  const data = points.map((p): [number, number] => [p.fitted, p.residual]);
  return {
    ...scatterBase(pal, 'fitted', 'residual'),
    series: [
      { type: 'scatter', id: 'residuals', name: 'residuals', data, symbolSize: data.length > 1000 ? 4 : 6, itemStyle: { color: pal.series[0], opacity: 0.6 } },
      { type: 'line', id: 'zero', name: 'zero', data: lineOver(data.map((d) => d[0]), { intercept: 0, slope: 0 }), symbol: 'none', lineStyle: { color: pal.textMuted, type: 'dashed', width: 1 }, silent: true },
    ],
  };
}

export function qqOption(qq: { points: { theoretical: number; sample: number }[]; line: Line }, pal: ChartPalette, sampleName = 'sample quantile'): AnalyticsOption {
  const data = qq.points.map((p): [number, number] => [p.theoretical, p.sample]);
  return {
    ...scatterBase(pal, 'theoretical normal quantile', sampleName),
    series: [
      { type: 'scatter', id: 'qq', name: 'quantiles', data, symbolSize: 5, itemStyle: { color: pal.series[1], opacity: 0.7 } },
      { type: 'line', id: 'qq-line', name: 'normal line', data: lineOver(data.map((d) => d[0]), qq.line), symbol: 'none', lineStyle: { color: pal.series[3], width: 2 }, silent: true },
    ],
  };
}
