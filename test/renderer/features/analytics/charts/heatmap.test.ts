/** The correlation heatmap: keyboard moves between cells, the cell in words, the focused cell drawn. */
import { describe, expect, it } from 'vitest';
import { nextHeatCell } from '../../../../../renderer/src/features/analytics/charts/heatmap-keys.js';
import { correlationHeatmapOption, describeCell, heatmapCells } from '../../../../../renderer/src/features/analytics/charts/heatmap-option.js';
import { chartPalette } from '../../../../../renderer/src/features/dashboards/charts/palette.js';
import type { CorrelateResult } from '../../../../../shared/contract/analytics.js';

const result: CorrelateResult = {
  method: 'spearman',
  columns: ['a', 'b', 'c'],
  matrix: [
    [1, 0.81234, -0.2],
    [0.81234, 1, null],
    [-0.2, null, 1],
  ],
  pValues: [
    [0, 0.00001, 0.2],
    [0.00001, 0, null],
    [0.2, null, 0],
  ],
  n: [
    [10, 10, 9],
    [10, 10, 0],
    [9, 0, 9],
  ],
  strongest: [],
  notices: [],
};

describe('heatmap keys', () => {
  it('lands first on the first off-diagonal cell, then steps and stops at the edges', () => {
    expect(nextHeatCell(null, 'ArrowDown', 3)).toEqual([1, 0]);
    expect(nextHeatCell(null, 'Enter', 3)).toBeNull();
    expect(nextHeatCell([1, 0], 'ArrowDown', 3)).toEqual([1, 1]);
    expect(nextHeatCell([2, 1], 'ArrowRight', 3)).toEqual([2, 1]);
    expect(nextHeatCell([0, 0], 'ArrowUp', 3)).toEqual([0, 0]);
    expect(nextHeatCell([1, 2], 'Home', 3)).toEqual([0, 2]);
    expect(nextHeatCell([0, 2], 'End', 3)).toEqual([2, 2]);
    expect(nextHeatCell([0, 0], 'a', 3)).toBeNull();
    expect(nextHeatCell(null, 'ArrowRight', 1)).toEqual([0, 0]);
  });
});

describe('heatmap option', () => {
  it('words a cell as row × column with the coefficient, p-value and n', () => {
    expect(describeCell(result, 1, 0)).toEqual({ pair: 'a × b', text: 'ρ = 0.812, p < 0.0001, n = 10' });
    expect(describeCell(result, 2, 1)).toEqual({ pair: 'b × c', text: 'ρ = undefined, p —, n = 0' });
  });

  it('has a cell per pair, draws the focused one with a border, and tooltips name the pair on its own line', () => {
    expect(heatmapCells(result)).toHaveLength(9);
    const pal = chartPalette('light');
    const plain = correlationHeatmapOption(result, pal);
    const data = (plain.series as { data: unknown[] }[])[0]!.data;
    expect(data.every(Array.isArray)).toBe(true);
    const focused = correlationHeatmapOption(result, pal, [2, 0]);
    const cells = (focused.series as { data: unknown[] }[])[0]!.data;
    const marked = cells.filter((c) => !Array.isArray(c)) as { value: unknown; itemStyle: { borderColor: string; borderWidth: number } }[];
    expect(marked).toEqual([{ value: [2, 0, -0.2], itemStyle: { borderColor: pal.text, borderWidth: 3 } }]);
    const tip = (focused.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [2, 0, -0.2] });
    expect(tip).toBe('<div data-pair>a × c</div>ρ = -0.200, p = 0.2000, n = 9<br/><i>Click for the scatter plot</i>');
    expect((focused.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [1, 1, 1] })).not.toContain('Click');
  });
});
