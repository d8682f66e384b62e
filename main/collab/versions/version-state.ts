/**
 * A version's stored form and how to read it back. The document is kept with garbage collection on,
 * so a Y.snapshot alone cannot rebuild an old state; a version therefore stores the full state as one
 * Yjs update (deflated: dashboards are JSON-heavy and compress several times over) and, for cheap
 * "did anything change since?" checks, the encoded snapshot (state vector + delete set).
 */
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { Dashboard, type DashboardWithWidgets } from '../../../shared/model/dashboard.js';
import { readDashboards, readOne, readWidgets } from '../../../shared/model/workspace-doc.js';

export interface CapturedState {
  snapshot: Uint8Array;
  state: Buffer;
}

export function captureState(doc: Y.Doc): CapturedState {
  return { snapshot: Y.encodeSnapshot(Y.snapshot(doc)), state: zlib.deflateRawSync(Y.encodeStateAsUpdate(doc)) };
}

/** True when the doc holds exactly the state a version captured (same inserts, same deletes). */
export function sameState(doc: Y.Doc, snapshot: Uint8Array): boolean {
  return Y.equalSnapshots(Y.snapshot(doc), Y.decodeSnapshot(snapshot));
}

/** A detached, read-only copy of the document as the version saved it. */
export function openState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, zlib.inflateRawSync(state));
  return doc;
}

export function dashboardsIn(doc: Y.Doc): DashboardWithWidgets[] {
  const widgets = readWidgets(doc);
  return readDashboards(doc).map((d) => ({ ...d, widgets: widgets.filter((w) => w.dashboardId === d.id) }));
}

export function dashboardIn(doc: Y.Doc, dashboardId: string): DashboardWithWidgets | undefined {
  const d = readOne(doc, 'dashboards', dashboardId, Dashboard);
  return d ? { ...d, widgets: readWidgets(doc, dashboardId) } : undefined;
}
