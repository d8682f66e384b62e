import { describe, expect, it } from 'vitest';
import { kpiView } from '../../../../../renderer/src/features/dashboards/charts/kpi.js';
import { sparklinePath } from '../../../../../renderer/src/features/dashboards/charts/Sparkline.js';
import type { QueryResult } from '../../../../../shared/model/query.js';

const base: QueryResult = { columns: [{ name: 'sum(revenue)', role: 'y', type: 'number' }], rows: [[150]], source: 'table', elapsedMs: 1 };

describe('KPI cards', () => {
  it('shows what main computed: value, previous period, change and sparkline', () => {
    const k = kpiView({
      ...base,
      kpi: { value: 150, previous: 100, change: 0.5, period: { from: '2025-01-01', to: '2025-02-01' }, previousPeriod: null, sparkline: [1, 2, 3], sparklineX: ['a', 'b', 'c'], sparklineBucket: 'day' },
    });
    expect(k).toMatchObject({ value: 150, previous: 100, change: 0.5, spark: [1, 2, 3], label: 'sum(revenue)' });
  });
  it('falls back to the single value of a plain query', () => {
    expect(kpiView(base)).toMatchObject({ value: 150, previous: null, change: null, spark: [] });
  });
  it('summarises a plain time series by its latest point against the one before', () => {
    const k = kpiView({ ...base, columns: [{ name: 'm', role: 'x', type: 'datetime' }, ...base.columns], rows: [['a', 10], ['b', 8], ['c', 12]] });
    expect(k.value).toBe(12);
    expect(k.previous).toBe(8);
    expect(k.change).toBeCloseTo(0.5);
  });
  it('draws a sparkline path only with two or more points, spanning the box', () => {
    expect(sparklinePath([5], 100, 20)).toBe('');
    const d = sparklinePath([0, null, 10], 100, 20, 0);
    expect(d).toBe('M0.0 20.0 L100.0 0.0');
  });
});
