import { describe, expect, it } from 'vitest';
import { ScheduleDraft } from '../../../../shared/model/report.js';
import { localDate, newSchedule, timeZones, toggleDay, withKind, withTime } from '../../../../renderer/src/features/reports/model/schedule-form.js';

describe('schedule editing', () => {
  it('starts weekly on Monday at 09:00 in the given zone, a draft main accepts', () => {
    const s = newSchedule('Europe/Berlin');
    expect(s.recurrence).toEqual({ kind: 'weekly', time: '09:00', days: [1] });
    expect(ScheduleDraft.safeParse(s).success).toBe(true);
  });

  it('keeps the time of day (and the month day between monthly and quarterly) when the kind changes', () => {
    const now = new Date(2026, 2, 6, 12, 0);
    const weekly = { kind: 'weekly' as const, time: '07:45', days: [1, 3] };
    expect(withKind(weekly, 'daily', now)).toEqual({ kind: 'daily', time: '07:45' });
    const monthly = withKind(weekly, 'monthly', now);
    expect(monthly).toEqual({ kind: 'monthly', time: '07:45', on: { type: 'day', day: 1 } });
    expect(withKind({ kind: 'monthly', time: '07:45', on: { type: 'last' } }, 'quarterly', now)).toEqual({ kind: 'quarterly', time: '07:45', on: { type: 'last' }, startMonth: 1 });
    expect(withKind(weekly, 'once', now)).toEqual({ kind: 'once', at: '2026-03-07T07:45' });
    expect(withKind(weekly, 'cron', now)).toEqual({ kind: 'cron', expression: '45 7 * * 1-5' });
    expect(withKind({ kind: 'cron', expression: '0 6 * * *' }, 'daily', now)).toEqual({ kind: 'daily', time: '09:00' });
    for (const k of ['daily', 'weekly', 'monthly', 'quarterly', 'once', 'cron'] as const) expect(ScheduleDraft.safeParse({ ...newSchedule('UTC'), recurrence: withKind(weekly, k, now) }).success).toBe(true);
  });

  it('changes the time of one-time runs without touching their date', () => {
    expect(withTime({ kind: 'once', at: '2026-12-24T09:00' }, '18:30')).toEqual({ kind: 'once', at: '2026-12-24T18:30' });
    expect(withTime({ kind: 'cron', expression: '0 6 * * *' }, '18:30')).toEqual({ kind: 'cron', expression: '0 6 * * *' });
  });

  it('toggles weekdays Monday first and never leaves none', () => {
    expect(toggleDay([1], 0)).toEqual([1, 0]);
    expect(toggleDay([0, 1, 5], 3)).toEqual([1, 3, 5, 0]);
    expect(toggleDay([5], 5)).toEqual([5]);
  });

  it('lists IANA zones including UTC and an unusual current one', () => {
    const zones = timeZones('Etc/GMT+5');
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Etc/GMT+5');
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });

  it('computes local dates across a month end', () => {
    expect(localDate(new Date(2026, 0, 31, 23, 0), 1)).toBe('2026-02-01');
  });
});
