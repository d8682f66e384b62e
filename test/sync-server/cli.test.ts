/** `udash sync-server …` through the real command (node bin/udash.js), against real storage. */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { requireService } from '../helpers/services.js';
import { CLOSE } from '../../sync-server/protocol/close-codes.js';
import { connectClient } from './helpers/clients.js';
import { PG_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { startTestServer, tempDir } from './helpers/server.js';
import { waitFor } from './helpers/wait.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'udash.js');

function udash(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function udashJson<T>(args: string[]): Promise<T> {
  const r = await udash([...args, '--json']);
  if (r.code !== 0) throw new Error(`udash ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

// Generous timeout: bin/udash.js rebuilds the bundles first whenever a source is newer (other work in
// the same tree), which can take a minute per invocation on a busy machine.
describe('udash sync-server (CLI)', { timeout: 600_000 }, () => {
  it('token create / list / revoke, with usage errors (exit 2) and failures (exit 1)', async () => {
    const data = tempDir();
    const admin = await udashJson<{ token: string; id: string; role: string; workspace: null }>(['sync-server', 'token', 'create', '--data', data, '--role', 'admin']);
    expect(admin).toMatchObject({ role: 'admin', workspace: null });
    const editor = await udashJson<{ token: string; id: string; expiresAt: number }>(['sync-server', 'token', 'create', '--data', data, '--workspace', 'ws-a', '--role', 'editor', '--expires', '1d', '--label', 'Ann']);
    expect(editor.expiresAt - Date.now()).toBeGreaterThan(86_000_000);
    expect(editor.expiresAt - Date.now()).toBeLessThanOrEqual(86_400_000);

    const text = await udash(['sync-server', 'token', 'list', '--data', data]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ID\s+WORKSPACE\s+ROLE\s+LABEL\s+STATUS\s+EXPIRES/);
    expect(text.stdout).toContain('Ann');
    expect(text.stdout).not.toContain(editor.token);
    const onlyA = await udashJson<{ id: string }[]>(['sync-server', 'token', 'list', '--data', data, '--workspace', 'ws-a']);
    expect(onlyA.map((r) => r.id)).toEqual([editor.id]);

    // The CLI's token works against a server on the same data; revoking it from the CLI cuts it off.
    const t = await startTestServer({ dataDir: data });
    const client = connectClient(t.url, 'ws-a', editor.token);
    await client.synced();
    const revoked = await udashJson<{ status: string }>(['sync-server', 'token', 'revoke', '--data', data, '--id', editor.id]);
    expect(revoked.status).toBe('revoked');
    client.doc.getMap('widgets').set('x', 1);
    await waitFor(() => client.closes.length > 0, 'the revoked token to be cut off');
    expect(client.closes[0]!.code).toBe(CLOSE.UNAUTHORIZED);
    const listed = await udashJson<{ id: string; status: string }[]>(['sync-server', 'token', 'list', '--data', data]);
    expect(listed.find((r) => r.id === editor.id)?.status).toBe('revoked');

    const unknown = await udash(['sync-server', 'token', 'revoke', '--data', data, '--id', '0000000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No token with id 0000000000000000');
    for (const bad of [
      ['--role', 'editor'],
      ['--role', 'boss', '--workspace', 'ws-a'],
      ['--role', 'admin', '--workspace', 'ws-a'],
      ['--role', 'viewer', '--workspace', 'ws-a', '--expires', 'forever'],
      ['--role', 'viewer', '--workspace', '../etc'],
    ]) {
      const r = await udash(['sync-server', 'token', 'create', '--data', data, ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^udash: /m);
    }
  });

  it('workspace list / backup / restore round-trips a document', async () => {
    const data = tempDir();
    const t = await startTestServer({ dataDir: data });
    const { token } = await t.token('owner', 'ws-a');
    const c = connectClient(t.url, 'ws-a', token);
    await c.synced();
    for (let i = 0; i < 30; i++) c.doc.getMap('widgets').set(`w${i}`, { title: `Widget ${i}` });
    await waitFor(async () => {
      const stored = new Y.Doc();
      for (const u of await t.storage.docs.load('ws-a')) Y.applyUpdate(stored, u);
      return stored.getMap('widgets').size === 30;
    }, 'all 30 widgets to be stored');
    c.destroy();
    await t.stop();

    const list = await udashJson<{ name: string; updates: number }[]>(['sync-server', 'workspace', 'list', '--data', data]);
    expect(list.map((d) => d.name)).toEqual(['ws-a']);
    const file = path.join(tempDir(), 'ws-a.json');
    const backup = await udashJson<{ file: string; bytes: number }>(['sync-server', 'workspace', 'backup', '--data', data, '--workspace', 'ws-a', '--out', file]);
    expect(backup.file).toBe(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'udash-sync-workspace-backup', workspace: 'ws-a' });

    const fresh = tempDir();
    const restored = await udashJson<{ workspace: string }>(['sync-server', 'workspace', 'restore', '--data', fresh, '--file', file, '--workspace', 'ws-copy']);
    expect(restored.workspace).toBe('ws-copy');
    const t2 = await startTestServer({ dataDir: fresh });
    const r = connectClient(t2.url, 'ws-copy', (await t2.token('viewer', 'ws-copy')).token);
    await r.synced();
    expect(r.doc.getMap('widgets').size).toBe(30);
    expect(r.doc.getMap('widgets').get('w7')).toEqual({ title: 'Widget 7' });

    const junk = path.join(tempDir(), 'junk.json');
    fs.writeFileSync(junk, '{"format":"something else"}');
    const bad = await udash(['sync-server', 'workspace', 'restore', '--data', fresh, '--file', junk]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a workspace backup');
    const missing = await udash(['sync-server', 'workspace', 'backup', '--data', fresh, '--workspace', 'never']);
    expect(missing.code).toBe(1);
  });

  it('start serves clients with CLI-made tokens and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const { token } = await udashJson<{ token: string }>(['sync-server', 'token', 'create', '--data', data, '--workspace', 'ws-a', '--role', 'editor']);
    const proc = spawn(process.execPath, [BIN, 'sync-server', 'start', '--port', '0', '--data', data], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    onTestFinished(() => {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    });
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    const lines: string[] = [];
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: proc.stdout! }).on('line', (l) => {
        lines.push(l);
        const rec = JSON.parse(l) as { msg: string; port?: number };
        if (rec.msg === 'sync server listening') resolve(rec.port!);
      });
      void exited.then((code) => reject(new Error(`exited ${code} before listening`)));
    });
    const a = connectClient(`ws://127.0.0.1:${port}`, 'ws-a', token, { keep: true });
    const b = connectClient(`ws://127.0.0.1:${port}`, 'ws-a', token, { keep: true });
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap('widgets').set('hello', 'world');
    await waitFor(() => b.doc.getMap('widgets').get('hello') === 'world', 'b to receive');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    a.destroy();
    b.destroy();
    expect(lines.join('\n')).not.toContain(token.split('_')[2]!);
    const stored = await udashJson<{ name: string }[]>(['sync-server', 'workspace', 'list', '--data', data]);
    expect(stored.map((d) => d.name)).toEqual(['ws-a']);
  });

  it('keeps tokens in PostgreSQL with --postgres', async (ctx) => {
    await requireService('postgres', ctx);
    const schema = uniqueSchema();
    onTestFinished(() => dropSchema(schema));
    const data = tempDir();
    const pgArgs = ['--data', data, '--postgres', PG_URL, '--pg-schema', schema];
    const made = await udashJson<{ id: string }>(['sync-server', 'token', 'create', ...pgArgs, '--workspace', 'ws-a', '--role', 'owner']);
    const listed = await udashJson<{ id: string }[]>(['sync-server', 'token', 'list', ...pgArgs]);
    expect(listed.map((r) => r.id)).toEqual([made.id]);
    expect(fs.existsSync(path.join(data, 'tokens.sqlite'))).toBe(false);
  });
});
