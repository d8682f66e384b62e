/**
 * Group commit. Updates from every document are collected during one turn of the event loop and
 * appended in one transaction; each caller's promise resolves when its batch is durable. While a
 * batch is being committed (PostgreSQL is asynchronous) new updates gather into the next one, so
 * there is at most one transaction in flight and batches commit in order, which keeps broadcasts
 * in the order the updates were applied.
 */
import type { DocStore, DocUpdate } from './doc-store.js';

interface Batch {
  items: DocUpdate[];
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers attach their own handlers; this keeps an unobserved failure from crashing the process.
  promise.catch(() => undefined);
  return { items: [], promise, resolve, reject };
}

export interface WriteQueueObserver {
  committed?(count: number, ms: number): void;
  failed?(count: number, error: unknown): void;
}

export class WriteQueue {
  private open: Batch = newBatch();
  /** Full batches waiting for their turn, oldest first. */
  private readonly ready: Batch[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly store: DocStore,
    private readonly observer: WriteQueueObserver = {},
    private readonly maxBatch = 2000,
  ) {}

  /** Queues one update; the promise resolves once it is committed (rejects if the commit fails). */
  enqueue(doc: string, update: Uint8Array): Promise<void> {
    const batch = this.open;
    batch.items.push({ doc, update });
    if (batch.items.length >= this.maxBatch) {
      this.ready.push(batch);
      this.open = newBatch();
    }
    this.schedule();
    return batch.promise;
  }

  get pending(): number {
    return this.open.items.length + this.ready.reduce((n, b) => n + b.items.length, 0);
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commitNext();
    });
  }

  private async commitNext(): Promise<void> {
    if (this.inFlight) return;
    if (this.ready.length === 0 && this.open.items.length > 0) {
      this.ready.push(this.open);
      this.open = newBatch();
    }
    const batch = this.ready.shift();
    if (!batch) return;
    const t0 = performance.now();
    this.inFlight = this.store.append(batch.items).then(
      () => {
        this.observer.committed?.(batch.items.length, performance.now() - t0);
        batch.resolve();
      },
      (e) => {
        this.observer.failed?.(batch.items.length, e);
        batch.reject(e);
      },
    );
    await this.inFlight;
    this.inFlight = null;
    if (this.ready.length > 0 || this.open.items.length > 0) this.schedule();
  }

  /** Resolves when everything queued so far is committed (or has failed). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.inFlight) await this.inFlight;
      if (this.open.items.length === 0 && this.ready.length === 0 && !this.inFlight) return;
      if (!this.inFlight) await this.commitNext();
    }
  }
}
