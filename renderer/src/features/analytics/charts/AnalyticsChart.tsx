import { useEffect, useRef } from 'react';
import { echarts } from './echarts-analytics.js';
import type { AnalyticsOption } from './option-types.js';

/**
 * One ECharts instance for an analytics chart: created on mount, resized with its box, disposed on
 * unmount. Clicks on series items reach `onItemClick` (the heatmap's cell → scatter). The container
 * says when it has drawn (data-rendered) and what it is (data-chart), for tests and tools.
 */
export function AnalyticsChart({ option, ariaLabel, kind, height = 320, onItemClick }: { option: AnalyticsOption; ariaLabel: string; kind: string; height?: number; onItemClick?: (params: { seriesType?: string; seriesId?: string; data: unknown; dataIndex: number }) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as unknown as { seriesType?: string; seriesId?: string; data: unknown; dataIndex: number }));
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => c.resize());
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    const el = ref.current;
    if (!c || !el) return;
    const onFinished = () => {
      c.off('finished', onFinished);
      el.dataset.rendered = 'true';
    };
    el.dataset.rendered = 'false';
    c.on('finished', onFinished);
    c.setOption(option, { notMerge: true, lazyUpdate: false });
    return () => {
      c.off('finished', onFinished);
    };
  }, [option]);

  return <div ref={ref} className="analytics-chart" data-chart={kind} role="img" aria-label={ariaLabel} style={{ height }} />;
}
