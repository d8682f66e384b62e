/** The distribution view: a histogram of the bins and a horizontal box plot with its outliers. */
import type { DistributionResult } from '../../../../../shared/contract/analytics.js';
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { formatAxisNumber, formatNumber } from '../../../lib/format.js';
import { baseOption, valueAxis } from './base.js';
import type { AnalyticsOption } from './option-types.js';

export function histogramOption(d: Pick<DistributionResult, 'histogram' | 'name'>, pal: ChartPalette): AnalyticsOption {
  const bins = d.histogram.bins;
  return {
    ...baseOption(pal),
    grid: { left: 12, right: 16, top: 28, bottom: 40, containLabel: true },
    tooltip: { ...baseOption(pal).tooltip, trigger: 'item', formatter: (p) => {
      const b = bins[(p as { dataIndex: number }).dataIndex]!;
      return `${formatNumber(b.start)} – ${formatNumber(b.end)}<br/><b>${b.count.toLocaleString()}</b> values`;
    } },
    xAxis: { type: 'category', data: bins.map((b) => formatAxisNumber(b.start)), axisLabel: { color: pal.textMuted, fontSize: 11, hideOverlap: true }, axisTick: { show: false }, axisLine: { lineStyle: { color: pal.axis } }, name: d.name, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: pal.textMuted, fontSize: 11 } },
    yAxis: { ...valueAxis(pal, 'count', 'y'), scale: false },
    series: [{ type: 'bar', id: 'histogram', name: 'count', data: bins.map((b) => b.count), barCategoryGap: '4%', itemStyle: { color: pal.series[0], borderRadius: [2, 2, 0, 0] } }],
  };
}

export function boxPlotOption(d: Pick<DistributionResult, 'boxPlot' | 'name'>, pal: ChartPalette): AnalyticsOption {
  const b = d.boxPlot;
  return {
    ...baseOption(pal),
    grid: { left: 12, right: 16, top: 8, bottom: 28, containLabel: true },
    tooltip: { ...baseOption(pal).tooltip, trigger: 'item' },
    xAxis: valueAxis(pal),
    yAxis: { type: 'category', data: [d.name], axisLabel: { show: false }, axisTick: { show: false }, axisLine: { show: false } },
    series: [
      {
        type: 'boxplot',
        id: 'box',
        name: d.name,
        data: [[b.whiskerLow, b.q1, b.median, b.q3, b.whiskerHigh]],
        itemStyle: { color: pal.series[0] + '33', borderColor: pal.series[0] },
        boxWidth: [24, 48],
        tooltip: { formatter: () => `median <b>${formatNumber(b.median)}</b><br/>quartiles ${formatNumber(b.q1)} – ${formatNumber(b.q3)}<br/>whiskers ${formatNumber(b.whiskerLow)} – ${formatNumber(b.whiskerHigh)}` },
      },
      { type: 'scatter', id: 'outliers', name: 'outliers', data: b.outliers.map((o) => [o.value, 0]), symbolSize: 6, itemStyle: { color: pal.negative }, tooltip: { formatter: (p) => `row ${b.outliers[(p as { dataIndex: number }).dataIndex]?.row}: <b>${formatNumber((p as { data: number[] }).data[0])}</b>` } },
    ],
  };
}
