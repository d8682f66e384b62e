/**
 * Delivery against a real SMTP server on loopback (smtp-server), the received mail parsed by
 * mailparser: recipients, subject, inline chart images, attachments, bounces, external recipients,
 * and an unreachable server whose run fails, is retried with backoff and loses nothing.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReportScheduler } from '../../../main/reports/module.js';
import { FakeClock } from '../scheduler/fake-clock.js';
import { readPdf } from '../reports/pdf-helpers.js';
import { configureSmtp, reportWorkspace } from '../reports/workspace-fixture.js';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

let peer: SmtpPeer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('sending a report by email', () => {
  it('delivers to To, Cc and Bcc with the subject, inline chart images and attachments', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    peer = await startSmtpPeer();
    await configureSmtp(svc, peer.port);
    const group = await svc.dispatcher.call('recipientGroups.save', { workspaceId, group: { name: 'Sales leads', members: [{ address: 'lead1@acme.test' }, { address: 'lead2@acme.test', name: 'Lead Two' }] } });
    const report = await svc.dispatcher.call('reports.create', {
      workspaceId,
      report: {
        name: 'Weekly sales',
        content: { dashboardId },
        formats: ['pdf', 'xlsx', 'html'],
        vars: { team: 'Sales' },
        delivery: {
          to: [{ kind: 'address', address: 'ann@acme.test' }, { kind: 'group', groupId: group.id }],
          cc: ['cc@acme.test'],
          bcc: ['hidden@acme.test'],
          replyTo: 'owner@acme.test',
          subject: '{{report.name}} for {{report.period}}',
          body: 'Hello {{vars.team}} team,\n\nrevenue was {{metric.revenue.totalText}}.',
          attach: ['pdf', 'xlsx'],
        },
      },
    });
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: report.id });
    expect(run.status).toBe('sent');
    const [got] = await peer.waitFor(1);
    const mail = got!.mail;
    expect(mail.subject).toBe('Weekly sales for 1 Jan 2026 – 30 Apr 2026');
    expect(got!.envelope.sort()).toEqual(['ann@acme.test', 'cc@acme.test', 'hidden@acme.test', 'lead1@acme.test', 'lead2@acme.test']);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to!];
    expect(to.flatMap((a) => a.value.map((v) => v.address)).sort()).toEqual(['ann@acme.test', 'lead1@acme.test', 'lead2@acme.test']);
    expect((Array.isArray(mail.cc) ? mail.cc : [mail.cc!]).flatMap((a) => a.value.map((v) => v.address))).toEqual(['cc@acme.test']);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.get('x-udash-run')).toBe(run.id);
    expect(mail.replyTo?.value[0]?.address).toBe('owner@acme.test');
    expect(mail.from?.value[0]).toMatchObject({ address: 'reports@acme.test', name: 'Acme Reports' });
    const html = String(mail.html);
    expect(html).toContain('Hello Sales team,');
    const inline = mail.attachments.filter((a) => a.contentId);
    expect(inline.length).toBe(2); // the line and bar charts
    for (const a of inline) {
      expect(a.contentType).toBe('image/png');
      expect(html).toContain(`cid:${a.contentId!.replace(/[<>]/g, '')}`);
    }
    const files = mail.attachments.filter((a) => !a.contentId);
    expect(files.map((a) => a.filename)).toEqual([expect.stringMatching(/^Weekly sales \d{4}-\d{2}-\d{2}\.pdf$/), expect.stringMatching(/\.xlsx$/)]);
    const pdf = readPdf(files[0]!.content);
    expect(pdf.text).toContain('Revenue by day');
    expect(pdf.text).toContain(run.reportName);
    // The history says what happened.
    const detail = await svc.dispatcher.call('reports.run', { workspaceId, runId: run.id });
    expect(detail.run).toMatchObject({ delivered: 5, failed: 0, bounced: 0, pending: 0, attempts: 1 });
    expect(detail.run.files.map((f) => f.format)).toEqual(['pdf', 'xlsx', 'html']);
    expect(detail.run.generationMs).toBeGreaterThan(0);
  });

  it('records a recipient the server refuses as bounced and an external recipient gets no attachments', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    peer = await startSmtpPeer();
    peer.refuse.add('ghost@acme.test');
    await configureSmtp(svc, peer.port);
    await svc.dispatcher.call('reports.settings.set', { workspaceId, workspace: { internalDomains: ['acme.test'] } });
    const report = await svc.dispatcher.call('reports.create', {
      workspaceId,
      report: {
        name: 'Ops',
        content: { dashboardId },
        formats: ['pdf'],
        delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }, { kind: 'address', address: 'ghost@acme.test' }, { kind: 'address', address: 'client@partner.test' }], attach: ['pdf'] },
      },
    });
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: report.id });
    expect(run.status).toBe('sent');
    expect(run).toMatchObject({ delivered: 2, bounced: 1 });
    expect(run.note).toMatch(/1 recipient\(s\) bounced/);
    const { deliveries } = await svc.dispatcher.call('reports.run', { workspaceId, runId: run.id });
    const ghost = deliveries.find((d) => d.address === 'ghost@acme.test')!;
    expect(ghost.status).toBe('bounced');
    expect(ghost.error).toMatch(/550.*User unknown/);
    expect(deliveries.find((d) => d.address === 'client@partner.test')).toMatchObject({ status: 'sent', external: true });
    const msgs = await peer.waitFor(2);
    const internal = msgs.find((m) => m.envelope.includes('ann@acme.test'))!;
    const external = msgs.find((m) => m.envelope.includes('client@partner.test'))!;
    expect(internal.mail.attachments.some((a) => a.filename?.endsWith('.pdf'))).toBe(true);
    expect(external.mail.attachments.some((a) => a.filename?.endsWith('.pdf'))).toBe(false);
    expect(external.envelope).toEqual(['client@partner.test']);
  });

  it('marks a run failed with the reason when SMTP is unreachable, retries with backoff, and delivers the same files later', async () => {
    const clock = new FakeClock(Date.now());
    const { svc, m, workspaceId, dashboardId } = await reportWorkspace({ clock });
    const port = await freePort();
    await configureSmtp(svc, port);
    const report = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Daily', content: { dashboardId }, formats: ['pdf'], delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }], attach: ['pdf'] } } });
    const failed = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: report.id });
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('UNAVAILABLE');
    expect(failed.error?.message).toMatch(/could not be reached/);
    expect(failed.pending).toBe(1);
    expect(Date.parse(failed.nextRetryAt!) - clock.now()).toBe(60_000);
    const dir = m.runs.internals(failed.id).outputDir!;
    const pdfBefore = fs.readFileSync(path.join(dir, failed.files[0]!.name));

    // Still down at the first retry: the next one waits 4 × longer.
    startReportScheduler(svc);
    clock.advance(61_000);
    await m.idle();
    const second = m.runs.get(failed.id)!;
    expect(second).toMatchObject({ status: 'failed', attempts: 2 });
    expect(Date.parse(second.nextRetryAt!) - clock.now()).toBeGreaterThan(3 * 60_000);

    // The server comes back; the next retry delivers the very same PDF.
    peer = await startSmtpPeer(port);
    clock.advance(5 * 60_000);
    await m.idle();
    const done = m.runs.get(failed.id)!;
    expect(done).toMatchObject({ status: 'sent', attempts: 3, delivered: 1, pending: 0 });
    const [got] = await peer.waitFor(1);
    expect(got!.mail.attachments.find((a) => a.filename?.endsWith('.pdf'))!.content.equals(pdfBefore)).toBe(true);
    // Only one generation happened: retries re-send, they do not regenerate.
    expect(m.runs.generationsSince(workspaceId, 0)).toHaveLength(1);
  });
});
