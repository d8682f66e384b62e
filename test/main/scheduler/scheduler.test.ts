import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../shared/model/report.js';
import { HolidayCalendars } from '../../../main/scheduler/holidays.js';
import { recurrenceRule } from '../../../main/scheduler/recurrence.js';
import { Scheduler, type FireEvent, type ScheduledJob } from '../../../main/scheduler/scheduler.js';
import { FakeClock } from './fake-clock.js';

const daily9 = recurrenceRule(
  Schedule.parse({ id: 's', reportId: 'r', createdAt: '', updatedAt: '', recurrence: { kind: 'daily', time: '09:00' }, timezone: 'UTC' }),
  new HolidayCalendars(),
);
const t = (s: string) => Date.parse(s);

function harness(start: string, state = new Map<string, number>(), anchor = start) {
  const clock = new FakeClock(t(start));
  const fired: FireEvent[] = [];
  const job: ScheduledJob = { key: 'daily', anchorMs: t(anchor), next: (a) => daily9.next(a) };
  const scheduler = new Scheduler({
    clock,
    jobs: () => [job],
    state: { lastDue: (k) => state.get(k) ?? null, setLastDue: (k, v) => void state.set(k, v) },
    onFire: (e) => fired.push(e),
  });
  return { clock, fired, scheduler, state, job };
}

describe('the scheduler on a laptop', () => {
  it('runs a schedule missed while asleep once at wake, marked late, then resumes on time', () => {
    const h = harness('2026-03-01T08:00:00Z');
    h.scheduler.start();
    expect(h.fired).toHaveLength(0);
    // The lid closes before 09:00 and opens three days later at 10:00: four 09:00 runs were missed.
    h.clock.sleepUntil(t('2026-03-04T10:00:00Z'));
    expect(h.fired).toHaveLength(1);
    expect(h.fired[0]).toMatchObject({ late: true, occurrences: 4 });
    expect(h.fired[0]!.firstDueAt.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(h.fired[0]!.dueAt.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(h.scheduler.nextRunOf(h.job)?.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    h.clock.advanceTo(t('2026-03-05T09:30:00Z'));
    expect(h.fired).toHaveLength(2);
    expect(h.fired[1]).toMatchObject({ late: false, occurrences: 1 });
    h.scheduler.stop();
  });

  it('runs a schedule missed while the app was off once at the next start', () => {
    const a = harness('2026-03-01T08:59:00Z');
    a.scheduler.start();
    a.clock.advanceTo(t('2026-03-01T12:00:00Z'));
    a.scheduler.stop();
    expect(a.fired).toHaveLength(1);
    // Started again two days later with the persisted state: one late run for 2 and 3 March.
    const b = harness('2026-03-03T12:00:00Z', a.state, '2026-03-01T08:59:00Z');
    b.scheduler.start();
    expect(b.fired).toHaveLength(1);
    expect(b.fired[0]).toMatchObject({ late: true, occurrences: 2 });
    // A restart right after does not fire it again.
    b.scheduler.stop();
    const c = harness('2026-03-03T12:05:00Z', a.state, '2026-03-01T08:59:00Z');
    c.scheduler.start();
    expect(c.fired).toHaveLength(0);
    c.scheduler.stop();
  });

  it('never fires runs from before a schedule was created or edited', () => {
    const h = harness('2026-03-01T10:00:00Z', new Map(), '2026-03-01T10:00:00Z');
    h.scheduler.start();
    expect(h.fired).toHaveLength(0);
    expect(h.scheduler.nextRunOf(h.job)?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    h.scheduler.stop();
  });

  it('wakes at least every minute so a changed wall clock is noticed', () => {
    const h = harness('2026-03-01T08:00:00Z');
    h.scheduler.start();
    h.clock.advance(30_000);
    expect(h.clock.pending()).toBe(1);
    h.scheduler.stop();
    expect(h.clock.pending()).toBe(0);
  });
});
