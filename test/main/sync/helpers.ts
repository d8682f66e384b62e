/**
 * Two (or more) desktop services on their own data folders, syncing through a real sync server on
 * loopback (test/sync-server/helpers). Tokens go to the encrypted vault file under a test passphrase,
 * never a developer's real keychain.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { Services } from '../../../main/services.js';
import type { SyncState } from '../../../shared/model/sync.js';
import { testServices } from '../../helpers/home.js';
import { startTestServer, type TestServer } from '../../sync-server/helpers/server.js';
import { tcpProxy, type TcpProxy } from '../../sync-server/helpers/tcp-proxy.js';
import { waitFor } from '../../sync-server/helpers/wait.js';

process.env.UDASH_VAULT_KEY = 'sync test vault passphrase';
process.env.UDASH_SECRETS = 'vault';

export { waitFor };

export async function desktop(): Promise<Services> {
  return testServices({ sample: false });
}

export async function waitState(svc: Services, workspaceId: string, pred: (s: SyncState) => boolean, what: string, timeoutMs = 15_000): Promise<SyncState> {
  await waitFor(() => {
    const s = svc.sync.state(workspaceId);
    return !!s && pred(s);
  }, `${what} (state now ${JSON.stringify(svc.sync.state(workspaceId))})`, timeoutMs);
  return svc.sync.state(workspaceId)!;
}

export const synced = (svc: Services, workspaceId: string) => waitState(svc, workspaceId, (s) => s.status === 'synced', 'workspace to be synced');

/** Canonical JSON of a workspace doc's collections (map order differs between replicas). */
export function docJson(svc: Services, workspaceId: string): string {
  const doc = svc.core().docs.get(workspaceId);
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    return v;
  };
  const names = [...doc.share.keys()].sort();
  return JSON.stringify(canonical(Object.fromEntries(names.map((n) => [n, doc.getMap(n).toJSON()]))));
}

export async function converged(a: Services, b: Services, workspaceId: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(() => docJson(a, workspaceId) === docJson(b, workspaceId), 'the two replicas to converge', timeoutMs);
  expect(docJson(a, workspaceId)).toBe(docJson(b, workspaceId));
}

/** A desktop shares a new workspace with an owner token; returns the workspace id. */
export async function shareNew(a: Services, serverUrl: string, ownerToken: (workspaceId: string) => Promise<string>, name = 'Team metrics'): Promise<string> {
  const ws = await a.dispatcher.call('workspaces.create', { name });
  await a.dispatcher.call('sync.share', { workspaceId: ws.id, serverUrl, token: await ownerToken(ws.id) });
  await synced(a, ws.id);
  return ws.id;
}

export interface SharedPair {
  srv: TestServer;
  /** The address both desktops use (through the proxy when one was asked for). */
  url: string;
  proxy: TcpProxy | null;
  a: Services;
  b: Services;
  wsId: string;
}

/**
 * The common setup: a real sync server (optionally behind a TCP proxy that can cut the network),
 * desktop A sharing a new workspace with an owner token, and desktop B joined with an invitation A
 * made through the admin API (editor unless told otherwise), both synced.
 */
export async function sharedPair(opts: { viaProxy?: boolean; role?: 'viewer' | 'editor' | 'owner' } = {}): Promise<SharedPair> {
  const srv = await startTestServer();
  const proxy = opts.viaProxy ? await tcpProxy(srv.server.port) : null;
  const url = proxy ? `http://127.0.0.1:${proxy.port}` : srv.httpUrl;
  const [a, b] = await Promise.all([desktop(), desktop()]);
  const wsId = await shareNew(a, url, async (id) => (await srv.token('owner', id)).token);
  await joinAs(a, b, wsId, url, opts.role ?? 'editor');
  return { srv, url, proxy, a, b, wsId };
}

/** `owner` invites `who` with a role; `who` joins and is synced. */
export async function joinAs(owner: Services, who: Services, wsId: string, url: string, role: 'viewer' | 'editor' | 'owner', label = 'Bob'): Promise<void> {
  const invite = await owner.dispatcher.call('sync.invite', { workspaceId: wsId, role, label });
  await who.dispatcher.call('sync.join', { serverUrl: url, token: invite.token });
  await synced(who, wsId);
}

export { Y };
