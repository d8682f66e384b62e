/**
 * The life of one ECharts instance bound to a div, shared by the dashboards' widgets and the Analytics
 * section's charts: created on mount, resized with its box (once per frame), given each new option
 * whole (notMerge), disposed on unmount. The div says when the current option has been drawn
 * (data-rendered), for tests and tools; `onRendered` fires then, and clicks on items reach `onClick`.
 * Layout effects, so an attribute the caller renders from the option (data-points) and data-rendered
 * turning false change in the same task: nothing can read the new count beside a stale "rendered".
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts.js';

export interface ChartItemEvent {
  seriesType?: string;
  seriesId?: string;
  data: unknown;
  value?: unknown;
  dataIndex: number;
}

export interface EChartHandlers {
  onRendered?: () => void;
  onClick?: (params: ChartItemEvent) => void;
}

export function useEChart(option: EChartsCoreOption, handlers: EChartHandlers = {}): { ref: RefObject<HTMLDivElement | null>; chart: RefObject<echarts.ECharts | null> } {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handlers, read when an event fires, so new closures never re-create the chart.
  const latest = useRef(handlers);
  latest.current = handlers;

  useLayoutEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => latest.current.onClick?.(p as unknown as ChartItemEvent));
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // The observer's first report is the size the chart was created at: resizing to it would lay
        // out and draw every chart a second time while the dashboard opens.
        if (el.clientWidth !== c.getWidth() || el.clientHeight !== c.getHeight()) c.resize();
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const c = chart.current;
    const el = ref.current;
    if (!c || !el) return;
    const onFinished = () => {
      c.off('finished', onFinished);
      el.dataset.rendered = 'true';
      latest.current.onRendered?.();
    };
    el.dataset.rendered = 'false';
    c.on('finished', onFinished);
    c.setOption(option, { notMerge: true, lazyUpdate: false });
    return () => {
      c.off('finished', onFinished);
    };
  }, [option]);

  return { ref, chart };
}
