/**
 * The 12-column dashboard grid (react-grid-layout). Widgets are dragged by their header and resized
 * from the corner; with a widget focused, Alt+arrows moves it and Alt+Shift+arrows resizes it. Only
 * positions that actually changed are written (layout.update), so a move is one small undo step.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import ReactGridLayout, { useContainerWidth, verticalCompactor } from 'react-grid-layout';
import type { DashboardWithWidgets, Widget } from '../../../../../shared/model/dashboard.js';
import { changedItems, COLS, keyboardLayout, toGridItems, type GridItem } from './layout.js';

export const ROW_HEIGHT = 38;
const MARGIN: [number, number] = [14, 14];

export function DashboardGrid({
  dashboard,
  onLayout,
  renderWidget,
}: {
  dashboard: DashboardWithWidgets;
  onLayout: (items: Record<string, { x: number; y: number; w: number; h: number }>) => void;
  renderWidget: (w: Widget, keyboard: { onKeyDown: (e: React.KeyboardEvent) => void }) => ReactNode;
}) {
  // Measured before the grid first renders: laid out at a guessed width, every widget would animate to
  // the real one (react-grid-layout's CSS transition) and each chart would redraw on every frame of it.
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 1100, measureBeforeMount: true });
  const stored = useMemo(() => toGridItems(dashboard.widgets, dashboard.layout), [dashboard.widgets, dashboard.layout]);
  const [layout, setLayout] = useState<GridItem[]>(stored);
  const interacting = useRef(false);

  // Take the stored layout whenever it changes underneath us (undo, another window, sync) unless the user is mid-drag.
  useEffect(() => {
    if (!interacting.current) setLayout(stored);
  }, [stored]);

  const commit = (next: readonly GridItem[]) => {
    interacting.current = false;
    setLayout(next.map((it) => ({ ...it })));
    const changed = changedItems(next, dashboard.layout);
    if (Object.keys(changed).length) onLayout(changed);
  };

  const keyboard = (id: string) => ({
    onKeyDown: (e: React.KeyboardEvent) => {
      if (!e.altKey || e.target !== e.currentTarget) return;
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
      e.preventDefault();
      const next = keyboardLayout(layout, id, e.key, e.shiftKey);
      if (next) commit(next);
    },
  });

  return (
    <div ref={containerRef} className="grid-wrap">
      {mounted ? (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: COLS, rowHeight: ROW_HEIGHT, margin: MARGIN, containerPadding: [0, 0] }}
          dragConfig={{ enabled: true, handle: '.widget-drag', cancel: '.no-drag', threshold: 4 }}
          resizeConfig={{ enabled: true, handles: ['se'] }}
          compactor={verticalCompactor}
          onDragStart={() => {
            interacting.current = true;
          }}
          onResizeStart={() => {
            interacting.current = true;
          }}
          onDragStop={(l) => commit(l as GridItem[])}
          onResizeStop={(l) => commit(l as GridItem[])}
        >
          {dashboard.widgets.map((w) => (
            <div key={w.id} className="grid-cell">
              {renderWidget(w, keyboard(w.id))}
            </div>
          ))}
        </ReactGridLayout>
      ) : null}
    </div>
  );
}
