/**
 * Histogram bins. Freedman–Diaconis by default (width 2·IQR·n^(−1/3), robust to outliers), Sturges
 * (⌈log₂ n⌉ + 1 bins) or a fixed bin count. Bins are equal-width, cover [min, max] exactly, are
 * closed on the left and open on the right except the last, which includes max.
 * References: D. Freedman & P. Diaconis (1981), Z. Wahrscheinlichkeitstheorie 57, 453–476;
 * H. A. Sturges (1926), JASA 21, 65–66.
 */
import { UdashError } from '../../errors.js';
import type { Notice } from '../notice.js';
import { quantileSorted } from '../descriptive/quantile.js';

export type BinMethod = 'freedman-diaconis' | 'sturges' | 'fixed';
export const MAX_BINS = 1000;

export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

export interface Histogram {
  method: BinMethod;
  binWidth: number;
  bins: HistogramBin[];
  notices: Notice[];
}

/**
 * @example
 * histogram(Float64Array.from([1, 2, 2, 3, 9]), { method: 'fixed', bins: 2 }).bins; // [{1, 5, 4}, {5, 9, 1}]
 */
export function histogram(sorted: Float64Array, opts: { method?: BinMethod; bins?: number } = {}): Histogram {
  const fn = 'histogram';
  const n = sorted.length;
  if (n === 0) throw new UdashError('BAD_DATA', `${fn}: no values`);
  let method = opts.method ?? (opts.bins !== undefined ? 'fixed' : 'freedman-diaconis');
  const notices: Notice[] = [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (min === max) {
    notices.push({ code: 'no-variance', message: `Every value is ${min}: one bin.` });
    return { method, binWidth: 0, bins: [{ start: min, end: max, count: n }], notices };
  }
  let k: number;
  if (method === 'fixed') {
    const b = opts.bins;
    if (b === undefined || !Number.isInteger(b) || b < 1 || b > MAX_BINS) throw new UdashError('BAD_INPUT', `${fn}: bins must be a whole number from 1 to ${MAX_BINS}, got ${b}`, { field: 'bins' });
    k = b;
  } else {
    k = Math.ceil(Math.log2(n)) + 1;
    if (method === 'freedman-diaconis') {
      const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
      if (iqr > 0) k = Math.max(1, Math.ceil((max - min) / ((2 * iqr) / Math.cbrt(n))));
      else {
        notices.push({ code: 'fallback-sturges', message: 'The interquartile range is 0, so Freedman–Diaconis cannot size bins; used Sturges instead.' });
        method = 'sturges';
      }
    }
    if (k > MAX_BINS) {
      notices.push({ code: 'bins-capped', message: `${k} bins would be needed; capped at ${MAX_BINS}.` });
      k = MAX_BINS;
    }
  }
  const width = (max - min) / k;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(k - 1, Math.floor((sorted[i]! - min) / width));
    counts[b]!++;
  }
  const bins = counts.map((count, b) => ({ start: min + b * width, end: b === k - 1 ? max : min + (b + 1) * width, count }));
  return { method, binWidth: width, bins, notices };
}
