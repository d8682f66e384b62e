/**
 * The reports feature through the contract, on a workspace with real imported data: validation at
 * save, next runs, preview, limits, conditional sends, missed runs, a deleted dashboard.
 */
import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import { startReportScheduler } from '../../../main/reports/module.js';
import { FakeClock } from '../scheduler/fake-clock.js';
import { reportWorkspace } from './workspace-fixture.js';

async function rejects(p: Promise<unknown>): Promise<UdashError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UdashError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

const daily = (time: string, timezone = 'UTC') => ({ recurrence: { kind: 'daily' as const, time }, timezone });

describe('saving reports', () => {
  it('refuses an invalid address, a template syntax error and an unknown holiday calendar, naming the field', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const base = { name: 'R', content: { dashboardId } };
    let e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: { ...base, delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }, { kind: 'address', address: 'not-an-address' }] } } }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.path).toEqual(['report', 'delivery', 'to', 1, 'address']);
    expect(e.message).toMatch(/not a valid email address/);
    e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: { ...base, delivery: { cc: ['a@b'] } } }));
    expect(e.path).toEqual(['report', 'delivery', 'cc', 0]);
    e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: { ...base, delivery: { subject: 'Report\n{{#if report.name}} for {{report.period}}' } } }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toMatchObject({ field: 'delivery.subject', line: 2 });
    e = await rejects(svc.dispatcher.call('reportTemplates.save', { workspaceId, template: { name: 'T', sections: [{ id: 'a', kind: 'text', body: 'ok\nok\n{{report.name}' }] } }));
    expect(e.message).toMatch(/sections\.0\.body\) has a syntax error on line 3/);
    e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: base, schedules: [{ ...daily('09:00'), holidays: { country: 'XX' } }] }));
    expect(e.details).toMatchObject({ field: 'schedules.0.holidays.country' });
    e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: base, schedules: [{ recurrence: { kind: 'cron', expression: '61 * * * *' }, timezone: 'UTC' }] }));
    expect(e.details).toMatchObject({ field: 'schedules.0.recurrence' });
    e = await rejects(svc.dispatcher.call('reports.create', { workspaceId, report: base, schedules: [{ ...daily('09:00'), timezone: 'Mars/Olympus' }] }));
    expect(e.message).toMatch(/IANA time zone/);
    expect(await svc.dispatcher.call('reports.list', { workspaceId })).toEqual([]);
  });

  it('lists reports with their next run, pauses them, and computes next runs while editing', async () => {
    const clock = new FakeClock(Date.parse('2026-03-06T12:00:00Z'));
    const { svc, workspaceId, dashboardId } = await reportWorkspace({ clock });
    const r = await svc.dispatcher.call('reports.create', {
      workspaceId,
      report: { name: 'Morning', content: { dashboardId } },
      schedules: [daily('09:00', 'America/New_York'), { recurrence: { kind: 'weekly', time: '17:00', days: [5] }, timezone: 'Europe/London', label: 'Friday wrap-up' }],
    });
    const byLabel = Object.fromEntries(r.schedules.map((s) => [s.label || 'daily', s]));
    expect(byLabel.daily!.nextRunAt).toBe('2026-03-06T14:00:00.000Z');
    expect(byLabel['Friday wrap-up']!.nextRunAt).toBe('2026-03-06T17:00:00.000Z');
    expect(r.nextRunAt).toBe('2026-03-06T14:00:00.000Z');
    expect(byLabel.daily!.description).toBe('Every day at 09:00 (America/New_York)');
    expect(byLabel['Friday wrap-up']!.description).toBe('Every Friday at 17:00 (Europe/London)');
    expect(r.problems.map((p) => p.code)).toEqual(['NO_RECIPIENTS']);
    const paused = await svc.dispatcher.call('reports.pause', { workspaceId, reportId: r.id, paused: true });
    expect(paused.nextRunAt).toBeNull();
    const resumed = await svc.dispatcher.call('reports.pause', { workspaceId, reportId: r.id, paused: false });
    expect(resumed.nextRunAt).toBe('2026-03-06T14:00:00.000Z');
    const next = await svc.dispatcher.call('reports.nextRuns', { schedule: daily('09:00', 'America/New_York'), count: 3, after: '2026-03-06T15:00:00Z' });
    expect(next.runs).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    // Editing only the name keeps the schedules' identity; replacing them drops the old ones.
    clock.advance(60_000);
    await svc.dispatcher.call('reports.update', { workspaceId, reportId: r.id, patch: { name: 'Morning brief' }, schedules: [{ id: byLabel.daily!.id, ...daily('09:00', 'America/New_York') }] });
    const after = await svc.dispatcher.call('reports.get', { workspaceId, reportId: r.id });
    expect(after.name).toBe('Morning brief');
    expect(after.schedules.map((s) => [s.id, s.updatedAt])).toEqual([[byLabel.daily!.id, byLabel.daily!.updatedAt]]);
    // The change is in the audit trail.
    expect(svc.core().audit.recent(workspaceId, 10).map((a) => a.action)).toEqual(expect.arrayContaining(['report.create', 'report.pause', 'report.resume', 'report.update']));
  });
});

describe('preview', () => {
  it('shows exactly what would be sent: subject, email, recipients, the send condition and the files', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const p = await svc.dispatcher.call('reports.preview', {
      workspaceId,
      report: {
        name: 'Sales',
        content: { dashboardId },
        formats: ['pdf', 'xlsx'],
        delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }], bcc: ['boss@acme.test'], subject: '{{report.name}}: {{metric.revenue.totalText}}', attach: ['pdf'] },
        sendRule: { conditions: [{ kind: 'metricChange', metric: 'revenue_by_day', minPct: 1000 }] },
      },
      formats: ['pdf'],
    });
    expect(p.subject).toBe('Sales: $787,120');
    expect(p.recipients).toEqual([
      { address: 'ann@acme.test', kind: 'to', external: false },
      { address: 'boss@acme.test', kind: 'bcc', external: false },
    ]);
    expect(p.condition.pass).toBe(false);
    expect(p.condition.reason).toBe("Revenue by day changed −5.8% (less than 1000%)");
    expect(p.html).toContain('data:image/png;base64,');
    expect(p.html).not.toContain('cid:');
    expect(p.attachments).toEqual([expect.stringMatching(/^Sales \d{4}-\d{2}-\d{2}\.pdf$/)]);
    expect(p.files).toHaveLength(1);
    expect(svc.downloads.get(p.files[0]!.downloadId)?.fileName).toBe(p.files[0]!.name);
    expect(p.metrics).toContain('revenue');
    expect(p.period).toBe('1 Jan 2026 – 30 Apr 2026');
    // A preview records no run.
    expect(await svc.dispatcher.call('reports.history', { workspaceId })).toEqual([]);
  });
});

describe('limits and bad input at run time', () => {
  it('stops a report over the size limit with a clear message, and does not retry it', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace({ limits: { maxBytes: 60_000 } });
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Big', content: { dashboardId }, formats: ['pptx', 'xlsx'] } });
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id, send: false });
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('LIMIT');
    expect(run.error?.message).toMatch(/^The report "Big" reached \d+ KB \(after its (PPTX|XLSX) file\), over the 59 KB limit per report\. Choose fewer widgets or formats, or a shorter date range\.$/);
    expect(run.nextRetryAt).toBeNull();
  });

  it('generates at most N reports per hour per workspace and queues the rest', async () => {
    const clock = new FakeClock(Date.now());
    const { svc, workspaceId, dashboardId } = await reportWorkspace({ clock, limits: { perHour: 1 } });
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Often', content: { dashboardId }, formats: ['html'] } });
    expect((await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id, send: false })).status).toBe('generated');
    const second = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id, send: false });
    expect(second.status).toBe('scheduled');
    expect(second.note).toMatch(/at most 1 reports are generated per hour/);
    expect(Date.parse(second.nextRetryAt!) - clock.now()).toBe(3600_000);
  });

  it('flags the schedules of a report whose dashboard was deleted, and fails its run with the reason', async () => {
    const clock = new FakeClock(Date.parse('2026-05-04T08:00:00Z'));
    const { svc, m, workspaceId, dashboardId } = await reportWorkspace({ clock });
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Orphan', content: { dashboardId } }, schedules: [daily('09:00')] });
    await svc.dispatcher.call('dashboards.delete', { workspaceId, dashboardId });
    const listed = (await svc.dispatcher.call('reports.list', { workspaceId }))[0]!;
    expect(listed.problems.map((p) => p.code)).toContain('DASHBOARD_MISSING');
    expect(listed.schedules[0]!.flag).toMatch(/dashboard .* deleted/);
    startReportScheduler(svc);
    clock.advanceTo(Date.parse('2026-05-04T09:00:30Z'));
    await m.idle();
    const [run] = await svc.dispatcher.call('reports.history', { workspaceId, reportId: r.id });
    expect(run).toMatchObject({ status: 'failed', trigger: 'schedule', nextRetryAt: null, error: { code: 'NOT_FOUND' } });
    expect(run!.error!.message).toBe('The dashboard behind the report "Orphan" was deleted; choose another dashboard for this report.');
    expect(m.runs.flags(workspaceId).get(r.schedules[0]!.id)).toMatch(/dashboard of this report was deleted/);
    // Flagged schedules stop firing: a day later there is still one run.
    clock.advanceTo(Date.parse('2026-05-05T09:00:30Z'));
    await m.idle();
    expect(await svc.dispatcher.call('reports.history', { workspaceId, reportId: r.id })).toHaveLength(1);
  });
});

describe('scheduled runs', () => {
  it('skips a scheduled run whose condition is not met and says why', async () => {
    const clock = new FakeClock(Date.parse('2026-05-04T08:00:00Z'));
    const { svc, m, workspaceId, dashboardId } = await reportWorkspace({ clock });
    const r = await svc.dispatcher.call('reports.create', {
      workspaceId,
      report: { name: 'Only when big', content: { dashboardId }, formats: ['html'], sendRule: { conditions: [{ kind: 'threshold', metric: 'revenue', op: 'gt', value: 10_000_000, of: 'total' }] } },
      schedules: [daily('09:00')],
    });
    startReportScheduler(svc);
    clock.advanceTo(Date.parse('2026-05-04T09:01:00Z'));
    await m.idle();
    const [run] = await svc.dispatcher.call('reports.history', { workspaceId, reportId: r.id });
    expect(run).toMatchObject({ status: 'skipped', late: false, scheduledFor: '2026-05-04T09:00:00.000Z' });
    expect(run!.note).toBe('Not sent: Revenue (total) is $787,120, not above $10,000,000.');
  });

  it('runs a schedule missed while the app was off once at start, marked late', async () => {
    const clock = new FakeClock(Date.parse('2026-05-01T10:00:00Z'));
    const { svc, m, workspaceId, dashboardId } = await reportWorkspace({ clock });
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Daily', content: { dashboardId }, formats: ['html'] }, schedules: [daily('09:00')] });
    // The app is closed from now until 4 May 12:00; the scheduler only starts then.
    clock.sleepUntil(Date.parse('2026-05-04T12:00:00Z'));
    startReportScheduler(svc);
    await m.idle();
    const runs = await svc.dispatcher.call('reports.history', { workspaceId, reportId: r.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'generated', late: true, missedCount: 2, scheduledFor: '2026-05-04T09:00:00.000Z' });
    expect(runs[0]!.note).toMatch(/Missed 3 scheduled times from 2026-05-02T09:00:00.000Z/);
    expect((await svc.dispatcher.call('reports.get', { workspaceId, reportId: r.id })).nextRunAt).toBe('2026-05-05T09:00:00.000Z');
  });

  it('captures a snapshot and generates from it; delivery analytics summarise the runs', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Frozen', content: { dashboardId }, formats: ['html'], data: { mode: 'snapshot' } } });
    const snap = await svc.dispatcher.call('reports.snapshot', { workspaceId, reportId: r.id });
    expect(snap.widgets).toBe(4);
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id, send: false });
    expect(run.status).toBe('generated');
    const dl = await svc.dispatcher.call('reports.download', { workspaceId, runId: run.id, format: 'html' });
    const html = (await import('node:fs')).readFileSync(svc.downloads.get(dl.downloadId)!.path, 'utf8');
    expect(html).toContain('$787,120');
    const a = await svc.dispatcher.call('reports.analytics', { workspaceId });
    expect(a).toMatchObject({ runs: 1, sent: 0, failed: 0 });
    expect(a.avgGenerationMs).toBeGreaterThan(0);
    expect(a.mostPopular[0]).toMatchObject({ reportId: r.id, runs: 1 });
  });
});

describe('content and secrets', () => {
  it('applies the report’s own date range and filters on top of the dashboard', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    const report = (data: object) => ({ name: 'April', content: { dashboardId }, formats: ['html' as const], data });
    const all = await svc.dispatcher.call('reports.preview', { workspaceId, report: report({}) });
    const april = await svc.dispatcher.call('reports.preview', { workspaceId, report: report({ dateRange: { preset: 'custom', from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' } }) });
    expect(all.period).toBe('1 Jan 2026 – 30 Apr 2026');
    expect(april.period).toBe('1 Apr 2026 – 30 Apr 2026');
    const north = await svc.dispatcher.call('reports.preview', { workspaceId, report: report({ filters: [{ field: 'region', op: 'eq', value: 'North' }] }) });
    // Revenue per region per day is 1000 + i·250 + (d mod 7)·40 (+2500 in the last week): North is i = 0.
    const expectedNorth = Array.from({ length: 120 }, (_, d) => 1000 + (d % 7) * 40 + (d >= 113 ? 2500 : 0)).reduce((a, b) => a + b, 0);
    expect(north.subject).toBe('April: 1 Jan 2026 – 30 Apr 2026');
    expect(north.html).toContain(`$${expectedNorth.toLocaleString('en-US')}`);
  });

  it('keeps the SMTP password out of the store, the settings answer and the log', async () => {
    const { svc, m } = await reportWorkspace();
    const password = 'Sup3r-secret-SMTP-pw';
    const view = await svc.dispatcher.call('mail.settings.set', { smtp: { host: 'smtp.acme.test', port: 587, user: 'reports', from: 'reports@acme.test' }, password });
    expect(view).toMatchObject({ hasPassword: true, secretsLocation: 'vault:env' });
    expect(JSON.stringify(view)).not.toContain(password);
    expect(m.settings.smtpConnection()?.password).toBe(password);
    svc.core().store.db.pragma('wal_checkpoint(TRUNCATE)');
    const fs = await import('node:fs');
    const path = await import('node:path');
    for (const f of [svc.paths.store, path.join(svc.paths.home, 'secrets.vault.json'), path.join(svc.paths.logs, 'udash.log')]) {
      if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(Buffer.from(password)), f).toBe(false);
    }
    expect(JSON.stringify(svc.core().audit.recent(null, 5))).not.toContain(password);
    const cleared = await svc.dispatcher.call('mail.settings.set', { smtp: { host: 'smtp.acme.test', port: 587, from: 'reports@acme.test' }, password: null });
    expect(cleared.hasPassword).toBe(false);
  });

  it('stops a generation that runs past its time limit with a clear message, and retries it later', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace({ limits: { timeoutMs: 1 } });
    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Slow', content: { dashboardId }, formats: ['pdf', 'xlsx'] } });
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id, send: false });
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ code: 'TIMEOUT', message: 'Generating the report took longer than 0.001 seconds and was stopped; try fewer widgets or a shorter date range.' });
    expect(run.nextRetryAt).not.toBeNull();
  });
});
