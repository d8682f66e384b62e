/**
 * Analytics answers kept for a while (five minutes, as the product brief asks), keyed by the data and
 * the parameters, so reopening a panel or redrawing a widget does not recompute. Concurrent requests
 * for the same key share one computation; a failed computation is not kept. Least recently used
 * entries go first when the cache is full.
 */
export const RESULT_TTL_MS = 5 * 60_000;

interface Entry<V> {
  value: Promise<V>;
  expires: number;
  settled: boolean;
}

export class ResultCache<V = unknown> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  private get ttl(): number {
    return this.opts.ttlMs ?? RESULT_TTL_MS;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** The answer for `key` if one is kept and still fresh (or being computed). */
  get(key: string): Promise<V> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.settled && e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The kept answer, or `compute()`'s, kept from when it settles. */
  getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit) return hit;
    // The callbacks run after `entry` is assigned (a promise settles asynchronously).
    const entry: Entry<V> = {
      value: compute().then(
        (v) => {
          entry.settled = true;
          entry.expires = this.now() + this.ttl;
          return v;
        },
        (e: unknown) => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          throw e;
        },
      ),
      expires: Infinity,
      settled: false,
    };
    this.entries.set(key, entry);
    this.evict();
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value: Promise.resolve(value), expires: this.now() + this.ttl, settled: true });
    this.evict();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key that starts with `prefix` (a dataset's answers after its rows changed). */
  deletePrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    const max = this.opts.maxEntries ?? 64;
    for (const k of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(k);
    }
  }
}
