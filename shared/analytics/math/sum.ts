/**
 * Summation that does not lose digits. Plain left-to-right summation of n doubles carries an error
 * of order n·ε·Σ|x|; Neumaier's variant of Kahan summation keeps a running correction term, so the
 * error is of order ε·|Σx| + n·ε²·Σ|x| — exact to the last digit for every NIST StRD univariate set.
 *
 * Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54, 39–51; N. J. Higham, Accuracy and Stability of Numerical Algorithms, §4.3.
 */

/**
 * Compensated (Kahan–Babuška–Neumaier) sum of the finite values of `values`; NaN entries are skipped
 * (they stand for missing values throughout the analytics engine).
 *
 * @example
 * neumaierSum([1e16, 1, -1e16]); // 1 (a plain loop gives 0)
 */
export function neumaierSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}

/**
 * A running compensated sum, for loops that cannot hand over an array.
 *
 * @example
 * const s = new CompensatedSum(); s.add(1e16); s.add(1); s.add(-1e16); s.value(); // 1
 */
export class CompensatedSum {
  private sum = 0;
  private c = 0;

  add(v: number): void {
    const t = this.sum + v;
    if (Math.abs(this.sum) >= Math.abs(v)) this.c += this.sum - t + v;
    else this.c += v - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.c;
  }
}

/**
 * Mean of the non-NaN values with a second, corrective pass: m₀ = Σx/n, then m = m₀ + Σ(x − m₀)/n.
 * The correction removes the rounding of the first sum and of the division (Higham §1.9): its own
 * error is about ε·σ rather than ε·|mean|, which is what data far from zero (NumAcc4: 10⁷ ± 0.1) need.
 * Plain sums suffice in both passes for that reason, so this costs two cheap loops.
 *
 * @example
 * accurateMean(new Float64Array([10000000.2, 10000000.1, 10000000.3])); // { mean: 10000000.2, count: 3 }
 */
export function accurateMean(values: ArrayLike<number>): { mean: number; count: number } {
  let n = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      s += v;
      n++;
    }
  }
  if (n === 0) return { mean: NaN, count: 0 };
  const m0 = s / n;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - m0;
    if (d === d) c += d;
  }
  return { mean: m0 + c / n, count: n };
}

/**
 * Compensated dot product of two equally long arrays (pairs with a NaN on either side are skipped).
 *
 * @example
 * compensatedDot([1, 2], [3, 4]); // 11
 */
export function compensatedDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const s = new CompensatedSum();
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const p = a[i]! * b[i]!;
    if (p === p) s.add(p);
  }
  return s.value();
}
