/**
 * worker_thread entry for big imports: runs the producer (main/import/producer.ts) on the file named
 * in workerData and posts plan, batches (typed arrays transferred) and the end, waiting for an ack
 * whenever CREDITS batches are unwritten. See main/import/worker-producer.ts for the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUdashError } from '../../shared/errors.js';
import { produce, type ProduceRequest } from '../import/producer.js';
import { CREDITS, type WorkerCommand, type WorkerReply } from '../import/worker-producer.js';

const port = parentPort!;
let credits = CREDITS;
let waiting: (() => void) | null = null;

port.on('message', (m: WorkerCommand) => {
  if (m.type === 'ack') {
    credits++;
    const w = waiting;
    waiting = null;
    w?.();
  }
});

async function run(): Promise<void> {
  try {
    for await (const m of produce(workerData as ProduceRequest)) {
      if (m.kind === 'batch') {
        while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
        credits--;
        const transfer = m.batch.columns.flatMap((c) => (c instanceof Float64Array ? [c.buffer as ArrayBuffer] : Array.isArray(c) ? [] : [c.codes.buffer as ArrayBuffer]));
        port.postMessage(m satisfies WorkerReply, transfer);
      } else {
        port.postMessage(m satisfies WorkerReply);
      }
    }
  } catch (e) {
    const reply: WorkerReply = isUdashError(e)
      ? { kind: 'error', error: e.toPayload() }
      : { kind: 'error', error: { code: 'INTERNAL', message: 'The import failed unexpectedly; details are in the log' }, internal: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(reply);
  }
  port.close();
}

void run();
