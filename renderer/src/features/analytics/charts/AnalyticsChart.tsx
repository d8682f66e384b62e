import type { KeyboardEvent } from 'react';
import { useEChart, type ChartItemEvent } from '../../dashboards/charts/useEChart.js';
import { drawnSeries } from './bands.js';
import './echarts-analytics.js';
import type { AnalyticsOption } from './option-types.js';

export interface ChartKeyboard {
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** How to use the keys, read out when the chart takes focus. */
  hint: string;
}

/**
 * An analytics chart: one ECharts instance (useEChart, shared with the dashboards' widgets) at a fixed
 * height. Clicks on items reach `onItemClick` (the heatmap's cell → scatter); with `keyboard` the
 * chart takes focus and its keys (the heatmap's arrows and Enter). The container says what it is
 * (data-chart), what it draws (data-series) and when it has drawn (data-rendered), for tests and tools.
 */
export function AnalyticsChart({ option, ariaLabel, kind, height = 320, onItemClick, keyboard }: { option: AnalyticsOption; ariaLabel: string; kind: string; height?: number; onItemClick?: (params: ChartItemEvent) => void; keyboard?: ChartKeyboard }) {
  const { ref } = useEChart(option, onItemClick ? { onClick: onItemClick } : {});
  const interactive = keyboard ? { tabIndex: 0, role: 'application', 'aria-roledescription': 'chart', 'aria-description': keyboard.hint, onKeyDown: keyboard.onKeyDown } : { role: 'img' };
  return <div ref={ref} className="analytics-chart" data-chart={kind} data-series={drawnSeries(option)} aria-label={ariaLabel} style={{ height }} {...interactive} />;
}
