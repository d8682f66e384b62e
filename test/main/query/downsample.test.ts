import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttbIndices, minMaxIndices } from '../../../main/query/downsample.js';
import { testServices } from '../../helpers/home.js';
import { createDataset, type Cell } from './fixtures.js';

/** A noisy wave with sharp one-point spikes up and down: what a naive stride sampler loses. */
function spiky(n: number, seed: number): number[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const ys = Array.from({ length: n }, (_, i) => Math.sin(i / 50) * 10 + rand());
  ys[Math.floor(n * 0.37)] = 500;
  ys[Math.floor(n * 0.371)] = -480; // right next to the peak: both must survive
  ys[Math.floor(n * 0.8)] = 300;
  return ys;
}

describe('LTTB and min-max downsampling', () => {
  it('keep the global maximum and minimum of a spiky series, within the point budget', () => {
    const ys = spiky(10_000, 7);
    const xs = ys.map((_, i) => i * 1000);
    for (const picked of [lttbIndices(xs, ys, 200), minMaxIndices(ys.length, [ys], 200)]) {
      const kept = picked.map((i) => ys[i]!);
      expect(picked.length).toBeLessThanOrEqual(200);
      expect(Math.max(...kept)).toBe(500);
      expect(Math.min(...kept)).toBe(-480);
      expect(kept).toContain(300);
      expect(picked[0]).toBe(0);
      expect(picked.at(-1)).toBe(ys.length - 1);
      expect(picked).toEqual([...picked].sort((a, b) => a - b));
    }
  });

  it('always keep the extremes, the ends and the order, for any series and budget (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 600 }), fc.integer({ min: 4, max: 100 }), (ys, threshold) => {
        const xs = ys.map((_, i) => i);
        const lttb = lttbIndices(xs, ys, threshold);
        const mm = minMaxIndices(ys.length, [ys], threshold);
        for (const picked of [lttb, mm]) {
          expect(picked.length).toBeLessThanOrEqual(threshold);
          expect(new Set(picked).size).toBe(picked.length);
          expect(picked).toEqual([...picked].sort((a, b) => a - b));
          expect(Math.max(...picked.map((i) => ys[i]!))).toBe(Math.max(...ys));
          expect(Math.min(...picked.map((i) => ys[i]!))).toBe(Math.min(...ys));
        }
        if (ys.length > threshold) expect(lttb).toHaveLength(threshold);
      }),
      { numRuns: 300 },
    );
  });

  it('leave short series alone', () => {
    expect(lttbIndices([1, 2, 3], [5, 6, 7], 10)).toEqual([0, 1, 2]);
    expect(minMaxIndices(3, [[5, 6, 7]], 10)).toEqual([0, 1, 2]);
  });
});

describe('downsampling query results (maxPoints)', () => {
  it('reduces each series on its own, keeps its peaks and says what it did', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const ys = spiky(3000, 3);
    const rows: Cell[][] = [];
    const t0 = Date.UTC(2024, 0, 1);
    ys.forEach((y, i) => {
      rows.push([new Date(t0 + i * 3_600_000).toISOString(), 'a', null, y, 1, false, null]);
      rows.push([new Date(t0 + i * 3_600_000).toISOString(), 'b', null, -y, 1, false, null]);
    });
    const rec = createDataset(svc, ws, 'sensor', [
      { name: 'time', type: 'datetime' },
      { name: 'sensor', type: 'text' },
      { name: 'unused', type: 'text' },
      { name: 'value', type: 'number' },
      { name: 'n', type: 'integer' },
      { name: 'flag', type: 'boolean' },
      { name: 'note', type: 'text' },
    ], rows);
    const query = { datasetId: rec.id, x: { field: 'time', bucket: 'hour' as const }, series: 'sensor', y: [{ agg: 'sum' as const, field: 'value' }], maxPoints: 150 };
    const r = await svc.dispatcher.call('query.run', { workspaceId: ws, query });
    expect(r.downsampled).toEqual({ method: 'lttb', from: 6000, to: r.rows.length });
    for (const [name, sign] of [['a', 1], ['b', -1]] as const) {
      const series = r.rows.filter((row) => row[1] === name);
      expect(series.length).toBeLessThanOrEqual(150);
      const values = series.map((row) => row[2] as number);
      expect(Math.max(...values)).toBe(Math.max(...ys.map((y) => sign * y)));
      expect(Math.min(...values)).toBe(Math.min(...ys.map((y) => sign * y)));
      const xs = series.map((row) => row[0] as string);
      expect(xs).toEqual([...xs].sort());
    }
    // Two measures share the rows: min-max keeps the extremes of both.
    const two = await svc.dispatcher.call('query.run', { workspaceId: ws, query: { ...query, series: undefined, filters: [{ field: 'sensor', op: 'eq', value: 'a' }], y: [{ agg: 'max', field: 'value' }, { agg: 'min', field: 'value', as: 'low' }], maxPoints: 100 } });
    expect(two.downsampled?.method).toBe('minmax');
    expect(two.rows.length).toBeLessThanOrEqual(100);
    expect(Math.max(...two.rows.map((row) => row[1] as number))).toBe(500);
    expect(Math.min(...two.rows.map((row) => row[2] as number))).toBe(-480);
    // Under the bound: untouched.
    const daily = await svc.dispatcher.call('query.run', { workspaceId: ws, query: { ...query, x: { field: 'time', bucket: 'day' } } });
    expect(daily.downsampled).toBeUndefined();
  });
});
