/**
 * Forecast horizons in steps ("12", 12) or calendar units ("30d", "8w", "6mo", "2q", "1y", "48h"):
 * a calendar horizon counts the grid periods from the last observation up to that far ahead.
 */
import { UdashError } from '../../../errors.js';
import { gridIndex, isCalendar, type Frequency } from './frequency.js';

export const MAX_HORIZON = 10_000;

type Unit = { ms: number } | { months: number };
const UNITS: [RegExp, Unit][] = [
  [/^(s|secs?|seconds?)$/, { ms: 1000 }],
  [/^(min|mins|minutes?)$/, { ms: 60_000 }],
  [/^(h|hrs?|hours?)$/, { ms: 3_600_000 }],
  [/^(d|days?)$/, { ms: 86_400_000 }],
  [/^(w|wks?|weeks?)$/, { ms: 7 * 86_400_000 }],
  [/^(mo|mos|months?)$/, { months: 1 }],
  [/^(q|qtrs?|quarters?)$/, { months: 3 }],
  [/^(y|yrs?|years?)$/, { months: 12 }],
];

/** Steps for a horizon given the series' frequency and last time; errors name the bad value. */
export function horizonSteps(horizon: number | string, f: Frequency, lastTime: number, n: number, m: number): number {
  let steps: number;
  const text = String(horizon).trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text);
  if (!match) throw new UdashError('BAD_INPUT', `Horizon "${horizon}" is not a number of steps or an amount with a unit (d, w, mo, q, y, h)`, { field: 'horizon' }, ['horizon']);
  const amount = Number(match[1]);
  const unit = match[2] ?? '';
  if (unit === '' || unit === 'step' || unit === 'steps') {
    steps = amount;
  } else {
    const u = UNITS.find(([re]) => re.test(unit))?.[1];
    if (!u) throw new UdashError('BAD_INPUT', `Horizon unit "${unit}" is not one of d, w, mo, q, y, h, min, s`, { field: 'horizon' }, ['horizon']);
    if (f.unit === 'step') throw new UdashError('BAD_INPUT', 'A horizon in calendar units needs a date or time column; give the number of steps instead', { field: 'horizon' }, ['horizon']);
    const d = new Date(lastTime);
    const target = 'months' in u ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + amount * u.months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()) : lastTime + amount * u.ms;
    steps = isCalendar(f) ? gridIndex(f, lastTime, target) : Math.floor((target - lastTime) / f.step + 1e-9);
  }
  if (!Number.isInteger(steps) || steps <= 0) throw new UdashError('BAD_INPUT', `Horizon must be at least one step ahead; "${horizon}" gives ${Number.isFinite(steps) ? steps : 'no'} step(s)`, { field: 'horizon' }, ['horizon']);
  const limit = Math.min(MAX_HORIZON, Math.max(3 * n, 2 * m, 10));
  if (steps > limit) throw new UdashError('BAD_INPUT', `Horizon of ${steps} steps is too far ahead for ${n} observations (at most ${limit}: three times the history, and never more than ${MAX_HORIZON.toLocaleString('en-US')})`, { field: 'horizon' }, ['horizon']);
  return steps;
}
