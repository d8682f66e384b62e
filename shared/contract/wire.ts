/** Frames of the loopback WebSocket transport. IPC carries the same payloads without the envelope. */
import type { ErrorPayload } from '../errors.js';

export type ClientFrame = { t: 'call'; id: number; method: string; input: unknown };
export type ServerFrame =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: ErrorPayload }
  | { t: 'event'; name: string; payload: unknown };

export const RPC_PATH = '/rpc';
export const TOKEN_COOKIE = 'udash_token';
