/**
 * Next-run computation through the scheduler with a fake clock, as a table. Expected instants were
 * worked out by hand from the 2026 zone rules (New York: EDT from 8 March, EST from 1 November;
 * London: BST from 29 March to 25 October) and the published holiday calendars (US federal; England's
 * bank holidays), and the weekday of each date from 1 January 2026 being a Thursday.
 */
import { describe, expect, it } from 'vitest';
import { Schedule, type ScheduleDraft } from '../../../shared/model/report.js';
import { HolidayCalendars } from '../../../main/scheduler/holidays.js';
import { recurrenceRule } from '../../../main/scheduler/recurrence.js';
import { Scheduler, type FireEvent } from '../../../main/scheduler/scheduler.js';
import { FakeClock } from './fake-clock.js';

interface Case {
  name: string;
  schedule: ScheduleDraft;
  from: string;
  to: string;
  expected: string[];
}

const NY = 'America/New_York';
const LON = 'Europe/London';

const CASES: Case[] = [
  { name: 'daily 09:00 New York across spring forward', schedule: { recurrence: { kind: 'daily', time: '09:00' }, timezone: NY }, from: '2026-03-06T00:00:00Z', to: '2026-03-10T00:00:00Z', expected: ['2026-03-06T14:00:00Z', '2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z'] },
  { name: 'daily 09:00 New York across fall back', schedule: { recurrence: { kind: 'daily', time: '09:00' }, timezone: NY }, from: '2026-10-30T00:00:00Z', to: '2026-11-03T00:00:00Z', expected: ['2026-10-30T13:00:00Z', '2026-10-31T13:00:00Z', '2026-11-01T14:00:00Z', '2026-11-02T14:00:00Z'] },
  { name: 'daily 09:00 London across spring forward', schedule: { recurrence: { kind: 'daily', time: '09:00' }, timezone: LON }, from: '2026-03-27T10:00:00Z', to: '2026-03-31T00:00:00Z', expected: ['2026-03-28T09:00:00Z', '2026-03-29T08:00:00Z', '2026-03-30T08:00:00Z'] },
  { name: 'daily 01:30 London: the repeated hour runs once', schedule: { recurrence: { kind: 'daily', time: '01:30' }, timezone: LON }, from: '2026-10-24T00:00:00Z', to: '2026-10-27T00:00:00Z', expected: ['2026-10-24T00:30:00Z', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z'] },
  { name: 'daily 02:30 New York: the missing hour runs at 03:00 EDT', schedule: { recurrence: { kind: 'daily', time: '02:30' }, timezone: NY }, from: '2026-03-07T00:00:00Z', to: '2026-03-10T00:00:00Z', expected: ['2026-03-07T07:30:00Z', '2026-03-08T07:00:00Z', '2026-03-09T06:30:00Z'] },
  { name: 'monthly on the 31st runs on short months’ last day', schedule: { recurrence: { kind: 'monthly', time: '09:00', on: { type: 'day', day: 31 } }, timezone: 'UTC' }, from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', expected: ['2026-01-31T09:00:00Z', '2026-02-28T09:00:00Z', '2026-03-31T09:00:00Z', '2026-04-30T09:00:00Z', '2026-05-31T09:00:00Z', '2026-06-30T09:00:00Z'] },
  { name: 'monthly on the 29th: Feb 28 in 2027', schedule: { recurrence: { kind: 'monthly', time: '09:00', on: { type: 'day', day: 29 } }, timezone: 'UTC' }, from: '2027-01-30T00:00:00Z', to: '2027-03-01T00:00:00Z', expected: ['2027-02-28T09:00:00Z'] },
  { name: 'monthly on the 29th: Feb 29 in leap 2028', schedule: { recurrence: { kind: 'monthly', time: '09:00', on: { type: 'day', day: 29 } }, timezone: 'UTC' }, from: '2028-01-15T00:00:00Z', to: '2028-03-15T00:00:00Z', expected: ['2028-01-29T09:00:00Z', '2028-02-29T09:00:00Z'] },
  { name: 'monthly on the last day, London', schedule: { recurrence: { kind: 'monthly', time: '18:00', on: { type: 'last' } }, timezone: LON }, from: '2026-01-01T00:00:00Z', to: '2026-05-01T00:00:00Z', expected: ['2026-01-31T18:00:00Z', '2026-02-28T18:00:00Z', '2026-03-31T17:00:00Z', '2026-04-30T17:00:00Z'] },
  { name: 'monthly on the second Tuesday', schedule: { recurrence: { kind: 'monthly', time: '10:00', on: { type: 'nth', nth: 2, weekday: 2 } }, timezone: NY }, from: '2026-01-01T00:00:00Z', to: '2026-05-01T00:00:00Z', expected: ['2026-01-13T15:00:00Z', '2026-02-10T15:00:00Z', '2026-03-10T14:00:00Z', '2026-04-14T14:00:00Z'] },
  { name: 'monthly on the last Friday', schedule: { recurrence: { kind: 'monthly', time: '09:00', on: { type: 'nth', nth: 'last', weekday: 5 } }, timezone: NY }, from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', expected: ['2026-01-30T14:00:00Z', '2026-02-27T14:00:00Z', '2026-03-27T13:00:00Z'] },
  { name: 'quarterly on the 1st', schedule: { recurrence: { kind: 'quarterly', time: '08:00', on: { type: 'day', day: 1 }, startMonth: 1 }, timezone: 'UTC' }, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', expected: ['2026-01-01T08:00:00Z', '2026-04-01T08:00:00Z', '2026-07-01T08:00:00Z', '2026-10-01T08:00:00Z'] },
  { name: 'quarterly on the last day, quarters ending Mar/Jun/Sep/Dec', schedule: { recurrence: { kind: 'quarterly', time: '08:00', on: { type: 'last' }, startMonth: 3 }, timezone: 'UTC' }, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', expected: ['2026-03-31T08:00:00Z', '2026-06-30T08:00:00Z', '2026-09-30T08:00:00Z', '2026-12-31T08:00:00Z'] },
  {
    name: 'business days in New York skip Christmas and New Year (US)',
    schedule: { recurrence: { kind: 'daily', time: '09:00' }, timezone: NY, businessDaysOnly: true, holidays: { country: 'US' } },
    from: '2026-12-23T00:00:00Z',
    to: '2027-01-05T00:00:00Z',
    expected: ['2026-12-23T14:00:00Z', '2026-12-24T14:00:00Z', '2026-12-28T14:00:00Z', '2026-12-29T14:00:00Z', '2026-12-30T14:00:00Z', '2026-12-31T14:00:00Z', '2027-01-04T14:00:00Z'],
  },
  {
    name: 'month end on a weekend or English bank holiday moves to the next business day',
    schedule: { recurrence: { kind: 'monthly', time: '09:00', on: { type: 'last' } }, timezone: LON, businessDaysOnly: true, holidays: { country: 'GB', region: 'ENG' }, nonBusinessDay: 'next' },
    from: '2026-05-01T00:00:00Z',
    to: '2026-11-01T00:00:00Z',
    expected: ['2026-06-01T08:00:00Z', '2026-06-30T08:00:00Z', '2026-07-31T08:00:00Z', '2026-09-01T08:00:00Z', '2026-09-30T08:00:00Z'],
  },
  {
    name: 'weekly Monday and Thursday skip Easter Monday (England)',
    schedule: { recurrence: { kind: 'weekly', time: '17:00', days: [1, 4] }, timezone: LON, holidays: { country: 'GB', region: 'ENG' } },
    from: '2026-03-30T00:00:00Z',
    to: '2026-04-14T00:00:00Z',
    expected: ['2026-03-30T16:00:00Z', '2026-04-02T16:00:00Z', '2026-04-09T16:00:00Z', '2026-04-13T16:00:00Z'],
  },
  { name: 'a one-time run in Paris', schedule: { recurrence: { kind: 'once', at: '2026-06-15T14:45' }, timezone: 'Europe/Paris' }, from: '2026-06-01T00:00:00Z', to: '2026-12-31T00:00:00Z', expected: ['2026-06-15T12:45:00Z'] },
  { name: 'start and end dates are inclusive', schedule: { recurrence: { kind: 'daily', time: '09:00' }, timezone: 'UTC', startDate: '2026-02-10', endDate: '2026-02-12' }, from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', expected: ['2026-02-10T09:00:00Z', '2026-02-11T09:00:00Z', '2026-02-12T09:00:00Z'] },
  { name: 'an advanced cron expression', schedule: { recurrence: { kind: 'cron', expression: '*/30 9-10 * * 1-5' }, timezone: 'UTC' }, from: '2026-03-02T00:00:00Z', to: '2026-03-02T12:00:00Z', expected: ['2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z', '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z'] },
];

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

function parse(draft: ScheduleDraft) {
  return Schedule.parse({ ...draft, id: 's1', reportId: 'r1', createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' });
}

describe('next runs, driven by a fake clock', () => {
  const calendars = new HolidayCalendars();
  for (const c of CASES) {
    it(c.name, () => {
      const rule = recurrenceRule(parse(c.schedule), calendars);
      const from = Date.parse(c.from);
      const to = Date.parse(c.to);
      // The rule on its own …
      const upcoming = rule.upcoming(new Date(from), c.expected.length + 1).filter((d) => d.getTime() < to);
      expect(upcoming.map(iso)).toEqual(c.expected);
      // … and the engine, woken by a fake clock, fires each exactly once, on time.
      const clock = new FakeClock(from);
      const lastDue = new Map<string, number>();
      const fired: FireEvent[] = [];
      const scheduler = new Scheduler({
        clock,
        jobs: () => [{ key: 'job', anchorMs: from, next: (after) => rule.next(after) }],
        state: { lastDue: (k) => lastDue.get(k) ?? null, setLastDue: (k, v) => void lastDue.set(k, v) },
        onFire: (e) => fired.push(e),
        maxSleepMs: 7 * 24 * 3600_000,
      });
      scheduler.start();
      clock.advanceTo(to - 1);
      scheduler.stop();
      expect(fired.map((e) => iso(e.dueAt))).toEqual(c.expected);
      expect(fired.every((e) => !e.late && e.occurrences === 1)).toBe(true);
    });
  }
});
