import { describe, expect, it } from 'vitest';
import { changedItems, keyboardLayout, nudge, toGridItems } from '../../../../../renderer/src/features/dashboards/grid/layout.js';

describe('dashboard layout', () => {
  it('places stored widgets where they were and new ones below everything', () => {
    const items = toGridItems(
      [
        { id: 'a', type: 'line' },
        { id: 'b', type: 'kpi' },
        { id: 'c', type: 'table' },
      ],
      { a: { x: 0, y: 0, w: 6, h: 8 } },
    );
    expect(items.map(({ i, x, y, w, h }) => ({ i, x, y, w, h }))).toEqual([
      { i: 'a', x: 0, y: 0, w: 6, h: 8 },
      { i: 'b', x: 0, y: 8, w: 3, h: 4 },
      { i: 'c', x: 0, y: 12, w: 12, h: 8 },
    ]);
  });

  it('writes only the items that moved or changed size, clamped to the 12-column grid', () => {
    const stored = { a: { x: 0, y: 0, w: 6, h: 8 }, b: { x: 6, y: 0, w: 6, h: 8 } };
    expect(changedItems([{ i: 'a', x: 0, y: 0, w: 6, h: 8 }, { i: 'b', x: 6, y: 0, w: 6, h: 8 }], stored)).toEqual({});
    expect(changedItems([{ i: 'a', x: 0, y: 8, w: 6, h: 8 }, { i: 'b', x: 6, y: 0, w: 6, h: 8 }], stored)).toEqual({ a: { x: 0, y: 8, w: 6, h: 8 } });
    expect(changedItems([{ i: 'n', x: 14, y: -2, w: 20, h: 99 }], stored)).toEqual({ n: { x: 11, y: 0, w: 12, h: 40 } });
  });

  it('nudges with the keyboard inside the grid and respects minimum sizes', () => {
    const it0 = { i: 'a', x: 0, y: 0, w: 6, h: 8, minW: 3, minH: 4 };
    expect(nudge(it0, 'ArrowRight', false)).toMatchObject({ x: 1, y: 0 });
    expect(nudge(it0, 'ArrowLeft', false)).toBeNull();
    expect(nudge(it0, 'ArrowDown', false)).toMatchObject({ y: 1 });
    expect(nudge(it0, 'ArrowRight', true)).toMatchObject({ w: 7 });
    expect(nudge({ ...it0, w: 3 }, 'ArrowLeft', true)).toBeNull();
    expect(nudge({ ...it0, x: 6 }, 'ArrowRight', true)).toBeNull();
    expect(nudge(it0, 'Enter', false)).toBeNull();
  });
});

describe('keyboard layout moves', () => {
  const layout = [
    { i: 'top', x: 0, y: 0, w: 6, h: 4 },
    { i: 'bottom', x: 0, y: 4, w: 6, h: 8 },
    { i: 'side', x: 6, y: 0, w: 6, h: 8 },
  ];
  const at = (l: { i: string; x: number; y: number }[] | null, id: string) => l?.find((x) => x.i === id);

  it('swaps with the neighbour below on Alt+Down and above on Alt+Up', () => {
    const down = keyboardLayout(layout, 'top', 'ArrowDown', false)!;
    expect(at(down, 'bottom')).toMatchObject({ y: 0 });
    expect(at(down, 'top')).toMatchObject({ y: 8 });
    const up = keyboardLayout(down, 'top', 'ArrowUp', false)!;
    expect(at(up, 'top')).toMatchObject({ y: 0 });
    expect(at(up, 'bottom')).toMatchObject({ y: 4 });
  });

  it('does nothing where there is nowhere to go', () => {
    expect(keyboardLayout(layout, 'side', 'ArrowDown', false)).toBeNull();
    expect(keyboardLayout(layout, 'top', 'ArrowUp', false)).toBeNull();
    expect(keyboardLayout(layout, 'top', 'ArrowLeft', false)).toBeNull();
  });

  it('resizes in place, pushing an overlapped widget down', () => {
    const wider = keyboardLayout(layout, 'top', 'ArrowRight', true)!;
    expect(at(wider, 'top')).toMatchObject({ w: 7 });
    expect(at(wider, 'side')!.y).toBeGreaterThanOrEqual(4);
  });
});
