/**
 * The main thread's side of the rollup worker (main/workers/rollup.worker.ts): starts it, sends one
 * build at a time, answers its commit-turn requests (worker-protocol.ts) and relays gated phases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../../assets.js';
import type { BuildOutcome, BuildTarget } from './staged-build.js';
import { TURN, type BuildPhase, type FromWorker, type RollupWorkerData, type ToWorker } from './worker-protocol.js';

/** The longest the main thread stays parked for one commit: a safety net, commits take milliseconds. */
const MAX_PARK_MS = 10_000;

/** The bundled worker (scripts/build.mjs --only=workers), or null when it has not been built. */
export function rollupWorkerFile(): string | null {
  try {
    const file = path.join(projectRoot(), 'dist', 'workers', 'rollup.worker.js');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The worker could not start or open the store; builds fall back to the main thread. */
export class WorkerUnavailable extends Error {}

/** The worker stopped while a job ran (terminated on close, or crashed). */
export class WorkerStopped extends Error {}

export type PhaseGate = (phase: BuildPhase, attempt: number) => Promise<void>;

interface Pending {
  jobId: number;
  gate: PhaseGate | null;
  resolve(r: BuildOutcome): void;
  reject(e: Error): void;
}

export class RollupWorkerClient {
  private pending: Pending | null = null;
  private nextJob = 1;
  private stopped = false;
  /** Total time the main thread spent parked for commits (reported by benchmarks). */
  parkedMs = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly turn: Int32Array,
  ) {
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e) => this.stop(new WorkerStopped(`The rollup worker crashed: ${e.stack ?? e.message}`)));
    worker.on('exit', (code) => this.stop(new WorkerStopped(`The rollup worker exited (code ${code})`)));
  }

  static async start(file: string, data: Omit<RollupWorkerData, 'turn'>): Promise<RollupWorkerClient> {
    const turn = new SharedArrayBuffer(4);
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: { ...data, turn } satisfies RollupWorkerData });
    } catch (e) {
      throw new WorkerUnavailable(`The rollup worker did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    const ready = await new Promise<FromWorker | Error>((resolve) => {
      const onExit = (code: number) => resolve(new Error(`exited with code ${code}`));
      const settle = (v: FromWorker | Error) => {
        worker.off('message', settle);
        worker.off('error', settle);
        worker.off('exit', onExit);
        resolve(v);
      };
      worker.on('message', settle);
      worker.on('error', settle);
      worker.on('exit', onExit);
    });
    if (ready instanceof Error || ready.type !== 'ready') {
      await worker.terminate();
      const why = ready instanceof Error ? ready.message : ready.type === 'fatal' ? ready.message : `unexpected message ${ready.type}`;
      throw new WorkerUnavailable(`The rollup worker did not start: ${why}`);
    }
    return new RollupWorkerClient(worker, new Int32Array(turn));
  }

  get alive(): boolean {
    return !this.stopped;
  }

  build(target: BuildTarget, gate: PhaseGate | null): Promise<BuildOutcome> {
    if (this.stopped) return Promise.reject(new WorkerStopped('The rollup worker has stopped'));
    if (this.pending) return Promise.reject(new Error('The rollup worker runs one build at a time'));
    const jobId = this.nextJob++;
    return new Promise<BuildOutcome>((resolve, reject) => {
      this.pending = { jobId, gate, resolve, reject };
      this.post({ type: 'build', jobId, target, gated: gate !== null });
    });
  }

  /** Stops the thread wherever it is (a commit in progress rolls back). */
  async terminate(): Promise<void> {
    this.stop(new WorkerStopped('The rollup build was stopped'));
    await this.worker.terminate();
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private stop(e: WorkerStopped): void {
    this.stopped = true;
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'turn') {
      this.park();
      return;
    }
    const p = this.pending;
    if (!p || !('jobId' in m) || m.jobId !== p.jobId) return;
    if (m.type === 'phase') {
      const go = () => this.post({ type: 'continue', jobId: p.jobId });
      if (!p.gate) go();
      else p.gate(m.phase, m.attempt).then(go, go);
      return;
    }
    this.pending = null;
    if (m.type === 'done') p.resolve(m.result);
    else p.reject(new Error(m.message));
  }

  /** Blocks this thread while the worker commits (see worker-protocol.ts for why). */
  private park(): void {
    // A stopped worker will never say DONE: parking for it would only freeze this thread.
    if (this.stopped || Atomics.compareExchange(this.turn, 0, TURN.REQUESTED, TURN.PARKED) !== TURN.REQUESTED) return;
    const t0 = performance.now();
    Atomics.notify(this.turn, 0);
    Atomics.wait(this.turn, 0, TURN.PARKED, MAX_PARK_MS);
    this.parkedMs += performance.now() - t0;
  }
}
