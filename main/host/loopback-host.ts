/**
 * `udash serve`: the same handlers as the desktop app, over a WebSocket on 127.0.0.1, plus the same
 * renderer bundle over HTTP. Every request needs the per-start random token: first as `?token=` in the
 * printed URL, after which an HttpOnly SameSite=Strict cookie carries it. Without it: 401. WebSocket
 * upgrades must also come from the host's own origin, so another website open in the same browser
 * cannot drive the API (cross-site WebSocket hijacking).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../shared/contract/index.js';
import { RPC_PATH, TOKEN_COOKIE, type ClientFrame, type ServerFrame } from '../../shared/contract/wire.js';
import type { Services } from '../services.js';
import { serveStatic } from './static.js';

export interface HostOptions {
  port?: number;
  rendererDir: string;
  /** Fixed token (tests); random otherwise. */
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_FRAME = 16 * 1024 * 1024;

function csp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startLoopbackHost(svc: Services, opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const authorised = (req: http.IncomingMessage, url: URL) => sameToken(url.searchParams.get('token'), token) || sameToken(parseCookies(req.headers.cookie)[TOKEN_COOKIE], token);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!authorised(req, url)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized: open the URL printed by `udash serve` (it carries the access token).');
      return;
    }
    const headers: Record<string, string> = {
      'content-security-policy': csp(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (url.searchParams.has('token')) headers['set-cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.pathname.startsWith('/downloads/')) {
      const d = svc.downloads.get(url.pathname.slice('/downloads/'.length));
      if (!d) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('This download has expired; export again.');
        return;
      }
      res.writeHead(200, { 'content-type': d.contentType, 'content-disposition': `attachment; filename="${d.fileName.replace(/[^\w.\- ]/g, '_')}"`, ...headers });
      fs.createReadStream(d.path).pipe(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res, headers);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const originOk = !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== RPC_PATH || !authorised(req, url) || !originOk) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  // A page may connect while start-up work (the sample workspace) is still running: its events and
  // answers wait until svc.whenReady(), so it sees the finished state, exactly as if it had connected
  // later. Every call awaits the same promise, so calls are still answered in the order they came.
  const attach = (ws: WebSocket) => {
    const abort = new AbortController();
    const send = (f: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(f));
    };
    let off = () => {};
    void svc.whenReady().then(() => {
      if (!abort.signal.aborted) off = svc.events.onAny((name, payload) => send({ t: 'event', name, payload }), EVENT_NAMES);
    });
    ws.on('message', async (data) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(String(data)) as ClientFrame;
        if (frame?.t !== 'call' || typeof frame.id !== 'number' || typeof frame.method !== 'string') throw new Error('bad frame');
      } catch {
        ws.close(1003, 'Malformed frame');
        return;
      }
      await svc.whenReady();
      const r = await svc.dispatcher.dispatch(frame.method, frame.input, { transport: 'websocket', signal: abort.signal });
      send(r.ok ? { t: 'result', id: frame.id, ok: true, value: r.value } : { t: 'result', id: frame.id, ok: false, error: r.error });
    });
    ws.on('close', () => {
      abort.abort();
      off();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
