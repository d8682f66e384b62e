/**
 * Reports addressed to a workspace role reach the members holding it: the members come from the sync
 * server (active tokens whose label is an email address); offline, the last list seen is used; a local
 * workspace has no role members.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { reportsOf } from '../../../main/reports/module.js';
import type { Services } from '../../../main/services.js';
import { startTestServer, type TestServer } from '../../sync-server/helpers/server.js';
import { desktop, shareNew } from '../sync/helpers.js';

let srv: TestServer;
let a: Services;
afterAll(async () => {
  await a?.close();
  await srv?.stop();
  srv?.storage.close?.();
});

describe('report recipients by role', () => {
  it('resolve to the active members of that role with an address, and survive the server going away', async () => {
    srv = await startTestServer();
    a = await desktop();
    const local = await a.dispatcher.call('workspaces.create', { name: 'Only here' });
    expect((await reportsOf(a).directory(local.id)).role('editor')).toEqual([]);

    const wsId = await shareNew(a, srv.httpUrl, async (id) => (await srv.token('owner', id)).token);
    await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'editor', label: 'bob@example.com' });
    await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'editor', label: 'Dana (no address)' });
    await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'viewer', label: 'vera@example.com' });
    const carol = await a.dispatcher.call('sync.invite', { workspaceId: wsId, role: 'editor', label: 'carol@example.com' });
    await a.dispatcher.call('sync.revoke', { workspaceId: wsId, tokenId: carol.member.tokenId });

    const dir = await reportsOf(a).directory(wsId);
    expect(dir.role('editor')).toEqual([{ address: 'bob@example.com', external: false }]);
    expect(dir.role('viewer')).toEqual([{ address: 'vera@example.com', external: false }]);

    await srv.stop();
    const offline = await reportsOf(a).directory(wsId);
    expect(offline.role('editor')).toEqual([{ address: 'bob@example.com', external: false }]);
  });
});
