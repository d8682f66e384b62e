/**
 * Conversions between the dashboard's stored layout (widget id → {x, y, w, h} on a 12-column grid)
 * and react-grid-layout's item list, plus the diff that decides what layout.update must write.
 */
import { moveElement, verticalCompactor, type Layout } from 'react-grid-layout/core';
import type { LayoutItem } from '../../../../../shared/model/dashboard.js';

export const COLS = 12;

export interface GridItem {
  i: string;
  x: number;
  y: number;
  w: number;
  h: number;
  minW?: number;
  minH?: number;
}

export function defaultSize(type: string): { w: number; h: number } {
  if (type === 'kpi') return { w: 3, h: 4 };
  if (type === 'table') return { w: 12, h: 8 };
  return { w: 6, h: 8 };
}

/** Grid items for the widgets, in stored positions; a widget without one goes below the others. */
export function toGridItems(widgets: { id: string; type: string }[], layout: Record<string, LayoutItem>): GridItem[] {
  let bottom = Object.values(layout).reduce((m, it) => Math.max(m, it.y + it.h), 0);
  return widgets.map((w) => {
    const min = w.type === 'kpi' ? { minW: 2, minH: 3 } : { minW: 3, minH: 4 };
    const at = layout[w.id];
    if (at) return { i: w.id, x: at.x, y: at.y, w: at.w, h: at.h, ...min };
    const size = defaultSize(w.type);
    const item = { i: w.id, x: 0, y: bottom, ...size, ...min };
    bottom += size.h;
    return item;
  });
}

/** The items whose position or size differs from what is stored (clamped to the contract's bounds). */
export function changedItems(next: readonly { i: string; x: number; y: number; w: number; h: number }[], stored: Record<string, LayoutItem>): Record<string, LayoutItem> {
  const out: Record<string, LayoutItem> = {};
  for (const it of next) {
    const item: LayoutItem = { x: clamp(it.x, 0, COLS - 1), y: Math.max(0, it.y), w: clamp(it.w, 1, COLS), h: clamp(it.h, 1, 40) };
    const prev = stored[it.i];
    if (!prev || prev.x !== item.x || prev.y !== item.y || prev.w !== item.w || prev.h !== item.h) out[it.i] = item;
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

/** Keyboard move/resize of one item (Alt+arrows moves, Alt+Shift+arrows resizes); other items are compacted by the grid. */
export function nudge(item: GridItem, key: string, resize: boolean): GridItem | null {
  const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  if (!d) return null;
  const [dx, dy] = d as [number, number];
  if (resize) {
    const w = clamp(item.w + dx, item.minW ?? 1, COLS - item.x);
    const h = clamp(item.h + dy, item.minH ?? 1, 40);
    return w === item.w && h === item.h ? null : { ...item, w, h };
  }
  const x = clamp(item.x + dx, 0, COLS - item.w);
  const y = Math.max(0, item.y + dy);
  return x === item.x && y === item.y ? null : { ...item, x, y };
}

/**
 * The layout after a keyboard move or resize of widget `id`, or null when nothing changes. Widgets
 * float up (vertical compaction), so "down" and "up" swap with the neighbour below or above rather
 * than step one row, which compaction would undo at once.
 */
export function keyboardLayout(layout: readonly GridItem[], id: string, key: string, resize: boolean): GridItem[] | null {
  const item = layout.find((l) => l.i === id);
  if (!item) return null;
  let target: GridItem | null;
  if (!resize && (key === 'ArrowUp' || key === 'ArrowDown')) {
    const sharesColumns = (o: GridItem) => o.i !== id && o.x < item.x + item.w && o.x + o.w > item.x;
    if (key === 'ArrowDown') {
      const below = layout.filter((o) => sharesColumns(o) && o.y >= item.y + item.h).sort((a, b) => a.y - b.y)[0];
      target = below ? { ...item, y: below.y + below.h } : null;
    } else {
      const above = layout.filter((o) => sharesColumns(o) && o.y + o.h <= item.y).sort((a, b) => b.y + b.h - (a.y + a.h))[0];
      target = above ? { ...item, y: above.y } : null;
    }
  } else {
    target = nudge(item, key, resize);
  }
  if (!target) return null;
  const copy = layout.map((l) => ({ ...l }));
  const moving = copy.find((l) => l.i === id)!;
  const moved = resize ? copy.map((l) => (l.i === id ? { ...target } : l)) : moveElement(copy as Layout, moving, target.x, target.y, true, false, 'vertical', COLS, false);
  const next = verticalCompactor.compact(moved as Layout, COLS).map((l) => ({ ...l })) as GridItem[];
  const same = next.every((n) => {
    const o = layout.find((l) => l.i === n.i);
    return o && o.x === n.x && o.y === n.y && o.w === n.w && o.h === n.h;
  });
  return same ? null : next;
}
