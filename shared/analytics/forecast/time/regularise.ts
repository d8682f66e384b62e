/**
 * Turns a time column and a value column into a regular series: parse, sort, put each observation on
 * its grid period, aggregate periods with several observations, and fill the periods with none. Every
 * repair is reported as a notice, so the output states how the series was made regular.
 */
import { UdashError } from '../../../errors.js';
import type { Notice } from '../types.js';
import { defaultSeason, describeFrequency, detectFrequency, gridIndex, gridTime, type Frequency } from './frequency.js';
import { formatTime, parseTime, type LabelStyle } from './time-labels.js';

export type FillMethod = 'linear' | 'zero' | 'forward';
export type AggregateMethod = 'mean' | 'sum' | 'last';

export interface RegularSeries {
  y: Float64Array;
  /** Grid time of each value (epoch ms, or the number for index-style times). */
  times: Float64Array;
  frequency: Frequency;
  style: LabelStyle;
  origin: number;
  notices: Notice[];
}

export interface RegulariseOptions {
  fill?: FillMethod;
  aggregate?: AggregateMethod;
  /** Names for messages. */
  timeColumn?: string;
  valueColumn?: string;
  /** Row number of the first element in the user's terms (2 for a CSV with a header row). */
  firstRow?: number;
}

export const MAX_POINTS = 5_000_000;

function readValue(v: unknown, row: number, column: string): number {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') {
    if (v !== v) return NaN;
    if (!Number.isFinite(v)) throw new UdashError('BAD_DATA', `Row ${row}: column "${column}" holds an infinite value; remove it or mark it missing`, { row, column });
    return v;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = String(v).trim();
  if (s === '' || /^(na|nan|null|n\/a|-)$/i.test(s)) return NaN;
  const num = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(num)) {
    if (/^[-+]?inf(inity)?$/i.test(s)) throw new UdashError('BAD_DATA', `Row ${row}: column "${column}" holds an infinite value; remove it or mark it missing`, { row, column });
    throw new UdashError('BAD_DATA', `Row ${row}: column "${column}" holds "${s.slice(0, 40)}", which is not a number`, { row, column });
  }
  return num;
}

export function regularise(times: readonly unknown[], values: readonly unknown[], opts: RegulariseOptions = {}): RegularSeries {
  const timeColumn = opts.timeColumn ?? 'time';
  const valueColumn = opts.valueColumn ?? 'value';
  const firstRow = opts.firstRow ?? 1;
  const fill = opts.fill ?? 'linear';
  const aggregate = opts.aggregate ?? 'mean';
  const notices: Notice[] = [];
  if (times.length !== values.length) throw new UdashError('BAD_INPUT', 'The time and value columns differ in length');
  if (times.length > MAX_POINTS) throw new UdashError('LIMIT', `Forecasting takes at most ${MAX_POINTS.toLocaleString('en-US')} rows; aggregate the data first`);

  const obs: { t: number; v: number }[] = [];
  let style: LabelStyle | null = null;
  let unsorted = false;
  let missingTimes = 0;
  for (let i = 0; i < times.length; i++) {
    const row = firstRow + i;
    const raw = times[i];
    if (raw === null || raw === undefined || raw === '') {
      missingTimes++;
      continue;
    }
    const parsed = typeof raw === 'string' || typeof raw === 'number' ? parseTime(raw) : raw instanceof Date ? { value: raw.getTime(), style: 'datetime' as const } : null;
    if (!parsed) throw new UdashError('BAD_DATA', `Row ${row}: column "${timeColumn}" holds "${String(raw).slice(0, 40)}", which is not a date, time or number`, { row, column: timeColumn });
    if (style === null) style = parsed.style;
    else if (style !== parsed.style) style = mergeStyles(style, parsed.style, row, timeColumn);
    const v = readValue(values[i], row, valueColumn);
    if (obs.length && parsed.value < obs[obs.length - 1]!.t) unsorted = true;
    obs.push({ t: parsed.value, v });
  }
  if (missingTimes) notices.push({ code: 'missing_times', message: `${missingTimes} row(s) without a time in "${timeColumn}" were left out.` });
  if (!obs.some((o) => o.v === o.v)) throw new UdashError('BAD_DATA', `Column "${valueColumn}" has no numeric values to forecast`, { column: valueColumn });
  if (unsorted) {
    obs.sort((a, b) => a.t - b.t);
    notices.push({ code: 'sorted', message: `The rows were not in time order; they were sorted by "${timeColumn}".` });
  }
  let st = style ?? 'number';
  const distinct: number[] = [];
  for (const o of obs) if (distinct.length === 0 || distinct[distinct.length - 1] !== o.t) distinct.push(o.t);
  const frequency = detectFrequency(Float64Array.from(distinct), st);
  const origin = obs[0]!.t;
  // Epoch times at midnight with a daily or coarser frequency read best as dates.
  if (st === 'datetime' && ['day', 'week', 'month', 'quarter', 'year'].includes(frequency.unit) && obs.every((o) => o.t % 86_400_000 === 0)) st = 'date';
  const last = gridIndex(frequency, origin, obs[obs.length - 1]!.t);
  if (last + 1 > MAX_POINTS) throw new UdashError('BAD_DATA', `The times in "${timeColumn}" span ${last + 1} ${frequency.unit}s; that is too many periods to forecast. Aggregate the data first.`, { column: timeColumn });

  // Aggregate per grid period.
  const sums = new Float64Array(last + 1);
  const counts = new Float64Array(last + 1);
  const lastValue = new Float64Array(last + 1).fill(NaN);
  let shared = 0;
  let offGrid = 0;
  for (const o of obs) {
    const k = gridIndex(frequency, origin, o.t);
    if (frequency.unit !== 'month' && frequency.unit !== 'quarter' && frequency.unit !== 'year' && gridTime(frequency, origin, k) !== o.t) offGrid++;
    if (o.v !== o.v) continue;
    if (counts[k]! > 0) shared++;
    sums[k]! += o.v;
    counts[k]! += 1;
    lastValue[k] = o.v;
  }
  if (offGrid) notices.push({ code: 'irregular', message: `${offGrid} timestamp(s) fell between ${describeFrequency(frequency)} periods and were assigned to the nearest period.` });
  if (shared) notices.push({ code: 'aggregated', message: `${shared} observation(s) shared a period with another; values in the same period were combined by ${aggregate === 'mean' ? 'their mean' : aggregate === 'sum' ? 'their sum' : 'keeping the last'}.` });

  let y = new Float64Array(last + 1);
  for (let k = 0; k <= last; k++) y[k] = counts[k]! > 0 ? (aggregate === 'mean' ? sums[k]! / counts[k]! : aggregate === 'sum' ? sums[k]! : lastValue[k]!) : NaN;

  // Trim missing periods at the ends: there is nothing to fill them from.
  let start = 0;
  while (start < y.length && y[start] !== y[start]) start++;
  let end = y.length - 1;
  while (end > start && y[end] !== y[end]) end--;
  if (start > 0 || end < y.length - 1) notices.push({ code: 'trimmed', message: `${start + (y.length - 1 - end)} period(s) without a value at the start or end were dropped.` });
  y = y.slice(start, end + 1);
  const gaps = fillGaps(y, fill);
  if (gaps) notices.push({ code: 'filled', message: `${gaps} missing ${describeFrequency(frequency)} period(s) were filled by ${fill === 'linear' ? 'linear interpolation' : fill === 'zero' ? 'zeros' : 'carrying the previous value forward'}.` });
  const times2 = Float64Array.from({ length: y.length }, (_, i) => gridTime(frequency, origin, start + i));
  const newOrigin = times2[0]!;
  return { y, times: times2, frequency, style: st, origin: newOrigin, notices };
}

function mergeStyles(a: LabelStyle, b: LabelStyle, row: number, column: string): LabelStyle {
  const dated = (s: LabelStyle) => s !== 'number';
  if (dated(a) !== dated(b)) throw new UdashError('BAD_DATA', `Row ${row}: column "${column}" mixes dates and plain numbers`, { row, column });
  if (a === 'datetime' || b === 'datetime') return 'datetime';
  if (a === 'date' || b === 'date') return 'date';
  return a;
}

/** Fills NaN gaps in place; returns how many values were filled. */
function fillGaps(y: Float64Array, fill: FillMethod): number {
  let filled = 0;
  let i = 0;
  while (i < y.length) {
    if (y[i] === y[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < y.length && y[j] !== y[j]) j++;
    const before = y[i - 1]!;
    const after = y[j]!;
    for (let k = i; k < j; k++) y[k] = fill === 'zero' ? 0 : fill === 'forward' ? before : before + ((after - before) * (k - i + 1)) / (j - i + 1);
    filled += j - i;
    i = j;
  }
  return filled;
}

/** Labels for the regular series and for h future periods after it. */
export function labelsFor(series: RegularSeries, count: number, from = 0): (string | number)[] {
  const out: (string | number)[] = [];
  for (let k = 0; k < count; k++) out.push(formatTime(gridTime(series.frequency, series.origin, from + k), series.style));
  return out;
}

export { defaultSeason };
