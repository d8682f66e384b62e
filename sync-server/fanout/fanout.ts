/**
 * Cross-instance fan-out: every instance that has a document loaded hears the updates and awareness
 * changes other instances stored or received. Messages are best effort (Redis pub/sub); storage stays
 * the source of truth, and `resync` asks every instance to re-read a document from it.
 */
export type FanoutKind = 'update' | 'awareness' | 'resync';

export type FanoutHandler = (kind: FanoutKind, payload: Uint8Array) => void;

export interface Fanout {
  readonly instanceId: string;
  subscribe(room: string, handler: FanoutHandler): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  /** Fire and forget; a failure is reported through `onPublishFailure`. */
  publish(room: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Called after the connection came back from an outage (not on the first connect). */
  onReconnect(cb: () => void): void;
  onStatus(cb: (up: boolean) => void): void;
  onPublishFailure(cb: (error: unknown) => void): void;
  isUp(): boolean;
  close(): Promise<void>;
}
