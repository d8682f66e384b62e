/**
 * A fitted ARIMA as a FittedModel: name, spec with coefficients, AICc, fitted values and forecasts.
 */
import type { FittedModel } from '../types.js';
import { evaluateArima, fitArima, type ArimaFit, type ArimaMethod } from './arima-fit.js';
import { arimaForecast } from './arima-forecast.js';
import { arimaName, type ArimaConstant, type ArimaOrder } from './arima-spec.js';

export function arimaModel(fit: ArimaFit, y: Float64Array): FittedModel {
  const n = y.length;
  const lost = n - fit.nobs;
  // One-step fitted values: y minus the (standardised) innovation, as R's fitted(Arima); none for the
  // observations the differencing consumed.
  const fitted = new Float64Array(n).fill(NaN);
  for (let t = lost; t < n; t++) fitted[t] = y[t]! - fit.innovations[t - lost]!;
  const params: Record<string, number> = {};
  fit.coefNames.forEach((name, i) => (params[name] = fit.coef[i]!));
  const name = arimaName(fit.order, fit.constant);
  const coefText = fit.coefNames.map((c, i) => `${c}=${Number(fit.coef[i]!.toPrecision(4))}`).join(' ');
  return {
    family: 'arima',
    name,
    spec: `${name}${coefText ? ' ' + coefText : ''} sigma2=${Number(fit.sigma2.toPrecision(4))}`,
    aicc: fit.aicc,
    params,
    nobs: fit.nobs,
    npar: fit.npar,
    sigma2: fit.sigma2,
    fitted,
    forecast: (h, levels) => arimaForecast(fit, y, h, levels),
    refit: (yy) => arimaModel(fitArima(yy, fit.order, fit.constant, fit.method, fit.coef), yy),
    refilter: (yy) => arimaModel(evaluateArima(yy, fit.order, fit.constant, fit.coef, fit.method), yy),
  };
}

/** Fits and wraps in one step. */
export function fitArimaModel(y: Float64Array, order: ArimaOrder, constant: ArimaConstant, method: ArimaMethod = 'CSS-ML'): FittedModel {
  return arimaModel(fitArima(y, order, constant, method), y);
}
