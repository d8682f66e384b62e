import { describe, expect, it } from 'vitest';
import type { ReportDetail, ScheduleInfo } from '../../../../shared/contract/reports.js';
import { Report, type RunRecord } from '../../../../shared/model/report.js';
import { isStopped, nextRunText, reportBadges, scheduleSummary } from '../../../../renderer/src/features/reports/model/report-state.js';

const NOW = Date.parse('2026-03-06T12:00:00Z');

function schedule(over: Partial<ScheduleInfo> = {}): ScheduleInfo {
  return { id: 's1', reportId: 'r1', createdAt: '', updatedAt: '', label: '', enabled: true, recurrence: { kind: 'daily', time: '09:00' }, timezone: 'America/New_York', businessDaysOnly: false, holidays: null, nonBusinessDay: 'skip', nextRunAt: '2026-03-07T14:00:00.000Z', description: 'Every day at 09:00 (America/New_York)', flag: null, ...over };
}

function detail(over: Partial<ReportDetail> = {}): ReportDetail {
  const base = Report.parse({ id: 'r1', createdAt: '', updatedAt: '', name: 'Morning', content: { dashboardId: 'd1' } });
  return { ...base, schedules: [schedule()], nextRunAt: '2026-03-07T14:00:00.000Z', lastRun: null, problems: [], templateName: 'Executive Summary', ...over };
}

const lateRun = { late: true, note: 'Ran late: the computer was asleep or off at the scheduled time.' } as RunRecord;

describe('report states in the list', () => {
  it('shows a healthy report with its next run in its own zone', () => {
    const r = detail();
    expect(reportBadges(r, NOW)).toEqual([]);
    const t = nextRunText(r, NOW);
    expect(t.main).toMatch(/09:00/);
    expect(t.sub).toBe('in 26 h · America/New_York');
    expect(scheduleSummary(r)).toBe('Every day at 09:00 (America/New_York)');
  });

  it('flags a report whose dashboard was deleted and says its schedules are stopped, even with a computed next time', () => {
    const r = detail({ problems: [{ code: 'DASHBOARD_MISSING', message: 'The dashboard of this report was deleted; choose another one.' }], schedules: [schedule({ flag: 'The dashboard of this report was deleted.' })] });
    expect(isStopped(r)).toBe(true);
    expect(reportBadges(r, NOW)).toEqual([{ kind: 'flagged', label: 'Flagged', detail: 'The dashboard of this report was deleted; choose another one. The dashboard of this report was deleted.' }]);
    expect(nextRunText(r, NOW).main).toBe('Stopped');
  });

  it('marks paused, late (overdue or last run late), ended and unsendable reports', () => {
    expect(reportBadges(detail({ paused: true, nextRunAt: null }), NOW).map((b) => b.kind)).toEqual(['paused']);
    expect(nextRunText(detail({ paused: true, nextRunAt: null }), NOW).main).toBe('Paused');
    const overdue = reportBadges(detail({ nextRunAt: '2026-03-06T11:00:00.000Z' }), NOW);
    expect(overdue.map((b) => b.label)).toEqual(['Late']);
    expect(reportBadges(detail({ lastRun: lateRun }), NOW)).toEqual([{ kind: 'late', label: 'Ran late', detail: lateRun.note }]);
    const ended = detail({ nextRunAt: null, schedules: [schedule({ nextRunAt: null })], problems: [{ code: 'SCHEDULE_ENDED', message: 'The schedule "x" has no more runs.', scheduleId: 's1' }] });
    expect(reportBadges(ended, NOW).map((b) => b.kind)).toEqual(['ended']);
    expect(nextRunText(ended, NOW).main).toBe('No more runs');
    const smtp = reportBadges(detail({ problems: [{ code: 'SMTP_NOT_CONFIGURED', message: 'Email is not set up.' }] }), NOW);
    expect(smtp).toEqual([{ kind: 'warning', label: 'Email not set up', detail: 'Email is not set up.' }]);
  });

  it('says when a report has no schedule', () => {
    const r = detail({ schedules: [], nextRunAt: null });
    expect(nextRunText(r, NOW)).toEqual({ main: 'Not scheduled', sub: 'Runs only when started' });
    expect(scheduleSummary(r)).toBe('On demand');
  });
});
