/**
 * Automatic ETS: fit every admissible specification and keep the smallest AICc (Hyndman et al. 2008
 * §7.2; R's forecast::ets with its defaults: no multiplicative trend, no additive-error/multiplicative-
 * season models, multiplicative components only for strictly positive data).
 */
import type { FittedModel } from '../types.js';
import { fitEts } from './ets-fit.js';
import { etsParamCount, isRestricted, type EtsSpec, type ErrorType, type SeasonType, type TrendType } from './ets-spec.js';

export interface EtsCandidates {
  errors?: ErrorType[];
  trends?: TrendType[];
  seasons?: SeasonType[];
}

export function etsCandidates(y: Float64Array, m: number, only: EtsCandidates = {}): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonalOk = m >= 2 && m <= 24 && y.length >= 2 * m;
  const specs: EtsSpec[] = [];
  for (const error of only.errors ?? (['A', 'M'] as ErrorType[])) {
    for (const trend of only.trends ?? (['N', 'A', 'Ad'] as TrendType[])) {
      for (const season of only.seasons ?? (['N', 'A', 'M'] as SeasonType[])) {
        const spec: EtsSpec = { error, trend, season, m: season === 'N' ? 1 : m };
        if (season !== 'N' && !seasonalOk) continue;
        if (!positive && (error === 'M' || season === 'M')) continue;
        if (isRestricted(spec) && !only.seasons) continue;
        if (y.length <= etsParamCount(spec) + 4) continue;
        specs.push(spec);
      }
    }
  }
  return specs;
}

/** The candidate with the smallest AICc; throws when none can be fitted. */
export function selectEts(y: Float64Array, m: number, only: EtsCandidates = {}, onFit?: () => void): FittedModel {
  let best: FittedModel | null = null;
  let lastError: unknown = null;
  for (const spec of etsCandidates(y, m, only)) {
    try {
      const fit = fitEts(spec, y);
      if (fit.aicc !== null && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc!)) best = fit;
    } catch (e) {
      lastError = e;
    }
    onFit?.();
  }
  if (!best) throw lastError instanceof Error ? lastError : new RangeError(`too few observations (${y.length}) for the exponential smoothing models asked for`);
  return best;
}
