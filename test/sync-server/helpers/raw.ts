/** A bare WebSocket to the server, for sending frames a well-behaved provider never would. */
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';

export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code (and reason) once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Binary frames received so far. */
  received: Uint8Array[];
}

export function rawConnect(url: string, room: string, token: string | null): Promise<RawSocket> {
  const ws = new WebSocket(`${url}/${room}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  const received: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  onTestFinished(() => ws.terminate());
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed, received }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
  });
}

/** The close code, or null if the socket is still open after `ms`. */
export async function closeWithin(s: RawSocket, ms: number): Promise<number | null> {
  return Promise.race([s.closed.then((c) => c.code), new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}
