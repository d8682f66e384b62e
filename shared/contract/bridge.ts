/**
 * The one object the Electron preload exposes as `window.udash`. It carries contract calls and events
 * and nothing else: no Node, no fs, no ipcRenderer. main validates every input against the contract.
 */
import type { ErrorPayload } from '../errors.js';

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

export interface UdashBridge {
  readonly transport: 'ipc';
  invoke(method: string, input: unknown): Promise<BridgeResult>;
  /** Returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names: one for calls, one for events (the method/event name travels inside). */
export const IPC_CALL = 'udash:call';
export const IPC_EVENT = 'udash:event';
