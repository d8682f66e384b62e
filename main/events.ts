import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../shared/contract/index.js';

/** Typed events main pushes to every connected UI (both transports subscribe to this bus). */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit(name, payload);
  }
  on<E extends EventName>(name: E, fn: (payload: EventPayload<E>) => void): () => void {
    this.emitter.on(name, fn);
    return () => this.emitter.off(name, fn);
  }
  /** Forwards every event; used by transports. */
  onAny(fn: (name: EventName, payload: unknown) => void, names: readonly EventName[]): () => void {
    const offs = names.map((n) => this.on(n, (p) => fn(n, p)));
    return () => offs.forEach((off) => off());
  }
}
