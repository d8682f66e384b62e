/**
 * The UI's view of team sync: every shared workspace with its live state, and who is online in each.
 * Kept current by main's pushed events (sync.state, presence.changed, workspaces.changed) and
 * reloaded after the UI's own connection to main comes back.
 *
 * One store per client (a second window or a test has its own), created on first use: the sync UI
 * lives in several places (status bar, dashboard header, widget cards) without a provider of its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PresenceUser, SharedWorkspace } from '../../../../shared/model/sync.js';
import type { Client } from '../../transport/client.js';

export interface SyncStoreState {
  loaded: boolean;
  shared: Record<string, SharedWorkspace>;
  presence: Record<string, PresenceUser[]>;
  refresh(): Promise<void>;
  loadPresence(workspaceId: string): Promise<void>;
}

export type SyncStore = StoreApi<SyncStoreState>;

const stores = new WeakMap<Client, SyncStore>();

export function syncStoreFor(client: Client): SyncStore {
  let store = stores.get(client);
  if (store) return store;
  store = createSyncStore(client);
  stores.set(client, store);
  return store;
}

function createSyncStore(client: Client): SyncStore {
  let pending: Promise<void> | null = null;
  const store = createStore<SyncStoreState>()((set, get) => ({
    loaded: false,
    shared: {},
    presence: {},
    refresh() {
      pending ??= client
        .call('sync.list', {})
        .then((list) => set({ loaded: true, shared: Object.fromEntries(list.map((s) => [s.workspaceId, s])) }))
        .catch(() => set({ loaded: true }))
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    async loadPresence(workspaceId) {
      if (!get().shared[workspaceId]) return;
      try {
        const users = await client.call('sync.presence', { workspaceId });
        set({ presence: { ...get().presence, [workspaceId]: users } });
      } catch {
        // Not shared any more: the next refresh says so.
      }
    },
  }));

  client.on('sync.state', (state) => {
    const current = store.getState().shared[state.workspaceId];
    if (current) store.setState({ shared: { ...store.getState().shared, [state.workspaceId]: { ...current, state } } });
    else void store.getState().refresh();
  });
  client.on('presence.changed', ({ workspaceId, users }) => store.setState({ presence: { ...store.getState().presence, [workspaceId]: users } }));
  client.on('workspaces.changed', () => void store.getState().refresh());
  client.onConnection((c) => {
    if (c === 'open') void store.getState().refresh();
  });
  return store;
}
