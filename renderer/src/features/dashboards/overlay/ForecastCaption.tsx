import './overlay.css';
import type { OverlayState } from './useForecastOverlay.js';

const UNIT_WORDS: Record<string, string> = { hour: 'hours', day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

/** One line under a widget's chart saying what its forecast overlay shows (or why it shows none). */
export function ForecastCaption({ state }: { state: OverlayState }) {
  if (state.status === 'off') return null;
  if (state.status === 'running') {
    return (
      <p className="forecast-caption" data-forecast="running" role="status">
        Forecasting…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="forecast-caption forecast-caption-error" data-forecast="error" role="status">
        No forecast: {state.message}
      </p>
    );
  }
  const first = state.forecasts[0]!.forecast;
  const models = [...new Set(state.forecasts.map((f) => f.forecast.model.name))].join(', ');
  const h = first.forecast.length;
  return (
    <p className="forecast-caption" data-forecast="ready" data-forecast-series={state.forecasts.length} data-forecast-horizon={h} title={state.notes.join('. ')}>
      Forecast {h} {UNIT_WORDS[first.frequency.unit] ?? 'periods'} ahead · {models} · {first.levels.join('% and ')}% intervals
      {state.notes.length ? ` · ${state.notes[0]}` : ''}
    </p>
  );
}
