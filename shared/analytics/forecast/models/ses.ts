/**
 * Simple exponential smoothing as the state space model ETS(A,N,N), fitted by maximum likelihood
 * (FPP3 §8.1; Hyndman et al. 2008 §2.3).
 */
import { fitEts } from '../ets/ets-fit.js';
import type { FittedModel } from '../types.js';

export function fitSes(y: Float64Array): FittedModel {
  return fitEts({ error: 'A', trend: 'N', season: 'N', m: 1 }, y);
}
