import { describe, expect, it } from 'vitest';
import { RowCache } from '../../../../../renderer/src/features/data/viewer/row-cache.js';

/** A fake datasets.rows over `total` rows whose calls the test resolves by hand. */
function source(total: number) {
  const calls: { offset: number; limit: number; resolve: () => void }[] = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<{ rows: number[][]; total: number }>((res) => {
      calls.push({ offset, limit, resolve: () => res({ rows: Array.from({ length: Math.min(limit, total - offset) }, (_, i) => [offset + i]), total }) });
    });
  return { fetch, calls };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('row cache for the table viewer', () => {
  it('fetches the blocks covering the visible range, at most two at a time', async () => {
    const src = source(1_000_000);
    const cache = new RowCache(src.fetch, 1_000_000, 100);
    cache.want(0, 350);
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100]);
    src.calls[0]!.resolve();
    await flush();
    expect(cache.get(42)).toEqual([42]);
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100, 200]);
  });

  it('after a fast scroll fetches only what is visible now', async () => {
    const src = source(1_000_000);
    const cache = new RowCache(src.fetch, 1_000_000, 100);
    cache.want(0, 50);
    cache.want(500_000, 500_050);
    cache.want(900_000, 900_050);
    // Two slots: the first range and the second took them; the third waits for a free slot.
    src.calls[0]!.resolve();
    await flush();
    expect(src.calls.at(-1)!.offset).toBe(900_000);
    src.calls[1]!.resolve();
    src.calls[2]!.resolve();
    await flush();
    expect(cache.get(900_010)).toEqual([900_010]);
    // The middle range scrolled away before it was asked for again: nothing more is fetched.
    expect(src.calls).toHaveLength(3);
  });

  it('evicts old blocks and fetches them again when scrolled back', async () => {
    const src = source(10_000);
    const cache = new RowCache(src.fetch, 10_000, 100, 2);
    for (const start of [0, 1000, 2000]) {
      cache.want(start, start + 10);
      src.calls.at(-1)!.resolve();
      await flush();
    }
    expect(cache.get(5)).toBeUndefined();
    expect(cache.get(2005)).toEqual([2005]);
    cache.want(0, 10);
    expect(src.calls.at(-1)!.offset).toBe(0);
  });

  it('tells listeners when rows arrive and stops after close', async () => {
    const src = source(1000);
    const cache = new RowCache(src.fetch, 1000, 100);
    let changes = 0;
    cache.onChange(() => changes++);
    cache.want(0, 10);
    src.calls[0]!.resolve();
    await flush();
    expect(changes).toBe(1);
    cache.close();
    cache.want(500, 510);
    src.calls.at(-1)!.resolve();
    await flush();
    expect(changes).toBe(1);
  });
});
