/**
 * worker_thread entry of the background rollup builder: opens its own connection to the store and
 * runs one stagedBuild at a time as main/query/rollup/background.ts asks (protocol in
 * main/query/rollup/worker-protocol.ts). Terminating it at any point is safe: phase 1 only writes
 * TEMP tables, and phase 2 is one transaction.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { stagedBuild } from '../query/rollup/staged-build.js';
import { TURN, type FromWorker, type RollupWorkerData, type ToWorker } from '../query/rollup/worker-protocol.js';

const port = parentPort!;
const data = workerData as RollupWorkerData;
const turn = new Int32Array(data.turn);
const post = (m: FromWorker) => port.postMessage(m);
const continues = new Map<number, () => void>();

function commitTurn<T>(fn: () => T): T {
  Atomics.store(turn, 0, TURN.REQUESTED);
  post({ type: 'turn' });
  while (Atomics.load(turn, 0) !== TURN.PARKED) Atomics.wait(turn, 0, TURN.REQUESTED, 1000);
  try {
    return fn();
  } finally {
    Atomics.store(turn, 0, TURN.DONE);
    Atomics.notify(turn, 0);
  }
}

let db: Database.Database;
try {
  db = new Database(data.file, { fileMustExist: true, timeout: 5000, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  // Aggregation sorts and the staged rollup stay in memory (a rollup is at most ~150k small rows).
  db.pragma('temp_store = MEMORY');
  // As the app's connection (main/store/db.ts): no fsync at each commit in WAL mode, which also keeps
  // the main thread's wait for the commit short.
  db.pragma('synchronous = NORMAL');
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}

async function build(m: Extract<ToWorker, { type: 'build' }>): Promise<void> {
  const phase = (name: 'reading' | 'aggregated') => async (attempt: number) => {
    if (!m.gated) return;
    const resumed = new Promise<void>((resolve) => continues.set(m.jobId, resolve));
    post({ type: 'phase', jobId: m.jobId, phase: name, attempt });
    await resumed;
    continues.delete(m.jobId);
  };
  try {
    const result = await stagedBuild(db, m.target, { commitTurn, onReading: phase('reading'), onAggregated: phase('aggregated') });
    post({ type: 'done', jobId: m.jobId, result });
  } catch (e) {
    post({ type: 'failed', jobId: m.jobId, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'continue') continues.get(m.jobId)?.();
  else void build(m);
});
