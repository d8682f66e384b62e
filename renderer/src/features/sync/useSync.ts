import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { PresenceUser, SharedWorkspace } from '../../../../shared/model/sync.js';
import { useClient } from '../../app/context.js';
import { syncStoreFor, type SyncStore } from './sync-store.js';

const NO_USERS: PresenceUser[] = [];

export function useSyncStore(): SyncStore {
  const store = syncStoreFor(useClient());
  useEffect(() => {
    if (!store.getState().loaded) void store.getState().refresh();
  }, [store]);
  return store;
}

/** The shared workspace as main knows it (with its live state), or null for a local workspace. */
export function useShared(workspaceId: string | null): SharedWorkspace | null {
  const store = useSyncStore();
  return useStore(store, (s) => (workspaceId ? (s.shared[workspaceId] ?? null) : null));
}

/** Everyone online in a shared workspace, this app instance first (isSelf). */
export function usePresence(workspaceId: string): PresenceUser[] {
  const store = useSyncStore();
  const shared = useStore(store, (s) => !!s.shared[workspaceId]);
  useEffect(() => {
    if (shared) void store.getState().loadPresence(workspaceId);
  }, [store, shared, workspaceId]);
  return useStore(store, (s) => s.presence[workspaceId] ?? NO_USERS);
}

/** Publishes a presence field while the calling component is mounted (nothing for a local workspace). */
function usePresenceField(workspaceId: string, field: 'dashboardId' | 'editingWidgetId', value: string | null): void {
  const client = useClient();
  const shared = !!useShared(workspaceId);
  useEffect(() => {
    if (!shared || value === null) return;
    const set = (v: string | null) => void client.call('sync.presence.set', { workspaceId, [field]: v }).catch(() => undefined);
    set(value);
    return () => set(null);
  }, [client, shared, workspaceId, field, value]);
}

/** Colleagues see this user on the dashboard while it is open. */
export function useDashboardPresence(workspaceId: string, dashboardId: string): void {
  usePresenceField(workspaceId, 'dashboardId', dashboardId);
}

/** Colleagues see a marker on the widget while this user has it open in the editor (null: a new widget). */
export function useEditingPresence(workspaceId: string, widgetId: string | null): void {
  usePresenceField(workspaceId, 'editingWidgetId', widgetId);
}
