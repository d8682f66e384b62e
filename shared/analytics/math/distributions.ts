/**
 * Probability distributions the statistics need, in full double precision: normal, Student t, F and
 * chi-square CDFs, survival functions (upper tails computed directly, so tiny p-values keep their
 * digits) and quantiles.
 *
 * - Normal CDF: W. J. Cody (1969), "Rational Chebyshev approximations for the error function",
 *   Math. Comp. 23, 631–637 (the SPECFUN/ACM 715 coefficients R's pnorm uses), accurate to ~1e-16.
 * - Normal quantile: M. J. Wichura (1988), Algorithm AS 241 (PPND16), Appl. Statist. 37, 477–484,
 *   relative accuracy ~1e-16.
 * - t, F: the regularized incomplete beta (./incomplete-beta.ts); chi-square: the regularized
 *   incomplete gamma (./incomplete-gamma.ts); their quantiles by safeguarded Newton on the tail that
 *   is smaller, from a closed-form or Cornish–Fisher / Wilson–Hilferty starting value.
 *
 * Hand-written: simple-statistics' probit/cumulativeStdNormalProbability are table- or series-based
 * with about 7 digits and it has no t, F or chi-square quantiles of this precision.
 */
/* eslint-disable no-loss-of-precision -- coefficients are kept as published (Cody 1969, Wichura 1988, Godfrey's Lanczos set) so they can be checked against the papers; JavaScript rounds each to the nearest double, which is what the algorithms assume. */
import { regularizedBeta } from './incomplete-beta.js';
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';
import { logBeta, logGamma } from './log-gamma.js';
import { solveMonotone } from './solve-monotone.js';

const SQRT_32 = 5.656854249492380195206754896838;
const INV_SQRT_2PI = 0.398942280401432677939946059934;
const LN_SQRT_2PI = 0.918938533204672741780329736406;

function checkProbability(fn: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be a probability in [0, 1], got ${p}`);
}
function checkDf(fn: string, df: number, name = 'df'): void {
  if (!(df > 0)) throw new RangeError(`${fn}: ${name} must be positive, got ${df}`);
}

// ---------------------------------------------------------------------------------------------- normal

const CA = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const CB = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const CC = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
  9842.7148383839780218, 1.0765576773720192317e-8,
];
const CD = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727];
const CP = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const CQ = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** Both tails of the standard normal at x: [P(X ≤ x), P(X > x)], each to full relative precision. */
function normalTails(x: number): [number, number] {
  if (Number.isNaN(x)) return [NaN, NaN];
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > 1.1e-16 ? x * x : 0;
    let num = CA[4]! * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + CA[i]!) * xsq;
      den = (den + CB[i]!) * xsq;
    }
    const t = (x * (num + CA[3]!)) / (den + CB[3]!);
    return [0.5 + t, 0.5 - t];
  }
  let small: number;
  if (y <= SQRT_32) {
    let num = CC[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CC[i]!) * y;
      den = (den + CD[i]!) * y;
    }
    small = (num + CC[7]!) / (den + CD[7]!);
  } else if (y < 50) {
    const xsq = 1 / (x * x);
    let num = CP[5]! * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + CP[i]!) * xsq;
      den = (den + CQ[i]!) * xsq;
    }
    small = (xsq * (num + CP[4]!)) / (den + CQ[4]!);
    small = (INV_SQRT_2PI - small) / y;
  } else {
    return x > 0 ? [1, 0] : [0, 1];
  }
  // exp(-y²/2) split as exp(-xsq²/2)·exp(-del/2) so the exponent is exact (Cody's trick).
  const xsq = Math.trunc(y * 16) / 16;
  const del = (y - xsq) * (y + xsq);
  small = Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * small;
  return x > 0 ? [1 - small, small] : [small, 1 - small];
}

/**
 * Standard normal density.
 *
 * @example
 * normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
}

/**
 * Standard normal CDF Φ(x) (Cody 1969).
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(x: number): number {
  return normalTails(x)[0];
}

/**
 * Standard normal upper tail 1 − Φ(x), computed directly.
 *
 * @example
 * normalSf(10); // 7.619853024160527e-24
 */
export function normalSf(x: number): number {
  return normalTails(x)[1];
}

/**
 * Standard normal quantile Φ⁻¹(p) (Wichura 1988, AS 241).
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  checkProbability('normalQuantile', p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

// ------------------------------------------------------------------------------------------ Student t

/** Lower tail P(T ≤ t) for t ≤ 0, via I_x(ν/2, 1/2)/2 with x = ν/(ν+t²) and 1 − x = t²/(ν+t²) exact. */
function tLowerTailNegative(t: number, df: number): number {
  if (t === -Infinity) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * regularizedBeta(x, df / 2, 0.5, { y });
}

/**
 * Student t density with `df` degrees of freedom.
 *
 * @example
 * tPdf(0, 1); // 1/π = 0.3183098861837907
 */
export function tPdf(t: number, df: number): number {
  checkDf('tPdf', df);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * Student t CDF P(T ≤ t).
 *
 * @example
 * tCdf(2.228138851986274, 10); // 0.975
 */
export function tCdf(t: number, df: number): number {
  checkDf('tCdf', df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  return t <= 0 ? tLowerTailNegative(t, df) : 1 - tLowerTailNegative(-t, df);
}

/**
 * Student t upper tail P(T > t), computed directly.
 *
 * @example
 * tSf(2.228138851986274, 10); // 0.025
 */
export function tSf(t: number, df: number): number {
  checkDf('tSf', df);
  return tCdf(-t, df);
}

/**
 * Two-sided p-value P(|T| ≥ |t|).
 *
 * @example
 * tTwoSidedP(2.228138851986274, 10); // 0.05
 */
export function tTwoSidedP(t: number, df: number): number {
  checkDf('tTwoSidedP', df);
  if (Number.isNaN(t)) return NaN;
  return Math.min(1, 2 * tLowerTailNegative(-Math.abs(t), df));
}

/**
 * Student t quantile: the t with P(T ≤ t) = p.
 *
 * @example
 * tQuantile(0.975, 10); // 2.2281388519649385
 */
export function tQuantile(p: number, df: number): number {
  checkProbability('tQuantile', p);
  checkDf('tQuantile', df);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Solve on the lower tail (t < 0) for precision; the upper half follows by symmetry.
  const tail = p < 0.5 ? p : 1 - p;
  let guess: number;
  if (df === 1) guess = Math.tan(Math.PI * (tail - 0.5));
  else if (df === 2) guess = (2 * tail - 1) / Math.sqrt(2 * tail * (1 - tail));
  else {
    // Cornish–Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5).
    const z = normalQuantile(tail);
    const z2 = z * z;
    guess = z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) + (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
    if (!(guess < 0)) guess = z;
  }
  const t = solveMonotone({ residual: (x) => tLowerTailNegative(x, df) - tail, derivative: (x) => tPdf(x, df), direction: 1, lo: -Infinity, hi: 0 }, guess);
  return p < 0.5 ? t : -t;
}

// ---------------------------------------------------------------------------------------- chi-square

/**
 * Chi-square density.
 *
 * @example
 * chiSquarePdf(2, 2); // e^-1 / 2 = 0.18393972058572117
 */
export function chiSquarePdf(x: number, df: number): number {
  checkDf('chiSquarePdf', df);
  if (x < 0) return 0;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Infinity : 0;
  const a = df / 2;
  return Math.exp((a - 1) * Math.log(x / 2) - x / 2 - logGamma(a)) / 2;
}

/**
 * Chi-square CDF P(X ≤ x).
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1); // 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  checkDf('chiSquareCdf', df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/**
 * Chi-square upper tail P(X > x), computed directly.
 *
 * @example
 * chiSquareSf(3.841458820694124, 1); // 0.05
 */
export function chiSquareSf(x: number, df: number): number {
  checkDf('chiSquareSf', df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/**
 * Chi-square quantile.
 *
 * @example
 * chiSquareQuantile(0.95, 1); // 3.841458820694124
 */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability('chiSquareQuantile', p);
  checkDf('chiSquareQuantile', df);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Wilson–Hilferty start; for small df and small p the series start x ≈ 2(p·a·Γ(a))^(1/a).
  const a = df / 2;
  const z = normalQuantile(p);
  const h = 2 / (9 * df);
  let guess = df * Math.pow(1 - h + z * Math.sqrt(h), 3);
  const small = 2 * Math.exp((Math.log(p) + Math.log(a) + logGamma(a)) / a);
  if (!(guess > 0) || (small < guess && small < df / 2)) guess = small;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  return solveMonotone(
    {
      residual: (x) => (upper ? chiSquareSf(x, df) : chiSquareCdf(x, df)) - target,
      derivative: (x) => chiSquarePdf(x, df),
      direction: upper ? -1 : 1,
      lo: 0,
      hi: Infinity,
    },
    guess,
  );
}

// ------------------------------------------------------------------------------------------------- F

function checkF(fn: string, d1: number, d2: number): void {
  checkDf(fn, d1, 'df1');
  checkDf(fn, d2, 'df2');
}

/**
 * F density with (d1, d2) degrees of freedom.
 *
 * @example
 * fPdf(1, 2, 2); // 0.25
 */
export function fPdf(x: number, d1: number, d2: number): number {
  checkF('fPdf', d1, d2);
  if (x < 0) return 0;
  if (x === 0) return d1 === 2 ? 1 : d1 < 2 ? Infinity : 0;
  const lx = Math.log(x);
  return Math.exp((d1 / 2) * Math.log(d1 / d2) + (d1 / 2 - 1) * lx - ((d1 + d2) / 2) * Math.log1p((d1 * x) / d2) - logBeta(d1 / 2, d2 / 2));
}

/** x = d1·F/(d1·F + d2) and 1 − x = d2/(d1·F + d2), both formed without cancellation. */
function fToBeta(f: number, d1: number, d2: number): { x: number; y: number } {
  const den = d1 * f + d2;
  return { x: (d1 * f) / den, y: d2 / den };
}

/**
 * F CDF P(X ≤ f).
 *
 * @example
 * fCdf(4.964602743730711, 1, 10); // 0.95
 */
export function fCdf(f: number, d1: number, d2: number): number {
  checkF('fCdf', d1, d2);
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  const { x, y } = fToBeta(f, d1, d2);
  return regularizedBeta(x, d1 / 2, d2 / 2, { y });
}

/**
 * F upper tail P(X > f), computed directly (the p-value of an F test).
 *
 * @example
 * fSf(4.964602743730711, 1, 10); // 0.05
 */
export function fSf(f: number, d1: number, d2: number): number {
  checkF('fSf', d1, d2);
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const { x, y } = fToBeta(f, d1, d2);
  return regularizedBeta(x, d1 / 2, d2 / 2, { y, upper: true });
}

/**
 * F quantile.
 *
 * @example
 * fQuantile(0.95, 1, 10); // 4.964602743730711
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  checkProbability('fQuantile', p);
  checkF('fQuantile', d1, d2);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Start from the chi-square quantile scaled to F (exact as d2 → ∞), then polish.
  let guess = chiSquareQuantile(p, d1) / d1;
  if (!(guess > 0) || !Number.isFinite(guess)) guess = 1;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  return solveMonotone(
    {
      residual: (x) => (upper ? fSf(x, d1, d2) : fCdf(x, d1, d2)) - target,
      derivative: (x) => fPdf(x, d1, d2),
      direction: upper ? -1 : 1,
      lo: 0,
      hi: Infinity,
    },
    guess,
  );
}
