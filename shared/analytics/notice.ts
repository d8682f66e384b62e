/**
 * Something a result's reader should know that is not an error: a fallback taken, rows left out, a
 * statistic that is undefined for this data. Results carry these instead of a silent NaN.
 */
export interface Notice {
  /** Stable, machine-readable: e.g. "no-variance", "perfect-fit", "sorted", "too-short". */
  code: string;
  message: string;
}
