/**
 * A quick trend reading of a series already in the page (a forecast's history), computed in the
 * renderer's Web Worker and cached for five minutes: it gives the headline its growth rate and
 * seasonality without another round trip to main.
 */
import { useMemo } from 'react';
import type { TrendResult } from '../../../../shared/contract/analytics.js';
import { parseTime } from '../../../../shared/analytics/forecast/time/time-labels.js';
import { numericColumn } from '../../../../shared/analytics/column.js';
import type { AnalyticsJob } from '../../../../shared/analytics/run-job.js';
import { useWorkerJob } from './useWorkerJob.js';

export function quickTrendJob(points: readonly { time: string | number; value: number }[] | null, name: string): AnalyticsJob | null {
  if (!points || points.length < 8) return null;
  const parsed = points.map((p) => parseTime(p.time));
  if (parsed.some((p) => p === null)) return null;
  const kind = parsed.every((p) => p!.style !== 'number') ? 'datetime' : 'number';
  return { kind: 'trend', time: numericColumn('time', parsed.map((p) => p!.value)), value: numericColumn(name, points.map((p) => p.value)), timeKind: kind, options: { maxPoints: 10, level: 0.95, seasonality: 'auto' } };
}

export function useQuickTrend(points: readonly { time: string | number; value: number }[] | null, name: string): TrendResult | null {
  const job = useMemo(() => quickTrendJob(points, name), [points, name]);
  const state = useWorkerJob(job);
  // A headline without the trend clause is still correct: a failed reading is simply left out.
  return state.status === 'done' ? (state.result as TrendResult) : null;
}
