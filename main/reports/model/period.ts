import type { DateRange } from '../../../shared/model/query.js';
import { formatDate, isIsoDate } from './format.js';
import type { WidgetData } from './types.js';
import { xColumn } from './widget-data.js';

const PRESETS: Record<string, string> = {
  all: 'All time',
  last_7d: 'Last 7 days',
  last_30d: 'Last 30 days',
  last_90d: 'Last 90 days',
  last_365d: 'Last 365 days',
  ytd: 'Year to date',
};

/**
 * The period a report covers, in words ({{report.period}}): the explicit range when there is one,
 * else the span the data actually covers (presets are relative to the data's latest timestamp, which
 * for offline data is often long ago), else the preset's name.
 */
export function describePeriod(range: DateRange | undefined, widgets: WidgetData[]): string {
  if (range?.preset === 'custom' && (range.from || range.to)) {
    const from = range.from ? formatDate(range.from) : 'the beginning';
    const to = range.to ? formatDate(new Date(Date.parse(range.to) - 1).toISOString()) : 'now';
    return `${from} – ${to}`;
  }
  const kpi = widgets.find((w) => w.kpi?.period)?.kpi?.period;
  let min: string | null = null;
  let max: string | null = null;
  let bucket: WidgetData['bucket'];
  for (const w of widgets) {
    const xi = xColumn(w);
    if (!w.timeSeries || xi < 0) continue;
    for (const r of w.rows) {
      const v = r[xi] ?? null;
      if (!isIsoDate(v)) continue;
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
    }
    bucket ??= w.bucket;
  }
  if (min && max) return min === max ? formatDate(min, bucket) : `${formatDate(min, bucket)} – ${formatDate(max, bucket)}`;
  if (kpi) return `${formatDate(kpi.from)} – ${formatDate(new Date(Date.parse(kpi.to) - 1).toISOString())}`;
  return PRESETS[range?.preset ?? 'all'] ?? 'All time';
}
