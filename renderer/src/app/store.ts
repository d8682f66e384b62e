/**
 * The app-wide state: who we are connected to, the open workspace, its dashboards and datasets, the
 * location, background tasks and toasts. One store per mounted app (created with the client it talks
 * to, provided through React context), so tests or a second window never share state by accident.
 * Feature-local state (a dashboard's widgets, an import in progress) stays in those features.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodOutput, ProgressEvent } from '../../../shared/contract/index.js';
import type { Dashboard } from '../../../shared/model/dashboard.js';
import type { DatasetMeta } from '../../../shared/model/dataset.js';
import type { Workspace } from '../../../shared/contract/workspaces.js';
import type { Settings } from '../../../shared/contract/app.js';
import type { Client } from '../transport/client.js';
import { errorMessage } from './errors.js';
import { formatHash, parseHash, sameRoute, type Route } from './router.js';
import { applyTheme, type ResolvedTheme } from './theme.js';

export type AppInfo = MethodOutput<'app.info'>;
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Task extends ProgressEvent {
  label?: string;
  updatedAt: number;
}

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

export interface AppState {
  phase: 'booting' | 'recovery' | 'ready' | 'failed';
  bootError?: string;
  info: AppInfo | null;
  connection: ConnectionState;
  settings: Settings;
  theme: ResolvedTheme;
  workspaces: Workspace[];
  workspaceId: string | null;
  route: Route;
  dashboards: Dashboard[];
  dashboardsLoaded: boolean;
  datasets: DatasetMeta[];
  datasetsLoaded: boolean;
  /** Bumped per dataset on 'dataset.changed', so widgets reading it refetch. */
  datasetVersions: Record<string, number>;
  tasks: Record<string, Task>;
  toasts: Toast[];
  /**
   * Answers requested during boot, while the dashboards code is still loading: the landing dashboard
   * and its widgets' data, keyed by prefetchKey(). Each is taken (once) by the view that needs it.
   */
  prefetched: Record<string, Promise<unknown>>;
}

export interface AppActions {
  navigate(route: Route, opts?: { replace?: boolean }): void;
  selectWorkspace(id: string): Promise<void>;
  /** Forgets the open workspace (it was deleted and no other exists). */
  clearWorkspace(): void;
  refreshWorkspaces(): Promise<void>;
  refreshDashboards(): Promise<void>;
  refreshDatasets(): Promise<void>;
  setTheme(theme: Settings['theme']): Promise<void>;
  rememberDashboard(dashboardId: string): void;
  toast(t: Omit<Toast, 'id'>, ttlMs?: number): number;
  dismissToast(id: number): void;
  /** Names a task the UI started, so the status bar can say what is progressing. */
  labelTask(taskId: string, label: string): void;
  /** Runs doc.undo / doc.redo on the open workspace. */
  undo(kind: 'undo' | 'redo'): Promise<void>;
  reportError(e: unknown, context?: string): void;
  /** Removes and returns a prefetched answer, if boot requested one under this key. */
  takePrefetched<T>(key: string): Promise<T> | undefined;
}

export function prefetchKey(...parts: string[]): string {
  return parts.join('/');
}

export type AppStore = StoreApi<AppState & AppActions>;

const TASK_IDLE_MS = 15_000;

export function createAppStore(client: Client): AppStore {
  let toastSeq = 0;
  const store = createStore<AppState & AppActions>()((set, get) => ({
    phase: 'booting',
    info: null,
    connection: client.transport === 'ipc' ? 'open' : 'connecting',
    settings: { theme: 'system' },
    theme: 'light',
    workspaces: [],
    workspaceId: null,
    route: parseHash(location.hash) ?? { section: 'dashboards' },
    dashboards: [],
    dashboardsLoaded: false,
    datasets: [],
    datasetsLoaded: false,
    datasetVersions: {},
    tasks: {},
    toasts: [],
    prefetched: {},

    navigate(route, opts) {
      if (sameRoute(route, get().route)) return;
      set({ route });
      const hash = formatHash(route);
      if (opts?.replace) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    },

    async selectWorkspace(id) {
      if (get().workspaceId === id) return;
      set({ workspaceId: id, dashboards: [], dashboardsLoaded: false, datasets: [], datasetsLoaded: false });
      void client.call('settings.set', { lastWorkspaceId: id }).catch(() => undefined);
      await Promise.all([get().refreshDashboards(), get().refreshDatasets()]);
    },

    clearWorkspace() {
      set({ workspaceId: null, dashboards: [], dashboardsLoaded: false, datasets: [], datasetsLoaded: false });
    },

    async refreshWorkspaces() {
      const workspaces = await client.call('workspaces.list', {});
      set({ workspaces });
    },

    async refreshDashboards() {
      const ws = get().workspaceId;
      if (!ws) return;
      try {
        const dashboards = await client.call('dashboards.list', { workspaceId: ws });
        if (get().workspaceId === ws) set({ dashboards, dashboardsLoaded: true });
      } catch (e) {
        get().reportError(e, 'Could not load the dashboards');
      }
    },

    async refreshDatasets() {
      const ws = get().workspaceId;
      if (!ws) return;
      try {
        const datasets = await client.call('datasets.list', { workspaceId: ws });
        if (get().workspaceId === ws) set({ datasets, datasetsLoaded: true });
      } catch (e) {
        get().reportError(e, 'Could not load the datasets');
      }
    },

    async setTheme(theme) {
      set({ settings: { ...get().settings, theme }, theme: applyTheme(theme) });
      try {
        const settings = await client.call('settings.set', { theme });
        set({ settings });
      } catch (e) {
        get().reportError(e, 'Could not save the theme');
      }
    },

    rememberDashboard(dashboardId) {
      if (get().settings.lastDashboardId === dashboardId) return;
      set({ settings: { ...get().settings, lastDashboardId: dashboardId } });
      void client.call('settings.set', { lastDashboardId: dashboardId }).catch(() => undefined);
    },

    toast(t, ttlMs = t.action ? 8000 : 5000) {
      const id = ++toastSeq;
      set({ toasts: [...get().toasts.slice(-3), { ...t, id }] });
      if (ttlMs > 0) setTimeout(() => get().dismissToast(id), ttlMs);
      return id;
    },

    dismissToast(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },

    labelTask(taskId, label) {
      const prev = get().tasks[taskId];
      set({ tasks: { ...get().tasks, [taskId]: { ...(prev ?? { taskId, phase: 'starting', done: 0 }), label, updatedAt: Date.now() } } });
    },

    async undo(kind) {
      const ws = get().workspaceId;
      if (!ws) return;
      try {
        await client.call(kind === 'undo' ? 'doc.undo' : 'doc.redo', { workspaceId: ws });
      } catch (e) {
        get().reportError(e, kind === 'undo' ? 'Could not undo' : 'Could not redo');
      }
    },

    takePrefetched<T>(key: string) {
      const { [key]: found, ...rest } = get().prefetched;
      if (!found) return undefined;
      set({ prefetched: rest });
      return found as Promise<T>;
    },

    reportError(e, context) {
      const msg = errorMessage(e);
      get().toast({ kind: 'error', message: context ? `${context}: ${msg}` : msg }, 8000);
    },
  }));

  wireEvents(client, store);
  return store;
}

/** Subscribes the store to the connection and to main's pushed events. */
function wireEvents(client: Client, store: AppStore): void {
  client.onConnection((connection) => {
    const wasDown = store.getState().connection === 'reconnecting';
    store.setState({ connection });
    // Events pushed while the socket was down are lost: reload what they would have changed.
    if (connection === 'open' && wasDown) {
      void store.getState().refreshDashboards();
      void store.getState().refreshDatasets();
    }
  });
  client.on('progress', (p) => {
    const tasks = { ...store.getState().tasks };
    const finished = p.total !== undefined && p.done >= p.total;
    const prev = tasks[p.taskId];
    tasks[p.taskId] = { ...prev, ...p, updatedAt: Date.now() };
    if (finished) setTimeout(() => dropTask(store, p.taskId), 1500);
    store.setState({ tasks });
  });
  client.on('doc.changed', (e) => {
    if (e.workspaceId === store.getState().workspaceId) void store.getState().refreshDashboards();
  });
  client.on('dataset.changed', (e) => {
    if (e.workspaceId !== store.getState().workspaceId) return;
    const versions = store.getState().datasetVersions;
    store.setState({ datasetVersions: { ...versions, [e.datasetId]: (versions[e.datasetId] ?? 0) + 1 } });
    void store.getState().refreshDatasets();
  });
  client.on('workspaces.changed', () => void store.getState().refreshWorkspaces().catch(() => undefined));
  window.addEventListener('popstate', () => {
    const route = parseHash(location.hash);
    if (route) store.setState({ route });
  });
  // Tasks that stop reporting (a crash, a dropped connection) must not hang in the status bar forever.
  setInterval(() => {
    const now = Date.now();
    for (const t of Object.values(store.getState().tasks)) if (now - t.updatedAt > TASK_IDLE_MS) dropTask(store, t.taskId);
  }, 5000);
}

function dropTask(store: AppStore, taskId: string): void {
  const { [taskId]: _gone, ...rest } = store.getState().tasks;
  store.setState({ tasks: rest });
}
