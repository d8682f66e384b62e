/**
 * Runs a widget's forecast overlay in the page's analytics Web Worker, on the rows the widget already
 * shows: the forecast continues exactly what is drawn (the widget's filters, date range and
 * aggregation included), with no second query to main. Answers come from the five-minute cache when
 * the same rows were forecast lately (a redraw, a reload of the dashboard).
 */
import { useEffect, useState } from 'react';
import type { QueryResult } from '../../../../../shared/model/query.js';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { analyticsRuntimeFor } from '../../../workers/analytics-runtime.js';
import { spawnAnalyticsWorker } from '../../../workers/spawn.js';
import type { ViewWidget } from '../charts/WidgetView.js';
import { overlayTargets } from './overlay-jobs.js';
import type { SeriesForecast } from './overlay-option.js';

export type OverlayState = { status: 'off' } | { status: 'running' } | { status: 'ready'; forecasts: SeriesForecast[]; notes: string[] } | { status: 'error'; message: string };

export function useForecastOverlay(widget: ViewWidget, result: QueryResult, enabled: boolean): OverlayState {
  const client = useClient();
  const [state, setState] = useState<OverlayState>({ status: enabled ? 'running' : 'off' });
  const stacked = widget.options.stacked === true;
  const bucket = widget.query.x?.bucket;

  useEffect(() => {
    if (!enabled) {
      setState({ status: 'off' });
      return;
    }
    const { targets, notes } = overlayTargets(result, { type: widget.type, options: { stacked }, query: { x: { bucket } } });
    if (!targets.length) {
      setState({ status: 'error', message: notes[0] ?? 'Nothing to forecast' });
      return;
    }
    setState({ status: 'running' });
    const ctrl = new AbortController();
    const runtime = analyticsRuntimeFor(client, spawnAnalyticsWorker);
    void Promise.allSettled(targets.map((t) => runtime.run(t.job, { signal: ctrl.signal }))).then((settled) => {
      if (ctrl.signal.aborted) return;
      const forecasts: SeriesForecast[] = [];
      const failed: string[] = [];
      settled.forEach((s, i) => {
        if (s.status === 'fulfilled') forecasts.push({ name: targets[i]!.name, seriesIndex: targets[i]!.seriesIndex, forecast: s.value });
        else failed.push(`${targets[i]!.name}: ${errorMessage(s.reason)}`);
      });
      setState(forecasts.length ? { status: 'ready', forecasts, notes: [...notes, ...failed] } : { status: 'error', message: failed[0] ?? 'The forecast failed' });
    });
    return () => ctrl.abort();
  }, [client, result, enabled, widget.type, stacked, bucket]);

  return state;
}
