import { countPoints, type ChartOption } from './build-option.js';
import { useEChart } from './useEChart.js';

/**
 * A widget's chart: one ECharts instance (useEChart) bound to a div. `onRendered` fires once ECharts
 * has finished drawing an option; the container carries data-points (how many values were drawn) for
 * tests and tools.
 */
export function EChart({ option, onRendered, ariaLabel }: { option: ChartOption; onRendered?: () => void; ariaLabel: string }) {
  const { ref } = useEChart(option, onRendered ? { onRendered } : {});
  return <div ref={ref} className="echart" role="img" aria-label={ariaLabel} data-points={countPoints(option)} />;
}
