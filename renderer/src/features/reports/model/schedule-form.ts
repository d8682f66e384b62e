/**
 * Schedule editing helpers: a sensible new schedule (weekly on Monday at 09:00 in the user's own time
 * zone), switching the kind of recurrence while keeping the time of day, and the time zone list.
 * The run times themselves always come from main (reports.nextRuns), which owns DST and holidays.
 */
import type { MonthDay, Recurrence } from '../../../../../shared/model/report.js';
import type { ScheduleForm } from './draft.js';

export type RecurrenceKind = Recurrence['kind'];

export const RECURRENCE_KINDS: { value: RecurrenceKind; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'once', label: 'One time' },
  { value: 'cron', label: 'Cron (advanced)' },
];

/** 0 = Sunday … 6 = Saturday, as the model numbers them; listed Monday first. */
export const WEEKDAYS = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 0, short: 'Sun', long: 'Sunday' },
] as const;

export const NTH = [
  { value: 1, label: 'First' },
  { value: 2, label: 'Second' },
  { value: 3, label: 'Third' },
  { value: 4, label: 'Fourth' },
  { value: 5, label: 'Fifth' },
  { value: 'last', label: 'Last' },
] as const;

export const DEFAULT_TIME = '09:00';

/** The time zone this computer is in (the sensible default for a new schedule). */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, with UTC and `current` guaranteed present. */
export function timeZones(current?: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // An engine without the list: UTC and the current zone still make a usable choice.
    zones = [];
  }
  const all = new Set(zones);
  all.add('UTC');
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b));
}

export function newSchedule(timezone = localTimeZone()): ScheduleForm {
  return { label: '', enabled: true, recurrence: { kind: 'weekly', time: DEFAULT_TIME, days: [1] }, timezone, businessDaysOnly: false, holidays: null, nonBusinessDay: 'skip' };
}

/** The time of day a recurrence runs at, when it has one (a cron expression has none to show). */
export function timeOf(r: Recurrence): string | null {
  if (r.kind === 'once') return r.at.slice(11, 16);
  if (r.kind === 'cron') return null;
  return r.time;
}

/** The local date `days` after `now` as YYYY-MM-DD (a one-time run defaults to tomorrow). */
export function localDate(now: Date, days = 0): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The same schedule with another kind of recurrence, keeping its time of day (and month day, between monthly and quarterly). */
export function withKind(r: Recurrence, kind: RecurrenceKind, now = new Date()): Recurrence {
  if (r.kind === kind) return r;
  const time = timeOf(r) ?? DEFAULT_TIME;
  const on: MonthDay = r.kind === 'monthly' || r.kind === 'quarterly' ? r.on : { type: 'day', day: 1 };
  switch (kind) {
    case 'daily':
      return { kind, time };
    case 'weekly':
      return { kind, time, days: [1] };
    case 'monthly':
      return { kind, time, on };
    case 'quarterly':
      return { kind, time, on, startMonth: 1 };
    case 'once':
      return { kind, at: `${localDate(now, 1)}T${time}` };
    case 'cron': {
      const [h, m] = time.split(':').map(Number);
      return { kind, expression: `${m} ${h} * * 1-5` };
    }
  }
}

/** A recurrence with its time of day changed (one-time runs keep their date). */
export function withTime(r: Recurrence, time: string): Recurrence {
  if (r.kind === 'cron') return r;
  if (r.kind === 'once') return { ...r, at: `${r.at.slice(0, 10)}T${time}` };
  return { ...r, time };
}

/** Toggles one weekday, keeping the list sorted Monday first and never empty. */
export function toggleDay(days: readonly number[], day: number): number[] {
  const set = new Set(days);
  if (set.has(day)) {
    if (set.size === 1) return [...days];
    set.delete(day);
  } else set.add(day);
  const order = WEEKDAYS.map((w) => w.value as number);
  return [...set].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function monthDayOfKind(type: MonthDay['type'], prev: MonthDay): MonthDay {
  if (type === prev.type) return prev;
  if (type === 'day') return { type, day: 1 };
  if (type === 'last') return { type };
  return { type: 'nth', nth: 1, weekday: 1 };
}
