import type { EventBus } from '../events.js';
import { PROGRESS_INTERVAL_MS } from './limits.js';

/** Emits `progress` events for one task at most every PROGRESS_INTERVAL_MS, plus the final one. */
export class ProgressReporter {
  private last = 0;
  constructor(
    private readonly events: EventBus,
    private readonly taskId: string,
  ) {}

  report(phase: string, done: number, total?: number, message?: string, force = false): void {
    const now = performance.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.events.emit('progress', { taskId: this.taskId, phase, done, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) });
  }
}
