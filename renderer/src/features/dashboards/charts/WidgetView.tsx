/** Draws one widget's result as its type says: an ECharts chart, a KPI card or a table. */
import { useEffect, useMemo } from 'react';
import type { QueryResult } from '../../../../../shared/model/query.js';
import type { Widget } from '../../../../../shared/model/dashboard.js';
import { useApp } from '../../../app/context.js';
import { EmptyState } from '../../../ui/States.js';
import { buildOption, type ChartWidget } from './build-option.js';
import { EChart } from './EChart.js';
import type { NumberFormat } from '../../../lib/format.js';
import { KpiCard } from './KpiCard.js';
import { chartPalette } from './palette.js';
import { ResultTable } from './ResultTable.js';
import { ForecastCaption } from '../overlay/ForecastCaption.js';
import { overlayApplies } from '../overlay/eligibility.js';
import { withForecastOverlay } from '../overlay/overlay-option.js';
import { useForecastOverlay } from '../overlay/useForecastOverlay.js';

export type ViewWidget = Pick<Widget, 'type' | 'options' | 'title'> & { query: ChartWidget['query'] };

export function WidgetView({ widget, result, onRendered }: { widget: ViewWidget; result: QueryResult; onRendered?: () => void }) {
  const theme = useApp((s) => s.theme);
  const palette = useMemo(() => chartPalette(theme), [theme]);
  const forecastOn = widget.options.forecastOverlay === true && overlayApplies(widget, result);
  const overlay = useForecastOverlay(widget, result, forecastOn);
  const option = useMemo(() => {
    const base = ['kpi', 'table'].includes(widget.type) || result.rows.length === 0 ? null : buildOption(result, widget, palette);
    return base && overlay.status === 'ready' ? withForecastOverlay(base, overlay.forecasts, palette, { bucket: widget.query.x?.bucket, format: (widget.options.format ?? 'number') as NumberFormat }) : base;
  }, [result, widget, palette, overlay]);

  if (result.rows.length === 0) return <NoRows onRendered={onRendered} />;
  if (widget.type === 'kpi') return <KpiCard result={result} options={widget.options} palette={palette} {...(onRendered ? { onRendered } : {})} />;
  if (widget.type === 'table') return <ResultTable result={result} bucket={widget.query.x?.bucket} format={(widget.options.format ?? 'number') as NumberFormat} {...(onRendered ? { onRendered } : {})} />;
  const chart = <EChart option={option!} ariaLabel={`${widget.type} chart${widget.title ? `: ${widget.title}` : ''}${overlay.status === 'ready' ? ' with forecast' : ''}`} {...(onRendered ? { onRendered } : {})} />;
  return forecastOn ? (
    <>
      {chart}
      <ForecastCaption state={overlay} />
    </>
  ) : (
    chart
  );
}

function NoRows({ onRendered }: { onRendered?: (() => void) | undefined }) {
  // An empty result is a finished render too (the dashboard's "painted" mark waits for every widget).
  useEffect(() => onRendered?.(), [onRendered]);
  return (
    <EmptyState icon="filter" title="No data" compact>
      Nothing matches this widget's query in the selected date range and filters.
    </EmptyState>
  );
}
