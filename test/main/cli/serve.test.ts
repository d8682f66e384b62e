/**
 * `udash serve` end to end: the real bin/udash.js in a child process on a fresh UDASH_HOME.
 *
 * The host starts listening while the sample workspace is still being imported (so the browser loads
 * the UI meanwhile) and holds every call until the sample is built: a client that calls at once must
 * see the finished sample, never part of it. A stop during the build finishes the sample first. And
 * the heavy libraries that only some commands need (spreadsheets, S3, Redis, SMTP …) are not loaded
 * by a serve start: they load on first use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { RPC_PATH } from '../../../shared/contract/wire.js';
import { createServices } from '../../../main/services.js';
import { SAMPLE_DASHBOARD_NAME } from '../../../main/sample/business-overview.js';
import { SAMPLE_FILES, SAMPLE_WORKSPACE_NAME } from '../../../main/sample/seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts `udash serve --port 0 --json`; resolves once it prints its URL. */
function serve(home: string, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: URL; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin', 'udash.js'), 'serve', '--port', '0', '--json'], {
    cwd: root,
    env: { ...process.env, UDASH_HOME: home, UDASH_NO_SAMPLE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: new URL((JSON.parse(line) as { url: string }).url), exited });
    });
    void exited.then((code) => reject(new Error(`udash serve exited with ${code}: ${err}`)));
  });
}

function rpc(url: URL): Promise<{ call: (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>; close: () => void }> {
  const ws = new WebSocket(`ws://${url.host}${RPC_PATH}?token=${url.searchParams.get('token')}`);
  let next = 1;
  const waiting = new Map<number, (f: { ok: boolean; value?: unknown }) => void>();
  ws.on('message', (data) => {
    const f = JSON.parse(String(data)) as { t: string; id: number; ok: boolean; value?: unknown };
    if (f.t === 'result') waiting.get(f.id)?.(f);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        call: (method, input) =>
          new Promise((r) => {
            const id = next++;
            waiting.set(id, r);
            ws.send(JSON.stringify({ t: 'call', id, method, input }));
          }),
        close: () => ws.close(),
      }),
    );
  });
}

/** What the store holds for the sample, read after the server has stopped. */
async function storedSample(home: string): Promise<{ workspaces: number; datasets: string[]; dashboards: { name: string; widgets: number }[] }> {
  const svc = await createServices({ home, sample: false });
  try {
    const c = svc.core();
    const ws = c.workspaces.list();
    const sample = ws.find((w) => w.name === SAMPLE_WORKSPACE_NAME);
    if (!sample) return { workspaces: ws.length, datasets: [], dashboards: [] };
    return {
      workspaces: ws.length,
      datasets: c.datasets.list(sample.id).map((d) => d.name).sort(),
      dashboards: c.dashboards.list(sample.id).map((d) => ({ name: d.name, widgets: c.dashboards.get(sample.id, d.id).widgets.length })),
    };
  } finally {
    await svc.close();
  }
}

describe('udash serve', () => {
  it('answers its first calls with the finished sample workspace, then stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const home = tempDir('udash-serve-');
    const { child, url, exited } = await serve(home);
    const client = await rpc(url);
    // Called the moment the URL is printed, while the sample may still be importing.
    const listed = await client.call('workspaces.list', {});
    expect(listed.ok).toBe(true);
    const workspaces = listed.value as { id: string; name: string; isSample?: boolean }[];
    expect(workspaces.map((w) => w.name)).toEqual([SAMPLE_WORKSPACE_NAME]);
    const [datasets, dashboards] = await Promise.all([client.call('datasets.list', { workspaceId: workspaces[0]!.id }), client.call('dashboards.list', { workspaceId: workspaces[0]!.id })]);
    const names = (datasets.value as { name: string; rowCount: number }[]).map((d) => [d.name, d.rowCount > 0]);
    expect(names.sort()).toEqual(SAMPLE_FILES.map((f) => [f.name, true]).sort());
    expect((dashboards.value as { name: string }[]).map((d) => d.name)).toEqual([SAMPLE_DASHBOARD_NAME]);
    client.close();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('finishes the sample before stopping when SIGTERM comes while it is being built', { timeout: 120_000 }, async () => {
    const home = tempDir('udash-serve-stop-');
    const { child, exited } = await serve(home);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stored = await storedSample(home);
    expect(stored.workspaces).toBe(1);
    expect(stored.datasets).toEqual(SAMPLE_FILES.map((f) => f.name).sort());
    expect(stored.dashboards).toHaveLength(1);
    expect(stored.dashboards[0]!.name).toBe(SAMPLE_DASHBOARD_NAME);
    expect(stored.dashboards[0]!.widgets).toBeGreaterThan(0);
  });

  it('does not load the heavy libraries only some commands need', { timeout: 120_000 }, async () => {
    const home = tempDir('udash-serve-libs-');
    const report = path.join(tempDir('udash-serve-modules-'), 'loaded.json');
    // Preloaded into the server: on exit, writes every CommonJS module file the process has loaded.
    const hook = path.join(path.dirname(report), 'record-modules.cjs');
    fs.writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const { child, url, exited } = await serve(home, ['--require', hook]);
    const client = await rpc(url);
    expect((await client.call('workspaces.list', {})).ok).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    client.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const loaded = (JSON.parse(fs.readFileSync(report, 'utf8')) as string[]).filter((f) => f.includes(`${path.sep}node_modules${path.sep}`));
    expect(loaded.some((f) => f.includes(`${path.sep}better-sqlite3${path.sep}`))).toBe(true); // the hook works
    const heavy = ['exceljs', 'pptxgenjs', '@aws-sdk', 'ioredis', 'nodemailer', 'prom-client', 'pg', '@resvg', '@napi-rs', 'handlebars', 'playwright-core', 'date-holidays', 'echarts', '@tensorflow', 'mongodb', 'juice'];
    expect(heavy.filter((pkg) => loaded.some((f) => f.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`)))).toEqual([]);
  });
});
