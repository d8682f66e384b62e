/**
 * The renderer's typed client for the contract. It is the same whichever transport carries it:
 * Electron IPC through the preload's window.udash, or the loopback WebSocket of `udash serve`.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import type { UdashBridge } from '../../../shared/contract/bridge.js';
import { fromErrorPayload } from '../../../shared/errors.js';
import { connectWebSocket, type WsTransport } from './websocket.js';

export interface Client {
  readonly transport: 'ipc' | 'websocket';
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void;
  /** URL the browser can fetch a registered download from (WebSocket host only). */
  downloadUrl(downloadId: string): string | null;
  /** Connection state for the status bar. */
  onConnection(fn: (state: 'open' | 'reconnecting' | 'closed') => void): () => void;
}

declare global {
  interface Window {
    udash?: UdashBridge;
  }
}

function ipcClient(bridge: UdashBridge): Client {
  return {
    transport: 'ipc',
    async call(method, input) {
      const r = await bridge.invoke(method, input);
      if (!r.ok) throw fromErrorPayload(r.error);
      return r.value as MethodOutput<typeof method>;
    },
    on(event, fn) {
      return bridge.subscribe(event, fn as (p: unknown) => void);
    },
    downloadUrl: () => null,
    onConnection: () => () => undefined,
  };
}

function wsClient(ws: WsTransport): Client {
  return {
    transport: 'websocket',
    async call(method, input) {
      const r = await ws.call(method, input);
      if (!r.ok) throw fromErrorPayload(r.error);
      return r.value as MethodOutput<typeof method>;
    },
    on(event, fn) {
      return ws.subscribe(event, fn as (p: unknown) => void);
    },
    downloadUrl: (id) => `/downloads/${encodeURIComponent(id)}`,
    onConnection: (fn) => ws.onState(fn),
  };
}

export function createClient(): Client {
  if (window.udash) return ipcClient(window.udash);
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return wsClient(connectWebSocket(`${proto}//${location.host}/rpc`));
}
