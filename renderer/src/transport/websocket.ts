/**
 * The browser side of the loopback WebSocket transport: request/response by id, pushed events, and
 * reconnection with backoff (calls made while disconnected wait for the socket).
 */
import type { BridgeResult } from '../../../shared/contract/bridge.js';
import type { ClientFrame, ServerFrame } from '../../../shared/contract/wire.js';

export interface WsTransport {
  call(method: string, input: unknown): Promise<BridgeResult>;
  subscribe(event: string, fn: (payload: unknown) => void): () => void;
  onState(fn: (s: 'open' | 'reconnecting' | 'closed') => void): () => void;
}

export function connectWebSocket(url: string): WsTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, { frame: ClientFrame; resolve: (r: BridgeResult) => void }>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const stateListeners = new Set<(s: 'open' | 'reconnecting' | 'closed') => void>();
  const queue: ClientFrame[] = [];

  const setState = (s: 'open' | 'reconnecting' | 'closed') => stateListeners.forEach((fn) => fn(s));

  const open = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      // Send what was queued while disconnected (calls in flight at the drop were failed, never resent:
      // resending a non-idempotent call could apply it twice).
      while (queue.length) ws.send(JSON.stringify(queue.shift()));
    };
    ws.onmessage = (ev) => {
      const f = JSON.parse(String(ev.data)) as ServerFrame;
      if (f.t === 'result') {
        const p = pending.get(f.id);
        pending.delete(f.id);
        p?.resolve(f.ok ? { ok: true, value: f.value } : { ok: false, error: f.error });
      } else if (f.t === 'event') {
        listeners.get(f.name)?.forEach((fn) => fn(f.payload));
      }
    };
    ws.onclose = (ev) => {
      socket = null;
      for (const [id, p] of pending) {
        if (queue.includes(p.frame)) continue;
        pending.delete(id);
        p.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The connection to Universal Dashboard was lost; try again.' } });
      }
      if (ev.code === 1008 || ev.code === 4401) {
        setState('closed');
        return;
      }
      setState('reconnecting');
      const delay = Math.min(5000, 200 * 2 ** attempt++);
      setTimeout(open, delay);
    };
  };
  open();

  return {
    call(method, input) {
      return new Promise((resolve) => {
        const frame: ClientFrame = { t: 'call', id: nextId++, method, input };
        pending.set(frame.id, { frame, resolve });
        if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
        else queue.push(frame);
      });
    },
    subscribe(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn);
      return () => set!.delete(fn);
    },
    onState(fn) {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
  };
}
