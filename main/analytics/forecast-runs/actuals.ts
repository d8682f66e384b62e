/**
 * The actual values for a saved run's forecast periods, from the dataset as it is now. The series is
 * made regular exactly as the forecast did (same aggregation over each period), and a period counts
 * as having an actual only when at least one row with a value falls in it: periods the regulariser
 * filled by interpolation are not actuals.
 */
import { regularise } from '../../../shared/analytics/forecast/time/regularise.js';
import { gridIndex, gridTime, isCalendar } from '../../../shared/analytics/forecast/time/frequency.js';
import { parseTime } from '../../../shared/analytics/forecast/time/time-labels.js';
import type { ForecastRunConfig } from '../../../shared/model/forecast-run.js';

export interface ActualsLookup {
  /** The actual of the period labelled `time`, or null when no row has arrived for it yet. */
  actualAt(time: string | number): number | null;
  /** The frequency the current data has (to check it still matches the run's). */
  unit: string;
}

const NONE: ActualsLookup = { actualAt: () => null, unit: 'none' };

export function actualsFor(series: { times: unknown[]; values: unknown[] }, config: Pick<ForecastRunConfig, 'aggregate' | 'fill' | 'timeColumn' | 'valueColumn'>): ActualsLookup {
  let reg: ReturnType<typeof regularise>;
  try {
    reg = regularise(series.times, series.values, { aggregate: config.aggregate, fill: config.fill, timeColumn: config.timeColumn, valueColumn: config.valueColumn });
  } catch {
    // No usable values (the column was emptied or replaced): nothing to compare with yet.
    return NONE;
  }
  const { frequency, origin, y } = reg;
  const toIndex = (raw: unknown): number | null => {
    const parsed = typeof raw === 'string' || typeof raw === 'number' ? parseTime(raw) : null;
    if (!parsed) return null;
    return gridIndex(frequency, origin, parsed.value);
  };
  const observed = new Set<number>();
  for (let i = 0; i < series.times.length; i++) {
    const v = series.values[i];
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) continue;
    const k = toIndex(series.times[i]);
    if (k !== null) observed.add(k);
  }
  return {
    unit: frequency.unit,
    actualAt(time) {
      const parsed = parseTime(time);
      if (!parsed) return null;
      const k = gridIndex(frequency, origin, parsed.value);
      if (k < 0 || k >= y.length || !observed.has(k)) return null;
      // A label between two grid points of the current data belongs to no period of it.
      if (!isCalendar(frequency) && gridTime(frequency, origin, k) !== parsed.value) return null;
      return y[k]!;
    },
  };
}
