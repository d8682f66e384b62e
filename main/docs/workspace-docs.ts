/**
 * Keeps one live Y.Doc per open workspace in main. Every update (local edit, undo, or a remote update
 * applied by the sync client later) is appended to the DocLog before listeners hear of it, and a
 * `doc.changed` event is pushed to the UI. Local edits go through `transact` with LOCAL_ORIGIN so that
 * Y.UndoManager tracks exactly this user's changes (per-user undo when the doc is shared).
 */
import * as Y from 'yjs';
import type { EventBus } from '../events.js';
import { DOC_COLLECTIONS } from '../../shared/model/workspace-doc.js';
import { mayDeleteOnUndo, stepInProgress, type UndoStep } from './contested-fields.js';
import type { DocLog } from './doc-log.js';

export const LOCAL_ORIGIN = Symbol('udash-local');
const LOAD_ORIGIN = Symbol('udash-load');

interface OpenDoc {
  doc: Y.Doc;
  undo: Y.UndoManager;
  /** While undo()/redo() runs: the stack it pops from, as it was before the call (see contested-fields.ts). */
  popping: readonly UndoStep[] | null;
}

/** Throws (FORBIDDEN) when this user may not edit the workspace, e.g. it is shared with a viewer token. */
export type WriteGuard = (workspaceId: string) => void;

export class WorkspaceDocs {
  private readonly open = new Map<string, OpenDoc>();
  private guard: WriteGuard | null = null;

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
    // deleteFilter: a field a colleague set concurrently keeps its value instead of being emptied (contested-fields.ts).
    const undo: Y.UndoManager = new Y.UndoManager(DOC_COLLECTIONS.map((n) => doc.getMap(n)), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
      deleteFilter: (item): boolean => mayDeleteOnUndo(item, stepInProgress(undo, opened.popping)),
    });
    const opened: OpenDoc = { doc, undo, popping: null };
    e = opened;
    this.open.set(workspaceId, e);
    return e;
  }

  /** Set by the sync client: local edits of a read-only shared workspace are refused before they happen. */
  setWriteGuard(guard: WriteGuard | null): void {
    this.guard = guard;
  }

  /** Runs a local edit as one transaction (one undo step). */
  transact<T>(workspaceId: string, fn: (doc: Y.Doc) => T): T {
    this.guard?.(workspaceId);
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
    this.guard?.(workspaceId);
    const e = this.entry(workspaceId);
    this.trackTypes(e);
    this.step(e, e.undo.undoStack, () => e.undo.undo());
    return { canUndo: e.undo.canUndo(), canRedo: e.undo.canRedo() };
  }

  redo(workspaceId: string): { canUndo: boolean; canRedo: boolean } {
    this.guard?.(workspaceId);
    const e = this.entry(workspaceId);
    this.step(e, e.undo.redoStack, () => e.undo.redo());
    return { canUndo: e.undo.canUndo(), canRedo: e.undo.canRedo() };
  }

  /** Runs an undo or redo with the stack it pops from on record, for the deleteFilter. */
  private step(e: OpenDoc, stack: readonly UndoStep[], run: () => void): void {
    e.popping = [...stack];
    try {
      run();
    } finally {
      e.popping = null;
    }
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
