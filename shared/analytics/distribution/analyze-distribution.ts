/**
 * Everything the distribution view shows for one column: summary, histogram, box plot, normality
 * tests with a verdict in plain words, and QQ points. Shapiro–Wilk is used where it is valid
 * (3 ≤ n ≤ 5000); Anderson–Darling (n ≥ 8) and Jarque–Bera back it up and take over beyond 5000.
 */
import { UdashError } from '../../errors.js';
import type { NumericColumn } from '../column.js';
import type { Notice } from '../notice.js';
import { centralMoments } from '../descriptive/central-moments.js';
import { presentValues } from '../descriptive/present-values.js';
import { kurtosisFromMoments, skewnessFromMoments } from '../descriptive/shape.js';
import { andersonDarling, type AndersonDarlingResult } from './anderson-darling.js';
import { boxPlotStats, type BoxPlotStats } from './box-plot.js';
import { histogram, type BinMethod, type Histogram } from './histogram.js';
import { jarqueBera, type JarqueBeraResult } from './jarque-bera.js';
import { qqPoints, type QqPlot } from './qq-points.js';
import { shapiroWilk, type ShapiroWilkResult } from './shapiro-wilk.js';

export interface DistributionOptions {
  binMethod?: BinMethod;
  bins?: number;
  /** Significance level of the normality verdict (default 0.05). */
  alpha?: number;
  qqPoints?: number;
}

export interface DistributionResult {
  name: string;
  n: number;
  missing: number;
  mean: number;
  stdDev: number;
  skewness: number | null;
  kurtosis: number | null;
  histogram: Histogram;
  boxPlot: BoxPlotStats;
  normality: {
    shapiroWilk: ShapiroWilkResult | null;
    andersonDarling: AndersonDarlingResult | null;
    jarqueBera: JarqueBeraResult | null;
    alpha: number;
    /** null when no test applies (fewer than 3 values). */
    normal: boolean | null;
    verdict: string;
  };
  qq: QqPlot;
  notices: Notice[];
}

function describeShape(skew: number | null, kurt: number | null): string {
  const parts: string[] = [];
  if (skew !== null && Math.abs(skew) >= 0.5) parts.push(skew > 0 ? 'right-skewed (a long tail of high values)' : 'left-skewed (a long tail of low values)');
  if (kurt !== null && kurt >= 1) parts.push('heavy-tailed (more extreme values than a normal distribution)');
  if (kurt !== null && kurt <= -1) parts.push('light-tailed (flatter than a normal distribution)');
  return parts.join(' and ');
}

/**
 * @example
 * analyzeDistribution(numericColumn('a', [2.1, 2.5, 2.9, 3.0, 3.2, 3.3, 3.8, 4.4])).normality.normal; // true
 */
export function analyzeDistribution(col: NumericColumn, opts: DistributionOptions = {}): DistributionResult {
  const fn = 'analyzeDistribution';
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new UdashError('BAD_INPUT', `${fn}: alpha must be between 0 and 1, got ${alpha}`, { field: 'alpha' });
  const { values, missing } = presentValues(fn, col);
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const m = centralMoments(values);
  const notices: Notice[] = [];
  const constant = sorted[0] === sorted[n - 1];
  const skewness = skewnessFromMoments(m);
  const kurtosis = kurtosisFromMoments(m);
  let sw: ShapiroWilkResult | null = null;
  let ad: AndersonDarlingResult | null = null;
  let jb: JarqueBeraResult | null = null;
  let normal: boolean | null = null;
  let verdict: string;
  if (constant) {
    notices.push({ code: 'no-variance', message: `Column "${col.name}" has no variance (every value is ${sorted[0]}); normality tests do not apply.` });
    verdict = `Every value is ${sorted[0]}: there is no distribution to test.`;
  } else if (n < 3) {
    notices.push({ code: 'too-few-values', message: `Column "${col.name}" has ${n} values; normality tests need at least 3.` });
    verdict = 'Too few values to judge normality.';
  } else {
    if (n <= 5000) sw = shapiroWilk(sorted);
    else notices.push({ code: 'shapiro-wilk-n', message: `Shapiro–Wilk is valid for 3 to 5000 values; with ${n} the verdict uses Anderson–Darling.` });
    if (n >= 8) ad = andersonDarling(sorted);
    jb = jarqueBera(values);
    const test = sw ? { name: 'Shapiro–Wilk', p: sw.pValue } : ad ? { name: 'Anderson–Darling', p: ad.pValue } : { name: 'Jarque–Bera', p: jb.pValue };
    normal = test.p >= alpha;
    const shape = describeShape(skewness, kurtosis);
    const p = test.p < 0.001 ? '< 0.001' : `= ${test.p.toPrecision(2)}`;
    verdict = normal
      ? `Consistent with a normal distribution (${test.name} p ${p}).`
      : `Not normally distributed (${test.name} p ${p})${shape ? `: ${shape}` : ''}.`;
    if (n > 5000 && !normal) verdict += ' With this many values even small departures from normality are significant; look at the QQ plot.';
  }
  const hist = histogram(sorted, { ...(opts.binMethod ? { method: opts.binMethod } : {}), ...(opts.bins !== undefined ? { bins: opts.bins } : {}) });
  return {
    name: col.name,
    n,
    missing,
    mean: m.mean,
    stdDev: n > 1 ? Math.sqrt(m.m2 / (n - 1)) : 0,
    skewness,
    kurtosis,
    histogram: hist,
    boxPlot: boxPlotStats(col.values, sorted),
    normality: { shapiroWilk: sw, andersonDarling: ad, jarqueBera: jb, alpha, normal, verdict },
    qq: qqPoints(sorted, opts.qqPoints),
    notices: [...notices, ...hist.notices],
  };
}
