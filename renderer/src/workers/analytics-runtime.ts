/**
 * The page's analytics runtime: a pool of Web Workers and a five-minute result cache. Widget
 * overlays and quick insights on data already in the page run here; dataset-wide jobs go to main
 * through the contract (its worker_threads) and share the cache. One runtime per app: it is kept per
 * contract client, so two mounted apps (or tests) never share workers or answers.
 *
 * Callers asking for the same data and parameters share one computation; it is cancelled only when
 * every one of them has given up (a caller that aborts alone just stops waiting).
 */
import { UdashError } from '../../../shared/errors.js';
import type { ForecastAnswer } from '../../../shared/analytics/forecast/forecast-series.js';
import type { AnalyticsAnswer } from '../../../shared/analytics/run-job.js';
import { dataKey } from './data-key.js';
import type { ForecastJob, WorkerJob, WorkerLike } from './protocol.js';
import { ResultCache } from './result-cache.js';
import { WorkerPool, type RunOptions } from './worker-pool.js';

type Answer<J extends WorkerJob> = J extends ForecastJob ? ForecastAnswer : AnalyticsAnswer;

interface Flight {
  promise: Promise<unknown>;
  ctrl: AbortController;
  users: number;
  listeners: Set<(phase: string, fraction: number) => void>;
}

export class AnalyticsRuntime {
  readonly cache: ResultCache;
  private readonly pool: WorkerPool;
  private readonly flights = new Map<string, Flight>();

  constructor(spawn: () => WorkerLike, opts: { size?: number; cache?: ResultCache } = {}) {
    this.pool = new WorkerPool({ spawn, size: opts.size ?? defaultPoolSize() });
    this.cache = opts.cache ?? new ResultCache({ maxEntries: 100 });
  }

  /** Runs a job in a worker, answering from the cache when the same data and parameters ran lately. */
  run<J extends WorkerJob>(job: J, opts: Omit<RunOptions, 'transfer'> = {}): Promise<Answer<J>> {
    if (opts.signal?.aborted) return Promise.reject(cancelled());
    const key = keyOf(job);
    let flight = this.flights.get(key);
    if (!flight) {
      const cached = this.cache.get(key);
      if (cached) return cached as Promise<Answer<J>>;
      const ctrl = new AbortController();
      const listeners = new Set<(phase: string, fraction: number) => void>();
      const promise = this.cache.getOrCompute(key, () => this.pool.run(job, { signal: ctrl.signal, onProgress: (phase, f) => listeners.forEach((fn) => fn(phase, f)) }));
      const created: Flight = { promise, ctrl, users: 0, listeners };
      flight = created;
      this.flights.set(key, created);
      promise.then(
        () => this.flights.delete(key),
        () => this.flights.delete(key),
      );
    }
    const f = flight;
    f.users++;
    if (opts.onProgress) f.listeners.add(opts.onProgress);
    const signal = opts.signal;
    if (!signal) return f.promise as Promise<Answer<J>>;
    return new Promise<Answer<J>>((resolve, reject) => {
      const onAbort = () => {
        if (opts.onProgress) f.listeners.delete(opts.onProgress);
        if (--f.users === 0) f.ctrl.abort();
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v as Answer<J>);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  dispose(): void {
    for (const f of this.flights.values()) f.ctrl.abort();
    this.pool.dispose();
  }
}

function cancelled(): UdashError {
  return new UdashError('CANCELLED', 'The analysis was cancelled');
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  // Leave a core for the page; never more than four jobs at once.
  return Math.max(1, Math.min(4, cores - 1));
}

export function keyOf(job: WorkerJob): string {
  switch (job.kind) {
    case 'forecast': {
      const { times, values, ...params } = job.request;
      // Forecast inputs are plain arrays of labels and numbers (a widget's rows): their JSON is the key.
      return `forecast|${JSON.stringify(params)}|${JSON.stringify(times)}|${JSON.stringify(values)}`;
    }
    case 'describe':
    case 'correlate':
      return dataKey(job.kind, job.options, job.columns);
    case 'regress':
      return dataKey(job.kind, job.options, [job.y, ...job.x]);
    case 'distribution':
      return dataKey(job.kind, job.options, [job.column]);
    case 'trend':
      return dataKey(job.kind, { ...job.options, timeKind: job.timeKind }, [job.time, job.value]);
  }
}

const runtimes = new WeakMap<object, AnalyticsRuntime>();

/** The runtime of the app that owns `owner` (its contract client), created on first use. */
export function analyticsRuntimeFor(owner: object, spawn: () => WorkerLike): AnalyticsRuntime {
  let rt = runtimes.get(owner);
  if (!rt) runtimes.set(owner, (rt = new AnalyticsRuntime(spawn)));
  return rt;
}
