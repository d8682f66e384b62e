/**
 * The tracking endpoints on their own HTTP server, for installations without the sync server yet and
 * for tests. The sync server mounts the same handler next to its routes instead.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTrackingRoutes, type TrackingOptions } from './routes.js';

export interface RunningTrackingServer {
  url: string;
  close(): Promise<void>;
}

export async function startTrackingServer(o: TrackingOptions & { port?: number; host?: string }): Promise<RunningTrackingServer> {
  const handle = createTrackingRoutes(o);
  const server = http.createServer((req, res) => {
    handle(req, res)
      .then((handled) => {
        if (!handled) {
          res.writeHead(404);
          res.end('Not found');
        }
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
