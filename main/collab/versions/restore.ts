/**
 * Restoring a dashboard (or one widget) from a version by writing it back into the live document.
 * This is an ordinary edit, not a rewind: only fields that differ are set, widgets deleted since are
 * written again under their old ids (so their comments reattach), widgets added since are removed.
 * It therefore syncs to colleagues like any edit, merges with their concurrent changes field by
 * field, and is one undo step for the person who restored. Call inside one transaction.
 */
import type * as Y from 'yjs';
import { UdashError } from '../../../shared/errors.js';
import type { DashboardWithWidgets, Widget } from '../../../shared/model/dashboard.js';
import { collection, DASHBOARD_NESTED, removeItem, setLayoutItem, writeFields } from '../../../shared/model/workspace-doc.js';
import { dashboardIn } from './version-state.js';
import { widgetFieldChanges } from './diff.js';

export interface RestoreCounts {
  widgetsRestored: number;
  widgetsRemoved: number;
  fieldsChanged: number;
}

export function restoreDashboard(doc: Y.Doc, then: DashboardWithWidgets, nowIso: string): RestoreCounts {
  const current = dashboardIn(doc, then.id);
  const counts: RestoreCounts = { widgetsRestored: 0, widgetsRemoved: 0, fieldsChanged: 0 };
  const { widgets, ...fields } = then;
  if (current) {
    for (const f of ['name', 'description', 'dateRange', 'filters', 'layout'] as const) if (JSON.stringify(current[f]) !== JSON.stringify(fields[f])) counts.fieldsChanged++;
  }
  writeFields(doc, 'dashboards', then.id, { ...fields, updatedAt: nowIso }, DASHBOARD_NESTED);
  const nowById = new Map((current?.widgets ?? []).map((w) => [w.id, w]));
  for (const w of widgets) counts.fieldsChanged += writeWidget(doc, w, nowById.get(w.id), counts);
  const keep = new Set(widgets.map((w) => w.id));
  for (const w of current?.widgets ?? []) {
    if (keep.has(w.id)) continue;
    removeItem(doc, 'widgets', w.id);
    counts.widgetsRemoved++;
  }
  return counts;
}

/** One widget back as it was, with its place on the grid; the dashboard itself must exist now. */
export function restoreWidget(doc: Y.Doc, then: DashboardWithWidgets, widgetId: string, nowIso: string): RestoreCounts {
  const w = then.widgets.find((x) => x.id === widgetId);
  if (!w) throw new UdashError('NOT_FOUND', `The widget "${widgetId}" was not on this dashboard in that version`, { field: 'widgetId' });
  const current = dashboardIn(doc, then.id);
  if (!current) throw new UdashError('NOT_FOUND', 'The dashboard no longer exists: restore the whole dashboard instead', { field: 'dashboardId' });
  const counts: RestoreCounts = { widgetsRestored: 0, widgetsRemoved: 0, fieldsChanged: 0 };
  counts.fieldsChanged += writeWidget(doc, w, current.widgets.find((x) => x.id === widgetId), counts);
  const place = then.layout[widgetId];
  if (place && JSON.stringify(current.layout[widgetId]) !== JSON.stringify(place)) {
    setLayoutItem(doc, then.id, widgetId, place);
    counts.fieldsChanged++;
  }
  writeFields(doc, 'dashboards', then.id, { updatedAt: nowIso });
  return counts;
}

/** Writes a widget as it was; returns how many of its fields changed (0 for one re-created). */
function writeWidget(doc: Y.Doc, then: Widget, now: Widget | undefined, counts: RestoreCounts): number {
  const existed = collection(doc, 'widgets').has(then.id);
  writeFields(doc, 'widgets', then.id, then);
  if (!existed || !now) {
    counts.widgetsRestored++;
    return 0;
  }
  return widgetFieldChanges(now, then).length + (now.dashboardId !== then.dashboardId ? 1 : 0);
}
