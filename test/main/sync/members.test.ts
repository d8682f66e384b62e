/**
 * Members are the workspace's tokens on the server: the owner lists them with roles, invites (a token
 * made through the admin API, shown once) and revokes; a revoked colleague's connection is cut at
 * once and its state says why; a new invitation lets it join again. Errors are typed states too.
 */
import { describe, expect, it } from 'vitest';
import { parseJoinLink } from '../../../shared/model/sync.js';
import { startTestServer } from '../../sync-server/helpers/server.js';
import { desktop, shareNew, sharedPair, synced, waitState } from './helpers.js';

describe('sync: members, invitations and revocation', () => {
  it('lists members with roles, revokes one (cut off with a reason), and a new invitation rejoins', async () => {
    const srv = await startTestServer();
    const [a, b] = await Promise.all([desktop(), desktop()]);
    const wsId = await shareNew(a, srv.httpUrl, async (id) => (await srv.token('owner', id)).token);
    const invite = await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'editor', label: 'Bob', expires: '7d' });
    const link = parseJoinLink(invite.joinLink);
    expect(link).toEqual({ server: srv.httpUrl, workspace: wsId, token: invite.token });
    await b.dispatcher.call('sync.join', { serverUrl: link!.server, token: link!.token });
    await synced(b, wsId);

    const before = await a.dispatcher.call('sync.members', { workspaceId: wsId });
    expect(before.map((m) => ({ label: m.label, role: m.role, status: m.status, isYou: m.isYou }))).toEqual([
      { label: 'test owner', role: 'owner', status: 'active', isYou: true },
      { label: 'Bob', role: 'editor', status: 'active', isYou: false },
    ]);
    const bob = before[1]!;
    expect(Date.parse(bob.expiresAt) - Date.parse(bob.createdAt)).toBeLessThanOrEqual(7 * 86_400_000);
    await expect(a.dispatcher.call('sync.revoke', { workspaceId: wsId, tokenId: before[0]!.tokenId })).rejects.toMatchObject({ code: 'BAD_INPUT' });

    await a.dispatcher.call('sync.revoke', { workspaceId: wsId, tokenId: bob.tokenId });
    const cut = await waitState(b, wsId, (s) => s.status === 'error', "Bob's connection to be cut");
    expect(cut).toMatchObject({ code: 4401, retrying: false });
    expect(cut.reason).toMatch(/revoked/);
    expect((await a.dispatcher.call('sync.members', { workspaceId: wsId }))[1]).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // Retrying does not help a revoked token.
    await b.dispatcher.call('sync.retry', { workspaceId: wsId });
    await waitState(b, wsId, (s) => s.status === 'error' && s.code === 4401, 'the retry to be refused again');

    const again = await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'viewer', label: 'Bob (read-only)' });
    const rejoined = await b.dispatcher.call('sync.join', { serverUrl: srv.httpUrl, token: again.token });
    expect(rejoined.shared).toMatchObject({ remoteRole: 'viewer', memberName: 'Bob (read-only)' });
    expect(await synced(b, wsId)).toMatchObject({ readOnly: true, code: null });
  });

  it('an editor cannot manage members; an unreachable server is offline with a reason, and retry reconnects', async () => {
    const { srv, proxy, a, b, wsId } = await sharedPair({ viaProxy: true });
    const editorToken = (await srv.token('editor', wsId)).token;
    await expect(b.dispatcher.call('sync.members', { workspaceId: wsId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(b.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'viewer', label: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Sharing to a server nobody listens on fails before anything is stored.
    const closedPort = 'http://127.0.0.1:9';
    const other = await a.dispatcher.call('workspaces.create', { name: 'Other' });
    await expect(a.dispatcher.call('sync.share', { workspaceId: other.id, serverUrl: closedPort, token: editorToken })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await a.dispatcher.call('sync.state', { workspaceId: other.id })).toBeNull();
    // A token for another workspace cannot share this one.
    await expect(a.dispatcher.call('sync.share', { workspaceId: other.id, serverUrl: srv.httpUrl, token: editorToken })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    proxy!.cut();
    const off = await waitState(a, wsId, (s) => s.status === 'offline', 'A to go offline when the network fails');
    expect(off.retrying).toBe(true);
    expect(off.reason).toMatch(/connection|reach/i);
    await waitState(a, wsId, (s) => s.status === 'offline' && /Cannot reach/.test(s.reason ?? ''), 'A to find the server unreachable on its next attempt');
    proxy!.restore();
    expect((await a.dispatcher.call('sync.retry', { workspaceId: wsId })).status).toBe('connecting');
    await synced(a, wsId);
  });
});
