/**
 * Compares dashboards in a version ("before") with the same dashboards now ("after"): which
 * dashboards and widgets were added or removed since, and for those in both, which fields differ.
 * A widget's query and options are compared one level down (query.y, options.color, …) so the diff
 * names what changed rather than "the query". Timestamps (createdAt, updatedAt) are not changes a
 * person made to the content and are left out.
 */
import type { DashboardWithWidgets, Widget } from '../../../shared/model/dashboard.js';
import type { DashboardDiff, FieldChange, LayoutMove, WidgetChange } from '../../../shared/model/version.js';

const DASHBOARD_FIELDS = ['name', 'description', 'dateRange', 'filters'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

function change(field: string, before: unknown, after: unknown): FieldChange {
  return { field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

function nestedChanges(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => !same(before[k], after[k])).map((k) => change(`${prefix}.${k}`, before[k], after[k]));
}

export function widgetFieldChanges(before: Widget, after: Widget): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.title !== after.title) out.push(change('title', before.title, after.title));
  if (before.type !== after.type) out.push(change('type', before.type, after.type));
  out.push(...nestedChanges('query', before.query as Record<string, unknown>, after.query as Record<string, unknown>));
  out.push(...nestedChanges('options', before.options as Record<string, unknown>, after.options as Record<string, unknown>));
  return out;
}

export function diffDashboard(before: DashboardWithWidgets | undefined, after: DashboardWithWidgets | undefined): DashboardDiff {
  const any = (after ?? before)!;
  if (!before || !after) {
    const status = before ? 'removed' : 'added';
    const widgets = any.widgets.map<WidgetChange>((w) => ({ widgetId: w.id, title: w.title, status, fields: [] }));
    return { dashboardId: any.id, name: any.name, status, fields: [], widgets, layout: [] };
  }
  const fields = DASHBOARD_FIELDS.filter((f) => !same(before[f], after[f])).map((f) => change(f, before[f], after[f]));
  const was = new Map(before.widgets.map((w) => [w.id, w]));
  const now = new Map(after.widgets.map((w) => [w.id, w]));
  const widgets: WidgetChange[] = [];
  const layout: LayoutMove[] = [];
  for (const w of after.widgets) {
    const old = was.get(w.id);
    if (!old) {
      widgets.push({ widgetId: w.id, title: w.title, status: 'added', fields: [] });
      continue;
    }
    const changed = widgetFieldChanges(old, w);
    if (changed.length) widgets.push({ widgetId: w.id, title: w.title, status: 'changed', fields: changed });
    const a = before.layout[w.id];
    const b = after.layout[w.id];
    if (a && b && !same(a, b)) layout.push({ widgetId: w.id, title: w.title, before: a, after: b });
  }
  for (const w of before.widgets) if (!now.has(w.id)) widgets.push({ widgetId: w.id, title: w.title, status: 'removed', fields: [] });
  const status = fields.length || widgets.length || layout.length ? 'changed' : 'unchanged';
  return { dashboardId: after.id, name: after.name, status, fields, widgets, layout };
}

/** Every dashboard in either list (or only `dashboardId`), in the order they appear now, then removed ones. */
export function diffDashboards(before: readonly DashboardWithWidgets[], after: readonly DashboardWithWidgets[], dashboardId?: string): DashboardDiff[] {
  const was = new Map(before.map((d) => [d.id, d]));
  const now = new Map(after.map((d) => [d.id, d]));
  const ids = [...new Set([...after.map((d) => d.id), ...before.map((d) => d.id)])].filter((id) => !dashboardId || id === dashboardId);
  return ids.map((id) => diffDashboard(was.get(id), now.get(id)));
}
