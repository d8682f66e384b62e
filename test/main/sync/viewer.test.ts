/**
 * A viewer receives everything and writes nothing: its local edits are refused before they happen
 * (the state says read-only), and an edit that reaches the doc anyway is refused by the server
 * (never applied, stored or relayed) and reported in the state.
 */
import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import { collection } from '../../../shared/model/workspace-doc.js';
import { sleep } from '../../sync-server/helpers/wait.js';
import { converged, desktop, joinAs, sharedPair, waitFor, waitState, Y } from './helpers.js';

describe('sync: viewer role', () => {
  it("refuses a viewer's edits locally, and the server refuses any that get through", async () => {
    const { url, a: owner, b: viewer, wsId } = await sharedPair({ role: 'viewer' });
    const dash = await owner.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Board' });
    await converged(owner, viewer, wsId);
    expect(viewer.sync.state(wsId)).toMatchObject({ status: 'synced', readOnly: true });
    expect((await viewer.dispatcher.call('sync.list', {}))[0]).toMatchObject({ remoteRole: 'viewer', state: { readOnly: true } });
    expect(await viewer.dispatcher.call('workspaces.access', { workspaceId: wsId })).toMatchObject({ role: 'viewer', permissions: [] });

    // Through the app: refused with FORBIDDEN before anything changes.
    const err = await viewer.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'Vandalised' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UdashError);
    expect(err).toMatchObject({ code: 'FORBIDDEN', details: { readOnly: true } });
    await expect(viewer.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.dispatcher.call('doc.undo', { workspaceId: wsId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Straight into the doc (as a bug would): the server refuses it and says so; the owner never sees it.
    const doc = viewer.core().docs.get(wsId);
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      collection(doc, 'dashboards').set('smuggled', m);
      m.set('name', 'Smuggled');
    });
    const refused = await waitState(viewer, wsId, (s) => !!s.reason && /refused a change/.test(s.reason), 'the viewer state to report the refusal');
    expect(refused).toMatchObject({ status: 'synced', readOnly: true });
    // The owner makes an edit after the smuggled one: once it arrives at the viewer, the refused one would have too.
    await owner.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { description: 'after' } });
    await waitFor(async () => (await viewer.dispatcher.call('dashboards.get', { workspaceId: wsId, dashboardId: dash.id })).description === 'after', 'the owner edit to reach the viewer');
    await sleep(200);
    expect(owner.core().docs.get(wsId).getMap('dashboards').has('smuggled')).toBe(false);

    // A second viewer computer joining fresh gets the server's doc: nothing smuggled there either.
    const other = await desktop();
    await joinAs(owner, other, wsId, url, 'viewer', 'Vic');
    await converged(owner, other, wsId);
    expect(other.core().docs.get(wsId).getMap('dashboards').has('smuggled')).toBe(false);
  });

  it('a viewer cannot list members, invite, or share with its token', async () => {
    const { srv, a: owner, b: viewer, wsId } = await sharedPair({ role: 'viewer' });
    const viewerToken = (await srv.token('viewer', wsId)).token;
    await expect(viewer.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'viewer', label: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.dispatcher.call('sync.members', { workspaceId: wsId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const local = await viewer.dispatcher.call('workspaces.create', { name: 'Mine' });
    await expect(viewer.dispatcher.call('sync.share', { workspaceId: local.id, serverUrl: srv.httpUrl, token: viewerToken })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(owner.sync.state(wsId)?.status).toBe('synced');
  });
});
