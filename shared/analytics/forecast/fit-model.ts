/**
 * Fits one named model kind to a regular series (everything but `auto`, see ./auto-select.ts).
 */
import { autoArima } from './arima/auto-arima.js';
import { arimaModel } from './arima/arima-model.js';
import { selectEts } from './ets/ets-select.js';
import type { ModelKind } from './model-kinds.js';
import { fitDrift } from './models/drift.js';
import { fitHolt } from './models/holt.js';
import { fitHoltWinters } from './models/holt-winters.js';
import { fitLinearTrend } from './models/linear-trend.js';
import { fitNaive } from './models/naive.js';
import { fitSeasonalNaive } from './models/seasonal-naive.js';
import { fitSes } from './models/ses.js';
import type { FittedModel } from './types.js';

/** `nnar` is not here: it needs tfjs, which the caller loads (./neural/nnar.ts). */
export function fitModel(kind: Exclude<ModelKind, 'auto' | 'nnar'>, y: Float64Array, m: number, onFit?: () => void): FittedModel {
  switch (kind) {
    case 'naive':
      return fitNaive(y);
    case 'snaive':
      return fitSeasonalNaive(y, m);
    case 'drift':
      return fitDrift(y);
    case 'linear':
      return fitLinearTrend(y);
    case 'ses':
      return fitSes(y);
    case 'holt':
      return fitHolt(y);
    case 'holt-damped':
      return fitHolt(y, true);
    case 'holt-winters':
      return fitHoltWinters(y, m, 'best', onFit);
    case 'holt-winters-additive':
      return fitHoltWinters(y, m, 'additive', onFit);
    case 'holt-winters-multiplicative':
      return fitHoltWinters(y, m, 'multiplicative', onFit);
    case 'holt-winters-damped':
      return fitHoltWinters(y, m, 'damped', onFit);
    case 'ets':
      return selectEts(y, m, {}, onFit);
    case 'arima':
      return arimaModel(autoArima(y, { m, ...(onFit ? { onFit } : {}) }).fit, y);
  }
}
