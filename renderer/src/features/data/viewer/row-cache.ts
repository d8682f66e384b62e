/**
 * Windows of a dataset's rows for the virtualised viewer: fixed-size blocks fetched on demand, kept in
 * a small LRU, with at most two requests in flight. When the user scrolls faster than rows arrive,
 * blocks that scrolled out of view are never fetched: only the latest visible range is wanted.
 */
import { LRUCache } from 'lru-cache';
import type { Scalar } from '../../../../../shared/model/query.js';

export type FetchRows = (offset: number, limit: number) => Promise<{ rows: Scalar[][]; total: number }>;

export class RowCache {
  private readonly blocks: LRUCache<number, Scalar[][]>;
  private readonly inFlight = new Set<number>();
  private wanted: [number, number] = [0, 0];
  private listeners = new Set<() => void>();
  private closed = false;
  total: number;
  error: unknown = null;

  constructor(
    private readonly fetch: FetchRows,
    total: number,
    readonly blockSize = 200,
    maxBlocks = 60,
    private readonly maxInFlight = 2,
  ) {
    this.total = total;
    this.blocks = new LRUCache({ max: maxBlocks });
  }

  /** The row at `index`, or undefined while its block is loading. */
  get(index: number): Scalar[] | undefined {
    return this.blocks.get(Math.floor(index / this.blockSize))?.[index % this.blockSize];
  }

  /** Declares the visible range [start, end); fetches the blocks it needs, nearest first. */
  want(start: number, end: number): void {
    this.wanted = [Math.max(0, start), Math.min(this.total, end)];
    this.pump();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  /** Block indexes the wanted range needs that are neither cached nor loading. */
  missing(): number[] {
    const [start, end] = this.wanted;
    if (end <= start) return [];
    const out: number[] = [];
    for (let b = Math.floor(start / this.blockSize); b <= Math.floor((end - 1) / this.blockSize); b++) if (!this.blocks.has(b) && !this.inFlight.has(b)) out.push(b);
    return out;
  }

  private pump(): void {
    for (const b of this.missing()) {
      if (this.inFlight.size >= this.maxInFlight) return;
      this.inFlight.add(b);
      this.fetch(b * this.blockSize, this.blockSize).then(
        (r) => {
          this.inFlight.delete(b);
          if (this.closed) return;
          this.blocks.set(b, r.rows);
          this.total = r.total;
          this.error = null;
          this.emit();
          this.pump();
        },
        (e: unknown) => {
          this.inFlight.delete(b);
          if (this.closed) return;
          this.error = e;
          this.emit();
        },
      );
    }
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}
