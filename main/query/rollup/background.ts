/**
 * The background rollup builder, owned by Core: full day-rollup builds run here, off the import's
 * critical path and off the main thread.
 *
 * - Writers' transactions only invalidate a rollup (hook.ts) and call request(); the build starts
 *   after their transaction has ended (the queue is pumped from the event loop, never from inside
 *   the synchronous transaction), and the planner scans the table until it is done.
 * - One job at a time, in a worker_thread with its own connection to the store (staged-build.ts:
 *   aggregate in a read snapshot, commit in a short write transaction, retry if the rows changed).
 *   The worker is started on demand and stopped after a moment of idleness.
 * - Jobs are deduplicated per dataset. A request for the dataset being built marks it to run again
 *   afterwards (that run finds the rollup fresh, or builds it for the newer rows).
 * - healStale(), run when the store opens, queues a low-priority build for every dataset with a time
 *   column but no fresh rollup (an import in a CLI process that exited before its build finished, a
 *   writer that skipped the hooks); those start only after HEAL_DELAY_MS, behind any write's job.
 * - Without a built worker bundle (a source checkout that was never built) or when the worker cannot
 *   open the store, builds run in the main thread instead (logged once): slower for the UI, but
 *   rollups still appear.
 * - close() drops the queue and terminates a running build (its write transaction is atomic).
 *
 * The queue is a Map keyed by dataset, hand-written: deduplication, one job at a time and delayed
 * low-priority entries are a few lines here, and a queue library would still need all three adding.
 */
import { DatasetsRepo, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import type { WorkspacesRepo } from '../../store/workspaces-repo.js';
import type { Logger } from '../../rpc/dispatcher.js';
import { rebuildRollup } from './build.js';
import { freshSpec, rollupTimeColumn } from './spec.js';
import type { BuildOutcome, BuildTarget } from './staged-build.js';
import type { BuildPhase } from './worker-protocol.js';
import { RollupWorkerClient, rollupWorkerFile, WorkerStopped, WorkerUnavailable } from './worker-client.js';

/** Start-up heal builds wait this long, so the app's own start-up work goes first. */
export const HEAL_DELAY_MS = 2_000;
/** An idle worker is stopped after this long. */
const WORKER_IDLE_MS = 1_000;

export type JobReason = 'write' | 'heal';

export interface RollupJobReport extends BuildTarget {
  reason: JobReason;
  outcome: BuildOutcome['outcome'] | 'failed' | 'stopped';
  attempts: number;
  /** Wall time of the build, from start to commit. */
  ms: number;
  ranIn: 'worker' | 'main-thread';
  /** Dataset rows covered and rollup rows written (built only). */
  rows?: number;
  groups?: number;
  dims?: string[];
}

interface Job extends BuildTarget {
  reason: JobReason;
  notBefore: number;
  /** Requested again while it ran. */
  again?: JobReason;
  /** Already retried after a failure in the worker. */
  retried?: boolean;
}

export interface RollupBuilderOptions {
  db: Db;
  workspaces: WorkspacesRepo;
  storeFile: string;
  nativeBinding?: string;
  log: Logger;
  /** The worker bundle; null builds in the main thread. Defaults to dist/workers/rollup.worker.js. */
  workerFile?: string | null;
  healDelayMs?: number;
}

export class RollupBuilder {
  private readonly queue = new Map<string, Job>();
  private readonly datasets: DatasetsRepo;
  private readonly listeners = new Set<(r: RollupJobReport) => void>();
  private idleWaiters: (() => void)[] = [];
  private running: Job | null = null;
  private client: RollupWorkerClient | null = null;
  private starting: Promise<RollupWorkerClient | null> | null = null;
  private workerFile: string | null;
  private pumpQueued = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private paused = false;
  private closed = false;
  /** parkedMs of workers already stopped. */
  private retiredParkedMs = 0;
  /**
   * Awaited by a build at each phase ('reading' with its snapshot open, 'aggregated' before it
   * commits). A seam for tests that interleave writes with a build; null in the app.
   */
  gate: ((phase: BuildPhase, job: BuildTarget & { attempt: number }) => Promise<void>) | null = null;

  constructor(private readonly opts: RollupBuilderOptions) {
    this.datasets = new DatasetsRepo(opts.db);
    this.workerFile = opts.workerFile === undefined ? rollupWorkerFile() : opts.workerFile;
    if (!this.workerFile) opts.log.warn('The rollup worker is not built (node scripts/build.mjs --only=workers); day rollups are built in the main thread');
  }

  /** Asks for a full build of the dataset's rollup. Safe to call inside a transaction. */
  request(rec: Pick<DatasetRecord, 'id' | 'workspaceId'>, reason: JobReason = 'write'): void {
    if (this.closed) return;
    if (this.running?.datasetId === rec.id) {
      if (this.running.again !== 'write') this.running.again = reason;
      return;
    }
    const queued = this.queue.get(rec.id);
    if (queued) {
      if (reason === 'write' && queued.reason === 'heal') Object.assign(queued, { reason, notBefore: 0 });
      return;
    }
    this.queue.set(rec.id, { workspaceId: rec.workspaceId, datasetId: rec.id, reason, notBefore: reason === 'heal' ? Date.now() + (this.opts.healDelayMs ?? HEAL_DELAY_MS) : 0 });
    this.schedule();
  }

  /** Queues a low-priority build for each dataset with a time column and no fresh rollup; returns how many. */
  healStale(): number {
    let n = 0;
    for (const ws of this.opts.workspaces.list()) {
      for (const rec of this.datasets.list(ws.id)) {
        try {
          if (!rollupTimeColumn(rec) || freshSpec(this.opts.db, rec)) continue;
        } catch (e) {
          // Never let a damaged rollup stop the store from opening; queries scan that dataset's table.
          this.opts.log.error(`The day rollup of dataset ${rec.id} could not be read`, e);
          continue;
        }
        this.request(rec, 'heal');
        n++;
      }
    }
    return n;
  }

  /**
   * Resolves once nothing is queued or running (heal jobs included, so it may wait for their delay;
   * while paused, queued jobs keep it waiting).
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Holds back jobs that have not started (a running one finishes). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Calls `fn` after every job; returns the unsubscribe function. */
  onJob(fn: (r: RollupJobReport) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Total time the main thread was parked for worker commits. */
  get parkedMs(): number {
    return this.retiredParkedMs + (this.client?.parkedMs ?? 0);
  }

  /**
   * Builds now, in this thread, in one transaction: what the builder does when it has no worker,
   * and what tests use to settle a dataset synchronously. A queued job for it will find it fresh.
   */
  buildNow(target: BuildTarget, reason: JobReason = 'write'): RollupJobReport {
    const t0 = performance.now();
    const db = this.opts.db;
    const outcome = db
      .transaction((): 'built' | 'fresh' | 'gone' | 'no-time-column' => {
        let rec: DatasetRecord;
        try {
          rec = this.datasets.get(target.workspaceId, target.datasetId);
        } catch {
          return 'gone';
        }
        if (!rollupTimeColumn(rec)) return 'no-time-column';
        if (freshSpec(db, rec)) return 'fresh';
        rebuildRollup(db, rec);
        return 'built';
      })
      .immediate();
    return { ...target, reason, outcome, attempts: 1, ms: performance.now() - t0, ranIn: 'main-thread' };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.clear();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const client = this.client ?? (await this.starting?.catch(() => null));
    this.retire();
    await client?.terminate();
    this.settleIdle();
  }

  private isIdle(): boolean {
    return this.closed || (this.running === null && this.queue.size === 0);
  }

  private settleIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private schedule(): void {
    if (this.pumpQueued || this.closed) return;
    this.pumpQueued = true;
    // setImmediate, not a direct call: request() runs inside the writer's transaction.
    setImmediate(() => {
      this.pumpQueued = false;
      void this.pump();
    });
  }

  /** Write jobs first (in request order), then heal jobs whose delay has passed. */
  private next(now: number): Job | undefined {
    const jobs = [...this.queue.values()];
    return jobs.find((j) => j.reason === 'write') ?? jobs.find((j) => j.notBefore <= now);
  }

  private async pump(): Promise<void> {
    if (this.running || this.paused || this.closed) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    const now = Date.now();
    const job = this.next(now);
    if (!job) {
      if (this.queue.size > 0) {
        const due = Math.min(...[...this.queue.values()].map((j) => j.notBefore));
        // Unref'd: a pending heal never keeps a finished CLI command alive.
        this.wakeTimer = setTimeout(() => this.schedule(), Math.max(0, due - now)).unref();
      } else {
        this.stopWorkerWhenIdle();
        this.settleIdle();
      }
      return;
    }
    this.queue.delete(job.datasetId);
    this.running = job;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    let report: RollupJobReport;
    try {
      report = await this.execute(job);
    } catch (e) {
      this.opts.log.error(`Day rollup build of dataset ${job.datasetId} failed`, e);
      report = { workspaceId: job.workspaceId, datasetId: job.datasetId, reason: job.reason, outcome: 'failed', attempts: 1, ms: 0, ranIn: 'worker' };
    }
    this.running = null;
    if (job.again && !this.closed) this.request({ id: job.datasetId, workspaceId: job.workspaceId }, job.again);
    // A worker that crashed mid-build gets one more try (in a fresh worker) before the next write or start.
    else if (report.outcome === 'failed' && report.ranIn === 'worker' && !job.retried && !this.closed) this.requeue({ ...job, retried: true });
    if (report.outcome === 'built' || report.outcome === 'changing') this.opts.log.info(`day rollup of dataset ${job.datasetId}: ${report.outcome} in ${Math.round(report.ms)} ms (${report.attempts} attempt(s), ${report.ranIn})`);
    for (const l of this.listeners) {
      try {
        l(report);
      } catch (e) {
        this.opts.log.error('A rollup job listener failed', e);
      }
    }
    this.schedule();
  }

  /** Forgets the current worker (stopped or about to be), keeping its statistics. */
  private retire(): void {
    this.retiredParkedMs += this.client?.parkedMs ?? 0;
    this.client = null;
  }

  private requeue(job: Job): void {
    if (!this.queue.has(job.datasetId)) this.queue.set(job.datasetId, job);
  }

  private async execute(job: Job): Promise<RollupJobReport> {
    const t0 = performance.now();
    const target = { workspaceId: job.workspaceId, datasetId: job.datasetId };
    const base = { ...target, reason: job.reason };
    const client = await this.worker();
    if (this.closed) return { ...base, outcome: 'stopped', attempts: 0, ms: performance.now() - t0, ranIn: 'worker' };
    if (!client) {
      try {
        return this.buildNow(target, job.reason);
      } catch (e) {
        this.opts.log.error(`Day rollup build of dataset ${job.datasetId} failed`, e);
        return { ...base, outcome: 'failed', attempts: 1, ms: performance.now() - t0, ranIn: 'main-thread' };
      }
    }
    const gate = this.gate;
    try {
      const r = await client.build(target, gate ? (phase, attempt) => gate(phase, { ...target, attempt }) : null);
      return { ...base, ...r, ms: performance.now() - t0, ranIn: 'worker' };
    } catch (e) {
      if (e instanceof WorkerStopped) {
        this.retire();
        if (this.closed) return { ...base, outcome: 'stopped', attempts: 0, ms: performance.now() - t0, ranIn: 'worker' };
      }
      this.opts.log.error(`Day rollup build of dataset ${job.datasetId} failed in the worker`, e);
      return { ...base, outcome: 'failed', attempts: 1, ms: performance.now() - t0, ranIn: 'worker' };
    }
  }

  /** The running worker, started if needed; null when builds must run in this thread. */
  private async worker(): Promise<RollupWorkerClient | null> {
    if (this.client?.alive) return this.client;
    if (this.client) this.retire(); // it crashed
    if (!this.workerFile) return null;
    this.starting ??= RollupWorkerClient.start(this.workerFile, { file: this.opts.storeFile, ...(this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {}) }).then(
      (c) => c,
      (e: unknown) => {
        if (!(e instanceof WorkerUnavailable)) throw e;
        this.opts.log.error(`${e.message}; day rollups are built in the main thread from now on`);
        this.workerFile = null;
        return null;
      },
    );
    try {
      this.client = await this.starting;
    } finally {
      this.starting = null;
    }
    if (this.closed && this.client) {
      await this.client.terminate();
      this.client = null;
    }
    return this.client;
  }

  private stopWorkerWhenIdle(): void {
    if (!this.client || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const c = this.client;
      if (!c || this.running) return;
      this.retire();
      void c.terminate();
    }, WORKER_IDLE_MS).unref();
  }
}
