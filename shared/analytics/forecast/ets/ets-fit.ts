/**
 * Maximum-likelihood fit of one ETS specification: smoothing parameters inside the "usual" region
 * (0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98; Hyndman et al. 2008 §5.3, R's ets defaults) and, for
 * series up to STATE_OPTIMISATION_MAX_N observations, the initial states too, as R's ets does.
 *
 * The bounds are built into the parameterisation (each parameter is a logistic map of a free coordinate
 * onto its interval, β and γ relative to α), so Nelder–Mead searches an unconstrained space.
 * Past STATE_OPTIMISATION_MAX_N the starting states stay at their heuristic values (./ets-init.ts): their
 * influence on a likelihood of thousands of terms is negligible, and it keeps the search to ≤ 4 dimensions.
 */
import { aicc } from '../intervals.js';
import { nelderMead } from '../optim/nelder-mead.js';
import { bfgs } from '../optim/bfgs.js';
import type { FittedModel } from '../types.js';
import { etsFilter } from './ets-filter.js';
import { etsForecast } from './ets-forecast.js';
import { initialStates } from './ets-init.js';
import { etsName, etsParamCount, type EtsParams, type EtsSpec } from './ets-spec.js';

export const STATE_OPTIMISATION_MAX_N = 1000;
const LO = 1e-4;
const HI = 0.9999;
const PHI_LO = 0.8;
const PHI_HI = 0.98;

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));
const clampUnit = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

interface Layout {
  spec: EtsSpec;
  optimiseStates: boolean;
  fixed: { l0: number; b0: number; s0: Float64Array };
}

function decode(layout: Layout, u: Float64Array, into: EtsParams): EtsParams {
  const { spec } = layout;
  let k = 0;
  into.alpha = LO + (HI - LO) * sigmoid(u[k++]!);
  into.beta = spec.trend !== 'N' ? LO + (into.alpha - LO) * sigmoid(u[k++]!) : 0;
  into.gamma = spec.season !== 'N' ? LO + (1 - into.alpha - LO) * sigmoid(u[k++]!) : 0;
  into.phi = spec.trend === 'Ad' ? PHI_LO + (PHI_HI - PHI_LO) * sigmoid(u[k++]!) : 1;
  if (!layout.optimiseStates) {
    into.l0 = layout.fixed.l0;
    into.b0 = layout.fixed.b0;
    into.s0 = layout.fixed.s0;
    return into;
  }
  into.l0 = u[k++]!;
  into.b0 = spec.trend !== 'N' ? u[k++]! : 0;
  if (spec.season !== 'N') {
    const m = spec.m;
    let sum = 0;
    for (let j = 1; j < m; j++) {
      into.s0[j] = u[k++]!;
      sum += into.s0[j]!;
    }
    into.s0[0] = (spec.season === 'M' ? m : 0) - sum;
  }
  return into;
}

function encode(layout: Layout, p: EtsParams): Float64Array {
  const { spec } = layout;
  const u: number[] = [logit(clampUnit((p.alpha - LO) / (HI - LO)))];
  if (spec.trend !== 'N') u.push(logit(clampUnit((p.beta - LO) / (p.alpha - LO))));
  if (spec.season !== 'N') u.push(logit(clampUnit((p.gamma - LO) / (1 - p.alpha - LO))));
  if (spec.trend === 'Ad') u.push(logit(clampUnit((p.phi - PHI_LO) / (PHI_HI - PHI_LO))));
  if (layout.optimiseStates) {
    u.push(p.l0);
    if (spec.trend !== 'N') u.push(p.b0);
    if (spec.season !== 'N') for (let j = 1; j < spec.m; j++) u.push(p.s0[j]!);
  }
  return Float64Array.from(u);
}

function startingParams(spec: EtsSpec, y: Float64Array): EtsParams {
  const init = initialStates(spec, y);
  // R's forecast:::initparam: α = 0.2/m of the way into its range, β and γ small, φ near its top.
  const alpha = LO + (0.2 * (HI - LO)) / spec.m;
  return {
    alpha,
    beta: LO + 0.1 * (alpha - LO),
    gamma: LO + 0.05 * (1 - alpha - LO),
    phi: PHI_LO + 0.99 * (PHI_HI - PHI_LO),
    l0: init.l0,
    b0: init.b0,
    s0: init.s0,
  };
}

function scaleOf(y: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]! / y.length;
  let v = 0;
  for (let i = 0; i < y.length; i++) v += (y[i]! - mean) ** 2;
  const sd = Math.sqrt(v / Math.max(1, y.length - 1));
  return sd > 0 ? sd : Math.max(Math.abs(mean), 1);
}

/** Fits `spec` to y; `start` (a previous fit's parameters) warm-starts a refit. */
export function fitEts(spec: EtsSpec, y: Float64Array, start?: EtsParams): FittedModel {
  const n = y.length;
  const np = etsParamCount(spec);
  if (n <= np + 1) throw new RangeError(`${etsName(spec)} needs more than ${np + 1} observations, got ${n}`);
  if ((spec.error === 'M' || spec.season === 'M') && y.some((v) => !(v > 0))) throw new RangeError(`${etsName(spec)} needs strictly positive data`);
  if (spec.season !== 'N' && n < 2 * spec.m) throw new RangeError(`${etsName(spec)} needs two full seasons (${2 * spec.m} observations)`);

  const heuristic = startingParams(spec, y);
  const p0: EtsParams = start ? { ...start, s0: Float64Array.from(start.s0) } : heuristic;
  const optimiseStates = n <= STATE_OPTIMISATION_MAX_N;
  const layout: Layout = { spec, optimiseStates, fixed: { l0: heuristic.l0, b0: heuristic.b0, s0: heuristic.s0 } };
  if (!optimiseStates && start) layout.fixed = { l0: start.l0, b0: start.b0, s0: start.s0 };
  const work: EtsParams = { ...p0, s0: Float64Array.from(p0.s0) };
  const objective = (u: Float64Array) => etsFilter(spec, decode(layout, u, work), y).m2loglik;

  const u0 = encode(layout, p0);
  const scale = scaleOf(y);
  const step = Array.from(u0, (_, i) => stepFor(layout, i, scale));
  // Nelder–Mead finds the basin; with the initial states in the search (10–20 dimensions for a seasonal
  // model) a quasi-Newton polish and a last short simplex finish what NM does slowly there.
  let best = nelderMead(objective, u0, { step, maxEvals: start ? 600 : 1500, restarts: 1, reltol: 1e-8 });
  if (optimiseStates) {
    const polished = bfgs(objective, best.x, { maxIter: start ? 30 : 100 });
    if (polished.f < best.f) best = polished;
    const last = nelderMead(objective, best.x, { step: step.map((v) => v / 4), maxEvals: 300, restarts: 0, reltol: 1e-10 });
    if (last.f < best.f) best = last;
  }
  const params = decode(layout, best.x, { ...p0, s0: new Float64Array(p0.s0.length) });
  if (!layout.optimiseStates) params.s0 = Float64Array.from(layout.fixed.s0);
  return buildModel(spec, params, y);
}

function stepFor(layout: Layout, i: number, scale: number): number {
  const { spec } = layout;
  const smoothing = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  if (i < smoothing) return 0.5;
  if (i === smoothing) return 0.1 * scale; // level
  if (spec.trend !== 'N' && i === smoothing + 1) return (0.1 * scale) / Math.max(spec.m, 1); // trend
  return spec.season === 'M' ? 0.02 : 0.1 * scale; // seasonal states
}

/** Wraps fitted parameters as a FittedModel (fitted values, AICc, forecasts). */
export function buildModel(spec: EtsSpec, params: EtsParams, y: Float64Array): FittedModel {
  const n = y.length;
  const np = etsParamCount(spec);
  const fitted = new Float64Array(n);
  const res = etsFilter(spec, params, y, fitted);
  if (!Number.isFinite(res.m2loglik)) throw new RangeError(`${etsName(spec)} has no admissible fit to this series`);
  const sigma2 = res.sse / Math.max(1, n - np);
  const record: Record<string, number> = { alpha: params.alpha };
  if (spec.trend !== 'N') record.beta = params.beta;
  if (spec.season !== 'N') record.gamma = params.gamma;
  if (spec.trend === 'Ad') record.phi = params.phi;
  record.l0 = params.l0;
  if (spec.trend !== 'N') record.b0 = params.b0;
  const name = etsName(spec);
  return {
    family: 'ets',
    name,
    spec: `${name} ${Object.entries(record)
      .map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`)
      .join(' ')}`,
    aicc: aicc(-0.5 * res.m2loglik, np + 1, n),
    params: record,
    nobs: n,
    npar: np + 1,
    sigma2,
    fitted,
    forecast: (h, levels) => etsForecast(spec, params, res, sigma2, h, levels),
    refit: (yy) => fitEts(spec, yy, params),
    refilter: (yy) => buildModel(spec, params, yy),
  };
}
