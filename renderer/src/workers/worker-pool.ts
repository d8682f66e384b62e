/**
 * Runs analytics jobs in Web Workers. Each running job owns a worker, so cancelling is terminating
 * that worker: the engine stops wherever it is, with nothing to clean up, and the page never waits
 * for a loop to notice a flag. Idle workers are kept a while for the next job (startup costs a
 * module load); at most `size` run at once and further jobs queue.
 */
import { fromErrorPayload, UdashError } from '../../../shared/errors.js';
import type { FromWorker, WorkerJob, WorkerLike } from './protocol.js';

export interface RunOptions {
  onProgress?: (phase: string, fraction: number) => void;
  signal?: AbortSignal;
  /** Buffers handed to the worker instead of copied (the caller must not use them afterwards). */
  transfer?: Transferable[];
}

interface Pending {
  id: number;
  job: WorkerJob;
  opts: RunOptions;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface PoolOptions {
  spawn: () => WorkerLike;
  /** Jobs running at once. */
  size?: number;
  /** An idle worker is terminated after this long. */
  idleMs?: number;
}

export class WorkerPool {
  private readonly idle: { worker: WorkerLike; timer: ReturnType<typeof setTimeout> }[] = [];
  private readonly queue: Pending[] = [];
  private running = 0;
  private seq = 0;
  private readonly size: number;
  private readonly idleMs: number;

  constructor(private readonly opts: PoolOptions) {
    this.size = Math.max(1, opts.size ?? 2);
    this.idleMs = opts.idleMs ?? 60_000;
  }

  run<T>(job: WorkerJob, opts: RunOptions = {}): Promise<T> {
    if (opts.signal?.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { id: ++this.seq, job, opts, resolve: resolve as (v: unknown) => void, reject };
      this.queue.push(p);
      opts.signal?.addEventListener(
        'abort',
        () => {
          const at = this.queue.indexOf(p);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(cancelled());
          }
        },
        { once: true },
      );
      this.pump();
    });
  }

  /** Workers alive now (running and idle), for tests and diagnostics. */
  get workers(): number {
    return this.running + this.idle.length;
  }

  dispose(): void {
    for (const w of this.idle.splice(0)) {
      clearTimeout(w.timer);
      w.worker.terminate();
    }
    for (const p of this.queue.splice(0)) p.reject(cancelled());
  }

  private pump(): void {
    while (this.running < this.size && this.queue.length) this.start(this.queue.shift()!);
  }

  private take(): WorkerLike {
    const entry = this.idle.pop();
    if (entry) {
      clearTimeout(entry.timer);
      return entry.worker;
    }
    return this.opts.spawn();
  }

  private release(worker: WorkerLike): void {
    worker.onmessage = null;
    worker.onerror = null;
    const timer = setTimeout(() => {
      const at = this.idle.findIndex((e) => e.worker === worker);
      if (at >= 0) this.idle.splice(at, 1);
      worker.terminate();
    }, this.idleMs);
    this.idle.push({ worker, timer });
  }

  private start(p: Pending): void {
    this.running++;
    const worker = this.take();
    let done = false;
    const finish = (reuse: boolean, settle: () => void) => {
      if (done) return;
      done = true;
      this.running--;
      p.opts.signal?.removeEventListener('abort', onAbort);
      if (reuse) this.release(worker);
      else worker.terminate();
      settle();
      this.pump();
    };
    const onAbort = () => finish(false, () => p.reject(cancelled()));
    p.opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.id !== p.id) return;
      if (m.type === 'progress') p.opts.onProgress?.(m.phase, m.fraction);
      else if (m.type === 'result') finish(true, () => p.resolve(m.value));
      else finish(true, () => p.reject(fromErrorPayload(m.error)));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      finish(false, () => p.reject(new UdashError('INTERNAL', `The analysis worker failed: ${e.message || 'unknown error'}`)));
    };
    worker.postMessage({ type: 'run', id: p.id, job: p.job }, p.opts.transfer ?? []);
  }
}

function cancelled(): UdashError {
  return new UdashError('CANCELLED', 'The analysis was cancelled');
}
