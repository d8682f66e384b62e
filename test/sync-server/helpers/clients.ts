/**
 * Real y-websocket clients in Node: the stock WebsocketProvider with `ws` as its WebSocket. The
 * BroadcastChannel shortcut is disabled, or two providers in one process would sync without the server.
 */
import * as decoding from 'lib0/decoding';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './wait.js';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw (code, reason), newest last. */
  closes: { code: number; reason: string }[];
  /** Permission-denied messages the server sent. */
  denied: string[];
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export interface ClientOptions {
  connect?: boolean;
  doc?: Y.Doc;
  /** Keep the client after the test (the caller destroys it). */
  keep?: boolean;
}

export function connectClient(url: string, room: string, token: string | null, opts: ClientOptions = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    connect: opts.connect ?? true,
    disableBc: true,
    maxBackoffTime: 300,
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const closes: { code: number; reason: string }[] = [];
  const denied: string[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  // The stock handler only logs; keep the reason for assertions instead.
  provider.messageHandlers[2] = (_enc, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  let destroyed = false;
  const client: TestClient = {
    doc,
    provider,
    closes,
    denied,
    synced: (timeoutMs = 10_000) => waitFor(() => provider.synced, `client of ${room} to sync`, timeoutMs),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
  if (!opts.keep) onTestFinished(() => client.destroy());
  return client;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/** Canonical JSON (sorted keys: map iteration order differs between replicas) of top-level maps. */
export function snapshot(doc: Y.Doc, names: string[] = ['widgets']): string {
  return JSON.stringify(canonical(Object.fromEntries(names.map((n) => [n, doc.getMap(n).toJSON()]))));
}
