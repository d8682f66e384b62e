/** Two desktop apps share a workspace through a real sync server and converge; a third joins late. */
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../sync-server/helpers/server.js';
import { converged, desktop, shareNew, sharedPair, synced, waitFor } from './helpers.js';

describe('sync: two desktops sharing a workspace', () => {
  it('share, invite and join: edits on either side reach the other, and both docs end identical', async () => {
    const srv = await startTestServer();
    const [a, b] = await Promise.all([desktop(), desktop()]);
    const wsId = await shareNew(a, srv.httpUrl, async (id) => (await srv.token('owner', id)).token);
    const dash = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Revenue' });

    // The owner invites an editor through the server's admin API; the join link carries everything.
    const invite = await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'editor', label: 'Bob' });
    expect(invite.member).toMatchObject({ role: 'editor', label: 'Bob', status: 'active', isYou: false });
    const joined = await b.dispatcher.call('sync.join', { serverUrl: srv.httpUrl, token: invite.token });
    expect(joined.workspace).toMatchObject({ id: wsId, name: 'Team metrics' });
    expect(joined.shared).toMatchObject({ workspaceId: wsId, remoteRole: 'editor', memberName: 'Bob' });
    await synced(b, wsId);
    expect((await b.dispatcher.call('dashboards.list', { workspaceId: wsId })).map((d) => d.name)).toEqual(['Revenue']);
    expect(await b.dispatcher.call('workspaces.access', { workspaceId: wsId })).toMatchObject({ role: 'editor' });

    // Concurrent edits on both sides, of different and of the same objects.
    const fromB = await b.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Support' });
    await a.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { description: 'Monthly revenue' } });
    await b.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'Revenue (EUR)' } });
    await converged(a, b, wsId);
    const seen = await a.dispatcher.call('dashboards.get', { workspaceId: wsId, dashboardId: dash.id });
    expect(seen).toMatchObject({ name: 'Revenue (EUR)', description: 'Monthly revenue' });
    expect((await a.dispatcher.call('dashboards.list', { workspaceId: wsId })).map((d) => d.id).sort()).toEqual([dash.id, fromB.id].sort());

    // Members as the owner sees them: itself (owner) and Bob (editor).
    const members = await a.dispatcher.call('sync.members', { workspaceId: wsId });
    expect(members.map((m) => [m.role, m.isYou])).toEqual([
      ['owner', true],
      ['editor', false],
    ]);

    // A third computer joining later gets everything from the server.
    const c = await desktop();
    const late = await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'viewer', label: 'Carol' });
    await c.dispatcher.call('sync.join', { serverUrl: srv.httpUrl, token: late.token });
    await synced(c, wsId);
    await converged(a, c, wsId);
    expect(c.sync.state(wsId)).toMatchObject({ status: 'synced', readOnly: true });
  });

  it('presence: each desktop sees the other online, with the dashboard and widget it is editing', async () => {
    const { a, b, wsId } = await sharedPair();
    // Profiles change while connected: colleagues see the new name and colour at once.
    await a.dispatcher.call('sync.profile.set', { name: 'Ana Lima', color: '#16a34a' });
    await b.dispatcher.call('sync.profile.set', { name: 'Bob', color: '#db2777' });
    const events: { workspaceId: string; users: { name: string; editingWidgetId: string | null }[] }[] = [];
    a.events.on('presence.changed', (e) => events.push(e));
    await b.dispatcher.call('sync.presence.set', { workspaceId: wsId, dashboardId: 'd1', editingWidgetId: 'w7' });
    await waitFor(async () => (await a.dispatcher.call('sync.presence', { workspaceId: wsId })).some((u) => u.name === 'Bob' && u.editingWidgetId === 'w7'), 'A to see Bob editing w7');
    const users = await a.dispatcher.call('sync.presence', { workspaceId: wsId });
    expect(users.find((u) => u.isSelf)).toMatchObject({ name: 'Ana Lima', color: '#16a34a' });
    expect(users.find((u) => !u.isSelf)).toMatchObject({ name: 'Bob', color: '#db2777', dashboardId: 'd1', editingWidgetId: 'w7' });
    expect(events.some((e) => e.workspaceId === wsId && e.users.some((u) => u.name === 'Bob' && u.editingWidgetId === 'w7'))).toBe(true);

    // Bob leaves: A sees only itself.
    await b.dispatcher.call('sync.leave', { workspaceId: wsId, keepLocalCopy: true });
    await waitFor(async () => (await a.dispatcher.call('sync.presence', { workspaceId: wsId })).length === 1, 'Bob to disappear from presence');
    expect(await b.dispatcher.call('sync.state', { workspaceId: wsId })).toBeNull();
    expect((await b.dispatcher.call('workspaces.list', {})).map((w) => w.id)).toContain(wsId);
  });
});
