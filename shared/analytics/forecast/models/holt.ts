/**
 * Holt's linear trend method as ETS(A,A,N), or its damped form ETS(A,Ad,N) (Gardner & McKenzie 1985),
 * fitted by maximum likelihood (FPP3 §8.2).
 */
import { fitEts } from '../ets/ets-fit.js';
import type { FittedModel } from '../types.js';

export function fitHolt(y: Float64Array, damped = false): FittedModel {
  return fitEts({ error: 'A', trend: damped ? 'Ad' : 'A', season: 'N', m: 1 }, y);
}
