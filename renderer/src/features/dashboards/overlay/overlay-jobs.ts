/**
 * What a widget's forecast overlay forecasts, from the rows the widget already has: each drawn series
 * (the four largest when a widget splits into more), or — for a stacked chart, whose top edge is the
 * total — the total of all series. The horizon follows the bucket: 30 days, 12 weeks, 6 months …,
 * never more than half the history.
 */
import type { QueryResult, TimeBucket } from '../../../../../shared/model/query.js';
import type { Widget } from '../../../../../shared/model/dashboard.js';
import type { ForecastJob } from '../../../workers/protocol.js';
import { pivot } from '../charts/pivot.js';

export const MAX_OVERLAY_SERIES = 4;
/** Fewer points than this make no forecast worth drawing. */
export const MIN_OVERLAY_POINTS = 8;

const HORIZON: Record<TimeBucket, number> = { hour: 24, day: 30, week: 12, month: 6, quarter: 4, year: 2 };

export interface OverlayTarget {
  /** The drawn series it continues (its legend name), or "Total". */
  name: string;
  /** Index of that series in the chart (its colour), or -1 for the total. */
  seriesIndex: number;
  job: ForecastJob;
}

export function overlayHorizon(bucket: TimeBucket | undefined, points: number): number {
  const wanted = bucket ? HORIZON[bucket] : Math.max(3, Math.min(30, Math.round(points / 10)));
  return Math.max(1, Math.min(wanted, Math.floor(points / 2)));
}

export function overlayTargets(result: QueryResult, widget: Pick<Widget, 'type' | 'options'> & { query: { x?: { bucket?: TimeBucket | undefined } | undefined } }): { targets: OverlayTarget[]; notes: string[] } {
  const p = pivot(result);
  const notes: string[] = [];
  const times = p.x.map((v) => (v === null || v === undefined ? null : (v as string | number)));
  const present = (values: (number | null)[]) => values.filter((v) => v !== null).length;
  const make = (name: string, seriesIndex: number, values: (number | null)[]): OverlayTarget | null => {
    if (present(values) < MIN_OVERLAY_POINTS) {
      notes.push(`${name}: too few points to forecast`);
      return null;
    }
    const horizon = overlayHorizon(widget.query.x?.bucket, present(values));
    return { name, seriesIndex, job: { kind: 'forecast', request: { times, values, horizon, model: 'auto', season: 'auto', levels: [80, 95], fill: 'linear', aggregate: 'sum', timeColumn: p.xName ?? 'time', valueColumn: name } } };
  };
  if (widget.options.stacked && p.series.length > 1) {
    const total = p.x.map((_, i) => {
      let s: number | null = null;
      for (const series of p.series) if (series.values[i] !== null) s = (s ?? 0) + series.values[i]!;
      return s;
    });
    notes.push('Stacked: the forecast continues the total');
    const t = make('Total', -1, total);
    return { targets: t ? [t] : [], notes };
  }
  const targets: OverlayTarget[] = [];
  p.series.slice(0, MAX_OVERLAY_SERIES).forEach((s, i) => {
    const t = make(s.name, i, s.values);
    if (t) targets.push(t);
  });
  if (p.series.length > MAX_OVERLAY_SERIES) notes.push(`Forecast for the ${MAX_OVERLAY_SERIES} largest of ${p.series.length} series`);
  return { targets, notes };
}
