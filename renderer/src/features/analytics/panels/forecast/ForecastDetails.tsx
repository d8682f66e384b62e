/** Beside the forecast chart: its accuracy on a rolling backtest, and the model with the candidates it beat. */
import type { ForecastResult } from '../../../../../../shared/contract/forecast.js';
import { formatShare, formatStat } from '../../format.js';

const percent = (v: number | null) => (v === null ? '—' : `${formatStat(v)}%`);

export function ForecastAccuracy({ r }: { r: ForecastResult }) {
  const b = r.backtest;
  return (
    <div className="card chart-card" data-testid="forecast-accuracy">
      <h3>Accuracy on a rolling backtest</h3>
      {b ? (
        <>
          <dl className="stat-grid stat-grid-tight">
            {[
              ['MAE', formatStat(b.mae)],
              ['RMSE', formatStat(b.rmse)],
              ['MAPE', percent(b.mape)],
              ['sMAPE', percent(b.smape)],
              ['MASE', formatStat(b.mase)],
              ...Object.entries(b.coverage).map(([l, share]) => [`${l}% interval held`, formatShare(share)]),
            ].map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            {b.origins} forecast origins, {b.horizon} periods ahead each. MASE below 1 beats a naive forecast.
          </p>
        </>
      ) : (
        <p className="muted">The series is too short for a backtest.</p>
      )}
    </div>
  );
}

/** What became of the neural network, when one was tried: offered (it did better), or not. */
function NeuralVerdict({ r }: { r: ForecastResult }) {
  const tried = r.candidates.find((c) => c.family === 'neural');
  if (r.offer) {
    return (
      <div className="banner banner-info" role="note" data-testid="neural-offer">
        <div className="banner-text">
          <strong>
            {r.offer.model.name} did better on the backtest (MASE {formatStat(r.offer.backtest.mase)} against {formatStat(r.backtest?.mase)})
          </strong>
          <span>{r.offer.message}</span>
        </div>
      </div>
    );
  }
  if (!tried) return null;
  return (
    <p className="muted small" data-testid="neural-offer">
      A neural network ({tried.name}) was tried too{tried.mase === null ? '' : ` (MASE ${formatStat(tried.mase)})`}; it did not beat {r.model.name} on the backtest, so nothing is offered.
    </p>
  );
}

export function ForecastModel({ r }: { r: ForecastResult }) {
  return (
    <div className="card chart-card" data-testid="forecast-model">
      <h3>Model</h3>
      <p>
        <strong>{r.model.name}</strong> <span className="muted small">AICc {formatStat(r.model.aicc)}</span>
      </p>
      <p className="muted small model-spec">{r.model.spec}</p>
      <NeuralVerdict r={r} />
      {r.candidates.length > 1 ? (
        <table className="table" data-testid="candidates">
          <caption className="visually-hidden">Candidate models</caption>
          <thead>
            <tr>
              <th>Candidate</th>
              <th className="num">AICc</th>
              <th className="num">MASE</th>
            </tr>
          </thead>
          <tbody>
            {r.candidates.map((c) => (
              <tr key={c.name} className={c.name === r.model.name ? 'chosen' : undefined} aria-current={c.name === r.model.name ? 'true' : undefined}>
                <th scope="row">
                  {c.name}
                  {c.name === r.model.name ? <span className="badge">chosen</span> : null}
                </th>
                <td className="num">{formatStat(c.aicc)}</td>
                <td className="num">{formatStat(c.mase)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
