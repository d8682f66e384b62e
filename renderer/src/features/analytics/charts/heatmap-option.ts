/** The correlation heatmap: columns × columns, coloured from −1 (red) through 0 to +1 (accent). */
import type { CorrelateResult } from '../../../../../shared/contract/analytics.js';
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { baseOption } from './base.js';
import { formatPValue } from '../format.js';
import type { CellPos } from './heatmap-keys.js';
import type { AnalyticsOption } from './option-types.js';

export type HeatCell = [number, number, number | null];

export function divergingColours(pal: ChartPalette): [string, string, string] {
  return [pal.negative, pal.grid, pal.series[0]!];
}

export function heatmapCells(result: Pick<CorrelateResult, 'matrix'>): HeatCell[] {
  const cells: HeatCell[] = [];
  result.matrix.forEach((row, y) => row.forEach((r, x) => cells.push([x, y, r])));
  return cells;
}

/** The words for one cell (tooltip and the keyboard's live region share them). */
export function describeCell(result: CorrelateResult, x: number, y: number): { pair: string; text: string } {
  const r = result.matrix[y]?.[x] ?? null;
  const symbol = result.method === 'spearman' ? 'ρ' : 'r';
  return { pair: `${result.columns[y]} × ${result.columns[x]}`, text: `${symbol} = ${r === null ? 'undefined' : r.toFixed(3)}, ${formatPValue(result.pValues[y]?.[x] ?? null, true)}, n = ${result.n[y]?.[x] ?? 0}` };
}

/** The heatmap; `focused` is the cell the keyboard is on, drawn with a strong border. */
export function correlationHeatmapOption(result: CorrelateResult, pal: ChartPalette, focused: CellPos | null = null): AnalyticsOption {
  const cols = result.columns;
  const showLabels = cols.length <= 12;
  return {
    ...baseOption(pal),
    tooltip: {
      ...baseOption(pal).tooltip,
      trigger: 'item',
      formatter: (p) => {
        const [x, y] = (p as unknown as { value: HeatCell }).value;
        const d = describeCell(result, x, y);
        // The pair on a line of its own (a div), so its words never run into the next line's.
        return `<div data-pair>${d.pair}</div>${d.text}${x !== y ? '<br/><i>Click for the scatter plot</i>' : ''}`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: cols, axisLabel: { color: pal.textMuted, fontSize: 11, rotate: cols.length > 6 ? 35 : 0, interval: 0 }, axisTick: { show: false }, axisLine: { show: false } },
    yAxis: { type: 'category', data: cols, inverse: true, axisLabel: { color: pal.textMuted, fontSize: 11, interval: 0 }, axisTick: { show: false }, axisLine: { show: false } },
    visualMap: { min: -1, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, itemWidth: 10, inRange: { color: divergingColours(pal) }, textStyle: { color: pal.textMuted, fontSize: 11 } },
    series: [
      {
        type: 'heatmap',
        id: 'correlation',
        data: heatmapCells(result).map((c) => (focused && c[0] === focused[0] && c[1] === focused[1] ? { value: c, itemStyle: { borderColor: pal.text, borderWidth: 3 } } : c)),
        label: { show: showLabels, fontSize: 11, color: pal.text, formatter: (p) => {
          const r = (p as unknown as { value: HeatCell }).value[2];
          return r === null ? '' : r.toFixed(2);
        } },
        itemStyle: { borderColor: pal.tooltipBg, borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: pal.text, borderWidth: 2 } },
        cursor: 'pointer',
      },
    ],
  };
}
