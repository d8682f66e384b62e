import { describe, expect, it } from 'vitest';
import { Report, ReportDraft, ScheduleDraft } from '../../../../shared/model/report.js';
import type { ReportDetail } from '../../../../shared/contract/reports.js';
import { cleanReport, cleanSchedule, editorStateFrom, newReport } from '../../../../renderer/src/features/reports/model/draft.js';
import { newSchedule } from '../../../../renderer/src/features/reports/model/schedule-form.js';

describe('the creation flow working copy', () => {
  it('starts from the model defaults, named after the dashboard', () => {
    const r = newReport({ id: 'd1', name: 'Business overview' });
    expect(r).toMatchObject({ name: 'Business overview report', content: { dashboardId: 'd1' }, templateId: 'builtin:executive-summary', formats: ['pdf', 'html'], insights: true, data: { mode: 'live', filters: [] } });
    expect(r.delivery.subject).toBe('{{report.name}}: {{report.period}}');
  });

  it('drops empty optional values the schema would refuse, and attachments of formats not produced', () => {
    const r = newReport({ id: 'd1', name: 'D' });
    const dirty = { ...r, content: { dashboardId: 'd1', widgetIds: [] }, data: { ...r.data, dateRange: { preset: 'all' as const } }, delivery: { ...r.delivery, replyTo: '  ', attach: ['pdf' as const, 'pptx' as const] }, branding: { ...r.branding, logo: '' } };
    expect(ReportDraft.safeParse(dirty).success).toBe(false);
    const clean = cleanReport(dirty);
    expect(ReportDraft.safeParse(clean).success).toBe(true);
    expect(clean.content).toEqual({ dashboardId: 'd1' });
    expect(clean.data.dateRange).toBeUndefined();
    expect(clean.delivery.attach).toEqual(['pdf']);
    expect(cleanReport({ ...r, data: { ...r.data, dateRange: { preset: 'last_30d' } } }).data.dateRange).toEqual({ preset: 'last_30d' });
    const s = cleanSchedule({ ...newSchedule('UTC'), startDate: '', endDate: '' });
    expect('startDate' in s || 'endDate' in s).toBe(false);
    expect(ScheduleDraft.safeParse(s).success).toBe(true);
  });

  it('edits a saved report: its own fields and schedules, without ids, stamps or derived state', () => {
    const saved = Report.parse({ id: 'r1', createdAt: 'c', updatedAt: 'u', name: 'Morning', content: { dashboardId: 'd1' }, paused: true });
    const detail: ReportDetail = {
      ...saved,
      schedules: [{ id: 's1', reportId: 'r1', createdAt: 'c', updatedAt: 'u', label: 'Brief', enabled: true, recurrence: { kind: 'daily', time: '08:00' }, timezone: 'Europe/Paris', endDate: '2027-01-01', businessDaysOnly: true, holidays: { country: 'FR' }, nonBusinessDay: 'next', nextRunAt: null, description: 'd', flag: null }],
      nextRunAt: null,
      lastRun: null,
      problems: [],
      templateName: 'Executive Summary',
    };
    const st = editorStateFrom(detail);
    expect(st.reportId).toBe('r1');
    expect(st.template).toBeNull();
    expect(Object.keys(st.report).sort()).toEqual(Object.keys(ReportDraft.shape).sort());
    expect(st.report.paused).toBe(true);
    expect(st.schedules).toEqual([{ id: 's1', label: 'Brief', enabled: true, recurrence: { kind: 'daily', time: '08:00' }, timezone: 'Europe/Paris', endDate: '2027-01-01', businessDaysOnly: true, holidays: { country: 'FR' }, nonBusinessDay: 'next' }]);
  });
});
