/** Which of a dataset's columns each analysis can use. */
import type { DatasetMeta } from '../../../../shared/model/dataset.js';

export function numericColumns(d: DatasetMeta | undefined): string[] {
  return d ? d.columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name) : [];
}

/** Time axes: datetime columns first (the dataset's time column leading), then numeric ones. */
export function timeColumns(d: DatasetMeta | undefined): string[] {
  if (!d) return [];
  const dt = d.columns.filter((c) => c.type === 'datetime').map((c) => c.name);
  const ordered = d.timeColumn && dt.includes(d.timeColumn) ? [d.timeColumn, ...dt.filter((c) => c !== d.timeColumn)] : dt;
  return [...ordered, ...numericColumns(d)];
}

export function isDatetime(d: DatasetMeta | undefined, column: string): boolean {
  return d?.columns.find((c) => c.name === column)?.type === 'datetime';
}

/** The most columns a correlation starts with (the user can pick up to 200). */
export const DEFAULT_CORRELATION_COLUMNS = 20;
