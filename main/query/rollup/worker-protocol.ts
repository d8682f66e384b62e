/**
 * Messages between the background rollup builder (background.ts, main thread) and its worker
 * (main/workers/rollup.worker.ts), plus the shared "commit turn" flag.
 *
 * The commit turn: before its write transaction the worker sets REQUESTED and posts 'turn'; the main
 * thread, which handles that message between two of its own (synchronous) transactions, sets PARKED
 * and blocks in Atomics.wait until the worker sets DONE. So the app's connection is never inside a
 * transaction while the worker writes, and the worker's write lock cannot make one of its
 * read-then-write transactions fail with SQLITE_BUSY (SQLite does not wait in that case).
 */
import type { BuildOutcome, BuildTarget } from './staged-build.js';

export interface RollupWorkerData {
  /** The store file; the worker opens its own connection to it. */
  file: string;
  /** better-sqlite3 binary built for Electron's ABI, when the services were given one. */
  nativeBinding?: string;
  /** One Int32 holding a TURN state. */
  turn: SharedArrayBuffer;
}

export const TURN = { IDLE: 0, REQUESTED: 1, PARKED: 2, DONE: 3 } as const;

export type BuildPhase = 'reading' | 'aggregated';

export type ToWorker = { type: 'build'; jobId: number; target: BuildTarget; gated: boolean } | { type: 'continue'; jobId: number };

export type FromWorker =
  | { type: 'ready' }
  /** The store could not be opened: no job can run in this worker. */
  | { type: 'fatal'; message: string }
  | { type: 'turn' }
  /** Only for gated jobs: the worker waits for 'continue'. */
  | { type: 'phase'; jobId: number; phase: BuildPhase; attempt: number }
  | { type: 'done'; jobId: number; result: BuildOutcome }
  | { type: 'failed'; jobId: number; message: string };
