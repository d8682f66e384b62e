/**
 * Seasonality detection. The series is linearly detrended; candidate periods are the local maxima of
 * its autocorrelation function (plus the natural periods of the time spacing, e.g. 7 for days),
 * scored by their autocorrelation; a multiple of a nearly as strong shorter candidate yields to it.
 * The periodogram's strongest period is reported beside it as a cross-check. The strength is
 * Wang, Smith & Hyndman's F_S = max(0, 1 − Var(R)/Var(S + R)) from an STL decomposition at that
 * period (0 none … 1 a pure seasonal pattern). Automatic detection looks at periods with at least
 * three full cycles in the data and reports one only when its autocorrelation is at least
 * max(0.2, 1.96/√n) and F_S ≥ 0.3: with hundreds of lags scanned, weaker peaks are mostly noise
 * (white noise of 1,000 points otherwise yields a spurious period).
 * References: X. Wang, K. Smith, R. J. Hyndman (2006), Data Mining and Knowledge Discovery 13(3),
 * 335–364; R. J. Hyndman & G. Athanasopoulos, Forecasting: Principles and Practice 3rd ed., §4.3.
 */
import { autocorrelations } from '../descriptive/autocorrelation.js';
import { periodogram } from './periodogram.js';
import { stl, type StlResult } from './stl.js';

export interface Seasonality {
  /** Detected period in observations, or null when there is no clear seasonality. */
  period: number | null;
  /** F_S in [0, 1] at the detected (or requested) period; a weak value (below 0.3) comes with period null; 0 when no candidate exists. */
  strength: number;
  /** Autocorrelation of the detrended series at the period. */
  acf: number | null;
  /** Strongest periodogram period (observations per cycle), as a cross-check. */
  periodogramPeriod: number | null;
  candidates: { period: number; acf: number }[];
  method: 'acf' | 'given';
}

function detrend(values: Float64Array): Float64Array {
  const n = values.length;
  const tm = (n - 1) / 2;
  let ym = 0;
  for (let i = 0; i < n; i++) ym += values[i]!;
  ym /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tm) * (values[i]! - ym);
    sxx += (i - tm) * (i - tm);
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i]! - ym - b * (i - tm);
  return out;
}

function variance(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i]!;
  m /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - m) ** 2;
  return s / (x.length - 1);
}

/** F_S of a decomposition. */
export function seasonalStrength(d: StlResult): number {
  const sr = new Float64Array(d.seasonal.length);
  for (let i = 0; i < sr.length; i++) sr[i] = d.seasonal[i]! + d.remainder[i]!;
  const vsr = variance(sr);
  return vsr > 0 ? Math.max(0, Math.min(1, 1 - variance(d.remainder) / vsr)) : 0;
}

/**
 * @example
 * const y = Float64Array.from({ length: 120 }, (_, t) => t / 10 + Math.sin((2 * Math.PI * t) / 12));
 * detectSeasonality(y).period; // 12
 */
export function detectSeasonality(values: Float64Array, opts: { naturalPeriods?: number[]; period?: number } = {}): { seasonality: Seasonality; decomposition: StlResult | null } {
  const n = values.length;
  const none = (extra: Partial<Seasonality> = {}): { seasonality: Seasonality; decomposition: null } => ({
    seasonality: { period: null, strength: 0, acf: null, periodogramPeriod: null, candidates: [], method: 'acf', ...extra },
    decomposition: null,
  });
  if (n < 8) return none();
  const d = detrend(values);
  const maxLag = Math.min(Math.floor(n / 2), 2000);
  const maxPeriod = Math.floor(n / 3);
  const acf = autocorrelations(d, maxLag);
  const r = (k: number) => acf[k - 1] ?? null;
  const pg = periodogram(d);
  let best = 0;
  for (let k = 1; k < pg.power.length; k++) if (pg.power[k]! > pg.power[best]!) best = k;
  const pgPeriod = pg.power.length > 0 && pg.frequency[best]! > 0 ? Math.round(1 / pg.frequency[best]!) : null;

  if (opts.period !== undefined) {
    const p = opts.period;
    const dec = stl(values, { period: p });
    return { seasonality: { period: p, strength: seasonalStrength(dec), acf: r(p), periodogramPeriod: pgPeriod, candidates: [], method: 'given' }, decomposition: dec };
  }
  const candidates: { period: number; acf: number }[] = [];
  for (let k = 2; k < maxLag; k++) {
    const a = r(k);
    const prev = r(k - 1);
    const next = r(k + 1);
    if (k <= maxPeriod && a !== null && prev !== null && next !== null && a > prev && a >= next && a > 0) candidates.push({ period: k, acf: a });
  }
  for (const p of opts.naturalPeriods ?? []) {
    const a = r(p);
    if (p >= 2 && p <= maxPeriod && p < maxLag && a !== null && !candidates.some((c) => c.period === p)) candidates.push({ period: p, acf: a });
  }
  candidates.sort((a, b) => b.acf - a.acf);
  const threshold = Math.max(0.2, 1.96 / Math.sqrt(n));
  let chosen = candidates[0];
  if (chosen) {
    // Prefer the fundamental: a shorter candidate that divides the chosen one and is nearly as strong.
    for (const c of candidates) if (c.period < chosen.period && chosen.period % c.period === 0 && c.acf >= 0.8 * chosen.acf) chosen = c;
  }
  if (!chosen || chosen.acf <= threshold || n < 2 * chosen.period) return none({ candidates: candidates.slice(0, 5), periodogramPeriod: pgPeriod });
  const dec = stl(values, { period: chosen.period });
  const strength = seasonalStrength(dec);
  if (strength < 0.3) return none({ candidates: candidates.slice(0, 5), periodogramPeriod: pgPeriod, strength });
  return { seasonality: { period: chosen.period, strength, acf: chosen.acf, periodogramPeriod: pgPeriod, candidates: candidates.slice(0, 5), method: 'acf' }, decomposition: dec };
}
