import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteTokenStore } from '../../sync-server/auth/sqlite-token-store.js';
import { createJsonLogger } from '../../sync-server/ops/logger.js';
import { CLOSE } from '../../sync-server/protocol/close-codes.js';
import { updateFrame } from '../../sync-server/protocol/messages.js';
import { connectClient } from './helpers/clients.js';
import { closeWithin, rawConnect } from './helpers/raw.js';
import { startTestServer, tempDir } from './helpers/server.js';
import { sleep, waitFor } from './helpers/wait.js';

async function storedState(t: { storage: { docs: { load(d: string): Promise<Uint8Array[]> } } }, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of await t.storage.docs.load(room)) Y.applyUpdate(doc, u);
  return doc;
}

describe('sync server: access control', () => {
  it('a viewer receives updates but its writes are never applied, stored or relayed (also after a restart)', async () => {
    const dataDir = tempDir();
    const t = await startTestServer({ dataDir });
    const editor = connectClient(t.url, 'ws-a', (await t.token('editor', 'ws-a')).token);
    const viewer = connectClient(t.url, 'ws-a', (await t.token('viewer', 'ws-a')).token);
    await Promise.all([editor.synced(), viewer.synced()]);

    editor.doc.getMap('widgets').set('from-editor', 1);
    await waitFor(() => viewer.doc.getMap('widgets').get('from-editor') === 1, 'viewer to receive the editor update');
    viewer.doc.getMap('widgets').set('from-viewer', 666);
    editor.doc.getMap('widgets').set('after', 2);
    await waitFor(() => viewer.doc.getMap('widgets').get('after') === 2, 'viewer to keep receiving');
    await waitFor(() => viewer.denied.length > 0, 'viewer to be told it is read-only');
    await sleep(100);

    expect(editor.doc.getMap('widgets').has('from-viewer')).toBe(false);
    expect((await t.server.snapshotDocument('ws-a')).length).toBeGreaterThan(0);
    expect((await storedState(t, 'ws-a')).getMap('widgets').has('from-viewer')).toBe(false);
    expect((await t.server.metrics.rejectedUpdates.get()).values[0]!.value).toBeGreaterThan(0);

    // The viewer's client re-sends its unsynced edit on every reconnect: still refused after a restart.
    viewer.destroy();
    editor.destroy();
    await t.stop();
    const t2 = await startTestServer({ dataDir });
    const viewer2 = connectClient(t2.url, 'ws-a', (await t2.token('viewer', 'ws-a')).token, { doc: (() => {
      const d = new Y.Doc();
      d.getMap('widgets').set('offline-viewer-edit', 1);
      return d;
    })() });
    await viewer2.synced();
    await waitFor(() => viewer2.doc.getMap('widgets').get('after') === 2, 'restarted server to serve the stored doc');
    await sleep(100);
    const stored = await storedState(t2, 'ws-a');
    expect(stored.getMap('widgets').get('from-editor')).toBe(1);
    expect(stored.getMap('widgets').has('from-viewer')).toBe(false);
    expect(stored.getMap('widgets').has('offline-viewer-edit')).toBe(false);
  });

  it('a token for workspace A cannot open workspace B (4403), and nothing of B reaches it', async () => {
    const t = await startTestServer();
    const bWriter = connectClient(t.url, 'ws-b', (await t.token('owner', 'ws-b')).token);
    await bWriter.synced();
    bWriter.doc.getMap('widgets').set('secret', 'b only');
    await waitFor(async () => (await t.storage.docs.count('ws-b')) > 0, 'b to be stored');

    const intruder = connectClient(t.url, 'ws-b', (await t.token('owner', 'ws-a')).token);
    await waitFor(() => intruder.closes.length > 0, 'intruder to be closed');
    expect(intruder.closes[0]!.code).toBe(CLOSE.FORBIDDEN);
    expect(intruder.doc.getMap('widgets').size).toBe(0);
    // 44xx is permanent for the stock provider: it does not keep hammering the server.
    await sleep(600);
    expect(intruder.closes.length).toBe(1);
  });

  it('missing, malformed, wrong, expired and revoked tokens are refused at connect with 4401', async () => {
    const t = await startTestServer();
    const good = await t.token('editor', 'ws-a');
    const expired = await t.token('editor', 'ws-a', 1);
    const revoked = await t.token('editor', 'ws-a');
    await t.storage.tokens.revoke(revoked.id);
    await sleep(5);
    const wrongSecret = good.token.slice(0, -4) + (good.token.endsWith('0000') ? '1111' : '0000');
    const cases: [string, string | null][] = [
      ['missing', null],
      ['malformed', 'not-a-token'],
      ['wrong secret', wrongSecret],
      ['expired', expired.token],
      ['revoked', revoked.token],
    ];
    for (const [name, token] of cases) {
      const s = await rawConnect(t.url, 'ws-a', token);
      const c = await s.closed;
      expect(c.code, name).toBe(CLOSE.UNAUTHORIZED);
      expect(s.received, `${name}: no document data before the refusal`).toHaveLength(0);
    }
    const ok = await rawConnect(t.url, 'ws-a', good.token);
    expect(await closeWithin(ok, 200)).toBeNull();
    const failures = (await t.server.metrics.authFailures.get()).values.reduce((n, v) => n + v.value, 0);
    expect(failures).toBe(5);
  });

  it('a token revoked by another process (the CLI) is cut off at its next message, which is not stored', async () => {
    const t = await startTestServer();
    const victim = await t.token('editor', 'ws-a');
    const client = connectClient(t.url, 'ws-a', victim.token);
    const watcher = connectClient(t.url, 'ws-a', (await t.token('viewer', 'ws-a')).token);
    await Promise.all([client.synced(), watcher.synced()]);
    client.doc.getMap('widgets').set('before', 1);
    await waitFor(() => watcher.doc.getMap('widgets').get('before') === 1, 'edit before revocation');

    // A second store on the same data folder, as `udash sync-server token revoke` would open.
    const cli = new SqliteTokenStore(t.dataDir);
    await cli.revoke(victim.id);
    await cli.close();

    client.doc.getMap('widgets').set('after-revocation', 1);
    await waitFor(() => client.closes.length > 0, 'revoked client to be closed');
    expect(client.closes[0]).toEqual({ code: CLOSE.UNAUTHORIZED, reason: 'token revoked' });
    await sleep(100);
    expect(watcher.doc.getMap('widgets').has('after-revocation')).toBe(false);
    expect((await storedState(t, 'ws-a')).getMap('widgets').has('after-revocation')).toBe(false);
  });

  it('a revocation through the admin API closes the live connections at once', async () => {
    const t = await startTestServer();
    const owner = await t.token('owner', 'ws-a');
    const member = await t.token('editor', 'ws-a');
    const client = connectClient(t.url, 'ws-a', member.token);
    await client.synced();
    const r = await fetch(`${t.httpUrl}/admin/tokens/${member.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${owner.token}` } });
    expect(r.status).toBe(200);
    await waitFor(() => client.closes.length > 0, 'member to be disconnected');
    expect(client.closes[0]!.code).toBe(CLOSE.UNAUTHORIZED);
  });
});

describe('sync server: the marketplace document', () => {
  it('every valid token reads it; only marketplace editors and admins write it', async () => {
    const t = await startTestServer();
    const curator = connectClient(t.url, 'marketplace', (await t.token('editor', 'marketplace')).token);
    const member = connectClient(t.url, 'marketplace', (await t.token('owner', 'ws-a')).token);
    const admin = connectClient(t.url, 'marketplace', (await t.token('admin')).token);
    await Promise.all([curator.synced(), member.synced(), admin.synced()]);
    curator.doc.getMap('listings').set('kpi-widget', { version: '1.0.0' });
    admin.doc.getMap('listings').set('moderated', true);
    await waitFor(() => member.doc.getMap('listings').has('kpi-widget') && member.doc.getMap('listings').has('moderated'), 'a workspace owner to read the marketplace');
    member.doc.getMap('listings').set('spam', 1);
    await waitFor(() => member.denied.length > 0, 'the workspace owner to be told it is read-only here');
    await sleep(100);
    expect(curator.doc.getMap('listings').has('spam')).toBe(false);
    const anonymous = connectClient(t.url, 'marketplace', null);
    await waitFor(() => anonymous.closes.length > 0, 'a connection without a token to be refused');
    expect(anonymous.closes[0]!.code).toBe(CLOSE.UNAUTHORIZED);
  });

  it('hooks can replace authentication and authorization', async () => {
    const t = await startTestServer({
      hooks: {
        onAuthenticate: async ({ token }) => (token === 'sso-ann' ? { ok: true, principal: { tokenId: 'sso0000000000000', workspace: null, role: 'viewer', label: 'Ann (SSO)', expiresAt: Date.now() + 60_000 } } : { ok: false, reason: 'unknown' }),
        onAuthorize: ({ room }) => (room.startsWith('public-') ? 'read' : null),
      },
    });
    const ann = connectClient(t.url, 'public-handbook', 'sso-ann');
    await ann.synced();
    const denied = connectClient(t.url, 'private', 'sso-ann');
    const stranger = connectClient(t.url, 'public-handbook', 'someone');
    await waitFor(() => denied.closes.length > 0 && stranger.closes.length > 0, 'refusals');
    expect(denied.closes[0]!.code).toBe(CLOSE.FORBIDDEN);
    expect(stranger.closes[0]!.code).toBe(CLOSE.UNAUTHORIZED);
  });
});

describe('sync server: limits', () => {
  it('more connections per token than allowed are closed with 4529 (retryable)', async () => {
    const t = await startTestServer({ limits: { maxConnectionsPerToken: 2 } });
    const { token } = await t.token('editor', 'ws-a');
    const a = await rawConnect(t.url, 'ws-a', token);
    const b = await rawConnect(t.url, 'ws-a', token);
    const c = await rawConnect(t.url, 'ws-a', token);
    expect((await c.closed).code).toBe(CLOSE.TOO_MANY_CONNECTIONS);
    expect(await closeWithin(a, 100)).toBeNull();
    a.ws.close();
    await a.closed;
    await sleep(50);
    const d = await rawConnect(t.url, 'ws-a', token);
    expect(await closeWithin(d, 200)).toBeNull();
    expect(await closeWithin(b, 10)).toBeNull();
  });

  it('a connection sending faster than the rate limit is closed with 4429; others carry on', async () => {
    const t = await startTestServer({ limits: { messagesPerSecond: 20, messageBurst: 40 } });
    const { token } = await t.token('editor', 'ws-a');
    const calm = connectClient(t.url, 'ws-a', token);
    const watcher = connectClient(t.url, 'ws-a', token);
    await Promise.all([calm.synced(), watcher.synced()]);
    const flood = await rawConnect(t.url, 'ws-a', token);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => flood.ws.send(updateFrame(u)));
    for (let i = 0; i < 200; i++) doc.getMap('widgets').set(`flood${i}`, i);
    expect((await flood.closed).code).toBe(CLOSE.RATE_LIMITED);
    calm.doc.getMap('widgets').set('calm', 1);
    await waitFor(() => watcher.doc.getMap('widgets').get('calm') === 1, 'others to keep working');
  });

  it('an oversized message closes that connection with 1009; the document and other clients are unharmed', async () => {
    const t = await startTestServer({ limits: { maxMessageBytes: 64 * 1024 } });
    const { token } = await t.token('editor', 'ws-a');
    const a = connectClient(t.url, 'ws-a', token);
    const b = connectClient(t.url, 'ws-a', token);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap('widgets').set('small', 1);
    await waitFor(() => b.doc.getMap('widgets').get('small') === 1, 'small edit');
    const big = await rawConnect(t.url, 'ws-a', token);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => big.ws.send(updateFrame(u)));
    doc.getMap('widgets').set('huge', 'x'.repeat(200 * 1024));
    expect((await big.closed).code).toBe(CLOSE.MESSAGE_TOO_BIG);
    a.doc.getMap('widgets').set('still', 2);
    await waitFor(() => b.doc.getMap('widgets').get('still') === 2, 'others to keep working');
    expect(b.doc.getMap('widgets').has('huge')).toBe(false);
    expect((await storedState(t, 'ws-a')).getMap('widgets').has('huge')).toBe(false);
  });
});

describe('sync server: logs', () => {
  it('never contain a token, even one sent in a URL or refused', async () => {
    const lines: string[] = [];
    const t = await startTestServer({ logger: createJsonLogger({ level: 'debug', write: (l) => lines.push(l) }) });
    const good = await t.token('editor', 'ws-a');
    const wrong = good.token.slice(0, -1) + (good.token.endsWith('a') ? 'b' : 'a');
    const c = connectClient(t.url, 'ws-a', good.token);
    await c.synced();
    const bad = await rawConnect(t.url, 'ws-b', good.token);
    await bad.closed;
    await (await rawConnect(t.url, 'ws-a', wrong)).closed;
    await fetch(`${t.httpUrl}/admin/whoami?token=${good.token}`, { headers: { authorization: `Bearer ${wrong}` } });
    await fetch(`${t.httpUrl}/admin/whoami`, { headers: { authorization: `Bearer ${good.token}` } });
    t.server.log.info('something mentioning a token by mistake', { leaked: good.token });
    const secret = good.token.split('_')[2]!;
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(wrong.split('_')[2]!);
    expect(lines.some((l) => l.includes(good.id))).toBe(true);
  });
});
