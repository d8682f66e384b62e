import { UdashError } from '../../shared/errors.js';

/** Running imports and exports by task id, so `import.cancel` (or a caller going away) can stop them. */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();

  start(taskId: string, callerSignal?: AbortSignal): { signal: AbortSignal; done: () => void } {
    if (this.running.has(taskId)) throw new UdashError('CONFLICT', `A task with id "${taskId}" is already running`, { field: 'taskId' });
    const ctl = new AbortController();
    const onCallerGone = () => ctl.abort();
    callerSignal?.addEventListener('abort', onCallerGone, { once: true });
    if (callerSignal?.aborted) ctl.abort();
    this.running.set(taskId, ctl);
    return {
      signal: ctl.signal,
      done: () => {
        callerSignal?.removeEventListener('abort', onCallerGone);
        this.running.delete(taskId);
      },
    };
  }

  /** True when a running task was asked to stop; cancelling a finished or unknown task is a no-op. */
  cancel(taskId: string): boolean {
    const ctl = this.running.get(taskId);
    ctl?.abort();
    return !!ctl;
  }

  abortAll(): void {
    for (const ctl of this.running.values()) ctl.abort();
  }
}

export function throwIfCancelled(signal: AbortSignal, what: string): void {
  if (signal.aborted) throw new UdashError('CANCELLED', `${what} was cancelled; nothing was kept`);
}
