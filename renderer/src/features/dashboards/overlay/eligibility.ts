/**
 * Which widgets can show a forecast overlay: line, area and (vertical) bar charts whose x axis is
 * time — bucketed (day, week, month …) or an exact datetime column.
 */
import type { Widget } from '../../../../../shared/model/dashboard.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';

export const OVERLAY_TYPES = ['line', 'area', 'bar'] as const;

export function canForecast(w: Pick<Widget, 'type' | 'options'> & { query: { datasetId: string; x?: { field: string; bucket?: string | undefined } | undefined } }, datasets: readonly DatasetMeta[]): boolean {
  if (!(OVERLAY_TYPES as readonly string[]).includes(w.type)) return false;
  if (w.type === 'bar' && w.options.horizontal) return false;
  const x = w.query.x;
  if (!x) return false;
  if (x.bucket) return true;
  const ds = datasets.find((d) => d.id === w.query.datasetId);
  return ds?.columns.find((c) => c.name === x.field)?.type === 'datetime';
}

/** The same test on a drawn result: a time x axis in the rows themselves (bucketed or datetime). */
export function overlayApplies(w: Pick<Widget, 'type' | 'options'> & { query: { x?: { bucket?: string | undefined } | undefined } }, result: { columns: { role: string; type: string }[]; rows: unknown[] }): boolean {
  if (!(OVERLAY_TYPES as readonly string[]).includes(w.type) || (w.type === 'bar' && w.options.horizontal) || result.rows.length === 0) return false;
  const x = result.columns.find((c) => c.role === 'x');
  return !!x && (w.query.x?.bucket !== undefined || x.type === 'datetime');
}
