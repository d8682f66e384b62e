/**
 * Collaboration in main: comment threads and the version history, bound to the open store (rebuilt
 * after a store recovery, like the reports module). Created with the handlers, so every process that
 * runs the services (the app, `udash serve`, the CLI, tests) keeps automatic versions: it listens to
 * `doc.changed`, takes a start version right after the store opens and a close version at close.
 */
import { CommentReadsRepo } from './comments/reads-repo.js';
import { CommentsService } from './comments/comments-service.js';
import { AutoVersions, DEFAULT_CADENCE, type Cadence } from './versions/auto-versions.js';
import { VersionsRepo } from './versions/versions-repo.js';
import { VersionsService } from './versions/versions-service.js';
import type { Core, Services } from '../services.js';
import { workspaceRole } from '../permissions/workspace-role.js';
import type { ReadOnlyCheck } from './can-write.js';

/** Settings key: minutes between automatic versions while a workspace is being edited. */
export const AUTO_VERSION_MINUTES_KEY = 'collab.autoVersionMinutes';

interface Bound {
  core: Core;
  comments: CommentsService;
  versions: VersionsService;
  auto: AutoVersions;
}

export class CollabModule {
  private bound: Bound | null = null;
  /** Set at close: changes that still arrive (a last sync flush) schedule nothing on a closing store. */
  private closed = false;

  constructor(private readonly svc: Services) {
    svc.events.on('doc.changed', ({ workspaceId }) => this.onDocChanged(workspaceId));
    svc.onClose(() => this.close());
    // createServices opens the store synchronously right after building the handlers, before this runs.
    queueMicrotask(() => this.atStart());
  }

  get comments(): CommentsService {
    return this.b().comments;
  }
  get versions(): VersionsService {
    return this.b().versions;
  }

  private b(): Bound {
    const core = this.svc.core();
    if (this.bound?.core === core) return this.bound;
    this.release();
    const now = () => Date.now();
    // A viewer role (recorded by the sync client), or a live connection the server made read-only.
    const readOnly: ReadOnlyCheck = (ws) => workspaceRole(core.settings, ws) === 'viewer' || this.svc.sync.isReadOnly(ws);
    const online = (ws: string) => (this.svc.sync.state(ws) ? this.svc.sync.presence(ws).filter((p) => !p.isSelf).map((p) => p.name) : []);
    const versions = new VersionsService({ core, repo: new VersionsRepo(core.store.db), events: this.svc.events, now, readOnly });
    const auto = new AutoVersions(versions, () => this.cadence(core), now, (ws, e) => this.svc.log.error(`Automatic version of workspace ${ws} failed`, e));
    const comments = new CommentsService({ workspaces: core.workspaces, docs: core.docs, settings: core.settings, reads: new CommentReadsRepo(core.store.db), readOnly, online, now: () => new Date() });
    this.bound = { core, comments, versions, auto };
    return this.bound;
  }

  private cadence(core: Core): Cadence {
    const minutes = core.settings.get<unknown>(AUTO_VERSION_MINUTES_KEY);
    return typeof minutes === 'number' && minutes > 0 ? { ...DEFAULT_CADENCE, intervalMs: minutes * 60_000 } : DEFAULT_CADENCE;
  }

  private atStart(): void {
    if (this.hasCore()) {
      const b = this.b();
      b.auto.atStart(b.core.workspaces.list().map((w) => w.id));
    }
  }

  private onDocChanged(workspaceId: string): void {
    if (!this.closed && this.hasCore()) this.b().auto.noteChange(workspaceId);
  }

  private hasCore(): boolean {
    try {
      this.svc.core();
      return true;
    } catch {
      // Degraded mode (the store did not open): nothing to version.
      return false;
    }
  }

  /** Drops what was bound to a store that is gone (after a recovery reopened another one). */
  private release(): void {
    if (!this.bound) return;
    this.bound.auto.stop();
    this.bound.versions.close();
    this.bound = null;
  }

  private close(): void {
    this.closed = true;
    if (this.bound && this.hasCore() && this.bound.core === this.svc.core()) this.bound.auto.atClose();
    this.release();
  }
}

/** One module per Services instance (two instances in one test process stay independent). */
const modules = new WeakMap<Services, CollabModule>();

export function collabOf(svc: Services): CollabModule {
  let m = modules.get(svc);
  if (!m) {
    m = new CollabModule(svc);
    modules.set(svc, m);
  }
  return m;
}
