/**
 * The tracking endpoints over real HTTP, and one full round trip: a report sent with tracking on, its
 * pixel and link opened by the "recipient", the events pulled back into the report's history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirFileStore } from '../../../sync-server/tracking/file-store.js';
import { MemoryEventStore, NdjsonEventStore } from '../../../sync-server/tracking/event-store.js';
import { startTrackingServer, type RunningTrackingServer } from '../../../sync-server/tracking/standalone.js';
import { SEVEN_DAYS_MS, signClaim, verifyClaim } from '../../../sync-server/tracking/tokens.js';
import { TrackingClient } from '../../../main/reports/tracking/tracking-client.js';
import { startSmtpPeer, type SmtpPeer } from '../../main/mail/smtp-peer.js';
import { configureSmtp, reportWorkspace } from '../../main/reports/workspace-fixture.js';
import { tempHome } from '../../helpers/home.js';

const KEY = 'a-test-signing-key-of-enough-length';
let server: RunningTrackingServer | null = null;
let peer: SmtpPeer | null = null;
afterEach(async () => {
  await server?.close();
  await peer?.close();
  server = null;
  peer = null;
});

describe('signed tracking tokens', () => {
  it('verify only unaltered, unexpired tokens signed with the same key', () => {
    const t = signClaim({ k: 'c', w: 'w1', r: 'r1', d: 'd1', u: 'https://example.com/x' }, KEY);
    expect(verifyClaim(t, KEY)).toEqual({ k: 'c', w: 'w1', r: 'r1', d: 'd1', u: 'https://example.com/x' });
    expect(verifyClaim(t, 'another-key-entirely-different')).toBeNull();
    const [body, sig] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'c', w: 'w1', r: 'r1', d: 'd1', u: 'https://evil.example' })).toString('base64url');
    expect(verifyClaim(`${forged}.${sig}`, KEY)).toBeNull();
    expect(verifyClaim(`${body}.${sig!.slice(0, -2)}AA`, KEY)).toBeNull();
    const f = signClaim({ k: 'f', w: 'w', r: 'r', f: 'w/r/a.pdf', exp: 1000 }, KEY);
    expect(verifyClaim(f, KEY, 999)).not.toBeNull();
    expect(verifyClaim(f, KEY, 1001)).toBeNull();
  });
});

describe('the tracking endpoints', () => {
  it('serve the pixel, redirect signed clicks, keep pushed files for 7 days and hand events to their workspace only', async () => {
    const home = tempHome();
    let now = Date.parse('2026-05-01T10:00:00Z');
    const events = new NdjsonEventStore(path.join(home, 'events.ndjson'));
    server = await startTrackingServer({ signingKey: KEY, events, files: new DirFileStore(path.join(home, 'files')), now: () => now });
    const client = new TrackingClient({ url: server.url, key: KEY }, () => now);

    const pixel = await fetch(client.openPixelUrl('w1', 'r1', 'd1'));
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    expect((await fetch(`${server.url}/t/o/garbage.gif`)).status).toBe(404);

    const click = await fetch(client.clickUrl('w1', 'r1', 'd1', 'https://example.com/report?a=1&b=2'), { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe('https://example.com/report?a=1&b=2');
    const js = signClaim({ k: 'c', w: 'w1', r: 'r1', d: 'd1', u: 'javascript:alert(1)' }, KEY);
    expect((await fetch(`${server.url}/t/c/${js}`, { redirect: 'manual' })).status).toBe(404);

    // Pushing a file needs an upload token for that very file.
    const bad = await fetch(`${server.url}/t/files/w1/r1/x.pdf`, { method: 'PUT', body: 'x' });
    expect(bad.status).toBe(401);
    const key = await client.upload('w1', 'r1', { name: 'Sales report.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') });
    const link = client.fileUrl('w1', 'r1', key);
    const got = await fetch(link);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''Sales%20report.pdf");
    expect(Buffer.from(await got.arrayBuffer()).toString()).toBe('%PDF-1.4 test');
    now += SEVEN_DAYS_MS + 1;
    expect((await fetch(link)).status).toBe(410);

    await fetch(new TrackingClient({ url: server.url, key: KEY }, () => now).openPixelUrl('w2', 'r9', 'd9'));
    const pulled = await client.pull('w1', 0);
    expect(pulled.events.map((e) => e.kind)).toEqual(['open', 'click', 'download']);
    expect(pulled.events.every((e) => e.w === 'w1')).toBe(true);
    expect((await fetch(`${server.url}/t/events?after=0`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    // The event log survives a restart of the server.
    const reloaded = new NdjsonEventStore(path.join(home, 'events.ndjson'));
    expect((await reloaded.after('w1', 0, 100)).map((e) => e.seq)).toEqual(pulled.events.map((e) => e.seq));
    expect((await reloaded.append({ kind: 'open', at: '', w: 'w1', r: 'r', d: 'd', url: null })).seq).toBe(5);
  });
});

describe('tracking round trip', () => {
  it('an opened and clicked report email shows up as an open and a click in the run’s history', async () => {
    const { svc, workspaceId, dashboardId } = await reportWorkspace();
    peer = await startSmtpPeer();
    await configureSmtp(svc, peer.port);
    const home = tempHome();
    server = await startTrackingServer({ signingKey: KEY, events: new MemoryEventStore(), files: new DirFileStore(path.join(home, 'files')) });
    await svc.dispatcher.call('reports.settings.set', { workspaceId, workspace: { trackingEnabled: true }, trackingServer: { url: server.url }, trackingKey: KEY });
    // The signing key went to the secret store, not to the settings table.
    expect(JSON.stringify(svc.core().settings.get('reports.trackingServer'))).not.toContain(KEY);
    expect(fs.readFileSync(svc.paths.store).includes(Buffer.from(KEY))).toBe(false);

    const r = await svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Tracked', content: { dashboardId }, formats: ['pdf'], delivery: { to: [{ kind: 'address', address: 'ann@acme.test' }, { kind: 'address', address: 'bob@acme.test' }], attach: [] } } });
    const run = await svc.dispatcher.call('reports.runNow', { workspaceId, reportId: r.id });
    expect(run.status).toBe('sent');
    const msgs = await peer.waitFor(2);
    // Tracked: one message per recipient, each with its own pixel, and the email says so.
    const ann = msgs.find((m) => m.envelope[0] === 'ann@acme.test')!;
    const bob = msgs.find((m) => m.envelope[0] === 'bob@acme.test')!;
    const html = String(ann.mail.html);
    expect(html).toContain('tracking image and tracked links');
    const pixelUrl = /<img src="([^"]+\/t\/o\/[^"]+\.gif)"/.exec(html)![1]!;
    expect(String(bob.mail.html)).not.toContain(pixelUrl);
    const linkUrl = /<a [^>]*href="([^"]+\/t\/c\/[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');

    // The recipient opens the email and clicks the link to the full report.
    expect((await fetch(pixelUrl)).status).toBe(200);
    const click = await fetch(linkUrl, { redirect: 'manual' });
    expect(click.status).toBe(302);
    const download = await fetch(click.headers.get('location')!);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const pulled = await svc.dispatcher.call('reports.tracking.pull', { workspaceId });
    expect(pulled.added).toBe(2); // the open and the click; the download link itself is not per recipient
    const detail = await svc.dispatcher.call('reports.run', { workspaceId, runId: run.id });
    expect(detail.run).toMatchObject({ opens: 1, clicks: 1, delivered: 2 });
    expect(detail.deliveries.find((d) => d.address === 'ann@acme.test')).toMatchObject({ opens: 1, clicks: 1 });
    expect(detail.deliveries.find((d) => d.address === 'bob@acme.test')).toMatchObject({ opens: 0, clicks: 0 });
    // Pulling again adds nothing (the cursor moved on).
    expect((await svc.dispatcher.call('reports.tracking.pull', { workspaceId })).added).toBe(0);
    const a = await svc.dispatcher.call('reports.analytics', { workspaceId });
    expect(a).toMatchObject({ delivered: 2, opens: 1, uniqueOpens: 1, clicks: 1, openRate: 0.5, clickRate: 0.5, successRate: 1 });
  });
});
