/**
 * Seasonal differencing by seasonal strength, the default test of R's forecast::nsdiffs since v8.6
 * (Wang, Smith & Hyndman 2006; FPP3 §4.3): F_S = max(0, 1 − Var(R)/Var(S + R)) from an STL
 * decomposition, and one seasonal difference when F_S > 0.64. The STL is the trend engine's
 * (../../trend/stl.ts, seasonal window 11 as R's mstl), run on the most recent STL_WINDOW observations:
 * the test asks whether the seasonal pattern is strong now, and STL on every point of a 10,000-point
 * series would cost more than the whole model search.
 */
import { stl } from '../../trend/stl.js';
import { seasonalStrength as strengthOf } from '../../trend/seasonality.js';
import { isConstant } from './kpss.js';

export const SEASONAL_STRENGTH_THRESHOLD = 0.64;
export const STL_WINDOW = 1000;

export function seasonalStrength(y: Float64Array, m: number): number {
  if (m < 2 || y.length < 2 * m || isConstant(y)) return 0;
  const recent = y.length > STL_WINDOW ? y.subarray(y.length - Math.max(STL_WINDOW, 4 * m)) : y;
  return strengthOf(stl(Float64Array.from(recent), { period: m }));
}

export function seasonalDifferences(y: Float64Array, m: number): number {
  return seasonalStrength(y, m) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}
