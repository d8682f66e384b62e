/**
 * One WorkspaceConnection against a real server: the states it reports on the way up and down, the
 * keep-alive that stops the stock provider from dropping a socket the server never writes to (a lone
 * client hears nothing), and the close codes that end in error rather than offline.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import type { SyncState } from '../../../shared/model/sync.js';
import { WorkspaceConnection } from '../../../main/sync/connection.js';
import { startTestServer } from '../../sync-server/helpers/server.js';
import { sleep, waitFor } from '../../sync-server/helpers/wait.js';

const log = { error: () => undefined, warn: () => undefined, info: () => undefined };

function connect(url: string, room: string, token: string, keepAliveMs?: number) {
  const states: SyncState[] = [];
  const doc = new Y.Doc();
  const conn = new WorkspaceConnection({
    workspaceId: room,
    doc,
    serverUrl: url,
    token,
    readOnly: false,
    profile: { name: 'Solo', color: '#2563eb' },
    lastSyncedAt: null,
    log,
    onState: (s) => states.push(s),
    onPresence: () => undefined,
    onSynced: () => undefined,
    ...(keepAliveMs ? { keepAliveMs } : {}),
    maxBackoffMs: 200,
  });
  onTestFinished(() => {
    conn.destroy();
    doc.destroy();
  });
  return { conn, doc, states, initial: conn.current };
}

describe('sync: one workspace connection', () => {
  it('reports connecting → syncing → synced, and a lone client keeps hearing from the server', async () => {
    const srv = await startTestServer();
    const { token } = await srv.token('editor', 'ws-a');
    const { conn, states, initial } = connect(srv.httpUrl, 'ws-a', token, 50);
    expect(initial).toMatchObject({ status: 'connecting', retrying: true, readOnly: false });
    await waitFor(() => conn.current.status === 'synced', 'the handshake');
    expect(states.map((s) => s.status)).toEqual(['syncing', 'synced']);
    expect(conn.current.lastSyncedAt).not.toBeNull();
    // The provider drops a socket silent for 30 s; the keep-alive's answers keep it fresh.
    const provider = (conn as unknown as { provider: { wsLastMessageReceived: number } }).provider;
    const first = provider.wsLastMessageReceived;
    await sleep(400);
    expect(provider.wsLastMessageReceived).toBeGreaterThan(first);
    expect(conn.current.status).toBe('synced');
  });

  it('a token for another workspace is an error that does not retry; a wrong server is offline that does', async () => {
    const srv = await startTestServer();
    const { token } = await srv.token('editor', 'ws-b');
    const wrong = connect(srv.httpUrl, 'ws-a', token);
    await waitFor(() => wrong.conn.current.status === 'error', 'the refusal');
    expect(wrong.conn.current).toMatchObject({ code: 4403, retrying: false });
    expect(wrong.conn.current.reason).toMatch(/another workspace/);

    const nowhere = connect('http://127.0.0.1:9', 'ws-a', token);
    await waitFor(() => nowhere.conn.current.status === 'offline', 'the failed attempt');
    expect(nowhere.conn.current).toMatchObject({ retrying: true });
    expect(nowhere.conn.current.reason).toMatch(/Cannot reach the sync server at 127\.0\.0\.1:9/);
    for (const s of [...wrong.states, ...nowhere.states]) expect(JSON.stringify(s)).not.toContain(token.slice(24));
  });
});
