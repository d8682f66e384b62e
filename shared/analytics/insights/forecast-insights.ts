/**
 * Insights from a forecast (the analytics.forecast answer): what the next periods are forecast at,
 * how accurate the model was on a rolling backtest, and which model made it.
 *
 * The interval around a total over several periods is the sum of the per-period half-widths: that
 * treats the errors as perfectly correlated, which bounds the interval of the total from above (the
 * true one is narrower), so the sentence never overstates certainty.
 */
import type { ForecastResult } from '../../contract/forecast.js';
import { capitalize, formatAmount, formatCoefficient, formatPercent, scaleOf } from './format.js';
import { horizonPhrase } from './periods.js';
import type { Insight } from './types.js';

export type ForecastFacts = Pick<ForecastResult, 'model' | 'frequency' | 'levels' | 'forecast' | 'backtest' | 'candidates'>;

export interface ForecastInsightOptions {
  /** Values add up over time (a sum per period, like revenue): the clause states the total. */
  additive?: boolean;
  /** The model was chosen automatically (say from how many candidates). */
  auto?: boolean;
}

/** The level quoted: 95% when computed, else the widest. */
function quotedLevel(levels: readonly number[]): number | null {
  if (levels.includes(95)) return 95;
  return levels.length ? Math.max(...levels) : null;
}

/** "the next 30 days are forecast to total 4.1M ± 0.3M (95%)". */
export function forecastClause(f: ForecastFacts, opts: ForecastInsightOptions = {}): string {
  const h = f.forecast.length;
  const span = horizonPhrase(f.frequency.unit, h);
  const level = quotedLevel(f.levels);
  let centre = 0;
  let half = 0;
  for (const p of f.forecast) {
    centre += p.mean;
    if (level !== null) half += ((p.upper[String(level)] ?? p.mean) - (p.lower[String(level)] ?? p.mean)) / 2;
  }
  if (!opts.additive && h > 0) {
    centre /= h;
    half /= h;
  }
  const scale = scaleOf(centre);
  const verb = h === 1 ? 'is forecast at' : opts.additive ? 'are forecast to total' : 'are forecast to average';
  const band = level !== null ? ` ± ${formatAmount(half, scale)} (${level}%)` : '';
  return `${span} ${verb} ${formatAmount(centre, scale)}${band}`;
}

export function accuracyInsight(f: ForecastFacts): Insight | null {
  const b = f.backtest;
  if (!b || (b.mape === null && b.mae === null)) return null;
  const off = b.mape !== null ? `${formatPercent(b.mape)} on average (MAPE)` : `${formatAmount(b.mae!)} on average (MAE)`;
  const versus = b.mase === null ? '' : b.mase < 1 ? `; with MASE ${formatCoefficient(b.mase)} they beat a naive forecast` : `; with MASE ${formatCoefficient(b.mase)} they did no better than a naive forecast`;
  return {
    kind: 'accuracy',
    tone: b.mase === null ? 'neutral' : b.mase < 1 ? 'positive' : 'caution',
    title: 'Accuracy',
    text: `In a rolling backtest (${b.origins} ${b.origins === 1 ? 'origin' : 'origins'}) the forecasts were off by ${off}${versus}.`,
  };
}

export function modelInsight(f: ForecastFacts, opts: ForecastInsightOptions = {}): Insight {
  const n = f.candidates.length;
  const text = opts.auto && n > 1 ? `Auto chose ${f.model.name} from ${n} candidate models, compared by AICc and backtest error.` : `Model: ${f.model.name}.`;
  return { kind: 'model', tone: 'neutral', title: 'Model', text };
}

/**
 * @example
 * forecastInsights(result, { additive: true, auto: true })[0].text; // "The next 30 days are forecast to total 4.1M ± 0.3M (95%)."
 */
export function forecastInsights(f: ForecastFacts, opts: ForecastInsightOptions = {}): Insight[] {
  const out: Insight[] = [];
  if (f.forecast.length) out.push({ kind: 'forecast', tone: 'neutral', title: 'Forecast', text: `${capitalize(forecastClause(f, opts))}.` });
  const acc = accuracyInsight(f);
  if (acc) out.push(acc);
  out.push(modelInsight(f, opts));
  return out;
}
