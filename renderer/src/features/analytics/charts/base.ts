/** The look every analytics chart shares (fonts, tooltip, axes), matched to the dashboards' charts. */
import type { ChartPalette } from '../../dashboards/charts/palette.js';
import { formatAxisNumber, formatBucket } from '../../../lib/format.js';
import type { TimeBucket } from '../../../../../shared/model/query.js';
import type { AnalyticsOption } from './option-types.js';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function baseOption(pal: ChartPalette): AnalyticsOption {
  return {
    animation: false,
    backgroundColor: pal.background,
    color: pal.series,
    textStyle: { fontFamily: FONT, color: pal.text },
    tooltip: { backgroundColor: pal.tooltipBg, borderColor: pal.tooltipBorder, textStyle: { color: pal.text, fontSize: 12 }, confine: true },
  };
}

/**
 * A value axis. A named x axis says its name centred under the labels; a named y axis says it above
 * its top end, where it can never collide with labels of any width (the grid leaves room: top ≥ 28).
 */
export function valueAxis(pal: ChartPalette, name?: string, axis: 'x' | 'y' = 'x') {
  const named = axis === 'x' ? { nameLocation: 'middle' as const, nameGap: 26 } : { nameLocation: 'end' as const, nameGap: 12 };
  return {
    type: 'value' as const,
    scale: true,
    ...(name ? { name, ...named, nameTextStyle: { color: pal.textMuted, fontSize: 11, ...(axis === 'y' ? { align: 'left' as const } : {}) } } : {}),
    axisLabel: { color: pal.textMuted, fontSize: 11, formatter: (v: number) => formatAxisNumber(v) },
    splitLine: { lineStyle: { color: pal.grid } },
    axisLine: { show: false },
    axisTick: { show: false },
  };
}

export function categoryAxis(pal: ChartPalette, labels: string[], boundaryGap = false) {
  return {
    type: 'category' as const,
    data: labels,
    boundaryGap,
    axisLabel: { color: pal.textMuted, fontSize: 11, hideOverlap: true },
    axisLine: { lineStyle: { color: pal.axis } },
    axisTick: { show: false },
  };
}

export function legendOption(pal: ChartPalette, names?: string[]) {
  return { show: true, type: 'scroll' as const, top: 0, left: 0, itemWidth: 10, itemHeight: 10, icon: 'roundRect', textStyle: { color: pal.textMuted, fontSize: 11 }, ...(names ? { data: names } : {}) };
}

const BUCKETS: Record<string, TimeBucket> = { hour: 'hour', day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/** A period label from the engine ("2025-03-01", "2025-03", "2025-Q1", an ISO datetime, a number) as a reader names it. */
export function timeLabel(v: string | number, unit?: string): string {
  if (typeof v === 'number') return String(v);
  if (/^\d{4}-Q[1-4]$/.test(v) || /^\d{4}$/.test(v)) return v;
  return formatBucket(v, unit ? BUCKETS[unit] : undefined);
}
