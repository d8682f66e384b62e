/**
 * Two-replica helpers: a colleague's copy of a workspace document, kept apart until `exchange` sends
 * each side what the other lacks, the way the sync server relays updates after an offline spell.
 */
import * as Y from 'yjs';

export const REMOTE = 'remote-peer';

/** A new replica holding everything `from` has now. */
export function replicaOf(from: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from), REMOTE);
  return doc;
}

/** Sends each doc the updates it is missing from the other (both directions). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, REMOTE);
  Y.applyUpdate(a, toA, REMOTE);
}

/** The JSON of every non-empty top-level collection: equal for converged replicas. */
export function contentOf(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...doc.share.keys()].sort()) {
    const map = doc.getMap(name);
    if (map.size > 0) out[name] = map.toJSON();
  }
  return out;
}
