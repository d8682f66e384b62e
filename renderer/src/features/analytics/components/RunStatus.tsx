import type { CallState } from '../useAnalyticsCall.js';
import { useTaskProgress } from '../useAnalyticsCall.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { ErrorBanner, ProgressBar } from '../../../ui/States.js';

const PHASES: Record<string, string> = {
  read: 'Reading the rows',
  prepare: 'Preparing the series',
  fit: 'Fitting models',
  select: 'Comparing models',
  backtest: 'Backtesting',
  forecast: 'Forecasting',
  correlate: 'Correlating',
  describe: 'Describing',
  regress: 'Fitting the regression',
  distribution: 'Analysing the distribution',
  trend: 'Analysing the trend',
};

/** Progress with a Cancel button while a call runs; after it, the error, "cancelled", or that the cache answered. */
export function RunStatus({ state, onCancel, what }: { state: CallState<unknown>; onCancel: () => void; what: string }) {
  const progress = useTaskProgress(state.status === 'running' ? state.taskId : null);
  if (state.status === 'running') {
    const pct = progress?.fraction ?? null;
    return (
      <div className="run-status" role="status" aria-live="polite" data-testid="run-status">
        <div className="run-status-text">
          <span>{progress ? (PHASES[progress.phase] ?? progress.phase) : `Running the ${what}`}…</span>
          {pct !== null ? <span className="muted small">{Math.round(pct * 100)}%</span> : null}
        </div>
        <ProgressBar value={pct === null ? 0 : pct * 100} {...(pct === null ? {} : { max: 100 })} label={`${what} progress`} />
        <Button size="sm" icon="close" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (state.status === 'done' && state.cached) {
    return (
      <p className="muted small" role="status" data-testid="from-cache">
        Answered from the cache: the same rows and settings ran within the last five minutes.
      </p>
    );
  }
  if (state.status === 'cancelled') return <p className="muted small" role="status">The {what} was cancelled.</p>;
  if (state.status === 'error') return <ErrorBanner title={`The ${what} failed`} message={errorMessage(state.error)} />;
  return null;
}
