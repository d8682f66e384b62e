/**
 * Roots of polynomials as the eigenvalues of their companion matrix (ml-matrix's EVD), for the unit-root
 * margin auto.arima demands and for reflecting non-invertible MA roots (R's maInvert).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface Complex {
  re: number;
  im: number;
}

/** Roots of c_0 + c_1 z + … + c_k z^k (trailing zero coefficients are dropped). */
export function polynomialRoots(coefs: ArrayLike<number>): Complex[] {
  let k = coefs.length - 1;
  while (k > 0 && coefs[k] === 0) k--;
  if (k < 1) return [];
  const lead = coefs[k]!;
  const companion = Matrix.zeros(k, k);
  for (let j = 0; j < k; j++) companion.set(0, j, -coefs[k - 1 - j]! / lead);
  for (let i = 1; i < k; i++) companion.set(i, i - 1, 1);
  const evd = new EigenvalueDecomposition(companion, { assumeSymmetric: false });
  return evd.realEigenvalues.map((re, i) => ({ re, im: evd.imaginaryEigenvalues[i]! }));
}

/** Smallest root modulus of 1 + Σ c_i z^i (Infinity for a constant). */
export function minRootModulus(c: ArrayLike<number>): number {
  const roots = polynomialRoots([1, ...Array.from(c)]);
  let min = Infinity;
  for (const r of roots) min = Math.min(min, Math.hypot(r.re, r.im));
  return min;
}

/**
 * Makes an MA polynomial 1 + Σθ_i z^i invertible by replacing each root inside the unit circle with its
 * reciprocal (same autocorrelations, R's maInvert).
 */
export function invertMa(theta: Float64Array): Float64Array {
  let q0 = theta.length;
  while (q0 > 0 && theta[q0 - 1] === 0) q0--;
  if (q0 === 0) return theta;
  const roots = polynomialRoots([1, ...Array.from(theta.subarray(0, q0))]);
  if (roots.every((r) => Math.hypot(r.re, r.im) >= 1)) return theta;
  if (q0 === 1) {
    const out = new Float64Array(theta.length);
    out[0] = 1 / theta[0]!;
    return out;
  }
  // Rebuild Π(1 − z/r) from the (reflected) roots with complex arithmetic.
  let re = [1];
  let im = [0];
  for (const r0 of roots) {
    const mod2 = r0.re * r0.re + r0.im * r0.im;
    const r = mod2 < 1 ? { re: r0.re / mod2, im: -r0.im / mod2 } : r0;
    const inv = { re: r.re / (r.re * r.re + r.im * r.im), im: -r.im / (r.re * r.re + r.im * r.im) };
    const nre = [...re, 0];
    const nim = [...im, 0];
    for (let i = 0; i < re.length; i++) {
      nre[i + 1]! -= re[i]! * inv.re - im[i]! * inv.im;
      nim[i + 1]! -= re[i]! * inv.im + im[i]! * inv.re;
    }
    re = nre;
    im = nim;
  }
  const out = new Float64Array(theta.length);
  for (let i = 1; i <= q0; i++) out[i - 1] = re[i]!;
  return out;
}
