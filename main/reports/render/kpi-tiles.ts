import type { Metric, ReportModel, WidgetData } from '../model/types.js';
import { measureColumns } from '../model/widget-data.js';

export interface KpiTile {
  widgetId: string;
  label: string;
  value: string;
  change: string | null;
  direction: 'up' | 'down' | 'flat' | null;
}

/** The headline metric of a widget: its first measure. */
export function headlineMetric(model: Pick<ReportModel, 'metrics'>, w: WidgetData): Metric | undefined {
  const first = measureColumns(w)[0];
  if (first === undefined) return undefined;
  const name = w.columns[first]!.name;
  return Object.values(model.metrics).find((m) => m.widgetId === w.id && m.measure === name);
}

/** KPI tiles for a set of widgets: the KPI value (or a chart's total) and its change. */
export function kpiTiles(model: Pick<ReportModel, 'metrics'>, widgets: WidgetData[]): KpiTile[] {
  return widgets.flatMap((w) => {
    const m = headlineMetric(model, w);
    if (!m || w.error) return [];
    const pct = m.changePct;
    return [
      {
        widgetId: w.id,
        label: w.title,
        value: m.totalText,
        change: pct === null ? null : `${m.changePctText} vs previous ${w.type === 'kpi' ? 'period' : (w.bucket ?? 'period')}`,
        direction: pct === null ? null : pct > 0.05 ? 'up' : pct < -0.05 ? 'down' : 'flat',
      },
    ];
  });
}
