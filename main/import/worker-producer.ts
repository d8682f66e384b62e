/**
 * Runs the producer (parsing and conversion) in a worker_thread so it overlaps with the SQLite
 * inserts on the main thread: on two cores that roughly halves a big import's wall time. Batches
 * arrive with their typed arrays transferred, not copied; the worker stays at most a few batches
 * ahead (credit-based flow control) so memory stays flat on any file size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromErrorPayload, UdashError, type ErrorPayload } from '../../shared/errors.js';
import { projectRoot } from '../assets.js';
import { produce, type ProduceRequest } from './producer.js';
import type { ProducerMessage } from './types.js';

/** Batches the worker may send before the main thread has written them. */
export const CREDITS = 4;

export type WorkerReply = ProducerMessage | { kind: 'error'; error: ErrorPayload; internal?: string };
export type WorkerCommand = { type: 'ack' };

/** The bundled worker (scripts/build.mjs --only=workers), or null when it has not been built. */
export function importWorkerFile(): string | null {
  try {
    const file = path.join(projectRoot(), 'dist', 'workers', 'import.worker.js');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * The producer's messages, parsed in a worker. A worker that cannot start at all (a packaging
 * problem, say) is logged and the file is parsed in this thread instead.
 */
export async function* produceInWorker(workerFile: string, req: ProduceRequest, log: { error(msg: string, e?: unknown): void }): AsyncGenerator<ProducerMessage> {
  let started = false;
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: req });
  } catch (e) {
    log.error('The import worker did not start; parsing in the main thread', e);
    yield* produce(req);
    return;
  }
  const queue: WorkerReply[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let exited = false;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: WorkerReply) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure && !started) {
          log.error('The import worker did not start; parsing in the main thread', failure);
          yield* produce(req);
          return;
        }
        if (failure) {
          log.error('Import worker failed', failure);
          throw new UdashError('INTERNAL', 'The import stopped unexpectedly (the parser failed); details are in the log');
        }
        if (exited) throw new UdashError('INTERNAL', 'The import worker exited before finishing');
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const m = queue.shift()!;
      started = true;
      if (m.kind === 'error') {
        if (m.internal) log.error('Import worker failed', m.internal);
        throw fromErrorPayload(m.error);
      }
      yield m;
      if (m.kind === 'batch') worker.postMessage({ type: 'ack' } satisfies WorkerCommand);
      if (m.kind === 'end') return;
    }
  } finally {
    await worker.terminate();
  }
}
