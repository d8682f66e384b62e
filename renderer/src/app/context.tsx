import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Client } from '../transport/client.js';
import type { AppActions, AppState, AppStore } from './store.js';

const ClientContext = createContext<Client | null>(null);
const StoreContext = createContext<AppStore | null>(null);

export function AppProviders({ client, store, children }: { client: Client; store: AppStore; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
    </ClientContext.Provider>
  );
}

export function useClient(): Client {
  const c = useContext(ClientContext);
  if (!c) throw new Error('useClient outside AppProviders');
  return c;
}

export function useAppStore(): AppStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useAppStore outside AppProviders');
  return s;
}

/** Selects from the app store; object-valued selectors are compared shallowly. */
export function useApp<T>(selector: (s: AppState & AppActions) => T): T {
  return useStore(useAppStore(), useShallow(selector));
}

/** The open workspace's id; components under the shell are only rendered once one is chosen. */
export function useWorkspaceId(): string {
  const id = useApp((s) => s.workspaceId);
  if (!id) throw new Error('No workspace is open');
  return id;
}
