/**
 * The layout of a workspace's Y.Doc: the structure a team edits together.
 *
 * Designed for concurrent editing: every collection is a top-level Y.Map keyed by id whose values are
 * Y.Maps of fields, so two people editing different fields of the same widget both win, and adding
 * widgets concurrently never conflicts. Field values are plain JSON (validated by the zod schemas in
 * this folder on every read and write). Layout positions live in a per-dashboard Y.Map keyed by
 * widget id, so moving one widget never rewrites another's position.
 *
 * Delete against a concurrent edit: deleting a dashboard or widget removes its Y.Map; a concurrent
 * field edit on the deleted object is discarded by Yjs (delete wins). This is documented to users.
 *
 * Rows never live here (Yjs arrays of rows grow superlinearly); only keyed metadata does.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { Dashboard, LayoutItem, Widget } from './dashboard.js';

/**
 * Every top-level collection of a workspace doc. Undo tracks these from the moment a doc opens, so a
 * feature that adds a collection adds its name here (metrics, alertRules, reports, schedules, …).
 */
export const DOC_COLLECTIONS: readonly string[] = ['meta', 'dashboards', 'widgets', 'reports', 'reportSchedules', 'reportTemplates', 'recipientGroups', 'forecastRuns', 'datasetSnapshots'];
export type DocCollection = string;

type Obj = Record<string, unknown>;

export function collection(doc: Y.Doc, name: DocCollection): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(name);
}

export function meta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

/** Reads a keyed Y.Map of fields into a plain object (nested Y.Maps become objects). */
export function toPlain(m: Y.Map<unknown>): Obj {
  const out: Obj = {};
  for (const [k, v] of m.entries()) out[k] = v instanceof Y.Map ? toPlain(v as Y.Map<unknown>) : v;
  return out;
}

/** Reads every item of a collection through a schema; items that fail validation are reported, not thrown. */
export function readAll<S extends z.ZodType>(doc: Y.Doc, name: DocCollection, schema: S): { items: z.output<S>[]; invalid: string[] } {
  const items: z.output<S>[] = [];
  const invalid: string[] = [];
  for (const [id, m] of collection(doc, name).entries()) {
    const parsed = schema.safeParse(toPlain(m));
    if (parsed.success) items.push(parsed.data);
    else invalid.push(id);
  }
  return { items, invalid };
}

export function readOne<S extends z.ZodType>(doc: Y.Doc, name: DocCollection, id: string, schema: S): z.output<S> | undefined {
  const m = collection(doc, name).get(id);
  if (!m) return undefined;
  const parsed = schema.safeParse(toPlain(m));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Writes fields of one item. Only fields whose JSON differs are set, so concurrent edits of other
 * fields by teammates are never overwritten with stale values. `nestedMaps` names fields stored as a
 * Y.Map keyed by sub-id (e.g. a dashboard's layout).
 */
export function writeFields(doc: Y.Doc, name: DocCollection, id: string, fields: Obj, nestedMaps: readonly string[] = []): void {
  const coll = collection(doc, name);
  let item = coll.get(id);
  if (!item) {
    item = new Y.Map<unknown>();
    coll.set(id, item);
  }
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (nestedMaps.includes(k)) {
      let nested = item.get(k);
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>();
        item.set(k, nested);
      }
      const nm = nested as Y.Map<unknown>;
      const next = v as Obj;
      for (const key of [...nm.keys()]) if (!(key in next)) nm.delete(key);
      for (const [sk, sv] of Object.entries(next)) if (JSON.stringify(nm.get(sk)) !== JSON.stringify(sv)) nm.set(sk, sv);
    } else if (JSON.stringify(item.get(k)) !== JSON.stringify(v)) {
      item.set(k, v);
    }
  }
}

export function removeItem(doc: Y.Doc, name: DocCollection, id: string): boolean {
  const coll = collection(doc, name);
  if (!coll.has(id)) return false;
  coll.delete(id);
  return true;
}

export const DASHBOARD_NESTED = ['layout'] as const;

export function readDashboards(doc: Y.Doc): Dashboard[] {
  return readAll(doc, 'dashboards', Dashboard).items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function readWidgets(doc: Y.Doc, dashboardId?: string): Widget[] {
  const all = readAll(doc, 'widgets', Widget).items;
  return dashboardId ? all.filter((w) => w.dashboardId === dashboardId) : all;
}

export function setLayoutItem(doc: Y.Doc, dashboardId: string, widgetId: string, item: LayoutItem): void {
  const dash = collection(doc, 'dashboards').get(dashboardId);
  if (!dash) return;
  let layout = dash.get('layout');
  if (!(layout instanceof Y.Map)) {
    layout = new Y.Map<unknown>();
    dash.set('layout', layout);
  }
  (layout as Y.Map<unknown>).set(widgetId, LayoutItem.parse(item));
}
