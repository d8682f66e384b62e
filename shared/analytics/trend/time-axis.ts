/**
 * Puts a (time, value) series in order for trend analysis: rows with a missing time or value are
 * dropped, rows are sorted by time, and several values at the same time are averaged — each with a
 * notice, never silently. Then the spacing is classified (calendar months, quarters and years count
 * as regular even though their lengths in days differ) to pick natural seasonal periods.
 */
import { UdashError } from '../../errors.js';
import type { Notice } from '../notice.js';

export type TimeKind = 'datetime' | 'number';
export type FrequencyUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'step';

export interface Frequency {
  unit: FrequencyUnit;
  /** Typical spacing: milliseconds for datetimes, plain units for numbers. */
  step: number;
  regular: boolean;
  /** Seasonal periods that make sense at this spacing (e.g. 7 and 365 for days). */
  naturalPeriods: number[];
}

export interface PreparedSeries {
  time: Float64Array;
  values: Float64Array;
  frequency: Frequency;
  notices: Notice[];
}

const DAY = 86_400_000;
const UNITS: { unit: FrequencyUnit; ms: number; min: number; max: number; periods: number[] }[] = [
  { unit: 'second', ms: 1000, min: 1000, max: 1000, periods: [60] },
  { unit: 'minute', ms: 60_000, min: 60_000, max: 60_000, periods: [60, 1440] },
  { unit: 'hour', ms: 3_600_000, min: 3_600_000, max: 3_600_000, periods: [24, 168] },
  { unit: 'day', ms: DAY, min: DAY - 3_600_000, max: DAY + 3_600_000, periods: [7, 365] },
  { unit: 'week', ms: 7 * DAY, min: 7 * DAY - 3_600_000, max: 7 * DAY + 3_600_000, periods: [52] },
  { unit: 'month', ms: 30.44 * DAY, min: 28 * DAY, max: 31 * DAY + 3_600_000, periods: [12] },
  { unit: 'quarter', ms: 91.3 * DAY, min: 89 * DAY, max: 92 * DAY + 3_600_000, periods: [4] },
  { unit: 'year', ms: 365.25 * DAY, min: 365 * DAY, max: 366 * DAY + 3_600_000, periods: [] },
];

/**
 * @example
 * detectFrequency(Float64Array.from([0, 86400000, 172800000]), 'datetime').unit; // 'day'
 */
export function detectFrequency(time: Float64Array, kind: TimeKind): Frequency {
  const n = time.length;
  if (n < 2) return { unit: 'step', step: 1, regular: true, naturalPeriods: [] };
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = time[i]! - time[i - 1]!;
  const sorted = Float64Array.from(diffs).sort();
  const median = sorted[(n - 1) >> 1]!;
  if (kind === 'datetime') {
    for (const u of UNITS) {
      if (median >= u.min && median <= u.max) {
        const regular = sorted[0]! >= u.min && sorted[n - 2]! <= u.max;
        return { unit: u.unit, step: u.ms, regular, naturalPeriods: u.periods };
      }
    }
  }
  const regular = Math.abs(sorted[n - 2]! - sorted[0]!) <= 1e-9 * Math.max(1, Math.abs(median));
  return { unit: 'step', step: median, regular, naturalPeriods: [] };
}

/**
 * @example
 * prepareSeries(Float64Array.from([2, 1, 1]), Float64Array.from([5, 1, 3]), 'number').values; // [2, 5] (time 1 averaged)
 */
export function prepareSeries(time: Float64Array, value: Float64Array, kind: TimeKind, names: { time: string; value: string } = { time: 'time', value: 'value' }): PreparedSeries {
  const fn = 'prepareSeries';
  if (time.length !== value.length) throw new UdashError('BAD_INPUT', `${fn}: "${names.time}" has ${time.length} rows but "${names.value}" has ${value.length}`);
  const notices: Notice[] = [];
  const idx: number[] = [];
  let dropped = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    const v = value[i]!;
    if (v === Infinity || v === -Infinity) throw new UdashError('BAD_DATA', `${fn}: column "${names.value}" has an infinite value at row ${i + 1}`, { column: names.value, row: i + 1 });
    if (t === Infinity || t === -Infinity) throw new UdashError('BAD_DATA', `${fn}: column "${names.time}" has an infinite value at row ${i + 1}`, { column: names.time, row: i + 1 });
    if (t !== t || v !== v) dropped++;
    else idx.push(i);
  }
  if (idx.length === 0) throw new UdashError('BAD_DATA', `${fn}: no row has both a "${names.time}" and a "${names.value}" value`, { column: names.value });
  if (dropped > 0) notices.push({ code: 'missing-dropped', message: `${dropped} row${dropped === 1 ? '' : 's'} without a time or value left out.` });
  let sortedInput = true;
  for (let k = 1; k < idx.length; k++) if (time[idx[k]!]! < time[idx[k - 1]!]!) sortedInput = false;
  if (!sortedInput) {
    idx.sort((a, b) => time[a]! - time[b]! || a - b);
    notices.push({ code: 'sorted', message: `Rows were not in time order; sorted by "${names.time}".` });
  }
  const t: number[] = [];
  const v: number[] = [];
  let duplicates = 0;
  for (let k = 0; k < idx.length; ) {
    let j = k;
    let sum = 0;
    while (j < idx.length && time[idx[j]!] === time[idx[k]!]) sum += value[idx[j++]!]!;
    if (j - k > 1) duplicates += j - k - 1;
    t.push(time[idx[k]!]!);
    v.push(sum / (j - k));
    k = j;
  }
  if (duplicates > 0) notices.push({ code: 'duplicates-averaged', message: `${duplicates} row${duplicates === 1 ? '' : 's'} shared a time with another; values at the same time were averaged.` });
  const tt = Float64Array.from(t);
  const frequency = detectFrequency(tt, kind);
  if (!frequency.regular) notices.push({ code: 'irregular', message: 'The spacing between times varies; seasonality and moving averages treat the observations as evenly spaced.' });
  return { time: tt, values: Float64Array.from(v), frequency, notices };
}
