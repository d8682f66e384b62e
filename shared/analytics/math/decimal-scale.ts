/**
 * Decimal-exact arithmetic for data typed as short decimals. A CSV value "10000000.2" becomes the
 * double 10000000.199999999254…, and that representation error alone (≈ 10⁻⁹ here) caps the standard
 * deviation of NIST's NumAcc3/NumAcc4 (SD 0.1 around 10⁶ and 10⁷) at about 8 correct digits, whatever
 * the algorithm. When every value is exactly the double nearest to a decimal with at most 9 places
 * (k/10^D === x for an integer k), the statistics can work on the integers k instead — exact
 * deviations, no representation error — and give the value the user's decimals denote.
 */

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const LIMIT = 2 ** 50;

/**
 * The smallest D (0…9) with every finite value equal to round(x·10^D)/10^D and |x·10^D| < 2⁵⁰, or
 * null when there is none. NaN entries are ignored.
 *
 * @example
 * decimalScale(new Float64Array([10000000.2, 10000000.1])); // 1
 * decimalScale(new Float64Array([1 / 3])); // null
 */
export function decimalScale(values: ArrayLike<number>): number | null {
  let d = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x !== x) continue;
    for (;;) {
      const p = POW10[d]!;
      const k = Math.round(x * p);
      if (Math.abs(k) < LIMIT && k / p === x) break;
      if (d === 9 || Math.abs(x * p) >= LIMIT) return null;
      d++;
    }
  }
  return d;
}

/**
 * The integers k_i = round(x_i·10^D) (NaN stays NaN).
 *
 * @example
 * scaledIntegers(new Float64Array([1.5, 2.25]), 2); // Float64Array [150, 225]
 */
export function scaledIntegers(values: ArrayLike<number>, d: number): Float64Array {
  const p = POW10[d]!;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]! * p);
  return out;
}

export function powerOfTen(d: number): number {
  return POW10[d]!;
}
