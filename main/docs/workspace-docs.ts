/**
 * Keeps one live Y.Doc per open workspace in main. Every update (local edit, undo, or a remote update
 * applied by the sync client later) is appended to the DocLog before listeners hear of it, and a
 * `doc.changed` event is pushed to the UI. Local edits go through `transact` with LOCAL_ORIGIN so that
 * Y.UndoManager tracks exactly this user's changes (per-user undo when the doc is shared).
 */
import * as Y from 'yjs';
import type { EventBus } from '../events.js';
import { DOC_COLLECTIONS } from '../../shared/model/workspace-doc.js';
import type { DocLog } from './doc-log.js';

export const LOCAL_ORIGIN = Symbol('udash-local');
const LOAD_ORIGIN = Symbol('udash-load');

interface OpenDoc {
  doc: Y.Doc;
  undo: Y.UndoManager;
}

export class WorkspaceDocs {
  private readonly open = new Map<string, OpenDoc>();

  constructor(
    private readonly log: DocLog,
    private readonly events: EventBus,
  ) {}

  get(workspaceId: string): Y.Doc {
    return this.entry(workspaceId).doc;
  }

  private entry(workspaceId: string): OpenDoc {
    let e = this.open.get(workspaceId);
    if (e) return e;
    const doc = new Y.Doc({ gc: true });
    this.log.load(workspaceId, doc, LOAD_ORIGIN);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.log.append(workspaceId, update);
      if (this.log.shouldCompact(workspaceId)) this.log.compact(workspaceId, doc);
      this.events.emit('doc.changed', { workspaceId, local: origin === LOCAL_ORIGIN || origin instanceof Y.UndoManager });
    });
    // Every contract call is one user action, so each transact() is its own undo step (see stopCapturing below).
    const undo = new Y.UndoManager(DOC_COLLECTIONS.map((n) => doc.getMap(n)), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 400 });
    e = { doc, undo };
    this.open.set(workspaceId, e);
    return e;
  }

  /** Runs a local edit as one transaction (one undo step). */
  transact<T>(workspaceId: string, fn: (doc: Y.Doc) => T): T {
    const e = this.entry(workspaceId);
    this.trackTypes(e);
    let result!: T;
    e.doc.transact(() => {
      result = fn(e.doc);
    }, LOCAL_ORIGIN);
    e.undo.stopCapturing();
    return result;
  }

  /** Makes sure every top-level type the doc has is under undo tracking (features add collections lazily). */
  private trackTypes(e: OpenDoc): void {
    for (const [name] of e.doc.share) {
      const type = e.doc.getMap(name);
      if (!e.undo.scope.includes(type)) e.undo.addToScope(type);
    }
  }

  undo(workspaceId: string): { canUndo: boolean; canRedo: boolean } {
    const e = this.entry(workspaceId);
    this.trackTypes(e);
    e.undo.undo();
    return { canUndo: e.undo.canUndo(), canRedo: e.undo.canRedo() };
  }

  redo(workspaceId: string): { canUndo: boolean; canRedo: boolean } {
    const e = this.entry(workspaceId);
    e.undo.redo();
    return { canUndo: e.undo.canUndo(), canRedo: e.undo.canRedo() };
  }

  /** Forgets a workspace (after deletion). */
  drop(workspaceId: string): void {
    const e = this.open.get(workspaceId);
    if (!e) return;
    e.undo.destroy();
    e.doc.destroy();
    this.open.delete(workspaceId);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.drop(id);
  }
}
