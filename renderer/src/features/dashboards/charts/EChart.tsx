import { useEffect, useRef } from 'react';
import { echarts } from './echarts.js';
import { countPoints, type ChartOption } from './build-option.js';

/**
 * One ECharts instance bound to a div: created on mount, resized with its container, given a new
 * option on change, disposed on unmount. `onRendered` fires once ECharts has finished drawing an
 * option; the container carries data-points (how many values were drawn) for tests and tools.
 */
export function EChart({ option, onRendered, ariaLabel }: { option: ChartOption; onRendered?: () => void; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const renderedRef = useRef(onRendered);
  renderedRef.current = onRendered;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
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
      renderedRef.current?.();
    };
    el.dataset.rendered = 'false';
    el.dataset.points = String(countPoints(option));
    c.on('finished', onFinished);
    c.setOption(option, { notMerge: true, lazyUpdate: false });
    return () => {
      c.off('finished', onFinished);
    };
  }, [option]);

  return <div ref={ref} className="echart" role="img" aria-label={ariaLabel} />;
}
