import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { projectRoot } from '../../assets.js';
import { createServices } from '../../services.js';
import { startLoopbackHost } from '../../host/loopback-host.js';
import { startReportScheduler } from '../../reports/module.js';
import { UsageError, type GlobalOptions } from '../context.js';

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

export function registerServe(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('Serve the Universal Dashboard UI on 127.0.0.1 for a browser (token-protected)')
    .option('--port <n>', 'port (0 picks a free one)', '0')
    .option('--open', 'open the URL in the default browser')
    .option('--json', 'print {"url","port"} as JSON')
    .action(async (o: { port: string; open?: boolean; json?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be an integer between 0 and 65535');
      let stopping = false;
      const stopped = new Promise<void>((resolve) => {
        const stop = () => {
          stopping = true;
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // On a first start the sample workspace is imported while the host already listens (the browser
      // loads the UI meanwhile; the host holds calls until it is built): see ServicesOptions.sampleInBackground.
      const svc = await createServices({ ...(globals().home ? { home: globals().home! } : {}), sampleInBackground: true });
      const rendererDir = process.env.UDASH_RENDERER_DIR ?? path.join(projectRoot(), 'dist', 'renderer');
      const host = await startLoopbackHost(svc, { port, rendererDir });
      if (o.json ?? globals().json) process.stdout.write(JSON.stringify({ url: host.url, port: host.port }) + '\n');
      else process.stdout.write(`Universal Dashboard is running at ${host.url}\nPress Ctrl+C to stop.\n`);
      if (svc.storeError()) process.stderr.write(`Warning: ${svc.storeError()!.message}\nThe UI offers recovery.\n`);
      // A long-lived host runs scheduled reports (missed runs fire once, marked late), from the finished store.
      else
        void svc.whenReady().then(() => {
          if (!stopping) startReportScheduler(svc);
        });
      if (o.open) openBrowser(host.url);
      await stopped;
      await host.close();
      await svc.close();
    });
}
