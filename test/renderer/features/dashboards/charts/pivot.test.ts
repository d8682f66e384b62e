import { describe, expect, it } from 'vitest';
import { pivot } from '../../../../../renderer/src/features/dashboards/charts/pivot.js';
import type { QueryResult } from '../../../../../shared/model/query.js';

const result = (columns: QueryResult['columns'], rows: QueryResult['rows']): QueryResult => ({ columns, rows, source: 'table', elapsedMs: 1 });

describe('pivot', () => {
  it('keeps one series per measure without a series field', () => {
    const p = pivot(
      result(
        [
          { name: 'month', role: 'x', type: 'datetime' },
          { name: 'sum(revenue)', role: 'y', type: 'number' },
          { name: 'count(*)', role: 'y', type: 'integer' },
        ],
        [
          ['2025-01-01', 10, 1],
          ['2025-02-01', 20, 2],
        ],
      ),
    );
    expect(p.x).toEqual(['2025-01-01', '2025-02-01']);
    expect(p.series.map((s) => [s.name, s.values])).toEqual([
      ['sum(revenue)', [10, 20]],
      ['count(*)', [1, 2]],
    ]);
  });

  it('splits by the series field, leaves gaps as null and orders groups by size', () => {
    const p = pivot(
      result(
        [
          { name: 'day', role: 'x', type: 'datetime' },
          { name: 'channel', role: 'series', type: 'text' },
          { name: 'sum(v)', role: 'y', type: 'number' },
        ],
        [
          ['d1', 'web', 1],
          ['d1', 'store', 50],
          ['d2', 'web', 2],
          ['d3', 'store', 70],
        ],
      ),
    );
    expect(p.x).toEqual(['d1', 'd2', 'd3']);
    expect(p.series.map((s) => s.name)).toEqual(['store', 'web']);
    expect(p.series[0]!.values).toEqual([50, null, 70]);
    expect(p.series[1]!.values).toEqual([1, 2, null]);
  });

  it('caps the number of groups, keeping the largest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['x', `g${i}`, i] as (string | number)[]);
    const p = pivot(result([{ name: 'x', role: 'x', type: 'text' }, { name: 'g', role: 'series', type: 'text' }, { name: 'v', role: 'y', type: 'number' }], rows), 5);
    expect(p.series.map((s) => s.name)).toEqual(['g29', 'g28', 'g27', 'g26', 'g25']);
  });

  it('turns numeric text into numbers and garbage into gaps', () => {
    const p = pivot(result([{ name: 'x', role: 'x', type: 'text' }, { name: 'v', role: 'y', type: 'number' }], [['a', '3.5'], ['b', 'n/a'], ['c', null]]));
    expect(p.series[0]!.values).toEqual([3.5, null, null]);
  });
});
