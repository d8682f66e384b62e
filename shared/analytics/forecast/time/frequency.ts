/**
 * The sampling frequency of a time column and its regular grid. Calendar units (month, quarter, year)
 * step by calendar arithmetic, not by a fixed number of milliseconds; the others by a fixed step.
 */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'step';

export interface Frequency {
  unit: TimeUnit;
  /** Milliseconds per step for fixed units; the numeric step for 'step'; months per step for calendar units. */
  step: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIXED: [TimeUnit, number][] = [
  ['second', SECOND],
  ['minute', MINUTE],
  ['hour', HOUR],
  ['day', DAY],
  ['week', 7 * DAY],
];

/** Months since year 0 for calendar arithmetic. */
function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * Detects the frequency from sorted distinct times: the label style when it names one (months,
 * quarters, years); else the lower quartile of the spacings (robust to gaps) matched to a unit within
 * 5%; else, when the spacings are multiples of it, that step (4-hourly, 15-minute data); else (irregular
 * times) the unit nearest on a log scale, whose periods then collect the observations.
 */
export function detectFrequency(sorted: Float64Array, style: string): Frequency {
  if (style === 'month') return { unit: 'month', step: 1 };
  if (style === 'quarter') return { unit: 'quarter', step: 3 };
  if (style === 'year') return { unit: 'year', step: 12 };
  const diffs: number[] = [];
  for (let i = 1; i < sorted.length; i++) diffs.push(sorted[i]! - sorted[i - 1]!);
  diffs.sort((a, b) => a - b);
  const d = diffs.length ? diffs[Math.floor((diffs.length - 1) / 4)]! : 1;
  if (style === 'number') return { unit: 'step', step: d > 0 ? d : 1 };
  for (const [unit, ms] of FIXED) if (Math.abs(d - ms) <= 0.05 * ms) return { unit, step: ms };
  if (d >= 28 * DAY && d <= 31 * DAY) return { unit: 'month', step: 1 };
  if (d >= 89 * DAY && d <= 92 * DAY) return { unit: 'quarter', step: 3 };
  if (d >= 365 * DAY && d <= 366 * DAY) return { unit: 'year', step: 12 };
  if (d > 0 && diffs.every((x) => Math.abs(x / d - Math.round(x / d)) < 0.05)) return { unit: 'step', step: d };
  const ladder: [Frequency, number][] = [...FIXED.map(([unit, ms]): [Frequency, number] => [{ unit, step: ms }, ms]), [{ unit: 'month', step: 1 }, 30.44 * DAY], [{ unit: 'quarter', step: 3 }, 91.31 * DAY], [{ unit: 'year', step: 12 }, 365.25 * DAY]];
  let best = ladder[0]!;
  for (const rung of ladder) if (Math.abs(Math.log(d / rung[1])) < Math.abs(Math.log(d / best[1]))) best = rung;
  return best[0];
}

export function isCalendar(f: Frequency): boolean {
  return f.unit === 'month' || f.unit === 'quarter' || f.unit === 'year';
}

/** The grid index of a time relative to an origin time (rounded to the nearest grid point). */
export function gridIndex(f: Frequency, origin: number, t: number): number {
  if (isCalendar(f)) return Math.floor((monthIndex(t) - monthIndex(origin)) / f.step);
  return Math.round((t - origin) / f.step);
}

/** The time of grid index k. */
export function gridTime(f: Frequency, origin: number, k: number): number {
  if (isCalendar(f)) {
    const d = new Date(origin);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k * f.step, 1);
  }
  return origin + k * f.step;
}

/** The season length a frequency suggests (FPP3 §2.1 / R's frequency conventions); 1 = none. */
export function defaultSeason(f: Frequency): number {
  switch (f.unit) {
    case 'quarter':
      return 4;
    case 'month':
      return 12;
    case 'week':
      return 52;
    case 'day':
      return 7;
    case 'hour':
      return 24;
    default:
      return 1;
  }
}

export function describeFrequency(f: Frequency): string {
  if (f.unit === 'step') return `every ${f.step}`;
  return f.unit === 'day' ? 'daily' : f.unit === 'month' ? 'monthly' : f.unit === 'quarter' ? 'quarterly' : f.unit === 'year' ? 'yearly' : f.unit === 'week' ? 'weekly' : `${f.unit}ly`;
}
