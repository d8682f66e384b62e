/**
 * Keyboard moves over the correlation heatmap: the arrows step one cell (stopping at the edges), Home
 * and End jump along the row. The first key lands on the first off-diagonal cell, the one a click
 * would most likely want.
 *
 * @example
 * nextHeatCell(null, 'ArrowRight', 3); // [1, 0]
 * nextHeatCell([1, 0], 'ArrowDown', 3); // [1, 1]
 */
export type CellPos = [x: number, y: number];

export function nextHeatCell(cell: CellPos | null, key: string, size: number): CellPos | null {
  if (size < 1) return null;
  if (!cell) return ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key) ? [Math.min(1, size - 1), 0] : null;
  const [x, y] = cell;
  const clamp = (v: number) => Math.max(0, Math.min(size - 1, v));
  switch (key) {
    case 'ArrowRight':
      return [clamp(x + 1), y];
    case 'ArrowLeft':
      return [clamp(x - 1), y];
    case 'ArrowDown':
      return [x, clamp(y + 1)];
    case 'ArrowUp':
      return [x, clamp(y - 1)];
    case 'Home':
      return [0, y];
    case 'End':
      return [size - 1, y];
    default:
      return null;
  }
}
