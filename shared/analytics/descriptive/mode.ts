/**
 * The most frequent value(s) of sorted values: one linear scan over runs. Null when no value repeats
 * (continuous data has no meaningful mode). Hand-written because simple-statistics' modeSorted returns
 * a single value and hides ties.
 */

export interface ModeResult {
  /** Every value reaching the highest count, ascending (at most 10). */
  values: number[];
  count: number;
}

/**
 * @example
 * modeSorted(new Float64Array([1, 2, 2, 3, 3])); // { values: [2, 3], count: 2 }
 */
export function modeSorted(sorted: Float64Array): ModeResult | null {
  let best = 1;
  let values: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const run = j - i;
    if (run > best) {
      best = run;
      values = [sorted[i]!];
    } else if (run === best && best > 1 && values.length < 10) values.push(sorted[i]!);
    i = j;
  }
  return best > 1 ? { values, count: best } : null;
}
