/**
 * A real one-minute schedule on the real clock, end to end: the scheduler fires at the next minute,
 * the report is generated from the workspace's data and the email arrives at an SMTP server.
 */
import { afterEach, expect, it } from 'vitest';
import { startReportScheduler } from '../../../main/reports/module.js';
import { startSmtpPeer, type SmtpPeer } from '../mail/smtp-peer.js';
import { configureSmtp, reportWorkspace } from '../reports/workspace-fixture.js';

let peer: SmtpPeer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

it('a schedule that runs every minute fires on the real clock and the email arrives', { timeout: 180_000 }, async () => {
  const { svc, m, workspaceId, dashboardId } = await reportWorkspace();
  peer = await startSmtpPeer();
  await configureSmtp(svc, peer.port);
  const r = await svc.dispatcher.call('reports.create', {
    workspaceId,
    report: { name: 'Every minute', content: { dashboardId }, formats: ['html'], delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }], subject: '{{report.name}} at {{formatDate report.generatedAt "HH:mm"}}' } },
    schedules: [{ recurrence: { kind: 'cron', expression: '* * * * *' }, timezone: 'UTC' }],
  });
  const due = Date.parse(r.nextRunAt!);
  expect(due).toBeGreaterThan(Date.now());
  expect(due - Date.now()).toBeLessThanOrEqual(60_000);
  expect(new Date(due).getUTCSeconds()).toBe(0);
  startReportScheduler(svc);
  const [got] = await peer.waitFor(1, 150_000);
  expect(got!.envelope).toEqual(['ann@acme.test']);
  expect(got!.mail.subject).toBe(`Every minute at ${new Date(due).toISOString().slice(11, 16)}`);
  await m.idle();
  const [run] = await svc.dispatcher.call('reports.history', { workspaceId, reportId: r.id });
  expect(run).toMatchObject({ trigger: 'schedule', status: 'sent', scheduledFor: new Date(due).toISOString(), delivered: 1 });
  expect(Date.parse(run!.startedAt!)).toBeGreaterThanOrEqual(due);
});
