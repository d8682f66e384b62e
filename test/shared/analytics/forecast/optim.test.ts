/** The numerical building blocks, checked against properties that define them. */
import { describe, expect, it } from 'vitest';
import { bfgs } from '../../../../shared/analytics/forecast/optim/bfgs.js';
import { nelderMead } from '../../../../shared/analytics/forecast/optim/nelder-mead.js';
import { arToPacf, isStationary, pacfToAr } from '../../../../shared/analytics/forecast/arima/ar-transform.js';
import { invertMa, minRootModulus } from '../../../../shared/analytics/forecast/arima/polynomial-roots.js';
import { armaAutocovariance, stationaryStateCovariance } from '../../../../shared/analytics/forecast/arima/stationary-covariance.js';
import { expandAr, expandMa } from '../../../../shared/analytics/forecast/arima/arima-spec.js';

const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('optimisers', () => {
  it('Nelder–Mead and BFGS find the Rosenbrock minimum (1, 1)', () => {
    const nm = nelderMead(rosenbrock, [-1.2, 1], { step: [0.5, 0.5], maxEvals: 5000, reltol: 1e-14 });
    expect(nm.x[0]).toBeCloseTo(1, 3);
    expect(nm.x[1]).toBeCloseTo(1, 3);
    const q = bfgs(rosenbrock, [-1.2, 1], { maxIter: 500, reltol: 1e-14 });
    expect(q.x[0]).toBeCloseTo(1, 3);
    expect(q.x[1]).toBeCloseTo(1, 3);
  });
});

describe('ARMA algebra', () => {
  it('PACF ↔ AR round-trips and always gives a stationary polynomial', () => {
    const raw = [2.5, -1.3, 0.7, 3];
    const ar = pacfToAr(raw);
    expect(isStationary(ar)).toBe(true);
    expect(Array.from(arToPacf(ar)!).map((v) => Number(v.toFixed(9)))).toEqual(raw);
    expect(isStationary([1.2])).toBe(false);
    expect(isStationary([0.5, 0.6])).toBe(false); // root inside the unit circle
  });

  it('multiplies seasonal polynomials', () => {
    expect(Array.from(expandMa([-0.4], [-0.5], 4))).toEqual([-0.4, 0, 0, -0.5, 0.2]);
    expect(Array.from(expandAr([0.5], [0.3], 2))).toEqual([0.5, 0.3, -0.15]);
  });

  it('reflects MA roots inside the unit circle without changing the autocorrelations', () => {
    const theta = Float64Array.from([2.5, 1]); // roots −0.5 and −2
    const inv = invertMa(theta);
    expect(minRootModulus(inv)).toBeGreaterThanOrEqual(1 - 1e-9);
    const acf = (t: ArrayLike<number>) => {
      const g = armaAutocovariance([], t, 2);
      return [g[1]! / g[0]!, g[2]! / g[0]!];
    };
    expect(acf(inv)[0]).toBeCloseTo(acf(theta)[0]!, 10);
    expect(acf(inv)[1]).toBeCloseTo(acf(theta)[1]!, 10);
  });

  it('AR(1) autocovariance is φ^k/(1−φ²)', () => {
    const g = armaAutocovariance([0.6], [], 3);
    [1, 0.6, 0.36, 0.216].forEach((v, k) => expect(g[k]).toBeCloseTo(v / (1 - 0.36), 12));
  });

  it('the state covariance solves the Lyapunov equation P = TPT′ + RR′', () => {
    const phi = expandAr([0.5, -0.2], [0.4], 4);
    const theta = expandMa([0.3], [-0.6], 4);
    const r = Math.max(phi.length, theta.length + 1);
    const P = stationaryStateCovariance(phi, theta, r);
    const T = (i: number, k: number) => (k === 0 ? (i < phi.length ? phi[i]! : 0) : k === i + 1 ? 1 : 0);
    const R = (i: number) => (i === 0 ? 1 : i - 1 < theta.length ? theta[i - 1]! : 0);
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let s = R(i) * R(j);
        for (let k = 0; k < r; k++) for (let l = 0; l < r; l++) s += T(i, k) * P[k * r + l]! * T(j, l);
        expect(s).toBeCloseTo(P[i * r + j]!, 9);
      }
    }
  });
});
