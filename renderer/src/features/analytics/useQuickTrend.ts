/**
 * A quick trend reading of a series already in the page (a forecast's history), computed in the
 * renderer's Web Worker and cached for five minutes: it gives the headline its growth rate and
 * seasonality without another round trip to main.
 */
import { useEffect, useState } from 'react';
import type { TrendResult } from '../../../../shared/contract/analytics.js';
import { parseTime } from '../../../../shared/analytics/forecast/time/time-labels.js';
import { numericColumn } from '../../../../shared/analytics/column.js';
import { useClient } from '../../app/context.js';
import { analyticsRuntimeFor } from '../../workers/analytics-runtime.js';
import { spawnAnalyticsWorker } from '../../workers/spawn.js';

export function useQuickTrend(points: readonly { time: string | number; value: number }[] | null, name: string): TrendResult | null {
  const client = useClient();
  const [trend, setTrend] = useState<TrendResult | null>(null);
  useEffect(() => {
    setTrend(null);
    if (!points || points.length < 8) return;
    const parsed = points.map((p) => parseTime(p.time));
    if (parsed.some((p) => p === null)) return;
    const kind = parsed.every((p) => p!.style !== 'number') ? 'datetime' : 'number';
    const ctrl = new AbortController();
    analyticsRuntimeFor(client, spawnAnalyticsWorker)
      .run(
        { kind: 'trend', time: numericColumn('time', parsed.map((p) => p!.value)), value: numericColumn(name, points.map((p) => p.value)), timeKind: kind, options: { maxPoints: 10, level: 0.95, seasonality: 'auto' } },
        { signal: ctrl.signal },
      )
      .then(
        (t) => setTrend(t as TrendResult),
        // A headline without the trend clause is still correct; nothing to report.
        () => undefined,
      );
    return () => ctrl.abort();
  }, [client, points, name]);
  return trend;
}
