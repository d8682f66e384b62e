import { useEffect } from 'react';
import type { QueryResult } from '../../../../../shared/model/query.js';
import type { WidgetOptions } from '../../../../../shared/model/dashboard.js';
import { formatHeadline, formatNumber, type NumberFormat } from '../../../lib/format.js';
import { kpiView } from './kpi.js';
import type { ChartPalette } from './palette.js';
import { Sparkline } from './Sparkline.js';

export function KpiCard({ result, options, palette, onRendered }: { result: QueryResult; options: WidgetOptions; palette: ChartPalette; onRendered?: () => void }) {
  const k = kpiView(result);
  const fmt = (options.format ?? 'number') as NumberFormat;
  const showCompare = options.compare !== 'none' && k.change !== null;
  const up = (k.change ?? 0) >= 0;
  useEffect(() => onRendered?.(), [result, onRendered]);
  return (
    <div className="kpi" data-rendered="true" data-points={k.value === null ? 0 : 1 + k.spark.filter((v) => v !== null).length}>
      <div className="kpi-value" title={k.value === null ? undefined : formatNumber(k.value, fmt === 'compact' ? 'number' : fmt)}>
        {formatHeadline(k.value, fmt)}
      </div>
      {showCompare ? (
        <div className={`kpi-change ${up ? 'kpi-up' : 'kpi-down'}`}>
          <span aria-hidden>{up ? '▲' : '▼'}</span> {formatNumber(Math.abs(k.change!), 'percent')}
          <span className="kpi-vs"> vs previous period{k.previous !== null ? ` (${formatHeadline(k.previous, fmt)})` : ''}</span>
        </div>
      ) : (
        <div className="kpi-change kpi-neutral">{k.label}</div>
      )}
      {k.spark.length > 1 ? (
        <div className="kpi-spark">
          <Sparkline values={k.spark} color={up || !showCompare ? palette.series[0]! : palette.negative} />
        </div>
      ) : null}
    </div>
  );
}
