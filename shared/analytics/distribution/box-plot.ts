/**
 * Box-plot statistics with Tukey's fences: quartiles (type 7), whiskers at the most extreme values
 * within 1.5·IQR of the box, and every value beyond them as an outlier with its row.
 * Reference: J. W. Tukey (1977), Exploratory Data Analysis.
 */
import { quantileSorted } from '../descriptive/quantile.js';

export interface BoxPlotStats {
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  lowerFence: number;
  upperFence: number;
  whiskerLow: number;
  whiskerHigh: number;
  /** Outliers in row order (at most `maxOutliers`), with their 1-based row. */
  outliers: { row: number; value: number }[];
  outlierCount: number;
}

/**
 * `values` in row order (NaN = missing), `sorted` the present values ascending.
 *
 * @example
 * boxPlotStats(Float64Array.from([1, 2, 3, 4, 100]), Float64Array.from([1, 2, 3, 4, 100])).outliers; // [{ row: 5, value: 100 }]
 */
export function boxPlotStats(values: Float64Array, sorted: Float64Array, maxOutliers = 1000): BoxPlotStats {
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lowerFence = q1 - 1.5 * iqr;
  const upperFence = q3 + 1.5 * iqr;
  let whiskerLow = q1;
  let whiskerHigh = q3;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]! >= lowerFence) {
      whiskerLow = sorted[i]!;
      break;
    }
  }
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i]! <= upperFence) {
      whiskerHigh = sorted[i]!;
      break;
    }
  }
  const outliers: { row: number; value: number }[] = [];
  let outlierCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v && (v < lowerFence || v > upperFence)) {
      outlierCount++;
      if (outliers.length < maxOutliers) outliers.push({ row: i + 1, value: v });
    }
  }
  return { q1, median, q3, iqr, lowerFence, upperFence, whiskerLow, whiskerHigh, outliers, outlierCount };
}
