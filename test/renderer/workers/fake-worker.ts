/**
 * A stand-in for a Web Worker in Node: messages are structured-cloned both ways (as a real worker
 * does) and delivered asynchronously. In 'engine' mode the worker side is the real handleMessage
 * running the analytics engine; in 'manual' mode the test answers.
 */
import { handleMessage } from '../../../renderer/src/workers/handle-message.js';
import type { FromWorker, ToWorker, WorkerLike } from '../../../renderer/src/workers/protocol.js';

export class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];

  constructor(private readonly mode: 'engine' | 'manual' = 'engine') {}

  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (this.mode === 'engine') setTimeout(() => !this.terminated && handleMessage(copy, (m) => this.reply(m)), 0);
  }

  /** Sends a message to the page, as the worker would. */
  reply(m: FromWorker): void {
    const copy = structuredClone(m);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
    }, 0);
  }

  crash(message: string): void {
    setTimeout(() => this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

export function spawner(mode: 'engine' | 'manual' = 'engine') {
  const spawned: FakeWorker[] = [];
  return {
    spawned,
    spawn: () => {
      const w = new FakeWorker(mode);
      spawned.push(w);
      return w;
    },
  };
}

export const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
