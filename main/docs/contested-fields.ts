/**
 * Guards per-user undo against a Yjs limitation (yjs/yjs#514): when this user and a colleague set the
 * same map key concurrently and this user's value wins (higher client id), undoing that step deletes
 * this user's value but cannot restore the value from before it — the colleague's losing write sits
 * between the two in the key's history, so Yjs treats the restore as overwriting a remote change and
 * skips it. The colleague's value is gone as well (it was overwritten, then garbage-collected), so the
 * key ends up with no value at all. For a required field (a dashboard's `updatedAt`, which every edit
 * writes, or its `name`) the object then fails validation on every replica and vanishes from the UI:
 * the undo "deleted" a dashboard the colleague made.
 *
 * The rule we apply instead, the same one Yjs applies when the colleague's value won: a field that a
 * colleague also changed concurrently is not undone; it keeps its current value. Keys the step created
 * (nothing there before) are still removed, and every other field of the step is undone as usual.
 */
import * as Y from 'yjs';

/** One undo/redo step of a Y.UndoManager (Yjs does not export the class's type by name). */
export type UndoStep = Y.UndoManager['undoStack'][number];

/**
 * For Y.UndoManager's `deleteFilter`, which Yjs consults inside the undo/redo transaction, after it has
 * restored what it could, for each value the step wrote and is about to delete. Returns false (keep the
 * value) when deleting it would empty a key that `step` had overwritten, i.e. when Yjs refused to
 * restore the overwritten value because of a colleague's concurrent write.
 */
export function mayDeleteOnUndo(item: Y.Item, step: UndoStep | null): boolean {
  // Only a map entry that is still the key's current value: had Yjs restored the old value, it would
  // have been written after this one and this one would already be deleted.
  if (step === null || item.parentSub === null || item.deleted) return true;
  for (let older = item.left; older !== null; older = older.left) {
    if (deletedBy(step, older)) return false;
  }
  return true;
}

/** Whether `step` deleted (part of) `item`, i.e. the step overwrote or removed that value. */
function deletedBy(step: UndoStep, item: Y.Item): boolean {
  for (let i = 0; i < item.length; i++) {
    if (Y.isDeleted(step.deletions, Y.createID(item.id.client, item.id.clock + i))) return true;
  }
  return false;
}

/**
 * The step an undo or redo is applying right now. Yjs pops it off its stack before it deletes
 * anything (and sets `currStackItem` only afterwards), so with the stack as it was before the call,
 * the step in progress is the one at the stack's current length.
 */
export function stepInProgress(um: Y.UndoManager, stackBefore: readonly UndoStep[] | null): UndoStep | null {
  const stack = um.undoing ? um.undoStack : um.redoing ? um.redoStack : null;
  if (!stack || !stackBefore) return null;
  return stackBefore[stack.length] ?? null;
}
