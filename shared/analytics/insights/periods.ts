/**
 * Words for time spans: the period a growth rate is quoted per, a seasonal period's name, and a
 * forecast horizon ("the next 30 days").
 */
import { plural } from './format.js';

const DAY_MS = 86_400_000;

/** The span growth is quoted per for a series of this spacing, and how many steps make it. */
export function growthSpan(unit: string, stepMs: number | null): { label: string; steps: number } | null {
  const per = (label: string, spanMs: number) => (stepMs && stepMs > 0 ? { label, steps: spanMs / stepMs } : null);
  switch (unit) {
    case 'second':
      return per('a minute', 60_000);
    case 'minute':
      return per('an hour', 3_600_000);
    case 'hour':
      return per('a day', DAY_MS);
    case 'day':
    case 'week':
      // An average calendar month (365.25 / 12 days).
      return per('a month', 30.4375 * DAY_MS);
    case 'month':
      return { label: 'a month', steps: 1 };
    case 'quarter':
      return { label: 'a quarter', steps: 1 };
    case 'year':
      return { label: 'a year', steps: 1 };
    default:
      return null;
  }
}

const NAMED: Record<string, Record<number, string>> = {
  second: { 60: 'minute-by-minute' },
  minute: { 60: 'hourly', 1440: 'daily' },
  hour: { 24: 'daily', 168: 'weekly' },
  day: { 7: 'weekly', 365: 'yearly', 364: 'yearly' },
  week: { 52: 'yearly' },
  month: { 12: 'yearly', 3: 'quarterly' },
  quarter: { 4: 'yearly' },
};

/**
 * @example
 * seasonName('day', 7); // "weekly"
 * seasonName('day', 9); // "9-day"
 */
export function seasonName(unit: string, period: number): string {
  const named = NAMED[unit]?.[period];
  if (named) return named;
  return unit === 'step' || unit === 'none' ? `${period}-period` : `${period}-${unit}`;
}

/**
 * @example
 * horizonPhrase('day', 30); // "the next 30 days"
 * horizonPhrase('month', 1); // "the next month"
 */
export function horizonPhrase(unit: string, steps: number): string {
  const word = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].includes(unit) ? unit : 'period';
  return steps === 1 ? `the next ${word}` : `the next ${plural(steps, word)}`;
}
