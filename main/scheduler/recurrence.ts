/**
 * When a schedule runs. croner turns the recurrence into run times (it computes from any instant and is
 * DST-correct: a 09:00 New York job stays at 09:00 local across both switches, runs once when a time
 * repeats, and moves a time inside the spring-forward gap to the end of the gap). On top of croner this
 * file applies what cron cannot express: a month day past the month's end (the 31st runs on the 30th in
 * April), start and end dates, business days and public holidays (skipped, or moved to the next
 * business day).
 */
import { Cron } from 'croner';
import { UdashError } from '../../shared/errors.js';
import type { MonthDay, Recurrence, Schedule } from '../../shared/model/report.js';
import type { HolidayCalendars } from './holidays.js';
import { addDays, daysInMonth, localParts, weekdayOf, zonedInstant, type LocalParts } from './zoned.js';

export type ScheduleSpec = Pick<Schedule, 'recurrence' | 'timezone' | 'startDate' | 'endDate' | 'businessDaysOnly' | 'holidays' | 'nonBusinessDay'>;

/** Enough candidates to cross a year of a daily schedule filtered down to rare days. */
const MAX_CANDIDATES = 5000;
/** A non-business run moved forward looks back this far for candidates (longest closure: ~2 weeks). */
const SHIFT_LOOKBACK_MS = 21 * 24 * 3600_000;

interface CronPlan {
  pattern: string;
  /** Extra test on the local date (month days past the month's end). */
  dayFilter?: (p: LocalParts) => boolean;
}

function hm(time: string): { h: number; m: number } {
  const [h, m] = time.split(':').map(Number);
  return { h: h!, m: m! };
}

function monthDayPlan(on: MonthDay, months: string, time: string): CronPlan {
  const { h, m } = hm(time);
  if (on.type === 'last') return { pattern: `${m} ${h} L ${months} *` };
  if (on.type === 'nth') return { pattern: `${m} ${h} * ${months} ${on.weekday}#${on.nth === 'last' ? 'L' : on.nth}` };
  if (on.day <= 28) return { pattern: `${m} ${h} ${on.day} ${months} *` };
  // The 29th–31st: every candidate from the 28th on, keeping the requested day or the month's last day.
  const want = on.day;
  return { pattern: `${m} ${h} 28-31 ${months} *`, dayFilter: (p) => p.day === Math.min(want, daysInMonth(p.year, p.month)) };
}

export function cronPlan(r: Recurrence): CronPlan {
  switch (r.kind) {
    case 'daily': {
      const { h, m } = hm(r.time);
      return { pattern: `${m} ${h} * * *` };
    }
    case 'weekly': {
      const { h, m } = hm(r.time);
      return { pattern: `${m} ${h} * * ${[...new Set(r.days)].sort().join(',')}` };
    }
    case 'monthly':
      return monthDayPlan(r.on, '*', r.time);
    case 'quarterly': {
      const start = r.startMonth ?? 1;
      return monthDayPlan(r.on, [0, 3, 6, 9].map((o) => start + o).join(','), r.time);
    }
    case 'once':
      return { pattern: `${r.at}:00` };
    case 'cron':
      return { pattern: r.expression };
  }
}

function buildCron(spec: ScheduleSpec, plan: CronPlan): Cron {
  try {
    return new Cron(plan.pattern, { timezone: spec.timezone, paused: true, allowPast: true, ...(spec.recurrence.kind === 'cron' ? { mode: '5-part' as const } : {}) });
  } catch (e) {
    throw new UdashError('BAD_INPUT', `The schedule's ${spec.recurrence.kind === 'cron' ? 'cron expression' : 'recurrence'} is invalid: ${e instanceof Error ? e.message : String(e)}`, { field: 'recurrence' }, ['recurrence']);
  }
}

export interface RecurrenceRule {
  /** The first run strictly after `after`, or null when the schedule has ended. */
  next(after: Date): Date | null;
  /** The next `count` runs after `after`. */
  upcoming(after: Date, count: number): Date[];
}

export function recurrenceRule(spec: ScheduleSpec, calendars: HolidayCalendars): RecurrenceRule {
  const plan = cronPlan(spec.recurrence);
  const cron = buildCron(spec, plan);
  const tz = spec.timezone;
  const shiftable = spec.nonBusinessDay === 'next' && spec.recurrence.kind !== 'cron';
  const startInstant = spec.startDate ? zonedInstant(spec.startDate, '00:00', tz).getTime() : null;

  const isBusinessDay = (ymd: string, weekday: number) => {
    if (spec.businessDaysOnly && (weekday === 0 || weekday === 6)) return false;
    if (spec.holidays && calendars.isHoliday(spec.holidays, ymd)) return false;
    return true;
  };

  /** null: the candidate is outside the schedule; 'end': past the end date. */
  const admit = (c: Date): LocalParts | null | 'end' => {
    const p = localParts(c, tz);
    if (spec.endDate && p.ymd > spec.endDate) return 'end';
    if (spec.startDate && p.ymd < spec.startDate) return null;
    if (plan.dayFilter && !plan.dayFilter(p)) return null;
    return p;
  };

  const shiftForward = (p: LocalParts): Date | null => {
    for (let d = 1; d <= 60; d++) {
      const ymd = addDays(p.ymd, d);
      if (isBusinessDay(ymd, weekdayOf(ymd))) return zonedInstant(ymd, p.hm, tz);
    }
    return null;
  };

  const next = (after: Date): Date | null => {
    const afterMs = after.getTime();
    let from = shiftable ? afterMs - SHIFT_LOOKBACK_MS : afterMs;
    if (startInstant !== null && from < startInstant) from = startInstant - 1000;
    let c = cron.nextRun(new Date(from));
    for (let i = 0; c && i < MAX_CANDIDATES; i++) {
      const p = admit(c);
      if (p === 'end') return null;
      if (p) {
        if (isBusinessDay(p.ymd, p.weekday)) {
          if (c.getTime() > afterMs) return c;
        } else if (shiftable) {
          const moved = shiftForward(p);
          if (moved && moved.getTime() > afterMs) return moved;
        }
      }
      c = cron.nextRun(c);
    }
    return null;
  };

  return {
    next,
    upcoming(after, count) {
      const out: Date[] = [];
      let cursor: Date | null = after;
      while (out.length < count && cursor) {
        cursor = next(cursor);
        if (cursor) out.push(cursor);
      }
      return out;
    },
  };
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

function describeMonthDay(on: MonthDay): string {
  if (on.type === 'last') return 'the last day';
  if (on.type === 'nth') return `the ${on.nth === 'last' ? 'last' : ORDINALS[on.nth]} ${DAY_NAMES[on.weekday]}`;
  return `day ${on.day}`;
}

/** One line for lists: "Weekdays at 09:00 (America/New_York), skipping US holidays". */
export function describeSchedule(spec: ScheduleSpec): string {
  const r = spec.recurrence;
  let text: string;
  switch (r.kind) {
    case 'daily':
      text = `${spec.businessDaysOnly ? 'Every business day' : 'Every day'} at ${r.time}`;
      break;
    case 'weekly':
      text = `Every ${[...new Set(r.days)].sort().map((d) => DAY_NAMES[d]).join(', ')} at ${r.time}`;
      break;
    case 'monthly':
      text = `Monthly on ${describeMonthDay(r.on)} at ${r.time}`;
      break;
    case 'quarterly':
      text = `Quarterly on ${describeMonthDay(r.on)} of the ${ORDINALS[1]} month at ${r.time}`;
      break;
    case 'once':
      text = `Once on ${r.at.replace('T', ' at ')}`;
      break;
    case 'cron':
      text = `Cron "${r.expression}"`;
      break;
  }
  text += ` (${spec.timezone})`;
  if (spec.holidays) text += `, ${spec.nonBusinessDay === 'next' ? 'moving runs off' : 'skipping'} ${spec.holidays.country}${spec.holidays.region ? `-${spec.holidays.region}` : ''} holidays`;
  if (spec.startDate) text += `, from ${spec.startDate}`;
  if (spec.endDate) text += `, until ${spec.endDate}`;
  return text;
}
