/**
 * The composition root: builds every main-process service in one place, in order. The Electron shell,
 * the CLI, `udash serve` and the tests all call createServices; nothing reaches for a global.
 *
 * When the store cannot open (corrupt, locked, written by a newer app) the services still start in a
 * degraded mode: only app.info, settings and store.* answer, so the UI can show what happened and offer
 * a fresh store or a backup instead of refusing to open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UdashError } from '../shared/errors.js';
import type { MethodName } from '../shared/contract/index.js';
import { homeLayout, defaultHome, type HomeLayout } from './paths.js';
import { EventBus } from './events.js';
import { createLogger } from './log.js';
import { openStore, type Store } from './store/db.js';
import { WorkspacesRepo } from './store/workspaces-repo.js';
import { DatasetsRepo, type DatasetRecord } from './store/datasets-repo.js';
import { SettingsRepo } from './store/settings.js';
import { AuditLog } from './store/audit.js';
import { DocLog } from './docs/doc-log.js';
import { WorkspaceDocs } from './docs/workspace-docs.js';
import { DashboardsService } from './dashboards/dashboards-service.js';
import { Downloads } from './downloads.js';
import { NODE_PLATFORM, type Platform } from './platform.js';
import { createDispatcher, type Dispatcher, type Logger } from './rpc/dispatcher.js';
import { allHandlers } from './handlers/index.js';
import { rollupWriteHook } from './query/rollup/hook.js';
import { RollupBuilder } from './query/rollup/background.js';
import { ensureSampleWorkspace } from './sample/seed.js';
import { sweepStagingTables } from './import/staging.js';
import { SyncService } from './sync/sync-service.js';

export const APP_VERSION = '0.1.0';

export interface ServicesOptions {
  /** Data folder; defaults to UDASH_HOME or the platform's user-data folder. */
  home?: string;
  /** Electron-ABI better-sqlite3 binary (desktop shell, unpackaged). */
  nativeBinding?: string;
  /** Create the sample workspace in an empty store (default: unless UDASH_NO_SAMPLE=1). */
  sample?: boolean;
  /**
   * Build the sample workspace without making createServices (and reopen) wait for it; whenReady()
   * resolves once it is built. `udash serve` listens meanwhile, so the browser loads the UI while the
   * sample is imported, and holds every call until then: the UI never sees a half-built sample.
   */
  sampleInBackground?: boolean;
  logEcho?: boolean;
  /** Desktop capabilities (dialogs, notifications, safeStorage); plain Node when omitted. */
  platform?: Platform;
  /** Connect shared workspaces to their sync servers when the store opens (default true; one-shot CLI commands pass false). */
  sync?: boolean;
}

/**
 * Called inside the transaction that wrote a dataset's rows (import, connector sync), so derived data
 * (rollups, statistics caches) commits or rolls back together with the rows.
 */
export type DatasetWriteHook = (rec: DatasetRecord, change: { mode: 'create' | 'append' | 'replace'; firstNewRid: number }) => void;

/** Everything bound to an open store; rebuilt when the user recovers from a broken store. */
export interface Core {
  store: Store;
  workspaces: WorkspacesRepo;
  datasets: DatasetsRepo;
  settings: SettingsRepo;
  audit: AuditLog;
  docs: WorkspaceDocs;
  dashboards: DashboardsService;
  /** Run by every dataset writer inside its transaction; features register here in buildCore. */
  datasetHooks: DatasetWriteHook[];
  /** Builds day rollups in the background (a worker thread); tests and benchmarks await whenIdle(). */
  rollups: RollupBuilder;
}

export interface Services {
  readonly version: string;
  readonly paths: HomeLayout;
  readonly log: Logger;
  readonly events: EventBus;
  readonly dispatcher: Dispatcher;
  readonly downloads: Downloads;
  readonly platform: Platform;
  readonly options: ServicesOptions;
  /** Team sync of shared workspaces (main/sync): connections, share/join/leave, members, snapshots. */
  readonly sync: SyncService;
  /** The open store's services, or a STORE_UNAVAILABLE-style error explaining why there are none. */
  core(): Core;
  storeError(): UdashError | null;
  /** Resolves when start-up work still running after createServices/reopen (a background sample) is done; never rejects. */
  whenReady(): Promise<void>;
  /** Reopens the store (after recovery). */
  reopen(): Promise<void>;
  /** Background jobs register here so close() can stop them. */
  onClose(fn: () => void | Promise<void>): void;
  close(): Promise<void>;
}

/** Methods that work without a store, so the UI can explain and recover. */
const WITHOUT_STORE = new Set<MethodName>(['app.info', 'app.ping', 'store.recover', 'settings.get']);

function buildCore(paths: HomeLayout, events: EventBus, opts: ServicesOptions, log: Logger): Core {
  const store = openStore({ file: paths.store, backupsDir: paths.backups, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  const db = store.db;
  const docs = new WorkspaceDocs(new DocLog(db), events);
  sweepStagingTables(db); // staging tables of imports whose process died mid-import
  const workspaces = new WorkspacesRepo(db);
  const rollups = new RollupBuilder({ db, workspaces, storeFile: store.file, log, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  rollups.healStale(); // rollups an earlier process did not get to build (low priority, after a delay)
  return {
    store,
    workspaces,
    datasets: new DatasetsRepo(db),
    settings: new SettingsRepo(db),
    audit: new AuditLog(db),
    docs,
    dashboards: new DashboardsService(docs),
    datasetHooks: [rollupWriteHook(db, rollups)],
    rollups,
  };
}

export async function createServices(opts: ServicesOptions = {}): Promise<Services> {
  const paths = homeLayout(opts.home ? path.resolve(opts.home) : defaultHome());
  fs.mkdirSync(paths.home, { recursive: true });
  const log = createLogger(paths.logs, { echo: opts.logEcho ?? false });
  const events = new EventBus();
  const closers: (() => void | Promise<void>)[] = [];
  let core: Core | null = null;
  let storeError: UdashError | null = null;
  let ready: Promise<void> = Promise.resolve();

  const open = async () => {
    try {
      core = buildCore(paths, events, opts, log);
      storeError = null;
      services.sync.attach(core);
    } catch (e) {
      core = null;
      storeError = e instanceof UdashError ? e : new UdashError('STORE_UNAVAILABLE', String(e));
      log.error('Store failed to open', e);
      return;
    }
    const wantSample = opts.sample ?? process.env.UDASH_NO_SAMPLE !== '1';
    if (wantSample && opts.sampleInBackground) ready = ensureSampleWorkspace(services);
    else if (wantSample) await ensureSampleWorkspace(services);
    // Shared workspaces start syncing as soon as the store is open: edits made offline go out first.
    if (opts.sync ?? true) services.sync.connectAll();
  };

  const services: Services = {
    version: APP_VERSION,
    paths,
    log,
    events,
    options: opts,
    downloads: new Downloads(),
    platform: opts.platform ?? NODE_PLATFORM,
    dispatcher: undefined as unknown as Dispatcher,
    sync: undefined as unknown as SyncService,
    core() {
      if (!core) throw storeError ?? new UdashError('STORE_UNAVAILABLE', 'The data store is not open');
      return core;
    },
    storeError: () => storeError,
    whenReady: () => ready,
    async reopen() {
      await ready;
      services.sync.stop();
      if (core) {
        await core.rollups.close();
        core.docs.closeAll();
        core.store.close();
      }
      await open();
    },
    onClose(fn) {
      closers.push(fn);
    },
    async close() {
      await ready; // a sample still being built finishes first: the store is not closed under it
      for (const fn of closers.reverse()) await fn();
      services.sync.stop();
      if (core) {
        await core.rollups.close();
        core.docs.closeAll();
        core.store.close();
        core = null;
      }
      log.info('closed');
      await log.close();
    },
  };
  (services as { sync: SyncService }).sync = new SyncService(services);
  (services as { dispatcher: Dispatcher }).dispatcher = createDispatcher(allHandlers(services), log, {
    gate: (method) => (core || WITHOUT_STORE.has(method) ? undefined : (storeError ?? new UdashError('STORE_UNAVAILABLE', 'The data store is not open'))),
  });
  await open();
  return services;
}
