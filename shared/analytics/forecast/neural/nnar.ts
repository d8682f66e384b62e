/**
 * NNAR(p,P,k)[m], the neural network autoregression of FPP3 §12.4 (R's forecast::nnetar): a network
 * with one hidden layer of k sigmoid units fed by the last p values and the values 1…P seasons back,
 * on the standardised series; an ensemble of networks whose outputs are averaged. Forecasts are
 * recursive; intervals come from simulated sample paths with normal errors of the residual spread
 * (there is no closed form). It has no likelihood comparable with ETS or ARIMA, so it meets the other
 * models only on the rolling-origin backtest — and `auto` never picks it by itself (see ./offer.ts).
 */
import type * as TF from '@tensorflow/tfjs';
import { LeastSquaresAccumulator } from '../../math/least-squares.js';
import { bandsFromDraws } from '../intervals.js';
import { SeededRandom } from '../optim/rng.js';
import type { FittedModel, ForecastPaths } from '../types.js';
import { predict, trainEnsemble, type NetWeights } from './network.js';

export interface NnarOptions {
  repeats?: number;
  iterations?: number;
  seed?: number;
}

interface NnarSpec {
  lags: number[];
  p: number;
  P: number;
  hidden: number;
  m: number;
}

const DEFAULTS = { repeats: 4, iterations: 300, seed: 1234 };
/** A refit in a backtest starts from the full fit's weights, so it needs far fewer steps. */
const REFIT_SHARE = 1 / 3;
const SIMULATIONS = 1000;

export function fitNnar(tf: typeof TF, y: Float64Array, m: number, opts: NnarOptions = {}, fixed?: { spec: NnarSpec; start: NetWeights[] }): FittedModel {
  const o = { ...DEFAULTS, ...opts };
  const { mu, sd } = standardisation(y);
  const z = Float64Array.from(y, (v) => (v - mu) / sd);
  const spec = fixed?.spec ?? chooseSpec(z, m);
  const { x, t, rows } = lagRows(z, spec.lags);
  if (rows < 2 * spec.lags.length + 4) throw new RangeError(`a neural network with ${spec.lags.length} lagged input${spec.lags.length === 1 ? '' : 's'} needs at least ${spec.lags[spec.lags.length - 1]! + 2 * spec.lags.length + 4} observations`);
  const nets = trainEnsemble(tf, x, t, spec.lags.length, {
    hidden: spec.hidden,
    repeats: o.repeats,
    iterations: fixed ? Math.ceil(o.iterations * REFIT_SHARE) : o.iterations,
    learningRate: 0.03,
    decay: 0.1,
    seed: o.seed,
    ...(fixed ? { start: fixed.start } : {}),
  });
  return model(tf, y, spec, nets, mu, sd, o);
}

function model(tf: typeof TF, y: Float64Array, spec: NnarSpec, nets: NetWeights[], mu: number, sd: number, o: Required<NnarOptions>): FittedModel {
  const n = y.length;
  const maxLag = spec.lags[spec.lags.length - 1]!;
  const z = Float64Array.from(y, (v) => (v - mu) / sd);
  const fitted = new Float64Array(n).fill(NaN);
  const row = new Float64Array(spec.lags.length);
  let sse = 0;
  for (let i = maxLag; i < n; i++) {
    spec.lags.forEach((l, j) => (row[j] = z[i - l]!));
    fitted[i] = mu + sd * predict(nets, row);
    sse += (y[i]! - fitted[i]!) ** 2;
  }
  const nobs = n - maxLag;
  const sigma2 = sse / nobs;
  const name = spec.m > 1 ? `NNAR(${spec.p},${spec.P},${spec.hidden})[${spec.m}]` : `NNAR(${spec.p},${spec.hidden})`;
  const perNet = spec.lags.length * spec.hidden + 2 * spec.hidden + 1;
  return {
    family: 'neural',
    name,
    spec: `${name}: ${nets.length} networks averaged, lags ${spec.lags.join(', ')}, ${perNet} weights each`,
    aicc: null,
    params: { p: spec.p, P: spec.P, k: spec.hidden, networks: nets.length },
    nobs,
    npar: perNet,
    sigma2,
    fitted,
    forecast: (h, levels) => forecast(nets, spec, z, mu, sd, Math.sqrt(sigma2) / sd, h, levels),
    refit: (yy) => fitNnar(tf, yy, spec.m, o, { spec, start: nets }),
    refilter: (yy) => model(tf, yy, spec, nets, mu, sd, o),
  };
}

function forecast(nets: NetWeights[], spec: NnarSpec, z: Float64Array, mu: number, sd: number, sigmaZ: number, h: number, levels: readonly number[]): ForecastPaths {
  const n = z.length;
  const path = new Float64Array(n + h);
  const row = new Float64Array(spec.lags.length);
  const step = (buf: Float64Array, i: number) => {
    spec.lags.forEach((l, j) => (row[j] = buf[i - l]!));
    return predict(nets, row);
  };
  path.set(z);
  const mean = new Float64Array(h);
  for (let i = 0; i < h; i++) mean[i] = mu + sd * (path[n + i] = step(path, n + i));
  if (levels.length === 0) return { mean, levels: [], lower: [], upper: [] };
  const rng = new SeededRandom(h * 104729 + n);
  const draws = Array.from({ length: h }, () => new Float64Array(SIMULATIONS));
  for (let k = 0; k < SIMULATIONS; k++) {
    path.set(z);
    for (let i = 0; i < h; i++) {
      const v = step(path, n + i) + sigmaZ * rng.normal();
      path[n + i] = v;
      draws[i]![k] = mu + sd * v;
    }
  }
  return bandsFromDraws(draws, mean, levels);
}

function standardisation(y: Float64Array): { mu: number; sd: number } {
  let mu = 0;
  for (const v of y) mu += v;
  mu /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mu) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, y.length - 1));
  if (!(sd > 0)) throw new RangeError('the series is constant');
  return { mu, sd };
}

/** Input rows (row-major) of the given lags and their targets. */
function lagRows(z: Float64Array, lags: number[]): { x: Float64Array; t: Float64Array; rows: number } {
  const maxLag = lags[lags.length - 1]!;
  const rows = Math.max(0, z.length - maxLag);
  const x = new Float64Array(rows * lags.length);
  const t = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const i = r + maxLag;
    lags.forEach((l, j) => (x[r * lags.length + j] = z[i - l]!));
    t[r] = z[i]!;
  }
  return { x, t, rows };
}

/**
 * nnetar's defaults: p is the order of the best linear AR model by AIC, P = 1 for a seasonal series,
 * and k = round((p + P + 1) / 2) hidden units.
 */
function chooseSpec(z: Float64Array, m: number): NnarSpec {
  const n = z.length;
  const seasonal = m > 1 && n > 3 * m;
  const maxP = Math.max(1, Math.min(10, Math.floor((n - (seasonal ? m : 0)) / 10), seasonal ? m - 1 : 10));
  const p = bestArOrder(seasonal ? seasonallyAdjusted(z, m) : z, maxP);
  const P = seasonal ? 1 : 0;
  const lags = [...new Set([...Array.from({ length: p }, (_, i) => i + 1), ...(P ? [m] : [])])].sort((a, b) => a - b);
  return { lags, p, P, hidden: Math.max(1, Math.round((p + P + 1) / 2)), m: seasonal ? m : 1 };
}

/** The series minus its mean at each position in the season (a classical seasonal adjustment). */
function seasonallyAdjusted(z: Float64Array, m: number): Float64Array {
  const sum = new Float64Array(m);
  const count = new Float64Array(m);
  z.forEach((v, i) => {
    sum[i % m]! += v;
    count[i % m]!++;
  });
  return Float64Array.from(z, (v, i) => v - sum[i % m]! / count[i % m]!);
}

/** The AR order (1…maxP) with the smallest AIC, all fitted by least squares on the same sample. */
function bestArOrder(z: Float64Array, maxP: number): number {
  const n = z.length;
  const rows = n - maxP;
  if (rows < maxP + 3) return 1;
  let best = 1;
  let bestAic = Infinity;
  for (let p = 1; p <= maxP; p++) {
    const cols = p + 1;
    const block = new Float64Array(rows * cols);
    const target = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const i = r + maxP;
      block[r] = 1;
      for (let l = 1; l <= p; l++) block[l * rows + r] = z[i - l]!;
      target[r] = z[i]!;
    }
    const acc = new LeastSquaresAccumulator(cols);
    acc.addBlock(block, target, rows);
    const rss = acc.solve().rss;
    const aic = rows * Math.log(Math.max(rss, 1e-300) / rows) + 2 * cols;
    if (aic < bestAic - 1e-9) {
      bestAic = aic;
      best = p;
    }
  }
  return best;
}
