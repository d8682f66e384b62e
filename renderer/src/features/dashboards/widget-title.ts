import type { WidgetQuery } from '../../../../shared/model/query.js';

const AGG_LABEL: Record<string, string> = { sum: 'Total', avg: 'Average', count: 'Count of', count_distinct: 'Distinct', min: 'Minimum', max: 'Maximum' };

/** A widget's title, or one made from its query when the user gave none ("Total revenue by month"). */
export function widgetTitle(w: { title: string; query: Pick<WidgetQuery, 'x' | 'y' | 'series'> }, datasetName?: string): string {
  if (w.title.trim()) return w.title;
  const m = w.query.y[0];
  const what = m ? (m.field ? `${AGG_LABEL[m.agg] ?? m.agg} ${m.field}` : 'Row count') : 'Widget';
  const by = w.query.x ? ` by ${w.query.x.bucket ?? w.query.x.field}` : w.query.series ? ` by ${w.query.series}` : '';
  return `${what}${by}${datasetName && !w.query.x ? ` · ${datasetName}` : ''}`;
}
