/**
 * Holt–Winters seasonal methods as ETS models fitted by maximum likelihood (FPP3 §8.3):
 * additive ETS(A,A,A), multiplicative ETS(M,A,M), damped ETS(A,Ad,A) / ETS(M,Ad,M). "best" picks the
 * smallest AICc among those the data allow (multiplicative forms need strictly positive data).
 */
import { selectEts } from '../ets/ets-select.js';
import type { FittedModel } from '../types.js';

export type HoltWintersVariant = 'best' | 'additive' | 'multiplicative' | 'damped';

export function fitHoltWinters(y: Float64Array, m: number, variant: HoltWintersVariant = 'best', onFit?: () => void): FittedModel {
  if (m < 2) throw new RangeError('Holt–Winters needs a season length of at least 2');
  if (variant === 'additive') return selectEts(y, m, { errors: ['A'], trends: ['A'], seasons: ['A'] }, onFit);
  if (variant === 'multiplicative') {
    if (!y.every((v) => v > 0)) throw new RangeError('multiplicative Holt–Winters needs strictly positive data');
    return selectEts(y, m, { errors: ['M'], trends: ['A'], seasons: ['M'] }, onFit);
  }
  const trends = variant === 'damped' ? (['Ad'] as const) : (['A', 'Ad'] as const);
  const candidates = [selectEts(y, m, { errors: ['A'], trends: [...trends], seasons: ['A'] }, onFit)];
  if (y.every((v) => v > 0)) candidates.push(selectEts(y, m, { errors: ['M'], trends: [...trends], seasons: ['M'] }, onFit));
  return candidates.reduce((a, b) => (b.aicc! < a.aicc! ? b : a));
}
