import type { LayoutItem } from '../../shared/model/dashboard.js';
import type { WidgetType } from '../../shared/model/dashboard.js';

export function defaultSize(type: WidgetType): { w: number; h: number } {
  if (type === 'kpi') return { w: 3, h: 4 };
  if (type === 'table') return { w: 12, h: 8 };
  return { w: 6, h: 8 };
}

/** First free spot of size w×h in a 12-column grid, scanning top-to-bottom, left-to-right. */
export function findFreeSpot(layout: Record<string, LayoutItem>, w: number, h: number): LayoutItem {
  const items = Object.values(layout);
  const overlaps = (x: number, y: number) => items.some((it) => x < it.x + it.w && x + w > it.x && y < it.y + it.h && y + h > it.y);
  const maxY = items.reduce((m, it) => Math.max(m, it.y + it.h), 0);
  for (let y = 0; y <= maxY; y++) for (let x = 0; x + w <= 12; x++) if (!overlaps(x, y)) return { x, y, w, h };
  return { x: 0, y: maxY, w, h };
}
