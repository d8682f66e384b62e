/**
 * The version history of a workspace: take versions (named by a user, or automatic: see
 * auto-versions.ts), list them, open one read-only, compare it with now, run a widget's query as the
 * version had it, and restore a dashboard or widget from it.
 */
import type * as Y from 'yjs';
import { UdashError } from '../../../shared/errors.js';
import { newId } from '../../../shared/model/ids.js';
import type { DashboardWithWidgets } from '../../../shared/model/dashboard.js';
import type { QueryResult } from '../../../shared/model/query.js';
import type { DashboardDiff, VersionInfo, VersionReason } from '../../../shared/model/version.js';
import type { Core } from '../../services.js';
import type { EventBus } from '../../events.js';
import { runWidgetQuery } from '../../query/run.js';
import { requireWriter, type ReadOnlyCheck } from '../can-write.js';
import { localUser } from '../identity.js';
import { diffDashboards } from './diff.js';
import { versionsToPrune, type PrunePolicy, DEFAULT_PRUNE } from './prune.js';
import { restoreDashboard, restoreWidget, type RestoreCounts } from './restore.js';
import { captureState, dashboardIn, dashboardsIn, openState, sameState } from './version-state.js';
import type { StoredVersion, VersionsRepo } from './versions-repo.js';

export interface VersionsDeps {
  core: Core;
  repo: VersionsRepo;
  events: EventBus;
  now: () => number;
  readOnly: ReadOnlyCheck;
  prune?: PrunePolicy;
}

/** Opened versions are immutable, so a few are kept decoded for the widgets of a version view. */
const OPEN_CACHE = 4;

export class VersionsService {
  private readonly opened = new Map<string, Y.Doc>();

  constructor(private readonly d: VersionsDeps) {}

  list(workspaceId: string): VersionInfo[] {
    this.d.core.workspaces.get(workspaceId);
    return this.d.repo.list(workspaceId).map(info);
  }

  /** Saves the document as it is now under a name (even when an automatic version holds the same state). */
  create(workspaceId: string, name: string): VersionInfo {
    this.d.core.workspaces.get(workspaceId);
    const v = this.save(workspaceId, 'named', 'named', name);
    this.changed(workspaceId);
    return info(v);
  }

  rename(workspaceId: string, versionId: string, name: string): VersionInfo {
    this.require(workspaceId, versionId);
    this.d.repo.rename(workspaceId, versionId, name);
    this.changed(workspaceId);
    return info(this.require(workspaceId, versionId));
  }

  /**
   * Takes an automatic version unless the document is exactly as the latest version has it. Returns
   * null when nothing was taken (no change, or the workspace is gone).
   */
  takeAuto(workspaceId: string, reason: VersionReason): VersionInfo | null {
    if (!this.exists(workspaceId)) return null;
    const doc = this.d.core.docs.get(workspaceId);
    if (doc.store.clients.size === 0) return null; // an empty document: nothing to keep
    const latest = this.d.repo.latest(workspaceId);
    if (latest && sameState(doc, latest.snapshot)) return null;
    const v = this.save(workspaceId, 'auto', reason);
    const drop = versionsToPrune(this.d.repo.list(workspaceId), this.d.now(), this.d.prune ?? DEFAULT_PRUNE);
    if (drop.length) this.d.repo.deleteMany(workspaceId, drop);
    this.changed(workspaceId);
    return info(v);
  }

  /** When the latest version was taken (ms), or null without versions. */
  latestAt(workspaceId: string): number | null {
    return this.d.repo.latest(workspaceId)?.createdMs ?? null;
  }

  get(workspaceId: string, versionId: string, dashboardId?: string): { version: VersionInfo; dashboards: DashboardWithWidgets[] } {
    const version = this.require(workspaceId, versionId);
    const doc = this.open(workspaceId, versionId);
    if (!dashboardId) return { version: info(version), dashboards: dashboardsIn(doc) };
    return { version: info(version), dashboards: [this.dashboardThen(doc, dashboardId)] };
  }

  /** The widget's query and the dashboard's date range and filters as the version had them, over today's rows. */
  widgetData(workspaceId: string, versionId: string, dashboardId: string, widgetId: string): QueryResult {
    this.require(workspaceId, versionId);
    const dash = this.dashboardThen(this.open(workspaceId, versionId), dashboardId);
    const widget = dash.widgets.find((w) => w.id === widgetId);
    if (!widget) throw new UdashError('NOT_FOUND', `The widget "${widgetId}" was not on this dashboard in that version`, { field: 'widgetId' });
    const rec = this.d.core.datasets.get(workspaceId, widget.query.datasetId);
    const kpi = widget.type === 'kpi' ? { compare: widget.options.compare !== 'none' } : undefined;
    return runWidgetQuery(this.d.core.store.db, rec, widget.query, { dashboard: { dateRange: dash.dateRange, filters: dash.filters }, ...(kpi ? { kpi } : {}) });
  }

  diff(workspaceId: string, versionId: string, dashboardId?: string): { version: VersionInfo; dashboards: DashboardDiff[] } {
    const version = this.require(workspaceId, versionId);
    const then = dashboardsIn(this.open(workspaceId, versionId));
    const now = dashboardsIn(this.d.core.docs.get(workspaceId));
    if (dashboardId && !then.some((d) => d.id === dashboardId) && !now.some((d) => d.id === dashboardId)) throw new UdashError('NOT_FOUND', `No dashboard with id "${dashboardId}" then or now`, { field: 'dashboardId' });
    return { version: info(version), dashboards: diffDashboards(then, now, dashboardId) };
  }

  /**
   * Writes the dashboard (or one widget) back as the version had it, as one local edit: it syncs like
   * any edit and doc.undo takes it back. The state just before is kept as an automatic version too.
   */
  restore(workspaceId: string, versionId: string, dashboardId: string, widgetId?: string): RestoreCounts & { dashboardId: string } {
    requireWriter(this.d.readOnly, workspaceId, 'restore versions');
    this.require(workspaceId, versionId);
    const then = this.dashboardThen(this.open(workspaceId, versionId), dashboardId);
    this.takeAuto(workspaceId, 'restore');
    const stamp = new Date(this.d.now()).toISOString();
    const counts = this.d.core.docs.transact(workspaceId, (doc) => (widgetId ? restoreWidget(doc, then, widgetId, stamp) : restoreDashboard(doc, then, stamp)));
    return { dashboardId, ...counts };
  }

  private save(workspaceId: string, kind: 'auto' | 'named', reason: VersionReason, name?: string): StoredVersion {
    const doc = this.d.core.docs.get(workspaceId);
    const { snapshot, state } = captureState(doc);
    const authorName = kind === 'named' ? localUser(this.d.core.settings).name : undefined;
    return this.d.repo.insert({ id: newId(), workspaceId, kind, reason, name, authorName, createdMs: this.d.now(), snapshot, state });
  }

  private dashboardThen(doc: Y.Doc, dashboardId: string): DashboardWithWidgets {
    const d = dashboardIn(doc, dashboardId);
    if (!d) throw new UdashError('NOT_FOUND', 'This dashboard did not exist in that version', { field: 'dashboardId' });
    return d;
  }

  private require(workspaceId: string, versionId: string): StoredVersion {
    this.d.core.workspaces.get(workspaceId);
    const v = this.d.repo.get(workspaceId, versionId);
    if (!v) throw new UdashError('NOT_FOUND', `No version with id "${versionId}" in this workspace`, { field: 'versionId' });
    return v;
  }

  private open(workspaceId: string, versionId: string): Y.Doc {
    const hit = this.opened.get(versionId);
    if (hit) {
      // Most recently used last.
      this.opened.delete(versionId);
      this.opened.set(versionId, hit);
      return hit;
    }
    const state = this.d.repo.state(workspaceId, versionId);
    if (!state) throw new UdashError('NOT_FOUND', `No version with id "${versionId}" in this workspace`, { field: 'versionId' });
    const doc = openState(state);
    this.opened.set(versionId, doc);
    for (const [id, old] of this.opened) {
      if (this.opened.size <= OPEN_CACHE) break;
      old.destroy();
      this.opened.delete(id);
    }
    return doc;
  }

  private exists(workspaceId: string): boolean {
    try {
      this.d.core.workspaces.get(workspaceId);
      return true;
    } catch (e) {
      if (e instanceof UdashError && e.code === 'NOT_FOUND') return false;
      throw e;
    }
  }

  private changed(workspaceId: string): void {
    this.d.events.emit('versions.changed', { workspaceId });
  }

  close(): void {
    for (const doc of this.opened.values()) doc.destroy();
    this.opened.clear();
  }
}

function info(v: StoredVersion): VersionInfo {
  const { createdMs: _ms, ...rest } = v;
  return rest;
}
