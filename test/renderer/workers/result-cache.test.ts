import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { ResultCache, RESULT_TTL_MS } from '../../../renderer/src/workers/result-cache.js';
import { canonicalJson, dataKey } from '../../../renderer/src/workers/data-key.js';
import { AnalyticsRuntime, keyOf } from '../../../renderer/src/workers/analytics-runtime.js';
import type { WorkerJob } from '../../../renderer/src/workers/protocol.js';
import { spawner, tick } from './fake-worker.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('result cache', () => {
  it('keeps an answer for five minutes, then computes again', async () => {
    const c = clock();
    const cache = new ResultCache<number>({ now: c.now });
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    c.advance(RESULT_TTL_MS - 1);
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    c.advance(1);
    expect(cache.has('k')).toBe(false);
    expect(await cache.getOrCompute('k', compute)).toBe(2);
    expect(RESULT_TTL_MS).toBe(300_000);
  });

  it('shares one computation between concurrent requests and does not keep failures', async () => {
    const cache = new ResultCache<string>();
    let runs = 0;
    let release!: (v: string) => void;
    const slow = () => {
      runs++;
      return new Promise<string>((r) => (release = r));
    };
    const a = cache.getOrCompute('k', slow);
    const b = cache.getOrCompute('k', slow);
    release('done');
    expect(await Promise.all([a, b])).toEqual(['done', 'done']);
    expect(runs).toBe(1);

    await expect(cache.getOrCompute('bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.has('bad')).toBe(false);
  });

  it('evicts the least recently used entry when full, and drops a prefix', async () => {
    const cache = new ResultCache<number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    await cache.get('a');
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.set('ds1|x', 4);
    cache.deletePrefix('ds1|');
    expect(cache.has('ds1|x')).toBe(false);
  });
});

describe('cache keys', () => {
  const col = (name: string, v: number[]) => numericColumn(name, v);

  it('depend on every value, the names and the parameters, not on key order', () => {
    const base = dataKey('correlate', { method: 'pearson', strongest: 3 }, [col('a', [1, 2, 3]), col('b', [4, 5, 6])]);
    expect(dataKey('correlate', { strongest: 3, method: 'pearson' }, [col('a', [1, 2, 3]), col('b', [4, 5, 6])])).toBe(base);
    expect(dataKey('correlate', { method: 'pearson', strongest: 3 }, [col('a', [1, 2, 3]), col('b', [4, 5, 6.000000001])])).not.toBe(base);
    expect(dataKey('correlate', { method: 'pearson', strongest: 3 }, [col('a', [1, 2, 3]), col('c', [4, 5, 6])])).not.toBe(base);
    expect(dataKey('correlate', { method: 'spearman', strongest: 3 }, [col('a', [1, 2, 3]), col('b', [4, 5, 6])])).not.toBe(base);
    expect(dataKey('correlate', {}, [col('a', [1, 2, 3, NaN])])).not.toBe(dataKey('correlate', {}, [col('a', [1, 2, 3])]));
    expect(canonicalJson({ b: [1, { d: 1, c: undefined }], a: 'x' })).toBe('{"a":"x","b":[1,{"d":1}]}');
  });

  it('key a million-value column, telling apart columns that differ in one value', () => {
    const big = new Float64Array(1_000_000).map((_, i) => i * 0.5);
    const k = dataKey('describe', {}, [{ name: 'x', values: big }]);
    expect(k).toMatch(/^describe\|\{\}\|[0-9a-f]{16}$/);
    big[765_432] = big[765_432]! + 1e-9;
    expect(dataKey('describe', {}, [{ name: 'x', values: big }])).not.toBe(k);
  });
});

describe('analytics runtime', () => {
  const job = (): WorkerJob => ({ kind: 'describe', columns: [numericColumn('x', [1, 2, 3, 4])], options: {} });

  it('answers a repeated job from the cache without another worker run', async () => {
    const s = spawner();
    const rt = new AnalyticsRuntime(s.spawn, { size: 1 });
    const a = await rt.run(job());
    const b = await rt.run(job());
    expect(b).toEqual(a);
    expect(s.spawned.reduce((n, w) => n + w.received.length, 0)).toBe(1);
    expect(rt.cache.has(keyOf(job()))).toBe(true);
    rt.dispose();
  });

  it('cancels a shared computation only when every caller gave up', async () => {
    const s = spawner('manual');
    const rt = new AnalyticsRuntime(s.spawn, { size: 1 });
    const c1 = new AbortController();
    const c2 = new AbortController();
    const p1 = rt.run(job(), { signal: c1.signal });
    const p2 = rt.run(job(), { signal: c2.signal });
    await tick();
    c1.abort();
    await expect(p1).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.spawned[0]!.terminated).toBe(false);
    c2.abort();
    await expect(p2).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.spawned[0]!.terminated).toBe(true);
    // Nothing was kept: the next run computes afresh.
    expect(rt.cache.has(keyOf(job()))).toBe(false);
    rt.dispose();
  });
});
